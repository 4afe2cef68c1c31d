//go:build ci

package meetings

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"partyoffice/ui/uitest"
)

// The wheel over a field (议题, multi-line; 地点, one line; 主持人, a list
// or typed) scrolls the form when the field's text has nothing to scroll,
// as it does anywhere else on the form (issue 13).
func TestWheelOverAFieldScrollsTheForm(t *testing.T) {
	a := uitest.NewApp(t)
	c := a.Window.Canvas()
	f := openMinutesForm(t, a)
	var page *container.Scroll
	for _, o := range uitest.VisibleObjects(c.Overlays().Top()) {
		if s, ok := o.(*container.Scroll); ok && page == nil {
			page = s
		}
	}
	if page == nil {
		t.Fatal("the minutes form has no scrolling page")
	}
	d := fyne.CurrentApp().Driver()
	for name, field := range map[string]fyne.CanvasObject{"议题": f.agenda, "地点": f.place, "主持人": f.host} {
		page.ScrollToOffset(fyne.NewPos(0, 0))
		over := d.AbsolutePositionForObject(field).Add(fyne.NewPos(20, 10))
		if over.Y > c.Size().Height-120 {
			page.ScrollToOffset(fyne.NewPos(0, over.Y-200))
			over = d.AbsolutePositionForObject(field).Add(fyne.NewPos(20, 10))
		}
		before := page.Offset
		test.Scroll(c, over, 0, -60)
		if page.Offset == before {
			t.Errorf("the wheel over %s did not scroll the form (offset stays %v)", name, before)
		}
	}
}

// Nothing at the right end of a row sits under the page's scrollbar.
func TestNoButtonUnderTheFormsScrollbar(t *testing.T) {
	a := uitest.NewApp(t)
	c := a.Window.Canvas()
	openMinutesForm(t, a)
	var page *container.Scroll
	for _, o := range uitest.VisibleObjects(c.Overlays().Top()) {
		if s, ok := o.(*container.Scroll); ok && page == nil {
			page = s
		}
	}
	uitest.TapButton(t, c, "添加决定事项") // a decision row has 按考勤填入人数 at its right end
	d := fyne.CurrentApp().Driver()
	barLeft := d.AbsolutePositionForObject(page).X + page.Size().Width - theme.Size(theme.SizeNameScrollBar)
	for _, label := range []string{"添加决定事项", "按考勤填入人数"} {
		b := uitest.FindButton(t, c, label)
		if right := d.AbsolutePositionForObject(b).X + b.Size().Width; right > barLeft {
			t.Errorf("%s ends at x=%.0f, under the scrollbar (from x=%.0f)", label, right, barLeft)
		}
	}
}

// Esc closes the date picker and leaves the form as it is (issue 13).
func TestEscClosesTheDatePicker(t *testing.T) {
	a := uitest.NewApp(t)
	c := a.Window.Canvas()
	f := openMinutesForm(t, a)
	test.Tap(f.date.Pick)
	if !f.date.Cal.Content.Visible() || c.Overlays().Top() == nil || uitest.TopDialogHasText(c, "新增会议记录") {
		t.Fatal("the calendar did not open over the form")
	}
	forms := len(c.Overlays().List())
	uitest.PressEsc(c)
	if len(c.Overlays().List()) != forms-1 || !uitest.TopDialogHasText(c, "保存（Ctrl+S）") {
		t.Fatalf("Esc did not close just the calendar: %d layers, was %d", len(c.Overlays().List()), forms)
	}
}
