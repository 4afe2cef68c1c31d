// Package statistics is the 党内统计 view: the tables a district asks each
// branch for, as of a date, computed by reports.Statistics, the same
// function the Excel export (党内统计表) renders, so the numbers on screen
// and on paper are the same.
package statistics

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data/civil"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// statLine is one line of a table as shown: 项目, 人数, 占比 ("" without a share).
type statLine struct {
	label, count, share string
}

// statsView is the screen: the 截至日期, the export and the tables.
type statsView struct {
	a       *core.App
	asOf    *widgets.DateField
	title   *widget.Label
	tables  *fyne.Container
	lines   [][]statLine // per table, as shown
	titles  []string
	content fyne.CanvasObject
}

// NewStatisticsScreen is the 党内统计 screen.
func NewStatisticsScreen(a *core.App) fyne.CanvasObject { return newStatsView(a).content }

func newStatsView(a *core.App) *statsView {
	v := &statsView{a: a, title: widgets.BoldLabel(""), tables: container.New(&cardLayout{})}
	v.asOf = widgets.NewDateField(a)
	v.asOf.SetDate(a.Today())
	v.asOf.OnChanged = func(civil.Date) { v.reload() }
	export := core.NewExportButton(a, reports.ScreenStatistics, &core.ExportHooks{
		Defaults: func() reports.ReportOptions { return reports.ReportOptions{AsOf: v.date()} },
	})
	note := widgets.QuietLabel("党员按截至日期的名册统计；发展党员和转正为截至日期所在年度、到截至日期为止。与导出的党内统计表数字相同。")
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(
		// A long branch name in the title goes onto a line of its own on a narrow screen.
		widgets.WrapRow(container.NewHBox(widget.NewLabel("截至日期"), widgets.Sized(210, v.asOf)), v.title, layout.NewSpacer(), export),
		note)
	v.content = container.NewBorder(top, nil, nil, nil, container.NewVScroll(v.tables))
	v.reload()
	a.OnChange(v.reload)
	return v
}

// date is the 截至日期 typed, today while it is empty or incomplete.
func (v *statsView) date() civil.Date {
	d, err := v.asOf.Date()
	if err != nil || d.IsZero() {
		return v.a.Today()
	}
	return d
}

// reload computes the tables for the date and shows them.
func (v *statsView) reload() {
	st, err := reports.Statistics(v.a.Store, v.date())
	if err != nil {
		v.a.ShowError("党内统计无法计算", err)
		return
	}
	v.title.SetText(fmt.Sprintf("%s　截至 %s", st.Branch.Name, st.AsOf))
	v.lines, v.titles = nil, nil
	var cards []fyne.CanvasObject
	for i := range st.Tables {
		t := &st.Tables[i]
		lines := tableLines(t)
		v.lines = append(v.lines, lines)
		v.titles = append(v.titles, t.Title)
		cards = append(cards, tableCard(t.Title, lines))
	}
	v.tables.Objects = cards
	v.tables.Refresh()
}

// tableLines are a table's lines in the export's order: the shares, their
// 合计, then the 其中 lines (reports/statistics_export.go).
func tableLines(t *reports.StatTable) []statLine {
	share := func(n int) string {
		if t.Base == 0 {
			return ""
		}
		return fmt.Sprintf("%.1f%%", 100*t.Share(n))
	}
	var out []statLine
	for _, sub := range []bool{false, true} {
		for _, r := range t.Rows {
			if r.Sub == sub {
				label := r.Label
				if sub {
					label = "其中：" + label
				}
				out = append(out, statLine{label, fmt.Sprint(r.Count), share(r.Count)})
			}
		}
		if !sub && t.Base != 0 {
			out = append(out, statLine{"合计", fmt.Sprint(t.Total()), share(t.Total())})
		}
	}
	return out
}

var statColumns = []float32{150, 60}

func tableCard(title string, lines []statLine) fyne.CanvasObject {
	rows := container.NewVBox(widgets.Columns(statColumns,
		widgets.BoldLabel("项目"), widgets.BoldLabel("人数"), widgets.BoldLabel("占比")))
	for _, l := range lines {
		label := widgets.TruncatedLabel(l.label)
		if l.label == "合计" {
			label.TextStyle.Bold = true
		}
		rows.Add(widgets.Columns(statColumns, label, widget.NewLabel(l.count), widget.NewLabel(l.share)))
	}
	return widget.NewCard(title, "", rows)
}

// cardLayout puts the tables in as many columns of cardWidth as fit, each
// card as tall as it needs (a grid would give every card the tallest's
// height), the next card in the shortest column.
type cardLayout struct {
	width float32 // of the last layout, for MinSize's height
}

const cardWidth, cardGap = 310, 12

// place is where each card goes in width, and the height of the whole.
func (l *cardLayout) place(objects []fyne.CanvasObject, width float32, apply bool) float32 {
	n := max(1, int((width+cardGap)/(cardWidth+cardGap)))
	heights := make([]float32, n)
	for _, o := range objects {
		col := 0
		for c := range heights {
			if heights[c] < heights[col] {
				col = c
			}
		}
		h := o.MinSize().Height
		if apply {
			o.Move(fyne.NewPos(float32(col)*(cardWidth+cardGap), heights[col]))
			o.Resize(fyne.NewSize(cardWidth, h))
		}
		heights[col] += h + cardGap
	}
	return max(0, slices.Max(heights))
}

func (l *cardLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.place(objects, size.Width, true)
}

func (l *cardLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(cardWidth, l.place(objects, l.width, false))
}
