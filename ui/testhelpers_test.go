//go:build ci

package ui

// Helpers for driving real screens in tests: open a store and an App on
// Fyne's test driver, then find widgets by the text the user sees.

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// testToday is the date tests run "on", so date rules give stable results.
var testToday = civil.New(2026, 6, 15)

// openTestStore opens an empty store in a temporary folder (a file, not
// :memory:, see stack-notes) and closes it when the test ends.
func openTestStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(t.TempDir())
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newTestUIApp is an App on an empty store with a 1200×760 test window,
// Chinese Fyne strings, the app theme and today fixed at testToday.
func newTestUIApp(t *testing.T) *App {
	t.Helper()
	UseChinese()
	test.NewTempApp(t).Settings().SetTheme(Theme{})
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1200, 760))
	a := NewApp(openTestStore(t), w)
	a.Now = func() civil.Date { return testToday }
	return a
}

// showInWindow makes o the content of the app's window, so it is laid out
// at the window size and dialogs open over it.
func showInWindow(a *App, o fyne.CanvasObject) {
	a.Window.SetContent(o)
	a.Window.Resize(fyne.NewSize(1200, 760))
}

// visibleObjects is root and every visible object drawn inside it, through
// containers and widget renderers.
func visibleObjects(root fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var visit func(o fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out = append(out, o)
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				visit(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				visit(c)
			}
		}
	}
	visit(root)
	return out
}

// canvasRoots are the window content and any open dialogs, topmost last.
func canvasRoots(c fyne.Canvas) []fyne.CanvasObject {
	return append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
}

// visibleOnCanvas is every visible object of the content and the dialogs.
func visibleOnCanvas(c fyne.Canvas) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, r := range canvasRoots(c) {
		out = append(out, visibleObjects(r)...)
	}
	return out
}

// shownTexts is every text drawn on the canvas: labels, buttons, entries
// and plain canvas texts.
func shownTexts(c fyne.Canvas) []string {
	var out []string
	for _, o := range visibleOnCanvas(c) {
		switch v := o.(type) {
		case *canvas.Text:
			out = append(out, v.Text)
		case *widget.Label:
			out = append(out, v.Text)
		case *widget.Button:
			out = append(out, v.Text)
		case *widget.Entry:
			out = append(out, v.Text)
		}
	}
	return out
}

// hasTextContaining reports whether any drawn text contains part.
func hasTextContaining(c fyne.Canvas, part string) bool {
	for _, s := range shownTexts(c) {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

// hasText reports whether some drawn text is exactly text.
func hasText(c fyne.Canvas, text string) bool {
	for _, s := range shownTexts(c) {
		if s == text {
			return true
		}
	}
	return false
}

// requireText fails the test unless some drawn text contains part.
func requireText(t *testing.T, c fyne.Canvas, part string) {
	t.Helper()
	if !hasTextContaining(c, part) {
		t.Fatalf("no text containing %q on screen; shown: %q", part, shownTexts(c))
	}
}

// findLabel is the visible label whose text is exactly text.
func findLabel(t *testing.T, c fyne.Canvas, text string) *widget.Label {
	t.Helper()
	for _, o := range visibleOnCanvas(c) {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			return l
		}
	}
	t.Fatalf("no label %q on screen; shown: %q", text, shownTexts(c))
	return nil
}

// findButton is the visible button labelled text, preferring the topmost
// dialog (the one the user would be looking at).
func findButton(t *testing.T, c fyne.Canvas, text string) *widget.Button {
	t.Helper()
	roots := canvasRoots(c)
	for i := len(roots) - 1; i >= 0; i-- {
		for _, o := range visibleObjects(roots[i]) {
			if b, ok := o.(*widget.Button); ok && b.Text == text {
				return b
			}
		}
	}
	t.Fatalf("no button %q on screen; shown: %q", text, shownTexts(c))
	return nil
}

// tapButton taps the button labelled text; a disabled button fails the test,
// since a user could not tap it either.
func tapButton(t *testing.T, c fyne.Canvas, text string) {
	t.Helper()
	b := findButton(t, c, text)
	if b.Disabled() {
		t.Fatalf("button %q is disabled", text)
	}
	test.Tap(b)
}

// findFormEntry is the entry of the visible form row labelled label,
// preferring the topmost dialog.
func findFormEntry(t *testing.T, c fyne.Canvas, label string) *widget.Entry {
	t.Helper()
	roots := canvasRoots(c)
	for i := len(roots) - 1; i >= 0; i-- {
		for _, o := range visibleObjects(roots[i]) {
			f, ok := o.(*widget.Form)
			if !ok {
				continue
			}
			for _, item := range f.Items {
				if e, ok := item.Widget.(*widget.Entry); ok && item.Text == label {
					return e
				}
			}
		}
	}
	t.Fatalf("no form entry labelled %q on screen", label)
	return nil
}

// typeInto replaces the text of an entry the way a user would: focus, type.
func typeInto(c fyne.Canvas, e *widget.Entry, text string) {
	e.SetText("")
	c.Focus(e)
	test.Type(e, text)
}

// selectTab opens the tab titled title of the first visible AppTabs.
func selectTab(t *testing.T, c fyne.Canvas, title string) {
	t.Helper()
	for _, o := range visibleOnCanvas(c) {
		tabs, ok := o.(*container.AppTabs)
		if !ok {
			continue
		}
		for _, item := range tabs.Items {
			if item.Text == title {
				tabs.Select(item)
				return
			}
		}
	}
	t.Fatalf("no tab %q on screen", title)
}

// findList is the first visible list with at least n rows.
func findList(t *testing.T, c fyne.Canvas, n int) *widget.List {
	t.Helper()
	for _, o := range visibleOnCanvas(c) {
		if l, ok := o.(*widget.List); ok && l.Length() >= n {
			return l
		}
	}
	t.Fatalf("no list with %d rows on screen", n)
	return nil
}
