//go:build ci

package settings

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

// guardedApp is a window with content, a menu and a guard whose clock and
// password check the test controls (the real check is Argon2id: slow under
// -race, and tested in package data).
func guardedApp(t *testing.T) (*core.App, *guard, *time.Time) {
	t.Helper()
	a := uitest.NewApp(t)
	entry := widget.NewEntry()
	uitest.Show(a, entry)
	a.Window.SetMainMenu(fyne.NewMainMenu(fyne.NewMenu("文件", fyne.NewMenuItem("导入", func() {}))))
	clock := time.Date(2026, 6, 15, 9, 0, 0, 0, time.Local)
	g := newGuard(a.Window, a.Store, func() time.Time { return clock })
	g.settings = data.AppLock{HasPassword: true, IdleMinutes: 10}
	g.verify = func(pw string) error {
		if pw == "对的密码" {
			return nil
		}
		return data.ErrWrongAppPassword
	}
	g.pauseLeft = func() time.Duration { return 0 }
	g.background = func(f func()) { f() }
	g.later = func(time.Duration, func()) {}
	return a, g, &clock
}

func lockShown(a *core.App) bool {
	_, ok := a.Window.Canvas().Overlays().Top().(*lockScreen)
	return ok
}

func TestLockCoversTheWindowAndUnlocks(t *testing.T) {
	a, g, _ := guardedApp(t)
	g.lock()
	if !lockShown(a) || a.Window.MainMenu() != nil {
		t.Fatal("locking should cover the window and take the menu away")
	}
	c := a.Window.Canvas()
	uitest.RequireText(t, c, "党支部工作台已锁定")
	uitest.RequireText(t, c, data.AppLockFile) // what to do when the password is forgotten

	test.Type(g.screen.password, "错的")
	uitest.TapButton(t, c, "解锁")
	if !lockShown(a) {
		t.Fatal("a wrong password unlocked")
	}
	uitest.RequireText(t, c, "密码不正确")
	test.Type(g.screen.password, "对的密码")
	g.screen.password.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if lockShown(a) || a.Window.MainMenu() == nil {
		t.Error("the right password should unlock and bring the menu back")
	}
}

func TestIdleTimeLocks(t *testing.T) {
	a, g, clock := guardedApp(t)
	*clock = clock.Add(9 * time.Minute)
	g.check()
	if lockShown(a) {
		t.Fatal("locked before the idle time")
	}
	// Moving the mouse over the window counts as activity.
	wrapper, ok := a.Window.Content().(*activityWrapper)
	if !ok {
		t.Fatalf("content not wrapped: %T", a.Window.Content())
	}
	wrapper.Cursor()
	*clock = clock.Add(9 * time.Minute)
	g.check()
	if lockShown(a) {
		t.Fatal("locked although the mouse moved 9 minutes ago")
	}
	// So does typing into a field.
	entry := wrapper.Content.(*widget.Entry)
	a.Window.Canvas().Focus(entry)
	test.Type(entry, "张")
	*clock = clock.Add(9 * time.Minute)
	g.check()
	if lockShown(a) {
		t.Fatal("locked although the user typed")
	}
	*clock = clock.Add(10 * time.Minute)
	g.check()
	if !lockShown(a) {
		t.Fatal("not locked after 10 idle minutes")
	}
}

func TestNoPasswordNoLock(t *testing.T) {
	a, g, clock := guardedApp(t)
	g.settings = data.AppLock{IdleMinutes: 10}
	*clock = clock.Add(time.Hour)
	g.check()
	g.lock()
	if lockShown(a) {
		t.Error("locked without a password")
	}
	g.settings = data.AppLock{HasPassword: true, IdleMinutes: 0}
	g.check()
	if lockShown(a) {
		t.Error("locked although idle locking is off")
	}
}

func TestLockStaysAboveLaterDialogs(t *testing.T) {
	a, g, _ := guardedApp(t)
	g.lock()
	a.ShowInfo("导入完成", "后台任务完成后弹出的对话框")
	if lockShown(a) {
		t.Fatal("test premise: the dialog should be above the lock now")
	}
	g.check()
	if !lockShown(a) {
		t.Error("the lock did not come back on top")
	}
}

// The lock checks with data.VerifyAppPassword: wrong passwords are counted
// in the data folder, so the pause they cause outlasts a restart.
func TestManyWrongPasswordsPauseAcrossARestart(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Show(a, widget.NewLabel("党员名册"))
	if err := a.Store.SetAppPassword("", "对的密码2026"); err != nil {
		t.Fatal(err)
	}
	start := func() *guard { // the window's guard as the program builds it at start
		g := newGuard(a.Window, a.Store, time.Now)
		g.background = func(f func()) { f() }
		g.later = func(time.Duration, func()) {}
		g.lock()
		return g
	}
	g := start()
	for i := 1; i < data.MaxWrongPasswords; i++ {
		g.tryUnlock("错")
		if g.screen.unlock.Disabled() || !strings.Contains(g.screen.Message.Text, "密码不正确") {
			t.Fatalf("wrong password %d: %q", i, g.screen.Message.Text)
		}
	}
	g.tryUnlock("错")
	if !g.screen.unlock.Disabled() || !strings.Contains(g.screen.Message.Text, "秒后再试") {
		t.Fatalf("no pause after %d wrong passwords: %q", data.MaxWrongPasswords, g.screen.Message.Text)
	}

	// Restarted during the pause: the new lock screen waits too, and even
	// the right password is refused until the pause is over.
	a.Window.Canvas().Overlays().Remove(g.screen)
	g = start()
	if !g.screen.unlock.Disabled() || !strings.Contains(g.screen.Message.Text, "秒后再试") {
		t.Fatalf("the pause did not survive the restart: %q", g.screen.Message.Text)
	}
	g.tryUnlock("对的密码2026")
	if !lockShown(a) {
		t.Fatal("unlocked during the pause")
	}

	// The pause ends by itself (its timer re-enables the screen).
	var resume func()
	g.later = func(_ time.Duration, f func()) { resume = f }
	g.tryUnlock("对的密码2026")
	if resume == nil {
		t.Fatal("no end of the pause was scheduled")
	}
	resume()
	if g.screen.unlock.Disabled() {
		t.Error("the pause did not end")
	}
}

func TestPasswordSettings(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Show(a, NewSettingsScreen(a))
	c := a.Window.Canvas()
	uitest.SelectTab(t, c, "密码与隐私")
	uitest.RequireText(t, c, "尚未设置应用密码")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "新密码"), "六位以上的密码")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "确认新密码"), "不一样的密码")
	uitest.TapButton(t, c, "设置密码")
	uitest.RequireText(t, c, "两次输入的新密码不一样")

	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "确认新密码"), "六位以上的密码")
	uitest.TapButton(t, c, "设置密码")
	if lock, _ := a.Store.AppLock(); !lock.HasPassword {
		t.Fatal("the password was not set")
	}
	uitest.RequireText(t, c, "已设置应用密码")
	uitest.FindButton(t, c, "立即锁定")

	// Removing it needs the current password.
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "当前密码"), "猜一个")
	uitest.TapButton(t, c, "取消密码")
	uitest.RequireText(t, c, "当前密码不正确")
	if lock, _ := a.Store.AppLock(); !lock.HasPassword {
		t.Fatal("removed with a wrong current password")
	}
}

// The window had placed its content below the menu bar; wrapped, the content
// must start at the wrapper's top, or an empty band shows above every screen.
func TestActivityWrapperPlacesContentAtTheTop(t *testing.T) {
	content := widget.NewLabel("内容")
	content.Move(fyne.NewPos(0, 33))
	w := newActivityWrapper(content, func() {})
	w.Resize(fyne.NewSize(200, 100))
	if pos := content.Position(); pos != fyne.NewPos(0, 0) {
		t.Errorf("content at %v inside the wrapper, want the top left corner", pos)
	}
}
