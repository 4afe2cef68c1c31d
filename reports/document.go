package reports

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"partyoffice/data/civil"
)

// Document is what surrounds a register's table on paper.
type Document struct {
	Title     string     // merged first row, e.g. XX党支部党员名册
	Unit      string     // 填报单位, left of the subtitle row; "" leaves it out
	AsOf      civil.Date // 截至日期, right of the subtitle row; zero leaves it out
	Signature string     // the line under the table for signatures; "" for none
	Mask      bool       // hide private values (columns with a Mask) for 公示
	Author    string     // the branch's name, for the file properties
	Made      time.Time  // when the file is made (storeNow), for the file properties
}

// fileInfo is the file properties of a workbook that holds this document.
func (d Document) fileInfo() fileInfo {
	return fileInfo{Title: d.Title, Author: d.Author, Made: d.Made}
}

// SignatureLine is the usual line under a register.
const SignatureLine = "支部书记：　　　　　　　　填表人：　　　　　　　　日期：　　　　年　　月　　日"

// Layout of the sheet: title, subtitle, header, then the rows.
const (
	titleRow    = 1
	subtitleRow = 2
	headerRow   = 3
	firstRow    = 4

	minAutoWidth = 6
	maxAutoWidth = 16  // longer text wraps: 28 columns must fit an A4 width
	progressStep = 200 // rows between progress reports
)

const (
	fontBody  = "宋体"
	fontTitle = "黑体"
	gbCharset = 134 // GB2312, so Excel/WPS pick the Chinese face
)

// WriteRegister writes rows as a printable register to path (.xlsx),
// atomically: a failed export leaves any earlier file untouched.
func WriteRegister[T any](path string, reg *Register[T], doc Document, rows []T, progress func(done, total int)) error {
	return writeWorkbook(path, doc.fileInfo(), registerSheet(reg, doc, rows, progress))
}

func exportFailed(err error) error { return fmt.Errorf("生成 Excel 文件失败：%w", err) }

// docWriter streams one register sheet.
type docWriter[T any] struct {
	f      *excelize.File
	sheet  string
	reg    *Register[T]
	doc    Document
	sw     *excelize.StreamWriter
	st     styles
	widths []float64 // per sheet column, 序号 first
	cols   int       // sheet columns: 序号 + register columns
}

type styles struct {
	title, subLeft, subRight, header, signature int
	number, text, center, code, date, money     int
	small                                       int // text in a smaller font, for a row too tall at the usual size
	percent                                     int // a fraction shown as 87.5%
}

func newDocWriter[T any](f *excelize.File, reg *Register[T], doc Document, rows []T) (*docWriter[T], error) {
	w := &docWriter[T]{f: f, sheet: reg.Name, reg: reg, doc: doc, cols: len(reg.Columns) + 1}
	if err := useSheet(f, w.sheet); err != nil {
		return nil, err
	}
	if err := f.SetDefaultFont(fontBody); err != nil {
		return nil, err
	}
	var err error
	if w.st, err = newStyles(f); err != nil {
		return nil, err
	}
	// Stream order (docs/ARCHITECTURE.md#excel-stream-order): sheet props before the stream writer,
	// widths and panes before the first row.
	fit := true
	if err := f.SetSheetProps(w.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	// The stream writer copies the dimension when it starts; declaring the
	// final range lets readers (ours too) estimate their progress.
	lastRow := signatureRow(len(rows))
	if err := f.SetSheetDimension(w.sheet, "A1:"+cellName(w.cols, lastRow)); err != nil {
		return nil, err
	}
	if w.sw, err = f.NewStreamWriter(w.sheet); err != nil {
		return nil, err
	}
	w.widths = columnWidths(reg, rows, doc.Mask)
	for i := len(w.widths) - 1; i >= 0; i-- { // each call prepends: right to left
		if err := w.sw.SetColWidth(i+1, i+1, w.widths[i]); err != nil {
			return nil, err
		}
	}
	frozen := 1 + reg.FreezeColumns
	return w, w.sw.SetPanes(&excelize.Panes{
		Freeze: true, XSplit: frozen, YSplit: headerRow,
		TopLeftCell: cellName(frozen+1, firstRow), ActivePane: "bottomRight",
	})
}

func (w *docWriter[T]) write(rows []T, progress func(done, total int)) error {
	steps := []func() error{w.writeTitle, w.writeSubtitle, w.writeHeader}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if err := w.writeRows(rows, progress); err != nil {
		return err
	}
	if err := w.writeSignature(signatureRow(len(rows))); err != nil {
		return err
	}
	if err := w.addChoices(len(rows)); err != nil {
		return err
	}
	if err := w.pageSetup(); err != nil {
		return err
	}
	if err := w.sw.Flush(); err != nil {
		return err
	}
	return w.printRanges(len(rows))
}

// signatureRow is the row of the signature line under n data rows, after
// an empty row that keeps it apart from the data (a reader stacking files
// stops at the empty row).
func signatureRow(n int) int { return firstRow + n + 1 }

func (w *docWriter[T]) lastCol() string { return colName(w.cols) }

// mergedRow writes one value across the whole width of the table.
func (w *docWriter[T]) mergedRow(row int, value string, style int, height float64) error {
	return w.mergedCols(row, 1, w.cols, value, style, height)
}

// mergedCols writes one value across the columns from to to.
func (w *docWriter[T]) mergedCols(row, from, to int, value string, style int, height float64) error {
	cells := make([]any, to-from+1)
	for i := range cells {
		cells[i] = excelize.Cell{StyleID: style}
	}
	cells[0] = excelize.Cell{StyleID: style, Value: value}
	if err := w.sw.SetRow(cellName(from, row), cells, excelize.RowOpts{Height: height}); err != nil {
		return err
	}
	return w.sw.MergeCell(cellName(from, row), cellName(to, row))
}

func (w *docWriter[T]) writeTitle() error {
	// The title wraps rather than run past a narrow table's edge.
	lines := wrappedLines(w.doc.Title, w.totalWidth()/titleRatio)
	return w.mergedRow(titleRow, w.doc.Title, w.st.title, math.Max(36, lines*26+10))
}

// writeSubtitle puts 填报单位 on the left half and 截至日期 on the right half.
func (w *docWriter[T]) writeSubtitle() error {
	var left, right string
	if w.doc.Unit != "" {
		left = "填报单位：" + w.doc.Unit
	}
	if !w.doc.AsOf.IsZero() {
		right = "截至日期：" + w.doc.AsOf.Chinese()
	}
	if w.doc.Unit != "" && !w.doc.AsOf.IsZero() && !w.halvesFit(left, right) {
		// A narrow table: the two on lines of their own, across the width.
		text := left + "\n" + right
		return w.mergedRow(subtitleRow, text, w.st.subLeft, wrappedLines(text, w.totalWidth())*lineHeight+rowPadding)
	}
	split := w.cols / 2
	cells := make([]any, w.cols)
	for i := range cells {
		style := w.st.subLeft
		if i >= split {
			style = w.st.subRight
		}
		cells[i] = excelize.Cell{StyleID: style}
	}
	cells[0] = excelize.Cell{StyleID: w.st.subLeft, Value: left}
	cells[split] = excelize.Cell{StyleID: w.st.subRight, Value: right}
	if err := w.sw.SetRow(cellName(1, subtitleRow), cells, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}
	if err := w.sw.MergeCell(cellName(1, subtitleRow), cellName(split, subtitleRow)); err != nil {
		return err
	}
	return w.sw.MergeCell(cellName(split+1, subtitleRow), cellName(w.cols, subtitleRow))
}

// halvesFit reports whether the subtitle's two halves fit their halves of
// the table's width.
func (w *docWriter[T]) halvesFit(left, right string) bool {
	split, l, r := w.cols/2, 0.0, 0.0
	for i, x := range w.widths {
		if i < split {
			l += x
		} else {
			r += x
		}
	}
	return displayWidth(left) < l && displayWidth(right) < r
}

func (w *docWriter[T]) totalWidth() float64 {
	total := 0.0
	for _, x := range w.widths {
		total += x
	}
	return total
}

func (w *docWriter[T]) writeHeader() error {
	cells := make([]any, w.cols)
	cells[0] = excelize.Cell{StyleID: w.st.header, Value: numberHeader}
	lines := 1.0
	for i, c := range w.reg.Columns {
		cells[i+1] = excelize.Cell{StyleID: w.st.header, Value: c.Header}
		// Headers wrap inside their column; the row grows to the tallest.
		lines = math.Max(lines, wrappedLines(c.Header, w.widths[i+1]))
	}
	return w.sw.SetRow(cellName(1, headerRow), cells, excelize.RowOpts{Height: 15*lines + 8})
}

func (w *docWriter[T]) writeRows(rows []T, progress func(done, total int)) error {
	cells := make([]any, w.cols) // reused: SetRow encodes the row at once
	for n := range rows {
		cells[0] = excelize.Cell{StyleID: w.st.number, Value: n + 1}
		for i := range w.reg.Columns {
			cells[i+1] = w.cell(&w.reg.Columns[i], &rows[n])
		}
		if err := w.sw.SetRow(cellName(1, firstRow+n), cells, w.rowHeight(cells)); err != nil {
			return err
		}
		if progress != nil && ((n+1)%progressStep == 0 || n+1 == len(rows)) {
			progress(n+1, len(rows))
		}
	}
	return nil
}

// Row heights in points: a streamed row is not re-measured by Excel or WPS
// on opening, so a wrapped cell needs its height set here or its second line
// is drawn over the next row. Excel refuses rows over 409 points; a row that
// would be taller has its text set in a smaller font (more characters to a
// line, lower lines), and is capped at 409.
const (
	lineHeight        = 15.0 // what LibreOffice and WPS draw for an 11-point CJK line
	rowPadding        = 5.0
	maxRowHeight      = 409.0
	smallFontSize     = 8.0
	smallLineRatio    = smallFontSize / 11 // body text is 11 points
	titleFontSize     = 18.0
	signatureFontSize = 12.0
	titleRatio        = titleFontSize / 11
)

// rowHeight fits the tallest text cell of the row (explicit line breaks and
// wrapping at the column's width); a row too tall for Excel gets the small
// font in its text cells.
func (w *docWriter[T]) rowHeight(cells []any) excelize.RowOpts {
	lines := w.rowLines(cells, 1)
	if lines == 1 {
		return excelize.RowOpts{}
	}
	height := lines*lineHeight + rowPadding
	if height > maxRowHeight {
		for i, c := range cells {
			if cell := c.(excelize.Cell); cell.StyleID == w.st.text {
				cell.StyleID = w.st.small
				cells[i] = cell
			}
		}
		// A small CJK line still takes about 12 points as LibreOffice and WPS draw it.
		height = w.rowLines(cells, smallLineRatio)*math.Max(lineHeight*smallLineRatio, 12) + rowPadding
	}
	return excelize.RowOpts{Height: math.Min(height, maxRowHeight)}
}

// rowLines is the lines of the tallest string cell; ratio is the font size
// against the body's (a smaller font fits more characters to a line).
func (w *docWriter[T]) rowLines(cells []any, ratio float64) float64 {
	lines := 1.0
	for i, c := range cells {
		if s, ok := c.(excelize.Cell).Value.(string); ok && s != "" {
			lines = math.Max(lines, wrappedLines(s, w.widths[i]/ratio))
		}
	}
	return lines
}

// wrappedLines is how many lines text takes in a column of width
// characters: each explicit line break starts a line, and each line wraps
// at the width.
func wrappedLines(text string, width float64) float64 {
	n := 0.0
	for _, l := range strings.Split(text, "\n") {
		n += math.Max(1, math.Ceil(displayWidth(l)/math.Max(width-1, 1)))
	}
	return n
}

// cell converts a column's value into a styled cell. Strings always go in as
// strings (an inline string, never a formula, whatever they start with); ID
// and phone numbers are strings, so no digit is lost.
func (w *docWriter[T]) cell(c *Column[T], v *T) excelize.Cell {
	style := w.st.text
	switch {
	case c.Kind == KindCode || c.Kind == KindDate:
		style = w.st.code
	case c.Kind == KindNumber:
		style = w.st.number
	case c.Kind == KindMoney:
		style = w.st.money
	case c.Kind == KindPercent:
		style = w.st.percent
	case c.Center || c.Kind == KindBool:
		style = w.st.center
	}
	switch x := c.Get(v).(type) {
	case nil:
	case civil.Date:
		if w.doc.Mask && c.MonthOnly && !x.IsZero() {
			x.Day = 0
		}
		if x.Precision() == civil.DayPrecision && x.Year >= 1900 {
			return excelize.Cell{StyleID: w.st.date, Value: x.Time()}
		}
		if !x.IsZero() {
			return excelize.Cell{StyleID: style, Value: dateText(x)}
		}
	case bool:
		return excelize.Cell{StyleID: style, Value: boolText(x)}
	case string:
		if w.doc.Mask && c.Mask != nil && x != "" {
			x = c.Mask(x)
		}
		if x != "" {
			return excelize.Cell{StyleID: style, Value: x}
		}
	case int64:
		if c.Kind == KindMoney {
			// Fen to 元 only for the cell: an exact number with two decimals
			// (float64 holds every fen value up to 2^53).
			return excelize.Cell{StyleID: style, Value: float64(x) / 100}
		}
		return excelize.Cell{StyleID: style, Value: x}
	case int, float64:
		return excelize.Cell{StyleID: style, Value: x}
	default:
		return excelize.Cell{StyleID: style, Value: fmt.Sprint(x)}
	}
	return excelize.Cell{StyleID: style}
}

// writeSignature writes the signature line. On a register printed two
// pages wide it starts after the columns that repeat on every page (序号,
// 姓名) and ends within the left page: in column A, or merged across the
// page break, it printed again on the right halves.
func (w *docWriter[T]) writeSignature(row int) error {
	if w.doc.Signature == "" {
		return nil
	}
	from, to := 1, w.cols
	if w.pagesWide() > 1 {
		from, to = repeatedColumns+1, max(w.leftPageColumns(), repeatedColumns+1)
	}
	// A line longer than a narrow table wraps, and the row grows with it.
	width := 0.0
	for _, x := range w.widths[from-1 : to] {
		width += x
	}
	ratio := signatureFontSize / 11
	height := math.Max(32, wrappedLines(w.doc.Signature, width/ratio)*lineHeight*ratio+rowPadding*2)
	return w.mergedCols(row, from, to, w.doc.Signature, w.st.signature, height)
}

// repeatedColumns print on every page of a register two pages wide: 序号
// and 姓名 (printRanges).
const repeatedColumns = 2

// leftPageColumns is how many columns surely print on the left page of a
// register two pages wide: those within 40% of the total width (LibreOffice
// does not always fill the left page to half).
func (w *docWriter[T]) leftPageColumns() int {
	half := w.totalWidth() * 0.4
	sum, n := 0.0, 0
	for _, x := range w.widths {
		if sum+x > half {
			break
		}
		sum += x
		n++
	}
	return max(n, 1)
}

// addChoices offers drop-downs (是/否, 人员类别 …) on the data rows, so edits
// made in Excel stay importable.
func (w *docWriter[T]) addChoices(rows int) error {
	if rows == 0 {
		return nil
	}
	for i, c := range w.reg.Columns {
		if len(c.Choices) == 0 {
			continue
		}
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(cellName(i+2, firstRow) + ":" + cellName(i+2, firstRow+rows-1))
		if err := dv.SetDropList(c.Choices); err != nil {
			return err
		}
		if err := w.f.AddDataValidation(w.sheet, dv); err != nil {
			return err
		}
	}
	return nil
}

// onePageWidth is how many character widths an A4 landscape page holds at a
// legible scale (about 70%). A wider register prints two pages wide instead
// of shrinking to an unreadable size: then the title and subtitle move into
// the page header so every page carries them, and 序号 and 姓名 repeat at the
// left of each page.
const onePageWidth = 210

func (w *docWriter[T]) pagesWide() int {
	if w.totalWidth() > onePageWidth && !w.reg.Portrait {
		return 2
	}
	return 1
}

// pageSetup: A4, landscape unless the register is narrow, one or two pages
// wide, margins in inches, page numbers in the footer.
func (w *docWriter[T]) pageSetup() error {
	size, orientation, wide, tall := 9, "landscape", w.pagesWide(), 0 // 9 = A4; 0 tall = as many pages as needed
	if w.reg.Portrait {
		orientation = "portrait"
	}
	// Over, then down: each row's right half follows its left half, so the
	// pages can be laid side by side in order.
	order := "overThenDown"
	if err := w.f.SetPageLayout(w.sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall, PageOrder: &order,
	}); err != nil {
		return err
	}
	side, top, edge, centred := 0.4, 0.6, 0.3, true
	if wide > 1 {
		top = 0.9 // room for the title in the page header
	}
	if err := w.f.SetPageMargins(w.sheet, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &top, Bottom: &top, Header: &edge, Footer: &edge,
		Horizontally: &centred,
	}); err != nil {
		return err
	}
	hf := &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页 共 &N 页"}
	if wide > 1 {
		hf.OddHeader = w.pageHeader()
	}
	return w.f.SetHeaderFooter(w.sheet, hf)
}

// pageHeader repeats the title (centre) and the subtitle (left and right)
// on every printed page of a register printed more than one page wide.
func (w *docWriter[T]) pageHeader() string {
	esc := func(s string) string { return strings.ReplaceAll(s, "&", "&&") }
	h := fmt.Sprintf("&C&\"%s,Bold\"&16%s", fontTitle, esc(w.doc.Title))
	if w.doc.Unit != "" {
		h = fmt.Sprintf("&L&\"%s\"&10填报单位：%s", fontBody, esc(w.doc.Unit)) + h
	}
	if !w.doc.AsOf.IsZero() {
		h += fmt.Sprintf("&R&\"%s\"&10截至日期：%s", fontBody, w.doc.AsOf.Chinese())
	}
	return h
}

// printRanges: the header row (and, when two pages wide, 序号 and 姓名)
// repeat on every page; when the title is in the page header, the title and
// subtitle rows are left out of the print area so they do not print twice.
func (w *docWriter[T]) printRanges(rows int) error {
	titles := fmt.Sprintf("'%s'!$%d:$%d", w.sheet, titleRow, headerRow)
	if w.pagesWide() > 1 {
		titles = fmt.Sprintf("'%s'!$A:$B,'%s'!$%d:$%d", w.sheet, w.sheet, headerRow, headerRow)
		last := signatureRow(rows)
		if err := w.f.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Area",
			RefersTo: fmt.Sprintf("'%s'!$A$%d:$%s$%d", w.sheet, headerRow, w.lastCol(), last),
			Scope:    w.sheet,
		}); err != nil {
			return err
		}
	}
	return w.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: w.sheet,
	})
}

// columnWidths: fixed widths as declared; the others fit the longest value
// (a Chinese character counts 2) within [minAutoWidth, maxAutoWidth].
func columnWidths[T any](reg *Register[T], rows []T, mask bool) []float64 {
	out := make([]float64, len(reg.Columns)+1)
	out[0] = math.Max(5, displayWidth(fmt.Sprint(len(rows)))+2)
	for i := range reg.Columns {
		c := &reg.Columns[i]
		if c.Width > 0 {
			out[i+1] = c.Width
			continue
		}
		// A header may wrap onto two lines, so it needs only half its width.
		widest := math.Ceil(displayWidth(c.Header) / 2)
		for n := range rows {
			s := cellText(c.Get(&rows[n]))
			if mask && c.Mask != nil && s != "" {
				s = c.Mask(s)
			}
			widest = math.Max(widest, displayWidth(s))
		}
		out[i+1] = math.Min(math.Max(widest+2, minAutoWidth), maxAutoWidth)
	}
	return out
}

// styleSpec pairs a style with the field that keeps its ID.
type styleSpec struct {
	id    *int
	style excelize.Style
}

func newStyles(f *excelize.File) (styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	charset := gbCharset
	font := func(family string, size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: family, Size: size, Bold: bold, Charset: &charset}
	}
	body := font(fontBody, 11, false)
	align := func(h string, wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: wrap}
	}
	var st styles
	specs := []styleSpec{
		{&st.title, excelize.Style{Font: font(fontTitle, titleFontSize, true), Alignment: align("center", true)}},
		{&st.subLeft, excelize.Style{Font: body, Alignment: align("left", true)}},
		{&st.subRight, excelize.Style{Font: body, Alignment: align("right", false)}},
		{&st.header, excelize.Style{Font: font(fontBody, 11, true), Alignment: align("center", true), Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}}},
		{&st.signature, excelize.Style{Font: font(fontBody, signatureFontSize, false), Alignment: align("left", true)}},
		{&st.number, excelize.Style{Font: body, Alignment: align("center", false), Border: border}},
		{&st.percent, excelize.Style{Font: body, Alignment: align("center", false), Border: border, CustomNumFmt: strPtr("0.0%")}},
		{&st.text, excelize.Style{Font: body, Alignment: align("left", true), Border: border}},
		{&st.small, excelize.Style{Font: font(fontBody, smallFontSize, false), Alignment: align("left", true), Border: border}},
		{&st.center, excelize.Style{Font: body, Alignment: align("center", true), Border: border}},
		// 49 is the built-in text format "@": a number typed there later stays text.
		{&st.code, excelize.Style{Font: body, Alignment: align("center", false), Border: border, NumFmt: 49}},
		{&st.money, excelize.Style{Font: body, Alignment: align("right", false), Border: border, NumFmt: 2}}, // 0.00
		{&st.date, excelize.Style{Font: body, Alignment: align("center", false), Border: border,
			CustomNumFmt: strPtr("yyyy-mm-dd")}},
	}
	for _, s := range specs {
		id, err := f.NewStyle(&s.style)
		if err != nil {
			return st, err
		}
		*s.id = id
	}
	return st, nil
}

func strPtr(s string) *string { return &s }

// colName is the column letter(s) of a 1-based column number.
func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// cellName is "B7" for column 2, row 7.
func cellName(col, row int) string { return colName(col) + fmt.Sprint(row) }

// checkOutputPath refuses names Excel/WPS would not open as a workbook.
func checkOutputPath(path string) error {
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return fmt.Errorf("导出的文件名应以 .xlsx 结尾（现在是“%s”），请改一下文件名", filepath.Base(path))
	}
	return nil
}
