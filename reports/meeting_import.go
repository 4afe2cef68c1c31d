package reports

import (
	"fmt"
	"path/filepath"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// MeetingImport is the preview of a meeting history import (会议台账 kept in
// a spreadsheet). Nothing is saved until the caller passes Good() to
// store.ImportMeetings.
type MeetingImport struct {
	File, Sheet string
	HeaderRow   int
	Columns     []string // recognised headers in sheet order
	Ignored     []string // headers not recognised
	Rows        []MeetingRow
	Skipped     []RowIssue // 填写说明 and 示例 rows left out
}

// MeetingRow is one sitting read from the sheet.
type MeetingRow struct {
	Row      int
	Meeting  data.Meeting
	Errors   []RowIssue
	Warnings []RowIssue
	// Existing is the stored sitting this row repeats (same date, types and
	// 党小组): it is skipped, so importing a file twice records nothing twice.
	Existing *data.Meeting
}

// Errors are all rows' errors, in row order.
func (m *MeetingImport) Errors() []RowIssue {
	return collectIssues(m.Rows, func(r *MeetingRow) []RowIssue { return r.Errors })
}

// Warnings are the skipped rows and all rows' warnings, in row order.
func (m *MeetingImport) Warnings() []RowIssue {
	return append(append([]RowIssue(nil), m.Skipped...),
		collectIssues(m.Rows, func(r *MeetingRow) []RowIssue { return r.Warnings })...)
}

// Good are the sittings of the rows without errors that are not stored yet.
func (m *MeetingImport) Good() []*data.Meeting {
	var out []*data.Meeting
	for i := range m.Rows {
		if r := &m.Rows[i]; len(r.Errors) == 0 && r.Existing == nil {
			out = append(out, &r.Meeting)
		}
	}
	return out
}

// BadRows counts rows with at least one error.
func (m *MeetingImport) BadRows() int {
	return countRows(m.Rows, func(r *MeetingRow) bool { return len(r.Errors) > 0 })
}

// ExistingCount counts rows without errors that repeat a stored sitting.
func (m *MeetingImport) ExistingCount() int {
	return countRows(m.Rows, func(r *MeetingRow) bool { return len(r.Errors) == 0 && r.Existing != nil })
}

// ReadMeetings reads a meeting history workbook into a preview: each row
// becomes a sitting, its people found in the register, and is checked by
// the store exactly as saving it would check it. It writes nothing.
func ReadMeetings(path string, store *data.Store, progress func(done, total int)) (*MeetingImport, error) {
	source := filepath.Base(path)
	basis, err := store.AttendanceBasis()
	if err != nil {
		return nil, fmt.Errorf("读取党员名册失败：%w", err)
	}
	res, err := ReadRegister(path, meetingRegister(basis.Settings.TypeList()), ReadOptions[meetingCells]{
		Progress: progress, Finish: finishMeeting})
	if err != nil {
		return nil, err
	}
	groups, err := store.Groups()
	if err != nil {
		return nil, fmt.Errorf("读取党小组失败：%w", err)
	}
	imp := &MeetingImport{File: res.File, Sheet: res.Sheet, HeaderRow: res.HeaderRow,
		Columns: res.Columns, Ignored: res.Ignored, Skipped: res.Skipped}
	b := &meetingBuilder{basis: &basis, groups: groups, res: res, source: source}
	for _, r := range res.Rows {
		row := MeetingRow{Row: r.Row, Errors: r.Errors, Warnings: r.Warnings}
		if len(row.Errors) == 0 {
			b.build(&row, &r.Value)
		}
		imp.Rows = append(imp.Rows, row)
	}
	if err := imp.markStored(store); err != nil {
		return nil, err
	}
	return imp, imp.checkWithStore(store)
}

// markStored finds the rows whose sitting is already stored.
func (m *MeetingImport) markStored(store *data.Store) error {
	var from, to civil.Date
	for _, r := range m.Rows {
		if d := r.Meeting.Date; !d.IsZero() {
			if from.IsZero() || d.Before(from) {
				from = d
			}
			if d.After(to) {
				to = d
			}
		}
	}
	if from.IsZero() {
		return nil
	}
	stored, err := store.Meetings(data.MeetingFilter{From: from, To: to})
	if err != nil {
		return fmt.Errorf("读取已有会议记录失败：%w", err)
	}
	var earlier []*MeetingRow // the sheet's rows so far
	for i := range m.Rows {
		r := &m.Rows[i]
		if len(r.Errors) > 0 {
			continue
		}
		if old := data.SittingOn(stored, &r.Meeting); old != nil {
			r.Existing = old
			r.Warnings = append(r.Warnings, RowIssue{Row: r.Row,
				Message: fmt.Sprintf("已有 %s 的%s记录，这一行跳过", old.Date, old.TypeNames())})
			continue
		}
		for _, e := range earlier {
			if data.SameSitting(&e.Meeting, &r.Meeting) {
				r.Errors = append(r.Errors, RowIssue{Row: r.Row, Message: fmt.Sprintf(
					"与第 %d 行是同一天的同一种会议：同一次会议只登记一次，请删去重复的一行或核对日期", e.Row)})
				break
			}
		}
		if len(r.Errors) == 0 {
			earlier = append(earlier, r)
		}
	}
	return nil
}

// checkWithStore adds the errors saving would meet (应到 that cannot be
// decided, a 主持人 recorded as absent …) to their rows.
func (m *MeetingImport) checkWithStore(store *data.Store) error {
	good := m.Good()
	errs, err := store.CheckMeetings(good)
	if err != nil {
		return fmt.Errorf("检查会议记录失败：%w", err)
	}
	at := map[*data.Meeting]int{}
	for i := range m.Rows {
		at[&m.Rows[i].Meeting] = i
	}
	for i, e := range errs {
		if e != nil {
			r := &m.Rows[at[good[i]]]
			r.Errors = append(r.Errors, RowIssue{Row: r.Row, Message: e.Error()})
		}
	}
	return nil
}

// meetingBuilder makes sittings from a sheet's rows.
type meetingBuilder struct {
	basis  *data.AttendanceBasis
	groups []data.PartyGroup
	res    *RegisterImport[meetingCells]
	source string // the file, kept as Meeting.Source
	byName map[string][]*data.Person
}

func (b *meetingBuilder) build(row *MeetingRow, c *meetingCells) {
	m := &row.Meeting
	*m = data.Meeting{Title: c.Title, Types: c.Types, Date: c.Date, Start: c.Start, End: c.End,
		Place: c.Place, Agenda: c.Content, Topic: c.Topic, Note: c.Note, Source: b.source}
	warn := func(column, format string, args ...any) {
		row.Warnings = append(row.Warnings, RowIssue{row.Row, column, fmt.Sprintf(format, args...)})
	}
	if c.Group != "" {
		if m.GroupID = b.groupID(c.Group); m.GroupID == nil {
			row.Errors = append(row.Errors, RowIssue{row.Row, b.res.HeaderFor(data.FieldGroup),
				fmt.Sprintf("没有名为“%s”的党小组，请核对名称或先在党员名册中设置党小组", c.Group)})
			return
		}
	}
	expected := b.basis.Expected(m.Types, m.Date, m.GroupID)
	for _, role := range []struct {
		name        string
		id          **uint
		field       *string
		header, who string
	}{{c.Host, &m.HostID, &m.Host, "主持人", "主持人"}, {c.Recorder, &m.RecorderID, &m.Recorder, "记录人", "记录人"},
		{c.Lecturer, &m.LecturerID, &m.Lecturer, "主讲人", "主讲人"}} {
		if role.name == "" {
			continue
		}
		*role.field = role.name // kept as typed when not in the register (a 上级党委 member chairing)
		if p, _ := b.person(role.name, expected); p != nil {
			id := p.ID
			*role.id = &id
		}
	}
	b.attendance(m, c, expected, warn)
}

func (b *meetingBuilder) groupID(name string) *uint {
	for _, g := range b.groups {
		if g.Name == name {
			id := g.ID
			return &id
		}
	}
	return nil
}

const notInRegister = "名册里没有"

// person finds the one live person of the name; among namesakes the one
// expected at the sitting. problem says why none was chosen.
func (b *meetingBuilder) person(name string, expected []data.Person) (p *data.Person, problem string) {
	if b.byName == nil {
		b.byName = map[string][]*data.Person{}
		for i := range b.basis.People {
			q := &b.basis.People[i]
			b.byName[q.Name] = append(b.byName[q.Name], q)
		}
	}
	same := b.byName[name]
	switch len(same) {
	case 0:
		return nil, notInRegister
	case 1:
		return same[0], ""
	}
	var fit *data.Person
	for _, s := range same {
		for _, e := range expected {
			if e.ID == s.ID {
				if fit != nil {
					return nil, "名册里有同名的几个人"
				}
				fit = s
			}
		}
	}
	if fit == nil {
		return nil, "名册里有同名的几个人"
	}
	return fit, ""
}

// attendance records who took part as the sheet says. Without any list of
// names nobody's attendance is made up: the sitting keeps the sheet's
// 应到/实到 numbers only (Meeting.AttendanceUnrecorded).
func (b *meetingBuilder) attendance(m *data.Meeting, c *meetingCells, expected []data.Person, warn func(string, string, ...any)) {
	if !c.HasAttendees && len(c.OnLeave) == 0 && len(c.Absent) == 0 {
		m.AttendanceUnrecorded, m.RecordedExpected, m.RecordedPresent = true, c.Expected, c.Present
		if c.HasCounts {
			warn("", "没有参会名单：只记下应到 %d 人、实到 %d 人，不记每个人的出席情况", c.Expected, c.Present)
		} else {
			warn("", "没有参会名单和人数：只记下会议本身，不记出席情况")
		}
		return
	}
	rows := map[uint]data.MeetingAttendance{}
	var guests []string
	unsure := map[string]bool{} // listed names of several people
	mark := func(list []nameEntry, status data.Presence, header, fallbackReason string) {
		for _, e := range list {
			p, problem := b.person(e.Name, expected)
			if p == nil {
				warn(b.res.HeaderFor(header), "“%s”%s，没有记入考勤", e.Name, problem)
				if status.Attended() && problem == notInRegister {
					guests = append(guests, e.Name)
				}
				unsure[e.Name] = problem != notInRegister
				continue
			}
			reason := e.Reason
			if reason == "" && status != data.Present {
				reason = fallbackReason
			}
			rows[p.ID] = data.MeetingAttendance{PersonID: p.ID, Name: p.Name, Status: status, Reason: reason}
		}
	}
	mark(c.Attendees, data.Present, "参会人员", "")
	mark(c.OnLeave, data.OnLeave, "请假人员", "原记录为请假，未写原因")
	mark(c.Absent, data.Absent, "缺席人员", "原记录为缺席，未写原因")
	for _, id := range []*uint{m.HostID, m.RecorderID, m.LecturerID} {
		if _, listed := rows[derefID(id)]; id != nil && !listed {
			rows[*id] = data.MeetingAttendance{PersonID: *id, Status: data.Present} // chairing, recording, lecturing: there
		}
	}
	var unlisted []string
	for _, p := range expected {
		a, ok := rows[p.ID]
		switch {
		case ok:
		case unsure[p.Name]:
			a = data.MeetingAttendance{PersonID: p.ID, Status: data.Absent,
				Reason: "原记录写的“" + p.Name + "”同名的有几位，无法确定是哪一位，请改正"}
		case c.HasAttendees: // a list of those present: whoever it leaves out was not there
			a = data.MeetingAttendance{PersonID: p.ID, Status: data.Absent, Reason: "原记录的参会名单中没有此人"}
			unlisted = append(unlisted, p.Name)
		default: // only 请假/缺席 listed, as minutes usually are: the others came
			a = data.MeetingAttendance{PersonID: p.ID, Status: data.Present}
		}
		a.Name = p.Name
		m.Attendance = append(m.Attendance, a)
		delete(rows, p.ID)
	}
	for _, a := range rows { // not expected: 列席 if they came
		if a.Status.Attended() {
			m.Attendance = append(m.Attendance, a)
		}
	}
	m.Guests = strings.Join(guests, "、")
	m.Attendance = b.basis.PrepareAttendance(m) // 应到 and 表决权 flags as the store will set them
	if len(unlisted) > 0 {
		warn(b.res.HeaderFor("参会人员"), "应到的%s不在参会名单里，已记为缺席", strings.Join(unlisted, "、"))
	}
	compareCounts(m, c, expected, b.res.HeaderFor, warn)
}

func derefID(id *uint) uint {
	if id == nil {
		return 0
	}
	return *id
}

// compareCounts warns when the sheet's 应到/实到 differ from the names.
func compareCounts(m *data.Meeting, c *meetingCells, expected []data.Person, header func(string) string, warn func(string, string, ...any)) {
	if !c.HasCounts {
		return
	}
	isExpected := map[uint]bool{}
	for _, p := range expected {
		isExpected[p.ID] = true
	}
	present := 0
	for _, a := range m.Attendance {
		if isExpected[a.PersonID] && a.Status == data.Present {
			present++
		}
	}
	if c.Expected > 0 && c.Expected != len(expected) {
		warn(header("应到人数"), "表中应到 %d 人，按当时的党员名册应到 %d 人；记录以名册为准，请核对", c.Expected, len(expected))
	}
	if c.Present > 0 && c.Present != present {
		warn(header("实到人数"), "表中实到 %d 人，参会名单中应到人员出席 %d 人，请核对", c.Present, present)
	}
}
