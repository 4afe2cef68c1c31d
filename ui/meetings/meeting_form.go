package meetings

import (
	"errors"
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/meetings"
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
}

type attendanceMark struct {
	status data.Presence
	reason string
}

// ShowMeetingForm opens the minutes of m for editing, or a blank sitting
// dated today when m is nil. Saving goes through meetings.Save and then
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
	f.keys = widgets.FormKeys{Ctrl: map[fyne.KeyName]func(){fyne.KeyS: f.trySave}, Escape: f.cancel}

	title := "新增会议记录"
	if f.m.ID != 0 {
		title = "编辑会议记录：" + f.m.DisplayTitle()
	}
	f.dlg = dialog.NewCustomWithoutButtons(title, f.build(), a.Window)
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), f.cancel)
	save := widget.NewButtonWithIcon("保存（Ctrl+S）", theme.DocumentSaveIcon(), f.trySave)
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
	f.dlg.SetOnClosed(func() { c.RemoveShortcut(save) })
	size := c.Size()
	f.dlg.Resize(fyne.NewSize(min(1040, size.Width-30), min(730, size.Height-30)))
	f.dlg.Show()
	c.Focus(f.title)
}

func (f *meetingForm) cancel() { f.dlg.Hide() }

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
	f.agenda.SetMinRowsVisible(4)
	f.resolution = f.multiLine(&f.m.Resolution, "会议形成的决议、决定事项")
	f.note = f.multiLine(&f.m.Note, "其他需要说明的情况")
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
	return container.NewBorder(nil, f.Message, nil, nil, container.NewVScroll(page))
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
func (f *meetingForm) trySave() {
	if outcomes, ok := f.store(); ok {
		f.dlg.Hide()
		f.showOutcomes(outcomes)
	}
}

func (f *meetingForm) showOutcomes(outcomes []meetings.LinkOutcome) {
	if msgs := outcomeLines(outcomes); msgs != "" {
		f.a.ShowInfo("会议记录已保存", msgs)
	}
}

// store saves the sitting; the form stays as it is when the store refuses,
// with the reason above the buttons.
func (f *meetingForm) store() ([]meetings.LinkOutcome, bool) {
	m, err := f.collect()
	if err != nil {
		f.Say(err.Error())
		return nil, false
	}
	outcomes, err := meetings.Save(f.a.Store, &m)
	if err != nil {
		f.Say("未保存：" + err.Error())
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

func outcomeLines(outcomes []meetings.LinkOutcome) string {
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

// attendancePicker is the attendance as a grid of names: a tap moves a name
// from 出席 to 请假 to 缺席 and back; a reason line appears for each 请假 and
// 缺席. 列席 people are added from the register (a tap removes them) or
// typed when they are not in it.
type attendancePicker struct {
	f        *meetingForm
	counts   *widget.Label
	voters   *widget.Label
	Hint     *widget.Label
	chips    *fyne.Container
	chipOf   map[uint]*attendeeChip
	reasons  *fyne.Container
	reasonOf map[uint]*widgets.FormSelectEntry
	addGuest *widget.Select
	guestIDs map[string]uint
	Content  fyne.CanvasObject
}

// reasonSuggestions are the usual reasons; any other can be typed.
var reasonSuggestions = []string{"公务外出", "外出培训", "病假", "事假", "产假", "婚丧假", "无故缺席"}

func newAttendancePicker(f *meetingForm) *attendancePicker {
	p := &attendancePicker{f: f}
	p.counts = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.voters = widget.NewLabel("")
	p.Hint = widget.NewLabel("")
	p.Hint.Wrapping = fyne.TextWrapWord
	p.chips = container.NewGridWrap(fyne.NewSize(chipWidth, chipHeight))
	p.reasons = container.NewVBox()
	p.addGuest = widget.NewSelect(nil, p.guestChosen)
	p.addGuest.PlaceHolder = "从名册中添加…"
	others := f.Entry(&f.m.Guests, "不在名册中的列席人员，如“区教育党工委 王某”")
	p.Content = container.NewVBox(
		container.NewHBox(p.counts, p.voters),
		p.Hint,
		p.chips,
		p.reasons,
		widgets.NewFormField("列席人员", container.NewBorder(nil, nil, widgets.Sized(200, p.addGuest), nil, others)).Row,
	)
	p.rebuild()
	return p
}

// rebuild draws every name again (after the expected people changed).
func (p *attendancePicker) rebuild() {
	p.chips.Objects = nil
	p.chipOf = map[uint]*attendeeChip{}
	for _, a := range p.f.m.Attendance {
		id := a.PersonID
		chip := newAttendeeChip(a.Name, a.Status, func() { p.tap(id) })
		p.chipOf[id] = chip
		p.chips.Add(chip)
	}
	p.chips.Refresh()
	if len(p.f.m.Attendance) == 0 {
		p.Hint.SetText("选择会议类型并填写日期后，这里按党员名册列出应到人员。")
	} else {
		p.Hint.SetText("点击姓名切换：出席 → 请假 → 缺席；请假、缺席须填写原因。列席人员点击即移除。")
	}
	p.refreshGuestChoices()
	p.statusesChanged()
}

// tap moves a person to the next presence, or removes a 列席 person.
func (p *attendancePicker) tap(personID uint) {
	m := &p.f.m
	a := m.AttendanceOf(personID)
	if a == nil {
		return
	}
	if a.Status == data.Attender {
		m.Attendance = slices.DeleteFunc(m.Attendance, func(x data.MeetingAttendance) bool { return x.PersonID == personID })
		p.rebuild()
		p.f.decisions.refreshResults()
		return
	}
	a.Status = nextPresence(a.Status)
	p.chipOf[personID].setStatus(a.Status)
	p.statusesChanged()
	p.f.decisions.refreshResults()
	if e := p.reasonOf[personID]; e != nil && a.Reason == "" {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.Focus(e)
		}
	}
}

// nextPresence is the order a tap goes through: 出席 → 请假 → 缺席 → 出席.
func nextPresence(p data.Presence) data.Presence {
	switch p {
	case data.Present:
		return data.OnLeave
	case data.OnLeave:
		return data.Absent
	}
	return data.Present
}

// statusesChanged redraws the counts and the reason lines.
func (p *attendancePicker) statusesChanged() {
	c := p.f.m.Counts()
	p.counts.SetText(fmt.Sprintf("应到 %d 人　实到 %d 人　请假 %d 人　缺席 %d 人　列席 %d 人",
		c.Expected, c.Present, c.OnLeave, c.Absent, c.Guests))
	p.voters.SetText(fmt.Sprintf("（有表决权的党员应到 %d 人、实到 %d 人；到会预备党员 %d 人）",
		c.Voters, c.VotersPresent, c.Probationers))
	p.rebuildReasons()
}

func (p *attendancePicker) rebuildReasons() {
	p.reasons.Objects = nil
	p.reasonOf = map[uint]*widgets.FormSelectEntry{}
	for _, a := range p.f.m.Attendance {
		if !a.Expected || a.Status == data.Present {
			continue
		}
		id := a.PersonID
		e := widgets.NewFormSelectEntry(reasonSuggestions)
		e.SetText(a.Reason)
		e.SetPlaceHolder("请填写" + string(a.Status) + "原因")
		e.SetKeys(p.f.keys)
		e.OnChanged = func(s string) {
			if r := p.f.m.AttendanceOf(id); r != nil {
				r.Reason = s
			}
		}
		p.reasonOf[id] = e
		status := widget.NewLabel(string(a.Status))
		status.Importance = presenceImportance(a.Status)
		p.reasons.Add(widgets.Columns([]float32{widgets.LabelWidth, 110, 60}, layout.NewSpacer(), widgets.TruncatedLabel(a.Name), status, e))
	}
	p.reasons.Refresh()
}

// refreshGuestChoices offers the people of the register (and those on
// their way in) who are not on the list yet.
func (p *attendancePicker) refreshGuestChoices() {
	listed := map[uint]bool{}
	for _, a := range p.f.m.Attendance {
		listed[a.PersonID] = true
	}
	var people []data.Person
	for _, person := range p.f.basis.People {
		if person.Roll == data.RollActive && !listed[person.ID] {
			people = append(people, person)
		}
	}
	data.SortPeople(people, data.FieldName, false)
	labels, ids := widgets.PersonChoices(people) // development_step_form.go
	p.guestIDs = ids
	p.addGuest.Options = labels
	p.addGuest.Selected = ""
	p.addGuest.Refresh()
}

func (p *attendancePicker) guestChosen(label string) {
	id, ok := p.guestIDs[label]
	if !ok {
		return
	}
	for _, person := range p.f.basis.People {
		if person.ID == id {
			p.f.m.Attendance = append(p.f.m.Attendance, data.MeetingAttendance{PersonID: id, Name: person.Name,
				Status: data.Attender, Seq: len(p.f.m.Attendance)})
		}
	}
	p.rebuild()
}

const chipWidth, chipHeight = 104, 52

// Colours of the presences (and of the calendar's states): green done,
// amber waiting, red missing, blue extra, grey nothing asked.
var (
	colorGreen = color.NRGBA{R: 0x2E, G: 0x7D, B: 0x32, A: 0xFF}
	colorAmber = color.NRGBA{R: 0xD9, G: 0x82, B: 0x00, A: 0xFF}
	colorRed   = color.NRGBA{R: 0xC6, G: 0x28, B: 0x28, A: 0xFF}
	colorBlue  = color.NRGBA{R: 0x15, G: 0x65, B: 0xC0, A: 0xFF}
	colorGrey  = color.NRGBA{R: 0x8A, G: 0x8A, B: 0x8A, A: 0xFF}
)

// tint is c made light enough to put dark text on.
func tint(c color.NRGBA, alpha uint8) color.NRGBA {
	c.A = alpha
	return c
}

func presenceColor(p data.Presence) color.NRGBA {
	switch p {
	case data.Present:
		return colorGreen
	case data.OnLeave:
		return colorAmber
	case data.Absent:
		return colorRed
	}
	return colorBlue
}

func presenceImportance(p data.Presence) widget.Importance {
	switch p {
	case data.Present:
		return widget.SuccessImportance
	case data.OnLeave:
		return widget.WarningImportance
	case data.Absent:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// attendeeChip is one name of the attendance grid, coloured by presence.
type attendeeChip struct {
	widget.BaseWidget
	Name   string
	status data.Presence
	onTap  func()
	bg     *canvas.Rectangle
	name   *widget.Label
	state  *canvas.Text
}

func newAttendeeChip(name string, status data.Presence, onTap func()) *attendeeChip {
	c := &attendeeChip{Name: name, onTap: onTap}
	c.bg = canvas.NewRectangle(color.Transparent)
	c.bg.CornerRadius = 6
	c.bg.StrokeWidth = 1.5
	c.name = widget.NewLabelWithStyle(name, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	c.name.Truncation = fyne.TextTruncateEllipsis
	c.state = canvas.NewText("", colorGreen)
	c.state.Alignment = fyne.TextAlignCenter
	c.state.TextSize = theme.CaptionTextSize()
	c.ExtendBaseWidget(c)
	c.setStatus(status)
	return c
}

func (c *attendeeChip) CreateRenderer() fyne.WidgetRenderer {
	// Full width for the name, so a long one is cut with "…" only when it must be.
	text := container.New(layout.NewCustomPaddedVBoxLayout(-8), c.name, c.state)
	return widget.NewSimpleRenderer(container.NewStack(c.bg, container.NewVBox(layout.NewSpacer(), text, layout.NewSpacer())))
}

// Status is the presence the chip shows.
func (c *attendeeChip) Status() data.Presence { return c.status }

func (c *attendeeChip) setStatus(s data.Presence) {
	c.status = s
	col := presenceColor(s)
	c.bg.FillColor = tint(col, 0x26)
	c.bg.StrokeColor = col
	c.state.Text = string(s)
	c.state.Color = col
	c.bg.Refresh()
	c.state.Refresh()
}

func (c *attendeeChip) Tapped(*fyne.PointEvent) { c.onTap() }

// Cursor shows the hand: the name is a button.
func (c *attendeeChip) Cursor() desktop.Cursor { return desktop.PointerCursor }

// speechList is the 发言记录: one row per speaker, in order.
type speechList struct {
	f       *meetingForm
	rows    *fyne.Container
	Content fyne.CanvasObject
}

func newSpeechList(f *meetingForm) *speechList {
	l := &speechList{f: f, rows: container.NewVBox()}
	add := widget.NewButtonWithIcon("添加发言", theme.ContentAddIcon(), l.add)
	l.Content = container.NewVBox(widgets.SectionHeading("发言记录", add), l.rows)
	l.rebuild()
	return l
}

func (l *speechList) rebuild() {
	l.rows.Objects = nil
	for i := range l.f.m.Speeches {
		l.rows.Add(l.Row(i))
	}
	if len(l.f.m.Speeches) == 0 {
		l.rows.Add(widgets.QuietLabel("点“添加发言”逐人记录发言要点。"))
	}
	l.rows.Refresh()
}

func (l *speechList) Row(i int) fyne.CanvasObject {
	sp := &l.f.m.Speeches[i]
	speaker := l.f.person(&sp.Speaker, l.speakerNames())
	speaker.SetPlaceHolder("发言人")
	content := l.f.multiLine(&sp.Content, "发言内容")
	content.SetMinRowsVisible(2)
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		l.f.m.Speeches = slices.Delete(l.f.m.Speeches, i, i+1)
		l.rebuild()
	})
	del.Importance = widget.LowImportance
	left := container.NewVBox(widgets.Sized(widgets.LabelWidth, widget.NewLabel(fmt.Sprintf("第%d位发言", i+1))), widgets.Sized(widgets.LabelWidth, speaker))
	return container.NewBorder(nil, nil, left, del, content)
}

// speakerNames offers those in the room first, then the rest of the register.
func (l *speechList) speakerNames() []string {
	var names []string
	for _, a := range l.f.m.Attendance {
		if a.Status.Attended() {
			names = append(names, a.Name)
		}
	}
	for _, n := range l.f.registerNames() {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return names
}

func (l *speechList) add() {
	l.f.m.Speeches = append(l.f.m.Speeches, data.MeetingSpeech{})
	l.rebuild()
}

// attachmentList is the files kept with the minutes: added once the sitting
// is saved (they hang on its ID), opened after checking their checksum.
type attachmentList struct {
	f       *meetingForm
	rows    *fyne.Container
	Content fyne.CanvasObject
}

func newAttachmentList(f *meetingForm) *attachmentList {
	l := &attachmentList{f: f, rows: container.NewVBox()}
	add := widget.NewButtonWithIcon("添加附件…", theme.FileIcon(), l.add)
	l.Content = container.NewVBox(widgets.SectionHeading("附件（现场照片、签到表、会议材料）", add), l.rows)
	l.rebuild()
	return l
}

func (l *attachmentList) rebuild() {
	l.rows.Objects = nil
	for _, att := range l.f.m.Attachments {
		l.rows.Add(l.Row(att))
	}
	switch {
	case len(l.f.m.Attachments) > 0:
	case l.f.m.ID == 0:
		l.rows.Add(widgets.QuietLabel("会议记录保存后即可添加附件（点“添加附件…”会先保存）。"))
	default:
		l.rows.Add(widgets.QuietLabel("还没有附件。"))
	}
	l.rows.Refresh()
}

func (l *attachmentList) Row(att data.MeetingAttachment) fyne.CanvasObject {
	open := widget.NewButtonWithIcon("打开", theme.FolderOpenIcon(), func() { l.open(att) })
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() { l.delete(att) })
	text := fmt.Sprintf("%s　%s　%s", att.Kind, att.Name, core.FileSize(att.Size))
	return container.NewBorder(nil, nil, nil, container.NewHBox(open, del), widgets.TruncatedLabel(text))
}

// add asks for a file; a new sitting is saved first, with the user's consent.
func (l *attachmentList) add() {
	if l.f.m.ID != 0 {
		l.choose()
		return
	}
	confirmAction(l.f.a, "先保存会议记录", "添加附件前需要先保存会议记录。现在保存吗？", "保存", func() {
		if outcomes, ok := l.f.store(); ok {
			l.choose()
			l.f.showOutcomes(outcomes)
		}
	})
}

func (l *attachmentList) choose() {
	a := l.f.a
	a.ChooseFileToOpen("选择要添加的附件（照片、签到表扫描件、PDF 等）", nil, func(path string) {
		att, err := a.Store.AddMeetingAttachment(l.f.m.ID, path, "", "")
		if err != nil {
			a.ShowError("附件没有添加", err)
			return
		}
		l.f.m.Attachments = append(l.f.m.Attachments, att)
		l.rebuild()
		a.NotifyChanged()
	})
}

// open shows the file with the program the computer uses for it, after
// checking it is the file that was added.
func (l *attachmentList) open(att data.MeetingAttachment) {
	a := l.f.a
	show := func() {
		if err := fyne.CurrentApp().OpenURL(core.FileURL(a.Store.AttachmentPath(att))); err != nil {
			a.ShowError("无法打开附件", fmt.Errorf("请在数据文件夹中手动打开：%s", a.Store.AttachmentPath(att)))
		}
	}
	err := a.Store.VerifyAttachment(att)
	switch {
	case errors.Is(err, data.ErrAttachmentChanged):
		confirmAction(a, "附件已被改动", err.Error()+"\n\n仍要打开吗？", "仍然打开", show)
	case err != nil:
		a.ShowError("无法打开附件", err)
	default:
		show()
	}
}

func (l *attachmentList) delete(att data.MeetingAttachment) {
	a := l.f.a
	confirmAction(a, "删除附件", fmt.Sprintf("将附件“%s”移入回收站？", att.Name), "删除", func() {
		if err := a.Store.DeleteMeetingAttachment(att.ID); err != nil {
			a.ShowError("未能删除附件", err)
			return
		}
		l.f.m.Attachments = slices.DeleteFunc(l.f.m.Attachments, func(x data.MeetingAttachment) bool { return x.ID == att.ID })
		l.rebuild()
		a.NotifyChanged()
	})
}

// decisionList is the 决定事项: each with its kind, the person a 接收/转正
// is about, the vote and its result under §2.3, worked out as the user types.
type decisionList struct {
	f       *meetingForm
	editors []*decisionEditor
	rows    *fyne.Container
	Content fyne.CanvasObject
}

func newDecisionList(f *meetingForm) *decisionList {
	l := &decisionList{f: f, rows: container.NewVBox()}
	add := widget.NewButtonWithIcon("添加决定事项", theme.ContentAddIcon(), l.add)
	l.Content = container.NewVBox(widgets.SectionHeading("决定事项与表决", add), l.rows)
	l.rebuild()
	return l
}

func (l *decisionList) rebuild() {
	l.rows.Objects = nil
	l.editors = nil
	for i := range l.f.m.Decisions {
		e := newDecisionEditor(l, i)
		l.editors = append(l.editors, e)
		l.rows.Add(e.Content)
	}
	if len(l.f.m.Decisions) == 0 {
		l.rows.Add(widgets.QuietLabel("需要表决的事项（接收预备党员、预备党员转正、选举或其他决议）请点“添加决定事项”。"))
	}
	l.rows.Refresh()
}

func (l *decisionList) add() {
	l.f.m.Decisions = append(l.f.m.Decisions, data.MeetingDecision{Kind: data.DecideGeneral})
	l.rebuild()
}

func (l *decisionList) remove(i int) {
	l.f.m.Decisions = slices.Delete(l.f.m.Decisions, i, i+1)
	l.rebuild()
}

// refreshResults judges every vote again (the attendance or the types changed).
func (l *decisionList) refreshResults() {
	for _, e := range l.editors {
		e.showResult()
	}
}

// firstBadCount is the number (from 1) of the first decision with a count
// that is not a whole number, or 0.
func (l *decisionList) firstBadCount() int {
	for i, e := range l.editors {
		if e.badCount() {
			return i + 1
		}
	}
	return 0
}

// voteField is one number of a vote.
type voteField struct {
	Label   string
	get     func(v *data.Vote) *int
	written bool // 书面意见: only for 接收/转正
	ballot  bool // a vote cast (赞成/反对/弃权), as opposed to a head count
}

var voteFields = []voteField{
	{Label: "应到有表决权", get: func(v *data.Vote) *int { return &v.Expected }},
	{Label: "实到有表决权", get: func(v *data.Vote) *int { return &v.Present }},
	{Label: "赞成", get: func(v *data.Vote) *int { return &v.For }, ballot: true},
	{Label: "反对", get: func(v *data.Vote) *int { return &v.Against }, ballot: true},
	{Label: "弃权", get: func(v *data.Vote) *int { return &v.Abstain }, ballot: true},
	{Label: "书面意见赞成", get: func(v *data.Vote) *int { return &v.WrittenFor }, written: true},
	{Label: "书面意见反对", get: func(v *data.Vote) *int { return &v.WrittenAgainst }, written: true},
}

// decisionEditor edits one decision of the list.
type decisionEditor struct {
	l       *decisionList
	i       int
	kind    *widget.Select
	person  *widget.Select // 接收/转正 only
	subject *widgets.FormEntry
	counts  []*widgets.FormEntry // by voteFields
	bad     []bool
	verdict *widget.Label
	differs *widget.Label
	Content fyne.CanvasObject
}

func newDecisionEditor(l *decisionList, i int) *decisionEditor {
	e := &decisionEditor{l: l, i: i, bad: make([]bool, len(voteFields))}
	d := e.d()
	f := l.f
	e.kind = widget.NewSelect(decisionKindNames(), func(k string) { e.kindChanged(data.DecisionKind(k)) })
	e.kind.Selected = string(d.Kind)
	del := widget.NewButtonWithIcon("删除此项", theme.DeleteIcon(), func() { l.remove(i) })
	del.Importance = widget.LowImportance
	head := container.NewBorder(nil, nil,
		container.NewHBox(widgets.BoldLabel(fmt.Sprintf("第%d项", i+1)), widgets.Sized(160, e.kind)), del)

	e.subject = f.Entry(&d.Subject, subjectHint(d.Kind))
	method := widgets.NewFormSelectEntry(data.VoteMethods)
	method.SetText(d.Method)
	method.SetKeys(f.keys)
	method.OnChanged = func(s string) { e.d().Method = s }

	e.verdict = widget.NewLabel("")
	e.verdict.Wrapping = fyne.TextWrapWord
	e.differs = widgets.HiddenMessage(widget.WarningImportance)
	fill := widget.NewButton("按考勤填入人数", func() { e.fillFromAttendance() })

	rows := []fyne.CanvasObject{head, widgets.NewFormField("事项", e.subject).Row}
	if d.Kind.DevStep() != 0 {
		rows = append(rows, e.personRow())
	}
	if d.Kind == data.DecideConfirmation {
		rows = append(rows, e.resultRow())
	}
	rows = append(rows,
		widgets.NewFormField("表决形式", widgets.Sized(200, method)).Row,
		widgets.NewFormField("表决人数", container.NewBorder(nil, nil, nil, fill, e.CountRow(false))).Row)
	if d.Kind == data.DecideAdmission || d.Kind == data.DecideConfirmation {
		rows = append(rows, widgets.NewFormField("会前书面意见", e.CountRow(true)).Row)
	}
	rows = append(rows, widgets.NewFormField("表决结果", container.NewVBox(e.verdict, e.differs)).Row)
	e.Content = container.NewVBox(rows...)
	e.showResult()
	return e
}

func (e *decisionEditor) d() *data.MeetingDecision { return &e.l.f.m.Decisions[e.i] }

func decisionKindNames() []string {
	out := make([]string, len(data.DecisionKinds))
	for i, k := range data.DecisionKinds {
		out[i] = string(k)
	}
	return out
}

func subjectHint(k data.DecisionKind) string {
	switch k {
	case data.DecideAdmission:
		return "可不填：自动写为“讨论接收某某为中共预备党员”"
	case data.DecideConfirmation:
		return "可不填：自动写为“讨论某某的预备党员转正问题”"
	case data.DecideElection:
		return "如：选举产生新一届支部委员会"
	}
	return "如：通过本年度党员发展计划"
}

// CountRow is the head counts and ballots (written: the 书面意见 only).
func (e *decisionEditor) CountRow(written bool) fyne.CanvasObject {
	if e.counts == nil {
		e.counts = make([]*widgets.FormEntry, len(voteFields))
	}
	row := container.NewHBox()
	v := &e.d().Vote
	for j, vf := range voteFields {
		if vf.written != written {
			continue
		}
		entry := widgets.NewFormEntry()
		// Head counts show their number; a ballot of 0 stays empty, so typing
		// into it does not give "20".
		if n := *vf.get(v); v.Recorded() && (n != 0 || !(vf.ballot || vf.written)) {
			entry.SetText(fmt.Sprint(n))
		}
		entry.SetKeys(e.l.f.keys)
		entry.OnChanged = func(s string) { e.countChanged(j, s) }
		e.counts[j] = entry
		row.Add(widget.NewLabel(vf.Label))
		row.Add(widgets.Sized(64, entry))
	}
	return row
}

// countChanged reads one number. The first ballot typed into an empty vote
// brings the head counts from the attendance with it.
func (e *decisionEditor) countChanged(j int, s string) {
	n, err := widgets.ReadCount(s)
	e.bad[j] = err != nil
	if err == nil {
		v := &e.d().Vote
		*voteFields[j].get(v) = n
		if voteFields[j].ballot && v.Expected == 0 && v.Present == 0 {
			e.fillFromAttendance()
			return
		}
	}
	e.showResult()
}

func (e *decisionEditor) badCount() bool { return slices.Contains(e.bad, true) }

// fillFromAttendance puts 应到/实到有表决权 from the attendance.
func (e *decisionEditor) fillFromAttendance() {
	s := e.l.f.m.SuggestedVote()
	for j, n := range []int{s.Expected, s.Present} {
		if e.counts[j] != nil {
			e.counts[j].SetText(fmt.Sprint(n)) // writes the vote through countChanged
		}
	}
	e.showResult()
}

// showResult is 通过/不通过 with the sentence that says why, live.
func (e *decisionEditor) showResult() {
	d := e.d()
	m := &e.l.f.m
	res, ok := meetings.Evaluate(m, d)
	switch {
	case e.badCount():
		e.verdict.SetText("人数和票数请填写整数")
		e.verdict.Importance = widget.DangerImportance
	case !ok && d.Kind.NeedsVote():
		e.verdict.SetText("请填写表决人数和赞成、反对、弃权票数")
		e.verdict.Importance = widget.WarningImportance
	case !ok:
		e.verdict.SetText("未表决：只记录决定内容（经过表决的，请填写票数）")
		e.verdict.Importance = widget.LowImportance
	case res.Passed:
		e.verdict.SetText(string(meetings.Passed) + "：" + res.Reason)
		e.verdict.Importance = widget.SuccessImportance
	default:
		e.verdict.SetText(string(meetings.NotPassed) + "：" + res.Reason)
		e.verdict.Importance = widget.DangerImportance
	}
	e.verdict.Refresh()
	differs := ""
	if ok {
		differs = m.VoteDiffers(d.Vote)
	}
	e.differs.SetText(differs)
	widgets.SetVisible(e.differs, differs != "")
}

// kindChanged clears what the new kind has no place for and redraws.
func (e *decisionEditor) kindChanged(k data.DecisionKind) {
	d := e.d()
	if d.Kind == k {
		return
	}
	d.Kind = k
	if k.DevStep() == 0 {
		d.PersonID, d.PersonName = nil, ""
	}
	if k != data.DecideConfirmation {
		d.Result, d.ExtendTo = "", civil.Date{}
	}
	if k.DevStep() == 0 {
		d.Vote.WrittenFor, d.Vote.WrittenAgainst = 0, 0
	}
	if k.NeedsVote() && !d.Vote.Recorded() {
		d.Vote = e.l.f.m.SuggestedVote()
	}
	e.l.rebuild()
}

// personRow picks the 发展对象 (接收) or the 预备党员 (转正) the decision is about.
func (e *decisionEditor) personRow() fyne.CanvasObject {
	d := e.d()
	stage := data.StageCandidate
	if d.Kind == data.DecideConfirmation {
		stage = data.StageProbationer
	}
	var people []data.Person
	for _, p := range e.l.f.basis.People {
		if (p.Stage == stage && p.Roll == data.RollActive) || (d.PersonID != nil && p.ID == *d.PersonID) {
			people = append(people, p)
		}
	}
	data.SortPeople(people, data.FieldName, false)
	labels, ids := widgets.PersonChoices(people)
	pick := widget.NewSelect(labels, nil)
	e.person = pick
	pick.PlaceHolder = fmt.Sprintf("（请选择%s）", stage)
	for _, l := range labels {
		if d.PersonID != nil && ids[l] == *d.PersonID {
			pick.Selected = l
		}
	}
	pick.OnChanged = func(label string) {
		for _, p := range people {
			if p.ID == ids[label] {
				id := p.ID
				e.d().PersonID, e.d().PersonName = &id, p.Name
			}
		}
	}
	return widgets.NewFormField(string(stage), widgets.Sized(260, pick)).Row
}

// resultRow is the 支部大会's 转正 decision, with the new end of the 预备期
// when it is extended.
func (e *decisionEditor) resultRow() fyne.CanvasObject {
	d := e.d()
	until := widgets.NewDateField(e.l.f.a)
	until.SetDate(d.ExtendTo)
	until.OnChanged = func(v civil.Date) { e.d().ExtendTo = v }
	untilRow := container.NewHBox(widget.NewLabel("延长至"), widgets.Sized(180, until))
	result := widget.NewSelect([]string{data.DecisionConfirm, data.DecisionExtend, data.DecisionCancel}, nil)
	result.PlaceHolder = "（请选择）"
	result.Selected = d.Result
	widgets.SetVisible(untilRow, d.Result == data.DecisionExtend)
	result.OnChanged = func(s string) {
		e.d().Result = s
		if s != data.DecisionExtend {
			e.d().ExtendTo = civil.Date{}
			until.SetDate(civil.Date{})
		}
		widgets.SetVisible(untilRow, s == data.DecisionExtend)
	}
	return widgets.NewFormField("支部大会决定", container.NewHBox(widgets.Sized(200, result), untilRow)).Row
}
