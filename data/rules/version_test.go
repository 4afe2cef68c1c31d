package rules

import (
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// A record without its own version follows the one in force on its earliest
// date, for all its steps (docs/rules.md, "Rule versions"): begun the day
// before 2026-05-18 it is judged by 2014 (no 公示 required), begun on that
// day by 2026.05, whatever the branch's default.
func TestVersionFromTheRecordsEarliestDate(t *testing.T) {
	for _, c := range []struct {
		first   string
		wantD5  bool
		version string
	}{
		{"2026-05-17", false, data.RuleVersion2014},
		{"2026-05-18", true, data.RuleVersion2026},
	} {
		p := subjectPerson("")
		p.Stage, p.JoinDate, p.FullDate = data.StageCandidate, civil.Date{}, civil.Date{}
		// only the application is before 2026-05-18; the 发展对象 (no 公示) a year later
		steps := []data.DevStep{{Step: 1, Date: d(c.first)}, {Step: 2, Date: d("2026-06-01")},
			{Step: 3, Date: d("2026-12-01")}, {Step: 7, Date: d("2027-12-10")}}
		for i := range steps {
			steps[i].ID, steps[i].PersonID = uint(i+1), subject
		}
		fs := checkOne(p, register(), steps, "2027-12-20", DefaultOptions())
		if got := len(findingsOf(fs, "D5")) > 0; got != c.wantD5 {
			t.Errorf("begun %s: D5 reported %v, want %v (version %s)\n%s", c.first, got, c.wantD5, c.version, describe(fs))
		}
		for _, f := range fs {
			if strings.Contains(f.Message, "细则（") && !strings.Contains(f.Message, "细则（"+c.version+"）") {
				t.Errorf("begun %s: finding cites another version: %s", c.first, f.Line())
			}
		}
	}
}

// A record with no date at all says which version it was checked by and why.
func TestRecordWithoutDatesSaysTheVersionIsNotKnown(t *testing.T) {
	p := subjectPerson("")
	p.Stage = data.StageCandidate
	steps := []data.DevStep{{Model: data.Model{ID: 1}, PersonID: subject, Step: data.StepBranchMeeting}}
	fs := checkOne(p, register(), steps, "2026-11-28", DefaultOptions())
	if len(fs) == 0 {
		t.Fatal("want at least the D9 reminder")
	}
	for _, f := range fs {
		if !strings.Contains(f.Message, "无法确定适用哪一版细则，暂按支部默认的2026.05版检查") {
			t.Errorf("finding does not say the version is not known: %s", f.Line())
		}
	}
	p.JoinDate = d("2025-10-10")
	steps[0].Date = d("2025-10-10")
	for _, f := range checkOne(p, register(), steps, "2026-11-28", DefaultOptions()) {
		if strings.Contains(f.Message, "无法确定适用") {
			t.Errorf("a dated record has a known version: %s", f.Line())
		}
	}
}
