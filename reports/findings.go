package reports

import (
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/compliance"
	"partyoffice/data/dues"
	"partyoffice/data/rules"
	"partyoffice/data/yearwork"
)

// findingSources are the checks beside the 发展党员 rules: the gaps of the
// 三会一课 record (M-… in data/compliance), 党费 (DUES-… in data/dues) and
// the year's registers (Y-… in data/yearwork).
var findingSources = []func(s *data.Store, on civil.Date) ([]rules.Finding, error){
	compliance.Check,
	dues.Check,
	yearwork.Check,
}

// CheckFindings are what `partyoffice check` reports on a day, most urgent
// first. The 上报 pack shows the open errors among them before it writes.
func CheckFindings(s *data.Store, on civil.Date) ([]rules.Finding, error) {
	d, err := s.LoadDevData()
	if err != nil {
		return nil, err
	}
	findings := rules.CheckAll(d, on, rules.DefaultOptions())
	for _, check := range findingSources {
		more, err := check(s, on)
		if err != nil {
			return nil, err
		}
		findings = append(findings, more...)
	}
	rules.Sort(findings)
	return findings, nil
}

// Areas of the record, as the pack's warning names them, by rule-ID prefix.
var findingAreas = []struct{ prefix, area string }{
	{"M-", "三会一课"}, {"DUES-", "党费"}, {"Y-", "年度台账"},
}

// FindingArea is the part of the record a finding is about: 发展党员,
// 三会一课, 党费 or 年度台账.
func FindingArea(f rules.Finding) string {
	for _, a := range findingAreas {
		if strings.HasPrefix(f.Rule, a.prefix) {
			return a.area
		}
	}
	return "发展党员"
}

// FindingAreaNames are the areas in the order the pack lists them.
func FindingAreaNames() []string {
	out := []string{"发展党员"}
	for _, a := range findingAreas {
		out = append(out, a.area)
	}
	return out
}
