package members

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// exportDialog asks what to export (截至日期, whether to hide private numbers) before the
// save dialog asks where.
type exportDialog struct {
	a     *core.App
	asOf  *widgets.DateField
	mask  *widget.Check
	which *widget.RadioGroup // 全部 or the screen's filter; nil without a filter
	dlg   *dialog.CustomDialog

	filter *data.PersonFilter // the 党员名册's current filter, nil when none
}

// ShowExportMembers exports the 党员名册 to a workbook: options, then the save dialog,
// then the export with a progress bar, then where the file is.
func ShowExportMembers(a *core.App) {
	e, _ := reports.FindExport("members")
	core.ShowExport(a, e, nil)
}

// exportAll and exportShown are the choices of what to export when the
// register screen is filtered.
const exportAll = "全部在册党员"

func exportShownChoice(n int) string { return fmt.Sprintf("导出当前筛选的 %d 人", n) }

// showExportMembers is the export dialog; with a filter (the screen's search
// and choices, shown rows) it offers "导出当前筛选的 N 人" beside 全部 and
// starts on it: what the user sees is what they mean to export.
func showExportMembers(a *core.App, filter *data.PersonFilter, shown int) *exportDialog {
	e := &exportDialog{a: a, filter: filter}
	e.asOf = widgets.NewDateField(a)
	e.asOf.SetDate(a.Today())
	e.mask = widget.NewCheck("隐藏身份证号和电话（用于公示）", nil)
	note := widget.NewLabel("截至日期：名册按这一天的情况列出（当天已入党、尚未转出的党员）。")
	note.Wrapping = fyne.TextWrapWord
	form := container.NewVBox(widgets.NewFormField("截至日期", e.asOf).Row, e.mask, note)
	if filter != nil {
		e.which = widget.NewRadioGroup([]string{exportShownChoice(shown), exportAll}, nil)
		e.which.Required = true
		e.which.SetSelected(exportShownChoice(shown))
		form.Objects = append([]fyne.CanvasObject{e.which, widget.NewSeparator()}, form.Objects...)
	}

	e.dlg = dialog.NewCustomWithoutButtons("导出党员名册", form, a.Window)
	next := widget.NewButtonWithIcon("选择保存位置…", theme.DocumentSaveIcon(), e.chooseFile)
	next.Importance = widget.HighImportance
	e.dlg.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), e.dlg.Hide), next})
	e.dlg.Resize(fyne.NewSize(520, 0))
	e.dlg.Show()
	return e
}

// options reads the dialog; an empty 截至日期 means today.
func (e *exportDialog) options() (reports.ExportOptions, error) {
	asOf, err := e.asOf.Date()
	if err != nil {
		return reports.ExportOptions{}, err
	}
	if asOf.IsZero() {
		asOf = e.a.Today()
	}
	opt := reports.ExportOptions{AsOf: asOf, MaskPrivate: e.mask.Checked}
	if e.which != nil && e.which.Selected != exportAll {
		opt.Filter = e.filter
	}
	return opt, nil
}

func (e *exportDialog) chooseFile() {
	opt, err := e.options()
	if err != nil {
		return // the date field shows what is wrong
	}
	e.dlg.Hide()
	name := exportFileName(e.a, opt.AsOf)
	if opt.Filter != nil {
		name = strings.TrimSuffix(name, ".xlsx") + "（筛选）.xlsx"
	}
	e.a.ChooseFileToSave(name, ".xlsx", func(path string) {
		e.export(path, opt)
	})
}

// exportFileName is the suggested name: <支部名称>党员名册_2026-11-28.xlsx.
func exportFileName(a *core.App, asOf civil.Date) string {
	name := "党支部"
	if b, err := a.Store.Branch(); err == nil && b.Name != "" {
		name = b.Name
	}
	return core.SafeFileName(name) + "党员名册_" + asOf.String() + ".xlsx"
}

// export writes the workbook off the UI goroutine and then says where it is.
func (e *exportDialog) export(path string, opt reports.ExportOptions) {
	core.RememberFolder(path)
	e.a.RunWithProgress("正在导出党员名册", func(progress core.Progress) error {
		return exportMembersTo(e.a, path, opt, progress)
	}, func(err error) {
		if err != nil {
			e.a.ShowError("导出未完成", err)
			return
		}
		e.a.ShowSaved("党员名册已导出到", path)
	})
}

// exportMembersTo is the export itself, callable without any dialog.
func exportMembersTo(a *core.App, path string, opt reports.ExportOptions, progress core.Progress) error {
	opt.Progress = progress
	return reports.ExportMembers(path, a.Store, opt)
}
