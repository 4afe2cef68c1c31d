package reportcenter

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// mergeView is the district office's side: the packs of its branches read,
// checked and added up into one 汇总 workbook. On a server whose user reads
// every branch it also builds the packs from the live records of all the
// branches (reports.DistrictFromServer) — the same 汇总 without waiting
// for the files.
type mergeView struct {
	a        *core.App
	files    []string
	merge    *reports.Merge
	list     *textTable    // the files and their status
	problems *textTable    // the merge's problems, by branch
	found    *widget.Label // the problems' heading
	summary  *widget.Label
	save     *widget.Button
	unit     *widget.Entry
	server   *periodChoice // nil when the store is no server read whole
	pull     *widget.Button
}

var (
	mergeHeaders   = []string{"文件", "支部", "期间", "状态"}
	problemHeaders = []string{"支部", "问题", "说明"}
)

// readsEveryBranch says whether the store is a server the user reads
// whole (the 区管理员, or the owner): the district's ways to the branches.
func readsEveryBranch(s *data.Store) bool {
	return s.OnServer() && s.ServerRole() != data.RoleBranch
}

func newMergeView(a *core.App) (*mergeView, fyne.CanvasObject) {
	v := &mergeView{a: a}
	v.summary = widget.NewLabel("把各支部报来的上报材料（.xlsx）放进一个文件夹，选择这个文件夹；也可以逐个添加文件。每个文件都会列出是否汇总及原因。")
	v.summary.Wrapping = fyne.TextWrapWord
	folder := widget.NewButtonWithIcon("选择文件夹…", theme.FolderOpenIcon(), v.pickFolder)
	folder.Importance = widget.HighImportance
	add := widget.NewButtonWithIcon("选择上报材料…", theme.ContentAddIcon(), func() {
		a.ChooseFileToOpen("添加支部的上报材料", []string{".xlsx"}, func(path string) { v.add(path) })
	})
	clear := widget.NewButtonWithIcon("清除列表", theme.ContentClearIcon(), func() { v.files = nil; v.read() })
	v.save = widget.NewButtonWithIcon("保存汇总表…", theme.DocumentSaveIcon(), v.write)
	v.save.Disable()
	v.unit = widget.NewEntry()
	v.unit.SetPlaceHolder("汇总单位，例如 XX区教育工委")
	v.list = newTextTable(mergeHeaders, []float32{260, 220, 120, 520})
	v.problems = newTextTable(problemHeaders, []float32{220, 140, 760})
	v.found = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	packs := container.NewHBox(widget.NewLabel("汇总报来的文件："), folder, add, clear)
	top := container.NewVBox(v.summary, container.NewBorder(nil, nil, widget.NewLabel("汇总单位："), nil, v.unit))
	if readsEveryBranch(a.Store) {
		top.Add(v.serverRow())
		folder.Importance = widget.MediumImportance // the server's way comes first
		v.summary.SetText("可以直接从服务器汇总全部支部的实时数据（结果与汇总各支部报来的上报材料相同），也可以汇总各支部报来的上报材料（.xlsx）。")
	}
	top.Add(container.NewBorder(nil, nil, packs, v.save))
	top.Add(widget.NewSeparator())
	problems := container.NewBorder(v.found, nil, nil, nil, v.problems)
	split := container.NewVSplit(v.list, problems)
	split.Offset = 0.6
	v.showLists()
	return v, container.NewBorder(top, nil, nil, nil, split)
}

// serverRow is the way from the server: the period as for 上报材料, then
// the button; the 汇总单位 starts as the 上级党委 the branches share.
func (v *mergeView) serverRow() fyne.CanvasObject {
	v.server = newPeriodChoice(v.a, func() {})
	v.pull = widget.NewButtonWithIcon("从服务器汇总全部支部…", theme.DownloadIcon(), v.fromServer)
	v.pull.Importance = widget.HighImportance
	v.a.Background(func() {
		b, err := v.a.Store.Branch()
		if err != nil || b.Superior == "" {
			return
		}
		fyne.Do(func() {
			if v.unit.Text == "" {
				v.unit.SetText(b.Superior)
			}
		})
	})
	return container.NewHBox(widget.NewLabel("从服务器汇总：年份"), widgets.Sized(90, v.server.year), v.server.span,
		v.server.asOfX, v.pull)
}

// fromServer asks where the 汇总表 goes, then builds every branch's pack
// from the server and merges and writes them, counting the branches.
func (v *mergeView) fromServer() {
	period, err := v.server.period()
	if err != nil {
		v.a.ShowError("期间不对", err)
		return
	}
	unit := strings.TrimSpace(v.unit.Text)
	suggested := core.SafeFileName(unit+"各支部上报材料汇总_"+period.FileLabel()) + ".xlsx"
	core.ChooseExportFile(v.a, suggested, ".xlsx", func(path string) {
		var m *reports.Merge
		v.a.RunCounting("正在从服务器汇总各支部", branchesDone, func(progress core.Progress) error {
			var err error
			if m, err = reports.DistrictFromServer(v.a.Store, reports.PackOptions{Period: period}, progress); err != nil {
				return err
			}
			return reports.WriteMerge(m, path, unit)
		}, func(err error) {
			if m != nil {
				v.show(fmt.Sprintf("从服务器读取 %d 个支部", len(m.Files)), m)
			}
			if err != nil {
				v.a.ShowError("从服务器汇总未完成", err)
			} else {
				v.a.ShowSaved(fmt.Sprintf("已汇总 %d 个支部，汇总表已保存到", m.MergedCount()), path)
			}
			if core.ExportWritten != nil {
				core.ExportWritten(path, err)
			}
		})
	})
}

// branchesDone is the progress line of the merge from the server: each
// branch's pack, then the merge (DistrictFromServer's last step).
func branchesDone(done, total int) string {
	if done < total {
		return fmt.Sprintf("已生成 %d / %d 个支部的上报材料", done, total-1)
	}
	return "正在合并各支部的材料并保存汇总表……"
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
		v.showLists()
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
		v.show(fmt.Sprintf("读取 %d 个文件", len(m.Files)), m)
	})
}

// show puts a merge on screen: what was read (source), the branches
// counted, the main totals, and its problems listed under the files.
func (v *mergeView) show(source string, m *reports.Merge) {
	v.merge = m
	text := fmt.Sprintf("%s，可汇总 %d 个支部（%s）。", source, m.MergedCount(), m.Period)
	if h := m.Headline(); h != "" {
		text += "合计 " + h + "。"
	}
	if len(m.Problems) > 0 {
		text += fmt.Sprintf("发现 %d 个问题，列在下方，也写在汇总表的“问题”工作表中。", len(m.Problems))
	} else {
		text += "没有发现问题。"
	}
	v.summary.SetText(text)
	if m.MergedCount() > 0 {
		v.save.Enable()
	} else {
		v.save.Disable()
	}
	v.showLists()
}

// showLists fills the file and problem tables from the merge.
func (v *mergeView) showLists() {
	var files, problems [][]string
	var bad []bool
	if m := v.merge; m != nil {
		for _, f := range m.Files {
			files = append(files, []string{filepath.Base(f.Path), f.Branch, f.Period, f.Status})
			bad = append(bad, !f.Merged || len(f.Notes) > 0)
		}
		for _, p := range m.Problems {
			problems = append(problems, []string{m.ProblemBranch(p), p.Kind, p.Text})
		}
	}
	v.list.set(files, bad)
	v.problems.set(problems, nil)
	switch n := len(problems); {
	case v.merge == nil:
		v.found.SetText("汇总后，这里列出发现的问题")
	case n == 0:
		v.found.SetText("没有发现问题")
	default:
		v.found.SetText(fmt.Sprintf("发现的问题（%d 个）", n))
	}
}

// textTable is a read-only table of text under a bold header line; rows
// marked danger show in red.
type textTable struct {
	*widget.Table
	rows   [][]string
	danger []bool
}

func newTextTable(headers []string, widths []float32) *textTable {
	t := &textTable{}
	t.Table = widget.NewTable(func() (int, int) { return len(t.rows) + 1, len(headers) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			label := o.(*widget.Label)
			label.TextStyle.Bold = id.Row == 0
			label.Truncation = fyne.TextTruncateEllipsis
			label.Importance = widget.MediumImportance
			if id.Row == 0 {
				label.SetText(headers[id.Col])
				return
			}
			if t.danger != nil && t.danger[id.Row-1] {
				label.Importance = widget.DangerImportance
			}
			label.SetText(t.rows[id.Row-1][id.Col])
		})
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
	return t
}

// set shows rows; danger[i] marks row i (nil: none).
func (t *textTable) set(rows [][]string, danger []bool) {
	t.rows, t.danger = rows, danger
	t.Refresh()
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
