package main

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/resources"
)

// serverFor is the server the window works on: --db / PARTYOFFICE_DB, else
// the choice saved in 设置与数据 → 数据位置, else "" for the folder's file.
func serverFor(flagValue, dir string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return data.ServerChoice(dir)
}

// serverSignIn is the window's way onto a server: who signs in, and what
// is remembered of them (docs/ARCHITECTURE.md#two-backends). Users and
// roles are the server's; the window asks 登录名 and 密码, so a second
// person can sign in on the same PC (文件 → 切换用户).
type serverSignIn struct {
	app    fyne.App
	dsn    string // the server and the last login (with the password while signed in)
	dir    string
	saved  bool // dsn is the saved choice, not --db: a sign-in updates its login and password
	stderr io.Writer
	opened func(*data.Store)
}

// open signs in to the server and calls opened with the store. When the
// connection string carries no password, or the server refuses, the
// sign-in window asks (and says why) before anything opens.
func (si *serverSignIn) open() {
	if data.ServerNeedsPassword(si.dsn) {
		si.show(nil)
		return
	}
	s, err := data.OpenServer(si.dsn, si.dir)
	if err != nil {
		fmt.Fprintln(si.stderr, "错误："+oneLine(err.Error()))
		si.show(err)
		return
	}
	si.opened(s)
}

// show is the sign-in window: the server it connects to, 登录名 and 密码,
// 记住密码, 登录 and 退出.
func (si *serverSignIn) show(problem error) {
	w := si.app.NewWindow("党支部工作台：登录数据库服务器")
	w.SetIcon(resources.Icon)
	w.SetContent(si.content(problem, func(s *data.Store) {
		si.opened(s)
		w.Close()
	}))
	w.Resize(fyne.NewSize(problemWidth, 0))
	w.CenterOnScreen()
	w.Show()
}

func (si *serverSignIn) content(problem error, done func(*data.Store)) fyne.CanvasObject {
	addr, _ := data.ParseServerAddress(si.dsn)
	where := widget.NewLabel(serverWhere(addr))
	where.Wrapping = fyne.TextWrapWord
	message := widget.NewLabel("请输入您在数据库服务器上的登录名和密码。")
	message.Wrapping = fyne.TextWrapWord
	if problem != nil {
		message.SetText(problem.Error())
	}
	login := widget.NewEntry()
	login.SetText(addr.User)
	password := widget.NewPasswordEntry()
	remember := widget.NewCheck("记住密码（保存在本机系统的凭据管理中）", nil)
	signIn := widget.NewButton("登录", nil)
	signIn.Importance = widget.HighImportance
	signIn.OnTapped = func() {
		pw := password.Text
		if pw == "" && login.Text == addr.User {
			pw = addr.Password // --db's own, or none (PGPASSWORD, a trusted socket)
		}
		dsn, err := data.WithServerLogin(si.dsn, login.Text, pw)
		if err != nil {
			message.SetText(err.Error())
			return
		}
		// A server that does not answer takes seconds to say so: the window
		// stays responsive meanwhile.
		message.SetText("正在登录…")
		signIn.Disable()
		keep := remember.Checked
		signInBackground(func() {
			s, err := data.OpenServer(dsn, si.dir)
			fyne.Do(func() {
				signIn.Enable()
				if err != nil {
					message.SetText(err.Error())
					return
				}
				si.signedIn(dsn, keep)
				done(s)
			})
		})
	}
	password.OnSubmitted = func(string) { signIn.OnTapped() }
	login.OnSubmitted = password.OnSubmitted
	form := widget.NewForm(widget.NewFormItem("登录名", login), widget.NewFormItem("密码", password))
	return container.NewBorder(nil, container.NewCenter(container.NewHBox(signIn, widget.NewButton("退出", si.app.Quit))),
		nil, nil, container.NewVBox(where, message, form, remember))
}

// signInBackground runs the sign-in off the UI goroutine; tests run it at once.
var signInBackground = func(f func()) { go f() }

// serverWhere names the server of the sign-in window, never a password.
func serverWhere(a data.ServerAddress) string {
	port := a.Port
	if port == "" {
		port = "5432"
	}
	return fmt.Sprintf("数据库服务器 %s:%s，数据库 %s", a.Host, port, a.Database)
}

// signedIn remembers the login of the saved choice, and its password only
// when 记住密码 is ticked (in the keyring where there is one).
func (si *serverSignIn) signedIn(dsn string, rememberPassword bool) {
	si.dsn = dsn
	if !si.saved {
		return
	}
	keep := data.WithoutServerPassword(dsn)
	if rememberPassword {
		keep = dsn
	}
	if err := data.SaveServerChoice(si.dir, keep); err != nil {
		fmt.Fprintln(si.stderr, "错误："+oneLine(err.Error()))
	}
}

// signOut closes the main window w on s and shows the sign-in window
// (文件 → 切换用户); forget (退出登录) also forgets the remembered password.
func (si *serverSignIn) signOut(w fyne.Window, s *data.Store, forget bool) {
	if forget {
		data.ForgetServerPassword(si.dsn)
		if si.saved {
			if err := data.SaveServerChoice(si.dir, data.WithoutServerPassword(si.dsn)); err != nil {
				fmt.Fprintln(si.stderr, "错误："+oneLine(err.Error()))
			}
		}
	}
	si.dsn = data.WithoutServerPassword(si.dsn)
	si.show(nil) // first: closing the last window would quit
	w.SetOnClosed(nil)
	w.Close()
	s.Close()
}

// openServerOrSay opens the server dsn, or, when the saved choice could not
// be read (err), says so in the startup problem window.
func openServerOrSay(si *serverSignIn, err error) {
	if err == nil {
		si.open()
		return
	}
	showStartupProblem(si.app, si.dir, err, si.stderr, si.opened)
}
