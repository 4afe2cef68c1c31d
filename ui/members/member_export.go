package members

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data/civil"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// exportDialog asks what to export (截至日期, whether to hide private numbers) before the
// save dialog asks where.
type exportDialog struct {
	a    *core.App
	asOf *widgets.DateField
	mask *widget.Check
	dlg  *dialog.CustomDialog
}

// ShowExportMembers exports the 党员名册 to a workbook: options, then the save dialog,
// then the export with a progress bar, then where the file is.
func ShowExportMembers(a *core.App) {
	e := &exportDialog{a: a}
	e.asOf = widgets.NewDateField(a)
	e.asOf.SetDate(a.Today())
	e.mask = widget.NewCheck("隐藏身份证号和电话（用于公示）", nil)
	note := widget.NewLabel("截至日期：名册按这一天的情况列出（当天已入党、尚未转出的党员）。")
	note.Wrapping = fyne.TextWrapWord
	form := container.NewVBox(widgets.NewFormField("截至日期", e.asOf).Row, e.mask, note)

	e.dlg = dialog.NewCustomWithoutButtons("导出党员名册", form, a.Window)
	next := widget.NewButtonWithIcon("选择保存位置…", theme.DocumentSaveIcon(), e.chooseFile)
	next.Importance = widget.HighImportance
	e.dlg.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), e.dlg.Hide), next})
	e.dlg.Resize(fyne.NewSize(520, 0))
	e.dlg.Show()
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
	return reports.ExportOptions{AsOf: asOf, MaskPrivate: e.mask.Checked}, nil
}

func (e *exportDialog) chooseFile() {
	opt, err := e.options()
	if err != nil {
		return // the date field shows what is wrong
	}
	e.dlg.Hide()
	e.a.ChooseFileToSave(exportFileName(e.a, opt.AsOf), ".xlsx", func(path string) {
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
