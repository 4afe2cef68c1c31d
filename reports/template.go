package reports

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
)

// A district's own template: its .xlsx with its own columns, merged title,
// styles and print settings. The secretary maps each header cell to one of
// our fields once (suggested from the header's name and aliases), the
// mapping is saved under the template's file name, and the 党员名册 is
// written into the template itself below its header row, so everything the
// district drew stays as it was.

// TemplateColumn is one header cell of the template and the field it takes.
type TemplateColumn struct {
	Col    int    // 1-based sheet column
	Header string // the header as written
	Field  string // our field (a 党员名册 header), NumberField, or "" (left blank)
}

// NumberField is the 序号 a template may have: 1, 2, 3 … down the rows.
const NumberField = numberHeader

// Template is a loaded district template.
type Template struct {
	Path      string
	Sheet     string
	HeaderRow int
	Columns   []TemplateColumn
	Saved     bool // the mapping came from the one saved for this template
}

// templateSetting is where a template's mapping is kept, by file name.
func templateSetting(name string) string { return "template-map:" + name }

// TemplateFields are the fields a template column can take, in register order.
func TemplateFields() []string {
	out := []string{NumberField}
	for _, c := range MemberRegister().Columns {
		out = append(out, c.Header)
	}
	return out
}

// OpenTemplate reads the template's header row (the row of the first sheet
// with most cells we know) and the mapping: the one saved for this template
// name in store (nil: none), else the suggestion from the headers.
func OpenTemplate(path string, store *data.Store) (*Template, error) {
	f, err := openWorkbook(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t := &Template{Path: path}
	if err := t.findHeader(f); err != nil {
		return nil, err
	}
	if store != nil {
		if saved := store.Setting(templateSetting(filepath.Base(path))); saved != "" {
			if err := t.ApplyMapping([]byte(saved)); err == nil {
				t.Saved = true
			}
		}
	}
	return t, nil
}

// findHeader picks, over every sheet's first rows, the row with the most
// headers we recognise.
func (t *Template) findHeader(f *excelize.File) error {
	reg := MemberRegister()
	best := 0
	for _, sheet := range f.GetSheetList() {
		budget := maxPackText
		rows, err := sheetRows(f, sheet, &budget)
		if err != nil {
			return damaged()
		}
		for n, cells := range rows[:min(len(rows), headerSearchRows)] {
			var cols []TemplateColumn
			known := 0
			for j, c := range cells {
				if strings.TrimSpace(c) == "" {
					continue
				}
				col := TemplateColumn{Col: j + 1, Header: strings.TrimSpace(c)}
				switch i := reg.column(c); {
				case i == skipColumn:
					col.Field = NumberField
				case i >= 0 && i < len(reg.Columns):
					col.Field = reg.Columns[i].Header
					known++
				}
				cols = append(cols, col)
			}
			if known > best {
				best, t.Sheet, t.HeaderRow, t.Columns = known, sheet, n+1, cols
			}
		}
	}
	if best == 0 {
		return problem(ErrNoHeader, "在模板的前 %d 行里没有找到表头（没有一个列名像姓名、性别、公民身份号码这样的党员信息）。请确认选对了模板文件", headerSearchRows)
	}
	return nil
}

// Mapping is the template's header → field, as saved and as --map reads it.
func (t *Template) Mapping() map[string]string {
	out := map[string]string{}
	for _, c := range t.Columns {
		out[c.Header] = c.Field
	}
	return out
}

// ApplyMapping sets the fields from a JSON object {"模板列名": "字段", …};
// columns it does not name keep their field, "" leaves a column blank.
func (t *Template) ApplyMapping(raw []byte) error {
	var m map[string]string
	if err := json.Unmarshal(raw, &m); err != nil {
		return fmt.Errorf("对应关系文件的格式不对（应为 JSON：{\"模板列名\": \"字段\"}）：%w", err)
	}
	fields := TemplateFields()
	for h, field := range m {
		if field != "" && !slices.Contains(fields, field) {
			return fmt.Errorf("对应关系中的“%s”不是本程序的字段，可以用：%s", field, strings.Join(fields, "、"))
		}
		for i := range t.Columns {
			if t.Columns[i].Header == h {
				t.Columns[i].Field = field
			}
		}
	}
	return nil
}

// SaveMapping keeps the mapping for the next template of this name.
func (t *Template) SaveMapping(store *data.Store) error {
	raw, err := json.Marshal(t.Mapping())
	if err != nil {
		return err
	}
	return store.SetSetting(templateSetting(filepath.Base(t.Path)), string(raw))
}

// Unmapped are the template's headers that stay blank.
func (t *Template) Unmapped() []string {
	var out []string
	for _, c := range t.Columns {
		if c.Field == "" {
			out = append(out, c.Header)
		}
	}
	return out
}

// templateRows are the cells of the 党员名册 on the store's today, one
// slice per person in the template's column order.
func (t *Template) templateRows(store *data.Store) ([][]string, error) {
	today := store.Today()
	people, err := memberList(store, today, today)
	if err != nil {
		return nil, fmt.Errorf("读取党员名单失败：%w", err)
	}
	branch, err := store.Branch()
	if err != nil {
		return nil, err
	}
	reg := MemberRegister()
	out := make([][]string, len(people))
	for n := range people {
		p := &people[n]
		if p.BranchName == "" {
			p.BranchName = branch.Name
		}
		row := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			switch c.Field {
			case "":
			case NumberField:
				row[i] = fmt.Sprint(n + 1)
			default:
				col := &reg.Columns[reg.column(c.Field)]
				row[i] = ValueText(col.Get(p))
			}
		}
		out[n] = row
	}
	return out, nil
}

// Preview is the first n rows as they will be written.
func (t *Template) Preview(store *data.Store, n int) ([][]string, error) {
	rows, err := t.templateRows(store)
	if err != nil {
		return nil, err
	}
	return rows[:min(n, len(rows))], nil
}

// Fill writes the 党员名册 into a copy of the template at out and returns the
// rows written. The template's rows under the header are used as they are
// (their styles and heights); when there are fewer empty ones than people,
// rows are inserted with the first one's style, so what follows the table
// (a signature line, notes) moves down rather than being overwritten.
func (t *Template) Fill(store *data.Store, out string) (int, error) {
	if err := checkOutputPath(out); err != nil {
		return 0, err
	}
	if filepath.Clean(out) == filepath.Clean(t.Path) {
		return 0, errors.New("请另存为一个新文件，不要覆盖模板本身")
	}
	rows, err := t.templateRows(store)
	if err != nil {
		return 0, err
	}
	f, err := openWorkbook(t.Path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	first := t.HeaderRow + 1
	styles, height, free, err := t.rowPattern(f)
	if err != nil {
		return 0, exportFailed(err)
	}
	if len(rows) > free {
		if err := f.InsertRows(t.Sheet, first+free, len(rows)-free); err != nil {
			return 0, exportFailed(err)
		}
	}
	for n, r := range rows {
		if err := t.writeRow(f, first+n, r, styles, height); err != nil {
			return 0, exportFailed(err)
		}
	}
	return len(rows), saveAtomically(f, out)
}

// rowPattern is the first row under the header: each mapped column's style,
// the row's height, and how many empty rows follow the header.
func (t *Template) rowPattern(f *excelize.File) (styles map[int]int, height float64, free int, err error) {
	first := t.HeaderRow + 1
	styles = map[int]int{}
	for _, c := range t.Columns {
		if styles[c.Col], err = f.GetCellStyle(t.Sheet, cellName(c.Col, first)); err != nil {
			return nil, 0, 0, err
		}
	}
	if height, err = f.GetRowHeight(t.Sheet, first); err != nil {
		return nil, 0, 0, err
	}
	budget := maxPackText
	rows, err := sheetRows(f, t.Sheet, &budget)
	if err != nil {
		return nil, 0, 0, err
	}
	merged, err := f.GetMergeCells(t.Sheet, true)
	if err != nil {
		return nil, 0, 0, err
	}
	numbers := map[int]bool{} // a blank template often numbers its empty rows
	for _, c := range t.Columns {
		numbers[c.Col-1] = c.Field == NumberField
	}
	filled := func(r []string) bool {
		for j, s := range r {
			if strings.TrimSpace(s) != "" && !numbers[j] {
				return true
			}
		}
		return false
	}
	for row := first; ; row++ {
		if row <= len(rows) && filled(rows[row-1]) {
			break
		}
		if row > len(rows) || mergedRow(merged, row) {
			break
		}
		free++
	}
	return styles, height, free, nil
}

// mergedRow: a merged cell below the header starts what follows the table.
func mergedRow(merged []excelize.MergeCell, row int) bool {
	for _, m := range merged {
		_, r, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		if r == row {
			return true
		}
	}
	return false
}

func (t *Template) writeRow(f *excelize.File, row int, cells []string, styles map[int]int, height float64) error {
	if err := f.SetRowHeight(t.Sheet, row, height); err != nil {
		return err
	}
	for i, c := range t.Columns {
		name := cellName(c.Col, row)
		if err := f.SetCellStyle(t.Sheet, name, name, styles[c.Col]); err != nil {
			return err
		}
		if c.Field == NumberField && cells[i] != "" {
			if err := f.SetCellValue(t.Sheet, name, row-t.HeaderRow); err != nil {
				return err
			}
			continue
		}
		// Text as text, never a formula: an ID number keeps its 18 digits.
		if err := f.SetCellStr(t.Sheet, name, cells[i]); err != nil {
			return err
		}
	}
	return nil
}
