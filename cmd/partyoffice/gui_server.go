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

// openServerWindow signs in to the server dsn and calls opened with the
// store. When the connection string carries no password, or the server
// refuses, a sign-in window asks for it (and says why) before anything opens.
func openServerWindow(a fyne.App, dsn, dir string, stderr io.Writer, opened func(*data.Store)) {
	if !data.ServerNeedsPassword(dsn) {
		s, err := data.OpenServer(dsn, dir)
		if err == nil {
			opened(s)
			return
		}
		fmt.Fprintln(stderr, "错误："+oneLine(err.Error()))
		showSignIn(a, dsn, dir, err, opened)
		return
	}
	showSignIn(a, dsn, dir, nil, opened)
}

// showSignIn is the sign-in window: the server and user it connects to
// (never a password), a password box, 登录 and 退出.
func showSignIn(a fyne.App, dsn, dir string, problem error, opened func(*data.Store)) {
	w := a.NewWindow("党支部工作台：登录数据库服务器")
	w.SetIcon(resources.Icon)
	w.SetContent(signInContent(a, dsn, dir, problem, func(s *data.Store) {
		opened(s)
		w.Close()
	}))
	w.Resize(fyne.NewSize(problemWidth, 0))
	w.CenterOnScreen()
	w.Show()
}

func signInContent(a fyne.App, dsn, dir string, problem error, done func(*data.Store)) fyne.CanvasObject {
	where := widget.NewLabel("")
	if addr, err := data.ParseServerAddress(dsn); err == nil {
		where.SetText(addr.Describe())
	}
	where.Wrapping = fyne.TextWrapWord
	message := widget.NewLabel("请输入这个用户在数据库服务器上的密码。")
	message.Wrapping = fyne.TextWrapWord
	if problem != nil {
		message.SetText(problem.Error())
	}
	password := widget.NewPasswordEntry()
	signIn := widget.NewButton("登录", nil)
	signIn.Importance = widget.HighImportance
	signIn.OnTapped = func() {
		withPassword := dsn
		if password.Text != "" {
			var err error
			if withPassword, err = data.WithServerPassword(dsn, password.Text); err != nil {
				message.SetText(err.Error())
				return
			}
		}
		s, err := data.OpenServer(withPassword, dir)
		if err != nil {
			message.SetText(err.Error())
			return
		}
		done(s)
	}
	password.OnSubmitted = func(string) { signIn.OnTapped() }
	form := widget.NewForm(widget.NewFormItem("密码", password))
	return container.NewBorder(nil, container.NewCenter(container.NewHBox(signIn, widget.NewButton("退出", a.Quit))),
		nil, nil, container.NewVBox(where, message, form))
}

// openServerOrSay opens the server dsn, or, when the saved choice could not
// be read (err), says so in the startup problem window.
func openServerOrSay(a fyne.App, dsn, dir string, err error, stderr io.Writer, opened func(*data.Store)) {
	if err == nil {
		openServerWindow(a, dsn, dir, stderr, opened)
		return
	}
	showStartupProblem(a, dir, err, stderr, opened)
}
