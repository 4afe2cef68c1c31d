//go:build ci

package widgets_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data/civil"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
	"partyoffice/ui/widgets"
)

// showDateField puts a date field (and an entry to move the focus to) in the window.
func showDateField(t *testing.T, allowMonth bool) (*core.App, *widgets.DateField, *widget.Entry) {
	t.Helper()
	a := uitest.NewApp(t)
	f := widgets.NewDateField(a)
	f.AllowMonth = allowMonth
	other := widget.NewEntry()
	uitest.Show(a, container.NewVBox(f, other))
	return a, f, other
}

func TestDateFieldReadsOfficeSpellings(t *testing.T) {
	for _, tc := range []struct {
		typed      string
		allowMonth bool
		want       civil.Date
		shown      string // after leaving the field
		err        string // part of the message; "" for none
	}{
		{"2026-03-05", false, civil.New(2026, 3, 5), "2026-03-05", ""},
		{"2026.3.5", false, civil.New(2026, 3, 5), "2026-03-05", ""},
		{"2026年3月5日", false, civil.New(2026, 3, 5), "2026-03-05", ""},
		{"2026/3/5", false, civil.New(2026, 3, 5), "2026-03-05", ""},
		{"20260305", false, civil.New(2026, 3, 5), "2026-03-05", ""},
		{"2008.07", true, civil.Date{Year: 2008, Month: 7}, "2008-07", ""},
		{"2008年7月", true, civil.Date{Year: 2008, Month: 7}, "2008-07", ""},
		{"", false, civil.Date{}, "", ""},
		{"2008.07", false, civil.Date{}, "2008.07", "需要具体到日"},
		{"2008", true, civil.Date{}, "2008", "请至少写到月份"},
		{"2023-02-30", false, civil.Date{}, "2023-02-30", "2023年2月只有28天"},
		{"3/5/2026", false, civil.Date{}, "3/5/2026", "年份要写在最前面"},
		{"明天", false, civil.Date{}, "明天", "无法识别的日期"},
	} {
		t.Run(tc.typed, func(t *testing.T) {
			a, f, other := showDateField(t, tc.allowMonth)
			var reported []civil.Date
			f.OnChanged = func(d civil.Date) { reported = append(reported, d) }
			uitest.TypeIn(a.Window.Canvas(), f.Entry, tc.typed)
			a.Window.Canvas().Focus(other) // leave the field

			d, err := f.Date()
			if d != tc.want {
				t.Errorf("Date() = %v, want %v", d, tc.want)
			}
			if f.Text() != tc.shown {
				t.Errorf("field shows %q, want %q", f.Text(), tc.shown)
			}
			if tc.err == "" {
				if err != nil || f.Message.Visible() {
					t.Errorf("unexpected error %v (message %q)", err, f.Message.Text)
				}
				if !tc.want.IsZero() && (len(reported) == 0 || reported[len(reported)-1] != tc.want) {
					t.Errorf("OnChanged got %v, want it to end with %v", reported, tc.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("error %v, want one containing %q", err, tc.err)
			}
			if !f.Message.Visible() || f.Message.Text != err.Error() {
				t.Errorf("message under the field = %q (visible %v)", f.Message.Text, f.Message.Visible())
			}
			if f.Entry.Validate() == nil {
				t.Error("the entry's validator accepts it")
			}
		})
	}
}

func TestDateFieldMessageWaitsUntilLeaving(t *testing.T) {
	a, f, other := showDateField(t, false)
	uitest.TypeIn(a.Window.Canvas(), f.Entry, "2026-0")
	if f.Message.Visible() {
		t.Errorf("a date being typed is scolded: %q", f.Message.Text)
	}
	a.Window.Canvas().Focus(other)
	if !f.Message.Visible() {
		t.Fatal("no message after leaving an incomplete date")
	}
	uitest.TypeIn(a.Window.Canvas(), f.Entry, "3-05") // now 2026-03-05
	if f.Message.Visible() {
		t.Errorf("message stays after the date was corrected: %q", f.Message.Text)
	}
}

func TestDateFieldCalendar(t *testing.T) {
	a, f, _ := showDateField(t, true)
	c := a.Window.Canvas()
	f.SetDate(civil.New(2026, 3, 5))
	test.Tap(f.Pick)
	if c.Overlays().Top() == nil {
		t.Fatal("the calendar did not open")
	}
	if f.Cal.Title() != "2026年3月" {
		t.Errorf("calendar header = %q, want 2026年3月", f.Cal.Title())
	}
	uitest.RequireText(t, c, "2026年3月")
	for _, w := range widgets.WeekdayNames {
		if !uitest.TopDialogHasText(c, w) {
			t.Errorf("weekday %s not shown", w)
		}
	}
	// March 2026 starts on a Sunday: six blank cells, then 1 under 日.
	if f.Cal.Offset() != 6 || f.Cal.Days[6].Text != "1" || f.Cal.Days[5].Visible() {
		t.Errorf("first of March in cell %d (text of cell 6 %q)", f.Cal.Offset(), f.Cal.Days[6].Text)
	}
	// …and drawn there: the 1st (a Sunday) right of the 2nd (a Monday, next row).
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject
	if pos(f.Cal.Days[6]).X <= pos(f.Cal.Days[7]).X {
		t.Errorf("the 1st is drawn at x=%v, left of the 2nd at x=%v: blank cells collapsed",
			pos(f.Cal.Days[6]).X, pos(f.Cal.Days[7]).X)
	}
	if f.Cal.Days[6+4].Importance != widget.HighImportance {
		t.Error("the field's date (5th) is not marked")
	}

	for _, step := range []struct {
		button *widget.Button
		want   string
	}{{f.Cal.YearBack, "2025年3月"}, {f.Cal.MonthBack, "2025年2月"}, {f.Cal.YearNext, "2026年2月"},
		{f.Cal.MonthNext, "2026年3月"}, {f.Cal.MonthNext, "2026年4月"}} {
		test.Tap(step.button)
		if f.Cal.Title() != step.want {
			t.Errorf("header = %q, want %s", f.Cal.Title(), step.want)
		}
	}
	if f.Cal.Title() != "2026年4月" {
		t.Fatalf("header = %q, want 2026年4月", f.Cal.Title())
	}
	for _, b := range f.Cal.Days {
		if b.Visible() && b.Text == "15" {
			test.Tap(b)
			break
		}
	}
	if f.Text() != "2026-04-15" {
		t.Errorf("picking the 15th gave %q", f.Text())
	}
	if c.Overlays().Top() != nil {
		t.Error("the calendar stays open after picking a day")
	}

	// A month-precision field can take the month itself.
	test.Tap(f.Pick)
	uitest.TapButton(t, c, "只填到月（2026-04）")
	if f.Text() != "2026-04" {
		t.Errorf("只填到月 gave %q", f.Text())
	}
}

func TestDateFieldCalendarStartsAtToday(t *testing.T) {
	a, f, _ := showDateField(t, false)
	test.Tap(f.Pick)
	if f.Cal.Title() != "2026年6月" { // testToday
		t.Errorf("empty field opens the calendar at %q, want today's month", f.Cal.Title())
	}
	if f.Cal.Whole.Visible() {
		t.Error("a day-only field offers 只填到月")
	}
	uitest.TapButton(t, a.Window.Canvas(), "今天")
	if f.Text() != uitest.Today.String() {
		t.Errorf("今天 gave %q", f.Text())
	}
}
