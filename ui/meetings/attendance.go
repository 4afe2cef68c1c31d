package meetings

import (
	"fmt"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/widgets"
)

type attendanceMark struct {
	status data.Presence
	reason string
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
	f.limit(others, data.FieldGuests)
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
	colorAmber = color.NRGBA{R: 0x94, G: 0x4A, B: 0x00, A: 0xFF} // dark enough for a legend outline (4.5:1, see the contrast test)
	colorRed   = color.NRGBA{R: 0xC6, G: 0x28, B: 0x28, A: 0xFF}
	colorBlue  = color.NRGBA{R: 0x15, G: 0x65, B: 0xC0, A: 0xFF}
	colorGrey  = color.NRGBA{R: 0x66, G: 0x66, B: 0x66, A: 0xFF}
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
