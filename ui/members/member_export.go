package members

import (
	"partyoffice/reports"
	"partyoffice/ui/core"
)

// ShowExportMembers exports the 党员名册 through the shared export dialog
// (截至日期, 隐藏身份证号 …; core.ShowExport), as the 文件 menu and the
// 工作台 offer it.
func ShowExportMembers(a *core.App) {
	e, _ := reports.FindExport("members")
	core.ShowExport(a, e, nil)
}

// exportMembersTo is the export itself, callable without any dialog.
func exportMembersTo(a *core.App, path string, opt reports.ExportOptions, progress core.Progress) error {
	opt.Progress = progress
	return reports.ExportMembers(path, a.Store, opt)
}
