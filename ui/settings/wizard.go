package settings

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/demo"
	"partyoffice/ui/core"
	"partyoffice/ui/members"
	"partyoffice/ui/widgets"
)

// wizardStart is one way to begin on the second page of the first-run
// wizard. Run gets the wizard's done, to call once the main window should
// take over. A later feature (从移交包接收) adds its entry to wizardStarts.
type wizardStart struct {
	Title  string
	Detail string
	Icon   fyne.ThemeIconName
	Run    func(a *core.App, done func())
}

var wizardStarts = []wizardStart{
	{"从Excel导入", "已有党员名册表格（Excel 或 WPS）的，选这一项，按表格导入全部党员。",
		theme.IconNameUpload, func(a *core.App, done func()) {
			finishWizard(a, done)
			members.ShowImportMembers(a)
		}},
	{"载入示例数据", "先用一所示例学校的数据熟悉软件。支部信息也会换成示例学校的；" +
		"载入前会自动备份，正式使用前可从那份备份恢复，回到现在的状态。",
		theme.IconNameStorage, loadDemoData},
	{"从移交包接收", "从上一任书记那里拿到了移交包文件（.poh）的，选这一项：核对无误后，" +
		"全部数据和附件原样接收（支部信息也以移交包中的为准）。",
		theme.IconNameDownload, func(a *core.App, done func()) {
			ShowReceiveHandover(a, func() { finishWizard(a, done) })
		}},
	{"从空白开始", "不导入任何数据，以后在“党员名册”中逐个录入党员。",
		theme.IconNameContentAdd, finishWizard},
}

// finishWizard hands over to the main window and lets every screen load.
func finishWizard(a *core.App, done func()) {
	done()
	a.NotifyChanged()
}

// loadDemoData fills the store with the demo school, after a backup so the
// user can return to the empty state.
func loadDemoData(a *core.App, done func()) {
	today := a.Today()
	a.RunWithProgress("正在载入示例数据", func(core.Progress) error { return fillDemo(a.Store, today) }, func(err error) {
		if err != nil {
			a.ShowError("示例数据没有载入", err)
			return
		}
		finishWizard(a, done)
		a.ShowInfo("示例数据已载入", "支部信息已换成示例学校的，可在“设置与数据”中修改。"+
			"正式使用前，可在“设置与数据 → 数据与备份”中从名称含“载入示例前”的备份恢复，回到载入前的状态。")
	})
}

// fillDemo is the synchronous half of loadDemoData.
func fillDemo(s *data.Store, today civil.Date) error {
	if _, err := s.Backup("载入示例前"); err != nil {
		return err
	}
	return demo.Fill(s, today)
}

// wizard is the first-run wizard: the branch information, then how to start.
type wizard struct {
	app     *core.App
	done    func()
	editor  *branchEditor
	local   *widget.Check // the 区/市 local requirements
	people  int64         // people already in the folder: then only the branch is asked
	Message *widget.Label // why 下一步 refused
	page    *fyne.Container
}

// ShowFirstRunWizard fills the window with the first-run wizard; done runs
// when the user has chosen how to start and the main window should show.
func ShowFirstRunWizard(a *core.App, done func()) {
	w := &wizard{app: a, done: done, page: container.NewStack()}
	w.editor = newBranchEditor(false, branchName, branchSuperior, branchUnit,
		branchSecretary, branchOrganization, branchPhone)
	if b, err := a.Store.Branch(); err == nil {
		w.editor.show(b)
	}
	w.people, _ = a.Store.CountPeople()
	w.local = widget.NewCheck("检查区/市的本地要求", nil)
	w.local.Checked = false // a new branch starts with the national rules only (data.LocalRequirements)
	w.Message = widget.NewLabel("")
	w.Message.Importance = widget.DangerImportance
	w.Message.Hide()
	if w.asksLocation() {
		w.showLocationPage()
	} else {
		w.showBranchPage()
	}
	a.Window.SetContent(container.NewVScroll(container.New(centeredColumn{width: 640}, w.page)))
}

// asksLocation says whether the wizard begins with where the data lives:
// on a new data folder of a window that can move onto a server. On a
// server (its branch without 支部信息 yet) it is answered already.
func (w *wizard) asksLocation() bool {
	return !w.app.Store.OnServer() && w.people == 0 && w.app.CanOpenServer()
}

// showLocationPage is the wizard's first question: 本机文件 (the default,
// for almost every school) or a server of the school's or district's IT
// (docs/ARCHITECTURE.md#two-backends).
func (w *wizard) showLocationPage() {
	local := widget.NewButtonWithIcon("本机文件（默认，推荐）", theme.ComputerIcon(), w.showBranchPage)
	local.Importance = widget.HighImportance
	local.Alignment = widget.ButtonAlignLeading
	server := widget.NewButtonWithIcon("服务器", theme.StorageIcon(), w.showServerPage)
	server.Alignment = widget.ButtonAlignLeading
	choice := func(b *widget.Button, detail string) fyne.CanvasObject {
		return widget.NewCard("", "", container.NewBorder(nil, nil, widgets.Columns([]float32{220}, b), nil, widgets.WrappedLabel(detail)))
	}
	w.setPage("欢迎使用党支部工作台", "第一步：选择数据放在哪里。以后可以在“设置与数据 → 数据位置”中更改。",
		choice(local, "数据保存在这台电脑的数据文件夹中。只在一台电脑上使用的，选这一项。"),
		choice(server, "数据保存在学校或区里信息中心的数据库服务器上，几台电脑共用同一份数据。"+
			"需要信息中心给的服务器地址、数据库名称、登录名和密码。"))
}

// showServerPage asks for the server; once it answered and was saved, the
// window moves onto it (and asks the branch's questions there when the
// server's branch has no 支部信息 yet).
func (w *wizard) showServerPage() {
	var form *serverForm
	form = newServerForm("测试连接并使用这个服务器", w.app.Store.Dir(), func(dsn string) {
		if err := w.app.OpenServer(dsn); err != nil {
			form.status.SetText("无法打开服务器上的数据：" + err.Error())
		}
	})
	back := widget.NewButtonWithIcon("上一步", theme.NavigateBackIcon(), w.showLocationPage)
	w.setPage("使用数据库服务器", "填写信息中心给的服务器地址、数据库、登录名和密码，或者一整条连接串。服务器支持加密连接时自动加密。", form.object(), container.NewHBox(back))
}

// step names the n-th step of the branch's questions, counting the
// location question before them when it is asked.
func (w *wizard) step(n int) string {
	if w.asksLocation() {
		n++
	}
	return "第" + []string{"一", "二", "三"}[n-1] + "步"
}

func (w *wizard) showBranchPage() {
	e := w.editor
	form := widget.NewForm(e.items(branchName, branchSuperior, branchUnit, branchSecretary,
		branchOrganization, branchPhone)...)
	form.Append("", e.noCommittee)
	nextLabel, guidance := "下一步", w.step(1)+"：填写本支部的基本信息。只有支部名称必须填写，其余可以以后在“设置与数据”中补充。"
	if w.people > 0 {
		// The folder already holds the register (copied over, or restored
		// without 支部信息): nothing to import, only the branch to name.
		nextLabel = "完成"
		guidance = fmt.Sprintf("数据文件夹中已有 %d 人的记录，只需填写本支部的基本信息。只有支部名称必须填写。", w.people)
	}
	next := widget.NewButtonWithIcon(nextLabel, theme.NavigateNextIcon(), w.saveBranch)
	next.Importance = widget.HighImportance
	next.IconPlacement = widget.ButtonIconTrailingText
	// A successor with a 移交包 need not type what the package brings.
	receive := widget.NewButtonWithIcon("已有移交包？直接接收…", theme.DownloadIcon(), func() {
		ShowReceiveHandover(w.app, func() { finishWizard(w.app, w.done) })
	})
	receive.Importance = widget.LowImportance
	w.setPage("欢迎使用党支部工作台", guidance,
		form, widget.NewSeparator(), w.local, widgets.WrappedLabel(localRequirementsText), w.Message,
		container.NewHBox(receive, layout.NewSpacer(), next))
}

// saveBranch stores the typed branch information and moves on; the store's
// own check explains what is missing.
func (w *wizard) saveBranch() {
	// The choice is written first: the first save of 支部信息 would otherwise
	// record "off" (data.defaultLocalOff).
	if err := w.app.Store.SetLocalRequirements(w.local.Checked); err != nil {
		w.Message.SetText(err.Error())
		w.Message.Show()
		return
	}
	if err := w.editor.saveInto(w.app.Store); err != nil {
		w.Message.SetText(err.Error())
		w.Message.Show()
		return
	}
	w.Message.Hide()
	if w.people > 0 {
		finishWizard(w.app, w.done)
		return
	}
	w.showStartPage()
}

// localRequirementsText explains each local requirement, so the choice is
// an informed one (domain.md §9: they are the 区/市's, not the 党章's).
const localRequirementsText = "勾选后，除全国统一的要求外，还按本地（区/市）的要求检查并提醒：" +
	"① 意识形态工作专题会议：支委会每半年至少1次；" +
	"② 集中学习：全体党员每月1次；" +
	"③ 思政课：书记每学期听课4次、授课4课时；" +
	"④ 优秀青年教师：每年发展1名优秀青年教师入党。" +
	"不勾选则只检查全国统一的要求。以后可以在“设置与数据”中更改。"

func (w *wizard) showStartPage() {
	choices := container.NewVBox()
	for _, s := range wizardStarts {
		b := widget.NewButtonWithIcon(s.Title, theme.Icon(s.Icon), func() { s.Run(w.app, w.done) })
		b.Alignment = widget.ButtonAlignLeading
		choices.Add(widget.NewCard("", "", container.NewBorder(nil, nil, widgets.Columns([]float32{180}, b), nil, widgets.WrappedLabel(s.Detail))))
	}
	back := widget.NewButtonWithIcon("上一步", theme.NavigateBackIcon(), w.showBranchPage)
	w.setPage("录入党员", w.step(2)+"：选择从哪里开始。以后随时可以在“党员名册”中导入或录入。",
		choices, container.NewHBox(back))
}

// setPage shows a page: a title, a line of guidance, then its content.
func (w *wizard) setPage(title, guidance string, content ...fyne.CanvasObject) {
	heading := canvas.NewText(title, theme.Color(theme.ColorNamePrimary))
	heading.TextSize = 26
	heading.TextStyle.Bold = true
	objects := append([]fyne.CanvasObject{heading, widgets.WrappedLabel(guidance), widget.NewSeparator()}, content...)
	w.page.Objects = []fyne.CanvasObject{container.NewVBox(objects...)}
	w.page.Refresh()
}

// centeredColumn lays its content out as a column of at most width, centred
// horizontally, with some air above: a form across a 1200-pixel window is
// hard to read.
type centeredColumn struct{ width float32 }

const centeredColumnTop = 32

func (c centeredColumn) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		s = s.Max(o.MinSize())
	}
	return s.AddWidthHeight(2*theme.Padding(), centeredColumnTop+theme.Padding())
}

func (c centeredColumn) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := min(c.width, size.Width-2*theme.Padding())
	for _, o := range objects {
		o.Resize(fyne.NewSize(w, size.Height-centeredColumnTop-theme.Padding()))
		o.Move(fyne.NewPos((size.Width-w)/2, centeredColumnTop))
	}
}
