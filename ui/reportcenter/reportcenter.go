// Package reportcenter is the 报表中心: the 上报 pack (one action for the
// registers and statistics sent upward), the year-end archive PDF, filling
// a district's own template, and — for a district office — the 汇总 of the
// packs its branches send (docs/ARCHITECTURE.md, "The 上报 pack").
package reportcenter

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"partyoffice/ui/core"
)

// Tab titles, also what tests look for.
const (
	TabPack     = "上报材料"
	TabTemplate = "上级模板"
	TabMerge    = "区级汇总"
	TabBranches = "各支部"
)

// NewReportCenter is the screen: one tab each for the pack, the district's
// template and the 汇总, and for a user who reads every branch of a server
// the 各支部.
func NewReportCenter(a *core.App) fyne.CanvasObject {
	_, pack := newPackView(a)
	_, template := newTemplateView(a)
	_, merge := newMergeView(a)
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon(TabPack, theme.DocumentIcon(), pack),
		container.NewTabItemWithIcon(TabTemplate, theme.GridIcon(), template),
		container.NewTabItemWithIcon(TabMerge, theme.StorageIcon(), merge),
	)
	if readsEveryBranch(a.Store) {
		_, branches := newBranchesView(a)
		tabs.Append(container.NewTabItemWithIcon(TabBranches, theme.ListIcon(), branches))
	}
	return tabs
}
