package members

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
	"partyoffice/ui/core"
)

// ShowImportMembers asks for a workbook, reads it off the UI goroutine and shows what would
// be imported. Nothing is written until the user confirms in the preview.
func ShowImportMembers(a *core.App) {
	a.ChooseWorkbookToImport("选择要导入的党员名册（.xlsx）", func(path string) {
		readMemberWorkbook(a, path)
	})
}

// readMemberWorkbook reads and checks the rows with a progress bar, then shows the preview.
func readMemberWorkbook(a *core.App, path string) {
	var m *reports.MemberImport
	a.RunWithProgress("正在读取“"+filepath.Base(path)+"”", func(progress core.Progress) error {
		var err error
		m, err = reports.ReadMembers(path, a.Store, a.Today(), progress)
		return err
	}, func(err error) {
		if err != nil {
			a.ShowError("无法导入“"+filepath.Base(path)+"”", err)
			return
		}
		newImportPreview(a, path, m).show()
	})
}

// importRowView is one row of the preview table, as shown.
type importRowView struct {
	cells []string
	bad   bool
	notes string // every reason, in full, for the detail line
}

var importColumns = []struct {
	title string
	width float32
}{{"行号", 64}, {"状态", 80}, {"姓名", 100}, {"身份证号", 200}, {"人员类别", 100}, {"说明", 520}}

// importPreview shows what a workbook holds before anything is written: counts, every row
// with its status and reasons, the choice for people already stored, and the import button.
type importPreview struct {
	a    *core.App
	path string
	m    *reports.MemberImport
	good []data.Person
	mode data.ImportMode

	rows     []importRowView
	existing *widget.RadioGroup
	detail   *widget.Label
	commitB  *widget.Button
	dlg      *dialog.CustomDialog
}

// Choices for people whose ID number is already stored.
const (
	existingSkip   = "跳过，保留现有记录"
	existingUpdate = "用表中的数据更新"
)

func newImportPreview(a *core.App, path string, m *reports.MemberImport) *importPreview {
	v := &importPreview{a: a, path: path, m: m, good: m.Good(), mode: data.ImportSkipExisting}
	for _, r := range m.Rows {
		v.rows = append(v.rows, importRow(r))
	}
	v.existing = widget.NewRadioGroup([]string{existingSkip, existingUpdate}, func(choice string) {
		v.mode = data.ImportSkipExisting
		if choice == existingUpdate {
			v.mode = data.ImportUpdateExisting
		}
	})
	v.existing.Horizontal = true
	v.existing.Required = true
	v.existing.SetSelected(existingSkip)

	v.detail = widget.NewLabel("点表格中的一行，可在这里看到它的完整说明。")
	if i := slices.IndexFunc(v.rows, func(r importRowView) bool { return r.bad }); i >= 0 {
		v.detail.SetText(v.rows[i].notes) // the first problem, in full, without a click
	}
	v.detail.Wrapping = fyne.TextWrapWord

	label := "导入"
	if bad := m.BadRows(); bad > 0 {
		label = fmt.Sprintf("导入其余 %d 行", len(v.good))
	}
	v.commitB = widget.NewButtonWithIcon(label, theme.ConfirmIcon(), v.confirmCommit)
	v.commitB.Importance = widget.HighImportance
	if len(v.good) == 0 {
		v.commitB.Disable()
	}
	return v
}

// importRow describes one sheet row: ✓ for a new person, 已存在, or 错误 with the reasons.
func importRow(r reports.MemberRow) importRowView {
	status, notes := "✓ 新增", []string{}
	switch {
	case len(r.Errors) > 0:
		status = "错误"
		for _, is := range r.Errors {
			notes = append(notes, issueLine(is))
		}
	case r.Existing != nil:
		status = "已存在"
		notes = append(notes, "身份证号已登记（"+r.Existing.Name+"），按下方的选择更新或跳过")
	}
	for _, is := range r.Warnings {
		notes = append(notes, "提醒："+issueLine(is))
	}
	p := r.Person
	text := strings.Join(notes, "；")
	return importRowView{
		cells: []string{strconv.Itoa(r.Row), status, p.Name, p.IDNumber, string(p.Stage), text},
		bad:   len(r.Errors) > 0,
		notes: text,
	}
}

// issueLine is one reason as the user looks it up in Excel: 第12行 [出生日期] 日期“…”不存在.
func issueLine(is reports.RowIssue) string {
	if is.Column == "" {
		return fmt.Sprintf("第%d行 %s", is.Row, is.Message)
	}
	return fmt.Sprintf("第%d行 [%s] %s", is.Row, is.Column, is.Message)
}

// summary is the count line: 可导入 N 行、有错误 N 行、已存在 N 人.
func (v *importPreview) summary() string {
	return fmt.Sprintf("可导入 %d 行、有错误 %d 行、已存在 %d 人", len(v.good), v.m.BadRows(), v.m.ExistingCount())
}

func (v *importPreview) Content() fyne.CanvasObject {
	head := fmt.Sprintf("文件：%s　工作表：%s　表头在第 %d 行", filepath.Base(v.path), v.m.Sheet, v.m.HeaderRow)
	top := container.NewVBox(widget.NewLabel(head),
		widget.NewLabelWithStyle(v.summary(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, n := range v.m.Notices {
		top.Add(warningLabel(n))
	}
	if len(v.m.Ignored) > 0 {
		top.Add(warningLabel("以下列不认识，不会导入：" + strings.Join(v.m.Ignored, "、")))
	}
	if v.m.ExistingCount() > 0 {
		top.Add(container.NewHBox(widget.NewLabel("身份证号已登记的人员："), v.existing))
	}
	bottom := container.NewVScroll(v.detail)
	bottom.SetMinSize(fyne.NewSize(0, 70))
	return container.NewBorder(top, bottom, nil, nil, v.table())
}

func warningLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	return l
}

func (v *importPreview) table() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(v.rows), len(importColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			row := v.rows[id.Row]
			l.Importance = widget.MediumImportance
			if row.bad {
				l.Importance = widget.DangerImportance
			}
			l.SetText(row.cells[id.Col])
		})
	t.ShowHeaderRow = true
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(importColumns[id.Col].title)
		}
	}
	for i, c := range importColumns {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		row := v.rows[id.Row]
		if row.notes == "" {
			v.detail.SetText(fmt.Sprintf("第%s行没有问题。", row.cells[0]))
			return
		}
		v.detail.SetText(row.notes)
	}
	return t
}

func (v *importPreview) show() {
	v.dlg = dialog.NewCustomWithoutButtons("导入党员名册：核对", v.Content(), v.a.Window)
	v.dlg.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), v.dlg.Hide), v.commitB})
	size := v.a.Window.Canvas().Size()
	v.dlg.Resize(fyne.NewSize(min(1100, size.Width-40), min(680, size.Height-40)))
	v.dlg.Show()
}

// confirmCommit explains that rows with errors are left out before importing the rest.
func (v *importPreview) confirmCommit() {
	bad := v.m.BadRows()
	if bad == 0 {
		v.startCommit()
		return
	}
	msg := fmt.Sprintf("有 %d 行有错误，不会导入；其余 %d 行将导入。\n"+
		"可以在 Excel 中改正那 %d 行后再导入一次，已导入的人员会被识别为“已存在”。\n\n继续导入吗？",
		bad, len(v.good), bad)
	d := dialog.NewConfirm("部分行有错误", msg, func(ok bool) {
		if ok {
			v.startCommit()
		}
	}, v.a.Window)
	d.SetConfirmText(fmt.Sprintf("导入其余 %d 行", len(v.good)))
	d.SetDismissText("返回")
	d.Show()
}

// startCommit writes the good rows with a progress bar, then tells every screen.
func (v *importPreview) startCommit() {
	v.dlg.Hide()
	var res data.ImportResult
	v.a.RunWithProgress("正在导入", func(core.Progress) error {
		var err error
		res, err = v.commit()
		return err
	}, func(err error) {
		if err != nil {
			v.a.ShowError("导入未完成（名册没有任何改动）", err)
			return
		}
		v.a.NotifyChanged()
		v.showResult(res)
	})
}

// showResult says what was imported; with rows refused it offers to save
// them (original cells and a 错误原因 column) to fix and import again.
func (v *importPreview) showResult(res data.ImportResult) {
	msg := widget.NewLabel(core.WrapMessage(v.resultText(res)))
	d := dialog.NewCustomWithoutButtons("导入完成", msg, v.a.Window)
	buttons := []fyne.CanvasObject{widget.NewButton("好的", d.Hide)}
	if v.m.BadRows() > 0 {
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

// rejectedFileName is the suggested name: 党员名册（有错误的行）.xlsx beside the source.
func rejectedFileName(source string) string {
	base := strings.TrimSuffix(filepath.Base(source), filepath.Ext(source))
	return base + "（有错误的行）.xlsx"
}

// saveRejected asks where, then writes the refused rows off the UI goroutine.
func (v *importPreview) saveRejected() {
	v.a.ChooseFileToSave(rejectedFileName(v.path), ".xlsx", func(dst string) {
		v.a.RunWithProgress("正在保存有错误的行", func(core.Progress) error {
			return v.writeRejected(dst)
		}, func(err error) {
			if err != nil {
				v.a.ShowError("未能保存有错误的行", err)
				return
			}
			v.a.ShowSaved("有错误的行已保存到（改正后可再导入）", dst)
		})
	})
}

// writeRejected is the workbook itself, callable without a dialog.
func (v *importPreview) writeRejected(dst string) error {
	return reports.WriteRejectedRows(v.path, v.m.Sheet, v.m.HeaderRow, v.m.Errors(), dst)
}

// commit is the write itself, in one transaction: all rows land or none.
func (v *importPreview) commit() (data.ImportResult, error) {
	return v.a.Store.ImportPeople(v.good, v.mode, filepath.Base(v.path))
}

func (v *importPreview) resultText(res data.ImportResult) string {
	parts := []string{fmt.Sprintf("新增 %d 人", res.Imported)}
	if res.Updated > 0 {
		parts = append(parts, fmt.Sprintf("更新 %d 人", res.Updated))
	}
	if res.Skipped > 0 {
		parts = append(parts, fmt.Sprintf("跳过已存在的 %d 人", res.Skipped))
	}
	text := strings.Join(parts, "，") + "。"
	if bad := v.m.BadRows(); bad > 0 {
		text += fmt.Sprintf("\n有错误的 %d 行没有导入，改正后可再导入。", bad)
	}
	return text
}
