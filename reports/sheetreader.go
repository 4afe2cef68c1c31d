package reports

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
)

// RegisterImport is what a sheet holds, row by row, before anything is saved.
type RegisterImport[T any] struct {
	File, Sheet string
	HeaderRow   int
	Columns     []string // recognised headers in sheet order, as written
	Ignored     []string // headers not recognised
	Rows        []ImportedRow[T]
	// Skipped are rows left out with a word to the user: 填写说明 blocks and
	// 示例 rows (blank, total and signature rows are left out silently).
	Skipped []RowIssue
	// Suggestions are columns whose values look like another column's.
	Suggestions []ColumnSuggestion
	headers     map[string]string // Column.Header → the sheet's header text
}

// ImportedRow is one data row: the value built from its cells and what is
// wrong with it.
type ImportedRow[T any] struct {
	Row      int // 1-based, as Excel shows it
	Value    T
	Errors   []RowIssue
	Warnings []RowIssue
}

// ReadOptions tune ReadRegister.
type ReadOptions[T any] struct {
	// Progress reports sheet rows read under the header. total comes from
	// the sheet's declared dimension (Excel and WPS keep it; some tools
	// write only "A1"): 0 means unknown until the last call, which always
	// has done == total.
	Progress func(done, total int)
	// Finish normalises and checks a row's value once its cells are set.
	// Issue fields are Column.Header names; they are reported under the
	// sheet's own header text.
	Finish func(v *T) []data.FieldIssue
	// ColumnChoices override how sheet columns are read, by the sheet's
	// header text: a Column.Header, or "" to leave the column out. The
	// preview screen passes the user's answers to Suggestions here.
	ColumnChoices map[string]string
}

// HeaderFor is the sheet's header text of a column, or the column's own
// name when the sheet has no such column.
func (m *RegisterImport[T]) HeaderFor(column string) string {
	if h, ok := m.headers[column]; ok {
		return h
	}
	return column
}

// Has reports whether the sheet has the column (by Column.Header).
func (m *RegisterImport[T]) Has(column string) bool {
	_, ok := m.headers[column]
	return ok
}

const (
	headerSearchRows = 30      // title rows above the header are normal; this many are searched
	maxDataRows      = 100_000 // far beyond any branch; stops a wrong file from eating memory
)

// Rows whose first cell starts like this are totals or signatures.
var skipPrefixes = []string{"合计", "小计", "总计", "支部书记", "填表人", "审核人", "制表"}

// rawCells asks for raw values: the serial number of a date cell, the full
// digits of a number, not their formatted text.
var rawCells = excelize.Options{RawCellValue: true}

// ReadRegister reads the first sheet of the workbook at path that has a
// recognisable header row. It writes nothing anywhere.
func ReadRegister[T any](path string, reg *Register[T], opt ReadOptions[T]) (*RegisterImport[T], error) {
	f, err := openWorkbook(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var best headerCandidate
	budget := maxTextBytes
	for _, sheet := range f.GetSheetList() {
		res, err := readSheet(f, sheet, reg, opt, &best, &budget)
		if err != nil || res != nil {
			if res != nil {
				res.File = filepath.Base(path)
			}
			return res, err
		}
	}
	return nil, noHeader(reg, best)
}

// readSheet returns nil, nil when the sheet has no header.
func readSheet[T any](f *excelize.File, sheet string, reg *Register[T], opt ReadOptions[T], best *headerCandidate, budget *int) (*RegisterImport[T], error) {
	raw, err := f.Rows(sheet)
	if err != nil {
		return nil, damaged()
	}
	rows := &boundedRows{Rows: raw, budget: budget}
	defer rows.Close()
	hm, headerRow, err := findHeader(rows, reg, sheet, best)
	if hm == nil || err != nil {
		return nil, err
	}
	r := &sheetReader[T]{reg: reg, finish: opt.Finish, hm: hm, header: headerRow, choices: opt.ColumnChoices}
	total := 0
	if dim, err := f.GetSheetDimension(sheet); err == nil {
		if _, last, err := excelize.CellNameToCoordinates(lastCell(dim)); err == nil && last > headerRow {
			total = last - headerRow
		}
	}
	if err := r.readAll(rows, opt.Progress, total); err != nil {
		return nil, err
	}
	return r.result(sheet), nil
}

func lastCell(dim string) string {
	if i := strings.IndexByte(dim, ':'); i >= 0 {
		return dim[i+1:]
	}
	return dim
}

// damaged is the message for a workbook that breaks while being read.
func damaged() error {
	return problem(ErrTooLarge, "文件已损坏，无法读取：%s", saveAsHint)
}

// headerMap says which register column each sheet column holds.
type headerMap struct {
	cols []int    // register column index, -1 unknown, skipColumn for 序号
	text []string // the header cells as written (spaces folded)
}

// headerCandidate remembers the row most like a header, for the message
// when none qualifies.
type headerCandidate struct {
	sheet string
	row   int
	known []string
}

// matchHeader maps a row's cells as header texts; ok when the row qualifies
// as the header (enough known cells, every required column present).
func (r *Register[T]) matchHeader(cells []string) (hm *headerMap, known []string, ok bool) {
	hm = &headerMap{cols: make([]int, len(cells)), text: make([]string, len(cells))}
	found := make(map[int]bool)
	for j, c := range cells {
		hm.text[j] = headerText(c)
		hm.cols[j] = r.column(c)
		if hm.cols[j] >= 0 {
			found[hm.cols[j]] = true
			known = append(known, hm.text[j])
		}
	}
	minMatches := r.MinHeaderMatches
	if minMatches == 0 {
		minMatches = 3
	}
	if len(found) < minMatches {
		return hm, known, false
	}
	for i, c := range r.Columns {
		if c.Required && !found[i] {
			return hm, known, false
		}
	}
	return hm, known, true
}

// findHeader reads up to headerSearchRows rows looking for the header row and
// returns its map and row number; nil when the sheet has none.
func findHeader[T any](rows *boundedRows, reg *Register[T], sheet string, best *headerCandidate) (*headerMap, int, error) {
	for n := 1; n <= headerSearchRows && rows.Next(); n++ {
		cells, err := rows.Columns(rawCells)
		if err != nil {
			return nil, 0, readFailed(err)
		}
		hm, known, ok := reg.matchHeader(cells)
		if ok {
			return hm, n, nil
		}
		if len(known) > len(best.known) {
			*best = headerCandidate{sheet: sheet, row: n, known: known}
		}
	}
	if rows.Error() != nil {
		return nil, 0, damaged()
	}
	return nil, 0, nil
}

func noHeader[T any](reg *Register[T], best headerCandidate) error {
	var required, examples []string
	for _, c := range reg.Columns {
		if c.Required {
			required = append(required, c.Header)
		} else if len(examples) < 4 {
			examples = append(examples, c.Header)
		}
	}
	msg := fmt.Sprintf("没有找到表头：各工作表的前 %d 行里，没有一行像%s的列名。表头行至少要有%s，再加上%s等列中的几列",
		headerSearchRows, reg.Name, quoteList(required), quoteList(examples))
	if len(best.known) > 0 {
		msg += fmt.Sprintf("（工作表“%s”第 %d 行最像表头，但只认出了%s）", best.sheet, best.row, quoteList(best.known))
	}
	return problem(ErrNoHeader, "%s。请检查列名的写法，或把表头改成导出的党员名册里的样子", msg)
}

// sheetReader turns the rows under a header into values.
type sheetReader[T any] struct {
	reg    *Register[T]
	finish func(v *T) []data.FieldIssue
	hm     *headerMap
	header int // the header row
	rows   []ImportedRow[T]

	choices     map[string]string // ReadOptions.ColumnChoices
	pending     []pendingRow      // rows read before the columns are judged
	judged      bool
	skipped     []RowIssue
	suggestions []ColumnSuggestion
}

type pendingRow struct {
	row   int
	cells []string
}

func (r *sheetReader[T]) readAll(rows *boundedRows, progress func(done, total int), total int) error {
	row := r.header
	for rows.Next() {
		row++
		cells, err := rows.Columns(rawCells)
		if err != nil {
			return readFailed(err)
		}
		if row == r.header+1 {
			folded := r.foldSubHeader(cells)
			r.dropDuplicateColumns()
			if folded {
				continue
			}
		}
		r.add(row, cells)
		if len(r.rows) > maxDataRows {
			return problem(ErrTooLarge, "表格超过 %d 行，不像是%s：请确认选对了文件和工作表", maxDataRows, r.reg.Name)
		}
		if done := row - r.header; progress != nil && done%progressStep == 0 {
			progress(done, estimate(total, done))
		}
	}
	r.judgePending()
	if progress != nil {
		progress(row-r.header, row-r.header)
	}
	if err := rows.Error(); err != nil {
		return damaged()
	}
	if row == r.header { // no rows under the header
		r.dropDuplicateColumns()
	}
	return nil
}

// add takes one sheet row. The first judgeSample rows wait until the
// columns have been judged by their values (judgeColumns).
func (r *sheetReader[T]) add(row int, cells []string) {
	if r.judged {
		r.take(row, cells)
		return
	}
	r.pending = append(r.pending, pendingRow{row, cells})
	if len(r.pending) >= judgeSample {
		r.judgePending()
	}
}

func (r *sheetReader[T]) judgePending() {
	if r.judged {
		return
	}
	r.judged = true
	r.applyChoices()
	r.judgeColumns(r.pending)
	for _, p := range r.pending {
		r.take(p.row, p.cells)
	}
	r.pending = nil
}

// take parses a row, or notes why it is left out.
func (r *sheetReader[T]) take(row int, cells []string) {
	skip, why := r.skipRow(cells)
	if why != "" {
		r.skipped = append(r.skipped, RowIssue{Row: row, Message: why})
	}
	if !skip {
		r.rows = append(r.rows, r.parseRow(row, cells))
	}
}

// estimate keeps a known total ahead of the rows done; 0 stays "unknown".
func estimate(total, done int) int {
	if total == 0 {
		return 0
	}
	return max(total, done)
}

// foldSubHeader merges a second header row into the map when the row under
// the header names columns (and has nothing in a required column).
func (r *sheetReader[T]) foldSubHeader(cells []string) bool {
	sub, known, _ := r.reg.matchHeader(cells)
	if len(known) < 2 {
		return false
	}
	for j, idx := range r.hm.cols {
		if idx >= 0 && r.reg.col(idx).Required && j < len(cells) && cleanCell(cells[j]) != "" {
			return false
		}
	}
	for j, idx := range sub.cols {
		if idx == -1 {
			continue
		}
		r.hm.grow(j + 1)
		r.hm.cols[j], r.hm.text[j] = idx, sub.text[j]
	}
	return true
}

func (hm *headerMap) grow(n int) {
	for len(hm.cols) < n {
		hm.cols = append(hm.cols, -1)
		hm.text = append(hm.text, "")
	}
}

// dropDuplicateColumns keeps the first sheet column of each register column;
// later ones (say 手机 and 联系电话 both) are listed as ignored.
func (r *sheetReader[T]) dropDuplicateColumns() {
	seen := map[int]bool{}
	for j, idx := range r.hm.cols {
		if idx < 0 {
			continue
		}
		if seen[idx] {
			r.hm.cols[j] = -1
			r.hm.text[j] += "（重复的列）"
			continue
		}
		seen[idx] = true
	}
}

// parseRow builds one value from a row's cells.
func (r *sheetReader[T]) parseRow(rowNum int, cells []string) ImportedRow[T] {
	out := ImportedRow[T]{Row: rowNum}
	failed := map[int]bool{}
	for j, idx := range r.hm.cols {
		if idx < 0 || j >= len(cells) {
			continue
		}
		text := cleanCell(cells[j])
		if text == "" {
			continue
		}
		err := r.reg.col(idx).Set(&out.Value, text)
		switch {
		case err == nil:
		case isWarning(err):
			out.Warnings = append(out.Warnings, RowIssue{rowNum, r.hm.text[j], err.Error()})
		default:
			out.Errors = append(out.Errors, RowIssue{rowNum, r.hm.text[j], err.Error()})
			failed[idx] = true
		}
	}
	if r.finish != nil {
		r.addFieldIssues(&out, r.finish(&out.Value), failed)
	}
	return out
}

// addFieldIssues reports the checks' issues under the sheet's header text,
// leaving out columns whose cell was already refused.
func (r *sheetReader[T]) addFieldIssues(out *ImportedRow[T], issues []data.FieldIssue, failed map[int]bool) {
	for _, is := range issues {
		col := r.reg.columnByHeader(is.Field)
		if col >= 0 && failed[col] {
			continue
		}
		ri := RowIssue{out.Row, r.sheetHeader(col, is.Field), is.Message}
		if is.Warning {
			out.Warnings = append(out.Warnings, ri)
		} else {
			out.Errors = append(out.Errors, ri)
		}
	}
}

func (r *sheetReader[T]) sheetHeader(col int, fallback string) string {
	for j, idx := range r.hm.cols {
		if idx == col && col >= 0 {
			return r.hm.text[j]
		}
	}
	return fallback
}

func (r *Register[T]) columnByHeader(header string) int {
	for i := range r.columnCount() {
		if r.col(i).Header == header {
			return i
		}
	}
	return -1
}

// skipRow: nothing in the known columns, a total or signature line, the
// header repeated — or, with a reason to tell the user, a 填写说明 block or
// a 示例 row.
func (r *sheetReader[T]) skipRow(cells []string) (skip bool, why string) {
	if why := notDataRow(cells); why != "" {
		return true, why
	}
	if r.blank(cells) {
		return true, ""
	}
	first := firstText(cells)
	for _, p := range skipPrefixes {
		if strings.HasPrefix(first, p) {
			return true, ""
		}
	}
	return r.repeatsHeader(cells), ""
}

// blank: nothing in the columns that are read.
func (r *sheetReader[T]) blank(cells []string) bool {
	for j, idx := range r.hm.cols {
		if idx >= 0 && j < len(cells) && cleanCell(cells[j]) != "" {
			return false
		}
	}
	return true
}

// firstText is the row's first non-empty cell without any spaces.
func firstText(cells []string) string {
	for _, c := range cells {
		c = strings.Map(func(r rune) rune {
			if isSpace(r) {
				return -1
			}
			return r
		}, c)
		if c != "" {
			return c
		}
	}
	return ""
}

// repeatsHeader: the header again, as in sheets pasted together page by
// page. The required columns are looked at first, as matching a whole row
// of cells as headers is the costly part.
func (r *sheetReader[T]) repeatsHeader(cells []string) bool {
	for j, idx := range r.hm.cols {
		if idx >= 0 && r.reg.col(idx).Required && (j >= len(cells) || r.reg.column(cells[j]) != idx) {
			return false
		}
	}
	_, _, ok := r.reg.matchHeader(cells)
	return ok
}

func (r *sheetReader[T]) result(sheet string) *RegisterImport[T] {
	out := &RegisterImport[T]{Sheet: sheet, HeaderRow: r.header, Rows: r.rows, headers: map[string]string{},
		Skipped: r.skipped, Suggestions: r.suggestions}
	for j, idx := range r.hm.cols {
		switch {
		case idx >= 0:
			out.Columns = append(out.Columns, r.hm.text[j])
			out.headers[r.reg.col(idx).Header] = r.hm.text[j]
		case idx == -1 && r.hm.text[j] != "":
			out.Ignored = append(out.Ignored, r.hm.text[j])
		}
	}
	return out
}
