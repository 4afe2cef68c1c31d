package registers

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// Import and export of the yearly registers, from the lists in package
// reports (reports.YearImports; reports.Exports() of ScreenYear), the
// same lists `partyoffice import` and `export` use.

// ShowYearExport asks which yearly workbook (and month where it takes one),
// then where to save it. only picks the workbooks by their command-line
// name (the 党费 screen offers the dues ones); nil offers every one.
func ShowYearExport(a *core.App, year int, only func(verb string) bool) {
	var exports []reports.Export
	var names []string
	for _, e := range reports.Exports() {
		if e.Screen == reports.ScreenYear && (only == nil || only(e.Verb)) {
			exports = append(exports, e)
			names = append(names, e.Help)
		}
	}
	which := widget.NewRadioGroup(names, nil)
	which.Required = true
	which.SetSelected(names[0])
	var months []string
	for m := 1; m <= 12; m++ {
		months = append(months, fmt.Sprintf("%d月", m))
	}
	month := widget.NewSelect(append([]string{"全年各月"}, months...), nil)
	month.SetSelectedIndex(0)
	monthRow := widgets.NewFormField("月份", month).Row
	chosen := func() reports.Export {
		for i, n := range names {
			if n == which.Selected {
				return exports[i]
			}
		}
		return exports[0]
	}
	which.OnChanged = func(string) { e := chosen(); widgets.SetVisible(monthRow, e.Has(reports.OptMonth)) }
	which.OnChanged("")
	d := dialog.NewCustomWithoutButtons(fmt.Sprintf("导出%d年的台账", year),
		container.NewBorder(nil, monthRow, nil, nil, container.NewVScroll(which)), a.Window)
	next := widget.NewButtonWithIcon("选择保存位置…", theme.DocumentSaveIcon(), func() {
		e := chosen()
		opt := reports.ReportOptions{Year: year, Month: month.SelectedIndex()}
		d.Hide()
		name := fmt.Sprintf("%s_%d年.xlsx", branchFileName(a, e.Name), year)
		a.ChooseFileToSave(name, ".xlsx", func(path string) { runExport(a, e, path, opt) })
	})
	next.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), d.Hide), next})
	d.Resize(fyne.NewSize(720, 560))
	d.Show()
}

// branchFileName is "<支部名称><what>", safe as a file name.
func branchFileName(a *core.App, what string) string {
	name := "党支部"
	if b, err := a.Store.Branch(); err == nil && b.Name != "" {
		name = b.Name
	}
	return core.SafeFileName(name + what)
}

func runExport(a *core.App, e reports.Export, path string, opt reports.ReportOptions) {
	a.RunWithProgress("正在导出"+e.Name, func(progress core.Progress) error {
		opt.Progress = progress
		return e.Write(path, a.Store, opt)
	}, func(err error) {
		if err != nil {
			a.ShowError("导出未完成", err)
			return
		}
		a.ShowSaved("已导出到", path)
	})
}

// ShowYearImport asks which register the workbook holds (of those only
// picks by kind; nil: all), reads it and shows what would be saved;
// nothing is written until 导入 is pressed.
func ShowYearImport(a *core.App, only func(kind string) bool) {
	var imports []reports.YearImport
	var names []string
	for _, im := range reports.YearImports {
		if only == nil || only(im.Kind) {
			imports = append(imports, im)
			names = append(names, im.Title+"（"+im.Note+"）")
		}
	}
	which := widget.NewRadioGroup(names, nil)
	which.Required = true
	which.SetSelected(names[0])
	d := dialog.NewCustomWithoutButtons("导入台账", container.NewVScroll(which), a.Window)
	next := widget.NewButtonWithIcon("选择Excel文件…", theme.FolderOpenIcon(), func() {
		im := imports[0]
		for i, n := range names {
			if n == which.Selected {
				im = imports[i]
			}
		}
		d.Hide()
		a.ChooseFileToOpen("选择"+im.Title+"的Excel文件", []string{".xlsx"}, func(path string) { readImport(a, im, path) })
	})
	next.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), d.Hide), next})
	d.Resize(fyne.NewSize(720, 520))
	d.Show()
}

func readImport(a *core.App, im reports.YearImport, path string) {
	var p reports.Preview
	a.RunWithProgress("正在读取"+im.Title, func(core.Progress) error {
		var err error
		p, err = im.Read(path, a.Store)
		return err
	}, func(err error) {
		if err != nil {
			a.ShowError("无法读取这个文件", err)
			return
		}
		ShowImportPreview(a, im.Title, p)
	})
}

// maxPreviewLines is how many problems the preview lists.
const maxPreviewLines = 200

// ShowImportPreview shows a read workbook's counts, errors and warnings
// and saves its good rows (one transaction) when the user confirms.
func ShowImportPreview(a *core.App, title string, p reports.Preview) {
	good, bad, updates := p.Counts()
	summary := fmt.Sprintf("可以导入 %d 行", good)
	if updates > 0 {
		summary += fmt.Sprintf("（其中 %d 行更新已有记录）", updates)
	}
	if bad > 0 {
		summary += fmt.Sprintf("；%d 行有错误，不会导入", bad)
	}
	lines := []string{summary}
	for _, e := range p.Errors() {
		lines = append(lines, "错误　"+e.String())
	}
	for _, w := range p.Warnings() {
		lines = append(lines, "提示　"+w.String())
	}
	if len(lines) > maxPreviewLines { // a hostile sheet's every row wrong: one label of bounded size
		more := len(lines) - maxPreviewLines
		lines = append(lines[:maxPreviewLines], fmt.Sprintf("……另有 %d 条，请先改正上面的问题", more))
	}
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons("导入"+title, container.NewVScroll(text), a.Window)
	save := widget.NewButtonWithIcon(fmt.Sprintf("导入 %d 行", good), theme.ConfirmIcon(), func() {
		d.Hide()
		if err := p.Save(a.Store); err != nil {
			a.ShowError("导入未完成，没有保存任何一行", err)
			return
		}
		a.NotifyChanged()
		a.ShowInfo("导入完成", fmt.Sprintf("已导入%s %d 行。", title, good))
	})
	save.Importance = widget.HighImportance
	if good == 0 {
		save.Disable()
	}
	d.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), d.Hide), save})
	d.Resize(fyne.NewSize(720, 520))
	d.Show()
}
