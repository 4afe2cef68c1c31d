package yearwork

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data/dues"
	"partyoffice/data/yearwork"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// goalWidths are a goal line's columns: seed, state, title, then progress.
var goalWidths = []float32{48, 72, 360}

// GoalsCard is the 工作台's 年度目标 card: each target of the district plan
// with its progress this year; its 查看 opens the screen (and tab) where the
// target is tracked.
func GoalsCard(a *core.App) fyne.CanvasObject {
	const title = "年度目标"
	today := a.Today()
	d, err := yearwork.Load(a.Store)
	var dd *dues.Data
	if err == nil {
		dd, err = dues.Load(a.Store)
	}
	if err != nil {
		return widget.NewCard(title, "", widgets.QuietLabel("无法读取年度工作记录："+err.Error()))
	}
	goals := yearwork.Goals(d, dd, today.Year, today)
	rows := container.NewVBox()
	done := 0
	for _, g := range goals {
		if g.Done {
			done++
		}
		rows.Add(goalLine(a, g))
	}
	subtitle := fmt.Sprintf("%d年：%d/%d 项已达到；点“查看”到记录它的地方", today.Year, done, len(goals))
	return widget.NewCard(title, subtitle, rows)
}

func goalLine(a *core.App, g yearwork.Goal) fyne.CanvasObject {
	state := widget.NewLabel("未达到")
	state.Importance = widget.WarningImportance
	if g.Done {
		state.SetText("已达到")
		state.Importance = widget.SuccessImportance
	}
	row := widgets.Columns(goalWidths, widget.NewLabel(g.Seed), state,
		widgets.TruncatedLabel(g.Title), widgets.TruncatedLabel(g.Text))
	screen, part := goalPlace(g.Where)
	open := widget.NewButtonWithIcon("查看", theme.NavigateNextIcon(), func() { a.GoTo(screen, part) })
	open.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, open, row)
}

// goalPlace is the screen and tab where a goal's register is kept.
func goalPlace(where string) (screen, part string) {
	switch where {
	case "党费":
		return "党费", ""
	case "培训台账":
		return ledgerTitle, "培训"
	case "工作责任清单":
		return ledgerTitle, "责任清单"
	}
	return ledgerTitle, where // 谈心谈话, 三帐二单一图, 党建品牌: the tab's own name
}
