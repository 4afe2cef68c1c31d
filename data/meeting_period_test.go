package data

import (
	"strings"
	"testing"
)

func TestPeriodBoundaries(t *testing.T) {
	ms := DefaultMeetingSettings()
	cases := []struct {
		every      Frequency
		on         string
		label      string
		start, end string
	}{
		{EveryMonth, "2026-02-28", "2026年2月", "2026-02-01", "2026-02-28"},
		{EveryMonth, "2024-02-29", "2024年2月", "2024-02-01", "2024-02-29"},
		{EveryQuarter, "2026-03-31", "2026年第一季度", "2026-01-01", "2026-03-31"},
		{EveryQuarter, "2026-04-01", "2026年第二季度", "2026-04-01", "2026-06-30"},
		{EveryQuarter, "2026-12-31", "2026年第四季度", "2026-10-01", "2026-12-31"},
		{EveryYear, "2026-07-01", "2026年", "2026-01-01", "2026-12-31"},
		// The autumn semester crosses the new year: January belongs to it.
		{EverySemester, "2026-01-15", "2025年秋季学期", "2025-08-01", "2026-01-31"},
		{EverySemester, "2026-01-31", "2025年秋季学期", "2025-08-01", "2026-01-31"},
		// February is holiday: it counts for the spring semester that follows.
		{EverySemester, "2026-02-01", "2026年春季学期", "2026-02-01", "2026-07-31"},
		{EverySemester, "2026-07-31", "2026年春季学期", "2026-02-01", "2026-07-31"},
		{EverySemester, "2026-08-01", "2026年秋季学期", "2026-08-01", "2027-01-31"},
		{EverySemester, "2026-12-31", "2026年秋季学期", "2026-08-01", "2027-01-31"},
	}
	for _, c := range cases {
		p := ms.PeriodOf(c.every, d(c.on))
		if p.Label != c.label || p.Start != d(c.start) || p.End != d(c.end) {
			t.Errorf("%s of %s = %s %s–%s, want %s %s–%s", c.every, c.on, p.Label, p.Start, p.End, c.label, c.start, c.end)
		}
		if !p.Contains(d(c.on)) {
			t.Errorf("%s does not contain %s", p.Label, c.on)
		}
	}
}

func TestDatedSemesterReplacesTheUsualOne(t *testing.T) {
	ms := DefaultMeetingSettings()
	ms.Semesters = []Semester{{Name: "2026年春季学期（实际）", Start: d("2026-02-24"), End: d("2026-07-05")}}
	if err := ms.Validate(); err != nil {
		t.Fatal(err)
	}
	if p := ms.PeriodOf(EverySemester, d("2026-07-10")); p.Label != "2026年秋季学期" || p.Start != d("2026-07-06") {
		t.Errorf("after the dated spring semester: %+v", p)
	}
	if p := ms.PeriodOf(EverySemester, d("2026-03-01")); p.Label != "2026年春季学期（实际）" || p.Start != d("2026-02-01") || p.End != d("2026-07-05") {
		t.Errorf("dated semester: %+v", p)
	}
	if s := ms.SemesterOf(d("2026-02-10")); s.Start != d("2026-02-24") {
		t.Errorf("SemesterOf in the holiday before it: %+v", s)
	}
}

func TestPeriodsBetweenCoverTheRangeWithoutGaps(t *testing.T) {
	ms := DefaultMeetingSettings()
	for _, f := range []Frequency{EveryMonth, EveryQuarter, EverySemester, EveryYear} {
		ps := ms.PeriodsBetween(f, d("2021-01-01"), d("2025-12-31"))
		if ps[0].Start.After(d("2021-01-01")) || ps[len(ps)-1].End.Before(d("2025-12-31")) {
			t.Errorf("%s: %s–%s does not cover the range", f, ps[0].Start, ps[len(ps)-1].End)
		}
		for i := 1; i < len(ps); i++ {
			if ps[i].Start != ps[i-1].End.AddDays(1) {
				t.Errorf("%s: gap or overlap between %s and %s", f, ps[i-1].Label, ps[i].Label)
			}
		}
	}
	if n := len(ms.PeriodsBetween(EverySemester, d("2026-01-01"), d("2026-12-31"))); n != 3 {
		t.Errorf("2026 touches 3 semesters (autumn 2025, spring and autumn 2026), got %d", n)
	}
}

func TestDaysLeftCountsTheLastDay(t *testing.T) {
	p := QuarterPeriod(d("2026-03-20"))
	if n := p.DaysLeft(d("2026-03-20")); n != 12 {
		t.Errorf("20 March to 31 March: %d days left, want 12", n)
	}
	if n := p.DaysLeft(d("2026-04-01")); n != 0 {
		t.Errorf("after the end: %d", n)
	}
}

func TestSettingsValidation(t *testing.T) {
	cases := []struct {
		name   string
		change func(ms *MeetingSettings)
		want   string
	}{
		{"builtin removed", func(ms *MeetingSettings) { ms.Types = ms.Types[1:] }, "不能删除"},
		{"duplicate type", func(ms *MeetingSettings) { ms.Types = append(ms.Types, ms.Types[3]) }, "重复"},
		{"zero times", func(ms *MeetingSettings) { ms.Types[0].Times = 0 }, "次数"},
		{"bad frequency", func(ms *MeetingSettings) { ms.Types[0].Every = "每两周" }, "频次"},
		{"overlapping terms", func(ms *MeetingSettings) { ms.Terms[0].EndMonth = 9; ms.Terms[0].EndDay = 10 }, "重叠"},
		{"bad day", func(ms *MeetingSettings) { ms.Terms[0].StartMonth, ms.Terms[0].StartDay = 2, 30 }, "不存在"},
		{"semester backwards", func(ms *MeetingSettings) {
			ms.Semesters = []Semester{{Name: "x", Start: d("2026-07-01"), End: d("2026-03-01")}}
		}, "早于"},
		{"absence months", func(ms *MeetingSettings) { ms.AbsenceMonths = 40 }, "月数"},
	}
	for _, c := range cases {
		ms := DefaultMeetingSettings()
		c.change(&ms)
		err := ms.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", c.name, err, c.want)
		}
	}
	ms := DefaultMeetingSettings()
	if err := ms.Validate(); err != nil {
		t.Fatalf("defaults: %v", err)
	}
}

func TestSettingsRoundTripAndCompletion(t *testing.T) {
	s := openTemp(t)
	ms, err := s.MeetingSettings()
	if err != nil {
		t.Fatal(err)
	}
	ms.TypeRule(TypeLecture).Every = EverySemester
	ms.TypeRule(TypeLecture).Times = 2
	ms.Types = append(ms.Types, MeetingTypeRule{Type: "党员志愿服务", Every: EveryQuarter, Times: 1, Local: true})
	ms.TypeRule(TypeCommittee).Scope = ScopeMembers // the form's attendees are fixed
	if err := s.SaveMeetingSettings(ms); err != nil {
		t.Fatal(err)
	}
	got, err := s.MeetingSettings()
	if err != nil {
		t.Fatal(err)
	}
	if r := got.TypeRule(TypeLecture); r.Requirement() != "每学期2次" {
		t.Errorf("党课: %s", r.Requirement())
	}
	if r := got.TypeRule("党员志愿服务"); r == nil || r.Scope != ScopeMembers {
		t.Errorf("custom type: %+v", r)
	}
	if got.TypeRule(TypeCommittee).Scope != ScopeCommittee {
		t.Error("支委会 attendees changed")
	}
	log, _ := s.AuditLog(AuditFilter{Entity: "设置"})
	if len(log) != 1 {
		t.Errorf("settings save audited %d times", len(log))
	}
	// An older value without a built-in type gets it back.
	if err := s.SetSetting(settingMeetings, `{"Types":[{"Type":"党课","Scope":"全体党员","Every":"每月","Times":1}]}`); err != nil {
		t.Fatal(err)
	}
	got, err = s.MeetingSettings()
	if err != nil || got.TypeRule(TypeMembersMeeting) == nil || got.TypeRule(TypeLecture).Every != EveryMonth {
		t.Errorf("completion: %v %+v", err, got.Types)
	}
}

func TestParseClock(t *testing.T) {
	good := map[string]string{
		"14:30": "14:30", "14：30": "14:30", "9:05": "09:05", "14.30": "14:30", "14点30": "14:30",
		"14时30分": "14:30", "14点": "14:00", "1430": "14:30", "下午2:30": "14:30", "上午9点": "09:00",
		"１４：３０": "14:30", "": "",
	}
	for in, want := range good {
		if got, err := ParseClock(in); err != nil || got != want {
			t.Errorf("ParseClock(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"25:00", "14:61", "两点", "14:30:00", "abc"} {
		if got, err := ParseClock(in); err == nil {
			t.Errorf("ParseClock(%q) = %q, want an error", in, got)
		}
	}
}

// Weekly requirements are judged per ISO week: Monday to Sunday, numbered
// in the ISO year (the last days of December may be week 1 of the next).
func TestWeekPeriodIsTheISOWeek(t *testing.T) {
	ms := DefaultMeetingSettings()
	for _, c := range []struct{ on, label, start, end string }{
		{"2026-12-04", "2026年第49周", "2026-11-30", "2026-12-06"}, // Friday
		{"2026-11-30", "2026年第49周", "2026-11-30", "2026-12-06"}, // Monday
		{"2026-12-06", "2026年第49周", "2026-11-30", "2026-12-06"}, // Sunday
		{"2026-12-31", "2026年第53周", "2026-12-28", "2027-01-03"},
		{"2027-01-03", "2026年第53周", "2026-12-28", "2027-01-03"},
		{"2027-01-04", "2027年第1周", "2027-01-04", "2027-01-10"},
		{"2024-12-30", "2025年第1周", "2024-12-30", "2025-01-05"},
	} {
		p := ms.PeriodOf(EveryWeek, d(c.on))
		if p.Label != c.label || p.Start.String() != c.start || p.End.String() != c.end {
			t.Errorf("%s: %s %s–%s, want %s %s–%s", c.on, p.Label, p.Start, p.End, c.label, c.start, c.end)
		}
	}
	if got := len(ms.PeriodsBetween(EveryWeek, d("2026-11-30"), d("2026-12-13"))); got != 2 {
		t.Errorf("two weeks, got %d", got)
	}
	ms.Types[len(ms.Types)-1].Every = EveryWeek
	if err := ms.Validate(); err != nil {
		t.Errorf("a weekly frequency is allowed: %v", err)
	}
}
