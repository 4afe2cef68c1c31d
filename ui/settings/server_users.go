package settings

import (
	"errors"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// managesServerUsers says whether 设置与数据 shows 服务器用户: only on the
// owner's connection to a server (the IT administrator's), the one that may
// create sign-ins (data.Store.ServerUsers).
func managesServerUsers(s *data.Store) bool { return s.OnServer() && s.ServerRole() == "" }

// serverUsersSection is 设置与数据 → 服务器用户: the sign-ins of the server,
// with 新增, 删除 and 重设密码 (the CLI's server-user).
type serverUsersSection struct {
	app   *core.App
	users []data.ServerUser
	rows  *listSelection
}

func newServerUsersSection(a *core.App) fyne.CanvasObject {
	u := &serverUsersSection{app: a}
	list := widget.NewList(func() int { return len(u.users) }, newServerUserRow, u.updateRow)
	empty := widgets.QuietLabel("还没有登录用户。点“新增”为每个支部的书记或组织委员建一个登录名。")
	acting := []*widget.Button{
		widget.NewButtonWithIcon("重设密码…", theme.VisibilityOffIcon(), u.resetPassword),
		widget.NewButtonWithIcon("删除", theme.DeleteIcon(), u.remove),
	}
	u.rows = newListSelection(list, empty, acting...)
	u.reload()
	toolbar := container.NewHBox(widget.NewButtonWithIcon("新增…", theme.ContentAddIcon(), u.add))
	for _, b := range acting {
		toolbar.Add(b)
	}
	header := widgets.Columns(serverUserColumns, widgets.BoldLabel("登录名"), widgets.BoldLabel("姓名"),
		widgets.BoldLabel("角色"), widgets.BoldLabel("支部编号"))
	return widget.NewCard("", "支部用户只能查看和修改本支部的记录；区管理员只读查看全部支部。"+
		"删除登录用户不会删除他保存过的记录，操作日志中仍有他的名字。",
		container.NewBorder(container.NewVBox(toolbar, header), nil, nil, nil, container.NewStack(list, empty)))
}

var serverUserColumns = []float32{180, 140, 120}

func newServerUserRow() fyne.CanvasObject {
	return widgets.Columns(serverUserColumns, widgets.TruncatedLabel(""), widgets.TruncatedLabel(""),
		widget.NewLabel(""), widget.NewLabel(""))
}

func (u *serverUsersSection) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	user := u.users[id]
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(user.Login)
	cells[1].(*widget.Label).SetText(user.Name)
	cells[2].(*widget.Label).SetText(data.ServerRoleName(user.Role))
	branch := strconv.FormatUint(uint64(user.BranchID), 10)
	if user.Role == data.RoleDistrict {
		branch = "全部"
	}
	cells[3].(*widget.Label).SetText(branch)
}

func (u *serverUsersSection) reload() {
	users, err := u.app.Store.ServerUsers()
	if err != nil {
		u.app.ShowError("无法读取登录用户", err)
		return
	}
	u.users = users
	u.rows.reset(len(users))
}

func (u *serverUsersSection) current() (data.ServerUser, bool) { return chosen(u.rows, u.users) }

// roleChoices are the roles the 新增 form offers, by their names.
var roleChoices = []string{data.ServerRoleName(data.RoleBranch), data.ServerRoleName(data.RoleDistrict)}

func roleOf(name string) string {
	if name == data.ServerRoleName(data.RoleDistrict) {
		return data.RoleDistrict
	}
	return data.RoleBranch
}

// add asks for a new sign-in: login, name, role, branch and password.
func (u *serverUsersSection) add() {
	login, name, branch := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	login.SetPlaceHolder("小写字母、数字和下划线，例如 yixiao_shuji")
	branch.SetPlaceHolder("第一个支部是 1")
	role := widget.NewSelect(roleChoices, func(r string) { widgets.SetVisible(branch, roleOf(r) == data.RoleBranch) })
	role.SetSelected(roleChoices[0])
	password, again := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	items := []*widget.FormItem{widget.NewFormItem("登录名", login), widget.NewFormItem("姓名", name),
		widget.NewFormItem("角色", role), widget.NewFormItem("支部编号", branch),
		widget.NewFormItem("密码", password), widget.NewFormItem("再输一次", again)}
	d := dialog.NewForm("新增登录用户", "新增", "取消", items, func(ok bool) {
		if !ok {
			return
		}
		user := data.ServerUser{Login: login.Text, Name: data.CleanText(name.Text), Role: roleOf(role.Selected)}
		err := samePassword(password.Text, again.Text)
		if err == nil && user.Role == data.RoleBranch {
			user.BranchID, err = branchNumber(branch.Text)
		}
		if err == nil {
			user.Password = password.Text
			err = u.app.Store.AddServerUser(user)
		}
		u.done("登录用户没有新增", fmt.Sprintf("已新增登录用户 %s（%s）。", user.Login, user.Name), err)
	}, u.app.Window)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

func samePassword(pw, again string) error {
	switch {
	case pw == "":
		return errors.New("请填写密码")
	case pw != again:
		return errors.New("两次输入的密码不一样")
	}
	return nil
}

func branchNumber(s string) (uint, error) {
	n, err := strconv.ParseUint(s, 10, 32)
	if err != nil || n == 0 {
		return 0, errors.New("支部编号应为正整数（第一个支部是 1）")
	}
	return uint(n), nil
}

func (u *serverUsersSection) resetPassword() {
	user, ok := u.current()
	if !ok {
		return
	}
	password, again := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	d := dialog.NewForm("重设 "+user.Login+" 的密码", "重设", "取消",
		[]*widget.FormItem{widget.NewFormItem("新密码", password), widget.NewFormItem("再输一次", again)}, func(ok bool) {
			if !ok {
				return
			}
			err := samePassword(password.Text, again.Text)
			if err == nil {
				err = u.app.Store.SetServerUserPassword(user.Login, password.Text)
			}
			u.done("密码没有重设", "已重设 "+user.Login+" 的密码。", err)
		}, u.app.Window)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
}

func (u *serverUsersSection) remove() {
	user, ok := u.current()
	if !ok {
		return
	}
	dialog.ShowConfirm("删除登录用户", fmt.Sprintf("删除登录用户 %s（%s）？他将不能再登录；他保存过的记录和操作日志都保留。",
		user.Login, user.Name), func(ok bool) {
		if ok {
			u.done("登录用户没有删除", "已删除登录用户 "+user.Login+"。", u.app.Store.RemoveServerUser(user.Login))
		}
	}, u.app.Window)
}

// done reloads the list and says how it went.
func (u *serverUsersSection) done(failed, succeeded string, err error) {
	if err != nil {
		u.app.ShowError(failed, err)
		return
	}
	u.reload()
	u.app.ShowInfo("完成", succeeded)
}
