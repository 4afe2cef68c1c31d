package reports

import (
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/compliance"
	"partyoffice/data/rules"
)

// CheckFindings are what `partyoffice check` reports on a day: the 发展党员
// findings and the gaps of the 三会一课 record (rule IDs M-…), most urgent
// first. The 上报 pack shows the open errors among them before it writes.
func CheckFindings(s *data.Store, on civil.Date) ([]rules.Finding, error) {
	d, err := s.LoadDevData()
	if err != nil {
		return nil, err
	}
	findings := rules.CheckAll(d, on, rules.DefaultOptions())
	more, err := compliance.Check(s, on)
	if err != nil {
		return nil, err
	}
	findings = append(findings, more...)
	rules.Sort(findings)
	return findings, nil
}

// FindingArea is the part of the record a finding is about, as the pack's
// warning names it: 发展党员 or 三会一课.
func FindingArea(f rules.Finding) string {
	if strings.HasPrefix(f.Rule, "M-") { // data/compliance: every 三会一课 rule is M-…
		return "三会一课"
	}
	return "发展党员"
}
