package reports

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// exportSample stores the sample people (through CreatePerson) and exports them.
func exportSample(t *testing.T, opt ExportOptions) (string, *data.Store, []data.Person) {
	t.Helper()
	people := samplePeople(civil.Today())
	s := openStore(t)
	createOneByOne(t, s, people)
	path := filepath.Join(t.TempDir(), "党员名册.xlsx")
	if err := ExportMembers(path, s, opt); err != nil {
		t.Fatal(err)
	}
	return path, s, people
}

func TestExportImportRoundTrip(t *testing.T) {
	path, s, people := exportSample(t, ExportOptions{})
	imp, err := ReadMembers(path, s, civil.Today(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if errs := imp.Errors(); len(errs) > 0 {
		t.Fatalf("our own export has errors:\n%s", issuesText(errs))
	}
	if len(imp.Ignored) != 0 {
		t.Errorf("headers of our own export ignored: %v", imp.Ignored)
	}
	if imp.HeaderRow != headerRow {
		t.Errorf("HeaderRow = %d, want %d", imp.HeaderRow, headerRow)
	}
	if len(imp.Rows) != len(people) || imp.ExistingCount() != len(people) {
		t.Fatalf("read %d rows (%d existing), want %d", len(imp.Rows), imp.ExistingCount(), len(people))
	}
	byName := map[string]*MemberRow{}
	for i := range imp.Rows {
		byName[imp.Rows[i].Person.Name] = &imp.Rows[i]
	}
	for _, want := range people {
		row := byName[want.Name]
		if row == nil {
			t.Errorf("%s missing after the round trip", want.Name)
			continue
		}
		// The import saves what the member form would: normalised text
		// (Person.Normalize folds the line break in 欧阳娜娜's 备注).
		want.Normalize()
		got, exp := columnValues(&row.Person), columnValues(&want)
		for col, v := range exp {
			if got[col] != v {
				t.Errorf("%s %s: got %q, want %q", want.Name, col, got[col], v)
			}
		}
		if row.Existing == nil || row.Existing.IDNumber != want.IDNumber {
			t.Errorf("%s: Existing not set", want.Name)
		}
	}
}

func TestExportOrderAndRows(t *testing.T) {
	path, _, _ := exportSample(t, ExportOptions{})
	f := readBack(t, path)
	// 第一党小组 (张三, 王小明 in pinyin order), 第二党小组 (李红), then no group.
	want := []string{"王小明", "张三", "李红", "欧阳娜娜"}
	for i, name := range want {
		got, _ := f.GetCellValue("党员名册", cellName(2, firstRow+i))
		if got != name {
			t.Errorf("row %d: %q, want %q", firstRow+i, got, name)
		}
		n, _ := f.GetCellValue("党员名册", cellName(1, firstRow+i))
		if n != strconv.Itoa(i+1) {
			t.Errorf("序号 of row %d = %q", firstRow+i, n)
		}
	}
}

func TestExportNamesAppVersionInFileProperties(t *testing.T) {
	path, _, _ := exportSample(t, ExportOptions{})
	f := readBack(t, path)
	app, err := f.GetAppProps()
	if err != nil || app.Application != "党支部工作台 "+data.AppVersion {
		t.Errorf("程序名称 = %q (%v), want 党支部工作台 %s", app.Application, err, data.AppVersion)
	}
	doc, err := f.GetDocProps()
	if err != nil || doc.Creator != "银川市第一小学党支部" || !strings.Contains(doc.Description, data.AppVersion) {
		t.Errorf("doc properties = %+v (%v)", doc, err)
	}
}

func TestExportDocumentLayout(t *testing.T) {
	path, _, people := exportSample(t, ExportOptions{AsOf: civil.Today()})
	f := readBack(t, path)
	const sheet = "党员名册"
	if got := f.GetSheetList(); len(got) != 1 || got[0] != sheet {
		t.Fatalf("sheets = %v", got)
	}
	last := colName(len(MemberRegister().Columns) + 1)

	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	mergedRefs := map[string]string{}
	for _, m := range merged {
		mergedRefs[m.GetStartAxis()+":"+m.GetEndAxis()] = m.GetCellValue()
	}
	if got := mergedRefs["A1:"+last+"1"]; got != "银川市第一小学党支部党员名册" {
		t.Errorf("merged title = %q (merges %v)", got, mergedRefs)
	}
	sub, _ := f.GetCellValue(sheet, "A2")
	if !strings.HasPrefix(sub, "填报单位：金凤区教育党工委") {
		t.Errorf("subtitle = %q", sub)
	}
	// The signature line is under an empty row.
	signRow := firstRow + len(people) + 1
	if got, _ := f.GetCellValue(sheet, cellName(1, signRow-1)); got != "" {
		t.Errorf("row above the signature holds %q", got)
	}
	// Two pages wide: it starts after 序号 and 姓名, which repeat on every page.
	if got, _ := f.GetCellValue(sheet, cellName(3, signRow)); !strings.HasPrefix(got, "支部书记：") || !strings.Contains(got, "填表人：") {
		t.Errorf("signature row %d = %q", signRow, got)
	}

	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != headerRow || panes.XSplit != 2 {
		t.Errorf("panes = %+v, %v", panes, err)
	}
	layout, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	// The 党员名册 is too wide for one legible A4 page: two pages wide.
	if *layout.Orientation != "landscape" || *layout.Size != 9 || *layout.FitToWidth != 2 || *layout.FitToHeight != 0 {
		t.Errorf("page layout: orientation %s size %d fit %d×%d", *layout.Orientation, *layout.Size, *layout.FitToWidth, *layout.FitToHeight)
	}
	props, err := f.GetSheetProps(sheet)
	if err != nil || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("FitToPage not set: %+v %v", props, err)
	}
	hf, err := f.GetHeaderFooter(sheet)
	if err != nil || !strings.Contains(hf.OddFooter, "第 &P 页 共 &N 页") {
		t.Errorf("footer = %+v, %v", hf, err)
	}
	if !strings.Contains(hf.OddHeader, "党员名册") || !strings.Contains(hf.OddHeader, "截至日期") {
		t.Errorf("page header lacks the title/subtitle for a two-page-wide print: %q", hf.OddHeader)
	}
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Scope == sheet {
			names[dn.Name] = dn.RefersTo
		}
	}
	if !strings.HasSuffix(names["_xlnm.Print_Titles"], "!$A:$B,'"+sheet+"'!$3:$3") {
		t.Errorf("print titles should repeat 序号/姓名 and the header row: %+v", names)
	}
	if !strings.HasPrefix(names["_xlnm.Print_Area"], "'"+sheet+"'!$A$3:") {
		t.Errorf("print area should start at the header row: %+v", names)
	}

	header := styleOf(t, f, sheet, "B3")
	if !header.Font.Bold || header.Font.Family != "宋体" || len(header.Border) != 4 || !header.Alignment.WrapText {
		t.Errorf("header style = font %+v, %d borders, alignment %+v", header.Font, len(header.Border), header.Alignment)
	}
	if title := styleOf(t, f, sheet, "A1"); title.Font.Family != "黑体" || title.Font.Size < 16 {
		t.Errorf("title font = %+v", title.Font)
	}
	if body := styleOf(t, f, sheet, "B4"); len(body.Border) != 4 || body.Font.Family != "宋体" {
		t.Errorf("data cell style = %+v", body)
	}
	if w, _ := f.GetColWidth(sheet, colOf(data.FieldIDNumber)); w != 20 {
		t.Errorf("ID column width = %v, want 20", w)
	}
	// Auto widths fit the longest value (欧阳娜娜: 4 wide runes + padding)
	// up to a cap, beyond which the text wraps.
	if w, _ := f.GetColWidth(sheet, colOf(data.FieldName)); w != 10 {
		t.Errorf("name column width = %v, want 10", w)
	}
	if w, _ := f.GetColWidth(sheet, colOf(data.FieldAddress)); w != maxAutoWidth {
		t.Errorf("address column width = %v, want the cap %v", w, maxAutoWidth)
	}
}

func styleOf(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// colOf is the column letter of a register column in the export (序号 is A).
func colOf(header string) string {
	return colName(MemberRegister().columnByHeader(header) + 2)
}

// rowOf finds the export row of a person by name.
func rowOf(t *testing.T, f *excelize.File, name string) int {
	t.Helper()
	rows, _ := f.GetRows("党员名册")
	for i, r := range rows {
		if len(r) > 1 && r[1] == name {
			return i + 1
		}
	}
	t.Fatalf("%s not in the export", name)
	return 0
}

func TestExportCellTypes(t *testing.T) {
	path, _, _ := exportSample(t, ExportOptions{})
	f := readBack(t, path)
	const sheet = "党员名册"
	zhang, li := rowOf(t, f, "张三"), rowOf(t, f, "李红")
	cell := func(header string, row int) string { return colOf(header) + strconv.Itoa(row) }

	// Formula-like text stays text: no formula, the value as typed.
	for _, c := range []struct {
		cell, want string
	}{
		{cell(data.FieldRemark, zhang), "=SUM(A1)"},
		{cell(data.FieldPost, li), "-退休返聘"},
		{cell(data.FieldAddress, li), "+3号楼"},
		{cell(data.FieldTitle, li), "@高级教师"},
	} {
		if formula, _ := f.GetCellFormula(sheet, c.cell); formula != "" {
			t.Errorf("%s became a formula: %q", c.cell, formula)
		}
		if v, _ := f.GetCellValue(sheet, c.cell); v != c.want {
			t.Errorf("%s = %q, want %q", c.cell, v, c.want)
		}
	}
	// ID and phone numbers are strings, never numbers.
	for _, c := range []string{cell(data.FieldIDNumber, zhang), cell(data.FieldIDNumber, li), cell(data.FieldMobile, zhang)} {
		if typ, _ := f.GetCellType(sheet, c); typ != excelize.CellTypeInlineString {
			t.Errorf("%s has type %v, want a string", c, typ)
		}
	}
	if v, _ := f.GetCellValue(sheet, cell(data.FieldIDNumber, li)); v != "11010519491231002X" {
		t.Errorf("ID = %q", v)
	}
	// A day-precise date is a real date with yyyy-mm-dd; a month-precise one is text.
	work := cell(data.FieldWorkStart, zhang)
	if typ, _ := f.GetCellType(sheet, work); typ == excelize.CellTypeInlineString {
		t.Errorf("day-precise date %s written as text", work)
	}
	if st := styleOf(t, f, sheet, work); st.CustomNumFmt == nil || *st.CustomNumFmt != "yyyy-mm-dd" {
		t.Errorf("date format = %v", st.CustomNumFmt)
	}
	if v, _ := f.GetCellValue(sheet, work); v != "2002-09-01" {
		t.Errorf("date shows %q", v)
	}
	join := cell(data.FieldJoin, zhang)
	if v, _ := f.GetCellValue(sheet, join); v != "2008.07" {
		t.Errorf("month-precise date = %q, want 2008.07", v)
	}
	if v, _ := f.GetCellValue(sheet, cell(data.FieldWorkStart, li)); v != "1968" {
		t.Errorf("year-precise date = %q, want 1968", v)
	}
	for header, want := range map[string]string{data.FieldLost: "是", data.FieldFloating: "否"} {
		if v, _ := f.GetCellValue(sheet, cell(header, li)); v != want {
			t.Errorf("%s = %q, want %q", header, v, want)
		}
	}
}

func TestExportAsOfPastDate(t *testing.T) {
	people := samplePeople(civil.Today())
	s := openStore(t)
	createOneByOne(t, s, people)
	path := filepath.Join(t.TempDir(), "2012.xlsx")
	// On 2013-01-01: 欧阳娜娜 joined 2012-05-04 and was still 预备党员; 王小明
	// had not joined; 张三 and 李红 were members.
	if err := ExportMembers(path, s, ExportOptions{AsOf: civil.New(2013, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	imp, err := ReadMembers(path, nil, civil.Today(), nil)
	if err != nil {
		t.Fatal(err)
	}
	stages := map[string]data.Stage{}
	for _, r := range imp.Rows {
		stages[r.Person.Name] = r.Person.Stage
	}
	want := map[string]data.Stage{"张三": data.StageFull, "李红": data.StageFull, "欧阳娜娜": data.StageProbationer}
	if len(stages) != len(want) {
		t.Errorf("register on 2013-01-01 = %v, want %v", stages, want)
	}
	for name, st := range want {
		if stages[name] != st {
			t.Errorf("%s: %q, want %q", name, stages[name], st)
		}
	}
	sub, _ := readBack(t, path).GetCellValue("党员名册", cellName((len(MemberRegister().Columns)+1)/2+1, subtitleRow))
	if sub != "截至日期：2013年1月1日" {
		t.Errorf("截至日期 cell = %q", sub)
	}
}

func TestExportProgressAndLeftPeople(t *testing.T) {
	people := samplePeople(civil.Today())
	people[3].Roll, people[3].RollDate = data.RollTransferred, civil.New(2020, 1, 1) // left the branch
	s := openStore(t)
	createOneByOne(t, s, people)
	var calls [][2]int
	path := filepath.Join(t.TempDir(), "名册.xlsx")
	err := ExportMembers(path, s, ExportOptions{Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{3, 3} {
		t.Errorf("progress calls = %v, want to end with [3 3]", calls)
	}
}

func TestExportRefusesBadTargets(t *testing.T) {
	s := openStore(t)
	createOneByOne(t, s, samplePeople(civil.Today()))
	dir := t.TempDir()

	if err := ExportMembers(filepath.Join(dir, "名册.xls"), s, ExportOptions{}); err == nil || !strings.Contains(err.Error(), ".xlsx") {
		t.Errorf("a .xls name: %v", err)
	}
	// A target that cannot be replaced (as a file open in Excel on Windows):
	// the message says so and no temp file is left behind.
	blocked := filepath.Join(dir, "打开中.xlsx")
	if err := os.MkdirAll(filepath.Join(blocked, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	err := ExportMembers(blocked, s, ExportOptions{})
	if !errors.Is(err, ErrFileInUse) || !strings.Contains(err.Error(), "请先关闭它再导出") {
		t.Errorf("blocked target: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temp file left behind: %s", e.Name())
		}
	}
	if err := ExportMembers(filepath.Join(dir, "没有这个文件夹", "a.xlsx"), s, ExportOptions{}); err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("missing folder: %v", err)
	}
}

func TestWithXLSX(t *testing.T) {
	for in, want := range map[string]string{"名册": "名册.xlsx", "名册.xlsx": "名册.xlsx", "a.b.xlsx": "a.b.xlsx"} {
		if got := WithXLSX(in); got != want {
			t.Errorf("WithXLSX(%q) = %q", in, got)
		}
	}
}
