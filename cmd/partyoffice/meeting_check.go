package main

import (
	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/compliance"
	"partyoffice/data/rules"
)

// withMeetingFindings adds the gaps of the 三会一课 record (rule IDs M-…,
// documented in package data/compliance) to the 发展党员 findings of `check`,
// most urgent first.
func withMeetingFindings(s *data.Store, on civil.Date, findings []rules.Finding) ([]rules.Finding, error) {
	more, err := compliance.Check(s, on)
	if err != nil {
		return nil, err
	}
	findings = append(findings, more...)
	rules.Sort(findings)
	return findings, nil
}
