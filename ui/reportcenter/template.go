package reportcenter

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/reports"
	"partyoffice/ui/core"
)

// noField is the choice that leaves a template column blank.
const noField = "（不填）"

// previewRows is how many rows the mapping screen shows before writing.
const previewRows = 5

// templateView maps a district template's columns to our fields, previews
// the first rows and fills the template.
type templateView struct {
	a       *core.App
	tpl     *reports.Template
	title   *widget.Label
	columns *fyne.Container
	preview *widget.Table
	rows    [][]string
	save    *widget.Button
	fill    *widget.Button
}

func newTemplateView(a *core.App) (*templateView, fyne.CanvasObject) {
	v := &templateView{a: a, columns: container.NewVBox()}
	v.title = widget.NewLabel("上级发来的 Excel 表格模板：选择模板，核对每一列对应的内容，预览后填好保存。模板的样式、合并的标题、列宽和打印设置都保持不变。")
	v.title.Wrapping = fyne.TextWrapWord
	open := widget.NewButtonWithIcon("选择模板…", theme.FolderOpenIcon(), func() {
		a.ChooseFileToOpen("选择上级发来的表格模板", []string{".xlsx"}, v.load)
	})
	open.Importance = widget.HighImportance
	v.save = widget.NewButtonWithIcon("记住对应关系", theme.DocumentSaveIcon(), v.saveMapping)
	v.fill = widget.NewButtonWithIcon("填好并保存…", theme.DownloadIcon(), v.fillTemplate)
	v.save.Disable()
	v.fill.Disable()
	v.preview = widget.NewTable(v.size, func() fyne.CanvasObject { return widget.NewLabel("") }, v.cell)
	return v, container.NewBorder(
		container.NewVBox(v.title, container.NewHBox(open, v.save, v.fill), widget.NewSeparator()),
		nil, nil, nil,
		container.NewVSplit(container.NewVScroll(v.columns), container.NewBorder(
			widget.NewLabelWithStyle("预览（前几行）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, v.preview)),
	)
}

// Load opens the template at path (exported for tests through load).
func (v *templateView) load(path string) {
	t, err := reports.OpenTemplate(path, v.a.Store)
	if err != nil {
		v.a.ShowError("无法读取模板", err)
		return
	}
	v.tpl = t
	note := "已按列名自动对应，请核对"
	if t.Saved {
		note = "已使用上次为这个模板记住的对应关系"
	}
	v.title.SetText(fmt.Sprintf("模板：%s（工作表“%s”，第 %d 行是表头）——%s", filepath.Base(path), t.Sheet, t.HeaderRow, note))
	v.columns.RemoveAll()
	options := append([]string{noField}, reports.TemplateFields()...)
	grid := container.NewGridWithColumns(4)
	for i := range t.Columns {
		i := i
		sel := widget.NewSelect(options, func(s string) {
			if s == noField {
				s = ""
			}
			v.tpl.Columns[i].Field = s
			v.refreshPreview()
		})
		if t.Columns[i].Field == "" {
			sel.SetSelected(noField)
		} else {
			sel.SetSelected(t.Columns[i].Field)
		}
		grid.Add(widget.NewLabelWithStyle(t.Columns[i].Header, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(sel)
	}
	v.columns.Add(grid)
	v.save.Enable()
	v.fill.Enable()
	v.refreshPreview()
}

func (v *templateView) refreshPreview() {
	if v.tpl == nil {
		return
	}
	rows, err := v.tpl.Preview(v.a.Store, previewRows)
	if err != nil {
		v.a.ShowError("无法预览", err)
		return
	}
	v.rows = rows
	for i, c := range v.tpl.Columns {
		width := textWidth(c.Header)
		for _, r := range rows {
			width = max(width, textWidth(r[i]))
		}
		v.preview.SetColumnWidth(i, max(80, width+24))
	}
	v.preview.Refresh()
}

func (v *templateView) size() (int, int) {
	if v.tpl == nil {
		return 0, 0
	}
	return len(v.rows) + 1, len(v.tpl.Columns)
}

func (v *templateView) cell(id widget.TableCellID, o fyne.CanvasObject) {
	label := o.(*widget.Label)
	label.TextStyle.Bold = id.Row == 0
	switch {
	case id.Row == 0:
		label.SetText(v.tpl.Columns[id.Col].Header)
	case id.Row-1 < len(v.rows) && id.Col < len(v.rows[id.Row-1]):
		label.SetText(v.rows[id.Row-1][id.Col])
	default:
		label.SetText("")
	}
}

func (v *templateView) saveMapping() {
	if err := v.tpl.SaveMapping(v.a.Store); err != nil {
		v.a.ShowError("未能记住对应关系", err)
		return
	}
	v.a.NotifyChanged()
	v.a.ShowInfo("已记住", "下次选择同名的模板时，会直接使用这些对应关系。")
}

func (v *templateView) fillTemplate() {
	base := strings.TrimSuffix(filepath.Base(v.tpl.Path), filepath.Ext(v.tpl.Path))
	v.a.ChooseFileToSave(base+"（已填）.xlsx", ".xlsx", func(path string) {
		var n int
		v.a.RunWithProgress("正在填写模板", func(core.Progress) error {
			if err := v.tpl.SaveMapping(v.a.Store); err != nil {
				return err
			}
			var err error
			n, err = v.tpl.Fill(v.a.Store, path)
			return err
		}, func(err error) {
			if err != nil {
				v.a.ShowError("模板未填好", err)
				return
			}
			v.a.ShowSaved(fmt.Sprintf("已按模板填好 %d 名党员", n), path)
		})
	})
}

// textWidth is about how wide text is drawn at the theme's text size.
func textWidth(s string) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width
}
