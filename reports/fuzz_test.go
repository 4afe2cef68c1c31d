package reports

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// FuzzReadMembers writes the fuzzed texts into the cells of a generated
// sheet and reads it back: the importer must never panic, and every issue
// must point at a row and a column.
func FuzzReadMembers(f *testing.F) {
	f.Add("张三", "11010519491231002X", "2008.07", "是", "正式党员", "第一党小组")
	f.Add("　李　四　", "110105491231002", "2015年7月1日", "√", "预备", "")
	f.Add("合计", "1.10105194912310E+17", "42186", "也许", "积极分子", "=SUM(A1)")
	f.Add("", "11010519491231002x", "2015.13", "", "", "支部书记：")
	f.Add("王五", "１１０１０５１９４９１２３１００２Ｘ", "２０１５．０７．０１", "N", "正式", "\x00\uffff")
	f.Add("姓名", "公民身份号码", "入党时间", "流动", "类别", "党小组")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, name, id, day, flag, stage, group string) {
		x := excelize.NewFile()
		defer x.Close()
		sheet := x.GetSheetName(0)
		rows := [][]string{
			{"党员名册"},
			{"序号", "姓名", "公民身份号码", "入党时间", "是否为流动党员", "人员类别", "党小组"},
			{"1", name, id, day, flag, stage, group},
			{"2", group, day, id, stage, flag, name},
		}
		for r, row := range rows {
			for c, v := range row {
				x.SetCellStr(sheet, cellName(c+1, r+1), v)
			}
		}
		path := filepath.Join(dir, "fuzz.xlsx")
		if err := x.SaveAs(path); err != nil {
			t.Skip(err)
		}
		imp, err := ReadMembers(path, nil, today, nil)
		if err != nil {
			return // a refusal with a message is fine; a panic is not
		}
		for _, is := range append(imp.Errors(), imp.Warnings()...) {
			if is.Row < 3 || is.Row > 4 || is.Column == "" || is.Message == "" {
				t.Errorf("issue without a place: %+v", is)
			}
		}
		if len(imp.Good())+imp.BadRows() != len(imp.Rows) {
			t.Errorf("good %d + bad %d != rows %d", len(imp.Good()), imp.BadRows(), len(imp.Rows))
		}
	})
}

// FuzzCellParsers drives the cell readers directly, much faster than a
// workbook per input.
func FuzzCellParsers(f *testing.F) {
	for _, s := range []string{"2015.07", "42186", "9500", "2015.1", "是", "1.1E+17", "身份证号码（18位）", "(", "()", "姓名)(", "００"} {
		f.Add(s)
	}
	reg := MemberRegister()
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := parseDateCell(s); (err == nil || isWarning(err)) && !d.IsZero() && !d.Valid() {
			t.Errorf("parseDateCell(%q) = invalid date %+v", s, d)
		}
		parseBool(s)
		parseIDCell(s)
		numberAsText(s)
		headerKey(s)
		if i := reg.column(s); i >= len(reg.Columns) || i < skipColumn {
			t.Errorf("column(%q) = %d", s, i)
		}
		if m := MaskPhone(s); len([]rune(m)) != len([]rune(s)) {
			t.Errorf("MaskPhone(%q) = %q changes the length", s, m)
		}
		_ = MaskID(s) // must not panic
	})
}
