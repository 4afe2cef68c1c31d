// Package dues is the 党费 screen: each member's months of a year (实缴 per
// month, 应缴 and 实缴 for the year, 缴至, arrears highlighted), and the
// records they are computed from (payments, 核定基数, 困难减免), entered in
// 元 and kept in fen. The computation is package data/dues; the columns are
// the registers of package reports, as in the Excel workbooks.
package dues

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/dues"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/registers"
	"partyoffice/ui/widgets"
)

// Arrears thresholds (党章第九条; docs/rules.md, DUES-…): a reminder at
// three consecutive unpaid months, an error at six.
const (
	arrearsReminder = 3
	arrearsError    = 6
)

// Screen is the 党费 screen.
type Screen struct {
	app      *core.App
	year     *registers.YearSelect
	summary  *widget.Label
	grid     *widgets.Table[reports.DuesYearRow]
	members  map[string]*dues.Member // by name, for the month cells' colours
	through  dues.Month              // the last month that has ended, in the year shown
	payments *registers.List[reports.DuesPaymentRow]
	bases    *registers.List[reports.DuesBaseRow]
	reliefs  *registers.List[data.DuesRelief]
	Tabs     *container.AppTabs
}

// NewDuesScreen is the 党费 screen of the navigation.
func NewDuesScreen(a *core.App) fyne.CanvasObject { return newScreen(a).object() }

func newScreen(a *core.App) *Screen {
	s := &Screen{app: a, summary: widgets.WrappedLabel("")}
	s.grid = widgets.NewTable(widgets.TableConfig[reports.DuesYearRow]{
		Columns: reports.DuesYearRegister().Columns, Numbered: true, Sticky: 2,
		ID: func(*reports.DuesYearRow) uint { return 0 }, Prefs: "dues.year", Highlight: s.highlight})
	s.payments = registers.NewList(a, paymentSpec(), s.Year)
	s.bases = registers.NewList(a, baseSpec(), s.Year)
	s.reliefs = registers.NewList(a, reliefSpec(), s.Year)
	s.Tabs = container.NewAppTabs(
		container.NewTabItem("缴纳记录", s.payments.Object()),
		container.NewTabItem("核定基数", s.bases.Object()),
		container.NewTabItem("困难减免", s.reliefs.Object()))
	s.year = registers.NewYearSelect(a, s.reload)
	s.reload()
	a.OnChange(s.reload)
	return s
}

func (s *Screen) object() fyne.CanvasObject {
	top := container.NewHBox(widget.NewLabel("年度"), s.year,
		widget.NewButtonWithIcon("记录缴费…", theme.ContentAddIcon(), s.payments.Add),
		widget.NewButtonWithIcon("导入…", theme.UploadIcon(), func() { registers.ShowYearImport(s.app, isDues) }),
		widget.NewButtonWithIcon("导出…", theme.DownloadIcon(), func() { registers.ShowYearExport(s.app, s.Year(), isDues) }))
	grid := container.NewBorder(s.summary, nil, nil, nil, s.grid.Widget())
	split := container.NewVSplit(grid, s.Tabs)
	split.SetOffset(0.55)
	return container.NewBorder(top, nil, nil, nil, split)
}

// isDues picks the 党费 workbooks and imports from the yearly lists.
func isDues(kind string) bool { return strings.HasPrefix(kind, "dues") }

// Year is the year chosen at the top.
func (s *Screen) Year() int { return s.year.Year() }

func (s *Screen) reload() {
	d, err := dues.Load(s.app.Store)
	if err != nil {
		s.app.ShowError("党费记录无法读取", err)
		return
	}
	year, today := s.Year(), s.app.Today()
	_, to := dues.YearMonths(year)
	l := dues.Compute(d, to)
	s.members = map[string]*dues.Member{}
	for _, m := range l.Members {
		s.members[m.Person.Name] = m
	}
	s.through = min(to, dues.MonthOf(today)-1)
	rows := reports.DuesYearRows(l, year, today)
	s.grid.SetRows(rows)
	s.summary.SetText(summaryText(rows))
	s.payments.Reload()
	s.bases.Reload()
	s.reliefs.Reload()
}

// summaryText is the year in one line: totals (the 合计 row, last) and
// who is behind.
func summaryText(rows []reports.DuesYearRow) string {
	total := rows[len(rows)-1]
	behind, long := 0, 0
	for _, r := range rows[:len(rows)-1] {
		if r.Unpaid >= arrearsReminder {
			behind++
		}
		if r.Unpaid >= arrearsError {
			long++
		}
	}
	text := fmt.Sprintf("全年应缴 %s 元，实缴 %s 元；%d 人连续 %d 个月以上未缴", data.Yuan(total.DueFen),
		data.Yuan(total.PaidFen), behind, arrearsReminder)
	if long > 0 {
		text += fmt.Sprintf("（其中 %d 人 %d 个月以上，按党章第九条应予处理）", long, arrearsError)
	}
	return text
}

// highlight colours a month that was due and is not paid (once it has
// ended), and the 连续未缴月数 at three (warning) and six (error) months.
func (s *Screen) highlight(r *reports.DuesYearRow, header string) widget.Importance {
	if header == "连续未缴月数" {
		switch {
		case r.Unpaid >= arrearsError:
			return widget.DangerImportance
		case r.Unpaid >= arrearsReminder:
			return widget.WarningImportance
		}
		return widget.MediumImportance
	}
	m := s.members[r.Name]
	month, err := strconv.Atoi(strings.TrimSuffix(header, "月"))
	if m == nil || err != nil || !strings.HasSuffix(header, "月") {
		return widget.MediumImportance
	}
	from, _ := dues.YearMonths(s.Year())
	mo := from + dues.Month(month-1)
	if c := m.Cell(mo); mo <= s.through && c.Liable && !c.Paid() {
		return widget.DangerImportance
	}
	return widget.MediumImportance
}
