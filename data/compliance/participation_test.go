package compliance

import (
	"testing"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/rules"
)

func TestSixMonthAbsenceWarning(t *testing.T) {
	d := branch(8)
	d.hold("2026-01-10", data.TypeMembersMeeting, data.TypeThemeDay)
	for _, date := range []string{"2026-02-10", "2026-03-10", "2026-04-10", "2026-05-10", "2026-06-10", "2026-07-10"} {
		m := d.hold(date, data.TypeThemeDay)
		set(m, 1, data.Absent)  // 党员01: last attended 2026-01-10
		set(m, 2, data.OnLeave) // 党员02: on leave every time since January
		if date >= "2026-05-10" {
			set(m, 3, data.Absent) // 党员03: absent since May only
		}
	}
	fs := findingsOf(New(d, datatest.Day("2026-07-15")).Findings(), RuleAbsence)
	if len(fs) != 2 {
		t.Fatalf("want 党员01 and 党员02:\n%s", messages(fs))
	}
	mustContain(t, fs, "党员01：最近一次参加组织生活是 2026-01-10，此后已连续 6 个月没有参加党的组织生活", "请假 0 次、缺席 6 次")
	mustContain(t, fs, "党员02：", "请假 6 次、缺席 0 次")
	for _, f := range fs {
		if f.Severity != rules.SeverityReminder || f.Due != datatest.Day("2026-07-10") || f.PersonID == 0 {
			t.Errorf("finding %+v", f)
		}
	}
	// A month before the limit it is a heads-up with the date.
	early := findingsOf(New(d, datatest.Day("2026-06-12")).Findings(), RuleAbsence)
	mustContain(t, early, "党员01：", "到 2026-07-10 将满 6 个月")
	// Attending anything (even as 列席) resets the count.
	m := d.hold("2026-07-12", data.TypeLecture)
	set(m, 1, data.Present)
	set(m, 2, data.Present)
	if fs := findingsOf(New(d, datatest.Day("2026-07-15")).Findings(), RuleAbsence); len(fs) != 0 {
		t.Errorf("after attending:\n%s", messages(fs))
	}
}

func TestAbsenceIgnoresPeopleNotExpectedOrNotInTheRegister(t *testing.T) {
	d := branch(4)
	d.People[3].Standing = data.StandingSuspended // 停止党籍: takes no part
	d.People[2].Roll = data.RollTransferred
	d.People[2].RollDate = datatest.Day("2026-02-01")
	d.hold("2026-01-10", data.TypeMembersMeeting)
	for _, date := range []string{"2026-03-10", "2026-05-10", "2026-07-10"} {
		m := d.hold(date, data.TypeCommittee)
		for i := range m.Attendance { // a 支委会 expects only 党员01
			m.Attendance[i].Expected = m.Attendance[i].PersonID == 1
		}
		set(m, 2, data.Absent) // not expected: not a miss
		set(m, 4, data.Absent)
	}
	if fs := findingsOf(New(d, datatest.Day("2026-08-15")).Findings(), RuleAbsence); len(fs) != 0 {
		t.Errorf("unexpected:\n%s", messages(fs))
	}
	// A member with no attendance at all is counted from the first sitting.
	d.People = append(d.People, d.People[0])
	newcomer := &d.People[len(d.People)-1]
	newcomer.ID, newcomer.Name, newcomer.Standing, newcomer.Roll = 9, "新党员", data.StandingNormal, data.RollActive
	m := d.hold("2026-08-01", data.TypeMembersMeeting)
	set(m, 9, data.Absent)
	fs := findingsOf(New(d, datatest.Day("2026-08-15")).Findings(), RuleAbsence)
	mustContain(t, fs, "新党员：自 2026-01-10 以来已连续 7 个月")
}

func TestParticipationMatrix(t *testing.T) {
	d := branch(4)
	m1 := d.hold("2026-03-05", data.TypeMembersMeeting)
	set(m1, 2, data.OnLeave)
	m2 := d.holdGroup("2026-03-12", 1)
	for i := range m2.Attendance {
		m2.Attendance[i].Expected = *d.People[m2.Attendance[i].PersonID-1].GroupID == 1
	}
	set(m2, 1, data.Attender) // 党员01 is in 二组: 列席
	set(m2, 4, data.Absent)
	d.hold("2026-04-05", data.TypeThemeDay) // outside the span
	mx := New(d, datatest.Day("2026-11-28")).Participation(datatest.Day("2026-03-01"), datatest.Day("2026-03-31"))
	if len(mx.Meetings) != 2 || len(mx.Rows) != 4 {
		t.Fatalf("%d sittings, %d rows", len(mx.Meetings), len(mx.Rows))
	}
	byName := map[string]MatrixRow{}
	for _, r := range mx.Rows {
		byName[r.Person.Name] = r
	}
	r1, r2, r4 := byName["党员01"], byName["党员02"], byName["党员04"]
	if r1.Expected != 1 || r1.Present != 1 || r1.Guest != 1 || r1.Cells[1] != data.Attender || r1.Group != "二组" {
		t.Errorf("党员01: %+v", r1)
	}
	if r2.Expected != 2 || r2.OnLeave != 1 || r2.Present != 1 || r2.Rate() != 0.5 {
		t.Errorf("党员02: %+v", r2)
	}
	if r4.Absent != 1 || r4.Cells[1] != data.Absent || r4.Expected != 2 {
		t.Errorf("党员04: %+v", r4)
	}
	// Rows by group then name: 一组 (党员02, 党员04) before 二组.
	if mx.Rows[0].Group != "一组" || mx.Rows[3].Group != "二组" {
		t.Errorf("order: %s %s", mx.Rows[0].Group, mx.Rows[3].Group)
	}
}
