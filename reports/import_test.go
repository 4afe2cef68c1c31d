package reports

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/datatest"
)

var today = civil.New(2026, 11, 28)

func readOK(t *testing.T, path string, store *data.Store) *MemberImport {
	t.Helper()
	imp, err := ReadMembers(path, store, today, nil)
	if err != nil {
		t.Fatal(err)
	}
	return imp
}

func rowAt(t *testing.T, imp *MemberImport, excelRow int) *MemberRow {
	t.Helper()
	for i := range imp.Rows {
		if imp.Rows[i].Row == excelRow {
			return &imp.Rows[i]
		}
	}
	t.Fatalf("no data row %d (rows: %v)", excelRow, rowNumbers(imp))
	return nil
}

func rowNumbers(imp *MemberImport) []int {
	var out []int
	for _, r := range imp.Rows {
		out = append(out, r.Row)
	}
	return out
}

// hasIssue reports whether issues hold one on the column whose message
// contains every fragment.
func hasIssue(issues []RowIssue, column string, fragments ...string) bool {
	for _, i := range issues {
		if i.Column != column {
			continue
		}
		ok := true
		for _, f := range fragments {
			ok = ok && strings.Contains(i.Message, f)
		}
		if ok {
			return true
		}
	}
	return false
}

func TestReadDateSpellings(t *testing.T) {
	day, month, year := civil.New(2015, 7, 1), civil.New(2015, 7, 0), civil.New(2015, 0, 0)
	dateCell := time.Date(2015, 7, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name   string
		cell   any
		format string // custom number format for the cell, if any
		want   civil.Date
		warn   bool
	}{
		{"text ISO", "2015-07-01", "", day, false},
		{"text slashes", "2015/7/1", "", day, false},
		{"text dots", "2015.7.1", "", day, false},
		{"text padded dots", "2015.07.01", "", day, false},
		{"text Chinese", "2015年7月1日", "", day, false},
		{"text digits", "20150701", "", day, false},
		{"text with time", "2015-07-01 00:00:00", "", day, false},
		{"text full-width", "２０１５．０７．０１", "", day, false},
		{"text full-width spaces", "\u30002015.07\u3000", "", month, false},
		{"text month", "2015.07", "", month, false},
		{"text Chinese month", "2015年7月", "", month, false},
		{"text month digits", "201507", "", month, false},
		{"text year", "2015", "", year, false},
		{"text serial", "42186", "", day, false},
		{"date cell", dateCell, "", day, false},
		{"date cell 年月日", dateCell, "yyyy年m月d日", day, false},
		{"date cell shown as month", dateCell, "yyyy.mm", day, false},
		{"date cell before 1927", time.Date(1926, 1, 3, 0, 0, 0, 0, time.UTC), "", civil.New(1926, 1, 3), false},
		{"serial number", 42186, "", day, false},
		{"serial float", 42186.0, "", day, false},
		{"number 2015.07", 2015.07, "", month, false},
		{"number 20150701", 20150701, "", day, false},
		{"number 2015", 2015, "", year, false},
		{"number 2015.1 (maybe October)", 2015.1, "", civil.New(2015, 1, 0), true},
	}
	b := newSheet(t).row(1, "序号", "姓名", "人员类别", "转正时间", "说明")
	for i, c := range cases {
		row := i + 2
		b.row(row, i+1, fmt.Sprintf("测试%d", i+1), "正式党员", c.cell, c.name)
		if c.format != "" {
			b.style(cellName(4, row), &excelize.Style{CustomNumFmt: &c.format})
		}
	}
	imp := readOK(t, b.save(t.TempDir(), "dates.xlsx"), nil)
	for i, c := range cases {
		r := rowAt(t, imp, i+2)
		if !r.Person.FullDate.Equal(c.want) || r.Person.FullDate.Precision() != c.want.Precision() {
			t.Errorf("%s: %v read as %q, want %q (errors %v)", c.name, c.cell, r.Person.FullDate, c.want, r.Errors)
		}
		if got := hasIssue(r.Warnings, "转正时间", "10月"); got != c.warn {
			t.Errorf("%s: month warning = %v, want %v (%v)", c.name, got, c.warn, r.Warnings)
		}
	}
}

func TestReadBadCellsNameRowAndColumn(t *testing.T) {
	path := newSheet(t).
		row(1, "党员花名册").
		row(2, "姓 名", "入党时间", "党员类别", "是否流动党员", "身份证号").
		row(3, "张三", "2015.13", "正式党员", "是", datatest.IDNumber("19800101", 1)).
		row(4, "李四", "明年", "积极分子", "也许", datatest.IDNumber("19800101", 3)).
		row(5, "王五", "2099-01-01", "预备", "否", "1.10105194912310E+17").
		row(6, "", "2015.07", "正式党员", "", datatest.IDNumber("19800101", 5)).
		save(t.TempDir(), "bad.xlsx")
	imp := readOK(t, path, nil)
	checks := []struct {
		row       int
		column    string
		fragments []string
	}{
		{3, "入党时间", []string{"2015.13", "月份应为1–12", "请写成"}},
		{4, "入党时间", []string{"明年", "请写成"}},
		{4, "党员类别", []string{"积极分子", "正式党员"}},
		{4, "是否流动党员", []string{"也许", "请填“是”或“否”"}},
		{5, "入党时间", []string{"在今天之后"}},
		{5, "身份证号", []string{"文本", "丢失"}},
		{6, "姓 名", []string{"请填写姓名"}},
	}
	for _, c := range checks {
		if r := rowAt(t, imp, c.row); !hasIssue(r.Errors, c.column, c.fragments...) {
			t.Errorf("row %d: no error on %q with %v; errors:\n%s", c.row, c.column, c.fragments, issuesText(r.Errors))
		}
	}
	// The refused ID cell is reported once, not again as "未填写".
	if r := rowAt(t, imp, 5); len(r.Warnings) > 0 && hasIssue(r.Warnings, "身份证号", "未填写") {
		t.Errorf("row 5 also warns about a missing ID: %v", r.Warnings)
	}
	if imp.BadRows() != 4 || len(imp.Good()) != 0 {
		t.Errorf("BadRows = %d, Good = %d; want 4 and 0", imp.BadRows(), len(imp.Good()))
	}
	errs := imp.Errors()
	if !slices.IsSortedFunc(errs, func(a, b RowIssue) int { return a.Row - b.Row }) {
		t.Errorf("errors not in row order: %v", errs)
	}
}

func TestReadHeaderBelowTitlesWithOddSpellings(t *testing.T) {
	id1, id2 := datatest.IDNumber("19800101", 1), datatest.IDNumber("19900202", 2)
	path := newSheet(t).
		row(1, "银川市第一小学党支部党员花名册").
		row(2, "填报单位：金凤区教育党工委", "", "", "", "2026年11月").
		row(3, "（截至2026年11月）").
		row(4, "序 号", "姓　名", "性 别*", "公民身份证号\n（必填）", "入党时间（年月）", "转正时间",
			"党员类别", "手机号码", "所在党小组", "备注（选填）", "微信号").
		row(5, 1, "张三", "男", id1, "2008.07", "2009.07", "正式党员", 13800138000, "第一党小组", "", "zs").
		row(7, 2, "　李　四　", "", strings.ToLower(id2), "2015-7-1", "", "预备党员", "0951-5012345", "", "x").
		row(8, "合计", "2人").
		row(9, "注：本表由组织委员填写").
		row(11, "填表人：刘洋", "", "审核人：赵磊").
		save(t.TempDir(), "titles.xlsx")
	imp := readOK(t, path, nil)
	if imp.HeaderRow != 4 {
		t.Fatalf("HeaderRow = %d, want 4", imp.HeaderRow)
	}
	wantCols := []string{"姓 名", "性 别*", "公民身份证号 （必填）", "入党时间（年月）", "转正时间", "党员类别", "手机号码", "所在党小组", "备注（选填）"}
	if !slices.Equal(imp.Columns, wantCols) {
		t.Errorf("Columns = %q\nwant      %q", imp.Columns, wantCols)
	}
	if !slices.Equal(imp.Ignored, []string{"微信号"}) {
		t.Errorf("Ignored = %q", imp.Ignored)
	}
	if got := rowNumbers(imp); !slices.Equal(got, []int{5, 7}) {
		t.Fatalf("data rows = %v, want [5 7] (blank, 合计, 注, signature skipped)", got)
	}
	zhang, li := rowAt(t, imp, 5).Person, rowAt(t, imp, 7).Person
	if zhang.Mobile != "13800138000" || zhang.GroupName != "第一党小组" || zhang.JoinDate != civil.New(2008, 7, 0) {
		t.Errorf("张三 = mobile %q group %q join %v", zhang.Mobile, zhang.GroupName, zhang.JoinDate)
	}
	if li.Name != "李四" || li.IDNumber != id2 || li.Phone != "0951-5012345" || li.Mobile != "" {
		t.Errorf("李四 = %q %q phone %q mobile %q", li.Name, li.IDNumber, li.Phone, li.Mobile)
	}
	if li.Gender != "女" && li.Gender != "男" || li.BirthDate != civil.New(1990, 2, 2) {
		t.Errorf("gender/birth not filled from the ID: %q %v", li.Gender, li.BirthDate)
	}
}

func TestReadTwoRowHeaderAndDuplicateColumns(t *testing.T) {
	path := newSheet(t).
		row(1, "姓名", "性别", "联系电话", "", "入党时间", "手机").
		row(2, "", "", "手机", "固定电话", "", "").
		row(3, "张三", "男", "13800138000", "5012345", "2010.01.05", "13900000000").
		save(t.TempDir(), "two-row.xlsx")
	imp := readOK(t, path, nil)
	p := rowAt(t, imp, 3).Person
	if p.Mobile != "13800138000" || p.Phone != "5012345" {
		t.Errorf("mobile %q phone %q", p.Mobile, p.Phone)
	}
	if !slices.Contains(imp.Ignored, "手机（重复的列）") {
		t.Errorf("second 手机 column not ignored: %v", imp.Ignored)
	}
}

func TestReadSkipsRepeatedHeaderAndBlankTemplateRows(t *testing.T) {
	path := newSheet(t).
		row(1, "序号", "姓名", "人员类别", "入党时间").
		row(2, 1, "张三", "正式党员", "2010.01").
		row(3, "序号", "姓名", "人员类别", "入党时间").
		row(4, 2, "李四", "正式", "2011.02").
		row(5, 3).
		row(6, 4).
		save(t.TempDir(), "pages.xlsx")
	imp := readOK(t, path, nil)
	if got := rowNumbers(imp); !slices.Equal(got, []int{2, 4}) {
		t.Errorf("data rows = %v, want [2 4]", got)
	}
}

func TestReadMissingStageIsInferred(t *testing.T) {
	recent := today.AddMonths(-2)
	path := newSheet(t).
		row(1, "姓名", "入党时间", "转正时间", "备注").
		row(2, "甲", "2010-01-05", "2011-01-05", "").
		row(3, "乙", recent.String(), "", "").
		row(4, "丙", "2010-01-05", "", "").
		save(t.TempDir(), "nostage.xlsx")
	imp := readOK(t, path, nil)
	want := map[int]data.Stage{2: data.StageFull, 3: data.StageProbationer, 4: data.StageFull}
	for row, st := range want {
		r := rowAt(t, imp, row)
		if r.Person.Stage != st {
			t.Errorf("row %d: stage %q, want %q", row, r.Person.Stage, st)
		}
		if warned := hasIssue(r.Warnings, data.FieldStage, "没有填写人员类别"); warned == (row == 2) {
			t.Errorf("row %d: stage warning %v", row, warned)
		}
	}
	if len(imp.Notices) == 0 || !strings.Contains(imp.Notices[0], "公民身份号码") {
		t.Errorf("no notice about the missing ID column: %v", imp.Notices)
	}
}

func TestReadDuplicatesAndExisting(t *testing.T) {
	known := samplePeople(today)[0]
	s := storeWith(t, []data.Person{known})
	other := datatest.IDNumber("19900101", 7)
	path := newSheet(t).
		row(1, "姓名", "公民身份号码", "人员类别", "加入党组织日期").
		row(2, "张三", known.IDNumber, "正式党员", "2008.07").
		row(3, "赵六", other, "正式党员", "2012.03").
		row(4, "赵六", strings.ToLower(other), "正式党员", "2012.03").
		save(t.TempDir(), "dups.xlsx")
	imp := readOK(t, path, s)
	if r := rowAt(t, imp, 2); r.Existing == nil || r.Existing.Name != "张三" {
		t.Errorf("row 2 Existing = %v", r.Existing)
	}
	if r := rowAt(t, imp, 3); r.Existing != nil || len(r.Errors) > 0 {
		t.Errorf("row 3: existing %v, errors %v", r.Existing, r.Errors)
	}
	if r := rowAt(t, imp, 4); !hasIssue(r.Errors, "公民身份号码", "第 3 行") {
		t.Errorf("row 4 duplicate not reported: %v", r.Errors)
	}
	if imp.ExistingCount() != 1 || len(imp.Good()) != 2 {
		t.Errorf("ExistingCount %d, Good %d", imp.ExistingCount(), len(imp.Good()))
	}
}

func TestReadProgress(t *testing.T) {
	b := newSheet(t).row(1, "姓名", "人员类别", "入党时间")
	for i := 2; i <= 451; i++ {
		b.row(i, fmt.Sprintf("人%d", i), "正式党员", "2010.01")
	}
	read := func(name string) [][2]int {
		var calls [][2]int
		_, err := ReadMembers(b.save(t.TempDir(), name), nil, today, func(done, total int) {
			calls = append(calls, [2]int{done, total})
		})
		if err != nil {
			t.Fatal(err)
		}
		return calls
	}
	// excelize writes the dimension "A1": the total is unknown (0) until the end.
	want := [][2]int{{200, 0}, {400, 0}, {450, 450}}
	if calls := read("unknown.xlsx"); !slices.Equal(calls, want) {
		t.Errorf("without a dimension: progress calls = %v, want %v", calls, want)
	}
	// Excel and WPS declare the used range.
	if err := b.f.SetSheetDimension(b.sheet, "A1:C451"); err != nil {
		t.Fatal(err)
	}
	want = [][2]int{{200, 450}, {400, 450}, {450, 450}}
	if calls := read("known.xlsx"); !slices.Equal(calls, want) {
		t.Errorf("with a dimension: progress calls = %v, want %v", calls, want)
	}
}

// The commit is the caller's: store.ImportPeople with the good rows.
func TestImportCommitsGoodRows(t *testing.T) {
	path, _, people := exportSample(t, ExportOptions{})
	fresh := openStore(t)
	imp := readOK(t, path, fresh)
	res, err := fresh.ImportPeople(imp.Good(), data.ImportSkipExisting, "党员名册.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if res.Imported != len(people) || countPeople(t, fresh) != int64(len(people)) {
		t.Errorf("imported %+v, store holds %d", res, countPeople(t, fresh))
	}
	groups, _ := fresh.Groups()
	if len(groups) != 2 {
		t.Errorf("groups after import: %v", groups)
	}
}
