package dashboard

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/compliance"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// completionMonths is how many months the 三会一课 chart shows.
const completionMonths = 12

// chartsRow is the 工作台's three small charts, each opening the list behind
// it: 党员结构 (age bands, 学历) → 党员名册, the 发展党员 funnel → 发展党员,
// 三会一课 completion by month → 三会一课. The numbers come from data.
func chartsRow(a *core.App, f dashboardFacts, c *compliance.Compliance) fyne.CanvasObject {
	people := func(n int) string { return strconv.Itoa(n) + " 人" }
	var cards []fyne.CanvasObject
	if structure := structureChart(a, f, people); structure != nil {
		cards = append(cards, chartCard(a, "党员结构", "党员名册", structure))
	}
	cards = append(cards,
		chartCard(a, "发展党员", "发展党员", widgets.HBarChart(tallyBars(data.DevelopmentFunnel(f.counts), people))))
	if c != nil {
		cards = append(cards, chartCard(a, "三会一课完成情况", "三会一课", completionChart(c)))
	}
	return widgets.WrapGrid(cards...) // on a 1024 px screen the three charts take two rows
}

// structureChart is the 年龄 and 学历 tables of the 党内统计
// (reports.Statistics), so the 工作台 and the statistics sheet agree; nil
// when they cannot be computed.
func structureChart(a *core.App, f dashboardFacts, people func(int) string) fyne.CanvasObject {
	st, err := reports.Statistics(a.Store, f.today)
	if err != nil {
		fyne.LogError("工作台：党员结构", err)
		return nil
	}
	box := container.NewVBox()
	for _, t := range st.Tables {
		if t.Title != "年龄" && t.Title != "学历" {
			continue
		}
		var ts []data.Tally
		for _, r := range t.Rows {
			if !r.Sub {
				ts = append(ts, data.Tally{Label: r.Label, Count: r.Count})
			}
		}
		box.Add(widgets.BoldLabel(t.Title))
		box.Add(widgets.HBarChart(tallyBars(ts, people)))
	}
	return box
}

// chartCard is a chart in a card that opens the screen titled screen.
func chartCard(a *core.App, title, screen string, chart fyne.CanvasObject) fyne.CanvasObject {
	card := widget.NewCard(title, "点击打开"+screen, chart)
	return widgets.NewTapArea(card, theme.ColorNameBackground, func() { a.ShowScreen(screen) })
}

func tallyBars(ts []data.Tally, text func(int) string) []widgets.Bar {
	labels := make([]string, len(ts))
	counts := make([]int, len(ts))
	for i, t := range ts {
		labels[i], counts[i] = t.Label, t.Count
	}
	return widgets.Shares(labels, counts, text)
}

// completionChart is one bar per month: the share of the requirements met,
// "3/4" above it; a month with nothing required shows no bar.
func completionChart(c *compliance.Compliance) fyne.CanvasObject {
	months := c.MonthlyCompletion(completionMonths)
	bars := make([]widgets.Bar, len(months))
	for i, m := range months {
		bars[i] = widgets.Bar{Label: fmt.Sprintf("%d月", m.Month.Month)}
		if m.Required > 0 {
			bars[i].Share = float32(m.Done) / float32(m.Required)
			bars[i].Text = fmt.Sprintf("%d/%d", m.Done, m.Required)
		}
	}
	return widgets.VBarChart(bars, 120)
}
