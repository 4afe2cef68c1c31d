package settings

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// idleChoices are the idle times offered, in minutes (0: never).
var idleChoices = []int{5, 10, 15, 30, 60, 0}

func idleText(minutes int) string {
	if minutes == 0 {
		return "不自动锁定"
	}
	return fmt.Sprintf("%d 分钟", minutes)
}

type passwordSection struct {
	app                    *core.App
	status                 *widget.Label
	current, next, confirm *widget.Entry
	currentItem            *widget.FormItem   // shown once a password is set
	newItems               []*widget.FormItem // always shown
	form                   *fyne.Container    // holds the form; rebuilt when the items change
	idleForm               *widget.Form
	save, remove, lock     *widget.Button
	idle                   *widget.Select
	Message                *widget.Label
}

func newPasswordSection(a *core.App) fyne.CanvasObject {
	s := &passwordSection{app: a, status: widget.NewLabel(""), current: widget.NewPasswordEntry(),
		next: widget.NewPasswordEntry(), confirm: widget.NewPasswordEntry(), Message: widgets.HiddenMessage(widget.DangerImportance)}
	s.next.SetPlaceHolder(fmt.Sprintf("至少 %d 个字符", data.MinPasswordLength))
	s.currentItem = widget.NewFormItem("当前密码", s.current)
	s.newItems = []*widget.FormItem{widget.NewFormItem("新密码", s.next), widget.NewFormItem("确认新密码", s.confirm)}
	s.form = container.NewStack()
	s.save = widget.NewButtonWithIcon("设置密码", theme.ConfirmIcon(), s.setPassword)
	s.save.Importance = widget.HighImportance
	s.remove = widget.NewButtonWithIcon("取消密码", theme.DeleteIcon(), s.removePassword)
	s.lock = widget.NewButtonWithIcon("立即锁定", theme.VisibilityOffIcon(), func() { lockNow(a.Window) })
	var labels []string
	for _, m := range idleChoices {
		labels = append(labels, idleText(m))
	}
	s.idle = widget.NewSelect(labels, nil)
	s.idleForm = widget.NewForm(widget.NewFormItem("空闲多久后锁定", s.idle))
	s.refresh()
	s.idle.OnChanged = s.setIdle

	password := widget.NewCard("应用密码", "设置后，打开程序和离开电脑一段时间后都要输入密码，防止公用电脑上的党员信息被他人看到。",
		container.NewVBox(s.status, s.form, s.Message, container.NewHBox(s.save, s.remove, s.lock),
			s.idleForm,
			widgets.WrappedLabel("忘记密码时，请电脑管理员删除数据文件夹中的 "+data.AppLockFile+" 文件（数据不受影响），再重新设置。")))
	privacy := widget.NewCard("个人信息保护", "", widgets.WrappedLabel(
		"· 导出党员名册时勾选“隐藏身份证号和电话（用于公示）”，身份证号显示为 640106********123X，手机号显示为 138****5678。\n"+
			"· 制作移交包时可以设置密码（AES-256 加密），文件丢失也不会泄露信息。\n"+
			"· 所有修改都记在“操作日志”中，可以查到谁在什么时候改了什么。"))
	return container.NewVScroll(container.NewVBox(password, privacy))
}

// refresh shows the stored state: which buttons make sense, the idle time.
func (s *passwordSection) refresh() {
	lock, err := s.app.Store.AppLock()
	if err != nil {
		s.Say(err)
		return
	}
	for _, e := range []*widget.Entry{s.current, s.next, s.confirm} {
		e.SetText("")
	}
	if lock.HasPassword {
		s.status.SetText("已设置应用密码。修改或取消密码都需要先输入当前密码。")
		s.save.SetText("修改密码")
		s.showForm(append([]*widget.FormItem{s.currentItem}, s.newItems...))
		s.remove.Show()
		s.lock.Show()
		s.idle.Enable()
	} else {
		s.status.SetText("尚未设置应用密码。")
		s.save.SetText("设置密码")
		s.showForm(s.newItems)
		s.remove.Hide()
		s.lock.Hide()
		s.idle.Disable()
	}
	s.idle.Selected = idleText(lock.IdleMinutes)
	s.idleForm.Refresh()
}

// showForm shows a new form of items: Fyne's Form does not redraw rows
// added or removed after it was shown.
func (s *passwordSection) showForm(items []*widget.FormItem) {
	s.form.Objects = []fyne.CanvasObject{widget.NewForm(items...)}
	s.form.Refresh()
}

func (s *passwordSection) Say(err error) {
	if err == nil {
		s.Message.Hide()
		return
	}
	s.Message.SetText(err.Error())
	s.Message.Show()
}

func (s *passwordSection) setPassword() {
	if s.next.Text != s.confirm.Text {
		s.Say(errors.New("两次输入的新密码不一样，请重新输入"))
		return
	}
	s.change(s.next.Text, "应用密码已设置。下次打开程序时需要输入它。")
}

func (s *passwordSection) removePassword() {
	s.change("", "应用密码已取消。")
}

// change stores the new password ("" removes it); Argon2id takes a moment.
func (s *passwordSection) change(next, done string) {
	if err := s.app.Store.SetAppPassword(s.current.Text, next); err != nil {
		s.Say(err)
		return
	}
	s.Say(nil)
	s.refresh()
	reloadLock(s.app.Window)
	s.app.NotifyChanged() // the audit log has a new entry
	s.app.ShowInfo("应用密码", done)
}

func (s *passwordSection) setIdle(label string) {
	for _, m := range idleChoices {
		if idleText(m) != label {
			continue
		}
		if err := s.app.Store.SetIdleMinutes(m); err != nil {
			s.Say(err)
			return
		}
		reloadLock(s.app.Window)
	}
}
