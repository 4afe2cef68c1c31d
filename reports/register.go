// Package reports moves registers between the store and Excel. A register
// (党员名册, 入党积极分子名册 …) is described once as a list of columns; the
// document writer and the sheet reader both work from that description, so a
// file we export imports back unchanged. Nothing here knows about Fyne.
package reports

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"partyoffice/data/civil"
)

// ColumnKind says how a column's values are written and read.
type ColumnKind int

const (
	KindText    ColumnKind = iota // free text, left aligned, wrapped
	KindCode                      // digits that must stay text: ID and phone numbers
	KindDate                      // civil.Date: a real Excel date when day-precise, else text like 2008.07
	KindBool                      // 是/否
	KindNumber                    // a number
	KindPercent                   // a fraction (0.875), shown as a percentage (87.5%)
	KindMoney                     // an amount in fen (int64), shown as 元 with two decimals
)

// Column describes one column of a register, for export and import alike.
type Column[T any] struct {
	Header   string   // canonical header text (a data.Field* name where there is one)
	Aliases  []string // other spellings offices use for the same column
	Width    float64  // width in characters; 0 fits the content
	Kind     ColumnKind
	Center   bool     // centre the values (short codes such as 性别)
	Choices  []string // values offered as a drop-down in the exported sheet
	Required bool     // the header row must contain this column

	// Get returns the value to write: string, civil.Date, bool, an integer,
	// a float, or nil for an empty cell.
	Get func(*T) any
	// Set stores a cell's text (already trimmed, never empty). An error is
	// shown to the user next to the row; a *CellWarning keeps the value and
	// shows the warning.
	Set func(*T, string) error
	// Mask hides private parts of the value in lists meant for 公示.
	Mask func(string) string
	// Private columns (家庭住址, 固定电话, 备注) are left out of masked
	// exports altogether: no mask keeps free text or an address safe.
	Private bool
	// MonthOnly dates (出生日期) print as year and month in masked exports,
	// so that the birth date hidden in a masked ID number is not beside it.
	MonthOnly bool

	// On screen: ui/widgets.Table shows a register's columns from this same
	// description; export and import ignore these fields.

	// ScreenWidth is the column's least width in pixels; 0 derives it from
	// Width (characters) or the header.
	ScreenWidth float32
	// Text is the cell's text on screen; nil shows Get's value as the sheet
	// does (dates 2008-07-01 or 2008-07, 是/否, numbers).
	Text func(*T) string
	// Compare orders two rows for a tap on the header; nil compares Get's
	// values (dates in time order, text in pinyin order), empty values last.
	Compare func(a, b *T) int
	// Looks reports whether a value certainly belongs in this column (its
	// closed list of spellings). The importer judges a sheet column by its
	// values with it: a 党籍状态 column holding 正式党员 is a 人员类别.
	Looks func(string) bool
}

// ShownText is the column's text for v on screen (Text, else Get's value
// as the sheet shows it).
func (c *Column[T]) ShownText(v *T) string {
	if c.Text != nil {
		return c.Text(v)
	}
	if c.Get == nil {
		return ""
	}
	return ValueText(c.Get(v))
}

// ValueText is a cell value (what Column.Get returns) as text.
func ValueText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case civil.Date:
		return v.String()
	case bool:
		if v {
			return "是"
		}
		return "否"
	default:
		return fmt.Sprint(v)
	}
}

// Pick is the register's columns with these headers, in this order: a
// screen shows a selection of a register's columns. An unknown header is a
// programming error.
func Pick[T any](r *Register[T], headers ...string) []Column[T] {
	out := make([]Column[T], 0, len(headers))
	for _, h := range headers {
		i := slices.IndexFunc(r.Columns, func(c Column[T]) bool { return c.Header == h })
		if i < 0 {
			panic("reports: " + r.Name + " has no column " + h)
		}
		out = append(out, r.Columns[i])
	}
	return out
}

// Register is a named list of columns. Export writes them in order after a
// 序号 column; import finds them in any order by header text.
type Register[T any] struct {
	Name    string // sheet name and title suffix, e.g. 党员名册
	Columns []Column[T]
	// ImportOnly are columns other systems' sheets carry that the import
	// reads into the value's fields but exports never write (标签 into 备注).
	ImportOnly    []Column[T]
	FreezeColumns int  // data columns kept visible when scrolling right (besides 序号)
	Portrait      bool // print portrait (narrow registers); default landscape
	// MinHeaderMatches is how many cells of a row must be known headers for
	// the row to count as the header row (3 when zero).
	MinHeaderMatches int

	once  sync.Once
	index map[string]int // header key → column index
}

// public is the register as a masked export prints it: without its
// Private columns.
func (r *Register[T]) public() *Register[T] {
	out := &Register[T]{Name: r.Name, FreezeColumns: r.FreezeColumns, Portrait: r.Portrait,
		MinHeaderMatches: r.MinHeaderMatches}
	for _, c := range r.Columns {
		if !c.Private {
			out.Columns = append(out.Columns, c)
		}
	}
	return out
}

// CellWarning is returned by Column.Set when the value was stored but the
// user should look at it.
type CellWarning struct{ Msg string }

func (w *CellWarning) Error() string { return w.Msg }

// RowIssue is one problem of one row of an imported sheet.
type RowIssue struct {
	Row     int    `json:"row"`     // 1-based row as Excel shows it
	Column  string `json:"column"`  // the header text as written in the sheet
	Message string `json:"message"` // plain Chinese
}

func (i RowIssue) String() string {
	if i.Column == "" {
		return fmt.Sprintf("第%d行：%s", i.Row, i.Message)
	}
	return fmt.Sprintf("第%d行 %s：%s", i.Row, i.Column, i.Message)
}

// numberHeaders are 序号 columns: written first on export, ignored on import.
var numberHeaders = []string{"序号", "编号", "No.", "No", "NO."}

const numberHeader = "序号"

// skipColumn marks a sheet column that is known but carries no data (序号).
const skipColumn = -2

// column looks a header text up; -1 when unknown, skipColumn for 序号.
func (r *Register[T]) column(header string) int {
	r.once.Do(r.buildIndex)
	key := headerKey(header)
	if key == "" {
		return -1
	}
	if i, ok := r.index[key]; ok {
		return i
	}
	// "身份证号码（18位）", "出生年月(年月日)": the words before the note.
	for {
		open := strings.LastIndexByte(key, '(')
		if open <= 0 || !strings.HasSuffix(key, ")") {
			return -1
		}
		key = key[:open]
		if i, ok := r.index[key]; ok {
			return i
		}
	}
}

func (r *Register[T]) buildIndex() {
	r.index = map[string]int{}
	add := func(name string, i int) {
		k := headerKey(name)
		if j, dup := r.index[k]; dup && j != i {
			panic(fmt.Sprintf("reports: %s: header %q belongs to two columns", r.Name, name))
		}
		r.index[k] = i
	}
	for _, h := range numberHeaders {
		add(h, skipColumn)
	}
	for i := range r.columnCount() {
		c := r.col(i)
		add(c.Header, i)
		for _, a := range c.Aliases {
			add(a, i)
		}
	}
}

// columnCount counts the exported and the import-only columns; col(i)
// indexes both, exported first.
func (r *Register[T]) columnCount() int { return len(r.Columns) + len(r.ImportOnly) }

func (r *Register[T]) col(i int) *Column[T] {
	if i < len(r.Columns) {
		return &r.Columns[i]
	}
	return &r.ImportOnly[i-len(r.Columns)]
}

// headerNotes are remarks templates put into header cells.
var headerNotes = strings.NewReplacer(
	"(必填)", "", "(选填)", "", "(可选)", "", "(必须)", "", "(必填项)", "",
	"*", "", "※", "", "/", "", "、", "", "\\", "", "|", "", ":", "", "_", "", "-", "")

// headerKey folds the ways one header is written (spaces to align two-character
// names, line breaks, full-width brackets, a star for required fields) into
// one key.
func headerKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		r = foldWidth(r)
		switch {
		case isSpace(r) || r < ' ':
			continue
		case r == '【' || r == '[' || r == '〔':
			r = '('
		case r == '】' || r == ']' || r == '〕':
			r = ')'
		}
		b.WriteRune(r)
	}
	key := strings.ToLower(headerNotes.Replace(b.String()))
	if strings.HasPrefix(key, "(") && strings.HasSuffix(key, ")") && strings.Count(key, "(") == 1 {
		key = key[1 : len(key)-1] // 【备注】
	}
	return key
}

// headerText is a header cell as shown in messages: its words, without line
// breaks or runs of spaces.
func headerText(s string) string { return strings.Join(strings.Fields(mapSpaces(s)), " ") }

// TextColumn is a free-text column stored in a string field.
func TextColumn[T any](header string, field func(*T) *string, aliases ...string) Column[T] {
	return Column[T]{
		Header: header, Aliases: aliases, Kind: KindText,
		Get: func(v *T) any { return *field(v) },
		Set: func(v *T, s string) error { *field(v) = s; return nil },
	}
}

// CodeColumn is a column of digits kept as text (phone numbers and the like).
func CodeColumn[T any](header string, width float64, field func(*T) *string, aliases ...string) Column[T] {
	c := TextColumn(header, field, aliases...)
	c.Kind, c.Width, c.Center = KindCode, width, true
	c.Set = func(v *T, s string) error { *field(v) = numberAsText(s); return nil }
	return c
}

// DateColumn is a civil date; month- and year-precise dates keep their precision.
func DateColumn[T any](header string, field func(*T) *civil.Date, aliases ...string) Column[T] {
	return Column[T]{
		Header: header, Aliases: aliases, Kind: KindDate, Width: 11, Center: true,
		Get: func(v *T) any { return *field(v) },
		Set: func(v *T, s string) error {
			d, err := parseDateCell(s)
			if err != nil && !isWarning(err) {
				return err
			}
			*field(v) = d
			return err
		},
	}
}

// BoolColumn is a yes/no column written 是/否.
func BoolColumn[T any](header string, field func(*T) *bool, aliases ...string) Column[T] {
	return Column[T]{
		Header: header, Aliases: aliases, Kind: KindBool, Width: 8, Center: true,
		Choices: []string{"是", "否"},
		Get:     func(v *T) any { return *field(v) },
		Set: func(v *T, s string) error {
			b, err := parseBool(s)
			*field(v) = b
			return err
		},
	}
}

// ChoiceColumn is a text column whose values come from a short list; read
// maps each accepted spelling to the stored value ("" when not accepted).
func ChoiceColumn[T any](header string, field func(*T) *string, choices []string, read func(string) string, aliases ...string) Column[T] {
	c := TextColumn(header, field, aliases...)
	c.Center, c.Choices = true, choices
	c.Set = func(v *T, s string) error {
		val := read(s)
		if val == "" {
			return fmt.Errorf("“%s”不是可选的值，请填%s", s, quoteList(choices))
		}
		*field(v) = val
		return nil
	}
	return c
}

// quoteList writes “a”、“b”或“c”.
func quoteList(items []string) string {
	var b strings.Builder
	for i, s := range items {
		switch {
		case i == 0:
		case i == len(items)-1:
			b.WriteString("或")
		default:
			b.WriteString("、")
		}
		b.WriteString("“" + s + "”")
	}
	return b.String()
}
