package rules

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/holidays"
)

func TestWorkingDays(t *testing.T) {
	official := holidays.Official()
	cases := []struct {
		from, to  string
		cal       WorkCalendar
		want      int
		uncovered string
	}{
		{"2025-07-10", "2025-07-16", Weekdays{}, 5, "[2025]"}, // Thu … Wed over a weekend
		{"2025-07-11", "2025-07-16", Weekdays{}, 4, "[2025]"}, // Fri … Wed
		{"2025-07-12", "2025-07-13", Weekdays{}, 0, "[2025]"}, // a weekend
		{"2025-07-14", "2025-07-14", Weekdays{}, 1, "[2025]"}, // one Monday
		{"2025-07", "2025-07", Weekdays{}, 23, "[2025]"},      // the month, at most
		// 国庆 with the official table: 1–8 October off, Saturday 11th worked.
		{"2025-10-01", "2025-10-10", official, 2, "[]"},
		{"2025-09-30", "2025-10-11", official, 4, "[]"},
		// a 公示 over 国庆 2026: 30 Sep, 8, 9, 10 (Saturday 调休) → 4 days
		{"2026-09-30", "2026-10-10", official, 4, "[]"},
		{"2026-09-30", "2026-10-12", official, 5, "[]"},
		// over New Year into a year without a table
		{"2026-12-30", "2027-01-05", official, 5, "[2027]"},
	}
	for _, c := range cases {
		got, uncovered := WorkingDays(c.cal, d(c.from), d(c.to))
		if got != c.want || fmt.Sprint(uncovered) != c.uncovered {
			t.Errorf("%s–%s: %d working days (uncovered %v), want %d (%s)", c.from, c.to, got, uncovered, c.want, c.uncovered)
		}
	}
}

func TestFindingJSONShape(t *testing.T) {
	fs := []Finding{
		{Person: "张三", IDNumber: "11010519491231002X", Rule: "D4", Severity: SeverityError, Message: "张三：…"},
		{Person: "李四", Rule: RuleTalkDue, Severity: SeverityReminder, Message: "李四：…", Due: d("2026-12-01")},
		{Person: "王五", Rule: RuleTalkDue, Severity: SeverityReminder, Message: "王五：…", Due: d("2026-12")},
	}
	b, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"person":"张三","id_number":"11010519491231002X","rule":"D4","severity":"error","message":"张三：…","due":null},` +
		`{"person":"李四","id_number":"","rule":"R-TALK","severity":"reminder","message":"李四：…","due":"2026-12-01"},` +
		`{"person":"王五","id_number":"","rule":"R-TALK","severity":"reminder","message":"王五：…","due":"2026-12-31"}]`
	if string(b) != want {
		t.Errorf("JSON\n got %s\nwant %s", b, want)
	}
}

func TestFindingLine(t *testing.T) {
	f := Finding{Person: "张三", Rule: "D4", Severity: SeverityError, Message: "张三：太早", Due: d("2026-12-01")}
	if got := f.Line(); got != "[错误] D4 张三：太早（截止 2026-12-01）" {
		t.Errorf("line %q", got)
	}
	f.Severity, f.DueIsEarliest = SeverityReminder, true
	if got := f.Line(); got != "[提醒] D4 张三：太早（最早 2026-12-01）" {
		t.Errorf("line %q", got)
	}
	f.Due = civil.Date{}
	if got := f.Line(); strings.Contains(got, "（") {
		t.Errorf("no due, no bracket: %q", got)
	}
}

func TestSortMostUrgentFirst(t *testing.T) {
	fs := []Finding{
		{Person: "甲", Rule: "R-TALK", Severity: SeverityReminder},
		{Person: "乙", Rule: "R-TALK", Severity: SeverityReminder, Due: d("2026-12-10")},
		{Person: "丙", Rule: "D4", Severity: SeverityError},
		{Person: "丁", Rule: "D2", Severity: SeverityReminder, Due: d("2026-11-01")},
		{Person: "戊", Rule: "D10", Severity: SeverityError, Due: d("2026-05-01")},
	}
	Sort(fs)
	var order []string
	for _, f := range fs {
		order = append(order, f.Person)
	}
	if got := strings.Join(order, ""); got != "戊丙丁乙甲" {
		t.Errorf("order %s, want 戊丙丁乙甲 (errors, dated first, then by due date, undated last)", got)
	}
	if e, r := Count(fs); e != 2 || r != 3 {
		t.Errorf("count %d errors, %d reminders", e, r)
	}
}

func TestRulebook(t *testing.T) {
	for _, id := range []string{"D5", "D8", RuleMeetingDue} {
		if _, ok := RuleFor(data.RuleVersion2014, id); ok {
			t.Errorf("%s is a 2026 rule, not in 2014", id)
		}
		if _, ok := RuleFor(data.RuleVersion2026, id); !ok {
			t.Errorf("%s missing from 2026.05", id)
		}
	}
	for _, v := range data.RuleVersions {
		for _, r := range Rules(v.ID) {
			if r.Text == "" || r.Source == "" {
				t.Errorf("%s %s has no text or source", v.ID, r.ID)
			}
			if r.Source == sourceRules && v.Unverified && !strings.Contains(r.Basis(), "待核对原文") {
				t.Errorf("%s %s should be marked 待核对原文: %s", v.ID, r.ID, r.Basis())
			}
		}
	}
	if r, _ := RuleFor(data.RuleVersion2014, "D4"); r.Basis() != "细则（2014）第十三条" {
		t.Errorf("D4 2014 basis %q", r.Basis())
	}
	if r, _ := RuleFor(data.RuleVersion2026, "D13"); r.Basis() != "党章第七条" {
		t.Errorf("D13 basis %q", r.Basis())
	}
	if r, _ := RuleFor(data.RuleVersion2026, RuleOathDue); !strings.Contains(r.Basis(), "未核实") || !r.Local {
		t.Errorf("R-OATH is a local, unverified practice: %+v", r)
	}
	// Every rule the checks can report exists in at least one version.
	for _, id := range []string{"D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9", "D10", "D11", "D12", "D13", "D14",
		RuleTalkDue, RuleAssessDue, RuleCandidateDue, RuleMeetingDue, RuleApprovalDue, RuleOathDue, RuleTransferDue,
		RuleConfirmDue, RuleMissingStep, RuleNegative, RuleJoinDate, RuleYoungTeacher} {
		if _, ok := RuleFor(data.RuleVersion2026, id); !ok {
			t.Errorf("rule %s is not in the rulebook", id)
		}
	}
}

// Paper cites the document's name and only verified article numbers; the
// screen keeps the article with its marker (docs/rules.md, "Citations").
func TestPrintedCitations(t *testing.T) {
	steps := setDate(3, "2024-07-21")(fullPath()) // D4
	for version, want := range map[string]struct{ screen, paper string }{
		data.RuleVersion2014: {"（依据：细则（2014）第十三条）", "（依据：《中国共产党发展党员工作细则》（2014年）第十三条）"},
		data.RuleVersion2026: {"（依据：细则（2026.05）第十三条，条文序号待核对原文）", "（依据：《中国共产党发展党员工作细则》（2026年修订））"},
	} {
		fs := findingsOf(checkOne(subjectPerson(version), register(), steps, "2026-11-28", DefaultOptions()), "D4")
		if len(fs) != 1 || !strings.HasSuffix(fs[0].Message, want.screen) || !strings.HasSuffix(fs[0].ForPrint(), want.paper) {
			t.Errorf("%s: screen %q, paper %q", version, fs[0].Message, fs[0].ForPrint())
		}
	}
	for _, v := range data.RuleVersions {
		for _, r := range Rules(v.ID) {
			p := r.PrintedBasis()
			if strings.Contains(p, "待核对") || strings.Contains(p, "未核实") || (!r.Verified() && r.Article != "" && strings.Contains(p, r.Article)) {
				t.Errorf("%s %s printed as %q", v.ID, r.ID, p)
			}
		}
	}
}
