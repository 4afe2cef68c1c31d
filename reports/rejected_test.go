package reports

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
)

func TestWriteRejectedRowsKeepsTheOriginalRowsAndSaysWhy(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "名册.xlsx")
	in := excelize.NewFile()
	rows := [][]any{
		{"党员名册"}, // a title above the header
		{"姓名", "公民身份号码", "人员类别"},
		{"张三", "640106198503120138", "正式党员"},
		{"李四", "64010619900105002X", "党员"},
		{"王五", "123", "正式党员"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		in.SetSheetRow("Sheet1", cell, &r)
	}
	if err := in.SaveAs(src); err != nil {
		t.Fatal(err)
	}
	issues := []RowIssue{
		{Row: 5, Column: "公民身份号码", Message: "应为 18 位"},
		{Row: 4, Column: "人员类别", Message: "“党员”不是可选的人员类别"},
		{Row: 5, Column: "姓名", Message: "与第 3 行重复"},
	}
	dst := filepath.Join(dir, "有错误的行.xlsx")
	if err := WriteRejectedRows(src, "Sheet1", 2, issues, dst); err != nil {
		t.Fatal(err)
	}
	out, err := excelize.OpenFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	got, _ := out.GetRows(rejectedSheet)
	want := [][]string{
		{"姓名", "公民身份号码", "人员类别", "错误原因"},
		{"李四", "64010619900105002X", "党员", "人员类别：“党员”不是可选的人员类别"},
		{"王五", "123", "正式党员", "公民身份号码：应为 18 位；姓名：与第 3 行重复"},
	}
	if len(got) != len(want) {
		t.Fatalf("rows = %q", got)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("row %d = %q, want %q", i+1, got[i], want[i])
		}
	}
	// The workbook imports again: 错误原因 is simply an unknown column.
	res, err := ReadRegister(dst, MemberRegister(), ReadOptions[data.Person]{})
	if err != nil {
		t.Fatalf("re-reading the rejected rows: %v", err)
	}
	if len(res.Rows) != 2 || !slices.Contains(res.Ignored, RejectedReasonHeader) {
		t.Errorf("re-read %d rows, ignored %v", len(res.Rows), res.Ignored)
	}
}
