package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"partyoffice/resources"
)

func main() {
	UseChinese()
	a := app.NewWithID("cn.partyoffice.desktop.tmpcheck")
	a.Settings().SetTheme(Theme{})
	a.SetIcon(resources.Icon)
	w := a.NewWindow("党支部工作台")
	e := widget.NewEntry()
	e.SetText("张三（预备党员）2026-03-05 ①②③ ×÷→ ✓")
	form := widget.NewForm(widget.NewFormItem("姓名", e), widget.NewFormItem("入党日期", widget.NewEntry()))
	list := widget.NewList(func() int { return 8 }, func() fyne.CanvasObject { return widget.NewLabel("模板模板") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText([]string{"工作台", "党员名册", "发展党员", "三会一课", "党费", "台账", "报表", "设置与数据"}[i])
		})
	list.Select(1)
	split := container.NewHSplit(list, container.NewVBox(
		widget.NewLabelWithStyle("党支部工作台 — 学校党支部的离线桌面工具", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		form,
		container.NewHBox(widget.NewButton("保存", nil), &widget.Button{Text: "导出 Excel", Importance: widget.HighImportance},
			&widget.Button{Text: "删除", Importance: widget.DangerImportance},
			widget.NewButton("打开文件…", func() { dialog.ShowFileOpen(func(fyne.URIReadCloser, error) {}, w) })),
		widget.NewCheck("显示已转出的党员", nil),
		widget.NewSelect([]string{"正式党员", "预备党员"}, nil),
		widget.NewRichTextFromMarkdown("## 三会一课\n\n支部党员大会、支部委员会、党小组会和党课。"),
	))
	split.Offset = 0.22
	w.SetContent(split)
	w.Resize(fyne.NewSize(1000, 640))
	w.ShowAndRun()
}
