package reports

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/resources/fonts"
)

// The year-end archive: one PDF for the archive box with the year's 会议记录
// in date order (one sitting from the top of a page), the 党员名册 as of 31
// December, the 发展党员全程纪实台账 and the 党内统计表, a table of contents
// and page numbers, A4, the bundled Chinese font embedded. Each part is the
// year's own export, drawn from its sheets, so the PDF says what the
// workbooks say.

// ArchiveSection is one part of the archive and its first page.
type ArchiveSection struct {
	Title string
	Page  int
	Note  string // why the part is empty, when it is
}

// Archive is what WriteArchive wrote.
type Archive struct {
	Pages        int
	Sections     []ArchiveSection
	MeetingPages []int // the first page of each sitting, in date order
}

// archivePart is one export rendered into the archive.
type archivePart struct {
	title   string
	write   func(path string) error
	columns []string // headers kept in a table; nil = all
	cards   bool     // a block per row (registers too wide for a page)
	perPage bool     // each sheet from a new page (the 会议记录)
	wide    bool     // landscape
}

// archiveMemberColumns are the 党员名册 columns a printed page holds.
var archiveMemberColumns = []string{numberHeader, data.FieldName, data.FieldGender, data.FieldEthnicity,
	data.FieldBirth, data.FieldEducation, data.FieldStage, data.FieldJoin, data.FieldFull,
	data.FieldGroup, data.FieldPost}

// WriteArchive writes the archive PDF of year at path, atomically.
func WriteArchive(path string, store *data.Store, year int) (*Archive, error) {
	if !strings.EqualFold(filepath.Ext(path), ".pdf") {
		return nil, fmt.Errorf("归档文件名应以 .pdf 结尾（现在是“%s”）", filepath.Base(path))
	}
	if year < 1950 || year > 2100 {
		return nil, fmt.Errorf("年份 %d 不对，请写四位数的年份，例如 2026", year)
	}
	branch, err := store.Branch()
	if err != nil {
		return nil, err
	}
	yearEnd := (Period{Year: year}).asOf(store.Today())
	parts := []archivePart{
		{title: "会议记录", perPage: true, write: func(p string) error {
			return ExportMinutes(p, store, MeetingReportOptions{Year: year})
		}},
		{title: "党员名册（截至" + yearEnd.Chinese() + "）", columns: archiveMemberColumns, wide: true, write: func(p string) error {
			return ExportMembers(p, store, ExportOptions{AsOf: yearEnd})
		}},
		{title: "发展党员全程纪实台账", cards: true, write: func(p string) error {
			return ExportDevRecord(p, store, DevExportOptions{Year: year})
		}},
		{title: "党内统计表", write: func(p string) error {
			return ExportStatistics(p, store, ReportOptions{AsOf: yearEnd})
		}},
	}
	work, err := os.MkdirTemp("", "partyoffice-archive-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	w, err := newArchiveWriter(branch, year, store)
	if err != nil {
		return nil, err
	}
	for i, part := range parts {
		file := filepath.Join(work, fmt.Sprintf("%d.xlsx", i))
		if err := w.part(part, file); err != nil {
			return nil, err
		}
	}
	return w.finish(path)
}

// Page geometry in millimetres.
const (
	pdfMargin   = 15.0
	pdfLine     = 5.0 // line height of table text
	pdfFontSize = 9.5
)

type archiveWriter struct {
	pdf    *fpdf.Fpdf
	branch data.Branch
	year   int
	made   string
	res    Archive
	toc    int // the page reserved for the table of contents
}

func newArchiveWriter(branch data.Branch, year int, store *data.Store) (*archiveWriter, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("cjk", "", fonts.PDFRegular)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("无法载入中文字体：%w", err)
	}
	pdf.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	pdf.SetAutoPageBreak(false, pdfMargin)
	pdf.AliasNbPages("{nb}")
	title := fmt.Sprintf("%s%d年度档案", branch.Name, year)
	pdf.SetTitle(title, true)
	pdf.SetAuthor(branch.Name, true)
	pdf.SetCreator(AppName+" "+data.AppVersion, true)
	w := &archiveWriter{pdf: pdf, branch: branch, year: year, made: storeNow(store).Format("2006年1月2日")}
	pdf.SetFooterFunc(func() {
		if pdf.PageNo() == 1 {
			return
		}
		pdf.SetY(-12)
		pdf.SetFont("cjk", "", 9)
		pdf.CellFormat(0, 5, fmt.Sprintf("%s　第 %d 页 共 {nb} 页", title, pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	w.cover(title)
	return w, nil
}

func (w *archiveWriter) cover(title string) {
	p := w.pdf
	p.AddPage()
	p.SetFont("cjk", "", 26)
	p.SetY(90)
	p.MultiCell(0, 14, title, "", "C", false)
	p.SetFont("cjk", "", 13)
	p.Ln(20)
	for _, line := range []string{"上级党委：" + w.branch.Superior, "归档日期：" + w.made} {
		p.CellFormat(0, 9, line, "", 1, "C", false, 0, "")
	}
	p.AddPage()
	w.toc = p.PageNo()
}

// part renders one export; an export with nothing to show (no meetings in
// the year) leaves a line saying so.
func (w *archiveWriter) part(part archivePart, file string) error {
	p := w.pdf
	orientation := "P"
	if part.wide {
		orientation = "L"
	}
	p.AddPageFormat(orientation, p.GetPageSizeStr("A4"))
	sec := ArchiveSection{Title: part.title, Page: p.PageNo()}
	p.Bookmark(part.title, 0, -1)
	w.heading(part.title)
	if err := part.write(file); err != nil {
		sec.Note = "无：" + strings.SplitN(err.Error(), "，", 2)[0]
		w.para(sec.Note)
		w.res.Sections = append(w.res.Sections, sec)
		return nil
	}
	w.res.Sections = append(w.res.Sections, sec)
	f, err := excelize.OpenFile(file)
	if err != nil {
		return err
	}
	defer f.Close()
	for i, sheet := range f.GetSheetList() {
		if part.perPage {
			if i > 0 {
				p.AddPageFormat(orientation, p.GetPageSizeStr("A4"))
			}
			w.res.MeetingPages = append(w.res.MeetingPages, p.PageNo())
		}
		if err := w.sheet(f, sheet, part, orientation); err != nil {
			return err
		}
	}
	return nil
}

func (w *archiveWriter) heading(text string) {
	w.pdf.SetFont("cjk", "", 16)
	w.pdf.MultiCell(0, 10, text, "", "C", false)
	w.pdf.Ln(2)
}

func (w *archiveWriter) para(text string) {
	w.pdf.SetFont("cjk", "", 11)
	w.pdf.MultiCell(0, 7, text, "", "L", false)
}

// drawnSheet is a sheet read for drawing: rows of cells, each with the
// columns it spans.
type drawnSheet struct {
	rows   [][]spanCell
	header int // index of the 序号 header row, or -1
	widths []float64
}

type spanCell struct {
	text string
	from int // 0-based first column
	span int
}

func readDrawnSheet(f *excelize.File, sheet string, keep []string) (*drawnSheet, error) {
	budget := maxPackText
	rows, err := shownRows(f, sheet, &budget)
	if err != nil {
		return nil, err
	}
	merges, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, err
	}
	spans := map[[2]int]int{} // [row, col] of a merge's first cell → columns
	covered := map[[2]int]bool{}
	for _, m := range merges {
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		spans[[2]int{r1 - 1, c1 - 1}] = c2 - c1 + 1
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if r != r1 || c != c1 {
					covered[[2]int{r - 1, c - 1}] = true
				}
			}
		}
	}
	t := &drawnSheet{header: -1}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	for i, r := range rows {
		if t.header < 0 && at(r, 0) == numberHeader {
			t.header = i
		}
	}
	keepCol := func(c int) bool {
		return keep == nil || t.header < 0 || slices.Contains(keep, at(rows[t.header], c))
	}
	for i, r := range rows {
		var out []spanCell
		for c := 0; c < cols; c++ {
			if covered[[2]int{i, c}] || !keepCol(c) {
				continue
			}
			span := max(spans[[2]int{i, c}], 1)
			if keep != nil && span > 1 { // a merged title or signature spans what is kept
				span = 0
				for k := c; k < c+spans[[2]int{i, c}]; k++ {
					if keepCol(k) {
						span++
					}
				}
			}
			out = append(out, spanCell{text: at(r, c), from: c, span: span})
		}
		t.rows = append(t.rows, out)
	}
	for c := 0; c < cols; c++ {
		if keepCol(c) {
			width, _ := f.GetColWidth(sheet, colName(c+1))
			t.widths = append(t.widths, width)
		}
	}
	return t, nil
}

// sheet draws a sheet as a table (rows below its title), or as one block
// per row for wide registers; the header row repeats on each new page.
func (w *archiveWriter) sheet(f *excelize.File, sheet string, part archivePart, orientation string) error {
	t, err := readDrawnSheet(f, sheet, part.columns)
	if err != nil {
		return err
	}
	if part.cards && t.header >= 0 {
		return w.cards(t, orientation)
	}
	pageW, _ := w.pdf.GetPageSize()
	usable := pageW - 2*pdfMargin
	total := 0.0
	for _, x := range t.widths {
		total += x
	}
	scale := usable / max(total, 1)
	for i, r := range t.rows {
		if i == 0 && t.header != 0 && len(r) == 1 { // the sheet's own title: the part's heading says it
			continue
		}
		if w.fits(r, t, scale) {
			w.row(r, t, scale, i >= t.header && t.header >= 0)
			continue
		}
		w.pdf.AddPageFormat(orientation, w.pdf.GetPageSizeStr("A4"))
		if t.header >= 0 && i > t.header {
			w.row(t.rows[t.header], t, scale, true)
		}
		w.row(r, t, scale, i >= t.header && t.header >= 0)
	}
	return nil
}

// cellWidth is the width of a cell spanning its columns (in kept columns).
func (t *drawnSheet) cellWidth(c spanCell, row []spanCell, scale float64) (x, width float64) {
	idx := 0
	for _, rc := range row {
		if rc.from == c.from {
			break
		}
		idx += rc.span
	}
	for k := 0; k < idx && k < len(t.widths); k++ {
		x += t.widths[k] * scale
	}
	for k := idx; k < idx+c.span && k < len(t.widths); k++ {
		width += t.widths[k] * scale
	}
	return x, width
}

func (w *archiveWriter) rowHeight(r []spanCell, t *drawnSheet, scale float64) float64 {
	w.pdf.SetFont("cjk", "", pdfFontSize)
	lines := 1
	for _, c := range r {
		_, width := t.cellWidth(c, r, scale)
		lines = max(lines, len(w.pdf.SplitText(c.text, width)))
	}
	return float64(lines)*pdfLine + 1
}

func (w *archiveWriter) fits(r []spanCell, t *drawnSheet, scale float64) bool {
	_, pageH := w.pdf.GetPageSize()
	return w.pdf.GetY()+w.rowHeight(r, t, scale) <= pageH-pdfMargin-8
}

// row draws one row; table rows get borders.
func (w *archiveWriter) row(r []spanCell, t *drawnSheet, scale float64, table bool) {
	p := w.pdf
	h := w.rowHeight(r, t, scale)
	y := p.GetY()
	border := ""
	if table {
		border = "1"
	}
	for _, c := range r {
		x, width := t.cellWidth(c, r, scale)
		if width <= 0 {
			continue
		}
		p.SetXY(pdfMargin+x, y)
		if border != "" {
			p.Rect(pdfMargin+x, y, width, h, "D")
		}
		p.SetXY(pdfMargin+x, y+0.5)
		p.MultiCell(width, pdfLine, c.text, "", "L", false)
	}
	p.SetXY(pdfMargin, y+h)
}

// cards draws each data row as a block: its values under their headers,
// two to a line, leaving out empty ones.
func (w *archiveWriter) cards(t *drawnSheet, orientation string) error {
	p := w.pdf
	header := t.rows[t.header]
	pageW, pageH := p.GetPageSize()
	half := (pageW - 2*pdfMargin) / 2
	for _, r := range t.rows[t.header+1:] {
		if len(r) == 0 || at(cellTexts(r), 0) == "" || strings.HasPrefix(r[0].text, "支部书记") {
			continue
		}
		var pairs []string
		for i, c := range r {
			if i < len(header) && c.text != "" && i > 1 { // 序号 and 姓名 head the block
				pairs = append(pairs, header[i].text+"："+c.text)
			}
		}
		p.SetFont("cjk", "", pdfFontSize)
		need := pdfLine * float64(len(pairs)/2+3)
		if p.GetY()+need > pageH-pdfMargin-8 {
			p.AddPageFormat(orientation, p.GetPageSizeStr("A4"))
		}
		p.SetFillColor(230, 230, 230)
		p.CellFormat(0, pdfLine+1, r[0].text+". "+firstValue(r), "1", 1, "L", true, 0, "")
		for i := 0; i < len(pairs); i += 2 {
			y := p.GetY()
			p.MultiCell(half, pdfLine, pairs[i], "", "L", false)
			yl := p.GetY()
			if i+1 < len(pairs) {
				p.SetXY(pdfMargin+half, y)
				p.MultiCell(half, pdfLine, pairs[i+1], "", "L", false)
			}
			p.SetXY(pdfMargin, max(yl, p.GetY()))
			if p.GetY() > pageH-pdfMargin-12 {
				p.AddPageFormat(orientation, p.GetPageSizeStr("A4"))
			}
		}
		p.Ln(3)
	}
	return nil
}

func cellTexts(r []spanCell) []string {
	out := make([]string, len(r))
	for i, c := range r {
		out[i] = c.text
	}
	return out
}

func firstValue(r []spanCell) string {
	if len(r) > 1 {
		return r[1].text
	}
	return ""
}

// finish writes the table of contents on its page and saves the PDF.
func (w *archiveWriter) finish(path string) (*Archive, error) {
	p := w.pdf
	last := p.PageNo()
	p.SetPage(w.toc)
	p.SetY(pdfMargin)
	w.heading("目　　录")
	p.SetFont("cjk", "", 12)
	for _, s := range w.res.Sections {
		title := s.Title
		if s.Note != "" {
			title += "（" + s.Note + "）"
		}
		link := p.AddLink()
		p.SetLink(link, 0, s.Page)
		p.CellFormat(150, 10, title, "B", 0, "L", false, link, "")
		p.CellFormat(0, 10, fmt.Sprintf("第 %d 页", s.Page), "B", 1, "R", false, link, "")
	}
	p.SetPage(last)
	w.res.Pages = p.PageCount()
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("生成 PDF 失败：%w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "~partyoffice-*.tmp")
	if err != nil {
		return nil, writeError(filepath.Dir(path), err)
	}
	defer os.Remove(tmp.Name())
	err = p.Output(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, writeError(filepath.Dir(path), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return nil, problem(ErrFileInUse, "无法写入“%s”：文件可能正在打开，请先关闭它（或换一个文件名）", filepath.Base(path))
	}
	return &w.res, nil
}
