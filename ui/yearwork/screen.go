package yearwork

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/yearwork"
	"partyoffice/ui/core"
	"partyoffice/ui/registers"
)

// Screen is the 台账 screen: a year at the top, a tab per register group.
type Screen struct {
	app     *core.App
	year    *registers.YearSelect
	Tabs    *container.AppTabs
	reloads []func()
}

// ledgerTitle is the screen's title in the navigation (ui.Shell).
const ledgerTitle = "台账"

// NewLedgerScreen is the 台账 screen of the navigation. The 年度目标 card
// opens its tabs (core.Parted).
func NewLedgerScreen(a *core.App) fyne.CanvasObject {
	s := newScreen(a)
	v := &view{screen: s, content: s.object()}
	v.ExtendBaseWidget(v)
	return v
}

// view is the screen as a widget, so the navigation can open a tab.
type view struct {
	widget.BaseWidget
	screen  *Screen
	content fyne.CanvasObject
}

func (v *view) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(v.content) }

// Held lets a read-only window find the screen's buttons (widgets.Holder).
func (v *view) Held() []fyne.CanvasObject { return []fyne.CanvasObject{v.content} }

// ShowPart selects the tab titled part (a tab inside a tab too).
func (v *view) ShowPart(part string) { selectTab(v.screen.Tabs, part) }

func selectTab(tabs *container.AppTabs, title string) bool {
	for _, item := range tabs.Items {
		if item.Text == title {
			tabs.Select(item)
			return true
		}
		if inner, ok := item.Content.(*container.AppTabs); ok && selectTab(inner, title) {
			tabs.Select(item)
			return true
		}
	}
	return false
}

func newScreen(a *core.App) *Screen {
	s := &Screen{app: a}
	s.year = registers.NewYearSelect(a, s.reload)
	s.Tabs = container.NewAppTabs(
		container.NewTabItem("培训", vsplit(addList(s, trainingSpec()), s.hoursTable())),
		container.NewTabItem("谈心谈话", vsplit(addList(s, talkSpec()), s.coverageTable())),
		container.NewTabItem("责任清单", vsplit(addList(s, taskSpec()), addList(s, reviewSpec()))),
		container.NewTabItem("三帐二单一图", container.NewAppTabs(
			container.NewTabItem("工作事项台账", addList(s, workItemSpec())),
			container.NewTabItem("问题整改台账", addList(s, problemSpec())),
			container.NewTabItem("优化前后对比台账", addList(s, improvementSpec())),
			container.NewTabItem("一次性告知单", s.noticeList()),
			container.NewTabItem("工作流程图", flowcharts(a)),
		)),
		container.NewTabItem("民主评议", vsplit(addList(s, appraisalSpec()), s.gradeTable())),
		container.NewTabItem("党建品牌", container.NewAppTabs(
			container.NewTabItem("党建品牌", addList(s, brandSpec())),
			container.NewTabItem("党员先锋岗", addList(s, vanguardSpec())),
			container.NewTabItem("评星定级", addList(s, starSpec())),
		)),
	)
	s.reload()
	a.OnChange(s.reload)
	return s
}

func (s *Screen) object() fyne.CanvasObject {
	top := container.NewHBox(widget.NewLabel("年度"), s.year,
		widget.NewButtonWithIcon("导入…", theme.UploadIcon(), func() { registers.ShowYearImport(s.app, notDues) }),
		widget.NewButtonWithIcon("导出…", theme.DownloadIcon(), func() { registers.ShowYearExport(s.app, s.Year(), notDues) }))
	return container.NewBorder(top, nil, nil, nil, s.Tabs)
}

// notDues leaves the 党费 workbooks to the 党费 screen.
func notDues(kind string) bool { return !strings.HasPrefix(kind, "dues") }

// Year is the year chosen at the top.
func (s *Screen) Year() int { return s.year.Year() }

func (s *Screen) reload() {
	for _, r := range s.reloads {
		r()
	}
}

func vsplit(top, bottom fyne.CanvasObject) fyne.CanvasObject {
	sp := container.NewVSplit(top, bottom)
	sp.SetOffset(0.55)
	return sp
}

// addList puts a register's list on the screen, reloaded with the year.
func addList[T any](s *Screen, spec registers.Spec[T]) fyne.CanvasObject {
	l := registers.NewList(s.app, spec, s.Year)
	s.reloads = append(s.reloads, l.Reload)
	return l.Object()
}

// loadYearwork reads every yearly register for the computed tables.
func loadYearwork(s *data.Store) (*yearwork.Data, error) { return yearwork.Load(s) }
