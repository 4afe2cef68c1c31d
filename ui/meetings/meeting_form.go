package meetings

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/compliance"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// meetingForm is the 会议记录 page as the paper minutes book lays it out:
// name, types, time and place, 主持人 and 记录人, the attendance picked by
// tapping names, 议题, 发言, 决议, the decisions with their votes, and the
// attachments. Who is expected (应到) comes from the register, never typed:
// the form asks the store again whenever the date, the types or the 党小组
// change.
type meetingForm struct {
	a      *core.App
	basis  data.AttendanceBasis
	groups []data.PartyGroup
	// m is the sitting as edited; the inputs write into it as the user
	// types, so the counts and the vote results are always current.
	m data.Meeting
	// marks remembers how people were marked in this form, so unticking a
	// type and ticking it again does not lose the taps.
	marks   map[uint]attendanceMark
	keys    widgets.FormKeys
	loading bool

	dlg        *dialog.CustomDialog
	title      *widgets.FormEntry
	typeOrder  []data.MeetingType
	typeChecks map[data.MeetingType]*widget.Check
	date       *widgets.DateField
	start, end *widgets.FormEntry
	place      *widgets.FormEntry
	host       *widgets.FormSelectEntry
	recorder   *widgets.FormSelectEntry
	lecturer   *widgets.FormSelectEntry
	topic      *widgets.FormEntry
	group      *widget.Select
	groupField *widgets.FormField
	lectField  *widgets.FormField
	topicField *widgets.FormField

	agenda, resolution, note *widgets.FormEntry

	attendance  *attendancePicker
	speeches    *speechList
	decisions   *decisionList
	attachments *attachmentList
	Message     *widget.Label
	edits       *widgets.Edits
	unsaved     *core.Unsaved
	drafted     string // the sitting as last kept in the draft (draft.go)
	closed      bool
}

// ShowMeetingForm opens the minutes of m for editing, or a blank sitting
// dated today when m is nil. Saving goes through compliance.Save and then
// tells every screen (a.NotifyChanged).
func ShowMeetingForm(a *core.App, m *data.Meeting) {
	f, err := newMeetingForm(a, m)
	if err != nil {
		a.ShowError("无法打开会议记录", err)
		return
	}
	f.show()
}

func newMeetingForm(a *core.App, m *data.Meeting) (*meetingForm, error) {
	f := &meetingForm{a: a, marks: map[uint]attendanceMark{}, typeChecks: map[data.MeetingType]*widget.Check{}}
	var err error
	if f.basis, err = a.Store.AttendanceBasis(); err != nil {
		return nil, err
	}
	if f.groups, err = a.Store.Groups(); err != nil {
		return nil, err
	}
	if m == nil {
		m = &data.Meeting{Date: a.Today()}
	}
	f.m = cloneMeeting(*m)
	if f.m.ID == 0 {
		f.m.Attendance = f.basis.PrepareAttendance(&f.m)
		if f.m.Host == "" && f.m.HostID == nil {
			f.m.Host = data.CleanText(f.basis.Branch.Secretary) // 支部条例第十四条: the 书记 chairs
		}
	}
	f.keys = widgets.FormKeys{Ctrl: map[fyne.KeyName]func(){fyne.KeyS: func() { f.trySave() }}, Escape: f.cancel}

	title := "新增会议记录"
	if f.m.ID != 0 {
		title = "编辑会议记录：" + f.m.DisplayTitle()
	}
	content := f.build()
	f.dlg = dialog.NewCustomWithoutButtons(title, content, a.Window)
	// The sitting as edited counts too: the attendance taps, speeches and
	// decisions live in f.m, not in entries.
	f.edits = widgets.NewEdits(content, func() any { return f.m })
	f.unsaved = &core.Unsaved{What: "会议记录", Dirty: f.edits.Dirty, Save: f.trySave, Discard: f.dlg.Hide}
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), f.cancel)
	save := widget.NewButtonWithIcon("保存（Ctrl+S）", theme.DocumentSaveIcon(), func() { f.trySave() })
	save.Importance = widget.HighImportance
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, save})
	return f, nil
}

// cloneMeeting copies a sitting with its own slices, so the form never
// writes into a record someone else holds.
func cloneMeeting(m data.Meeting) data.Meeting {
	m.Types = slices.Clone(m.Types)
	m.Attendance = slices.Clone(m.Attendance)
	m.Speeches = slices.Clone(m.Speeches)
	m.Decisions = slices.Clone(m.Decisions)
	m.Attachments = slices.Clone(m.Attachments)
	return m
}

func (f *meetingForm) show() {
	c := f.a.Window.Canvas()
	save := widgets.CtrlShortcut(fyne.KeyS)
	// For Ctrl+S while the focus is on a checkbox, a name or a Select, which do not pass keys up.
	c.AddShortcut(save, func(fyne.Shortcut) { f.trySave() })
	size := c.Size()
	f.dlg.Resize(fyne.NewSize(min(1040, size.Width-30), min(730, size.Height-30)))
	stop := make(chan struct{})
	f.keepDrafts(stop)
	f.a.ShowForm(f.dlg, f.unsaved, func() {
		c.RemoveShortcut(save)
		close(stop)
		f.dropDraft()
	})
	c.Focus(f.title)
}

// cancel is Esc and 取消: typed work is asked about first.
func (f *meetingForm) cancel() { f.a.AskLeave(f.unsaved) }

func (f *meetingForm) build() fyne.CanvasObject {
	f.loading = true
	defer func() { f.loading = false }()
	basics := f.makeBasics()
	f.attendance = newAttendancePicker(f)
	f.speeches = newSpeechList(f)
	f.decisions = newDecisionList(f)
	f.attachments = newAttachmentList(f)
	f.Message = widgets.HiddenMessage(widget.DangerImportance)
	f.agenda = f.multiLine(&f.m.Agenda, "会议的议题和议程，一行一项")
	f.limit(f.agenda, data.FieldAgenda)
	f.agenda.SetMinRowsVisible(4)
	f.resolution = f.multiLine(&f.m.Resolution, "会议形成的决议、决定事项")
	f.limit(f.resolution, data.FieldResolution)
	f.note = f.multiLine(&f.m.Note, "其他需要说明的情况")
	f.limit(f.note, data.FieldRemark)
	f.note.SetMinRowsVisible(2)
	f.showConditionalRows()

	page := container.NewVBox(
		basics,
		widgets.SectionHeading("出席情况", nil), f.attendance.Content,
		widgets.SectionHeading("议题", nil), f.agenda,
		f.speeches.Content,
		widgets.SectionHeading("决议", nil), f.resolution,
		f.decisions.Content,
		f.attachments.Content,
		widgets.SectionHeading("备注", nil), f.note,
	)
	return container.NewBorder(nil, f.Message, nil, nil, widgets.FormScroll(page))
}

// makeBasics builds the head of the page: 会议名称, 类型, 时间, 地点, people.
func (f *meetingForm) makeBasics() fyne.CanvasObject {
	f.title = f.Entry(&f.m.Title, "可不填：按日期和类型自动写为“2026年3月5日支部党员大会”")
	f.date = widgets.NewDateField(f.a)
	f.date.SetKeys(f.keys)
	f.date.SetDate(f.m.Date)
	f.date.OnChanged = f.dateChanged
	f.start = f.clockEntry(&f.m.Start)
	f.end = f.clockEntry(&f.m.End)
	f.place = f.Entry(&f.m.Place, "如：学校会议室")
	names := f.registerNames()
	f.host = f.person(&f.m.Host, names)
	f.recorder = f.person(&f.m.Recorder, names)
	f.lecturer = f.person(&f.m.Lecturer, names)
	f.topic = f.Entry(&f.m.Topic, "")
	f.limit(f.topic, data.FieldTopic)
	f.limit(f.lecturer, data.FieldLecturer)
	f.group = f.groupSelect()

	f.groupField = widgets.NewFormField("党小组", f.group)
	f.lectField = widgets.NewFormField("党课主讲人", f.lecturer)
	f.topicField = widgets.NewFormField("党课题目", f.topic)
	clock := container.NewHBox(widgets.Sized(124, f.start), widget.NewLabel("至"), widgets.Sized(124, f.end))
	return container.NewVBox(
		widgets.NewFormField("会议名称", f.title).Row,
		widgets.NewFormField("会议类型", f.typeGrid()).Row,
		container.NewGridWithColumns(2, widgets.NewFormField("日期", f.date).Row, widgets.NewFormField("时间", clock).Row),
		container.NewGridWithColumns(2, widgets.NewFormField("地点", f.place).Row, f.groupField.Row),
		container.NewGridWithColumns(2, widgets.NewFormField("主持人", f.host).Row, widgets.NewFormField("记录人", f.recorder).Row),
		container.NewGridWithColumns(2, f.lectField.Row, f.topicField.Row),
	)
}

// typeGrid offers every type of the settings (and any type of this sitting
// the settings no longer list) as a checkbox.
func (f *meetingForm) typeGrid() fyne.CanvasObject {
	f.typeOrder = f.basis.Settings.TypeList()
	for _, t := range f.m.Types {
		if !slices.Contains(f.typeOrder, t) {
			f.typeOrder = append(f.typeOrder, t)
		}
	}
	grid := container.NewGridWithColumns(4)
	for _, t := range f.typeOrder {
		c := widget.NewCheck(string(t), func(bool) { f.typesChanged() })
		c.Checked = f.m.HasType(t)
		f.typeChecks[t] = c
		grid.Add(c)
	}
	return grid
}

// limit gives an input that is not a FormField of the same label its
// field's maximum length (data.FieldMaxLen); the message says which field,
// and so does a conflict's 对比 (widgets.Named).
func (f *meetingForm) limit(e widgets.Limited, field string) {
	if entry, ok := e.(*widgets.FormEntry); ok {
		entry.Field = field
	}
	most := data.FieldMaxLen[field]
	e.SetMaxLen(most, func() { f.Say(field + "：" + widgets.TooLongMessage(most)) })
}

// entry is a one-line input written into *ptr as the user types.
func (f *meetingForm) Entry(ptr *string, placeholder string) *widgets.FormEntry {
	e := widgets.NewFormEntry()
	e.SetText(*ptr)
	e.SetPlaceHolder(placeholder)
	e.SetKeys(f.keys)
	e.OnChanged = func(s string) { *ptr = s }
	return e
}

func (f *meetingForm) multiLine(ptr *string, placeholder string) *widgets.FormEntry {
	e := widgets.NewMultiLineFormEntry()
	e.SetText(*ptr)
	e.SetPlaceHolder(placeholder)
	e.SetMinRowsVisible(3)
	e.SetKeys(f.keys)
	e.OnChanged = func(s string) { *ptr = s }
	return e
}

// clockEntry takes 14:30, 14点30, 下午2:30 … and shows 14:30 once the user moves on.
func (f *meetingForm) clockEntry(ptr *string) *widgets.FormEntry {
	e := f.Entry(ptr, "如 14:30")
	e.Validator = func(s string) error { _, err := data.ParseClock(s); return err }
	e.OnFocusLost = func() {
		if v, err := data.ParseClock(e.Text); err == nil && v != e.Text {
			e.SetText(v)
		}
	}
	return e
}

// person is a name picked from the register or typed (a 上级党委 member
// chairing); collect turns an unambiguous register name into its ID.
func (f *meetingForm) person(ptr *string, names []string) *widgets.FormSelectEntry {
	e := widgets.NewFormSelectEntry(names)
	e.SetText(*ptr)
	e.SetKeys(f.keys)
	e.OnChanged = func(s string) { *ptr = s }
	return e
}

// registerNames are the members in the register now, in pinyin order.
func (f *meetingForm) registerNames() []string {
	var people []data.Person
	for _, p := range f.basis.People {
		if p.InRegister() {
			people = append(people, p)
		}
	}
	data.SortPeople(people, data.FieldName, false)
	names := make([]string, len(people))
	for i, p := range people {
		names[i] = p.Name
	}
	return names
}

// personRef is the register person named name when exactly one has the
// name, else the typed name alone.
func (f *meetingForm) personRef(name string) (*uint, string) {
	name = strings.TrimSpace(name)
	var id uint
	n := 0
	for _, p := range f.basis.People {
		if name != "" && p.Name == name {
			id, n = p.ID, n+1
		}
	}
	if n == 1 {
		return &id, name
	}
	return nil, name
}

func (f *meetingForm) groupSelect() *widget.Select {
	names := make([]string, len(f.groups))
	for i, g := range f.groups {
		names[i] = g.Name
	}
	s := widget.NewSelect(names, nil)
	s.PlaceHolder = "（请选择党小组）"
	if name := widgets.GroupName(f.groups, f.m.GroupID, ""); name != "" {
		s.Selected = name
	}
	s.OnChanged = func(name string) {
		f.m.GroupID = nil
		for _, g := range f.groups {
			if g.Name == name {
				id := g.ID
				f.m.GroupID = &id
			}
		}
		f.recomputeAttendance()
	}
	return s
}

// showConditionalRows shows the 党小组 picker for a group's meeting and the
// 党课 fields for a 党课 (a 主题党日 has a 主题 too).
func (f *meetingForm) showConditionalRows() {
	widgets.SetVisible(f.groupField.Row, f.basis.Settings.NeedsGroup(f.m.Types))
	lecture := f.m.HasType(data.TypeLecture)
	widgets.SetVisible(f.lectField.Row, lecture)
	widgets.SetVisible(f.topicField.Row, lecture || f.m.HasType(data.TypeThemeDay))
	if lecture {
		f.topicField.Label.SetText("党课题目")
	} else {
		f.topicField.Label.SetText("活动主题")
	}
}

func (f *meetingForm) typesChanged() {
	if f.loading {
		return
	}
	f.m.Types = nil
	for _, t := range f.typeOrder {
		if f.typeChecks[t].Checked {
			f.m.Types = append(f.m.Types, t)
		}
	}
	f.showConditionalRows()
	f.recomputeAttendance()
}

func (f *meetingForm) dateChanged(d civil.Date) {
	if d.IsZero() || f.loading {
		return
	}
	f.m.Date = d
	f.recomputeAttendance()
}

// recomputeAttendance asks the register again who is expected, keeping how
// people were marked. Only the people added as 列席 by hand stay on the
// list as such: someone expected at a 党员大会 does not turn into a 列席 of
// the 支委会 the sitting was changed to.
func (f *meetingForm) recomputeAttendance() {
	if f.loading {
		return
	}
	guests := f.m.Attendance[:0:0]
	for _, a := range f.m.Attendance {
		if a.Expected {
			f.marks[a.PersonID] = attendanceMark{a.Status, a.Reason}
		} else {
			guests = append(guests, a)
		}
	}
	f.m.Attendance = guests
	f.m.Attendance = f.basis.PrepareAttendance(&f.m)
	for i := range f.m.Attendance {
		a := &f.m.Attendance[i]
		if mk, ok := f.marks[a.PersonID]; ok && a.Expected && mk.status != data.Attender {
			a.Status, a.Reason = mk.status, mk.reason
		}
	}
	f.attendance.rebuild()
	f.decisions.refreshResults()
}

// trySave saves and closes the form, then says which 发展党员 records the
// decisions filled (after closing: a dialog under another closes it too).
func (f *meetingForm) trySave() bool {
	outcomes, ok := f.store()
	if ok {
		f.edits.Mark()
		f.dlg.Hide()
		f.showOutcomes(outcomes)
	}
	return ok
}

func (f *meetingForm) showOutcomes(outcomes []compliance.LinkOutcome) {
	if msgs := outcomeLines(outcomes); msgs != "" {
		f.a.ShowInfo("会议记录已保存", msgs)
	}
}

// store saves the sitting; the form stays as it is when the store refuses,
// with the reason above the buttons.
func (f *meetingForm) store() ([]compliance.LinkOutcome, bool) {
	m, err := f.collect()
	if err != nil {
		f.Say(err.Error())
		return nil, false
	}
	outcomes, err := compliance.Save(f.a.Store, &m)
	if err != nil {
		f.refused(err)
		return nil, false
	}
	if saved, err := f.a.Store.Meeting(m.ID); err == nil {
		m = saved // with the links to 发展党员 records written by Save
	}
	f.m = m
	f.Say("")
	// The lists hold pointers into the slices just replaced.
	f.attendance.rebuild()
	f.speeches.rebuild()
	f.decisions.rebuild()
	f.attachments.rebuild()
	f.a.NotifyChanged()
	return outcomes, true
}

func outcomeLines(outcomes []compliance.LinkOutcome) string {
	lines := make([]string, len(outcomes))
	for i, o := range outcomes {
		lines[i] = o.Message
	}
	return strings.Join(lines, "\n")
}

// collect reads what the inputs hold but have not written yet: the date,
// the times in their one spelling, and the IDs of the people named.
func (f *meetingForm) collect() (data.Meeting, error) {
	m := cloneMeeting(f.m)
	date, err := f.date.Date()
	if err != nil {
		return m, fmt.Errorf("会议日期：%v", err)
	}
	m.Date = date
	if m.Start, err = data.ParseClock(f.start.Text); err != nil {
		return m, fmt.Errorf("开始时间：%v", err)
	}
	if m.End, err = data.ParseClock(f.end.Text); err != nil {
		return m, fmt.Errorf("结束时间：%v", err)
	}
	m.HostID, m.Host = f.personRef(f.host.Text)
	m.RecorderID, m.Recorder = f.personRef(f.recorder.Text)
	m.LecturerID, m.Lecturer = nil, ""
	if m.HasType(data.TypeLecture) {
		m.LecturerID, m.Lecturer = f.personRef(f.lecturer.Text)
	}
	if !m.HasType(data.TypeLecture) && !m.HasType(data.TypeThemeDay) {
		m.Topic = ""
	}
	for i := range m.Speeches {
		sp := &m.Speeches[i]
		sp.PersonID, sp.Speaker = f.personRef(sp.Speaker)
	}
	if n := f.decisions.firstBadCount(); n > 0 {
		return m, fmt.Errorf("第%d项决定事项的人数或票数不是整数，请改正", n)
	}
	return m, nil
}

// say shows msg above the buttons, where it is seen however the page is scrolled.
func (f *meetingForm) Say(msg string) {
	f.Message.SetText(msg)
	widgets.SetVisible(f.Message, msg != "")
}
