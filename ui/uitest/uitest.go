//go:build ci

// Package uitest drives real screens in tests: an App on Fyne's test driver with
// a store in a temporary folder, finders by the text the user sees, and builders
// for people and meetings. Built only with -tags ci.
package uitest

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// TypeIn focuses e through the canvas (so the previous field loses the focus, as with a
// mouse click) and types text.
func TypeIn(c fyne.Canvas, e fyne.Focusable, text string) {
	c.Focus(e)
	test.Type(e, text)
}

// TopDialogHasText reports whether the topmost dialog shows a text containing part.
func TopDialogHasText(c fyne.Canvas, part string) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	for _, o := range VisibleObjects(top) {
		var text string
		switch v := o.(type) {
		case *widget.Label:
			text = v.Text
		case *widget.Button:
			text = v.Text
		case *widget.Check:
			text = v.Text
		case *widgets.TokenWrap:
			text = v.String()
		}
		if strings.Contains(text, part) {
			return true
		}
	}
	return false
}

// Today is the date tests run "on", so date rules give stable results.
var Today = civil.New(2026, 6, 15)

// OpenStore opens an empty store in a temporary folder (a file, not
// :memory:, see docs/ARCHITECTURE.md#sqlite) and closes it when the test ends.
func OpenStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(t.TempDir())
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// NewApp is an App on an empty store with a 1200×760 test window,
// Chinese Fyne strings, the app theme and today fixed at testToday.
func NewApp(t *testing.T) *core.App {
	t.Helper()
	return NewAppOn(t, OpenStore(t))
}

// NewAppOn is NewApp on the given store, in a new window: the next start of
// the program on the same data folder.
func NewAppOn(t *testing.T, store *data.Store) *core.App {
	t.Helper()
	core.UseChinese()
	test.NewTempApp(t).Settings().SetTheme(core.Theme{})
	w := &Window{Window: test.NewTempWindow(t, widget.NewLabel(""))}
	w.Resize(fyne.NewSize(1200, 760))
	a := core.NewApp(store, w)
	a.Now = func() civil.Date { return Today }
	a.Background = func(load func()) { load() } // the screen is loaded when its constructor returns
	return a
}

// Show makes o the content of the app's window, so it is laid out
// at the window size and dialogs open over it.
func Show(a *core.App, o fyne.CanvasObject) {
	a.Window.SetContent(o)
	a.Window.Resize(fyne.NewSize(1200, 760))
}

// VisibleObjects is root and every visible object drawn inside it, through
// containers and widget renderers.
func VisibleObjects(root fyne.CanvasObject) []fyne.CanvasObject {
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

// VisibleOnCanvas is every visible object of the content and the dialogs.
func VisibleOnCanvas(c fyne.Canvas) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, r := range canvasRoots(c) {
		out = append(out, VisibleObjects(r)...)
	}
	return out
}

// ShownTexts is every text drawn on the canvas: labels, buttons, entries
// and plain canvas texts.
func ShownTexts(c fyne.Canvas) []string {
	var out []string
	for _, o := range VisibleOnCanvas(c) {
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

// HasTextContaining reports whether any drawn text contains part.
func HasTextContaining(c fyne.Canvas, part string) bool {
	for _, s := range ShownTexts(c) {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

// HasText reports whether some drawn text is exactly text.
func HasText(c fyne.Canvas, text string) bool {
	for _, s := range ShownTexts(c) {
		if s == text {
			return true
		}
	}
	return false
}

// RequireText fails the test unless some drawn text contains part.
func RequireText(t *testing.T, c fyne.Canvas, part string) {
	t.Helper()
	if !HasTextContaining(c, part) {
		t.Fatalf("no text containing %q on screen; shown: %q", part, ShownTexts(c))
	}
}

// FindLabel is the visible label whose text is exactly text.
func FindLabel(t *testing.T, c fyne.Canvas, text string) *widget.Label {
	t.Helper()
	for _, o := range VisibleOnCanvas(c) {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			return l
		}
	}
	t.Fatalf("no label %q on screen; shown: %q", text, ShownTexts(c))
	return nil
}

// FindButton is the visible button labelled text, preferring the topmost
// dialog (the one the user would be looking at).
func FindButton(t *testing.T, c fyne.Canvas, text string) *widget.Button {
	t.Helper()
	roots := canvasRoots(c)
	for i := len(roots) - 1; i >= 0; i-- {
		for _, o := range VisibleObjects(roots[i]) {
			if bl, ok := o.(widgets.ButtonLike); ok {
				o = bl.AsButton()
			}
			if b, ok := o.(*widget.Button); ok && b.Text == text {
				return b
			}
		}
	}
	t.Fatalf("no button %q on screen; shown: %q", text, ShownTexts(c))
	return nil
}

// TapButton taps the button labelled text; a disabled button fails the test,
// since a user could not tap it either.
func TapButton(t *testing.T, c fyne.Canvas, text string) {
	t.Helper()
	b := FindButton(t, c, text)
	if b.Disabled() {
		t.Fatalf("button %q is disabled", text)
	}
	test.Tap(b)
}

// FindFormEntry is the entry of the visible form row labelled label,
// preferring the topmost dialog.
func FindFormEntry(t *testing.T, c fyne.Canvas, label string) *widget.Entry {
	t.Helper()
	roots := canvasRoots(c)
	for i := len(roots) - 1; i >= 0; i-- {
		for _, o := range VisibleObjects(roots[i]) {
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

// TypeInto replaces the text of an entry the way a user would: focus, type.
func TypeInto(c fyne.Canvas, e *widget.Entry, text string) {
	e.SetText("")
	c.Focus(e)
	test.Type(e, text)
}

// SelectTab opens the tab titled title of the first visible AppTabs.
func SelectTab(t *testing.T, c fyne.Canvas, title string) {
	t.Helper()
	for _, o := range VisibleOnCanvas(c) {
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

// FindList is the first visible list with at least n rows.
func FindList(t *testing.T, c fyne.Canvas, n int) *widget.List {
	t.Helper()
	for _, o := range VisibleOnCanvas(c) {
		if l, ok := o.(*widget.List); ok && l.Length() >= n {
			return l
		}
	}
	t.Fatalf("no list with %d rows on screen", n)
	return nil
}

// TextOfObject is the text an object draws itself, "" for containers and the like.
func textOfObject(o fyne.CanvasObject) string {
	switch v := o.(type) {
	case *widgets.TokenWrap:
		return v.String() // without the line feeds of its wrapping
	case *widget.Label:
		return v.Text
	case *widget.RichText:
		return v.String()
	case *widget.Check:
		return v.Text
	case *widget.Button:
		return v.Text
	case widgets.ButtonLike:
		return v.AsButton().Text
	case *canvas.Text:
		return v.Text
	}
	return ""
}

// HasShown reports whether any drawn text, rich text included, contains part.
func HasShown(c fyne.Canvas, part string) bool {
	for _, o := range VisibleOnCanvas(c) {
		if strings.Contains(textOfObject(o), part) {
			return true
		}
	}
	return false
}

// RequireShown fails the test unless some drawn text contains part.
func RequireShown(t *testing.T, c fyne.Canvas, part string) {
	t.Helper()
	if !HasShown(c, part) {
		t.Fatalf("no text containing %q on screen; shown: %q", part, ShownTexts(c))
	}
}

// SmallestHolding is, in the topmost root that has one, the smallest container
// holding both an object that matches want and a text containing text; size
// is how many objects that container draws.
func smallestHolding(c fyne.Canvas, text string, want func(fyne.CanvasObject) bool) (found fyne.CanvasObject, size int) {
	roots := canvasRoots(c)
	for i := len(roots) - 1; i >= 0; i-- {
		var best fyne.CanvasObject
		bestSize := 0
		for _, o := range VisibleObjects(roots[i]) {
			if _, ok := o.(*fyne.Container); !ok {
				continue
			}
			inside := VisibleObjects(o)
			var found fyne.CanvasObject
			hasText := false
			for _, x := range inside {
				if found == nil && want(x) {
					found = x
				}
				hasText = hasText || strings.Contains(textOfObject(x), text)
			}
			if found != nil && hasText && (best == nil || len(inside) < bestSize) {
				best, bestSize = found, len(inside)
			}
		}
		if best != nil {
			return best, bestSize
		}
	}
	return nil, 0
}

// ButtonNear is the button labelled button that sits closest to the text
// (the 登记 of one step, the 修改 of one record), preferring the topmost
// dialog, with the size of the smallest container holding both.
func ButtonNear(c fyne.Canvas, text, button string) (fyne.CanvasObject, int) {
	return smallestHolding(c, text, func(o fyne.CanvasObject) bool {
		switch b := o.(type) {
		case *widget.Button:
			return b.Text == button
		case *widgets.IconButton:
			return b.Name == button
		}
		return false
	})
}

// TapButtonNear taps the button labelled button beside the text.
func TapButtonNear(t *testing.T, c fyne.Canvas, text, button string) {
	t.Helper()
	b, _ := ButtonNear(c, text, button)
	if b == nil {
		t.Fatalf("no button %q beside %q; shown: %q", button, text, ShownTexts(c))
	}
	if b.(fyne.Disableable).Disabled() {
		t.Fatalf("button %q beside %q is disabled", button, text)
	}
	test.Tap(b.(fyne.Tappable))
}

// TapCard taps the board card or 待办 line showing text.
func TapCard(t *testing.T, c fyne.Canvas, text string) {
	t.Helper()
	for _, o := range VisibleOnCanvas(c) {
		card, ok := o.(*widgets.TapArea)
		if !ok {
			continue
		}
		for _, x := range VisibleObjects(card) {
			if textOfObject(x) == text {
				test.Tap(card)
				return
			}
		}
	}
	t.Fatalf("no card showing %q; shown: %q", text, ShownTexts(c))
}

// FieldInput is the input of the form row labelled label (formField, or an
// item of a widget.Form), in the topmost dialog that has one.
func FieldInput(t *testing.T, c fyne.Canvas, label string) fyne.CanvasObject {
	t.Helper()
	roots := canvasRoots(c)
	for i := len(roots) - 1; i >= 0; i-- {
		for _, o := range VisibleObjects(roots[i]) {
			if form, ok := o.(*widget.Form); ok {
				for _, item := range form.Items {
					if item.Text == label {
						return item.Widget
					}
				}
			}
			row, ok := o.(*fyne.Container)
			if !ok || len(row.Objects) != 2 {
				continue
			}
			// A formField row is the input box, then the box of its label.
			inputBox, ok1 := row.Objects[0].(*fyne.Container)
			labelBox, ok2 := row.Objects[1].(*fyne.Container)
			if !ok1 || !ok2 || len(labelBox.Objects) != 1 || len(inputBox.Objects) == 0 {
				continue
			}
			if l, ok := labelBox.Objects[0].(*widget.Label); ok && l.Text == label {
				return inputBox.Objects[0]
			}
		}
	}
	t.Fatalf("no form field %q on screen; shown: %q", label, ShownTexts(c))
	return nil
}

// FillField enters value into the field labelled label as a user would:
// typing into entries and date fields, choosing from selects and radio
// buttons; for a role with several places, value names them with 、.
func FillField(t *testing.T, c fyne.Canvas, label, value string) {
	t.Helper()
	switch in := FieldInput(t, c, label).(type) {
	case *widgets.DateField:
		in.Entry.SetText("")
		TypeIn(c, in.Entry, value)
	case *widgets.FormEntry:
		in.SetText("")
		TypeIn(c, in, value)
	case *widgets.FormSelectEntry:
		in.SetText("")
		TypeIn(c, in, value)
	case *widget.Entry:
		in.SetText("")
		TypeIn(c, in, value)
	case *widget.Select:
		choose(t, in, value)
	case *widget.RadioGroup:
		if !slices.Contains(in.Options, value) {
			t.Fatalf("%s: no choice %q in %q", label, value, in.Options)
		}
		in.SetSelected(value)
	case *fyne.Container: // the places of a role
		names := strings.Split(value, "、")
		for i, o := range in.Objects {
			name := ""
			if i < len(names) {
				name = names[i]
			}
			switch place := o.(type) {
			case *widget.Select:
				if name != "" {
					choose(t, place, name)
				}
			case *widgets.FormSelectEntry:
				place.SetText("")
				TypeIn(c, place, name)
			}
		}
	default:
		t.Fatalf("field %s: cannot fill a %T", label, in)
	}
}

// Choose picks an offered option, failing when it is not offered.
func choose(t *testing.T, s *widget.Select, option string) {
	t.Helper()
	if s.Disabled() {
		t.Fatalf("the choice for %q is disabled", option)
	}
	if !slices.Contains(s.Options, option) {
		t.Fatalf("%q is not offered; offered: %q", option, s.Options)
	}
	s.SetSelected(option)
}

// FindCheck is the visible check box labelled text, preferring the topmost dialog.
func FindCheck(t *testing.T, c fyne.Canvas, text string) *widget.Check {
	t.Helper()
	roots := canvasRoots(c)
	for i := len(roots) - 1; i >= 0; i-- {
		for _, o := range VisibleObjects(roots[i]) {
			if ch, ok := o.(*widget.Check); ok && ch.Text == text {
				return ch
			}
		}
	}
	t.Fatalf("no check box %q on screen; shown: %q", text, ShownTexts(c))
	return nil
}
