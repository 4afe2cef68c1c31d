package compliance

import (
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/rules"
)

func summaryRow(t *testing.T, s Summary, typ data.MeetingType) SummaryRow {
	t.Helper()
	for _, r := range s.Rows {
		if r.Type == typ {
			return r
		}
	}
	t.Fatalf("no row for %s", typ)
	return SummaryRow{}
}

func TestYearAndQuarterSummary(t *testing.T) {
	d := branch(10)
	d.hold("2026-02-14", data.TypeMembersMeeting, data.TypeThemeDay)
	d.hold("2026-03-08", data.TypeThemeDay)
	d.hold("2026-05-20", data.TypeMembersMeeting)
	d.hold("2026-05-21", data.TypeMembersMeeting)
	c := New(d, datatest.Day("2026-11-28"))

	from, to, label := Span(2026, 0)
	year := c.Summary(from, to, label)
	if year.Label != "2026年" || len(year.Months) != 12 || year.Sittings != 4 {
		t.Fatalf("year: %s, %d months, %d sittings", year.Label, len(year.Months), year.Sittings)
	}
	dy := summaryRow(t, year, data.TypeMembersMeeting)
	if dy.Held != 3 || dy.ByMonth[1] != 1 || dy.ByMonth[4] != 2 || dy.Required != 4 || dy.Done != 2 ||
		dy.Conclusion() != "未完成：第三季度" {
		t.Errorf("党员大会 2026: %+v → %s", dy, dy.Conclusion())
	}
	theme := summaryRow(t, year, data.TypeThemeDay)
	if theme.Held != 2 || theme.Required != 12 || !strings.HasPrefix(theme.Conclusion(), "未完成：1月、4月") {
		t.Errorf("主题党日 2026: %+v → %s", theme, theme.Conclusion())
	}
	if r := summaryRow(t, year, data.TypeLifeMeeting); r.Required != 1 || r.Conclusion() != "进行中" {
		t.Errorf("组织生活会 2026: %+v → %s", r, r.Conclusion())
	}

	from, to, label = Span(2026, 1)
	q1 := c.Summary(from, to, label)
	if q1.Label != "2026年第一季度" || len(q1.Months) != 3 {
		t.Fatalf("Q1: %s", q1.Label)
	}
	if r := summaryRow(t, q1, data.TypeMembersMeeting); r.Required != 1 || r.Conclusion() != "已完成" {
		t.Errorf("党员大会 Q1: %+v → %s", r, r.Conclusion())
	}
	// The yearly 组织生活会 is judged in the fourth quarter only.
	if r := summaryRow(t, q1, data.TypeLifeMeeting); r.Required != 0 || r.Conclusion() != "本期不考核" {
		t.Errorf("组织生活会 Q1: %+v → %s", r, r.Conclusion())
	}
	// The autumn semester ends on 31 January: its 意识形态 meeting is judged in
	// Q1, by name and with the semester's numbers, outside Q1's 应开展.
	if r := summaryRow(t, q1, data.TypeIdeology); r.Required != 0 || r.Conclusion() != "2025年秋季学期：未完成 0/1" {
		t.Errorf("意识形态 Q1: %+v → %s", r, r.Conclusion())
	}
	small := branch(5)
	from, to, label = Span(2026, 2)
	if r := summaryRow(t, New(small, datatest.Day("2026-11-28")).Summary(from, to, label), data.TypeCommittee); !strings.Contains(r.Conclusion(), "不设支委会") {
		t.Errorf("支委会 of a small branch: %s", r.Conclusion())
	}
}

func TestClassesPerSemester(t *testing.T) {
	d := branch(10)
	logs := []data.ClassLog{
		{Date: datatest.Day("2025-12-01"), Kind: data.ClassListen, Hours: 1, Who: "党员01"},
		{Date: datatest.Day("2026-01-10"), Kind: data.ClassListen, Hours: 1, Who: "党员01"}, // autumn 2025 (crosses the new year)
		{Date: datatest.Day("2026-01-12"), Kind: data.ClassTeach, Hours: 2, Who: "党员01"},
		{Date: datatest.Day("2026-03-05"), Kind: data.ClassTeach, Hours: 3, Who: "党员01"},
		{Date: datatest.Day("2026-10-09"), Kind: data.ClassListen, Hours: 1, Who: "党员01"},
	}
	d.ClassLogs = logs
	c := New(d, datatest.Day("2026-11-28"))
	autumn := c.Classes(datatest.Day("2025-10-01"))
	if autumn.Period.Label != "2025年秋季学期" || autumn.Listens != 2 || autumn.TeachHours != 2 || autumn.ListenMet() {
		t.Errorf("autumn 2025: %+v", autumn)
	}
	spring := c.Classes(datatest.Day("2026-05-01"))
	if spring.Listens != 0 || spring.TeachHours != 3 || spring.TeachMet() {
		t.Errorf("spring 2026: %+v", spring)
	}
	if n := len(c.ClassTallies(datatest.Day("2026-01-01"), datatest.Day("2026-12-31"))); n != 3 {
		t.Errorf("%d semesters touch 2026", n)
	}
	fs := New(d, datatest.Day("2026-11-28")).Findings()
	listen := findingsOf(fs, RuleListen)
	mustContain(t, listen, "2026年春季学期支部书记听思政课 0 次，应不少于 4 次")
	mustContain(t, listen, "2025年秋季学期支部书记听思政课 2 次")
	for _, f := range findingsOf(New(d, datatest.Day("2027-03-01")).Findings(), RuleListen) {
		if strings.Contains(f.Message, "2025年秋季学期") {
			t.Errorf("a semester ended more than a year ago reported: %s", f.Message)
		}
	}
	from, to, label := Span(2026, 1)
	q1 := c.Summary(from, to, label)
	listenRow, teachRow := q1.Classes[0], q1.Classes[1]
	if listenRow.Held != 1 || listenRow.ByMonth[0] != 1 || listenRow.Required != 0 ||
		listenRow.Conclusion() != "2025年秋季学期：未完成 2/4" {
		t.Errorf("听课 Q1: %+v → %s", listenRow, listenRow.Conclusion())
	}
	if teachRow.Held != 5 || teachRow.ByMonth[2] != 3 || teachRow.Required != 0 ||
		teachRow.Conclusion() != "2025年秋季学期：未完成 2/4" {
		t.Errorf("授课 Q1: %+v", teachRow)
	}
	// The running semester is reminded of only near its end.
	var reminders []rules.Finding
	for _, f := range findingsOf(New(d, datatest.Day("2027-01-10")).Findings(), RuleTeach) {
		if f.Severity == rules.SeverityReminder {
			reminders = append(reminders, f)
		}
	}
	mustContain(t, reminders, "本学期（2026年秋季学期）支部书记讲思政课 0 课时", "剩余 22 天")
	if early := findingsOf(New(d, datatest.Day("2026-11-28")).Findings(), RuleTeach); len(early) != 2 {
		t.Errorf("two ended semesters short and no reminder 64 days before the end:\n%s", messages(early))
	}
}

// Only the 书记 set in 支部信息 counts toward the 思政课 targets; others'
// records are listed but not counted, in the tally and in the 统计表.
func TestClassesCountOnlyTheSecretary(t *testing.T) {
	d := branch(10) // 书记: 党员01
	d.ClassLogs = []data.ClassLog{
		{Date: datatest.Day("2026-03-05"), Kind: data.ClassListen, Hours: 1, Who: "党员01"},
		{Date: datatest.Day("2026-03-06"), Kind: data.ClassListen, Hours: 1, Who: "党 员01"}, // spaced: still the 书记
		{Date: datatest.Day("2026-03-07"), Kind: data.ClassListen, Hours: 1, Who: "党员02"},
		{Date: datatest.Day("2026-03-08"), Kind: data.ClassTeach, Hours: 4, Who: "党员03"},
		{Date: datatest.Day("2026-03-09"), Kind: data.ClassListen, Hours: 1, Who: ""}, // names nobody: the 书记, as the form means it
	}
	c := New(d, datatest.Day("2026-11-28"))
	spring := c.Classes(datatest.Day("2026-05-01"))
	if spring.Listens != 3 || spring.TeachHours != 0 || len(spring.Logs) != 5 || len(spring.Others) != 2 {
		t.Errorf("spring 2026: %d listens, %d hours, %d logs, %d others", spring.Listens, spring.TeachHours,
			len(spring.Logs), len(spring.Others))
	}
	mustContain(t, findingsOf(c.Findings(), RuleTeach), "讲思政课 0 课时", "另有 2 条非书记本人的记录，不计入")
	from, to, label := Span(2026, 1)
	q1 := c.Summary(from, to, label)
	if q1.Classes[0].Held != 3 || q1.Classes[1].Held != 0 {
		t.Errorf("统计表 counts others: 听课 %d, 授课 %d", q1.Classes[0].Held, q1.Classes[1].Held)
	}
	d.Branch.Secretary = ""
	mustContain(t, findingsOf(New(d, datatest.Day("2026-11-28")).Findings(), RuleListen), "支部信息中没有设置书记，注明了其他人的 4 条记录不计入")
}
