package compliance

import (
	"fmt"
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/rules"
)

// branch is an in-memory branch of n 正式党员 in two 党小组 (IDs 1 and 2),
// with the default settings judged from 2024; the judgements need no
// database.
func branch(n int) *Data {
	d := &Data{
		Branch:   data.Branch{Name: "测试党支部", Secretary: "党员01"},
		Groups:   []data.PartyGroup{{Model: data.Model{ID: 1}, Name: "一组"}, {Model: data.Model{ID: 2}, Name: "二组"}},
		Settings: data.DefaultMeetingSettings(),
	}
	d.Settings.TrackFrom = datatest.Day("2024-01-01")
	for i := 1; i <= n; i++ {
		g := uint(i%2 + 1)
		d.People = append(d.People, data.Person{Model: data.Model{ID: uint(i)}, Name: fmt.Sprintf("党员%02d", i),
			Stage: data.StageFull, Roll: data.RollActive, Standing: data.StandingNormal,
			JoinDate: datatest.Day("2010-07-01"), FullDate: datatest.Day("2011-07-01"), GroupID: &g})
	}
	return d
}

// hold records a sitting on date with everyone in the register present and
// returns it (valid until the next hold).
func (d *Data) hold(date string, types ...data.MeetingType) *data.Meeting {
	m := data.Meeting{Model: data.Model{ID: uint(len(d.Meetings) + 1)}, Date: datatest.Day(date), Types: types}
	for _, p := range data.RegisterAsOf(d.People, m.Date) {
		m.Attendance = append(m.Attendance, data.MeetingAttendance{PersonID: p.ID, Name: p.Name,
			Status: data.Present, Expected: true, Voter: p.Stage == data.StageFull})
	}
	d.Meetings = append(d.Meetings, m)
	return &d.Meetings[len(d.Meetings)-1]
}

// holdGroup records a 党小组会 of group g.
func (d *Data) holdGroup(date string, g uint) *data.Meeting {
	m := d.hold(date, data.TypeGroupMeeting)
	m.GroupID = &g
	return m
}

// set changes one person's presence at a sitting.
func set(m *data.Meeting, personID uint, p data.Presence) {
	a := m.AttendanceOf(personID)
	a.Status = p
	if p != data.Present {
		a.Reason = "事假"
	}
}

func findingsOf(fs []rules.Finding, rule string) []rules.Finding {
	var out []rules.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func messages(fs []rules.Finding) string {
	var lines []string
	for _, f := range fs {
		lines = append(lines, f.Line())
	}
	return strings.Join(lines, "\n")
}

func mustContain(t *testing.T, fs []rules.Finding, parts ...string) {
	t.Helper()
	for _, f := range fs {
		ok := true
		for _, p := range parts {
			if !strings.Contains(f.Message, p) {
				ok = false
			}
		}
		if ok {
			return
		}
	}
	t.Errorf("no finding with %q among:\n%s", parts, messages(fs))
}
