package compliance

import (
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/datatest"
	"partyoffice/data/rules"
)

func TestQuarterEndsDecideTheMembersMeeting(t *testing.T) {
	d := branch(10)
	d.hold("2026-03-31", data.TypeMembersMeeting) // last day of Q1
	d.hold("2026-07-01", data.TypeMembersMeeting) // first day of Q3
	c := New(d, datatest.Day("2026-11-28"))
	want := map[string]State{
		"2026-01-15": Done, "2026-03-31": Done, // Q1: the 31 March sitting
		"2026-04-01": Overdue, "2026-06-30": Overdue, // Q2: none
		"2026-07-01": Done,     // Q3
		"2026-10-01": Due,      // Q4 running on 28 November
		"2027-01-01": Upcoming, // Q1 2027
	}
	for on, state := range want {
		if s := c.Status(data.TypeMembersMeeting, datatest.Day(on)); s.State != state {
			t.Errorf("%s: %s, want %s (%+v)", on, s.State, state, s)
		}
	}
	if s := c.Status(data.TypeMembersMeeting, datatest.Day("2026-03-01")); s.Held != 1 || s.MeetingIDs[0] != 1 {
		t.Errorf("Q1 held %+v", s)
	}
}

func TestReminderBeforeTheQuarterEnds(t *testing.T) {
	d := branch(10)
	d.Settings.TrackFrom = civil.Date{}
	d.hold("2026-01-20", data.TypeMembersMeeting) // the first sitting recorded: 2025 is not judged
	for _, c := range []struct {
		today string
		want  []string // parts of the 支部党员大会 finding; nil = none
		sev   rules.Severity
	}{
		{"2026-03-10", nil, ""}, // Q1 done
		{"2026-05-01", nil, ""}, // Q2 running, 61 days left: too early
		{"2026-06-19", []string{"本季度（2026年第二季度）尚未召开支部党员大会，剩余 12 天"}, rules.SeverityReminder},
		{"2026-07-02", []string{"2026年第二季度未召开支部党员大会"}, rules.SeverityError},
	} {
		fs := findingsOf(New(d, datatest.Day(c.today)).Findings(), RuleMembersMeeting)
		if c.want == nil {
			if len(fs) != 0 {
				t.Errorf("%s: unexpected\n%s", c.today, messages(fs))
			}
			continue
		}
		mustContain(t, fs, c.want...)
		if fs[0].Severity != c.sev || fs[0].Due != datatest.Day("2026-06-30") {
			t.Errorf("%s: %s due %s", c.today, fs[0].Severity, fs[0].Due)
		}
	}
}

func TestMissedPeriodsAreReportedForOneYearOnly(t *testing.T) {
	d := branch(10)
	fs := findingsOf(New(d, datatest.Day("2026-11-28")).Findings(), RuleThemeDay)
	// 2025-11 … 2026-10 ended unmet (12), and November is running with 3 days left.
	var errs, reminders int
	for _, f := range fs {
		if f.Severity == rules.SeverityError {
			errs++
		} else {
			reminders++
		}
	}
	if errs != 12 || reminders != 1 {
		t.Errorf("%d errors, %d reminders:\n%s", errs, reminders, messages(fs))
	}
	d.Settings.TrackFrom = datatest.Day("2026-09-01")
	fs = findingsOf(New(d, datatest.Day("2026-11-28")).Findings(), RuleThemeDay)
	if len(fs) != 3 {
		t.Errorf("with TrackFrom September: %d findings\n%s", len(fs), messages(fs))
	}
}

func TestSemesterCrossingTheNewYear(t *testing.T) {
	d := branch(10)
	m := d.hold("2026-01-20", data.TypeIdeology) // in the autumn semester of 2025
	c := New(d, datatest.Day("2026-03-10"))
	autumn := c.Status(data.TypeIdeology, datatest.Day("2025-09-10"))
	if autumn.State != Done || autumn.Period.Label != "2025年秋季学期" || autumn.MeetingIDs[0] != m.ID {
		t.Errorf("autumn 2025: %+v", autumn)
	}
	spring := c.Status(data.TypeIdeology, datatest.Day("2026-03-10"))
	if spring.State != Due || spring.Period.Start != datatest.Day("2026-02-01") || spring.Period.End != datatest.Day("2026-07-31") {
		t.Errorf("spring 2026: %+v", spring)
	}
	cal := c.Calendar(2026)
	row := calendarRow(t, cal, data.TypeIdeology)
	if row.Cells[0].State != Done || len(row.Cells[0].MeetingIDs) != 1 {
		t.Errorf("January cell: %+v", row.Cells[0])
	}
	for m := 2; m <= 7; m++ {
		if row.Cells[m-1].Status.Period.Label != "2026年春季学期" {
			t.Errorf("month %d belongs to %s", m, row.Cells[m-1].Status.Period.Label)
		}
	}
	if row.Cells[7].Status.Period.Label != "2026年秋季学期" || row.Cells[7].State != Upcoming {
		t.Errorf("August: %+v", row.Cells[7])
	}
	// A sitting in the August holiday counts for the autumn semester.
	d.hold("2026-08-25", data.TypeIdeology)
	if s := New(d, datatest.Day("2026-11-28")).Status(data.TypeIdeology, datatest.Day("2026-12-01")); s.State != Done {
		t.Errorf("autumn 2026 after an August sitting: %s", s.State)
	}
}

func calendarRow(t *testing.T, cal Calendar, typ data.MeetingType) CalendarRow {
	t.Helper()
	for _, r := range cal.Rows {
		if r.Type == typ {
			return r
		}
	}
	t.Fatalf("no row for %s", typ)
	return CalendarRow{}
}

func TestCalendarQuarterDoneCoversItsMonths(t *testing.T) {
	d := branch(10)
	d.hold("2026-02-14", data.TypeMembersMeeting, data.TypeThemeDay)
	cal := New(d, datatest.Day("2026-11-28")).Calendar(2026)
	dy := calendarRow(t, cal, data.TypeMembersMeeting)
	for m := 0; m < 3; m++ {
		if dy.Cells[m].State != Done {
			t.Errorf("党员大会 month %d: %s", m+1, dy.Cells[m].State)
		}
	}
	if len(dy.Cells[0].MeetingIDs) != 0 || len(dy.Cells[1].MeetingIDs) != 1 {
		t.Error("the sitting should be listed in February only")
	}
	if dy.Cells[3].State != Overdue || dy.Cells[10].State != Due || dy.Cells[11].State != Due {
		t.Errorf("Q2 %s, Q4 %s/%s", dy.Cells[3].State, dy.Cells[10].State, dy.Cells[11].State)
	}
	theme := calendarRow(t, cal, data.TypeThemeDay)
	if theme.Cells[1].State != Done || theme.Cells[0].State != Overdue || theme.Cells[2].State != Overdue {
		t.Errorf("主题党日: %s %s %s", theme.Cells[0].State, theme.Cells[1].State, theme.Cells[2].State)
	}
	if len(cal.Rows) != len(data.BuiltinMeetingTypes) {
		t.Errorf("%d rows", len(cal.Rows))
	}
}

func TestBranchWithoutCommittee(t *testing.T) {
	small := branch(6) // fewer than 7 正式党员
	s := New(small, datatest.Day("2026-11-28")).Status(data.TypeCommittee, datatest.Day("2026-05-01"))
	if s.State != NotRequired || !strings.Contains(s.Reason, "不足7人") {
		t.Errorf("6 members: %+v", s)
	}
	if fs := findingsOf(New(small, datatest.Day("2026-11-28")).Findings(), RuleCommittee); len(fs) != 0 {
		t.Errorf("findings for a branch without 支委会:\n%s", messages(fs))
	}
	big := branch(7)
	if s := New(big, datatest.Day("2026-11-28")).Status(data.TypeCommittee, datatest.Day("2026-05-01")); s.State != Overdue {
		t.Errorf("7 members: %s", s.State)
	}
	big.Branch.NoCommittee = true
	if s := New(big, datatest.Day("2026-11-28")).Status(data.TypeCommittee, datatest.Day("2026-05-01")); s.State != NotRequired || s.Reason != "支部不设支委会" {
		t.Errorf("NoCommittee: %+v", s)
	}
	// The count is the register at the end of the period: members who join
	// later do not make an earlier month require a 支委会.
	grow := branch(6)
	p := grow.People[0]
	p.ID, p.Name, p.JoinDate, p.FullDate = 99, "后来者", datatest.Day("2020-01-01"), datatest.Day("2026-06-15")
	grow.People = append(grow.People, p)
	c := New(grow, datatest.Day("2026-11-28"))
	if c.Status(data.TypeCommittee, datatest.Day("2026-05-01")).State != NotRequired || c.Status(data.TypeCommittee, datatest.Day("2026-07-01")).State != Overdue {
		t.Error("a 7th 正式党员 from June should require 支委会 from June on only")
	}
}

func TestEveryGroupHoldsItsOwnMeeting(t *testing.T) {
	d := branch(10)
	d.holdGroup("2026-10-12", 1)
	c := New(d, datatest.Day("2026-11-28"))
	oct := c.Status(data.TypeGroupMeeting, datatest.Day("2026-10-01"))
	if oct.State != Overdue || len(oct.MissingGroups) != 1 || oct.MissingGroups[0] != "二组" || oct.Required != 2 {
		t.Errorf("October: %+v", oct)
	}
	d.holdGroup("2026-10-20", 2)
	if s := New(d, datatest.Day("2026-11-28")).Status(data.TypeGroupMeeting, datatest.Day("2026-10-01")); s.State != Done {
		t.Errorf("both groups met: %+v", s)
	}
	fs := findingsOf(New(d, datatest.Day("2026-11-28")).Findings(), RuleGroupMeeting)
	mustContain(t, fs, "本月（2026年11月）一组、二组尚未召开党小组会，剩余 3 天")
	// A group without members in the register is not asked to meet.
	d.Groups = append(d.Groups, data.PartyGroup{Model: data.Model{ID: 3}, Name: "空组"})
	if s := New(d, datatest.Day("2026-11-28")).Status(data.TypeGroupMeeting, datatest.Day("2026-10-01")); s.State != Done {
		t.Errorf("empty group required: %+v", s)
	}
}

func TestSettingsChangeTheRequirement(t *testing.T) {
	d := branch(10)
	d.hold("2026-10-08", data.TypeLecture)
	lecture := d.Settings.TypeRule(data.TypeLecture)
	lecture.Every, lecture.Times = data.EverySemester, 2
	s := New(d, datatest.Day("2026-11-28")).Status(data.TypeLecture, datatest.Day("2026-10-08"))
	if s.State != Due || s.Required != 2 || s.Held != 1 {
		t.Errorf("党课 每学期2次: %+v", s)
	}
	d.Settings.LeadDays[data.EverySemester] = 90
	mustContain(t, findingsOf(New(d, datatest.Day("2026-11-28")).Findings(), RuleLecture),
		"本学期（2026年秋季学期）党课应上2次，已上1次，尚差1次，剩余 65 天")
	lecture.Every, lecture.Times = data.NotRequired, 0
	if s := New(d, datatest.Day("2026-11-28")).Status(data.TypeLecture, datatest.Day("2026-10-08")); s.State != NotRequired {
		t.Errorf("不作要求: %s", s.State)
	}
	d.Settings.Types = append(d.Settings.Types, data.MeetingTypeRule{Type: "志愿服务", Scope: data.ScopeMembers,
		Every: data.EveryQuarter, Times: 1})
	fs := findingsOf(New(d, datatest.Day("2026-11-28")).Findings(), RuleOtherType)
	mustContain(t, fs, "2026年第三季度未召开志愿服务")
}

func TestCurrentListsEveryType(t *testing.T) {
	d := branch(10)
	cur := New(d, datatest.Day("2026-11-28")).Current()
	if len(cur) != len(d.Settings.Types) {
		t.Fatalf("%d statuses", len(cur))
	}
	for _, s := range cur {
		if !s.Period.Contains(datatest.Day("2026-11-28")) {
			t.Errorf("%s: period %s does not contain today", s.Type, s.Period.Label)
		}
	}
}

func TestNothingIsMissedBeforeTheRecordBegins(t *testing.T) {
	empty := branch(10)
	empty.Settings.TrackFrom = civil.Date{}
	c := New(empty, datatest.Day("2026-11-28"))
	for _, f := range c.Findings() {
		if f.Severity == rules.SeverityError {
			t.Errorf("a branch with no minutes yet told it missed: %s", f.Line())
		}
	}
	if s := c.Status(data.TypeThemeDay, datatest.Day("2026-11-28")); s.State != Due {
		t.Errorf("the running month is still due: %s", s.State)
	}
	if s := c.Status(data.TypeThemeDay, datatest.Day("2026-10-01")); s.State != NotRequired || !strings.Contains(s.Reason, "考核起始日期") {
		t.Errorf("October before the record: %+v", s)
	}
}

func TestABranchWithoutMembersIsNotJudged(t *testing.T) {
	d := branch(0)
	c := New(d, datatest.Day("2027-01-20")) // 思政课 and every period near its end
	if fs := c.Findings(); len(fs) != 0 {
		t.Errorf("findings for an empty register:\n%s", messages(fs))
	}
	if s := c.Status(data.TypeThemeDay, datatest.Day("2027-01-20")); s.State != NotRequired || !strings.Contains(s.Reason, "没有党员") {
		t.Errorf("status: %+v", s)
	}
}

// A weekly type (the seed's 每周党员学习) is judged per ISO week: a sitting
// on Sunday counts for its Monday-to-Sunday week, not the next one.
func TestWeeklyStudyIsJudgedPerISOWeek(t *testing.T) {
	const weekly data.MeetingType = "每周党员学习"
	d := branch(6)
	d.Settings.Types = append(d.Settings.Types, data.MeetingTypeRule{Type: weekly, Scope: data.ScopeMembers,
		Every: data.EveryWeek, Times: 1, Local: true, Basis: "本支部要求"})
	d.Settings.TrackFrom = datatest.Day("2026-11-02")
	d.hold("2026-11-08", weekly) // Sunday of week 45
	d.hold("2026-11-09", weekly) // Monday of week 46
	d.hold("2026-11-29", weekly) // Sunday of week 48
	c := New(d, datatest.Day("2026-12-04"))
	for on, state := range map[string]State{
		"2026-11-02": Done,    // week 45: the Sunday sitting
		"2026-11-15": Done,    // week 46 (Sunday 15th): the Monday sitting
		"2026-11-16": Overdue, // week 47: none
		"2026-11-23": Done,    // week 48
		"2026-12-04": Due,     // week 49 running
	} {
		if s := c.Status(weekly, datatest.Day(on)); s.State != state {
			t.Errorf("%s (%s): %s, want %s", on, s.Period.Label, s.State, state)
		}
	}
	from, to, label := Span(2026, 4)
	if r := summaryRow(t, c.Summary(from, to, label), weekly); r.Held != 3 || r.Done != 3 || len(r.Missed) != 1 ||
		r.Missed[0] != "第47周" || r.Requirement != "每周1次" {
		t.Errorf("统计表 row of the weekly type: %+v", r)
	}
	fs := c.Findings()
	mustContain(t, fs, "2026年第47周", "每周党员学习")
	for _, f := range fs {
		if strings.Contains(f.Message, "第48周") || strings.Contains(f.Message, "第46周") {
			t.Errorf("a week with its sitting is reported: %s", f.Line())
		}
	}
}

// Without the local requirements the local types and the 思政课 are not
// judged, and the caller's settings (which the settings screen edits and
// saves) stay as stored.
func TestNationalOnlyJudgesNoLocalRequirement(t *testing.T) {
	d := branch(6)
	d.NationalOnly = true
	fs := New(d, datatest.Day("2026-11-28")).Findings()
	for _, rule := range []string{RuleIdeology, RuleStudy, RuleLecture, RuleListen, RuleTeach} {
		if got := findingsOf(fs, rule); len(got) > 0 {
			t.Errorf("%s judged without the local requirements:\n%s", rule, messages(got))
		}
	}
	if len(findingsOf(fs, RuleMembersMeeting)) == 0 {
		t.Error("the national 支部党员大会 is still judged")
	}
	if !d.Settings.TypeRule(data.TypeIdeology).Required() || d.Settings.ListenPerSemester != 4 {
		t.Error("the stored settings were changed")
	}
	d.NationalOnly = false
	if len(findingsOf(New(d, datatest.Day("2026-11-28")).Findings(), RuleIdeology)) == 0 {
		t.Error("with the local requirements on, 意识形态 is judged")
	}
}
