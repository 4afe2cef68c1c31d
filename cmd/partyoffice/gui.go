package main

import (
	"errors"
	"fmt"
	"image/color"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/resources"
	"partyoffice/ui"
)

// runGUI opens the main window on the data folder, or, when the folder cannot
// be opened, a small window that says why in plain words (and, for a damaged
// database, offers to restore the newest good backup).
func runGUI(dir string, stderr io.Writer) int {
	a := app.NewWithID(appID)
	a.Settings().SetTheme(ui.Theme{})
	ui.UseChinese() // before any window: Fyne's own dialog texts are read when built
	a.SetIcon(resources.Icon)

	var store *data.Store
	showMain := func(s *data.Store) {
		store = s
		// Closing the main window ends the program, whatever else is open.
		ui.ShowMainWindow(a, s).SetMaster()
	}
	if s, err := data.Open(dir); err != nil {
		fmt.Fprintln(stderr, "错误："+oneLine(err.Error()))
		w := a.NewWindow("党支部工作台：无法打开数据")
		w.SetIcon(resources.Icon)
		w.SetContent(startupProblem(a, w, dir, err, showMain))
		w.CenterOnScreen()
		w.Show()
	} else {
		showMain(s)
	}
	a.Run()
	if store != nil {
		store.Close()
	}
	return exitOK
}

// problemWidth is the width of the startup problem window.
const problemWidth = 560

// startupProblem is the content of the window shown when the store cannot be
// opened. opened receives the store once a restore made it usable; the
// window then closes itself.
func startupProblem(a fyne.App, w fyne.Window, dir string, err error, opened func(*data.Store)) fyne.CanvasObject {
	message := widget.NewLabel(startupMessage(err))
	message.Wrapping = fyne.TextWrapWord
	folder := widget.NewLabel("数据文件夹：" + dir)
	folder.Wrapping = fyne.TextWrapBreak
	folder.Selectable = true // so it can be copied into a message to the IT person

	closeButton := widget.NewButton("关闭", a.Quit)
	buttons := container.NewHBox(closeButton)
	if errors.Is(err, data.ErrDamaged) {
		restore := widget.NewButtonWithIcon("从备份恢复", theme.HistoryIcon(), nil)
		restore.Importance = widget.HighImportance
		restore.OnTapped = func() {
			s, rerr := recoverFromNewestBackup(dir)
			if rerr != nil {
				message.SetText("无法自动恢复：" + rerr.Error())
				restore.Disable()
				return
			}
			opened(s)
			w.Close()
		}
		buttons = container.NewHBox(restore, closeButton)
	}
	// A wrapping label asks for almost no width, so the window would open as a
	// tall narrow column; the strut gives the text its width from the start.
	strut := canvas.NewRectangle(color.Transparent)
	strut.SetMinSize(fyne.NewSize(problemWidth, 0))
	return container.NewBorder(nil, container.NewCenter(buttons), nil, nil,
		container.NewVBox(strut, message, folder))
}

// startupMessage says what is wrong and what to do, for the three ways the
// data folder can fail to open.
func startupMessage(err error) string {
	switch {
	case errors.Is(err, data.ErrLocked):
		return err.Error()
	case errors.Is(err, data.ErrDamaged):
		return err.Error() + "。\n\n点“从备份恢复”，程序会用数据文件夹中最近一份完好的备份替换它。" +
			"损坏的文件不会删除，会改名保留在同一文件夹中，以便日后请专业人员查看。"
	}
	return "无法打开数据：" + err.Error() + "\n\n请确认这个文件夹存在并且可以写入；如果这是单位的公用电脑，请联系电脑管理员。"
}

// recoverFromNewestBackup restores the newest good backup of a damaged data
// folder and opens it.
func recoverFromNewestBackup(dir string) (*data.Store, error) {
	b, err := newestGoodBackup(dir)
	if err != nil {
		return nil, err
	}
	if _, err := restoreClosed(dir, b.Path); err != nil {
		return nil, err
	}
	return data.Open(dir)
}
