package core

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/widgets"
)

// Read-only windows (docs/ARCHITECTURE.md#two-backends): a 区管理员 signed in
// to a server sees every branch and may change none. The server refuses
// their writes whatever the window does (row-level security); the window
// does not offer them. This file is the one switch: the screens build as
// usual, and the App disables every action that writes, found by what its
// button says (writeVerbs), in the screens, the 文件 menu and the dialogs. A widget that shows others
// through its own renderer implements widgets.Holder so the walk gets inside.
// A new button whose label starts with a new verb is caught by the test
// that walks every screen read-only (ui/readonly_test.go).

// ReadOnlyBanner is the line above every screen of a read-only window.
const ReadOnlyBanner = "区管理员：只读查看全部支部"

// ReadOnly says whether the window may only show: the signed-in user is a
// 区管理员.
func (a *App) ReadOnly() bool { return a.readOnly }

// SetReadOnly switches the window to showing only (NewApp sets it from the
// server role; tests of the read-only window set it on a file store).
func (a *App) SetReadOnly(on bool) { a.readOnly = on }

// readOnlyFor is the role's switch.
func readOnlyFor(s *data.Store) bool { return s.ServerRole() == data.RoleDistrict }

// writeVerbs begin the labels of the buttons and menu items that change the
// records. 保存 that writes a file (保存汇总表…) is in fileOutputs.
var writeVerbs = []string{
	"新增", "添加", "录入", "删除", "彻底删除", "清空", "保存", "编辑", "修改", "改名", "恢复", "导入",
	"接收", "设置密码", "取消密码", "设组长", "记录", "记住对应关系", "确认", "登记", "状态变更",
	"停止培养", "按考勤填入", "载入示例", "从空白开始", "从此备份恢复", "从其他位置的备份文件恢复",
	"年度归档", "重设密码", "回收站", "佐证", "证书",
	"制作移交包", // a 移交包 hands a branch over (and is audited, which the server refuses)
}

// Not writes: 使用服务器… and 改回本机文件 choose this PC's data location, not
// a record; a 区管理员 may change where they sign in.

// fileOutputs are labels that begin like a write but save a file of what
// is shown, which a 区管理员 may.
var fileOutputs = []string{"保存汇总表", "保存有错误的行", "保存为图片"}

// IsWriteAction says whether a button or menu item labelled label changes
// the records.
func IsWriteAction(label string) bool {
	for _, f := range fileOutputs {
		if strings.Contains(label, f) {
			return false
		}
	}
	label = strings.TrimSpace(label)
	for _, v := range writeVerbs {
		if strings.HasPrefix(label, v) {
			return true
		}
	}
	return false
}

// EnforceReadOnly disables every write action now shown in the window: the
// content and the open dialogs. It does nothing in a window that may write.
func (a *App) EnforceReadOnly() {
	if !a.readOnly {
		return
	}
	c := a.Window.Canvas()
	disableWrites(c.Content())
	for _, o := range c.Overlays().List() {
		disableWrites(o)
	}
	if m := a.Window.MainMenu(); m != nil {
		changed := false
		for _, menu := range m.Items {
			changed = disableWriteItems(menu.Items) || changed
		}
		if changed {
			m.Refresh()
		}
	}
}

func disableWriteItems(items []*fyne.MenuItem) (changed bool) {
	for _, it := range items {
		if IsWriteAction(it.Label) && !it.Disabled {
			it.Disabled, changed = true, true
		}
		if it.ChildMenu != nil {
			changed = disableWriteItems(it.ChildMenu.Items) || changed
		}
	}
	return changed
}

// disableWrites walks o through the containers and the widgets that hold
// others (widgets.Holds) and disables the write buttons.
func disableWrites(o fyne.CanvasObject) {
	for _, child := range widgets.Holds(o) {
		disableWrites(child)
	}
	if b, ok := o.(*widget.Button); ok && IsWriteAction(b.Text) && !b.Disabled() {
		b.Disable()
	}
}

// readOnlyInterval is how often a read-only window looks for write actions
// that a screen enabled or a dialog brought since the last look: a form
// opened from a table, a button enabled by a selection.
const readOnlyInterval = 300 * time.Millisecond

// watchReadOnly keeps the window read-only while it is open.
func (a *App) watchReadOnly() {
	if !a.readOnly {
		return
	}
	go func() {
		tick := time.NewTicker(readOnlyInterval)
		defer tick.Stop()
		for range tick.C {
			open := false
			fyne.DoAndWait(func() {
				if open = a.windowOpen(); open {
					a.EnforceReadOnly()
				}
			})
			if !open {
				return
			}
		}
	}()
}

// windowOpen says whether the app still shows a.Window (切换用户 closes it).
func (a *App) windowOpen() bool {
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w == a.Window {
			return true
		}
	}
	return false
}

// WindowTitle is the main window's title: on a server, who is signed in,
// as what, and where ("党支部工作台 — 李明（支部用户）· 服务器 10.0.0.5").
func WindowTitle(s *data.Store) string {
	addr, ok := s.ServerAddress()
	if !ok {
		return "党支部工作台"
	}
	return "党支部工作台 — " + s.Actor + "（" + data.ServerRoleName(s.ServerRole()) + "）· 服务器 " + addr.Host
}

// readOnlyBanner is the band above the screens of a read-only window.
func readOnlyBanner() fyne.CanvasObject {
	text := canvas.NewText(ReadOnlyBanner, theme.Color(theme.ColorNameForegroundOnWarning))
	text.TextStyle.Bold = true
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	return container.NewStack(bg, container.NewPadded(text))
}
