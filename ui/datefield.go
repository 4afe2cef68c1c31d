package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data/civil"
)

// DateField is a date input in the spellings offices type (2026-03-05, 2026.3.5,
// 2026年3月5日 …) with a calendar button. Fyne's own DateEntry cannot be used: it shows
// DD/MM/YYYY and English month names. The value is shown as 2026-03-05 (2008-07 for a
// date known only to the month).
type DateField struct {
	widget.BaseWidget

	// AllowMonth accepts a date known only to the month (2008.07), as old records of
	// 入党时间 often are. Set it before the field is shown.
	AllowMonth bool
	// OnChanged runs whenever the text becomes a valid date: typed, picked or set with
	// SetDate. A cleared field reports the zero Date.
	OnChanged func(civil.Date)

	a        *App
	entry    *formEntry
	pick     *widget.Button
	message  *widget.Label
	popup    *widget.PopUp
	cal      *calendar
	reported civil.Date // last value given to OnChanged, so a re-typed spelling is not news
}

// NewDateField makes an empty date field.
func NewDateField(a *App) *DateField {
	f := &DateField{a: a}
	f.ExtendBaseWidget(f)
	f.entry = newFormEntry()
	f.entry.Validator = func(s string) error { _, err := f.parse(s); return err }
	f.entry.OnChanged = f.textChanged
	f.entry.OnSubmitted = func(string) { f.tidy() }
	f.entry.onFocusLost = f.tidy
	f.pick = widget.NewButtonWithIcon("", theme.CalendarIcon(), f.openCalendar)
	f.message = hiddenMessage(widget.DangerImportance)
	return f
}

// CreateRenderer lays the entry and its calendar button out, with the message below.
func (f *DateField) CreateRenderer() fyne.WidgetRenderer {
	if f.entry.PlaceHolder == "" {
		f.entry.SetPlaceHolder(f.defaultPlaceHolder())
	}
	row := container.NewBorder(nil, nil, nil, f.pick, f.entry)
	return widget.NewSimpleRenderer(container.NewVBox(row, f.message))
}

func (f *DateField) defaultPlaceHolder() string {
	if f.AllowMonth {
		return "如 2008-07-01 或 2008.07"
	}
	return "如 2026-03-05"
}

// SetPlaceHolder replaces the hint shown while the field is empty.
func (f *DateField) SetPlaceHolder(s string) { f.entry.SetPlaceHolder(s) }

// Date is the typed date (zero when empty). A text that is not a date gives an error in
// plain Chinese, which the field also shows under itself.
func (f *DateField) Date() (civil.Date, error) {
	d, err := f.parse(f.entry.Text)
	f.showMessage(err)
	return d, err
}

// SetDate shows d (the zero Date clears the field) and reports it through OnChanged.
func (f *DateField) SetDate(d civil.Date) {
	f.entry.SetText(d.String())
}

// Text is what the field shows.
func (f *DateField) Text() string { return f.entry.Text }

// Enable and Disable switch the typing and the calendar together.
func (f *DateField) Enable() {
	f.entry.Enable()
	f.pick.Enable()
}

func (f *DateField) Disable() {
	f.entry.Disable()
	f.pick.Disable()
}

// setKeys lets the field's dialog handle Ctrl+S and Esc typed into it.
func (f *DateField) setKeys(k formKeys) { f.entry.formKeys = k }

// parse reads s as this field accepts it: a day, or a month where AllowMonth says so.
func (f *DateField) parse(s string) (civil.Date, error) {
	d, err := civil.Parse(s)
	if err != nil || d.IsZero() {
		return d, err
	}
	switch d.Precision() {
	case civil.DayPrecision:
		return d, nil
	case civil.MonthPrecision:
		if f.AllowMonth {
			return d, nil
		}
	case civil.YearPrecision:
		if f.AllowMonth {
			return civil.Date{}, fmt.Errorf("日期“%s”只写了年份，请至少写到月份，例如 %d.07", s, d.Year)
		}
	}
	return civil.ParseDay(s) // explains that a day is needed
}

// textChanged reports a valid date at once. A wrong date is not scolded while it is being
// typed ("2026-0" is on its way to "2026-03"); tidy shows the message when the user moves on.
func (f *DateField) textChanged(s string) {
	d, err := f.parse(s)
	if err != nil {
		if f.message.Visible() {
			f.showMessage(err)
		}
		return
	}
	f.showMessage(nil)
	if d == f.reported {
		return
	}
	f.reported = d
	if f.OnChanged != nil {
		f.OnChanged(d)
	}
}

// tidy runs when the user leaves the field: a valid date is rewritten in its one display
// form (2026.3.5 → 2026-03-05), an invalid one gets its message.
func (f *DateField) tidy() {
	d, err := f.parse(f.entry.Text)
	f.showMessage(err)
	if err == nil && f.entry.Text != d.String() {
		f.entry.SetText(d.String())
	}
}

func (f *DateField) showMessage(err error) {
	if err == nil {
		if f.message.Visible() {
			f.message.Hide()
			f.Refresh()
		}
		return
	}
	f.message.SetText(err.Error())
	if !f.message.Visible() {
		f.message.Show()
		f.Refresh()
	}
}

// openCalendar shows the month of the current value (or of today) below the field.
func (f *DateField) openCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(f)
	if c == nil {
		c = f.a.Window.Canvas()
	}
	if f.cal == nil {
		f.cal = newCalendar(f)
		f.popup = widget.NewPopUp(f.cal.content, c)
	}
	month := f.a.Today()
	if d, err := f.parse(f.entry.Text); err == nil && !d.IsZero() {
		month = d
	}
	f.cal.showMonth(month)
	f.popup.ShowAtRelativePosition(fyne.NewPos(0, f.entry.Size().Height), f.entry)
}

// picked takes a date from the calendar.
func (f *DateField) picked(d civil.Date) {
	f.popup.Hide()
	f.SetDate(d)
	f.showMessage(nil)
}

// weekdayNames head the calendar's columns; Chinese weeks start on Monday.
var weekdayNames = []string{"一", "二", "三", "四", "五", "六", "日"}

// calendar is the month grid of a DateField's popup: 2026年3月 with buttons to step a month
// or a year, the days Monday to Sunday, and shortcuts for today, the whole month and clear.
type calendar struct {
	field *DateField
	shown civil.Date // the year and month on display (day 1)
	title *widget.Label
	// Steps back and forward: a year, a month, a month, a year.
	yearBack, monthBack, monthNext, yearNext *widget.Button

	days  [42]*widget.Button // six weeks cover every month
	whole *widget.Button     // picks the month itself (AllowMonth fields only)

	content fyne.CanvasObject
}

func newCalendar(f *DateField) *calendar {
	c := &calendar{field: f}
	c.title = widget.NewLabel("")
	c.title.Alignment = fyne.TextAlignCenter
	c.title.TextStyle.Bold = true
	nav := func(icon fyne.Resource, months int) *widget.Button {
		b := widget.NewButtonWithIcon("", icon, func() { c.showMonth(c.shown.AddMonths(months)) })
		b.Importance = widget.LowImportance
		return b
	}
	c.yearBack, c.monthBack = nav(theme.MediaFastRewindIcon(), -12), nav(theme.NavigateBackIcon(), -1)
	c.monthNext, c.yearNext = nav(theme.NavigateNextIcon(), 1), nav(theme.MediaFastForwardIcon(), 12)
	header := container.NewBorder(nil, nil, container.NewHBox(c.yearBack, c.monthBack),
		container.NewHBox(c.monthNext, c.yearNext), c.title)

	grid := container.NewGridWithColumns(7)
	for _, name := range weekdayNames {
		l := widget.NewLabel(name)
		l.Alignment = fyne.TextAlignCenter
		grid.Add(l)
	}
	for i := range c.days {
		c.days[i] = widget.NewButton("", func() { c.pickCell(i) })
		// The stack keeps the cell's place in the grid while the button of a day outside
		// the month is hidden (the grid skips hidden objects).
		grid.Add(container.NewStack(c.days[i]))
	}

	today := widget.NewButton("今天", func() { f.picked(f.a.Today()) })
	clear := widget.NewButton("清除", func() { f.picked(civil.Date{}) })
	c.whole = widget.NewButton("", func() { f.picked(civil.Date{Year: c.shown.Year, Month: c.shown.Month}) })
	footer := container.NewHBox(today, c.whole, layout.NewSpacer(), clear)
	c.content = container.NewBorder(header, footer, nil, nil, grid)
	return c
}

// Title is the month header, e.g. 2026年3月.
func (c *calendar) Title() string { return c.title.Text }

// offset is how many cells of the first week belong to the previous month.
func (c *calendar) offset() int {
	first := time.Date(c.shown.Year, time.Month(c.shown.Month), 1, 0, 0, 0, 0, time.UTC)
	return (int(first.Weekday()) + 6) % 7 // Monday = 0
}

// showMonth displays the month of d, marking the field's date and today.
func (c *calendar) showMonth(d civil.Date) {
	if d.Month == 0 {
		d.Month = 1
	}
	c.shown = civil.Date{Year: d.Year, Month: d.Month, Day: 1}
	c.title.SetText(civil.Date{Year: d.Year, Month: d.Month}.Chinese())
	selected, _ := c.field.parse(c.field.entry.Text)
	today := c.field.a.Today()
	off, n := c.offset(), civil.DaysIn(c.shown.Year, c.shown.Month)
	for i, b := range c.days {
		day := i - off + 1
		if day < 1 || day > n {
			b.Hide()
			continue
		}
		date := civil.New(c.shown.Year, c.shown.Month, day)
		b.SetText(fmt.Sprint(day))
		switch {
		case date == selected:
			b.Importance = widget.HighImportance
		case date == today:
			b.Importance = widget.MediumImportance
		default:
			b.Importance = widget.LowImportance
		}
		b.Show()
		b.Refresh()
	}
	c.whole.SetText("只填到月（" + civil.Date{Year: c.shown.Year, Month: c.shown.Month}.String() + "）")
	if c.field.AllowMonth {
		c.whole.Show()
	} else {
		c.whole.Hide()
	}
}

func (c *calendar) pickCell(i int) {
	c.field.picked(civil.New(c.shown.Year, c.shown.Month, i-c.offset()+1))
}
