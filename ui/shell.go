// Package ui assembles the window from its parts: ui/core (App, main window,
// navigation, theme, dialogs), ui/widgets (the data table, form kit, date
// field) and one package per feature. This file is the one place that lists
// the screens and the 文件 menu; see docs/ARCHITECTURE.md, "Adding a screen".
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/dashboard"
	"partyoffice/ui/development"
	"partyoffice/ui/dues"
	"partyoffice/ui/meetings"
	"partyoffice/ui/members"
	"partyoffice/ui/reportcenter"
	"partyoffice/ui/settings"
	"partyoffice/ui/statistics"
	"partyoffice/ui/yearwork"
)

// Shell is the navigation, top to bottom, the 文件 menu and the first-run
// wizard. A new feature adds its screen by adding one entry here (党费, 台账
// and 报表 belong between 三会一课 and 操作日志, in that order). A section that
// is not built yet is simply not listed, so no user ever meets a placeholder.
func Shell() core.Shell {
	return core.Shell{
		Screens: []core.Screen{
			{Title: "工作台", Icon: theme.IconNameHome, Build: dashboard.NewDashboard},
			{Title: "党员名册", Icon: theme.IconNameAccount, Build: members.NewMembersScreen},
			{Title: "发展党员", Icon: theme.IconNameMoveUp, Build: development.NewDevelopmentScreen},
			{Title: "三会一课", Icon: theme.IconNameCalendar, Build: meetings.NewMeetingsScreen},
			{Title: "党费", Icon: theme.IconNameStorage, Build: dues.NewDuesScreen},
			{Title: "台账", Icon: theme.IconNameFolder, Build: yearwork.NewLedgerScreen},
			{Title: "报表中心", Icon: theme.IconNameDocument, Build: reportcenter.NewReportCenter},
			{Title: "党内统计", Icon: theme.IconNameGrid, Build: statistics.NewStatisticsScreen},
			{Title: "操作日志", Icon: theme.IconNameList, Build: settings.NewAuditLogScreen},
			{Title: "设置与数据", Icon: theme.IconNameSettings, Build: settings.NewSettingsScreen},
		},
		FileMenu: fileMenu,
		FirstRun: settings.ShowFirstRunWizard,
		Started:  meetings.OfferMinutesDraft,
	}
}

// fileMenu are the 文件 menu's own items.
func fileMenu(a *core.App) []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem("导入党员名册…", func() { members.ShowImportMembers(a) }),
		fyne.NewMenuItem("导出党员名册…", func() { members.ShowExportMembers(a) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("立即备份", func() { settings.StartBackup(a) }),
	}
}

// ShowMainWindow shows the main window of the whole app on store.
func ShowMainWindow(app fyne.App, store *data.Store) fyne.Window {
	return ShowWindowWith(app, store, Hooks{})
}

// Hooks are what the program's window can do beyond the screens: sign out
// of a server (文件 → 切换用户, 退出登录) and move onto one (the first-run
// wizard's 服务器). See core.Shell.
type Hooks struct {
	SignOut    func(forgetPassword bool)
	OpenServer func(dsn string) error
}

// ShowWindowWith is ShowMainWindow with the program's hooks.
func ShowWindowWith(app fyne.App, store *data.Store, hooks Hooks) fyne.Window {
	shell := Shell()
	shell.SignOut, shell.OpenServer = hooks.SignOut, hooks.OpenServer
	w := core.ShowMainWindow(app, store, shell)
	settings.WarnNetworkShare(w, store.Dir(), app.Quit)
	return w
}
