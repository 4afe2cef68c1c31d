package core

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/reports"
)

// The one import preview of every register the window imports (党员名册,
// 发展党员, 会议台账): what a workbook holds before anything is written —
// counts, every row with its status and reasons, the columns judged by
// their values as a choice, what to do with records already stored — and
// the import button. It offers what the command line's flags offer:
// importing the rest when some rows are bad (--skip-bad) and updating
// people already stored (--update).

// ImportColumn is one of the columns the preview shows of each row, after
// 行号 and 状态.
type ImportColumn struct {
	Title string
	Width float32
}

// ImportRow is one sheet row as the preview lists it.
type ImportRow struct {
	Row              int
	Cells            []string // one per ImportPreview.Columns
	Errors, Warnings []reports.RowIssue
	// Existing says which stored record the row repeats ("" for a new one).
	Existing string
}

// ImportPreview describes one workbook read for import.
type ImportPreview struct {
	What        string // 党员名册, 发展党员名册, 会议台账: in titles
	Unit        string // what the counts count: 人, 次会议
	Path        string
	Sheet       string
	HeaderRow   int
	Columns     []ImportColumn
	Rows        []ImportRow
	Notices     []string
	Ignored     []string
	Suggestions []reports.ColumnSuggestion
	// ExistingNote explains a row of a record already stored, with %s for
	// Existing.
	ExistingNote string
	// CanUpdate offers 跳过/更新 for stored records; without it they are skipped.
	CanUpdate bool
	// Reread reads the file again with the user's answers to Suggestions
	// (sheet header → register column, "" = 不导入); nil offers no choice.
	Reread func(choices map[string]string)
	// Commit writes the rows without errors, off the UI goroutine.
	Commit func(mode data.ImportMode) (data.ImportResult, error)
}

// good counts the rows without errors.
func (p *ImportPreview) good() int {
	return len(p.Rows) - p.bad()
}

func (p *ImportPreview) bad() int {
	n := 0
	for _, r := range p.Rows {
		if len(r.Errors) > 0 {
			n++
		}
	}
	return n
}

func (p *ImportPreview) existing() int {
	n := 0
	for _, r := range p.Rows {
		if len(r.Errors) == 0 && r.Existing != "" {
			n++
		}
	}
	return n
}

// ReadForImport asks for a workbook, reads it with read off the UI
// goroutine with a progress bar, and shows the preview read returns.
func (a *App) ReadForImport(what string, read func(path string, progress Progress) (*ImportPreview, error)) {
	a.ChooseWorkbookToImport("选择要导入的"+what+"（.xlsx）", func(path string) {
		a.ReadAndPreview(path, read)
	})
}

// ReadAndPreview reads path with read and shows the preview.
func (a *App) ReadAndPreview(path string, read func(path string, progress Progress) (*ImportPreview, error)) {
	var p *ImportPreview
	a.RunWithProgress("正在读取“"+filepath.Base(path)+"”", func(progress Progress) error {
		var err error
		p, err = read(path, progress)
		return err
	}, func(err error) {
		if err != nil {
			a.ShowError("无法导入“"+filepath.Base(path)+"”", err)
			return
		}
		p.Show(a)
	})
}

// PreviewRow is one row of the preview table, as shown.
type PreviewRow struct {
	Cells []string // 行号, 状态, the Columns, 说明
	Bad   bool
	Notes string // every reason, in full, for the detail line
}

// ImportDialog is the preview dialog on screen.
type ImportDialog struct {
	a        *App
	p        *ImportPreview
	Rows     []PreviewRow
	columns  []ImportColumn
	Mode     data.ImportMode
	Existing *widget.RadioGroup
	choices  map[string]*widget.Select
	detail   *widget.Label
	CommitB  *widget.Button
	Dialog   *dialog.CustomDialog
}

// Choices for records already stored.
const (
	existingSkip   = "跳过，保留现有记录"
	existingUpdate = "用表中的数据更新"
	notImported    = "不导入"
)

// Show shows the preview over the window.
func (p *ImportPreview) Show(a *App) *ImportDialog {
	v := &ImportDialog{a: a, p: p, Mode: data.ImportSkipExisting,
		columns: append([]ImportColumn{{"行号", 64}, {"状态", 80}}, p.Columns...)}
	v.columns = append(v.columns, ImportColumn{"说明", 520})
	for _, r := range p.Rows {
		v.Rows = append(v.Rows, v.row(r))
	}
	v.Existing = widget.NewRadioGroup([]string{existingSkip, existingUpdate}, func(choice string) {
		v.Mode = data.ImportSkipExisting
		if choice == existingUpdate {
			v.Mode = data.ImportUpdateExisting
		}
	})
	v.Existing.Horizontal = true
	v.Existing.Required = true
	v.Existing.SetSelected(existingSkip)

	v.detail = widget.NewLabel("点表格中的一行，可在这里看到它的完整说明。")
	if i := slices.IndexFunc(v.Rows, func(r PreviewRow) bool { return r.Bad }); i >= 0 {
		v.detail.SetText(v.Rows[i].Notes) // the first problem, in full, without a click
	}
	v.detail.Wrapping = fyne.TextWrapWord

	label := "导入"
	if p.bad() > 0 {
		label = fmt.Sprintf("导入其余 %d 行", p.good())
	}
	v.CommitB = widget.NewButtonWithIcon(label, theme.ConfirmIcon(), v.confirmCommit)
	v.CommitB.Importance = widget.HighImportance
	if p.good() == 0 {
		v.CommitB.Disable()
	}
	v.Dialog = dialog.NewCustomWithoutButtons("导入"+p.What+"：核对", v.content(), a.Window)
	v.Dialog.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), v.Dialog.Hide), v.CommitB})
	size := a.Window.Canvas().Size()
	v.Dialog.Resize(fyne.NewSize(min(1100, size.Width-40), min(680, size.Height-40)))
	v.Dialog.Show()
	if PreviewShown != nil {
		PreviewShown(v)
	}
	return v
}

// PreviewShown, when set, hears of every preview shown: tests wait on it
// for a preview read off the UI goroutine.
var PreviewShown func(*ImportDialog)

// row describes one sheet row: ✓ 新增, 已存在, or 错误 with the reasons.
func (v *ImportDialog) row(r ImportRow) PreviewRow {
	status, notes := "✓ 新增", []string{}
	switch {
	case len(r.Errors) > 0:
		status = "错误"
		for _, is := range r.Errors {
			notes = append(notes, IssueLine(is))
		}
	case r.Existing != "":
		status = "已存在"
		notes = append(notes, fmt.Sprintf(v.p.ExistingNote, r.Existing))
	}
	for _, is := range r.Warnings {
		notes = append(notes, "提醒："+IssueLine(is))
	}
	text := strings.Join(notes, "；")
	cells := append([]string{strconv.Itoa(r.Row), status}, r.Cells...)
	return PreviewRow{Cells: append(cells, text), Bad: len(r.Errors) > 0, Notes: text}
}

// IssueLine is one reason as the user looks it up in Excel: 第12行 [出生日期] 日期“…”不存在.
func IssueLine(is reports.RowIssue) string {
	if is.Column == "" {
		return fmt.Sprintf("第%d行 %s", is.Row, is.Message)
	}
	return fmt.Sprintf("第%d行 [%s] %s", is.Row, is.Column, is.Message)
}

// Summary is the count line: 可导入 N 行、有错误 N 行、已存在 N 人.
func (p *ImportPreview) Summary() string {
	return fmt.Sprintf("可导入 %d 行、有错误 %d 行、已存在 %d %s", p.good(), p.bad(), p.existing(), p.Unit)
}

func (v *ImportDialog) content() fyne.CanvasObject {
	p := v.p
	head := fmt.Sprintf("文件：%s　工作表：%s　表头在第 %d 行", filepath.Base(p.Path), p.Sheet, p.HeaderRow)
	top := container.NewVBox(widget.NewLabel(head),
		widget.NewLabelWithStyle(p.Summary(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	asked := map[string]bool{}
	if p.Reread != nil {
		for _, s := range p.Suggestions {
			asked[s.Message] = true
		}
		if len(p.Suggestions) > 0 {
			top.Add(v.suggestionsBox())
		}
	}
	for _, n := range p.Notices {
		if !asked[n] {
			top.Add(warningLabel(n))
		}
	}
	if len(p.Ignored) > 0 {
		top.Add(warningLabel("以下列不认识，不会导入：" + strings.Join(p.Ignored, "、")))
	}
	if p.CanUpdate && p.existing() > 0 {
		top.Add(container.NewHBox(widget.NewLabel("表中已登记的"+p.What+"记录："), v.Existing))
	}
	bottom := container.NewVScroll(v.detail)
	bottom.SetMinSize(fyne.NewSize(0, 70))
	return container.NewBorder(top, bottom, nil, nil, v.table())
}

// suggestionsBox asks about each column judged by its values: the message,
// a choice of how to read it, and one button to read the file again.
func (v *ImportDialog) suggestionsBox() fyne.CanvasObject {
	box := container.NewVBox()
	v.choices = map[string]*widget.Select{}
	for _, s := range v.p.Suggestions {
		var labels []string
		for _, c := range s.Choices {
			labels = append(labels, choiceLabel(c))
		}
		sel := widget.NewSelect(labels, nil)
		current := s.Named
		if s.Applied {
			current = s.Looks
		}
		sel.SetSelected(choiceLabel(current))
		v.choices[s.Column] = sel
		box.Add(container.NewBorder(nil, nil, nil,
			container.NewHBox(widget.NewLabel("按"), sel, widget.NewLabel("导入")), warningLabel(s.Message)))
	}
	reread := widget.NewButtonWithIcon("按以上选择重新读取", theme.ViewRefreshIcon(), func() {
		choices := map[string]string{}
		for col, sel := range v.choices {
			choices[col] = ""
			if sel.Selected != notImported {
				choices[col] = sel.Selected
			}
		}
		v.Dialog.Hide()
		v.p.Reread(choices)
	})
	box.Add(container.NewHBox(reread))
	return box
}

func choiceLabel(column string) string {
	if column == "" {
		return notImported
	}
	return column
}

func warningLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	return l
}

func (v *ImportDialog) table() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(v.Rows), len(v.columns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			row := v.Rows[id.Row]
			l.Importance = widget.MediumImportance
			if row.Bad {
				l.Importance = widget.DangerImportance
			}
			l.SetText(row.Cells[id.Col])
		})
	t.ShowHeaderRow = true
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(v.columns[id.Col].Title)
		}
	}
	for i, c := range v.columns {
		t.SetColumnWidth(i, c.Width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		row := v.Rows[id.Row]
		if row.Notes == "" {
			v.detail.SetText(fmt.Sprintf("第%s行没有问题。", row.Cells[0]))
			return
		}
		v.detail.SetText(row.Notes)
	}
	return t
}

// confirmCommit explains that rows with errors are left out before importing the rest.
func (v *ImportDialog) confirmCommit() {
	bad, good := v.p.bad(), v.p.good()
	if bad == 0 {
		v.startCommit()
		return
	}
	msg := fmt.Sprintf("有 %d 行有错误，不会导入；其余 %d 行将导入。\n"+
		"可以在 Excel 中改正那 %d 行后再导入一次，已导入的记录会被识别为“已存在”。\n\n继续导入吗？",
		bad, good, bad)
	d := dialog.NewConfirm("部分行有错误", msg, func(ok bool) {
		if ok {
			v.startCommit()
		}
	}, v.a.Window)
	d.SetConfirmText(fmt.Sprintf("导入其余 %d 行", good))
	d.SetDismissText("返回")
	d.Show()
}

// startCommit writes the good rows with a progress bar, then tells every screen.
func (v *ImportDialog) startCommit() {
	v.Dialog.Hide()
	var res data.ImportResult
	v.a.RunWithProgress("正在导入", func(Progress) error {
		var err error
		res, err = v.CommitNow()
		return err
	}, func(err error) {
		if err != nil {
			v.a.ShowError("导入未完成（"+v.p.What+"没有任何改动）", err)
			return
		}
		v.a.NotifyChanged()
		v.ShowResult(res)
	})
}

// ShowResult says what was imported; with rows refused it offers to save
// them (original cells and a 错误原因 column) to fix and import again.
func (v *ImportDialog) ShowResult(res data.ImportResult) {
	msg := widget.NewLabel(WrapMessage(v.ResultText(res)))
	d := dialog.NewCustomWithoutButtons("导入完成", msg, v.a.Window)
	buttons := []fyne.CanvasObject{widget.NewButton("好的", d.Hide)}
	if v.p.bad() > 0 && v.p.Path != "" && v.p.Sheet != "" {
		save := widget.NewButtonWithIcon("保存有错误的行…", theme.DocumentSaveIcon(), func() {
			d.Hide()
			v.saveRejected()
		})
		save.Importance = widget.HighImportance
		buttons = append(buttons, save)
	}
	d.SetButtons(buttons)
	d.Show()
}

// RejectedFileName is the suggested name: 党员名册（有错误的行）.xlsx beside the source.
func RejectedFileName(source string) string {
	base := strings.TrimSuffix(filepath.Base(source), filepath.Ext(source))
	return base + "（有错误的行）.xlsx"
}

// saveRejected asks where, then writes the refused rows off the UI goroutine.
func (v *ImportDialog) saveRejected() {
	v.a.ChooseFileToSave(RejectedFileName(v.p.Path), ".xlsx", func(dst string) {
		v.a.RunWithProgress("正在保存有错误的行", func(Progress) error {
			return v.WriteRejected(dst)
		}, func(err error) {
			if err != nil {
				v.a.ShowError("未能保存有错误的行", err)
				return
			}
			v.a.ShowSaved("有错误的行已保存到（改正后可再导入）", dst)
		})
	})
}

// WriteRejected is the workbook of refused rows itself, callable without a dialog.
func (v *ImportDialog) WriteRejected(dst string) error {
	var issues []reports.RowIssue
	for _, r := range v.p.Rows {
		issues = append(issues, r.Errors...)
	}
	return reports.WriteRejectedRows(v.p.Path, v.p.Sheet, v.p.HeaderRow, issues, dst)
}

// CommitNow writes the rows without errors in the chosen mode, on the
// caller's goroutine (the button runs it with a progress bar).
func (v *ImportDialog) CommitNow() (data.ImportResult, error) { return v.p.Commit(v.Mode) }

// ResultText says what an import did.
func (v *ImportDialog) ResultText(res data.ImportResult) string {
	parts := []string{fmt.Sprintf("新增 %d %s", res.Imported, v.p.Unit)}
	if res.Updated > 0 {
		parts = append(parts, fmt.Sprintf("更新 %d %s", res.Updated, v.p.Unit))
	}
	if res.Skipped > 0 {
		parts = append(parts, fmt.Sprintf("跳过已存在的 %d %s", res.Skipped, v.p.Unit))
	}
	text := strings.Join(parts, "，") + "。"
	if bad := v.p.bad(); bad > 0 {
		text += fmt.Sprintf("\n有错误的 %d 行没有导入，改正后可再导入。", bad)
	}
	return text
}
