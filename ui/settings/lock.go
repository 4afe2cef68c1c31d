package settings

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"reflect"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// lockCheckInterval is how often idleness is checked.
const lockCheckInterval = 5 * time.Second

// guard locks one window.
type guard struct {
	w     fyne.Window
	store *data.Store
	now   func() time.Time
	// verify checks a password with data.VerifyAppPassword, which counts
	// wrong ones in the data folder, so the pause after too many holds
	// across restarts (and CLI calls); pauseLeft is what remains of that
	// pause. Tests swap both.
	verify    func(password string) error
	pauseLeft func() time.Duration
	// background runs the check off the UI goroutine (Argon2id takes up to
	// a second on an old PC); tests run it in place.
	background func(func())
	// later runs f after d (the end of a pause after wrong passwords);
	// tests replace it so no timer outlives them.
	later func(d time.Duration, f func())

	lastActive atomic.Int64 // unix nanoseconds of the last input seen
	settings   data.AppLock
	print      string // the last fingerprint of focus and dialogs
	locked     bool
	menu       *fyne.MainMenu
	screen     *lockScreen
}

var (
	guardsMu sync.Mutex
	guards   = map[fyne.Window]*guard{}
)

// GuardWindow puts the app password on w: it locks at once when a password
// is set, and after the idle time from then on.
func GuardWindow(w fyne.Window, s *data.Store) {
	g := newGuard(w, s, time.Now)
	if g.settings.HasPassword {
		g.lock()
	}
	go func() {
		for range time.Tick(lockCheckInterval) {
			fyne.Do(g.check)
		}
	}()
}

func newGuard(w fyne.Window, s *data.Store, now func() time.Time) *guard {
	dir := s.Dir()
	g := &guard{w: w, store: s, now: now,
		verify:     func(pw string) error { return data.VerifyAppPassword(dir, pw) },
		pauseLeft:  func() time.Duration { return data.PasswordPause(dir) },
		background: func(f func()) { go f() },
		later:      func(d time.Duration, f func()) { time.AfterFunc(d, f) }}
	g.touch()
	g.reload()
	g.watchKeys()
	g.wrapContent()
	guardsMu.Lock()
	guards[w] = g
	guardsMu.Unlock()
	return g
}

func guardOf(w fyne.Window) *guard {
	guardsMu.Lock()
	defer guardsMu.Unlock()
	return guards[w]
}

// reload reads the password setting (after the settings screen changed it).
func (g *guard) reload() {
	if settings, err := g.store.AppLock(); err == nil {
		g.settings = settings
	}
}

func (g *guard) touch() { g.lastActive.Store(g.now().UnixNano()) }

// watchKeys notes keys typed while nothing has the focus, keeping whatever
// handlers the screens set.
func (g *guard) watchKeys() {
	c := g.w.Canvas()
	onKey, onRune := c.OnTypedKey(), c.OnTypedRune()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		g.touch()
		if onKey != nil {
			onKey(e)
		}
	})
	c.SetOnTypedRune(func(r rune) {
		g.touch()
		if onRune != nil {
			onRune(r)
		}
	})
}

// wrapContent puts the window content inside an activityWrapper, again
// whenever a screen replaced the content (the first-run wizard does).
func (g *guard) wrapContent() {
	content := g.w.Content()
	if _, ok := content.(*activityWrapper); ok || content == nil {
		return
	}
	g.w.SetContent(newActivityWrapper(content, g.touch))
}

// check runs on the UI goroutine every lockCheckInterval.
func (g *guard) check() {
	g.wrapContent()
	if print := g.fingerprint(); print != g.print {
		g.print = print
		if !g.locked {
			g.touch()
		}
	}
	if g.locked {
		g.keepOnTop()
		return
	}
	idle := time.Duration(g.settings.IdleMinutes) * time.Minute
	if g.settings.HasPassword && idle > 0 && g.now().Sub(time.Unix(0, g.lastActive.Load())) >= idle {
		g.lock()
	}
}

// fingerprint changes when the user moves between fields or dialogs or
// types: the focused widget, its text length and cursor, and the dialogs.
func (g *guard) fingerprint() string {
	c := g.w.Canvas()
	focused := c.Focused()
	s := fmt.Sprintf("%p|%d", focused, len(c.Overlays().List()))
	if focused == nil {
		return s
	}
	// Entries of every kind (ours embed widget.Entry) have these fields.
	v := reflect.ValueOf(focused)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return s
	}
	v = v.Elem()
	for _, name := range []string{"Text", "CursorRow", "CursorColumn"} {
		if f := v.FieldByName(name); f.IsValid() {
			s += fmt.Sprintf("|%v", f.Interface())
		}
	}
	return s
}

// lock covers the window and takes the menu away.
func (g *guard) lock() {
	if g.locked || !g.settings.HasPassword {
		return
	}
	g.locked = true
	g.menu = g.w.MainMenu()
	g.w.SetMainMenu(nil)
	g.screen = newLockScreen(g.tryUnlock)
	g.w.Canvas().Overlays().Add(g.screen)
	g.screen.Resize(g.w.Canvas().Size())
	g.w.Canvas().Focus(g.screen.password)
	if wait := g.pauseLeft(); wait > 0 { // wrong passwords before a restart
		g.screen.pause(wait, g.later)
	}
}

// keepOnTop puts the lock back above a dialog opened after it.
func (g *guard) keepOnTop() {
	o := g.w.Canvas().Overlays()
	if o.Top() != g.screen {
		o.Remove(g.screen)
		o.Add(g.screen)
		g.screen.Resize(g.w.Canvas().Size())
	}
}

// tryUnlock checks the typed password in the background.
func (g *guard) tryUnlock(pw string) {
	g.screen.checking(true)
	g.background(func() {
		err := g.verify(pw)
		fyne.Do(func() { g.checked(err) })
	})
}

// checked acts on the result of a password check.
func (g *guard) checked(err error) {
	if g.screen == nil {
		return
	}
	g.screen.checking(false)
	switch {
	case err == nil:
		g.unlock()
	case errors.Is(err, data.ErrWrongAppPassword) || errors.Is(err, data.ErrPasswordPaused):
		if wait := g.pauseLeft(); wait > 0 {
			g.screen.pause(wait, g.later)
			return
		}
		g.screen.Say(fmt.Sprintf("密码不正确，请重新输入（连续输错 %d 次要等 %d 秒才能再试）",
			data.MaxWrongPasswords, int(data.WrongPasswordPause.Seconds())))
	default:
		g.screen.Say(err.Error())
	}
}

func (g *guard) unlock() {
	g.locked = false
	g.w.Canvas().Overlays().Remove(g.screen)
	g.screen = nil
	g.w.SetMainMenu(g.menu)
	g.touch()
}

// lockNow locks the window at once (the settings screen's 立即锁定).
func lockNow(w fyne.Window) {
	if g := guardOf(w); g != nil {
		g.reload()
		g.lock()
	}
}

// reloadLock tells the window's guard that the password setting changed.
func reloadLock(w fyne.Window) {
	if g := guardOf(w); g != nil {
		g.reload()
		g.touch()
	}
}

// activityWrapper shows its content unchanged and notes mouse movement over
// it (see the top of this file).
type activityWrapper struct {
	widget.BaseWidget
	Content fyne.CanvasObject
	touched func()
}

func newActivityWrapper(content fyne.CanvasObject, touched func()) *activityWrapper {
	// The content was the window's content until now, placed by the window
	// below its menu bar; inside the wrapper it must start at the top, or the
	// menu bar's height shows as an empty band (the renderer only resizes).
	content.Move(fyne.NewPos(0, 0))
	a := &activityWrapper{Content: content, touched: touched}
	a.ExtendBaseWidget(a)
	return a
}

func (a *activityWrapper) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(a.Content)
}

// Held lets a read-only window find the buttons of the window (widgets.Holder).
func (a *activityWrapper) Held() []fyne.CanvasObject { return []fyne.CanvasObject{a.Content} }

// Cursor is asked on every mouse move over the window: the activity signal.
// The widgets under it choose the cursor shown (they are asked after it).
func (a *activityWrapper) Cursor() desktop.Cursor {
	a.touched()
	return desktop.DefaultCursor
}

// lockScreen covers the window: the program's name, a password field and
// what to do when the password is forgotten.
type lockScreen struct {
	widget.BaseWidget
	password *widget.Entry
	unlock   *widget.Button
	Message  *widget.Label
	submit   func(string)
}

func newLockScreen(submit func(string)) *lockScreen {
	l := &lockScreen{submit: submit, password: widget.NewPasswordEntry(), Message: widget.NewLabel("")}
	l.password.SetPlaceHolder("应用密码")
	l.password.OnSubmitted = func(string) { l.try() }
	l.unlock = widget.NewButtonWithIcon("解锁", theme.LoginIcon(), l.try)
	l.unlock.Importance = widget.HighImportance
	l.Message.Importance = widget.DangerImportance
	l.Message.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

func (l *lockScreen) try() {
	pw := l.password.Text
	l.password.SetText("")
	l.submit(pw)
}

func (l *lockScreen) Say(msg string) { l.Message.SetText(msg) }

// checking shows that the password is being checked and blocks a second try.
func (l *lockScreen) checking(busy bool) {
	if busy {
		l.unlock.Disable()
		l.password.Disable()
		l.Say("正在核对密码……")
		return
	}
	l.unlock.Enable()
	l.password.Enable()
	l.Say("")
}

// pause refuses passwords for a while after too many wrong ones.
func (l *lockScreen) pause(d time.Duration, later func(time.Duration, func())) {
	l.unlock.Disable()
	l.password.Disable()
	l.Say(fmt.Sprintf("密码连续输错多次，请 %d 秒后再试", int(math.Ceil(d.Seconds()))))
	later(d, func() {
		fyne.Do(func() {
			l.unlock.Enable()
			l.password.Enable()
			l.Say("")
		})
	})
}

func (l *lockScreen) CreateRenderer() fyne.WidgetRenderer {
	background := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	title := canvas.NewText("党支部工作台已锁定", core.PrimaryRed)
	title.TextSize = 24
	title.TextStyle.Bold = true
	title.Alignment = fyne.TextAlignCenter
	hint := widgets.WrappedLabel("请输入应用密码继续使用。忘记密码时，请电脑管理员删除数据文件夹中的 " +
		data.AppLockFile + " 文件（数据不受影响），再重新设置密码。")
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(380, 0))
	box := container.NewVBox(width, title, widget.NewSeparator(), l.password,
		container.NewCenter(l.unlock), l.Message, hint)
	return widget.NewSimpleRenderer(container.NewStack(background, container.NewCenter(box)))
}

// Tapped and friends swallow input meant for what lies under the lock.
func (l *lockScreen) Tapped(*fyne.PointEvent) {}

func (l *lockScreen) TappedSecondary(*fyne.PointEvent) {}
