package core

import (
	"image"
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/resources"
	"partyoffice/resources/appinfo"
	"partyoffice/ui/widgets"
)

// Screen is one section of the main window's navigation: its title, its
// icon and how to build it (once, on its first visit).
type Screen struct {
	Title string
	Icon  fyne.ThemeIconName
	Build func(a *App) fyne.CanvasObject
}

// Shell is what the main window is made of. It is assembled in one place
// (ui.Shell) and passed in, so core knows no feature package and a new screen
// is one entry in that list.
type Shell struct {
	// Screens is the navigation, top to bottom; it opens on the first.
	Screens []Screen
	// FileMenu are the 文件 menu's items above 退出.
	FileMenu func(a *App) []*fyne.MenuItem
	// FirstRun is shown instead of the screens on a store without branch
	// information; it calls done when the branch is set up.
	FirstRun func(a *App, done func())
	// Started runs once the screens are shown: it offers back work a crash
	// left unsaved (the minutes draft).
	Started func(a *App)
	// SignOut, on a server, closes this window and shows the sign-in window
	// (文件 → 切换用户…); forgetPassword (退出登录) also forgets the
	// remembered password, so the next start asks for it.
	SignOut func(forgetPassword bool)
	// OpenServer replaces this window by one on the server dsn (the
	// first-run wizard's 服务器 choice, once tested and saved); nil where
	// the window cannot (tests of single screens).
	OpenServer func(dsn string) error
}

// navWidth keeps the navigation as wide as its longest title plus some air,
// whatever the window size.
const navWidth = 176

// ShowMainWindow builds and shows the main window and returns it. On a store
// without branch information (the first start) it shows the first-run wizard
// first and the main content once the wizard is done.
func ShowMainWindow(app fyne.App, store *data.Store, shell Shell) fyne.Window {
	w := app.NewWindow(WindowTitle(store))
	w.SetIcon(resources.Icon)
	prefs := app.Preferences()
	state := LoadWindowState(prefs)
	w.Resize(StartSize(state))
	a := NewApp(store, w)
	a.window = rememberWindowState(w, prefs)
	SetUpMainWindow(a, shell)
	w.CenterOnScreen()
	w.Show()
	placeWindow(w, state)
	return w
}

// SetUpMainWindow fills a.Window: the menu, the screens (or the first-run
// wizard on a store without branch information) and the question before
// closing the window with typed work in a form (保存 / 放弃 / 继续编辑).
func SetUpMainWindow(a *App, shell Shell) {
	w := a.Window
	a.openServer = shell.OpenServer
	w.SetMainMenu(NewMainMenu(a, shell))
	showMain := func() {
		// The tracked layout remembers the window's size as it changes.
		w.SetContent(container.New(trackedLayout{a.window}, NewMainContent(a, shell.Screens).Object()))
		if shell.Started != nil {
			shell.Started(a)
		}
		a.EnforceReadOnly()
	}
	branch, err := a.Store.Branch()
	switch {
	case err != nil:
		showMain()
		a.ShowError("无法读取支部信息", err)
	case branch.Name == "" && shell.FirstRun != nil && !a.readOnly: // a 区管理员 sets up no branch
		shell.FirstRun(a, showMain)
	default:
		showMain()
	}
	w.SetCloseIntercept(func() { a.LeaveAll(w.Close) })
	a.catchEscape()
	a.watchReadOnly()
	AfterFirstFrame(w, a.FirstFrameDrawn)
}

// AfterFirstFrame runs fn on a new goroutine once w has drawn its content
// for the first time: the start-up work that may wait (the integrity check,
// the daily backup) then never delays the window or blocks its input. The
// signal is a 1×1 transparent raster under the content, whose image is made
// when it is first painted. Call it after SetContent.
func AfterFirstFrame(w fyne.Window, fn func()) {
	var once sync.Once
	marker := canvas.NewRaster(func(_, _ int) image.Image {
		once.Do(func() { go fn() })
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
	marker.Resize(fyne.NewSize(1, 1))
	w.SetContent(container.NewStack(container.NewWithoutLayout(marker), w.Content()))
}

// MainContent is the navigation list and the screen it selects.
type MainContent struct {
	app     *App
	entries []Screen
	current widget.ListItemID
	Nav     *widget.List
	Screens []fyne.CanvasObject // built on first visit, then kept so table state survives switching
	Content *fyne.Container
}

// NewMainContent is the navigation on the left and the selected screen on
// the right; it opens on the first screen.
func NewMainContent(a *App, screens []Screen) *MainContent {
	m := &MainContent{app: a, entries: screens, Screens: make([]fyne.CanvasObject, len(screens)),
		Content: container.NewStack()}
	m.Nav = widget.NewList(
		func() int { return len(m.entries) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.Icon(theme.IconNameHome)), widget.NewLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(theme.Icon(m.entries[id].Icon))
			row.Objects[1].(*widget.Label).SetText(m.entries[id].Title)
		})
	m.current = -1
	m.Nav.OnSelected = m.switchTo
	m.Nav.Select(0)
	a.goTo = m.goTo
	return m
}

// Object is the navigation beside the content.
func (m *MainContent) Object() fyne.CanvasObject {
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(navWidth, 0))
	left := container.NewHBox(container.NewStack(width, m.Nav), widget.NewSeparator())
	var top fyne.CanvasObject
	if m.app.readOnly {
		top = readOnlyBanner()
	}
	return container.NewBorder(top, nil, left, nil, m.Content)
}

// switchTo is a tap in the navigation: a form with typed work is asked
// about first (保存 / 放弃 / 继续编辑); the navigation keeps showing the
// current screen until then, and stays on it after 继续编辑.
func (m *MainContent) switchTo(id widget.ListItemID) {
	if id == m.current {
		return
	}
	if m.current >= 0 && m.app.HasUnsaved() {
		m.Nav.Select(m.current)
		m.app.LeaveAll(func() { m.Nav.Select(id) })
		return
	}
	m.show(id)
}

// show switches to screen id, building it on its first visit.
func (m *MainContent) show(id widget.ListItemID) {
	if id < 0 || id >= len(m.entries) {
		return
	}
	m.current = id
	if m.Screens[id] == nil {
		m.Screens[id] = m.entries[id].Build(m.app)
	}
	m.Content.Objects = []fyne.CanvasObject{m.Screens[id]}
	m.Content.Refresh()
	m.app.EnforceReadOnly()
}

// goTo selects the screen titled screen and shows its part.
func (m *MainContent) goTo(screen, part string) {
	for i, e := range m.entries {
		if e.Title != screen {
			continue
		}
		m.Nav.Select(i)
		if p, ok := m.Screens[i].(Parted); ok && part != "" {
			p.ShowPart(part)
		}
		return
	}
}

// NewMainMenu is the window menu: 文件 (the shell's items, then 退出) and 帮助.
func NewMainMenu(a *App, shell Shell) *fyne.MainMenu {
	// 退出 asks about typed work first, as closing the window does.
	quit := fyne.NewMenuItem("退出", func() { a.LeaveAll(fyne.CurrentApp().Quit) })
	quit.IsQuit = true
	var items []*fyne.MenuItem
	if shell.FileMenu != nil {
		items = append(shell.FileMenu(a), fyne.NewMenuItemSeparator())
	}
	if shell.SignOut != nil && a.Store.OnServer() {
		// Asked about typed work first, as 退出 is.
		items = append(items,
			fyne.NewMenuItem("切换用户…", func() { a.LeaveAll(func() { shell.SignOut(false) }) }),
			fyne.NewMenuItem("退出登录", func() { a.LeaveAll(func() { shell.SignOut(true) }) }),
			fyne.NewMenuItemSeparator())
	}
	file := fyne.NewMenu("文件", append(items, quit)...)
	help := fyne.NewMenu("帮助", fyne.NewMenuItem("关于", func() { ShowAbout(a) }))
	return fyne.NewMainMenu(file, help)
}

// ShowAbout names the version, where the data lives (what the district IT
// person asks first) and the licence of the bundled font.
func ShowAbout(a *App) {
	name := widget.NewLabelWithStyle(appinfo.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	version := widget.NewLabel("版本 " + data.AppVersion)
	folder := widgets.WrappedLabel("数据文件夹：" + a.Store.Dir())
	folder.Selectable = true
	font := widgets.WrappedLabel("界面字体为 Noto Sans CJK SC（思源黑体）的子集，" +
		"依照 SIL 开放字体许可证 1.1（OFL）随本软件免费分发。")
	d := dialog.NewCustom("关于", "好的", container.NewVBox(name, version, folder, font), a.Window)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}
