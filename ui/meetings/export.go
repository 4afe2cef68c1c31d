package meetings

import (
	"fmt"

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

// spanWhole is the 范围 choice of a whole year; the others are the quarters
// and the months.
const spanWhole = "全年"

func exportRanges() []string {
	out := []string{spanWhole}
	for q := 1; q <= 4; q++ {
		out = append(out, data.QuarterName(q))
	}
	for m := 1; m <= 12; m++ {
		out = append(out, fmt.Sprintf("%d月", m))
	}
	return out
}

// newMeetingExportButton opens the export dialog: which workbook, which
// year and which part of it; then where to save.
func newMeetingExportButton(a *core.App) *widget.Button {
	return widget.NewButtonWithIcon("导出…", theme.DownloadIcon(), func() { showMeetingExport(a) })
}

func showMeetingExport(a *core.App) {
	names := make([]string, len(reports.MeetingReports))
	for i, e := range reports.MeetingReports {
		names[i] = e.Offered()
	}
	which := widget.NewRadioGroup(names, nil)
	which.Required = true
	which.SetSelected(names[0])
	today := a.Today()
	var years []string
	for y := today.Year; y >= today.Year-10; y-- {
		years = append(years, fmt.Sprintf("%d年", y))
	}
	year := widget.NewSelect(years, nil)
	year.SetSelected(years[0])
	part := widget.NewSelect(exportRanges(), nil)
	part.SetSelected(data.QuarterName((today.Month-1)/3 + 1))
	form := container.NewVBox(which,
		widgets.NewFormField("年份", year).Row,
		widgets.NewFormField("范围", part).Row)
	d := dialog.NewCustomWithoutButtons("导出三会一课报表", form, a.Window)
	next := widget.NewButtonWithIcon("选择保存位置…", theme.DocumentSaveIcon(), func() {
		opt := reportOptions(year.SelectedIndex(), part.SelectedIndex(), today)
		e := reports.MeetingReports[0]
		for _, x := range reports.MeetingReports {
			if x.Offered() == which.Selected {
				e = x
			}
		}
		d.Hide()
		label := year.Selected
		if part.Selected != spanWhole {
			label += part.Selected
		}
		name := exportBaseName(a, e.Title) + "_" + label + ".xlsx"
		a.ChooseFileToSave(name, ".xlsx", func(path string) { runMeetingExport(a, e, path, opt) })
	})
	next.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), d.Hide), next})
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// reportOptions turns the dialog's choices into the export's span: the
// first 范围 is the whole year, then four quarters, then twelve months.
func reportOptions(yearIndex, partIndex int, today civil.Date) reports.MeetingReportOptions {
	opt := reports.MeetingReportOptions{Year: today.Year - yearIndex, Today: today}
	switch {
	case partIndex >= 1 && partIndex <= 4:
		opt.Quarter = partIndex
	case partIndex > 4:
		opt.Month = partIndex - 4
	}
	return opt
}

// exportBaseName is "<支部名称><报表名>".
func exportBaseName(a *core.App, report string) string {
	name := "党支部"
	if b, err := a.Store.Branch(); err == nil && b.Name != "" {
		name = b.Name
	}
	return core.SafeFileName(name + report)
}

func runMeetingExport(a *core.App, e reports.MeetingReport, path string, opt reports.MeetingReportOptions) {
	a.RunWithProgress("正在导出"+exportBaseName(a, e.Title), func(progress core.Progress) error {
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
