//go:build ci

package uitest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
)

// Window is the test window as a window manager drives it: the close button
// runs the close intercept when one is set and closes the window otherwise.
type Window struct {
	fyne.Window
	intercept func()
	Closed    bool
}

func (w *Window) SetCloseIntercept(f func()) {
	w.intercept = f
	w.Window.SetCloseIntercept(f)
}

// Close notes the window closed; the test's cleanup closes the test window
// itself (a second close would panic in the test driver).
func (w *Window) Close() { w.Closed = true }

// CloseByUser is a click on the window's close button.
func (w *Window) CloseByUser() {
	if w.intercept != nil {
		w.intercept()
		return
	}
	w.Close()
}

// PressEsc types Esc where the focus is, as the keyboard would.
func PressEsc(c fyne.Canvas) {
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f := c.Focused(); f != nil {
		f.TypedKey(esc)
	} else if on := c.OnTypedKey(); on != nil {
		on(esc)
	}
}

// MainWindow sets the app's window up as the real main window (menu,
// navigation, the close question) with two screens, A and B, showing A:
// screenA (a plain label when nil) and a plain one.
// The branch gets a name so the first-run wizard stays away.
func MainWindow(t *testing.T, a *core.App, screenA func(*core.App) fyne.CanvasObject) *widget.List {
	t.Helper()
	if err := a.Store.SaveBranch(data.Branch{Name: "测试党支部"}); err != nil {
		t.Fatalf("save branch: %v", err)
	}
	plain := func(text string) func(*core.App) fyne.CanvasObject {
		return func(*core.App) fyne.CanvasObject { return widget.NewLabel(text) }
	}
	if screenA == nil {
		screenA = plain("这是屏幕A")
	}
	core.SetUpMainWindow(a, core.Shell{Screens: []core.Screen{
		{Title: "屏幕A", Build: screenA}, {Title: "屏幕B", Build: plain("这是屏幕B")}}})
	a.Window.Resize(fyne.NewSize(1200, 760))
	for _, o := range VisibleOnCanvas(a.Window.Canvas()) {
		if l, ok := o.(*widget.List); ok {
			return l
		}
	}
	t.Fatal("the main window has no navigation")
	return nil
}

// LeavePath is one way a user walks away from a form: Esc, 取消, another
// screen in the navigation, the window's close button.
type LeavePath struct {
	Name  string
	Leave func(t *testing.T, a *core.App, nav *widget.List)
	// Left reports whether the way out was taken (the screen switched, the
	// window closed); for Esc and 取消 the form closing is the way out.
	Left func(a *core.App) bool
}

// LeavePaths are the ways out of a form shown as a dialog.
var LeavePaths = []LeavePath{
	{"Esc", func(t *testing.T, a *core.App, _ *widget.List) { PressEsc(a.Window.Canvas()) }, nil},
	{"取消", func(t *testing.T, a *core.App, _ *widget.List) { TapButton(t, a.Window.Canvas(), "取消") }, nil},
	{"navigation", func(t *testing.T, a *core.App, nav *widget.List) { nav.Select(1) },
		func(a *core.App) bool { return HasText(a.Window.Canvas(), "这是屏幕B") }},
	{"window close", func(t *testing.T, a *core.App, _ *widget.List) { a.Window.(*Window).CloseByUser() },
		func(a *core.App) bool { return a.Window.(*Window).Closed }},
}

// RequireAsksBeforeLosingWork drives a form through every way out. For each:
// a form opened and left untouched goes without a question; with typed work
// the question 放弃修改？ comes, 继续编辑 keeps the form and its text, and
// 放弃 goes the way out. open shows the form over the main window; edit types
// into it (leaving the focus in an input) a text that shows on screen.
func RequireAsksBeforeLosingWork(t *testing.T, paths []LeavePath, open func(t *testing.T, a *core.App),
	edit func(t *testing.T, a *core.App) (typed string)) {
	requireAsks(t, paths, nil, open, edit)
}

// RequireScreenAsksBeforeLosingWork is RequireAsksBeforeLosingWork for a
// form on a screen (settings): screen is shown in the main window and edit
// types into it.
func RequireScreenAsksBeforeLosingWork(t *testing.T, screen func(*core.App) fyne.CanvasObject,
	edit func(t *testing.T, a *core.App) (typed string)) {
	requireAsks(t, LeavePaths[2:], screen, func(*testing.T, *core.App) {}, edit)
}

func requireAsks(t *testing.T, paths []LeavePath, screen func(*core.App) fyne.CanvasObject,
	open func(t *testing.T, a *core.App), edit func(t *testing.T, a *core.App) (typed string)) {
	for _, path := range paths {
		t.Run(path.Name, func(t *testing.T) {
			a := NewApp(t)
			nav := MainWindow(t, a, screen)
			c := a.Window.Canvas()
			open(t, a)
			dialogs := len(c.Overlays().List())
			path.Leave(t, a, nav)
			if len(c.Overlays().List()) >= dialogs && path.Left == nil {
				t.Fatalf("%s on an untouched form did not close it", path.Name)
			}
			if path.Left != nil && !path.Left(a) {
				t.Fatalf("%s with an untouched form open did not go ahead", path.Name)
			}

			a = NewApp(t)
			nav = MainWindow(t, a, screen)
			c = a.Window.Canvas()
			open(t, a)
			typed := edit(t, a)
			path.Leave(t, a, nav)
			if !TopDialogHasText(c, "有修改还没有保存") {
				t.Fatalf("%s with typed work asked nothing; shown: %q", path.Name, ShownTexts(c))
			}
			TapButton(t, c, "继续编辑")
			if !HasShown(c, typed) {
				t.Fatalf("after 继续编辑 the typed %q is gone; shown: %q", typed, ShownTexts(c))
			}
			if path.Left != nil && path.Left(a) {
				t.Fatalf("%s went ahead although the user chose 继续编辑", path.Name)
			}
			path.Leave(t, a, nav)
			TapButton(t, c, "放弃")
			if path.Left != nil && !path.Left(a) {
				t.Fatalf("%s did not go ahead after 放弃", path.Name)
			}
			if path.Left == nil && HasShown(c, typed) {
				t.Fatalf("after 放弃 the form with %q is still open", typed)
			}
		})
	}
}

// RichTextOf is the text a widget draws through its rich text (TokenWrap),
// line feeds included.
func RichTextOf(o fyne.CanvasObject) string {
	for _, v := range VisibleObjects(o) {
		if rt, ok := v.(*widget.RichText); ok {
			return rt.String()
		}
	}
	return ""
}
