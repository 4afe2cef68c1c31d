package reports

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/datatest"
)

// The member import template of a widely used open-source party-building
// system, as schools bring it: keyed by 学工号 with 身份证号 optional, its
// 党籍状态 holding 正式党员/预备党员 (our 人员类别) and its 人员类别 holding
// 教职工/学生, an example row and a merged 注意 block.

var buildingHeaders = []any{"序号", "姓名", "性别", "学工号", "身份证号", "民族", "出生年月", "党籍状态",
	"人员类别", "入党时间", "转正时间", "二级党组织名称", "党支部名称", "专业技术职务", "手机号", "标签"}

// Values the template holds and the tests expect.
var (
	bldWang  = datatest.IDNumber("19780512", 31)
	bldZhao  = idWithX("20030915")
	bldChen  = datatest.IDNumber("19880101", 55)
	bldJoin  = today.AddMonths(-4) // 预备党员 joined this year
	bldNotes = "注意：\n1. 学工号必填，身份证号选填；\n2. 党籍状态填写“正式党员”或“预备党员”；\n3. 人员类别填写“教职工”或“学生”；\n4. 日期格式为 2015-06-01。"
)

// buildingFlavor is how the file was last saved.
type buildingFlavor int

const (
	// flavorTemplate: as the system exports its template, notes below the data.
	flavorTemplate buildingFlavor = iota
	// flavorWPS: filled in and saved by WPS on an office PC: a hidden 字典
	// sheet of drop-down values first, starred two-line headers, full-width
	// spaces, a lower-case x, phone numbers stored as numbers, 2005年6月 and
	// Chinese-formatted date cells, the notes block moved among the rows.
	flavorWPS
)

// writeBuildingTemplate writes the template filled with five people.
func writeBuildingTemplate(t testing.TB, dir string, flavor buildingFlavor) string {
	t.Helper()
	b := newSheet(t)
	f := b.f
	wps := flavor == flavorWPS
	if wps {
		// WPS keeps the drop-down lists on a hidden sheet, often the first.
		f.SetSheetName(b.sheet, "字典")
		b.sheet = "字典"
		b.row(1, "党籍状态", "人员类别", "性别").row(2, "正式党员", "教职工", "男").row(3, "预备党员", "学生", "女")
		f.SetSheetVisible("字典", false)
		idx, _ := f.NewSheet("党员信息")
		f.SetActiveSheet(idx)
		b.sheet = "党员信息"
	}
	headers := slices.Clone(buildingHeaders)
	if wps {
		headers[1], headers[3], headers[7] = "*姓名", "*学工号\n（必填）", "党籍\u3000状态"
	}
	b.row(1, "党员信息导入模板")
	f.MergeCell(b.sheet, "A1", "P1")
	b.row(2, headers...)
	b.row(3, "示例", "张三", "男", "2019001", "", "汉族", "1990-01", "正式党员", "教职工", "2015-06-01", "2016-06-01",
		"XX学院党委", "XX党支部", "讲师", "13800000000", "优秀党员")
	mobile := any("13800138001")
	if wps {
		mobile = 13800138001
	}
	b.row(4, 1, "王建国", "男", "T1001", bldWang, "汉族", "1978-05", "正式党员", "教职工", "2005-06-18", "2006-06-18",
		"教育学院党委", "教工第一党支部", "副教授", mobile, "党员示范岗")
	b.row(5, 2, "李晓梅", "女", "T1002", "", "回族", "1990-03-12", "预备党员", "教职工", bldJoin.String(), "",
		"教育学院党委", "教工第一党支部", "讲师", "13912345678", "")
	notesRow, last := 9, 8
	if wps {
		notesRow, last = 6, 9 // among the data rows
	}
	r := func(n int) int { // data rows after the notes in the WPS file
		if wps && n >= notesRow {
			return n + 3
		}
		return n
	}
	zhaoID, chenName := bldZhao, "陈思远"
	if wps {
		zhaoID, chenName = "\u3000"+strings.ToLower(bldZhao)+"\u3000", "陈\u3000思远"
	}
	b.row(r(6), 3, "赵小雨", "女", "S2023002", zhaoID, "汉族", "2003-09", "预备党员", "学生", bldJoin.String(), "",
		"教育学院党委", "学生第一党支部", "", "15100001111", "入党积极分子培训优秀学员")
	b.row(r(7), 4, chenName, "男", "T1003", bldChen, "汉族", "1988.01.01", "正式党员", "教职工", "2010年7月", "2011年7月",
		"教育学院党委", "教工第一党支部", "教授", "", "")
	b.row(r(8), 5, "孙海", "男", "", "", "汉族", "1955-11-02", "正式党员", "离退休", "1990-07-01", "1991-07-01",
		"教育学院党委", "离退休党支部", "", "", "")
	if wps {
		joined := time.Date(2010, 7, 1, 0, 0, 0, 0, time.UTC)
		b.row(r(7), 4, chenName, "男", "T1003", bldChen, "汉族", "1988.01.01", "正式党员", "教职工", joined)
		b.style(cellName(10, r(7)), &excelize.Style{NumFmt: 31}) // yyyy"年"m"月"d"日"
		last = r(8)
	}
	b.row(notesRow, bldNotes)
	f.MergeCell(b.sheet, cellName(1, notesRow), cellName(16, notesRow+2))
	b.style(cellName(1, notesRow), &excelize.Style{Alignment: &excelize.Alignment{WrapText: true}})
	_ = last
	return b.save(dir, "党员信息导入模板.xlsx")
}

func TestImportOtherSystemTemplate(t *testing.T) {
	for _, flavor := range []buildingFlavor{flavorTemplate, flavorWPS} {
		name := map[buildingFlavor]string{flavorTemplate: "template", flavorWPS: "wps"}[flavor]
		t.Run(name, func(t *testing.T) { checkBuildingImport(t, flavor) })
	}
}

func checkBuildingImport(t *testing.T, flavor buildingFlavor) {
	dir := t.TempDir()
	path := writeBuildingTemplate(t, dir, flavor)
	s := openStore(t)
	imp := readOK(t, path, s)
	wps := flavor == flavorWPS
	dataRows := []int{4, 5, 6, 7, 8}
	skipped := []int{3, 9}
	if wps {
		dataRows, skipped = []int{4, 5, 9, 10, 11}, []int{3, 6}
	}
	if got := rowNumbers(imp); !slices.Equal(got, dataRows) {
		t.Fatalf("data rows = %v, want %v", got, dataRows)
	}
	var skippedRows []int
	for _, w := range imp.Skipped {
		skippedRows = append(skippedRows, w.Row)
	}
	if !slices.Equal(skippedRows, skipped) || !strings.Contains(imp.Skipped[0].Message, "示例") ||
		!strings.Contains(imp.Skipped[1].Message, "填写说明") {
		t.Fatalf("skipped rows = %v", imp.Skipped)
	}
	if !slices.Equal(imp.Ignored, []string{"二级党组织名称"}) {
		t.Errorf("ignored = %q", imp.Ignored)
	}
	checkSuggestions(t, imp.Suggestions, wps)
	if errs := imp.Errors(); len(errs) > 0 {
		t.Fatalf("errors: %s", issuesText(errs))
	}
	want := map[string]struct {
		stage         data.Stage
		id, no, post  string
		branch, title string
	}{
		"王建国": {data.StageFull, bldWang, "T1001", "教职工", "教工第一党支部", "副教授"},
		"李晓梅": {data.StageProbationer, "", "T1002", "教职工", "教工第一党支部", "讲师"},
		"赵小雨": {data.StageProbationer, bldZhao, "S2023002", "学生", "学生第一党支部", ""},
		"陈思远": {data.StageFull, bldChen, "T1003", "教职工", "教工第一党支部", "教授"},
		"孙海":  {data.StageFull, "", "", "离退休", "离退休党支部", ""},
	}
	for _, r := range imp.Rows {
		p, w := r.Person, want[r.Person.Name]
		if p.Stage != w.stage || p.IDNumber != w.id || p.StaffNo != w.no || p.Post != w.post ||
			p.BranchName != w.branch || p.Title != w.title || p.Standing != "" {
			t.Errorf("row %d %s: stage %q id %q 工号 %q post %q branch %q title %q standing %q",
				r.Row, p.Name, p.Stage, p.IDNumber, p.StaffNo, p.Post, p.BranchName, p.Title, p.Standing)
		}
	}
	wang := rowAt(t, imp, 4).Person
	if wang.Remark != "标签：党员示范岗" || wang.BirthDate != civil.New(1978, 5, 0) || wang.JoinDate != civil.New(2005, 6, 18) ||
		wang.FullDate != civil.New(2006, 6, 18) || wang.Mobile != "13800138001" {
		t.Errorf("王建国 = remark %q birth %v join %v full %v mobile %q", wang.Remark, wang.BirthDate, wang.JoinDate, wang.FullDate, wang.Mobile)
	}
	if li := rowAt(t, imp, 5); !hasIssue(li.Warnings, "身份证号", "未填写") {
		t.Errorf("李晓梅 without ID number: no warning (%s)", issuesText(li.Warnings))
	}
	chen := rowAt(t, imp, dataRows[3]).Person
	if chen.JoinDate != civil.New(2010, 7, 0) && chen.JoinDate != civil.New(2010, 7, 1) {
		t.Errorf("陈思远 join = %v", chen.JoinDate)
	}

	// Imported, then imported again: nobody twice, though two have no ID
	// number (李晓梅 by 工号, 孙海 by name and birth date).
	res, err := s.ImportPeople(imp.Good(), data.ImportSkipExisting, filepath.Base(path))
	if err != nil || res.Imported != 5 {
		t.Fatalf("import: %+v %v", res, err)
	}
	again := readOK(t, path, s)
	if n := again.ExistingCount(); n != 5 {
		t.Errorf("second preview finds %d of 5 stored people", n)
	}
	res, err = s.ImportPeople(again.Good(), data.ImportSkipExisting, filepath.Base(path))
	if err != nil || res.Skipped != 5 || res.Imported != 0 || countPeople(t, s) != 5 {
		t.Fatalf("second import: %+v %v, people %d", res, err, countPeople(t, s))
	}
}

func checkSuggestions(t *testing.T, got []ColumnSuggestion, wps bool) {
	t.Helper()
	standing := "党籍状态"
	if wps {
		standing = "党籍 状态"
	}
	if len(got) != 2 {
		t.Fatalf("suggestions = %+v", got)
	}
	if s := got[0]; s.Column != standing || s.Looks != data.FieldStage || s.Named != data.FieldStanding || !s.Applied ||
		!slices.Equal(s.Choices, []string{data.FieldStage, data.FieldStanding, ""}) || !strings.Contains(s.Message, "看起来是人员类别") {
		t.Errorf("党籍状态 suggestion = %+v", s)
	}
	if s := got[1]; s.Column != "人员类别" || s.Looks != personKindHeader || s.Named != data.FieldStage || !s.Applied {
		t.Errorf("人员类别 suggestion = %+v", s)
	}
}

// The preview's choice overrides the judgment: read 党籍状态 as named.
func TestColumnChoiceOverridesJudgment(t *testing.T) {
	path := writeBuildingTemplate(t, t.TempDir(), flavorTemplate)
	imp, err := ReadMembersWith(path, nil, today, MemberReadOptions{
		ColumnChoices: map[string]string{"党籍状态": data.FieldStanding, "人员类别": ""}})
	if err != nil {
		t.Fatal(err)
	}
	if len(imp.Suggestions) != 0 {
		t.Errorf("suggestions despite choices: %+v", imp.Suggestions)
	}
	if r := rowAt(t, imp, 4); !hasIssue(r.Errors, "党籍状态", "正式党员") || r.Person.Post != "" {
		t.Errorf("党籍状态 read as named: errors %s, post %q", issuesText(r.Errors), r.Person.Post)
	}
}

// A column whose values fit where its header put it is left alone, and an
// unnamed column that looks like a known one is only suggested.
func TestJudgmentLeavesFittingColumns(t *testing.T) {
	b := newSheet(t)
	b.row(1, "姓名", "人员类别", "党籍状态", "政治面貌", "身份证号")
	b.row(2, "王建国", "正式党员", "正常", "中共党员", bldWang)
	imp := readOK(t, b.save(t.TempDir(), "a.xlsx"), nil)
	if len(imp.Suggestions) != 1 || imp.Suggestions[0].Column != "政治面貌" || imp.Suggestions[0].Applied {
		t.Fatalf("suggestions = %+v", imp.Suggestions)
	}
	if p := rowAt(t, imp, 2).Person; p.Stage != data.StageFull || p.Standing != data.StandingNormal {
		t.Errorf("stage %q standing %q", p.Stage, p.Standing)
	}
}

// Two people of the same name without any identifier are not merged.
func TestSameNameWithoutIDIsRefused(t *testing.T) {
	s := storeWith(t, []data.Person{{Name: "王芳", Stage: data.StageFull, JoinDate: civil.New(2000, 7, 1), FullDate: civil.New(2001, 7, 1)}})
	b := newSheet(t)
	b.row(1, "姓名", "性别", "人员类别", "入党时间", "转正时间")
	b.row(2, "王芳", "女", "正式党员", "2000-07-01", "2001-07-01")
	b.row(3, "刘洋", "男", "正式党员", "2000-07-01", "2001-07-01")
	b.row(4, "刘洋", "男", "正式党员", "2002-07-01", "2003-07-01")
	imp := readOK(t, b.save(t.TempDir(), "a.xlsx"), s)
	if r := rowAt(t, imp, 2); !hasIssue(r.Errors, "姓名", "同名") {
		t.Errorf("same name as a stored person: %s", issuesText(r.Errors))
	}
	if r := rowAt(t, imp, 4); !hasIssue(r.Errors, "姓名", "同名") {
		t.Errorf("same name as the row above: %s", issuesText(r.Errors))
	}
	if len(imp.Good()) != 1 || len(imp.Notices) != 1 {
		t.Errorf("good %d, notices %q", len(imp.Good()), imp.Notices)
	}
}

// Example marks count in the first cells only; a remark mentioning an
// example is data, and full-width brackets mark an example name too.
func TestExampleRowsAreMarkedInTheirFirstCells(t *testing.T) {
	b := newSheet(t)
	b.row(1, "序号", "姓名", "人员类别", "入党时间", "转正时间", "备注")
	b.row(2, "", "张三（示例）", "正式党员", "2000-07-01", "2001-07-01")
	b.row(3, "例：", "李四", "正式党员", "2000-07-01", "2001-07-01")
	b.row(4, 1, "王五", "正式党员", "2000-07-01", "2001-07-01", "举例发言的示例")
	imp := readOK(t, b.save(t.TempDir(), "a.xlsx"), nil)
	if got := rowNumbers(imp); !slices.Equal(got, []int{4}) || len(imp.Skipped) != 2 {
		t.Errorf("rows %v, skipped %v", got, imp.Skipped)
	}
}
