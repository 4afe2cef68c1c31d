package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/resources"
)

// navEntry is one section of the main window's navigation.
type navEntry struct {
	Title string
	Icon  fyne.ThemeIconName
	Build func(a *App) fyne.CanvasObject
}

// navEntries is the navigation, top to bottom. A later feature adds its
// screen by adding one entry here (发展党员, 三会一课, 党费, 台账 and 报表
// belong between 党员名册 and 设置与数据, in that order). A section that is not
// built yet is simply not listed, so no user ever meets a placeholder.
var navEntries = []navEntry{
	{"工作台", theme.IconNameHome, NewDashboard},
	{"党员名册", theme.IconNameAccount, NewMembersScreen},
	{"发展党员", theme.IconNameMoveUp, NewDevelopmentScreen},
	{"三会一课", theme.IconNameCalendar, NewMeetingsScreen},
	{"操作日志", theme.IconNameList, NewAuditLogScreen},
	{"设置与数据", theme.IconNameSettings, NewSettingsScreen},
}

// navWidth keeps the navigation as wide as its longest title plus some air,
// whatever the window size.
const navWidth = 176

// ShowMainWindow builds and shows the main window and returns it. On a store
// without branch information (the first start) it shows the first-run wizard
// first and the main content once the wizard is done.
func ShowMainWindow(app fyne.App, store *data.Store) fyne.Window {
	w := app.NewWindow("党支部工作台")
	w.SetIcon(resources.Icon)
	w.Resize(fyne.NewSize(1200, 760))
	a := NewApp(store, w)
	w.SetMainMenu(newMainMenu(a))
	showMain := func() { w.SetContent(NewMainContent(a)) }
	branch, err := store.Branch()
	switch {
	case err != nil:
		showMain()
		a.ShowError("无法读取支部信息", err)
	case branch.Name == "":
		ShowFirstRunWizard(a, showMain)
	default:
		showMain()
	}
	w.CenterOnScreen()
	w.Show()
	return w
}

// mainContent is the navigation list and the screen it selects.
type mainContent struct {
	app     *App
	nav     *widget.List
	screens []fyne.CanvasObject // built on first visit, then kept so table state survives switching
	content *fyne.Container
}

// NewMainContent is the navigation on the left and the selected screen on
// the right; it opens on 工作台.
func NewMainContent(a *App) fyne.CanvasObject { return newMainContent(a).object() }

func newMainContent(a *App) *mainContent {
	m := &mainContent{app: a, screens: make([]fyne.CanvasObject, len(navEntries)), content: container.NewStack()}
	m.nav = widget.NewList(
		func() int { return len(navEntries) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.Icon(theme.IconNameHome)), widget.NewLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(theme.Icon(navEntries[id].Icon))
			row.Objects[1].(*widget.Label).SetText(navEntries[id].Title)
		})
	m.nav.OnSelected = m.show
	m.nav.Select(0)
	return m
}

// object is the navigation beside the content.
func (m *mainContent) object() fyne.CanvasObject {
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(navWidth, 0))
	left := container.NewHBox(container.NewStack(width, m.nav), widget.NewSeparator())
	return container.NewBorder(nil, nil, left, nil, m.content)
}

// show switches to screen id, building it on its first visit.
func (m *mainContent) show(id widget.ListItemID) {
	if id < 0 || id >= len(navEntries) {
		return
	}
	if m.screens[id] == nil {
		m.screens[id] = navEntries[id].Build(m.app)
	}
	m.content.Objects = []fyne.CanvasObject{m.screens[id]}
	m.content.Refresh()
}

// newMainMenu is the window menu: 文件 and 帮助.
func newMainMenu(a *App) *fyne.MainMenu {
	// An IsQuit item with no action is wired by the driver to a clean quit.
	quit := fyne.NewMenuItem("退出", nil)
	quit.IsQuit = true
	file := fyne.NewMenu("文件",
		fyne.NewMenuItem("导入党员名册…", func() { ShowImportMembers(a) }),
		fyne.NewMenuItem("导出党员名册…", func() { ShowExportMembers(a) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("立即备份", func() { startBackup(a) }),
		fyne.NewMenuItemSeparator(),
		quit)
	help := fyne.NewMenu("帮助", fyne.NewMenuItem("关于", func() { showAbout(a) }))
	return fyne.NewMainMenu(file, help)
}

// showAbout names the version, where the data lives (what the district IT
// person asks first) and the licence of the bundled font.
func showAbout(a *App) {
	name := widget.NewLabelWithStyle("党支部工作台", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	version := widget.NewLabel("版本 " + data.AppVersion)
	folder := wrappedLabel("数据文件夹：" + a.Store.Dir())
	folder.Selectable = true
	font := wrappedLabel("界面字体为 Noto Sans CJK SC（思源黑体）的子集，" +
		"依照 SIL 开放字体许可证 1.1（OFL）随本软件免费分发。")
	d := dialog.NewCustom("关于", "好的", container.NewVBox(name, version, folder, font), a.Window)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// wrappedLabel is a label that breaks long Chinese text (which has no spaces
// to wrap at) anywhere, so it never widens its container.
func wrappedLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapBreak
	return l
}
