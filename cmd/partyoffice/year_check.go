package main

import (
	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/dues"
	"partyoffice/data/rules"
	"partyoffice/data/yearwork"
)

// yearFindingSources are the checks of the year's registers beside 发展党员
// and 三会一课 (rule IDs DUES-… in data/dues, Y-… in data/yearwork).
var yearFindingSources = []func(s *data.Store, on civil.Date) ([]rules.Finding, error){
	dues.Check,
	yearwork.Check,
}

// withYearFindings adds the findings of the year's registers, most urgent first.
func withYearFindings(s *data.Store, on civil.Date, findings []rules.Finding) ([]rules.Finding, error) {
	for _, check := range yearFindingSources {
		more, err := check(s, on)
		if err != nil {
			return nil, err
		}
		findings = append(findings, more...)
	}
	rules.Sort(findings)
	return findings, nil
}
