// Package core is what every screen shares: the App (store, window, clock,
// change notification), the main window and its navigation (fed a Shell, so
// core imports no feature), the theme, error/info dialogs, progress and the
// shared file dialogs. Like all of ui it talks to data and reports only: no
// SQL and no excelize here.
package core

import (
	"errors"
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// App is what every screen needs: the store, the window, and a way to tell
// the other screens that the data changed.
type App struct {
	Store  *data.Store
	Window fyne.Window
	// Now returns today's date. It drives the store's clock too (NewApp
	// hands it to Store.SetClock), so a test that sets it moves the screens,
	// the store's checks and the exports to the same day.
	Now func() civil.Date
	// Background runs a screen's loading off the UI goroutine (its result
	// goes back through fyne.Do), and not before the window's first frame:
	// the window shows at once, the first screen fills in after
	// (docs/ARCHITECTURE.md#start-up-and-recovery). uitest runs it at once,
	// so a test sees the loaded screen.
	Background func(load func())

	drawn     chan struct{} // closed by FirstFrameDrawn
	drawnOnce sync.Once

	mu        sync.Mutex
	listeners []func()
	unsaved   []*Unsaved // forms with possible typed work, opened last at the end
	// escapeCaught: the canvas passes Esc to the topmost form (catchEscape).
	escapeCaught bool
	question     *dialog.CustomDialog // the open 放弃修改？ question, if any
	window       *windowTracker       // keeps the main window's size and place (nil in tests)
	goTo         func(screen, part string)
	readOnly     bool // a 区管理员's window (readonly.go)
	openServer   func(dsn string) error
}

// CanOpenServer says whether this window can move onto a server
// (OpenServer): the first-run wizard offers 服务器 only then.
func (a *App) CanOpenServer() bool { return a.openServer != nil }

// OpenServer replaces the window by one on the server dsn (Shell.OpenServer).
func (a *App) OpenServer(dsn string) error {
	if a.openServer == nil {
		return errors.New("这个窗口不能改用服务器：请在 设置与数据 → 数据位置 中选择，下次启动时生效")
	}
	return a.openServer(dsn)
}

// ShowScreen switches the main window to the screen with this title (a link
// from the 工作台); it does nothing outside the main window.
func (a *App) ShowScreen(title string) { a.GoTo(title, "") }

// GoTo shows the screen of the navigation titled screen and, where the
// screen has parts (tabs) and says so (Parted), the part named part. The
// 工作台's cards link into the features with it; before the main window is
// built it does nothing. A form with typed work is asked about first, as
// for a tap in the navigation.
func (a *App) GoTo(screen, part string) {
	if a.goTo != nil {
		a.goTo(screen, part)
	}
}

// Parted is a screen with parts (tabs) another screen can open.
type Parted interface {
	ShowPart(part string)
}

// NewApp wires the shared context of the screens.
func NewApp(store *data.Store, w fyne.Window) *App {
	a := &App{Store: store, Window: w, Now: store.Clock(), drawn: make(chan struct{}), readOnly: readOnlyFor(store)}
	a.Background = func(load func()) {
		go func() {
			<-a.drawn
			load()
			// After the screen's own fyne.Do: the buttons it just built.
			fyne.Do(a.EnforceReadOnly)
		}()
	}
	store.SetClock(func() civil.Date { return a.Now() })
	return a
}

// FirstFrameDrawn releases the loads that Background held back for the
// window's first frame (ShowMainWindow calls it through AfterFirstFrame).
func (a *App) FirstFrameDrawn() { a.drawnOnce.Do(func() { close(a.drawn) }) }

// Today is the date the rules and defaults use.
func (a *App) Today() civil.Date { return a.Now() }

// Canvas is the main window's canvas (pop-ups such as the date picker open
// over it).
func (a *App) Canvas() fyne.Canvas { return a.Window.Canvas() }

// OnChange registers a screen's reload; it runs on the UI goroutine after
// any screen wrote to the store.
func (a *App) OnChange(reload func()) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.listeners = append(a.listeners, reload)
}

// NotifyChanged reloads every registered screen. Call it on the UI goroutine
// (inside fyne.Do when coming from background work).
func (a *App) NotifyChanged() {
	a.mu.Lock()
	ls := append([]func(){}, a.listeners...)
	a.mu.Unlock()
	for _, f := range ls {
		f()
	}
	a.EnforceReadOnly()
}

// ShowError shows err in a dialog. Messages from data and reports are plain
// Chinese already; the title says what was being attempted.
func (a *App) ShowError(title string, err error) {
	if err == nil {
		return
	}
	d := dialog.NewCustom(title, "知道了", widget.NewLabel(WrapMessage(err.Error())), a.Window)
	d.Show()
}

// ShowInfo shows a short message.
func (a *App) ShowInfo(title, message string) {
	dialog.NewCustom(title, "好的", widget.NewLabel(WrapMessage(message)), a.Window).Show()
}

// WrapMessage keeps a long message from making the dialog wider than the window.
func WrapMessage(s string) string {
	const width = 36
	var out []rune
	n := 0
	for _, r := range s {
		if r == '\n' {
			n = 0
		} else if n >= width {
			out = append(out, '\n')
			n = 0
		}
		out = append(out, r)
		n++
	}
	return string(out)
}

// Busy is a small "working" line for a screen whose data is still being
// read; stop ends its animation (which would otherwise run on unseen).
func Busy(text string) (line fyne.CanvasObject, stop func()) {
	spinner := widget.NewActivity()
	spinner.Start()
	return container.NewHBox(spinner, widget.NewLabel(text)), spinner.Stop
}

// Progress reports how far a long job has got.
type Progress func(done, total int)

// RunWithProgress runs work off the UI goroutine with a modal progress bar.
// finish runs on the UI goroutine afterwards with work's error (nil on
// success); a failure with no finish is shown as an error dialog.
func (a *App) RunWithProgress(title string, work func(progress Progress) error, finish func(err error)) {
	a.RunCounting(title, func(done, total int) string { return fmt.Sprintf("已完成 %d / %d", done, total) }, work, finish)
}

// RunCounting is RunWithProgress whose line under the bar says what is
// counted (已汇总 3 / 12 个支部): line turns the work's progress into it.
func (a *App) RunCounting(title string, line func(done, total int) string, work func(progress Progress) error, finish func(err error)) {
	bar := widget.NewProgressBar()
	label := widget.NewLabel("正在处理，请稍候……")
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(label, bar), a.Window)
	d.Resize(fyne.NewSize(420, 140))
	d.Show()
	progress := func(done, total int) {
		if total <= 0 {
			return
		}
		v := float64(done) / float64(total)
		fyne.Do(func() {
			bar.SetValue(v)
			label.SetText(line(done, total))
		})
	}
	go func() {
		err := safely(func() error { return work(progress) })
		fyne.Do(func() {
			d.Hide()
			if finish != nil {
				finish(err)
			} else if err != nil {
				a.ShowError(title+"未完成", err)
			}
		})
	}()
}

// safely turns a panic in background work into an error, so a bug in one
// job shows a message instead of closing the window with unsaved work.
func safely(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(fmt.Sprint("程序内部错误，操作未完成（数据未改动）：", r))
		}
	}()
	return f()
}

// NoMembersYet is what every screen says about an empty register (工作台,
// 三会一课 banner and grid): one thing, the first step. Requirements that
// depend on the members (三会一课 periods, 发展党员 deadlines) are not judged
// before there are members, so no screen calls anything "done" or "not required".
const NoMembersYet = "名册中还没有党员。第一步：在“党员名册”中点“导入”从 Excel 名册导入，或点“新增”逐个录入。" +
	"三会一课和发展党员的要求在录入党员后开始计算。"
