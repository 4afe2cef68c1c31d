package reports

import (
	"bytes"
	"flag"
	"os"
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

var update = flag.Bool("update", false, "regenerate testdata/messy_members.xlsx")

// messyPath is a realistic, messy 党员名册 for the team's tests and demos.
const messyPath = "testdata/messy_members.xlsx"

// idWithX is a valid ID number of a woman born on birth whose check digit is X.
func idWithX(birth string) string {
	for seq := 2; ; seq += 2 {
		if id := datatest.IDNumber(birth, seq); strings.HasSuffix(id, "X") {
			return id
		}
	}
}

func wrongCheckDigit(id string) string {
	if id[17] == '1' {
		return id[:17] + "2"
	}
	return id[:17] + "1"
}

// Values the messy sample holds and its test expects.
var (
	messyZhang   = datatest.IDNumber("19800315", 11)
	messyLiNa15  = "110105491231002" // 15-digit form of 11010519491231002X
	messyBadID   = wrongCheckDigit(datatest.IDNumber("19750101", 21))
	messyZhaoMin = idWithX("19850618")
)

// writeMessyMembers builds the kind of file a branch really keeps: an
// instructions sheet first, title rows, headers with spaces, line breaks and
// notes, a 15-digit ID, a lower-case x, an ID Excel turned into a number,
// dates as text, as serial numbers and as date cells, a total row and a
// signature line.
func writeMessyMembers(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "填表说明"); err != nil {
		return err
	}
	const sheet = "党员花名册"
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	set := func(sh string, row int, values ...any) {
		for i, v := range values {
			f.SetCellValue(sh, cellName(i+1, row), v)
		}
	}
	set("填表说明", 1, "填表说明")
	set("填表说明", 2, "1. 日期请写成 2015.07 或 2015-07-01")
	set("填表说明", 3, "2. 身份证号请把单元格设为文本格式")

	set(sheet, 1, "银川市第一小学党支部党员花名册")
	f.MergeCell(sheet, "A1", "R1")
	set(sheet, 2, "填报单位（盖章）：金凤区教育党工委", "", "", "", "", "", "", "", "", "", "", "", "", "", "填报时间：2026年11月")
	set(sheet, 4, "序 号", "姓　名", "性别", "民族", "身份证号码\n（18位）", "出生年月", "文化程度", "党员类别",
		"入党时间", "转正时间", "工作岗位", "联系电话", "家庭住址", "是否流动党员", "流向", "所在党小组", "备注（选填）", "QQ号")
	joined := time.Date(2010, 6, 18, 0, 0, 0, 0, time.UTC)
	set(sheet, 5, 1, "张 伟", "男", "汉", messyZhang, "1980.03", "本科", "正式党员", "2008.07", 39995,
		"语文教师", 13800138000, "金凤区北京中路1号", "否", "", "第一党小组", "", "123456")
	set(sheet, 6, 2, "\u3000李\u3000娜\u3000", "女", "回族", messyLiNa15, "", "大专", "预备党员", "2026.05.20", "",
		"幼儿教师", "13912345678", "", "", "", "第一党小组", "15位老身份证号")
	set(sheet, 7, 3, "王强", "男", "汉族", messyBadID, "", "本科", "正式党员", "2001.07", "2002.07",
		"体育教师", "15100001111", "", "否", "", "第二党小组")
	set(sheet, 8, 4, "赵敏", "女", "满族", strings.ToLower(messyZhaoMin), "1985年6月", "研究生", "正式", joined, "2011/6/18",
		"数学教师", "0951-5012345", "", "是", "广东省深圳市", "第二党小组", "=外出务工")
	set(sheet, 9, 5, "刘洋", "男", "汉族", 110105194912310020.0, "", "本科", "正式党员", "2005.7.1", "2006.7.1",
		"信息技术", "", "", "否", "", "")
	set(sheet, 11, 6, "陈静", "女", "汉族", messyZhang, "", "本科", "正式党员", "2012.03", "2013.03",
		"英语教师", "", "", "", "", "第一党小组", "与张伟身份证号重复")
	set(sheet, 12, 7, "孙丽", "女", "汉族", datatest.IDNumber("19920808", 62), "", "本科", "积极分子", "", "",
		"美术教师")
	set(sheet, 13, "合计", "", "7人")
	set(sheet, 15, "填表人：刘洋", "", "", "", "审核人：张伟", "", "", "", "", "日期：2026年11月")
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle(sheet, "I8", "I8", dateStyle)
	f.SetColWidth(sheet, "E", "E", 22)
	f.SetActiveSheet(1)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func TestMessySampleIsCurrent(t *testing.T) {
	if *update {
		if err := os.MkdirAll(filepath.Dir(messyPath), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := writeMessyMembers(messyPath); err != nil {
			t.Fatal(err)
		}
	}
	fresh := filepath.Join(t.TempDir(), "messy.xlsx")
	if err := writeMessyMembers(fresh); err != nil {
		t.Fatal(err)
	}
	a, errA := os.ReadFile(fresh)
	b, errB := os.ReadFile(messyPath)
	if errA != nil || errB != nil || !bytes.Equal(a, b) {
		t.Fatalf("%s is missing or out of date (%v %v): run go test ./reports -run TestMessySample -update", messyPath, errA, errB)
	}
}

func TestMessySample(t *testing.T) {
	s := openStore(t)
	imp, err := ReadMembers(messyPath, s, today, nil)
	if err != nil {
		t.Fatal(err)
	}
	if imp.Sheet != "党员花名册" || imp.HeaderRow != 4 || !slices.Equal(imp.Ignored, []string{"QQ号"}) {
		t.Fatalf("sheet %q, header row %d, ignored %q", imp.Sheet, imp.HeaderRow, imp.Ignored)
	}
	if got := rowNumbers(imp); !slices.Equal(got, []int{5, 6, 7, 8, 9, 11, 12}) {
		t.Fatalf("data rows = %v", got)
	}
	const idCol = "身份证号码 （18位）"

	zhang := rowAt(t, imp, 5)
	if len(zhang.Errors) > 0 {
		t.Errorf("row 5: %v", zhang.Errors)
	}
	if p := zhang.Person; p.Name != "张伟" || p.Ethnicity != "汉族" || p.JoinDate != civil.New(2008, 7, 0) ||
		p.FullDate != civil.New(2009, 7, 1) || p.BirthDate != civil.New(1980, 3, 0) || p.Mobile != "13800138000" {
		t.Errorf("row 5 = %q %q join %v full %v birth %v mobile %q", p.Name, p.Ethnicity, p.JoinDate, p.FullDate, p.BirthDate, p.Mobile)
	}
	li := rowAt(t, imp, 6)
	if p := li.Person; len(li.Errors) > 0 || p.Name != "李娜" || p.IDNumber != "11010519491231002X" || p.Stage != data.StageProbationer {
		t.Errorf("row 6 = %q %q %q, errors %v", p.Name, p.IDNumber, p.Stage, li.Errors)
	}
	if r := rowAt(t, imp, 7); !hasIssue(r.Errors, idCol, "校验码") {
		t.Errorf("row 7 bad check digit not reported: %v", r.Errors)
	}
	zhao := rowAt(t, imp, 8)
	if p := zhao.Person; len(zhao.Errors) > 0 || p.IDNumber != messyZhaoMin || p.JoinDate != civil.New(2010, 6, 18) ||
		p.Phone != "0951-5012345" || !p.Floating || p.FloatTo != "广东省深圳市" || p.GroupName != "第二党小组" || p.Remark != "=外出务工" {
		t.Errorf("row 8 = %+v, errors %v", p, zhao.Errors)
	}
	if r := rowAt(t, imp, 9); !hasIssue(r.Errors, idCol, "文本") {
		t.Errorf("row 9 ID stored as a number not reported: %v", r.Errors)
	}
	if r := rowAt(t, imp, 11); !hasIssue(r.Errors, idCol, "第 5 行") {
		t.Errorf("row 11 duplicate not reported: %v", r.Errors)
	}
	if r := rowAt(t, imp, 12); !hasIssue(r.Errors, "党员类别", "积极分子") {
		t.Errorf("row 12 stage not reported: %v", r.Errors)
	}
	if len(imp.Good()) != 3 || imp.BadRows() != 4 {
		t.Errorf("good %d, bad %d; want 3 and 4", len(imp.Good()), imp.BadRows())
	}
}
