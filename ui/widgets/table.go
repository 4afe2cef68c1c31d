package widgets

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"partyoffice/data/civil"
	"partyoffice/reports"
)

// TableConfig says what a Table shows and what it does with a row.
type TableConfig[T any] struct {
	// Columns are a register's columns (reports.Pick), described once for the
	// screen, the Excel export and the import.
	Columns []reports.Column[T]
	// Numbered puts a 序号 column first: the row's position as shown.
	Numbered bool
	// Sticky columns stay in view when scrolling sideways (序号 counts).
	Sticky int
	// ID identifies a row, so the selection stays on the same record when
	// the rows are reloaded or sorted. Required.
	ID func(*T) uint
	// OnSelect runs when the selection changes.
	OnSelect func()
	// OnOpen runs on a double tap (or Enter on the selected row): edit or
	// view the record.
	OnOpen func(*T)
	// Highlight, when set, says which cells stand out (未谈, arrears):
	// DangerImportance or WarningImportance for the cell of header in row v;
	// MediumImportance is a plain cell.
	Highlight func(v *T, header string) widget.Importance
	// Prefs remembers the widths the user dragged the columns to under this
	// key of the app's preferences; "" remembers nothing.
	Prefs string
}

// Table is the one list table of the screens: a header that sorts on tap
// (a second tap reverses), one selected row that survives reloads and
// sorting, open on double tap, and column widths kept between sessions.
type Table[T any] struct {
	cfg      TableConfig[T]
	cols     []reports.Column[T] // the data columns, after 序号 when Numbered
	rows     []tableRow[T]
	sortCol  int // table column, -1: as given
	sortDesc bool
	selected uint
	headers  map[int]fyne.CanvasObject // header cell per column, to read dragged widths
	table    *resizeTable
	collator *collate.Collator
	compact  bool // 紧凑行高, shared by the cells and headers
}

type tableRow[T any] struct {
	value T
	cells []string
}

// seqTitle is the header of the 序号 column.
const seqTitle = "序号"

// NewTable makes an empty table; fill it with SetRows.
func NewTable[T any](cfg TableConfig[T]) *Table[T] {
	t := &Table[T]{cfg: cfg, sortCol: -1, headers: map[int]fyne.CanvasObject{},
		collator: collate.New(language.SimplifiedChinese), compact: CompactTables()}
	t.cols = t.layoutColumns(t.savedLayout())
	tb := &resizeTable{dragEnded: t.rememberWidths}
	tb.Length = func() (int, int) { return len(t.rows), t.columnCount() }
	tb.CreateCell = func() fyne.CanvasObject {
		c := NewSelectableCell(func(id widget.TableCellID) { t.tapped(id) }, func(id widget.TableCellID) { t.open(id.Row) })
		c.compact = &t.compact
		return c
	}
	tb.UpdateCell = t.updateCell
	tb.ExtendBaseWidget(tb)
	tb.ShowHeaderRow = true
	tb.StickyColumnCount = cfg.Sticky
	tb.CreateHeader = func() fyne.CanvasObject { return newHeaderButton(&t.compact) }
	tb.UpdateHeader = t.updateHeader
	tb.OnSelected = func(id widget.TableCellID) { t.selectRow(id.Row) }
	t.table = tb
	t.restoreSort()
	t.applyWidths()
	onCompactChanged(func(on bool) {
		t.compact = on
		t.table.Refresh()
	})
	return t
}

// Widget is the table to put into a layout.
func (t *Table[T]) Widget() fyne.CanvasObject { return t.table }

func (t *Table[T]) columnCount() int {
	if t.cfg.Numbered {
		return len(t.cols) + 1
	}
	return len(t.cols)
}

// column is the data column behind table column i, nil for 序号.
func (t *Table[T]) column(i int) *reports.Column[T] {
	if t.cfg.Numbered {
		i--
	}
	if i < 0 || i >= len(t.cols) {
		return nil
	}
	return &t.cols[i]
}

func (t *Table[T]) title(i int) string {
	if c := t.column(i); c != nil {
		return c.Header
	}
	return seqTitle
}

// SetRows shows rows (filtered already), sorted by the chosen column. The
// selection stays on its record if that is still shown.
func (t *Table[T]) SetRows(rows []T) {
	shrunk := len(rows) < len(t.rows)
	n := t.columnCount()
	cells := make([]string, len(rows)*n) // one allocation for the whole table
	t.rows = make([]tableRow[T], len(rows))
	for i := range rows {
		r := &t.rows[i]
		r.value = rows[i]
		r.cells = cells[i*n : (i+1)*n : (i+1)*n]
		for j := range n {
			if c := t.column(j); c != nil {
				r.cells[j] = c.ShownText(&r.value)
			}
		}
	}
	t.sort()
	if t.selectedRow() < 0 {
		t.selected = 0
	}
	// The table's own marker sits on a cell position, which now may hold another
	// record; the selected record keeps the row highlight wherever its row moved.
	t.table.UnselectAll()
	t.table.Refresh()
	if shrunk {
		// Fyne's table keeps its vertical offset when the rows get fewer: scrolled
		// down, then narrowed by a search, it drew only the last row (or nothing
		// beside the sticky columns) until the wheel moved. A narrowed list starts
		// at its top; the sideways position stays.
		t.table.ScrollToTop()
	}
}

// Len is the number of rows shown.
func (t *Table[T]) Len() int { return len(t.rows) }

// Row is the record shown in row i.
func (t *Table[T]) Row(i int) *T { return &t.rows[i].value }

// Cell is the text shown in row i, column col (序号 is column 0 when Numbered).
func (t *Table[T]) Cell(i, col int) string { return t.rows[i].cells[col] }

// ColumnIndex is the table column titled title, -1 when there is none.
func (t *Table[T]) ColumnIndex(title string) int {
	for i := range t.columnCount() {
		if t.title(i) == title {
			return i
		}
	}
	return -1
}

// SelectRow selects the record shown in row i.
func (t *Table[T]) SelectRow(i int) { t.selectRow(i) }

// Selected is the selected record.
func (t *Table[T]) Selected() (*T, bool) {
	if i := t.selectedRow(); i >= 0 {
		return &t.rows[i].value, true
	}
	return nil, false
}

// Select selects the record with this ID (0: none).
func (t *Table[T]) Select(id uint) {
	t.selected = id
	if t.selectedRow() < 0 {
		t.selected = 0
	}
	t.changed()
}

// SortBy sorts by table column col; a second call with the same column
// reverses the order. The choice is remembered (TableConfig.Prefs).
func (t *Table[T]) SortBy(col int) {
	if t.sortCol == col {
		t.sortDesc = !t.sortDesc
	} else {
		t.sortCol, t.sortDesc = col, false
	}
	t.rememberSort()
	t.sort()
	t.table.Refresh()
}

func (t *Table[T]) selectedRow() int {
	if t.selected == 0 {
		return -1
	}
	for i := range t.rows {
		if t.cfg.ID(&t.rows[i].value) == t.selected {
			return i
		}
	}
	return -1
}

func (t *Table[T]) selectRow(row int) {
	if row < 0 || row >= len(t.rows) {
		return
	}
	if id := t.cfg.ID(&t.rows[row].value); id != t.selected {
		t.selected = id
		t.changed()
	}
}

func (t *Table[T]) changed() {
	if t.cfg.OnSelect != nil {
		t.cfg.OnSelect()
	}
	t.table.Refresh() // the row highlight moves
}

// tapped selects the row and gives the table the keyboard, so arrow keys
// move on from here.
func (t *Table[T]) tapped(id widget.TableCellID) {
	t.selectRow(id.Row)
	t.table.Select(id)
	if c := fyne.CurrentApp().Driver().CanvasForObject(t.table); c != nil {
		c.Focus(t.table)
	}
}

func (t *Table[T]) open(row int) {
	t.selectRow(row)
	if v, ok := t.Selected(); ok && t.cfg.OnOpen != nil {
		t.cfg.OnOpen(v)
	}
}

func (t *Table[T]) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(t.rows) || id.Col >= t.columnCount() {
		return
	}
	r := &t.rows[id.Row]
	importance := widget.MediumImportance
	if t.cfg.Highlight != nil {
		if c := t.column(id.Col); c != nil {
			importance = t.cfg.Highlight(&r.value, c.Header)
		}
	}
	selected := t.selected != 0 && t.cfg.ID(&r.value) == t.selected // 0: no record, never selected
	o.(*SelectableCell).SetStyled(id, r.cells[id.Col], selected, importance)
}

func (t *Table[T]) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := &o.(*headerButton).Button
	if id.Col < 0 || id.Col >= t.columnCount() {
		b.SetText("")
		b.OnTapped = nil
		return
	}
	t.headers[id.Col] = o
	title := t.title(id.Col)
	switch {
	case id.Col != t.sortCol:
	case t.sortDesc:
		title += " ▼"
	default:
		title += " ▲"
	}
	b.SetText(title)
	b.OnTapped = func() { t.SortBy(id.Col) }
}

// sort orders the rows by the chosen column and numbers them.
func (t *Table[T]) sort() {
	switch c := t.column(t.sortCol); {
	case t.sortCol < 0:
	case c == nil: // 序号: the order as given, or reversed
		if t.sortDesc {
			slices.Reverse(t.rows)
		}
	case c.Compare != nil:
		col := t.sortCol
		sort.SliceStable(t.rows, func(i, j int) bool {
			a, b := &t.rows[i], &t.rows[j]
			switch { // empty cells last in both directions
			case a.cells[col] == "":
				return false
			case b.cells[col] == "":
				return true
			}
			r := c.Compare(&a.value, &b.value)
			return t.sortDesc && r > 0 || !t.sortDesc && r < 0
		})
	default:
		t.sortByValue(c)
	}
	if t.cfg.Numbered {
		for i := range t.rows {
			t.rows[i].cells[0] = strconv.Itoa(i + 1)
		}
	}
}

// sortByValue orders by Get's values through sort keys computed once: text
// by pinyin collation key, dates in time order, numbers by value; empty
// values last in both directions, so blanks never crowd the top.
func (t *Table[T]) sortByValue(c *reports.Column[T]) {
	keys := make(map[*tableRow[T]]string, len(t.rows))
	var buf collate.Buffer
	for i := range t.rows {
		r := &t.rows[i]
		keys[r] = t.sortKey(c, r, &buf)
	}
	rows := make([]*tableRow[T], len(t.rows))
	for i := range t.rows {
		rows[i] = &t.rows[i]
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := keys[rows[i]], keys[rows[j]]
		switch {
		case a == b || a == "":
			return false
		case b == "":
			return true
		case t.sortDesc:
			return a > b
		}
		return a < b
	})
	sorted := make([]tableRow[T], len(rows))
	for i, r := range rows {
		sorted[i] = *r
	}
	copy(t.rows, sorted)
}

func (t *Table[T]) sortKey(c *reports.Column[T], r *tableRow[T], buf *collate.Buffer) string {
	var v any
	if c.Get != nil && c.Text == nil {
		v = c.Get(&r.value)
	} else {
		v = c.ShownText(&r.value)
	}
	switch v := v.(type) {
	case civil.Date:
		if v.IsZero() {
			return ""
		}
		return v.Time().Format("20060102")
	case int:
		return numberKey(int64(v))
	case int64:
		return numberKey(v)
	case string:
		if v == "" {
			return ""
		}
		k := string(t.collator.KeyFromString(buf, v))
		buf.Reset()
		return k
	default:
		return reports.ValueText(v)
	}
}

// numberKey sorts non-negative numbers as text.
func numberKey(n int64) string {
	return strings.Repeat("0", 20-len(strconv.FormatInt(n, 10))) + strconv.FormatInt(n, 10)
}

// columnWidth fits the header with its sort arrow, and at least the column's own width.
func (t *Table[T]) columnWidth(i int) float32 {
	w := fyne.MeasureText(t.title(i)+" ▲", theme.TextSize(), fyne.TextStyle{}).Width + 4*theme.Padding()
	if c := t.column(i); c != nil {
		switch {
		case c.ScreenWidth > 0:
			w = max(w, c.ScreenWidth)
		case c.Width > 0:
			w = max(w, float32(c.Width)*theme.TextSize())
		}
	}
	return w
}

// ColumnWidth is the width table column i starts with (remembered or its own).
func (t *Table[T]) ColumnWidth(i int) float32 {
	if w, ok := t.savedWidths()[t.title(i)]; ok && w > 0 {
		return w
	}
	return t.columnWidth(i)
}

// applyWidths sets every column's width: the one remembered, else its own.
func (t *Table[T]) applyWidths() {
	for i := range t.columnCount() {
		t.table.SetColumnWidth(i, t.ColumnWidth(i))
	}
}

// savedWidths are the remembered widths by column title.
func (t *Table[T]) savedWidths() map[string]float32 {
	out := map[string]float32{}
	if t.cfg.Prefs == "" || fyne.CurrentApp() == nil {
		return out
	}
	for _, item := range fyne.CurrentApp().Preferences().StringList(t.prefKey()) {
		title, width, ok := strings.Cut(item, "=")
		if w, err := strconv.ParseFloat(width, 32); ok && err == nil {
			out[title] = float32(w)
		}
	}
	return out
}

func (t *Table[T]) prefKey() string { return "table." + t.cfg.Prefs + ".widths" }

// rememberWidths keeps the widths of the headers on screen after the user
// dragged a column border (Fyne's table tells nothing else about it).
func (t *Table[T]) rememberWidths() {
	if t.cfg.Prefs == "" || fyne.CurrentApp() == nil {
		return
	}
	saved := t.savedWidths()
	for col, o := range t.headers {
		if col < t.columnCount() && o.Visible() && o.Size().Width > 0 {
			saved[t.title(col)] = o.Size().Width
		}
	}
	items := make([]string, 0, len(saved))
	for title, w := range saved {
		items = append(items, title+"="+strconv.FormatFloat(float64(w), 'f', 0, 32))
	}
	slices.Sort(items)
	fyne.CurrentApp().Preferences().SetStringList(t.prefKey(), items)
}

// resizeTable is Fyne's table that reports the end of a column drag.
type resizeTable struct {
	widget.Table
	dragEnded func()
}

func (r *resizeTable) DragEnd() {
	r.Table.DragEnd()
	if r.dragEnded != nil {
		r.dragEnded()
	}
}
