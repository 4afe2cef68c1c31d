package compliance

import (
	"fmt"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
)

// MatrixRow is one person across the sittings of a period.
type MatrixRow struct {
	Person data.Person
	Group  string // 党小组 name
	// Cells are the person's presence per sitting of the matrix; "" where the
	// person was neither expected nor there.
	Cells    []data.Presence
	Expected int // sittings the person was expected at
	Present  int // of those, 出席
	OnLeave  int
	Absent   int
	Guest    int // 列席 elsewhere
}

// Rate is the 出席率 over the sittings expected (0 when none).
func (r *MatrixRow) Rate() float64 {
	if r.Expected == 0 {
		return 0
	}
	return float64(r.Present) / float64(r.Expected)
}

// Matrix is the 党员参加组织生活考勤表: members × sittings.
type Matrix struct {
	From, To   civil.Date
	Meetings   []*data.Meeting
	Rows       []MatrixRow
	GroupNames map[uint]string // 党小组 names by ID, for the headers of 党小组会
}

// Participation builds the matrix of the sittings held in [from, to]: one
// row for each member in the register at its end and anyone else recorded
// at those sittings, by 党小组 then name.
func (c *Compliance) Participation(from, to civil.Date) Matrix {
	mx := Matrix{From: from, To: to}
	for i := range c.d.Meetings {
		if m := &c.d.Meetings[i]; !m.Date.Before(from) && !m.Date.After(to) {
			mx.Meetings = append(mx.Meetings, m)
		}
	}
	people := c.rowPeople(mx.Meetings, to)
	groups := map[uint]string{}
	for _, g := range c.d.Groups {
		groups[g.ID] = g.Name
	}
	mx.GroupNames = groups
	for _, p := range people {
		row := MatrixRow{Person: p, Cells: make([]data.Presence, len(mx.Meetings))}
		if p.GroupID != nil {
			row.Group = groups[*p.GroupID]
		}
		for j, m := range mx.Meetings {
			a := m.AttendanceOf(p.ID)
			if a == nil {
				continue
			}
			row.Cells[j] = a.Status
			row.count(a)
		}
		mx.Rows = append(mx.Rows, row)
	}
	return mx
}

func (r *MatrixRow) count(a *data.MeetingAttendance) {
	if !a.Expected {
		if a.Status.Attended() {
			r.Guest++
		}
		return
	}
	r.Expected++
	switch a.Status {
	case data.Present:
		r.Present++
	case data.OnLeave:
		r.OnLeave++
	case data.Absent:
		r.Absent++
	}
}

// rowPeople are the register at the end of the period plus anyone recorded
// at its sittings, in 党小组 then pinyin order.
func (c *Compliance) rowPeople(meetings []*data.Meeting, to civil.Date) []data.Person {
	seen := map[uint]bool{}
	var out []data.Person
	for _, p := range data.RegisterAsOf(c.d.People, to) {
		seen[p.ID] = true
		out = append(out, p)
	}
	recorded := map[uint]bool{}
	for _, m := range meetings {
		for _, a := range m.Attendance {
			recorded[a.PersonID] = true
		}
	}
	for _, p := range c.d.People {
		if recorded[p.ID] && !seen[p.ID] {
			seen[p.ID] = true
			out = append(out, p)
		}
	}
	data.SortPeople(out, data.FieldName, false)
	data.SortPeople(out, data.FieldGroup, false)
	return out
}

// Absence is a member who has not taken part in 组织生活 for a long time.
type Absence struct {
	Person data.Person
	// Since is the last sitting attended, or when the record of the member
	// begins (入党, 转入 or the first sitting recorded) if none.
	Since    civil.Date
	Attended bool // Since is a sitting attended
	Months   int  // whole months from Since to the day
	Limit    civil.Date
	Missed   int // sittings expected at since, not attended
	Leaves   int // of those, 请假
}

// Absences lists the members of the register (党籍 not stopped) who have
// not attended a sitting they were expected at for the months of the
// settings, or will reach that within a month. The software only reminds:
// 自行脱党 is decided by the branch (党章第九条 asks for 无正当理由).
func (c *Compliance) Absences() []Absence {
	if len(c.d.Meetings) == 0 {
		return nil
	}
	last := map[uint]civil.Date{}
	for i := range c.d.Meetings {
		m := &c.d.Meetings[i]
		for _, a := range m.Attendance {
			if a.Status.Attended() && m.Date.After(last[a.PersonID]) {
				last[a.PersonID] = m.Date
			}
		}
	}
	months := c.d.Settings.AbsenceMonths
	var out []Absence
	for _, p := range c.d.People {
		if !p.InRegister() || p.Standing == data.StandingSuspended {
			continue
		}
		ab := Absence{Person: p, Since: last[p.ID], Attended: !last[p.ID].IsZero()}
		if !ab.Attended {
			ab.Since = c.recordStart(&p)
		}
		ab.Limit = ab.Since.AddMonths(months)
		if c.today.Before(ab.Limit.AddMonths(-1)) {
			continue
		}
		ab.Missed, ab.Leaves = c.missedSince(p.ID, ab.Since)
		if ab.Missed == 0 {
			continue
		}
		ab.Months = wholeMonths(ab.Since, c.today)
		out = append(out, ab)
	}
	return out
}

// recordStart is when a member with no attendance began to be expected:
// the latest of 入党, 转入, the start of judging and the first sitting.
func (c *Compliance) recordStart(p *data.Person) civil.Date {
	start := c.first
	for _, d := range []civil.Date{p.JoinDate.First(), p.TransferIn.First(), c.since} {
		if d.After(start) {
			start = d
		}
	}
	return start
}

func (c *Compliance) missedSince(personID uint, since civil.Date) (missed, leaves int) {
	for i := range c.d.Meetings {
		m := &c.d.Meetings[i]
		if !m.Date.After(since) {
			continue
		}
		a := m.AttendanceOf(personID)
		if a == nil || !a.Expected || a.Status.Attended() {
			continue
		}
		missed++
		if a.Status == data.OnLeave {
			leaves++
		}
	}
	return missed, leaves
}

// wholeMonths counts the calendar months from a to b.
func wholeMonths(a, b civil.Date) int {
	n := (b.Year-a.Year)*12 + b.Month - a.Month
	if b.Day < a.Day {
		n--
	}
	if n < 0 {
		return 0
	}
	return n
}

func (c *Compliance) absenceFindings() []rules.Finding {
	var out []rules.Finding
	months := c.d.Settings.AbsenceMonths
	for _, ab := range c.Absences() {
		p := &ab.Person
		since := fmt.Sprintf("最近一次参加组织生活是 %s，此后", ab.Since)
		if !ab.Attended {
			since = fmt.Sprintf("自 %s 以来", ab.Since)
		}
		missed := fmt.Sprintf("其间应参加 %d 次，请假 %d 次、缺席 %d 次", ab.Missed, ab.Leaves, ab.Missed-ab.Leaves)
		var msg string
		if c.today.Before(ab.Limit) {
			msg = fmt.Sprintf("%s：%s没有参加党的组织生活（%s），到 %s 将满 %d 个月，请及时联系、谈心谈话",
				p.Name, since, missed, ab.Limit, months)
		} else {
			msg = fmt.Sprintf("%s：%s已连续 %d 个月没有参加党的组织生活（%s）。无正当理由连续六个月不参加党的组织生活的，按自行脱党处理，须由支部讨论决定：请及时了解原因、谈心谈话",
				p.Name, since, ab.Months, missed)
		}
		out = append(out, rules.Finding{PersonID: p.ID, Person: p.Name, IDNumber: p.IDNumber, Rule: RuleAbsence,
			Severity: rules.SeverityReminder, Due: ab.Limit, Message: msg + "（依据：党章第九条）"})
	}
	return out
}
