package widgets

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

	host     Host
	Entry    *FormEntry
	Pick     *widget.Button
	Message  *widget.Label
	popup    *widget.PopUp
	escape   *escCatcher
	Cal      *calendar
	reported civil.Date // last value given to OnChanged, so a re-typed spelling is not news
}

// Host is what a DateField needs from the app: today's date (the calendar
// opens on its month) and the window its calendar pops up over. *core.App is
// one; widgets does not import core so that core may use widgets.
type Host interface {
	Today() civil.Date
	Canvas() fyne.Canvas
}

// NewDateField makes an empty date field.
func NewDateField(host Host) *DateField {
	f := &DateField{host: host}
	f.ExtendBaseWidget(f)
	f.Entry = NewFormEntry()
	f.Entry.Validator = func(s string) error { _, err := f.Parse(s); return err }
	f.Entry.OnChanged = f.textChanged
	f.Entry.OnSubmitted = func(string) { f.tidy() }
	f.Entry.OnFocusLost = f.tidy
	f.Pick = widget.NewButtonWithIcon("", theme.CalendarIcon(), f.openCalendar)
	f.Message = HiddenMessage(widget.DangerImportance)
	return f
}

// CreateRenderer lays the entry and its calendar button out, with the message below.
func (f *DateField) CreateRenderer() fyne.WidgetRenderer {
	if f.Entry.PlaceHolder == "" {
		f.Entry.SetPlaceHolder(f.DefaultPlaceHolder())
	}
	row := container.NewBorder(nil, nil, nil, f.Pick, f.Entry)
	return widget.NewSimpleRenderer(container.NewVBox(row, f.Message))
}

func (f *DateField) DefaultPlaceHolder() string {
	if f.AllowMonth {
		return "如 2008-07-01 或 2008.07"
	}
	return "如 2026-03-05"
}

// SetPlaceHolder replaces the hint shown while the field is empty.
func (f *DateField) SetPlaceHolder(s string) { f.Entry.SetPlaceHolder(s) }

// Date is the typed date (zero when empty). A text that is not a date gives an error in
// plain Chinese, which the field also shows under itself.
func (f *DateField) Date() (civil.Date, error) {
	d, err := f.Parse(f.Entry.Text)
	f.showMessage(err)
	return d, err
}

// SetDate shows d (the zero Date clears the field) and reports it through OnChanged.
func (f *DateField) SetDate(d civil.Date) {
	f.Entry.SetText(d.String())
}

// Text is what the field shows.
func (f *DateField) Text() string { return f.Entry.Text }

// Enable and Disable switch the typing and the calendar together.
func (f *DateField) Enable() {
	f.Entry.Enable()
	f.Pick.Enable()
}

func (f *DateField) Disable() {
	f.Entry.Disable()
	f.Pick.Disable()
}

// setKeys lets the field's dialog handle Ctrl+S and Esc typed into it.
func (f *DateField) SetKeys(k FormKeys) { f.Entry.FormKeys = k }

// parse reads s as this field accepts it: a day, or a month where AllowMonth says so.
func (f *DateField) Parse(s string) (civil.Date, error) {
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
	d, err := f.Parse(s)
	if err != nil {
		if f.Message.Visible() {
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
	d, err := f.Parse(f.Entry.Text)
	f.showMessage(err)
	if err == nil && f.Entry.Text != d.String() {
		f.Entry.SetText(d.String())
	}
}

func (f *DateField) showMessage(err error) {
	if err == nil {
		if f.Message.Visible() {
			f.Message.Hide()
			f.Refresh()
		}
		return
	}
	f.Message.SetText(err.Error())
	if !f.Message.Visible() {
		f.Message.Show()
		f.Refresh()
	}
}

// openCalendar shows the month of the current value (or of today) below the field.
func (f *DateField) openCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(f)
	if c == nil {
		c = f.host.Canvas()
	}
	if f.Cal == nil {
		f.Cal = newCalendar(f)
		f.escape = &escCatcher{escape: func() {
			f.popup.Hide()
			c.Focus(f.Entry)
		}}
		f.escape.ExtendBaseWidget(f.escape)
		f.popup = widget.NewPopUp(container.NewStack(f.escape, f.Cal.Content), c)
	}
	month := f.host.Today()
	if d, err := f.Parse(f.Entry.Text); err == nil && !d.IsZero() {
		month = d
	}
	f.Cal.showMonth(month)
	f.popup.ShowAtRelativePosition(fyne.NewPos(0, f.Entry.Size().Height), f.Entry)
	c.Focus(f.escape) // so Esc closes the calendar (issue 13)
}

// escCatcher is an invisible focusable thing in the calendar pop-up: with
// the focus on it, Esc closes the calendar (a pop-up has no key handling of
// its own, and the field's entry is in the layer below).
type escCatcher struct {
	widget.BaseWidget
	escape func()
}

func (e *escCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(layout.NewSpacer())
}
func (e *escCatcher) FocusGained()   {}
func (e *escCatcher) FocusLost()     {}
func (e *escCatcher) TypedRune(rune) {}
func (e *escCatcher) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.escape()
	}
}

// picked takes a date from the calendar.
func (f *DateField) picked(d civil.Date) {
	f.popup.Hide()
	f.SetDate(d)
	f.showMessage(nil)
}

// WeekdayNames head the calendar's columns; Chinese weeks start on Monday.
var WeekdayNames = []string{"一", "二", "三", "四", "五", "六", "日"}

// calendar is the month grid of a DateField's popup: 2026年3月 with buttons to step a month
// or a year, the days Monday to Sunday, and shortcuts for today, the whole month and clear.
type calendar struct {
	field *DateField
	shown civil.Date // the year and month on display (day 1)
	title *widget.Label
	// Steps back and forward: a year, a month, a month, a year.
	YearBack, MonthBack, MonthNext, YearNext *widget.Button

	Days  [42]*widget.Button // six weeks cover every month
	Whole *widget.Button     // picks the month itself (AllowMonth fields only)

	Content fyne.CanvasObject
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
	c.YearBack, c.MonthBack = nav(theme.MediaFastRewindIcon(), -12), nav(theme.NavigateBackIcon(), -1)
	c.MonthNext, c.YearNext = nav(theme.NavigateNextIcon(), 1), nav(theme.MediaFastForwardIcon(), 12)
	header := container.NewBorder(nil, nil, container.NewHBox(c.YearBack, c.MonthBack),
		container.NewHBox(c.MonthNext, c.YearNext), c.title)

	grid := container.NewGridWithColumns(7)
	for _, name := range WeekdayNames {
		l := widget.NewLabel(name)
		l.Alignment = fyne.TextAlignCenter
		grid.Add(l)
	}
	for i := range c.Days {
		c.Days[i] = widget.NewButton("", func() { c.pickCell(i) })
		// The stack keeps the cell's place in the grid while the button of a day outside
		// the month is hidden (the grid skips hidden objects).
		grid.Add(container.NewStack(c.Days[i]))
	}

	today := widget.NewButton("今天", func() { f.picked(f.host.Today()) })
	clear := widget.NewButton("清除", func() { f.picked(civil.Date{}) })
	c.Whole = widget.NewButton("", func() { f.picked(civil.Date{Year: c.shown.Year, Month: c.shown.Month}) })
	footer := container.NewHBox(today, c.Whole, layout.NewSpacer(), clear)
	c.Content = container.NewBorder(header, footer, nil, nil, grid)
	return c
}

// Title is the month header, e.g. 2026年3月.
func (c *calendar) Title() string { return c.title.Text }

// offset is how many cells of the first week belong to the previous month.
func (c *calendar) Offset() int {
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
	selected, _ := c.field.Parse(c.field.Entry.Text)
	today := c.field.host.Today()
	off, n := c.Offset(), civil.DaysIn(c.shown.Year, c.shown.Month)
	for i, b := range c.Days {
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
	c.Whole.SetText("只填到月（" + civil.Date{Year: c.shown.Year, Month: c.shown.Month}.String() + "）")
	if c.field.AllowMonth {
		c.Whole.Show()
	} else {
		c.Whole.Hide()
	}
}

func (c *calendar) pickCell(i int) {
	c.field.picked(civil.New(c.shown.Year, c.shown.Month, i-c.Offset()+1))
}

// FormValue is the text typed, for Edits.
func (f *DateField) FormValue() string { return f.Entry.Text }
