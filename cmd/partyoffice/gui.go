package main

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/resources"
	"partyoffice/ui"
	"partyoffice/ui/core"
	"partyoffice/ui/settings"
)

// runGUI opens the main window on the data folder, or, when the folder cannot
// be opened, a small window that says why in plain words and offers the ways
// out that data.RemediesFor allows (the policy lives in data/startup.go).
func runGUI(dir, server string, stderr io.Writer) int {
	a := app.NewWithID(appID)
	a.Settings().SetTheme(core.Theme{})
	core.UseChinese() // before any window: Fyne's own dialog texts are read when built
	a.SetIcon(resources.Icon)

	var store *data.Store
	var showMain func(s *data.Store)
	var signIn *serverSignIn // on a server: 切换用户 and 退出登录
	showMain = func(s *data.Store) {
		store = s
		var w fyne.Window
		var h ui.Hooks
		if signIn != nil && s.OnServer() {
			h.SignOut = func(forget bool) { signIn.signOut(w, s, forget) }
		}
		// The first-run wizard's 服务器: this window gives way to one on the
		// server (whose branch may still need its 支部信息).
		h.OpenServer = func(dsn string) error {
			next, err := data.OpenServer(dsn, dir)
			if err != nil {
				return err
			}
			signIn = &serverSignIn{app: a, dsn: dsn, dir: dir, saved: true, stderr: stderr, opened: showMain}
			showMain(next) // first: closing the last window would quit
			w.SetOnClosed(nil)
			w.Close()
			s.Close()
			return nil
		}
		w = ui.ShowWindowWith(a, s, h)
		// Closing the main window ends the program, whatever else is open;
		// not SetMaster, which cannot be undone when damage found after the
		// first frame replaces this window by the recovery offer.
		w.SetOnClosed(a.Quit)
		core.AfterFirstFrame(w, func() {
			benchFirstFrame()
			afterFirstFrame(a, w, s, dir, stderr, showMain)
		})
		settings.GuardWindow(w, s)
	}
	if dsn, err := serverFor(server, dir); err != nil || dsn != "" {
		signIn = &serverSignIn{app: a, dsn: dsn, dir: dir, saved: server == "", stderr: stderr, opened: showMain}
		openServerOrSay(signIn, err)
	} else if s, err := data.OpenFolderCheckLater(dir); err != nil {
		showStartupProblem(a, dir, err, stderr, showMain)
	} else {
		showMain(s)
	}
	a.Run()
	if store != nil {
		store.Close()
	}
	return exitOK
}

// afterFirstFrame is the start-up work that waits for the window (off the UI
// goroutine): the full integrity check, then the daily backup. Damage found
// now closes the store and the main window and offers the same remedies as
// damage found while opening (docs/ARCHITECTURE.md#start-up-and-recovery).
func afterFirstFrame(a fyne.App, w fyne.Window, s *data.Store, dir string, stderr io.Writer, showMain func(*data.Store)) {
	if err := s.CheckIntegrity(); err != nil {
		fyne.Do(func() {
			showStartupProblem(a, dir, err, stderr, showMain) // first: closing the last window would quit
			w.SetOnClosed(nil)
			w.Close()
			s.Close()
		})
		return
	}
	settings.StartDailyBackup(w, s)
}

// showStartupProblem is the window that says why the data folder cannot be
// used and offers the ways out that data.RemediesFor allows.
func showStartupProblem(a fyne.App, dir string, err error, stderr io.Writer, showMain func(*data.Store)) {
	fmt.Fprintln(stderr, "错误："+oneLine(err.Error()))
	w := a.NewWindow("党支部工作台：无法打开数据")
	w.SetIcon(resources.Icon)
	w.SetContent(startupProblem(a, w, dir, err, showMain))
	w.CenterOnScreen()
	w.Show()
}

// benchFirstFrame tells `make bench` (cmd/bench/benchrun) that the first
// frame is drawn: it reads this process's CPU time and memory then.
func benchFirstFrame() {
	if os.Getenv(benchFirstFrameEnv) != "" {
		fmt.Println("first frame")
	}
}

// benchFirstFrameEnv makes the window print "first frame" on its first frame.
const benchFirstFrameEnv = "PARTYOFFICE_BENCH_FIRST_FRAME"

// problemWidth is the width of the startup problem window.
const problemWidth = 560

// startupProblem is the content of the window shown when the store cannot be
// opened. opened receives the store once a restore (or another try) made it
// usable; the window then closes itself.
func startupProblem(a fyne.App, w fyne.Window, dir string, err error, opened func(*data.Store)) fyne.CanvasObject {
	message := widget.NewLabel(startupMessage(err))
	message.Wrapping = fyne.TextWrapWord
	folder := widget.NewLabel("数据文件夹：" + dir)
	folder.Wrapping = fyne.TextWrapBreak
	folder.Selectable = true // so it can be copied into a message to the IT person

	done := func(s *data.Store) {
		opened(s)
		w.Close()
	}
	var buttons []fyne.CanvasObject
	remedies := data.RemediesFor(err)
	if remedies.Restore {
		buttons = append(buttons, restoreButton(dir, message, done))
	}
	if remedies.Retry {
		buttons = append(buttons, retryButton(dir, message, done))
	}
	if remedies.StartBlank {
		buttons = append(buttons, widget.NewButton("从空白开始", func() { startBlank(dir, message, done) }))
	}
	buttons = append(buttons, widget.NewButton("关闭", a.Quit))
	// A wrapping label asks for almost no width, so the window would open as a
	// tall narrow column; the strut gives the text its width from the start.
	strut := canvas.NewRectangle(color.Transparent)
	strut.SetMinSize(fyne.NewSize(problemWidth, 0))
	return container.NewBorder(nil, container.NewCenter(container.NewHBox(buttons...)), nil, nil,
		container.NewVBox(strut, message, folder))
}

// restoreButton offers the newest good backup, named in the message; with
// none it says so at once and stays disabled.
func restoreButton(dir string, message *widget.Label, done func(*data.Store)) *widget.Button {
	restore := widget.NewButtonWithIcon("从备份恢复", theme.HistoryIcon(), nil)
	restore.Importance = widget.HighImportance
	b, err := data.NewestGoodBackup(dir)
	if err != nil {
		message.SetText(message.Text + "\n\n无法自动恢复：" + err.Error())
		restore.Disable()
		return restore
	}
	message.SetText(message.Text + "\n\n最近一份完好的备份：" + backupDescription(b))
	restore.OnTapped = func() {
		s, err := data.RecoverFrom(dir, b)
		if err != nil {
			message.SetText("无法自动恢复：" + err.Error())
			restore.Disable()
			return
		}
		done(s)
	}
	return restore
}

func backupDescription(b data.BackupInfo) string {
	return fmt.Sprintf("%s（%s，%s）", b.Time.Format("2006年1月2日 15:04"), b.Kind.KindName(), b.Name)
}

// retryButton tries again: the other window was closed, the USB stick
// plugged back in, the administrator opened the folder.
func retryButton(dir string, message *widget.Label, done func(*data.Store)) *widget.Button {
	retry := widget.NewButtonWithIcon("重试", theme.ViewRefreshIcon(), nil)
	retry.Importance = widget.HighImportance
	retry.OnTapped = func() {
		s, err := data.OpenFolder(dir)
		if err != nil {
			message.SetText(startupMessage(err))
			return
		}
		done(s)
	}
	return retry
}

// startBlank starts an empty database beside the backups.
func startBlank(dir string, message *widget.Label, done func(*data.Store)) {
	s, err := data.StartBlank(dir)
	if err != nil {
		message.SetText(startupMessage(err))
		return
	}
	done(s)
}

// startupMessage says what is wrong and what to do, for each way the data
// folder can fail to open.
func startupMessage(err error) string {
	switch {
	case errors.Is(err, data.ErrLocked):
		return err.Error() // it says what to do; 重试 is beside it
	case errors.Is(err, data.ErrDamaged):
		return err.Error() + "。\n\n点“从备份恢复”，程序会用数据文件夹中最近一份完好的备份替换它。" +
			"损坏的文件不会删除，会改名保留在同一文件夹中，以便日后请专业人员查看。"
	case errors.Is(err, data.ErrDatabaseMissing):
		return err.Error() + "。\n\n点“从备份恢复”，用最近一份完好的备份恢复数据；" +
			"确实要重新开始的，点“从空白开始”（备份仍会保留）。"
	}
	return "无法打开数据：" + err.Error() + "\n\n请确认这个文件夹存在并且可以写入（U盘是否插好、是否有写保护），然后点“重试”；如果这是单位的公用电脑，请联系电脑管理员。"
}
