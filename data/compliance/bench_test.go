package compliance

import (
	"fmt"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/datatest"
)

// fiveYears is a branch of 80 members in 3 groups with five years of the
// usual sittings: monthly 支委会, 党小组会 per group, 主题党日 and 专题研讨,
// quarterly 党员大会 and 党课, 意识形态 each semester, a yearly 组织生活会,
// with one member in twenty on leave at each.
func fiveYears() *Data {
	d := branch(80)
	d.Groups = append(d.Groups, data.PartyGroup{Model: data.Model{ID: 3}, Name: "三组"})
	for i := range d.People {
		g := uint(i%3 + 1)
		d.People[i].GroupID = &g
	}
	d.Settings.TrackFrom = civil.Date{}
	for y := 2021; y <= 2025; y++ {
		for m := 1; m <= 12; m++ {
			month := fmt.Sprintf("%d-%02d", y, m)
			d.hold(month+"-05", data.TypeCommittee)
			for g := uint(1); g <= 3; g++ {
				d.holdGroup(fmt.Sprintf("%s-%02d", month, 10+g), g)
			}
			types := []data.MeetingType{data.TypeThemeDay, data.TypeStudy}
			if m%3 == 0 {
				types = append(types, data.TypeMembersMeeting)
			}
			d.hold(month+"-20", types...)
			if m%3 == 2 {
				d.hold(month+"-26", data.TypeLecture)
			}
			if m == 3 || m == 9 {
				d.hold(month+"-08", data.TypeIdeology)
			}
			if m == 12 {
				d.hold(month+"-24", data.TypeLifeMeeting, data.TypeAppraisal)
			}
		}
	}
	for i := range d.Meetings {
		for j := range d.Meetings[i].Attendance {
			if (i+j)%20 == 0 {
				d.Meetings[i].Attendance[j].Status = data.OnLeave
			}
		}
	}
	return d
}

// BenchmarkStatisticsFiveYears judges five years as the 三会一课 screen and
// the exports do: the calendar, the 统计表 and the 考勤表 of every year, and
// the findings.
func BenchmarkStatisticsFiveYears(b *testing.B) {
	d := fiveYears()
	today := datatest.Day("2025-12-28")
	b.ReportMetric(float64(len(d.Meetings)), "sittings")
	b.ResetTimer()
	for b.Loop() {
		c := New(d, today)
		for y := 2021; y <= 2025; y++ {
			c.Calendar(y)
			from, to, label := Span(y, 0)
			c.Summary(from, to, label)
			c.Participation(from, to)
		}
		c.Findings()
	}
}

// BenchmarkFindings is what `check` and the 工作台 pay on top of loading.
func BenchmarkFindings(b *testing.B) {
	d := fiveYears()
	today := datatest.Day("2025-12-28")
	b.ResetTimer()
	for b.Loop() {
		New(d, today).Findings()
	}
}

// BenchmarkLoadAndJudgeFiveYears is the same five years read from the
// database first, as the screen does on opening: Load, then one year's
// calendar, 统计表 and 考勤表, and the findings.
func BenchmarkLoadAndJudgeFiveYears(b *testing.B) {
	s, err := data.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storeFiveYears(b, s, fiveYears())
	today := datatest.Day("2025-12-28")
	b.ResetTimer()
	for b.Loop() {
		d, err := Load(s)
		if err != nil {
			b.Fatal(err)
		}
		c := New(d, today)
		c.Calendar(2025)
		from, to, label := Span(2025, 0)
		c.Summary(from, to, label)
		c.Participation(from, to)
		c.Findings()
	}
}

// storeFiveYears writes the in-memory branch through the store.
func storeFiveYears(b *testing.B, s *data.Store, d *Data) {
	b.Helper()
	if err := s.SaveBranch(data.Branch{Name: "测试党支部", Secretary: "党员01", OrganizationMember: "党员02"}); err != nil {
		b.Fatal(err)
	}
	groupIDs := map[uint]uint{}
	for _, g := range d.Groups {
		pg := &data.PartyGroup{Name: g.Name}
		if err := s.SaveGroup(pg); err != nil {
			b.Fatal(err)
		}
		groupIDs[g.ID] = pg.ID
	}
	personIDs := map[uint]uint{}
	for _, p := range d.People {
		q := p
		q.ID, q.GroupID = 0, nil
		g := groupIDs[*p.GroupID]
		q.GroupID = &g
		if err := s.CreatePerson(&q); err != nil {
			b.Fatal(err)
		}
		personIDs[p.ID] = q.ID
	}
	basis, err := s.AttendanceBasis()
	if err != nil {
		b.Fatal(err)
	}
	for _, src := range d.Meetings {
		var group *uint
		if src.GroupID != nil {
			g := groupIDs[*src.GroupID]
			group = &g
		}
		m := basis.NewMeeting(src.Types, src.Date, group)
		m.Host, m.Recorder, m.Lecturer, m.Topic = "党员01", "党员02", "党员01", "党课"
		for _, a := range src.Attendance {
			if row := m.AttendanceOf(personIDs[a.PersonID]); row != nil && a.Status == data.OnLeave {
				row.Status, row.Reason = data.OnLeave, "事假"
			}
		}
		if err := s.SaveMeeting(&m); err != nil {
			b.Fatal(err)
		}
	}
}
