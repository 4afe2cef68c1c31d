package settings

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// testServer connects to a server once (data.TestServer); tests replace it.
var testServer = data.TestServer

// locationCard is 设置与数据 → 数据位置: where the records live now (本机文件
// or a server, never its password), and the form that chooses the place for
// the next start (docs/ARCHITECTURE.md#two-backends). The choice is a file in
// the data folder (data.ServerChoiceFile) that backups and packages leave out;
// the password goes to the keyring where there is one.
type locationCard struct {
	app          *core.App
	status, next *widget.Label
	dlg          *dialog.CustomDialog
}

func newLocationCard(a *core.App) fyne.CanvasObject {
	c := &locationCard{app: a, status: widgets.WrappedLabel(""), next: widgets.WrappedLabel("")}
	back := widget.NewButtonWithIcon("改回本机文件", theme.ComputerIcon(), c.backToFolder)
	choose := widget.NewButtonWithIcon("使用服务器…", theme.StorageIcon(), c.showServerForm)
	c.showNext()
	// The form is a dialog: on the page it would push the backup list
	// below it out of sight.
	return widget.NewCard("数据位置", currentLocation(a.Store), container.NewVBox(
		c.next, container.NewHBox(choose, back), c.status))
}

// showServerForm asks for the server; 测试连接并保存 closes it once saved.
func (c *locationCard) showServerForm() {
	form := newServerForm("测试连接并保存（下次启动生效）", c.app.Store.Dir(), func(string) {
		c.dlg.Hide()
		c.status.SetText("连接成功，已保存。下次启动程序时使用这个服务器。")
		c.showNext()
	})
	c.dlg = dialog.NewCustom("使用数据库服务器", "取消", form.object(), c.app.Window)
	c.dlg.Resize(fyne.NewSize(560, 0))
	c.dlg.Show()
}

// serverForm asks where the server is and who signs in (the fields, or a
// connection string), tests the connection and saves the choice; 数据位置
// and the first-run wizard both show it.
type serverForm struct {
	host, port, database, user, password, dsn *widget.Entry
	remember                                  *widget.Check
	status                                    *widget.Label
	save                                      *widget.Button
	dir                                       string
	saved                                     func(dsn string) // with the password, on the UI goroutine
}

func newServerForm(saveLabel, dir string, saved func(dsn string)) *serverForm {
	f := &serverForm{host: widget.NewEntry(), port: widget.NewEntry(), database: widget.NewEntry(),
		user: widget.NewEntry(), password: widget.NewPasswordEntry(), dsn: widget.NewEntry(),
		status: widgets.WrappedLabel(""), dir: dir, saved: saved}
	f.port.SetPlaceHolder("5432")
	f.dsn.SetPlaceHolder("postgres://用户@服务器:5432/数据库（填了就不用填上面各项）")
	f.remember = widget.NewCheck("在本机记住密码（存入系统的凭据管理；否则每次打开时询问）", nil)
	f.remember.SetChecked(true)
	f.save = widget.NewButtonWithIcon(saveLabel, theme.DocumentSaveIcon(), f.testAndSave)
	f.save.Importance = widget.HighImportance
	return f
}

func (f *serverForm) object() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem("服务器地址", f.host), widget.NewFormItem("端口", f.port),
		widget.NewFormItem("数据库", f.database), widget.NewFormItem("登录名", f.user),
		widget.NewFormItem("密码", f.password), widget.NewFormItem("或连接串", f.dsn))
	return container.NewVBox(form, f.remember, container.NewHBox(f.save), f.status)
}

// currentLocation says where the open store's records are.
func currentLocation(s *data.Store) string {
	if addr, ok := s.ServerAddress(); ok {
		return "现在使用：" + addr.Describe()
	}
	return "现在使用：本机文件（默认），在数据文件夹 " + s.Dir()
}

// showNext says what the next start will open when that differs from now.
func (c *locationCard) showNext() {
	dsn, err := data.ServerChoice(c.app.Store.Dir())
	switch {
	case err != nil:
		c.next.SetText(err.Error())
	case dsn != "":
		if addr, err := data.ParseServerAddress(dsn); err == nil {
			c.next.SetText("下次启动使用：" + addr.Describe())
		}
	case c.app.Store.OnServer():
		c.next.SetText("下次启动使用：本机文件（除非用 --db 或 PARTYOFFICE_DB 指定服务器）")
	default:
		c.next.SetText("")
	}
}

// chosenDSN is the connection string the form describes: the 连接串 box when
// filled, else the fields put together (TLS when the server offers it).
func (f *serverForm) chosenDSN() (string, error) {
	if f.dsn.Text != "" {
		if _, err := data.ParseServerAddress(f.dsn.Text); err != nil {
			return "", err
		}
		if f.password.Text != "" {
			return data.WithServerPassword(f.dsn.Text, f.password.Text)
		}
		return f.dsn.Text, nil
	}
	addr := data.ServerAddress{Host: f.host.Text, Port: f.port.Text, Database: f.database.Text,
		User: f.user.Text, Password: f.password.Text}
	if addr.Host == "" || addr.Database == "" || addr.User == "" {
		return "", errFormIncomplete
	}
	return addr.DSN(), nil
}

var errFormIncomplete = errors.New("请填写服务器地址、数据库和登录名，或者填写连接串")

// testAndSave connects once off the UI goroutine; only a server that
// answered is saved, with or without its password as the check box says.
func (f *serverForm) testAndSave() {
	dsn, err := f.chosenDSN()
	if err != nil {
		f.status.SetText(err.Error())
		return
	}
	f.status.SetText("正在连接服务器…")
	f.save.Disable()
	remember := f.remember.Checked
	inBackground(func() {
		err := testServer(dsn)
		if err == nil {
			err = data.SaveServerChoice(f.dir, savedDSN(dsn, remember))
		}
		fyne.Do(func() {
			f.save.Enable()
			if err != nil {
				f.status.SetText("没有保存：" + err.Error())
				return
			}
			f.password.SetText("")
			f.status.SetText("")
			f.saved(dsn)
		})
	})
}

// savedDSN is dsn as written to the data folder: without the password
// when it is not to be remembered (the sign-in window asks for it).
func savedDSN(dsn string, remember bool) string {
	if remember {
		return dsn
	}
	return data.WithoutServerPassword(dsn)
}

// backToFolder removes the saved server after asking.
func (c *locationCard) backToFolder() {
	dialog.ShowConfirm("改回本机文件", "下次启动时改用本机数据文件夹中的数据文件。服务器上的数据不会改动。确定吗？",
		func(ok bool) {
			if !ok {
				return
			}
			if err := data.ClearServerChoice(c.app.Store.Dir()); err != nil {
				c.status.SetText(err.Error())
				return
			}
			c.status.SetText("已改回本机文件，下次启动时生效。")
			c.showNext()
		}, c.app.Window)
}
