package reportcenter

import (
	"fmt"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/reports"
	"partyoffice/ui/core"
)

// mergeView is the district office's side: the packs of its branches read,
// checked and added up into one 汇总 workbook.
type mergeView struct {
	a       *core.App
	files   []string
	merge   *reports.Merge
	list    *widget.Table
	summary *widget.Label
	save    *widget.Button
	unit    *widget.Entry
}

var mergeHeaders = []string{"文件", "支部", "期间", "状态"}

func newMergeView(a *core.App) (*mergeView, fyne.CanvasObject) {
	v := &mergeView{a: a}
	v.summary = widget.NewLabel("把各支部报来的上报材料（.xlsx）放进一个文件夹，选择这个文件夹；也可以逐个添加文件。每个文件都会列出是否汇总及原因。")
	v.summary.Wrapping = fyne.TextWrapWord
	folder := widget.NewButtonWithIcon("选择文件夹…", theme.FolderOpenIcon(), v.pickFolder)
	folder.Importance = widget.HighImportance
	add := widget.NewButtonWithIcon("添加文件…", theme.ContentAddIcon(), func() {
		a.ChooseFileToOpen("添加支部的上报材料", []string{".xlsx"}, func(path string) { v.add(path) })
	})
	clear := widget.NewButtonWithIcon("清空", theme.ContentClearIcon(), func() { v.files = nil; v.read() })
	v.save = widget.NewButtonWithIcon("保存汇总表…", theme.DocumentSaveIcon(), v.write)
	v.save.Disable()
	v.unit = widget.NewEntry()
	v.unit.SetPlaceHolder("汇总单位，例如 XX区教育工委")
	v.list = widget.NewTable(func() (int, int) { return len(v.rows()) + 1, len(mergeHeaders) },
		func() fyne.CanvasObject { return widget.NewLabel("") }, v.cell)
	for i, w := range []float32{260, 220, 120, 520} {
		v.list.SetColumnWidth(i, w)
	}
	top := container.NewVBox(v.summary,
		container.NewBorder(nil, nil, container.NewHBox(folder, add, clear), v.save, v.unit),
		widget.NewSeparator())
	return v, container.NewBorder(top, nil, nil, nil, v.list)
}

func (v *mergeView) pickFolder() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		paths, err := reports.PacksIn(dir.Path())
		if err != nil {
			v.a.ShowError("无法读取文件夹", err)
			return
		}
		core.RememberFolder(filepath.Join(dir.Path(), "x"))
		v.add(paths...)
	}, v.a.Window)
	if dir := core.LastFolder(); dir != nil {
		d.SetLocation(dir)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// add puts files on the list (each once) and reads them all again.
func (v *mergeView) add(paths ...string) {
	for _, p := range paths {
		if !slices.Contains(v.files, p) {
			v.files = append(v.files, p)
		}
	}
	v.read()
}

func (v *mergeView) read() {
	if len(v.files) == 0 {
		v.merge = nil
		v.save.Disable()
		v.list.Refresh()
		return
	}
	files := slices.Clone(v.files)
	var m *reports.Merge
	v.a.RunWithProgress("正在读取上报材料", func(progress core.Progress) error {
		var err error
		m, err = reports.ReadPacks(files, progress)
		return err
	}, func(err error) {
		if err != nil {
			v.a.ShowError("无法汇总", err)
			return
		}
		v.show(m)
	})
}

func (v *mergeView) show(m *reports.Merge) {
	v.merge = m
	v.summary.SetText(fmt.Sprintf("读取 %d 个文件，可汇总 %d 个支部（%s）；发现 %d 个问题，保存后见汇总表的“问题”工作表。",
		len(m.Files), m.MergedCount(), m.Period, len(m.Problems)))
	if m.MergedCount() > 0 {
		v.save.Enable()
	} else {
		v.save.Disable()
	}
	v.list.Refresh()
}

func (v *mergeView) rows() []reports.PackFile {
	if v.merge == nil {
		return nil
	}
	return v.merge.Files
}

func (v *mergeView) cell(id widget.TableCellID, o fyne.CanvasObject) {
	label := o.(*widget.Label)
	label.TextStyle.Bold = id.Row == 0
	label.Truncation = fyne.TextTruncateEllipsis
	if id.Row == 0 {
		label.SetText(mergeHeaders[id.Col])
		return
	}
	f := v.rows()[id.Row-1]
	label.Importance = widget.MediumImportance
	if !f.Merged || len(f.Notes) > 0 {
		label.Importance = widget.DangerImportance
	}
	label.SetText([]string{filepath.Base(f.Path), f.Branch, f.Period, f.Status}[id.Col])
}

func (v *mergeView) write() {
	m := v.merge
	v.a.ChooseFileToSave("上报材料汇总.xlsx", ".xlsx", func(path string) {
		v.a.RunWithProgress("正在保存汇总表", func(core.Progress) error {
			return reports.WriteMerge(m, path, v.unit.Text)
		}, func(err error) {
			if err != nil {
				v.a.ShowError("汇总表未保存", err)
				return
			}
			v.a.ShowSaved("汇总表已保存", path)
		})
	})
}
