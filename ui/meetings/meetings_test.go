//go:build ci

package meetings

import (
	"image/color"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/compliance"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
	"partyoffice/ui/widgets"
)

// openMinutesForm opens a blank minutes form over the test window.
func openMinutesForm(t *testing.T, a *core.App) *meetingForm {
	t.Helper()
	f, err := newMeetingForm(a, nil)
	if err != nil {
		t.Fatalf("open the form: %v", err)
	}
	f.show()
	return f
}

// fillSitting types the date and ticks the types as a user would.
func fillSitting(t *testing.T, f *meetingForm, date string, types ...data.MeetingType) {
	t.Helper()
	f.date.Entry.SetText("")
	test.Type(f.date.Entry, date)
	for _, ty := range types {
		test.Tap(f.typeChecks[ty])
	}
}

// typeText replaces what an input holds by typing.
func typeText(e fyne.Focusable, clear func(), text string) {
	clear()
	test.Type(e, text)
}

// tapName taps the attendance name of a person.
func tapName(t *testing.T, f *meetingForm, p data.Person) *attendeeChip {
	t.Helper()
	chip := f.attendance.chipOf[p.ID]
	if chip == nil {
		t.Fatalf("no name %s in the attendance; names: %v", p.Name, chipNames(f))
	}
	test.Tap(chip)
	return chip
}

func chipNames(f *meetingForm) []string {
	var out []string
	for _, o := range f.attendance.chips.Objects {
		out = append(out, o.(*attendeeChip).Name)
	}
	return out
}

// storedMeetings is every sitting in the store.
func storedMeetings(t *testing.T, a *core.App) []data.Meeting {
	t.Helper()
	list, err := a.Store.Meetings(data.MeetingFilter{})
	if err != nil {
		t.Fatalf("read meetings: %v", err)
	}
	return list
}

func TestMinutesFormRecordsASittingWithAttendanceAndAVote(t *testing.T) {
	a := uitest.NewApp(t)
	people := uitest.ThreeMembers(t, a) // 张三, 李四 (预备党员), 王五
	zhang, li, wang := people[0], people[1], people[2]
	c := a.Window.Canvas()
	f := openMinutesForm(t, a)

	fillSitting(t, f, "2026-06-10", data.TypeMembersMeeting, data.TypeThemeDay)
	if got := chipNames(f); len(got) != 3 {
		t.Fatalf("names offered = %v, want the three members", got)
	}
	chip := tapName(t, f, li)
	if chip.Status() != data.OnLeave {
		t.Fatalf("one tap made 李四 %s, want 请假", chip.Status())
	}
	reason := f.attendance.reasonOf[li.ID]
	if reason == nil {
		t.Fatal("no reason line for 李四 after marking 请假")
	}
	test.Type(reason, "外出培训")
	uitest.RequireText(t, c, "应到 3 人　实到 2 人　请假 1 人　缺席 0 人")

	typeText(f.start, func() { f.start.SetText("") }, "下午2:30")
	typeText(f.end, func() { f.end.SetText("") }, "16:00")
	typeText(f.place, func() { f.place.SetText("") }, "学校会议室")
	typeText(f.host, func() { f.host.SetText("") }, "王五")
	typeText(f.recorder, func() { f.recorder.SetText("") }, "张三")
	typeText(f.agenda, func() { f.agenda.SetText("") }, "学习党章\n讨论年度计划")

	uitest.TapButton(t, c, "添加决定事项")
	vote := f.decisions.editors[0]
	test.Type(vote.subject, "通过本年度党员教育计划")
	test.Type(vote.counts[2], "2") // 赞成: brings 应到/实到有表决权 from the attendance
	if got := vote.verdict.Text; !strings.HasPrefix(got, "通过") {
		t.Fatalf("verdict = %q, want 通过 (2 of 2 voters in favour)", got)
	}
	typeText(f.resolution, func() { f.resolution.SetText("") }, "通过年度计划")
	uitest.TapButton(t, c, "保存（Ctrl+S）")

	list := storedMeetings(t, a)
	if len(list) != 1 {
		t.Fatalf("stored %d meetings, want 1 (form says %q)", len(list), f.Message.Text)
	}
	m := list[0]
	counts := m.Counts()
	if counts.Expected != 3 || counts.Present != 2 || counts.OnLeave != 1 || counts.Voters != 2 {
		t.Errorf("counts = %+v, want 应到 3, 实到 2, 请假 1, 有表决权 2", counts)
	}
	if m.Start != "14:30" || m.End != "16:00" {
		t.Errorf("time = %s, want 14:30—16:00", m.TimeSpan())
	}
	if m.HostID == nil || *m.HostID != wang.ID || m.RecorderID == nil || *m.RecorderID != zhang.ID {
		t.Errorf("host/recorder = %v %s / %v %s, want 王五 and 张三 from the register", m.HostID, m.Host, m.RecorderID, m.Recorder)
	}
	if a := m.AttendanceOf(li.ID); a == nil || a.Status != data.OnLeave || a.Reason != "外出培训" {
		t.Errorf("李四's attendance = %+v, want 请假 外出培训", a)
	}
	if len(m.Decisions) != 1 || compliance.VerdictOf(&m, &m.Decisions[0]) != compliance.Passed {
		t.Fatalf("decisions = %+v, want one that passed", m.Decisions)
	}

	// The calendar cell of June turns 已完成 for both types.
	s := newMeetingsScreen(a)
	uitest.Show(a, s.Content)
	uitest.SelectTab(t, c, "完成情况")
	cells := calendarCells(c)
	for row, ty := range s.data.Settings.TypeList() {
		if ty != data.TypeMembersMeeting && ty != data.TypeThemeDay {
			continue
		}
		cell := cells[row*12+5]
		if cell.State != compliance.Done || cell.Count != 1 {
			t.Errorf("%s in June: %s with %d sittings, want 已完成 with 1", ty, cell.State, cell.Count)
		}
	}
}

// calendarCells are the drawn calendar cells, row by row.
func calendarCells(c fyne.Canvas) []*calendarCell {
	var out []*calendarCell
	for _, o := range uitest.VisibleOnCanvas(c) {
		if cell, ok := o.(*calendarCell); ok {
			out = append(out, cell)
		}
	}
	return out
}

func TestATieVoteDoesNotPass(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	f := openMinutesForm(t, a)
	fillSitting(t, f, "2026-06-10", data.TypeMembersMeeting)
	uitest.TapButton(t, a.Window.Canvas(), "添加决定事项")
	vote := f.decisions.editors[0]
	test.Type(vote.counts[2], "1") // 赞成 1
	test.Type(vote.counts[3], "1") // 反对 1 of 2 voters
	if got := vote.verdict.Text; !strings.HasPrefix(got, "不通过") || !strings.Contains(got, "没有超过") {
		t.Fatalf("verdict of a 1:1 tie = %q, want 不通过 with the reason", got)
	}
}

func TestALeaveWithoutReasonIsNotSaved(t *testing.T) {
	a := uitest.NewApp(t)
	people := uitest.ThreeMembers(t, a)
	f := openMinutesForm(t, a)
	fillSitting(t, f, "2026-06-10", data.TypeMembersMeeting)
	typeText(f.recorder, func() { f.recorder.SetText("") }, "张三")
	typeText(f.host, func() { f.host.SetText("") }, "王五")
	tapName(t, f, people[1])
	a.Window.Canvas().Focus(f.place)
	f.place.TypedShortcut(widgets.CtrlShortcut(fyne.KeyS)) // Ctrl+S typed in any field saves

	if n := len(storedMeetings(t, a)); n != 0 {
		t.Fatalf("stored %d meetings with a 请假 lacking its reason", n)
	}
	if !f.Message.Visible() || !strings.Contains(f.Message.Text, "请填写李四请假的原因") {
		t.Fatalf("form message = %q, want it to ask for 李四's reason", f.Message.Text)
	}
}

func TestAnAdmissionVoteIsWrittenToTheCandidatesRecord(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	candidate := data.Person{Name: "赵六", Stage: data.StageCandidate}
	candidate.Normalize()
	uitest.StoreMembers(t, a, candidate)
	c := a.Window.Canvas()
	f := openMinutesForm(t, a)
	fillSitting(t, f, "2026-06-10", data.TypeMembersMeeting)
	typeText(f.host, func() { f.host.SetText("") }, "王五")
	typeText(f.recorder, func() { f.recorder.SetText("") }, "张三")
	uitest.TapButton(t, c, "添加决定事项")
	f.decisions.editors[0].kind.SetSelected(string(data.DecideAdmission))
	vote := f.decisions.editors[0] // rebuilt for the new kind
	if vote.person == nil || !slices.Contains(vote.person.Options, "赵六") {
		t.Fatalf("no 发展对象 to pick for 接收预备党员")
	}
	vote.person.SetSelected("赵六")
	test.Type(vote.counts[2], "2")
	if !strings.HasPrefix(vote.verdict.Text, "通过") {
		t.Fatalf("verdict = %q, want 通过", vote.verdict.Text)
	}
	uitest.TapButton(t, c, "保存（Ctrl+S）")

	list := storedMeetings(t, a)
	if len(list) != 1 || len(list[0].Decisions) != 1 {
		t.Fatalf("stored %d meetings (form says %q)", len(list), f.Message.Text)
	}
	d := list[0].Decisions[0]
	if d.Kind != data.DecideAdmission || d.PersonName != "赵六" || d.Subject != "讨论接收赵六为中共预备党员" {
		t.Errorf("decision = %+v, want 接收预备党员 赵六 with the usual subject", d)
	}
	uitest.RequireText(t, c, "赵六") // the outcome of writing the 发展党员 record is shown
}

func TestTypesTickedAgainKeepTheTaps(t *testing.T) {
	a := uitest.NewApp(t)
	people := uitest.ThreeMembers(t, a)
	f := openMinutesForm(t, a)
	fillSitting(t, f, "2026-06-10", data.TypeMembersMeeting)
	tapName(t, f, people[0])
	tapName(t, f, people[0]) // 缺席
	test.Tap(f.typeChecks[data.TypeMembersMeeting])
	if len(f.attendance.chipOf) != 0 {
		t.Fatalf("names with no type ticked: %v", chipNames(f))
	}
	test.Tap(f.typeChecks[data.TypeMembersMeeting])
	if got := f.attendance.chipOf[people[0].ID].Status(); got != data.Absent {
		t.Fatalf("张三 after ticking the type again: %s, want 缺席 as tapped", got)
	}
}

func TestClassLogTally(t *testing.T) {
	a := uitest.NewApp(t)
	s := newMeetingsScreen(a)
	uitest.Show(a, s.Content)
	c := a.Window.Canvas()
	uitest.SelectTab(t, c, "思政课")
	uitest.RequireText(t, c, "听课 0/4，授课 0/4 课时")

	addClass := func(kind, date, topic, hours string) {
		uitest.TapButton(t, c, "新增听课/授课记录")
		dialog := c.Overlays().Top()
		day := onlyOf[*widgets.DateField](t, dialog)
		typeText(day.Entry, func() { day.Entry.SetText("") }, date)
		onlyOf[*widget.RadioGroup](t, dialog).SetSelected(kind)
		test.Type(entryByPlaceholder(t, dialog, "如：中华民族一家亲"), topic)
		count := entryByPlaceholder(t, dialog, "课时数")
		typeText(count, func() { count.SetText("") }, hours)
		uitest.TapButton(t, c, "保存")
		if c.Overlays().Top() != nil {
			t.Fatalf("class log form still open: %q", uitest.ShownTexts(c))
		}
	}
	addClass(data.ClassListen, "2026-05-12", "中华民族一家亲", "1")
	addClass(data.ClassTeach, "2026-06-02", "红色家风", "2")
	uitest.RequireText(t, c, "听课 1/4，授课 2/4 课时")
	if s.classes.table.Len() != 2 {
		t.Fatalf("listed %d records, want 2", s.classes.table.Len())
	}
}

// onlyOf is the one visible object of type T inside root.
func onlyOf[T fyne.CanvasObject](t *testing.T, root fyne.CanvasObject) T {
	t.Helper()
	var found []T
	for _, o := range uitest.VisibleObjects(root) {
		if v, ok := o.(T); ok {
			found = append(found, v)
		}
	}
	if len(found) != 1 {
		var zero T
		t.Fatalf("found %d objects of type %T, want 1", len(found), zero)
	}
	return found[0]
}

// entryByPlaceholder is the first plain entry inside root with that placeholder.
func entryByPlaceholder(t *testing.T, root fyne.CanvasObject, placeholder string) *widget.Entry {
	t.Helper()
	for _, o := range uitest.VisibleObjects(root) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == placeholder {
			return e
		}
	}
	t.Fatalf("no entry with placeholder %q", placeholder)
	return nil
}

func TestParticipationShowsATick(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	uitest.HoldMeeting(t, a, uitest.MeetingDay, data.TypeMembersMeeting)
	s := newMeetingsScreen(a)
	uitest.Show(a, s.Content)
	c := a.Window.Canvas()
	uitest.SelectTab(t, c, "参加情况")
	if len(s.matrix.mx.Meetings) != 1 || len(s.matrix.mx.Rows) != 3 {
		t.Fatalf("matrix %d sittings × %d people, want 1 × 3", len(s.matrix.mx.Meetings), len(s.matrix.mx.Rows))
	}
	uitest.RequireText(t, c, "✓")
	uitest.RequireText(t, c, "100%")
}

func TestMeetingListShowsTheVerdictAndDeletesToTheBin(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	m := uitest.HoldMeeting(t, a, uitest.MeetingDay, data.TypeMembersMeeting, data.TypeThemeDay)
	s := newMeetingsScreen(a)
	uitest.Show(a, s.Content)
	c := a.Window.Canvas()
	uitest.RequireText(t, c, "支部党员大会、主题党日")
	uitest.RequireText(t, c, "3 / 3")

	s.list.table.SelectRow(0)
	uitest.TapButton(t, c, "删除")
	uitest.TapButton(t, c, "移入回收站")
	if n := len(storedMeetings(t, a)); n != 0 {
		t.Fatalf("%d meetings left after deleting", n)
	}
	gone, _ := a.Store.DeletedMeetings()
	if len(gone) != 1 || gone[0].ID != m.ID {
		t.Fatalf("bin = %v, want the deleted sitting", gone)
	}
}

// TestPurgingAMeetingSaysItsContentLeavesTheLog: 彻底删除 in the bin says the
// sitting's content goes from the 操作日志 too, and then it is gone.
func TestPurgingAMeetingSaysItsContentLeavesTheLog(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	m := uitest.HoldMeeting(t, a, uitest.MeetingDay, data.TypeMembersMeeting)
	if err := a.Store.DeleteMeeting(m.ID); err != nil {
		t.Fatal(err)
	}
	showMeetingBin(a)
	c := a.Window.Canvas()
	uitest.TapButton(t, c, "彻底删除")
	if !uitest.TopDialogHasText(c, "操作日志中这次会议的内容") {
		t.Fatalf("the question does not say the log loses the content: %q", uitest.ShownTexts(c))
	}
	uitest.TapButton(t, c, "彻底删除")
	if gone, _ := a.Store.DeletedMeetings(); len(gone) != 0 {
		t.Fatalf("bin = %v after 彻底删除", gone)
	}
	log, err := a.Store.AuditLog(data.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range log {
		if e.EntityID == m.ID && e.Entity == "会议记录" && e.Before+e.After != "" {
			t.Errorf("entry %s still holds the sitting: %.60s", e.Action, e.Before+e.After)
		}
	}
}

func TestMeetingSettingsSaveAFrequency(t *testing.T) {
	a := uitest.NewApp(t)
	s := newMeetingsScreen(a)
	uitest.Show(a, s.Content)
	c := a.Window.Canvas()
	uitest.SelectTab(t, c, "设置")
	v := s.settings
	v.ms.TypeRule(data.TypeLecture).Every = data.EverySemester
	v.changed()
	uitest.TapButton(t, c, "保存设置")
	ms, err := a.Store.MeetingSettings()
	if err != nil {
		t.Fatal(err)
	}
	if got := ms.TypeRule(data.TypeLecture).Every; got != data.EverySemester {
		t.Fatalf("党课 frequency stored = %s, want 每学期", got)
	}
}

func TestAttachmentsAreListedAndDeleted(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	m := uitest.HoldMeeting(t, a, uitest.MeetingDay, data.TypeThemeDay)
	photo := filepath.Join(t.TempDir(), "现场照片.jpg")
	if err := os.WriteFile(photo, []byte("not really a jpeg"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Store.AddMeetingAttachment(m.ID, photo, "", ""); err != nil {
		t.Fatal(err)
	}
	stored, _ := a.Store.Meeting(m.ID)
	ShowMeetingForm(a, &stored)
	c := a.Window.Canvas()
	uitest.RequireText(t, c, "现场照片　现场照片.jpg")
	uitest.TapButton(t, c, "删除")
	uitest.TapButton(t, c, "删除") // the confirmation
	after, _ := a.Store.Meeting(m.ID)
	if len(after.Attachments) != 0 {
		t.Fatalf("attachments after deleting: %v", after.Attachments)
	}
	uitest.RequireText(t, c, "还没有附件。")
}

// Only the 书记's own 思政课 count toward the targets; the others' records
// are listed and marked. With the local requirements off there are no
// targets, and the tally shows counts instead of "/0".
func TestClassLogMarksOthersAndHasNoTargetsWhenLocalIsOff(t *testing.T) {
	a := uitest.NewApp(t)
	if err := a.Store.SaveBranch(data.Branch{Name: "实验小学党支部", Secretary: "李红"}); err != nil {
		t.Fatal(err)
	}
	if err := a.Store.SetLocalRequirements(true); err != nil {
		t.Fatal(err)
	}
	for _, l := range []data.ClassLog{
		{Date: civil.New(2026, 5, 12), Kind: data.ClassListen, Topic: "中华民族一家亲", Hours: 1},
		{Date: civil.New(2026, 5, 20), Kind: data.ClassListen, Topic: "红色家风", Hours: 1, Who: "王五"},
	} {
		if err := a.Store.SaveClassLog(&l); err != nil {
			t.Fatal(err)
		}
	}
	s := newMeetingsScreen(a)
	uitest.Show(a, s.Content)
	c := a.Window.Canvas()
	uitest.SelectTab(t, c, "思政课")
	uitest.RequireText(t, c, "听课 1/4，授课 0/4 课时；另有 1 条记录不是书记本人的")
	col := s.classes.table.ColumnIndex(countedHeader)
	marks := map[string]string{}
	for i := 0; i < s.classes.table.Len(); i++ {
		marks[s.classes.table.Row(i).Topic] = s.classes.table.Cell(i, col)
	}
	if marks["红色家风"] != notCounted || marks["中华民族一家亲"] != counted {
		t.Errorf("计入 column: %v", marks)
	}

	if err := a.Store.SetLocalRequirements(false); err != nil {
		t.Fatal(err)
	}
	a.NotifyChanged()
	uitest.RequireText(t, c, "听课 1 次，授课 0 课时（未开启区/市本地要求")
	for _, text := range uitest.ShownTexts(c) {
		if strings.Contains(text, "/0") {
			t.Errorf("a target of 0 is shown: %q", text)
		}
	}
	if s.classes.bars.Visible() {
		t.Error("the progress bars show without targets")
	}
}

// TestLegendColoursAreReadable: the calendar's legend and the attendance
// chips outline their states in these colours, on the window's white.
func TestLegendColoursAreReadable(t *testing.T) {
	for _, c := range []color.NRGBA{colorGreen, colorAmber, colorRed, colorBlue, colorGrey} {
		if r := core.ContrastRatio(c, color.White); r < core.MinContrast {
			t.Errorf("%v on white: %.2f:1, want ≥ %.1f:1", c, r, core.MinContrast)
		}
	}
}
