package settings

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/handover"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// handoverExt is the extension of a 移交包 file. What a file is is decided
// by its content, so a renamed package still opens.
const handoverExt = ".poh"

var packageExts = []string{handoverExt, ".zip", ".db"}

// handoverForm asks whether to set a password (typed twice) before the
// save dialog asks where.
type handoverForm struct {
	a                 *core.App
	usePassword       *widget.Check
	password, confirm *widgets.FormEntry
	generated         *widget.Label // the generated password, shown once to write down
	Message           *widget.Label
	dlg               *dialog.CustomDialog
	unsaved           *core.Unsaved // a password typed is asked about before it is thrown away
}

// ShowMakeHandover makes a 移交包: options, then where, then the package
// with a progress bar, then what to do with it.
func ShowMakeHandover(a *core.App) {
	f := &handoverForm{a: a, password: widgets.NewPasswordFormEntry(), confirm: widgets.NewPasswordFormEntry(),
		Message: widgets.HiddenMessage(widget.DangerImportance)}
	f.password.SetPlaceHolder(fmt.Sprintf("至少 %d 个字符", data.MinHandoverPasswordLength))
	f.confirm.SetPlaceHolder("再输入一次")
	f.generated = widgets.HiddenMessage(widget.HighImportance)
	f.generated.TextStyle.Bold = true
	f.password.OnChanged = func(string) { f.generatedStillUsed() }
	generate := widget.NewButtonWithIcon("生成密码", theme.ViewRefreshIcon(), f.generate)
	f.usePassword = widget.NewCheck("给移交包设置密码（建议：其中有身份证号等个人信息）", f.passwordChoice)
	f.usePassword.SetChecked(true)
	intro := widgets.WrappedLabel("移交包是一个文件，含全部数据、附件和每个文件的校验值，交给下一任书记，" +
		"在新电脑上用“接收移交包”打开。密码请另行当面告知，不要和文件放在一起。")
	form := container.NewVBox(widgets.NewFormField("密码", f.password).Row, widgets.NewFormField("确认密码", f.confirm).Row,
		widgets.NewFormField("", container.NewHBox(generate, widgets.QuietLabel("四组数字，好记好输入"))).Row)
	content := container.NewVBox(intro, f.usePassword, form, f.generated, f.Message)
	f.dlg = dialog.NewCustomWithoutButtons("制作移交包", content, a.Window)
	// 保存 in the 放弃修改？ question goes on as 选择保存位置… does.
	f.unsaved = core.DialogForm("移交包的密码", f.dlg, content, nil, f.chooseFile)
	cancel := func() { a.AskLeave(f.unsaved) }
	keys := widgets.FormKeys{Escape: cancel}
	f.password.SetKeys(keys)
	f.confirm.SetKeys(keys)
	next := widget.NewButtonWithIcon("选择保存位置…", theme.DocumentSaveIcon(), func() { f.chooseFile() })
	next.Importance = widget.HighImportance
	f.dlg.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), cancel), next})
	f.dlg.Resize(fyne.NewSize(560, 0))
	a.ShowForm(f.dlg, f.unsaved, nil)
}

// generate fills both fields with a new passphrase (four groups of four
// digits) and shows it, this once, to be written down.
func (f *handoverForm) generate() {
	pw := data.GeneratePassphrase()
	f.password.SetText(pw)
	f.confirm.SetText(pw)
	f.generated.SetText("密码：" + pw + "\n请现在抄写下来，当面交给接收人；关闭这个窗口后不会再显示。")
	f.generated.Show()
}

// generatedStillUsed hides the shown password once the field holds another.
func (f *handoverForm) generatedStillUsed() {
	if f.generated.Visible() && !strings.Contains(f.generated.Text, "："+f.password.Text+"\n") {
		f.generated.Hide()
	}
}

func (f *handoverForm) passwordChoice(on bool) {
	if on {
		f.password.Enable()
		f.confirm.Enable()
	} else {
		f.password.Disable()
		f.confirm.Disable()
	}
}

// chosenPassword is the password to use ("" for none), or why the two
// entries cannot be used.
func (f *handoverForm) chosenPassword() (string, error) {
	if !f.usePassword.Checked {
		return "", nil
	}
	if err := data.CheckHandoverPassword(f.password.Text); err != nil {
		return "", err
	}
	if f.password.Text != f.confirm.Text {
		return "", errors.New("两次输入的密码不一样，请重新输入")
	}
	return f.password.Text, nil
}

// chooseFile goes on to the save dialog with the chosen password, or says
// why it cannot (and reports whether it went on).
func (f *handoverForm) chooseFile() bool {
	password, err := f.chosenPassword()
	if err != nil {
		f.Message.SetText(err.Error())
		f.Message.Show()
		return false
	}
	f.dlg.Hide()
	f.a.ChooseFileToSave(handoverFileName(f.a, handoverExt), handoverExt, func(path string) {
		makeHandover(f.a, path, password)
	})
	return true
}

// makeHandover writes the package off the UI goroutine with a progress bar.
func makeHandover(a *core.App, path, password string) {
	var m handover.Manifest
	a.RunWithProgress("正在制作移交包", func(progress core.Progress) error {
		var err error
		m, err = a.Store.MakeHandover(path, data.HandoverOptions{Password: password, Progress: percent(progress)})
		return err
	}, func(err error) {
		if err != nil {
			a.ShowError("移交包没有制作完成", err)
			return
		}
		a.NotifyChanged() // the audit log has a new entry
		showHandoverMade(a, path, m, password != "")
	})
}

// percent turns a byte count into a progress bar of 100 steps.
func percent(progress core.Progress) func(done, total int64) {
	return func(done, total int64) {
		if total > 0 {
			progress(int(done*100/total), 100)
		}
	}
}

// showHandoverMade says what was written and offers the printed list.
func showHandoverMade(a *core.App, path string, m handover.Manifest, withPassword bool) {
	note := "未设密码：请妥善保管这个文件。"
	if withPassword {
		note = "已设密码：请把密码当面告知接收人，不要写在文件旁边。"
	}
	text := fmt.Sprintf("移交包已制作并校验完成：\n%s\n\n共 %d 个文件（含数据库），%s\n\n"+
		"建议同时导出移交清单，打印后由移交人、接收人、监交人签字。", core.WrapMessage(path), len(m.Files), note)
	d := dialog.NewCustomWithoutButtons("移交包已制作", widget.NewLabel(text), a.Window)
	list := widget.NewButtonWithIcon("导出移交清单…", theme.DocumentPrintIcon(), func() {
		d.Hide()
		ShowHandoverList(a, &reports.PackageRef{Name: filepath.Base(path), Size: sizeOf(path), Files: len(m.Files)})
	})
	list.Importance = widget.HighImportance
	folder := widget.NewButtonWithIcon("打开所在文件夹", theme.FolderOpenIcon(), func() {
		d.Hide()
		core.OpenFolder(a, filepath.Dir(path))
	})
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("关闭", d.Hide), folder, list})
	d.Show()
}

// ShowHandoverList exports the printable 移交清单; pkg names the package it
// goes with (nil when exported on its own).
func ShowHandoverList(a *core.App, pkg *reports.PackageRef) {
	a.ChooseFileToSave(handoverFileName(a, ".xlsx"), ".xlsx", func(path string) {
		opt := reports.HandoverListOptions{Today: a.Today(), Package: pkg}
		a.RunWithProgress("正在导出移交清单", func(progress core.Progress) error {
			opt.Progress = progress
			return reports.ExportHandoverList(path, a.Store, opt)
		}, func(err error) {
			if err != nil {
				a.ShowError("移交清单没有导出", err)
				return
			}
			a.ShowSaved("移交清单已导出到", path)
		})
	})
}

// handoverFileName is the suggested name: <支部名称>移交包_2026-06-15.poh.
func handoverFileName(a *core.App, ext string) string {
	name := "党支部"
	if b, err := a.Store.Branch(); err == nil && b.Name != "" {
		name = b.Name
	}
	kind := "移交包"
	if ext == ".xlsx" {
		kind = "移交清单"
	}
	return core.SafeFileName(name) + kind + "_" + a.Today().String() + ext
}

func sizeOf(path string) int64 {
	if st, err := os.Stat(path); err == nil {
		return st.Size()
	}
	return 0
}

// ShowReceiveHandover asks for a 移交包, checks it, shows what it holds and,
// after the user agreed, replaces the data with it. done runs after a
// successful replacement (the first-run wizard moves on then).
func ShowReceiveHandover(a *core.App, done func()) {
	a.ChooseFileToOpen("选择移交包（.poh）", packageExts, func(path string) {
		openPackage(a, path, "", done)
	})
}

// openPackage unpacks and checks the package off the UI goroutine; a
// package with a password asks for it (again, when it was wrong).
func openPackage(a *core.App, path, password string, done func()) {
	var in *data.Incoming
	a.RunWithProgress("正在核对移交包", func(progress core.Progress) error {
		var err error
		in, err = data.OpenIncoming(a.Store.Dir(), path, password, percent(progress))
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, handover.ErrNeedPassword):
			askPackagePassword(a, path, "", done)
		case errors.Is(err, handover.ErrWrongPassword):
			askPackagePassword(a, path, err.Error(), done)
		case err != nil:
			a.ShowError("无法接收这个移交包", err)
		default:
			confirmReceive(a, in, done)
		}
	})
}

// askPackagePassword asks for the package's password; problem says why it
// is asked again. A password typed is asked about (放弃修改？) before Esc,
// 取消 or closing the window throws it away, as in the other forms.
func askPackagePassword(a *core.App, path, problem string, done func()) {
	entry := widgets.NewPasswordFormEntry()
	var rows []fyne.CanvasObject
	if problem != "" {
		msg := widgets.WrappedLabel(problem)
		msg.Importance = widget.DangerImportance
		rows = append(rows, msg)
	}
	content := container.NewVBox(append(rows, widgets.NewFormField("密码", entry).Row)...)
	d := dialog.NewCustomWithoutButtons("移交包设有密码", content, a.Window)
	open := func() bool {
		d.Hide()
		openPackage(a, path, entry.Text, done)
		return true
	}
	unsaved := core.DialogForm("移交包的密码", d, content, nil, open)
	cancel := func() { a.AskLeave(unsaved) }
	entry.SetKeys(widgets.FormKeys{Escape: cancel})
	entry.OnSubmitted = func(string) { open() }
	openButton := widget.NewButtonWithIcon("打开", theme.ConfirmIcon(), func() { open() })
	openButton.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), cancel), openButton})
	d.Resize(fyne.NewSize(460, 0))
	a.ShowForm(d, unsaved, nil)
	a.Window.Canvas().Focus(entry)
}

// confirmReceive shows what the package holds and replaces the data only
// when the user says so; in is closed either way.
func confirmReceive(a *core.App, in *data.Incoming, done func()) {
	summary := widget.NewLabel(packageSummary(in))
	warning := widgets.WrappedLabel("接收后，本机现有的数据将被移交包中的数据替换。替换前会自动备份现有数据" +
		"（名称含“" + data.LabelBeforeReceive + "”），需要时可以在“设置与数据 → 数据与备份”中恢复。")
	warning.Importance = widget.DangerImportance
	content := container.NewBorder(nil, warning, nil, nil, container.NewVScroll(summary))
	d := dialog.NewCustomWithoutButtons("移交包校验通过", content, a.Window)
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() {
		d.Hide()
		in.Close()
	})
	replace := widget.NewButtonWithIcon("接收并替换现有数据", theme.ConfirmIcon(), func() {
		d.Hide()
		receive(a, in, done)
	})
	replace.Importance = widget.DangerImportance
	d.SetButtons([]fyne.CanvasObject{cancel, replace})
	d.Resize(fyne.NewSize(560, 520))
	d.Show()
}

// packageSummary is what the package holds, as the confirmation shows it.
func packageSummary(in *data.Incoming) string {
	m := in.Manifest
	var b strings.Builder
	fmt.Fprintf(&b, "文件：%s\n支部：%s\n", filepath.Base(in.Source), orDash(m.Branch))
	if !m.Created.IsZero() {
		fmt.Fprintf(&b, "制作时间：%s\n", m.Created.Local().Format("2006年1月2日 15:04"))
	}
	if m.CreatedBy != "" {
		fmt.Fprintf(&b, "制作人：%s\n", m.CreatedBy)
	}
	if m.AppVersion != "" {
		fmt.Fprintf(&b, "制作软件：党支部工作台 %s\n", m.AppVersion)
	}
	b.WriteString("\n其中的数据：\n")
	for _, c := range m.Counts {
		fmt.Fprintf(&b, "    %s：%d\n", c.Name, c.Count)
	}
	if in.Legacy {
		b.WriteString("    （旧版备份，只含数据，不含附件；现有附件保持不变）\n")
	} else {
		fmt.Fprintf(&b, "    附件：%d 个文件\n", in.Attachments())
	}
	b.WriteString("\n全部文件的校验值核对无误。")
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "（未填写）"
	}
	return s
}

// receive replaces the data with the package off the UI goroutine.
func receive(a *core.App, in *data.Incoming, done func()) {
	a.RunWithProgress("正在接收移交包", func(core.Progress) error {
		defer in.Close()
		return a.Store.Receive(in)
	}, func(err error) {
		if err != nil {
			a.ShowError("没有接收成功", err)
			return
		}
		a.NotifyChanged()
		if done != nil {
			done()
		}
		a.ShowInfo("接收完成", fmt.Sprintf("已接收%s的数据（%s）。原有数据已自动备份，需要时可以恢复。",
			in.Manifest.Branch, time.Now().Format("2006-01-02 15:04")))
	})
}

// newHandoverCard is the 移交 part of 设置与数据 → 数据与备份.
func newHandoverCard(a *core.App) fyne.CanvasObject {
	pack := widget.NewButtonWithIcon("制作移交包…", theme.UploadIcon(), func() { ShowMakeHandover(a) })
	list := core.NewExportButton(a, reports.ScreenHandover, nil)
	receive := widget.NewButtonWithIcon("接收移交包…", theme.DownloadIcon(), func() { ShowReceiveHandover(a, nil) })
	return widget.NewCard("工作移交", "换届或更换电脑时：把全部数据和附件做成一个移交包交给接收人，并打印移交清单签字。",
		container.NewHBox(pack, list, receive))
}
