package meetings

import (
	"fmt"
	"image/color"
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
	"partyoffice/data/compliance"
	"partyoffice/data/rules"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// complianceCalendar is the 完成情况 tab: a year as months × meeting types,
// each cell coloured by where its period stands (已完成, 待召开, 未完成,
// 未开始, 不作要求), with the reminders of the running periods above it. A
// cell with sittings opens them; any other says what its period requires.
type complianceCalendar struct {
	s        *meetingsScreen
	year     int
	title    *widget.Label
	warnings *fyne.Container
	grid     *fyne.Container
	Content  fyne.CanvasObject
}

// calendarHeaderWidth and calendarCellWidth let the 12 months and the type
// column fit a 1024 px screen beside the navigation; a longer type name
// (意识形态工作专题会议) and its requirement wrap onto a second line.
const (
	calendarHeaderWidth = 124
	calendarCellWidth   = 52 // 不作要求 in captions and a thin margin
)

// calendarWarningLines is how many reminders are listed before "另有 N 条".
const calendarWarningLines = 3

func newComplianceCalendar(s *meetingsScreen) *complianceCalendar {
	c := &complianceCalendar{s: s, year: s.a.Today().Year}
	step := func(icon fyne.Resource, by int) *widget.Button {
		return widget.NewButtonWithIcon("", icon, func() { c.year += by; c.refresh() })
	}
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	thisYear := widget.NewButton("今年", func() { c.year = c.s.a.Today().Year; c.refresh() })
	bar := container.NewHBox(step(theme.NavigateBackIcon(), -1), c.title, step(theme.NavigateNextIcon(), 1), thisYear,
		layout.NewSpacer(), calendarLegend())
	c.warnings = container.NewVBox()
	c.grid = container.NewVBox()
	c.Content = container.NewBorder(container.NewVBox(bar, c.warnings, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(c.grid))
	return c
}

// calendarStates are the states in the order the legend explains them.
var calendarStates = []compliance.State{compliance.Done, compliance.Due, compliance.Overdue, compliance.Upcoming, compliance.NotRequired}

func stateColor(s compliance.State) color.NRGBA {
	switch s {
	case compliance.Done:
		return colorGreen
	case compliance.Due:
		return colorAmber
	case compliance.Overdue:
		return colorRed
	}
	return colorGrey
}

// stateFill is lighter for the states that ask nothing of the user.
func stateFill(s compliance.State) color.NRGBA {
	switch s {
	case compliance.Upcoming:
		return tint(colorGrey, 0x18)
	case compliance.NotRequired:
		return tint(colorGrey, 0x0C)
	}
	return tint(stateColor(s), 0x30)
}

func calendarLegend() fyne.CanvasObject {
	row := container.NewHBox()
	for _, s := range calendarStates {
		swatch := canvas.NewRectangle(stateFill(s))
		swatch.StrokeColor = stateColor(s)
		swatch.StrokeWidth = 1
		swatch.SetMinSize(fyne.NewSize(14, 14))
		row.Add(container.NewCenter(swatch))
		row.Add(widget.NewLabel(string(s)))
	}
	return row
}

// refresh draws the chosen year and the current reminders.
func (c *complianceCalendar) refresh() {
	c.title.SetText(fmt.Sprintf("%d年", c.year))
	if c.s.data != nil && noMembers(c.s.data) {
		// Nothing is judged before there are members: not 不作要求 in every
		// cell, nor "all held". The same first step as the 工作台.
		c.warnings.Objects = []fyne.CanvasObject{widgets.WrappedLabel(core.NoMembersYet)}
		c.warnings.Refresh()
		c.grid.Objects = nil
		c.grid.Refresh()
		return
	}
	c.showWarnings()
	cal := c.s.comp.Calendar(c.year)
	c.grid.Objects = []fyne.CanvasObject{c.monthHeader()}
	for _, row := range cal.Rows {
		c.grid.Add(c.typeRow(row))
	}
	c.grid.Refresh()
}

func (c *complianceCalendar) monthHeader() fyne.CanvasObject {
	months := container.NewGridWithColumns(12)
	today := c.s.a.Today()
	for m := 1; m <= 12; m++ {
		l := widget.NewLabelWithStyle(fmt.Sprintf("%d月", m), fyne.TextAlignCenter, fyne.TextStyle{Bold: today.Year == c.year && today.Month == m})
		if today.Year == c.year && today.Month == m {
			l.Importance = widget.HighImportance
		}
		months.Add(l)
	}
	return widgets.Columns([]float32{calendarHeaderWidth}, widgets.BoldLabel("会议类型 / 要求"), months)
}

func (c *complianceCalendar) typeRow(row compliance.CalendarRow) fyne.CanvasObject {
	requirement := string(data.NotRequired)
	if row.Rule != nil {
		requirement = row.Rule.Requirement()
		if row.Rule.Local && row.Rule.Required() {
			requirement += "（本地要求）"
		}
	}
	name := widgets.WrappedLabel(string(row.Type))
	name.TextStyle.Bold = true
	req := widgets.WrappedLabel(requirement)
	req.SizeName = theme.SizeNameCaptionText
	head := container.New(layout.NewCustomPaddedVBoxLayout(-10), name, req)
	cells := container.NewGridWithColumns(12)
	for _, cell := range row.Cells {
		cells.Add(newCalendarCell(cell, func() { c.cellTapped(row, cell) }))
	}
	return widgets.Columns([]float32{calendarHeaderWidth}, head, cells)
}

// showWarnings lists the reminders and the misses of the meeting types
// (the 思政课 and the absences have their own tabs).
func (c *complianceCalendar) showWarnings() {
	// The reminders of the running periods first: they can still be acted on.
	var list, missed []rules.Finding
	for _, f := range c.s.comp.Findings() {
		switch {
		case f.Rule == compliance.RuleListen || f.Rule == compliance.RuleTeach || f.Rule == compliance.RuleAbsence:
		case f.Severity == rules.SeverityError:
			missed = append(missed, f)
		default:
			list = append(list, f)
		}
	}
	list = append(list, missed...)
	c.warnings.Objects = nil
	if len(list) == 0 {
		ok := widget.NewLabel("各类会议都按要求召开了，暂无提醒。")
		ok.Importance = widget.SuccessImportance
		c.warnings.Add(ok)
	}
	for i, f := range list {
		if i == calendarWarningLines {
			c.warnings.Add(widgets.QuietLabel(fmt.Sprintf("另有 %d 条，见下表中标红、标黄的格子。", len(list)-i)))
			break
		}
		c.warnings.Add(findingLabel(f))
	}
	c.warnings.Refresh()
}

// findingLabel is a finding in red (错误) or amber (提醒).
func findingLabel(f rules.Finding) *widget.Label {
	l := widget.NewLabel(f.Severity.Label() + "：" + f.Message)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	if f.Severity == rules.SeverityError {
		l.Importance = widget.DangerImportance
	}
	return l
}

// cellTapped opens the sittings of the cell (its month's, else its
// period's), or says what the period requires.
func (c *complianceCalendar) cellTapped(row compliance.CalendarRow, cell compliance.Cell) {
	ids := cell.MeetingIDs
	if len(ids) == 0 && cell.State == compliance.Done && cell.Status != nil {
		ids = cell.Status.MeetingIDs
	}
	switch len(ids) {
	case 0:
		c.explain(row, cell)
	case 1:
		c.s.openMeeting(ids[0])
	default:
		c.listMeetings(fmt.Sprintf("%d年%d月 %s", c.year, cell.Month, row.Type), ids)
	}
}

// listMeetings offers the sittings to open.
func (c *complianceCalendar) listMeetings(title string, ids []uint) {
	list := container.NewVBox()
	d := dialog.NewCustom(title, "关闭", container.NewVScroll(list), c.s.a.Window)
	for _, id := range ids {
		m := c.s.data.MeetingByID(id)
		if m == nil {
			continue
		}
		open := widget.NewButtonWithIcon("打开", theme.DocumentIcon(), func() { d.Hide(); c.s.openMeeting(id) })
		counts := m.Counts()
		text := fmt.Sprintf("%s　%s（应到 %d 人，实到 %d 人）", m.Date, m.DisplayTitle(), counts.Expected, counts.Present)
		list.Add(container.NewBorder(nil, nil, nil, open, widgets.TruncatedLabel(text)))
	}
	d.Resize(fyne.NewSize(680, 360))
	d.Show()
}

// explain says where a cell's period stands, with a way to record the
// missing sitting when its month has begun.
func (c *complianceCalendar) explain(row compliance.CalendarRow, cell compliance.Cell) {
	a := c.s.a
	text := cellExplanation(row, cell, a.Today())
	body := container.NewVBox(widgets.WrappedLabel(text))
	d := dialog.NewCustomWithoutButtons(fmt.Sprintf("%d年%d月 %s", c.year, cell.Month, row.Type), body, a.Window)
	buttons := []fyne.CanvasObject{widget.NewButton("关闭", d.Hide)}
	if date, ok := sittingDateFor(c.year, cell.Month, a.Today()); ok && cell.State != compliance.NotRequired {
		add := widget.NewButtonWithIcon("登记这次会议", theme.ContentAddIcon(), func() {
			d.Hide()
			ShowMeetingForm(a, &data.Meeting{Types: []data.MeetingType{row.Type}, Date: date})
		})
		add.Importance = widget.HighImportance
		buttons = append(buttons, add)
	}
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// cellExplanation: "2026年第二季度（2026-04-01 至 2026-06-30）要求每季度1次，已召开 0 次：待召开，剩余 16 天。"
func cellExplanation(row compliance.CalendarRow, cell compliance.Cell, today civil.Date) string {
	st := cell.Status
	if st == nil {
		return string(cell.State)
	}
	if cell.State == compliance.NotRequired {
		return fmt.Sprintf("%s不作要求：%s。", st.Period.Label, st.Reason)
	}
	s := fmt.Sprintf("%s（%s 至 %s）要求%s，已召开 %d 次：%s", st.Period.Label, st.Period.Start, st.Period.End,
		row.Rule.Requirement(), st.Held, cell.State)
	if len(st.MissingGroups) > 0 {
		s += "（" + strings.Join(st.MissingGroups, "、") + "尚未召开）"
	}
	if cell.State == compliance.Due {
		s += fmt.Sprintf("，剩余 %d 天", st.Period.DaysLeft(today))
	}
	return s + "。"
}

// sittingDateFor is the day a sitting of that month is first offered on:
// today in the running month, the last day of a past month; none for a
// month still to come (minutes record sittings already held).
func sittingDateFor(year, month int, today civil.Date) (civil.Date, bool) {
	switch {
	case year == today.Year && month == today.Month:
		return today, true
	case year < today.Year || (year == today.Year && month < today.Month):
		return civil.New(year, month, civil.DaysIn(year, month)), true
	}
	return civil.Date{}, false
}

// calendarCell is one month of one type: its state in colour and words, and
// how many sittings the month had.
type calendarCell struct {
	widget.BaseWidget
	State compliance.State
	Count int // sittings held in the month
	onTap func()
}

func newCalendarCell(cell compliance.Cell, onTap func()) *calendarCell {
	c := &calendarCell{State: cell.State, Count: len(cell.MeetingIDs), onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

func (c *calendarCell) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(stateFill(c.State))
	bg.StrokeColor = tint(stateColor(c.State), 0x90)
	bg.StrokeWidth = 1
	bg.CornerRadius = 4
	state := canvas.NewText(string(c.State), stateColor(c.State))
	state.TextSize = theme.CaptionTextSize()
	state.Alignment = fyne.TextAlignCenter
	if c.State == compliance.NotRequired || c.State == compliance.Upcoming {
		state.Color = colorGrey
	}
	lines := []fyne.CanvasObject{state}
	if c.Count > 0 {
		count := canvas.NewText(fmt.Sprintf("%d次", c.Count), theme.Color(theme.ColorNameForeground))
		count.TextSize = theme.CaptionTextSize()
		count.TextStyle.Bold = true
		count.Alignment = fyne.TextAlignCenter
		lines = append(lines, count)
	}
	inner := container.NewCenter(container.New(layout.NewCustomPaddedVBoxLayout(2), lines...))
	return widget.NewSimpleRenderer(container.New(layout.NewCustomPaddedLayout(4, 4, 2, 2), container.NewStack(bg, inner)))
}

func (c *calendarCell) MinSize() fyne.Size {
	return fyne.NewSize(calendarCellWidth, 48)
}

func (c *calendarCell) Tapped(*fyne.PointEvent) { c.onTap() }

func (c *calendarCell) Cursor() desktop.Cursor { return desktop.PointerCursor }

// noMembers tells whether the register is empty.
func noMembers(d *compliance.Data) bool {
	n := data.Count(d.People)
	return n.Full+n.Probationer == 0
}
