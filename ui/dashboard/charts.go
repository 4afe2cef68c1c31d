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
	structure := container.NewVBox(
		widgets.BoldLabel("年龄"), widgets.HBarChart(tallyBars(data.AgeBands(f.people, f.today), people)),
		widgets.BoldLabel("学历"), widgets.HBarChart(tallyBars(data.EducationTally(f.people), people)))
	cards := []fyne.CanvasObject{
		chartCard(a, "党员结构", "党员名册", structure),
		chartCard(a, "发展党员", "发展党员", widgets.HBarChart(tallyBars(data.DevelopmentFunnel(f.counts), people))),
	}
	if c != nil {
		cards = append(cards, chartCard(a, "三会一课完成情况", "三会一课", completionChart(c)))
	}
	return container.NewGridWithColumns(len(cards), cards...)
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
