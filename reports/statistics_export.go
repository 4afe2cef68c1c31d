package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
)

// The 党内统计 workbook: the tables of Statistics one under another on an A4
// portrait page, each with 项目, 人数 and 占比 (a number formatted as a
// percentage), its 合计 and an empty row after it.

// statWidths are the columns 项目, 人数, 占比.
var statWidths = [3]float64{34, 12, 12}

// ExportStatistics writes the 党内统计 as of opt.AsOf (zero = today).
func ExportStatistics(path string, store *data.Store, opt ReportOptions) error {
	if err := checkOutputPath(path); err != nil {
		return err
	}
	st, err := Statistics(store, opt.AsOf)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	title := st.Branch.Name + "党内统计表"
	w := &statWriter{f: f, sheet: "党内统计"}
	if err := w.write(st, title); err != nil {
		return exportFailed(err)
	}
	if err := setFileInfo(f, fileInfo{Title: title, Author: st.Branch.Name, Made: storeNow(store)}); err != nil {
		return exportFailed(err)
	}
	return saveAtomically(f, path)
}

type statWriter struct {
	f       *excelize.File
	sheet   string
	st      styles
	percent int
	row     int
}

func (w *statWriter) write(st *Stats, title string) error {
	f := w.f
	if err := f.SetSheetName(f.GetSheetName(0), w.sheet); err != nil {
		return err
	}
	if err := f.SetDefaultFont(fontBody); err != nil {
		return err
	}
	var err error
	if w.st, err = newStyles(f); err != nil {
		return err
	}
	charset := gbCharset
	if w.percent, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Family: fontBody, Size: 11, Charset: &charset},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
		Border: []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
			{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}},
		CustomNumFmt: strPtr("0.0%"),
	}); err != nil {
		return err
	}
	for i, width := range statWidths {
		if err := f.SetColWidth(w.sheet, colName(i+1), colName(i+1), width); err != nil {
			return err
		}
	}
	unit := "填报单位：" + st.Branch.FilingUnit()
	steps := []func() error{
		func() error { return w.merged(title, w.st.title, 36) },
		func() error { return w.merged(unit, w.st.subLeft, 22) },
		func() error { return w.merged("截至日期："+st.AsOf.Chinese(), w.st.subLeft, 22) },
	}
	for i := range st.Tables {
		t := &st.Tables[i]
		steps = append(steps, func() error { return w.table(t) })
	}
	// The signature after an empty row, on two lines: the page is narrow.
	steps = append(steps, func() error {
		w.row++
		return w.merged("支部书记：　　　　　　　　填表人：", w.st.signature, 28)
	},
		func() error { return w.merged("日期：　　　　年　　月　　日", w.st.signature, 28) })
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return w.pageSetup()
}

// merged writes one value across the three columns.
func (w *statWriter) merged(value string, style int, height float64) error {
	w.row++
	a, c := cellName(1, w.row), cellName(len(statWidths), w.row)
	if err := w.f.MergeCell(w.sheet, a, c); err != nil {
		return err
	}
	if err := w.f.SetCellStyle(w.sheet, a, c, style); err != nil {
		return err
	}
	if err := w.f.SetCellStr(w.sheet, a, value); err != nil {
		return err
	}
	if style == w.st.title {
		height = max(height, wrappedLines(value, (statWidths[0]+statWidths[1]+statWidths[2])/titleRatio)*lineHeight*titleRatio+rowPadding)
	}
	return w.f.SetRowHeight(w.sheet, w.row, min(height, maxRowHeight))
}

// line writes label, count and share (nil for none) with their styles.
func (w *statWriter) line(label string, labelStyle int, count, share any) error {
	w.row++
	cells := []struct {
		value any
		style int
	}{{label, labelStyle}, {count, w.st.number}, {share, w.percent}}
	for i, c := range cells {
		cell := cellName(i+1, w.row)
		if err := w.f.SetCellStyle(w.sheet, cell, cell, c.style); err != nil {
			return err
		}
		if c.value == nil {
			continue
		}
		if err := w.f.SetCellValue(w.sheet, cell, c.value); err != nil {
			return err
		}
	}
	return nil
}

func (w *statWriter) table(t *StatTable) error {
	w.row++ // an empty row between tables
	if err := w.merged(t.Title, w.st.subLeft, 24); err != nil {
		return err
	}
	w.row++
	for i, h := range []string{"项目", "人数", "占比"} {
		cell := cellName(i+1, w.row)
		if err := w.f.SetCellStyle(w.sheet, cell, cell, w.st.header); err != nil {
			return err
		}
		if err := w.f.SetCellStr(w.sheet, cell, h); err != nil {
			return err
		}
	}
	share := func(n int) any {
		if t.Base == 0 {
			return nil
		}
		return t.Share(n)
	}
	// The shares first, then their 合计, then the 其中 lines.
	for _, sub := range []bool{false, true} {
		for _, r := range t.Rows {
			if r.Sub != sub {
				continue
			}
			if err := w.line(r.Label, w.st.text, r.Count, share(r.Count)); err != nil {
				return err
			}
		}
		if !sub && t.Base != 0 {
			if err := w.line("合计", w.st.center, t.Total(), share(t.Total())); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *statWriter) pageSetup() error {
	if err := portraitPage(w.f, w.sheet, cellName(len(statWidths), w.row), 0.7, "&C第 &P 页 共 &N 页"); err != nil {
		return err
	}
	// The title, 填报单位 and 截至日期 on every page.
	return w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$1:$3", w.sheet), Scope: w.sheet})
}
