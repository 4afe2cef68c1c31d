package core

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
	"partyoffice/ui/widgets"
)

// A screen's 导出 menu is built from reports.Exports(): every export whose
// Screen is that screen, in the list's order, so the window offers exactly
// what the command line offers (docs/ARCHITECTURE.md, "One list of
// exports"). Choosing one shows its options (年度, 季度/月份, 截至日期,
// 起止日期, 隐藏身份证号, 公示版) as a small dialog, then the shared save
// dialog, then writes the file off the UI goroutine with a progress bar and
// says where it went.

// ExportHooks is what a screen adds to its exports; the zero value is the
// exports as the command line runs them.
type ExportHooks struct {
	// Defaults are the options the dialog starts with (the screen's
	// filters: the 操作日志's dates). Nil means today's year, quarter …
	Defaults func() reports.ReportOptions
	// Write replaces an export's writing, by Verb: a screen that exports
	// what it shows (the 党员名册 of its current filter, the 操作日志 with
	// its text filter) passes its own. The options dialog is unchanged.
	Write map[string]WriteFunc
}

// WriteFunc writes one export to path.
type WriteFunc func(path string, store *data.Store, opt reports.ReportOptions) error

// ChooseExportFile picks where an export is saved: the shared save dialog.
// Tests replace it (Fyne's test driver cannot drive a file dialog).
var ChooseExportFile = func(a *App, suggested, ext string, then func(path string)) {
	a.ChooseFileToSave(suggested, ext, then)
}

// ExportWritten, when set, hears of every export written (err nil) or
// failed, after the user was told: tests wait on it instead of a clock.
var ExportWritten func(path string, err error)

// ScreenExports are the exports offered on screen, in menu order.
func ScreenExports(screen string) []reports.Export {
	var out []reports.Export
	for _, e := range reports.Exports() {
		if e.Screen == screen {
			out = append(out, e)
		}
	}
	return out
}

// ExportMenu is the 导出 menu of screen: one item per export.
func ExportMenu(a *App, screen string, hooks *ExportHooks) *fyne.Menu {
	var items []*fyne.MenuItem
	for _, e := range ScreenExports(screen) {
		items = append(items, fyne.NewMenuItem(e.Name+"…", func() { ShowExport(a, e, hooks) }))
	}
	return fyne.NewMenu("导出", items...)
}

// NewExportButton is the screen's 导出 button: its menu pops up under it.
// A screen with a single export has a button 导出<报表名>… that opens that
// export's dialog directly.
func NewExportButton(a *App, screen string, hooks *ExportHooks) *widget.Button {
	menu := ExportMenu(a, screen, hooks)
	label := "导出"
	if len(menu.Items) == 1 {
		label += menu.Items[0].Label
	}
	var b *widget.Button
	b = widget.NewButtonWithIcon(label, theme.DownloadIcon(), func() {
		if len(menu.Items) == 1 {
			menu.Items[0].Action()
			return
		}
		c := fyne.CurrentApp().Driver().CanvasForObject(b)
		if c == nil {
			c = a.Window.Canvas()
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).AddXY(0, b.Size().Height)
		widget.ShowPopUpMenuAtPosition(menu, c, pos)
	})
	return b
}

// ShowExport asks for e's options (when it has any), then where to save,
// then writes the file with a progress bar.
func ShowExport(a *App, e reports.Export, hooks *ExportHooks) {
	start := defaultOptions(a, hooks)
	form := newExportForm(a, e, start)
	if len(form.rows) == 0 {
		chooseAndWrite(a, e, hooks, start)
		return
	}
	d := dialog.NewCustomWithoutButtons("导出"+e.Name, form.content(e), a.Window)
	next := widget.NewButtonWithIcon("选择保存位置…", theme.DocumentSaveIcon(), func() {
		opt, err := form.options(start)
		if err != nil {
			form.message.SetText(err.Error())
			form.message.Show()
			return
		}
		d.Hide()
		chooseAndWrite(a, e, hooks, opt)
	})
	next.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), d.Hide), next})
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

func defaultOptions(a *App, hooks *ExportHooks) reports.ReportOptions {
	today := a.Today()
	opt := reports.ReportOptions{AsOf: today, Year: today.Year, Quarter: (today.Month-1)/3 + 1}
	if hooks != nil && hooks.Defaults != nil {
		d := hooks.Defaults()
		opt.From, opt.To, opt.Mask, opt.Publicity = d.From, d.To, d.Mask, d.Publicity
		if !d.AsOf.IsZero() {
			opt.AsOf = d.AsOf
		}
		if d.Year != 0 {
			opt.Year, opt.Quarter, opt.Month = d.Year, d.Quarter, d.Month
		}
	}
	return opt
}

// chooseAndWrite asks where to save and writes the file.
func chooseAndWrite(a *App, e reports.Export, hooks *ExportHooks, opt reports.ReportOptions) {
	write := e.Write
	if hooks != nil && hooks.Write[e.Verb] != nil {
		write = hooks.Write[e.Verb]
	}
	title := e.Title(opt)
	ChooseExportFile(a, ExportFileName(a, e, opt), ".xlsx", func(path string) {
		a.RunWithProgress("正在导出"+title, func(progress Progress) error {
			opt.Progress = progress
			return write(path, a.Store, opt)
		}, func(err error) {
			if err != nil {
				a.ShowError(title+"没有导出", err)
			} else {
				a.ShowSaved(title+"已导出到", path)
			}
			if ExportWritten != nil {
				ExportWritten(path, err)
			}
		})
	})
}

// ExportFileName is the suggested name: <支部名称><报表名>_<范围>.xlsx, the
// 范围 being what the options chose (2026年第三季度, 2026-11-30, …).
func ExportFileName(a *App, e reports.Export, opt reports.ReportOptions) string {
	name := "党支部"
	if b, err := a.Store.Branch(); err == nil && b.Name != "" {
		name = b.Name
	}
	var span []string
	switch {
	case e.Has(reports.OptYear):
		span = append(span, spanLabel(e, opt))
	case e.Has(reports.OptAsOf):
		span = append(span, opt.AsOf.String())
	case e.Has(reports.OptFrom) && (!opt.From.IsZero() || !opt.To.IsZero()):
		span = append(span, opt.From.String()+"至"+opt.To.String())
	}
	base := name + e.Title(opt)
	if len(span) > 0 {
		base += "_" + strings.Join(span, "_")
	}
	return SafeFileName(base) + ".xlsx"
}

// spanLabel is the year and part of it: 2026年, 2026年第三季度, 2026年3月.
func spanLabel(e reports.Export, opt reports.ReportOptions) string {
	s := fmt.Sprintf("%d年", opt.Year)
	switch {
	case opt.Quarter > 0 && e.Has(reports.OptQuarter):
		s += data.QuarterName(opt.Quarter)
	case opt.Month > 0 && e.Has(reports.OptMonth):
		s += fmt.Sprintf("%d月", opt.Month)
	}
	return s
}

// exportForm is the options dialog's fields: only those the export takes.
type exportForm struct {
	a        *App
	e        reports.Export
	rows     []fyne.CanvasObject
	year     *widget.Select
	span     *widget.Select // 全年, the quarters, the months (those the export takes)
	spans    []exportSpan
	asOf     *widgets.DateField
	from, to *widgets.DateField
	mask     *widget.Check
	public   *widget.Check
	message  *widget.Label
}

// exportSpan is one choice of the 范围 field.
type exportSpan struct {
	label          string
	quarter, month int
}

const spanWholeYear = "全年"

// YearsOffered is how many years back the 年度 field goes.
const YearsOffered = 10

func newExportForm(a *App, e reports.Export, start reports.ReportOptions) *exportForm {
	f := &exportForm{a: a, e: e, message: widgets.HiddenMessage(widget.DangerImportance)}
	if e.Has(reports.OptYear) {
		f.addYear(start)
	}
	if e.Has(reports.OptAsOf) {
		f.asOf = widgets.NewDateField(a)
		f.asOf.SetDate(start.AsOf)
		f.rows = append(f.rows, widgets.NewFormField("截至日期", f.asOf).Row)
	}
	if e.Has(reports.OptFrom) || e.Has(reports.OptTo) {
		f.from, f.to = widgets.NewDateField(a), widgets.NewDateField(a)
		f.from.SetPlaceHolder("不限")
		f.to.SetPlaceHolder("不限")
		f.from.SetDate(start.From)
		f.to.SetDate(start.To)
		f.rows = append(f.rows, widgets.NewFormField("起始日期", f.from).Row, widgets.NewFormField("截止日期", f.to).Row)
	}
	if e.Has(reports.OptPublicity) {
		f.public = widget.NewCheck("公示版（只列公示所需的项目，身份证号等不出现）", nil)
		f.public.SetChecked(start.Publicity)
		f.rows = append(f.rows, f.public)
	}
	if e.Has(reports.OptMask) {
		f.mask = widget.NewCheck("隐藏身份证号、电话和住址", nil)
		f.mask.SetChecked(start.Mask)
		f.rows = append(f.rows, f.mask)
	}
	return f
}

// addYear adds 年度 and, when the export takes a quarter or a month, 范围.
func (f *exportForm) addYear(start reports.ReportOptions) {
	today := f.a.Today()
	var years []string
	for y := today.Year; y > today.Year-YearsOffered; y-- {
		years = append(years, fmt.Sprintf("%d年", y))
	}
	f.year = widget.NewSelect(years, nil)
	f.year.SetSelected(fmt.Sprintf("%d年", start.Year))
	if f.year.Selected == "" {
		f.year.SetSelectedIndex(0)
	}
	f.rows = append(f.rows, widgets.NewFormField("年度", f.year).Row)
	f.spans = []exportSpan{{label: spanWholeYear}}
	if f.e.Has(reports.OptQuarter) {
		for q := 1; q <= 4; q++ {
			f.spans = append(f.spans, exportSpan{label: data.QuarterName(q), quarter: q})
		}
	}
	if f.e.Has(reports.OptMonth) {
		for m := 1; m <= 12; m++ {
			f.spans = append(f.spans, exportSpan{label: fmt.Sprintf("%d月", m), month: m})
		}
	}
	if len(f.spans) == 1 {
		return
	}
	labels := make([]string, len(f.spans))
	chosen := 0
	for i, s := range f.spans {
		labels[i] = s.label
		if (s.quarter != 0 && s.quarter == start.Quarter && start.Month == 0) || (s.month != 0 && s.month == start.Month) {
			chosen = i
		}
	}
	f.span = widget.NewSelect(labels, nil)
	f.span.SetSelectedIndex(chosen)
	f.rows = append(f.rows, widgets.NewFormField("范围", f.span).Row)
}

func (f *exportForm) content(e reports.Export) fyne.CanvasObject {
	box := container.NewVBox(widgets.WrappedLabel(windowHelp(e.Help)))
	for _, r := range f.rows {
		box.Add(r)
	}
	box.Add(f.message)
	return box
}

// windowHelp is an export's help line without what it says about the
// command line's flags ("；--publicity 为发展对象公示"): the dialog's own
// check boxes say that.
func windowHelp(help string) string {
	if i := strings.Index(help, "--"); i >= 0 {
		help = strings.TrimRight(help[:i], "；;，, ")
	}
	return help
}

// options reads the fields into start's copy; a date that cannot be read
// is refused with the field's own message.
func (f *exportForm) options(start reports.ReportOptions) (reports.ReportOptions, error) {
	opt := start
	opt.Quarter, opt.Month = 0, 0
	if f.year != nil {
		opt.Year = f.a.Today().Year - f.year.SelectedIndex()
		if f.span != nil {
			s := f.spans[f.span.SelectedIndex()]
			opt.Quarter, opt.Month = s.quarter, s.month
		}
	}
	var err error
	if f.asOf != nil {
		if opt.AsOf, err = dateOr(f.asOf, f.a.Today(), "截至日期"); err != nil {
			return opt, err
		}
	}
	if f.from != nil {
		if opt.From, err = dateOr(f.from, civil.Date{}, "起始日期"); err != nil {
			return opt, err
		}
		if opt.To, err = dateOr(f.to, civil.Date{}, "截止日期"); err != nil {
			return opt, err
		}
	}
	if f.mask != nil {
		opt.Mask = f.mask.Checked
	}
	if f.public != nil {
		opt.Publicity = f.public.Checked
	}
	return opt, nil
}

// dateOr reads a date field; empty means blank.
func dateOr(field *widgets.DateField, blank civil.Date, name string) (civil.Date, error) {
	d, err := field.Date()
	if err != nil {
		return d, fmt.Errorf("%s：%w", name, err)
	}
	if d.IsZero() {
		return blank, nil
	}
	return d, nil
}
