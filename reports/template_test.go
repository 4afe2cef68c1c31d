package reports

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"partyoffice/data/datatest"
)

// districtTemplate is a district's own form: merged title, styled header
// with its own spellings, two bordered empty rows, a merged signature line
// under them, its own widths and print settings.
func districtTemplate(t *testing.T, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sh = "花名册"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", sh))
	border := []excelize.Border{{Type: "left", Style: 2, Color: "1F4E79"}, {Type: "bottom", Style: 2, Color: "1F4E79"}}
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "方正小标宋简体", Size: 20, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 11, Color: "FFFFFF"}, Border: border,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E79"}}})
	body, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "仿宋", Size: 12}, Border: border})
	must(f.SetCellStr(sh, "A1", "金凤区党员信息统计表"))
	must(f.MergeCell(sh, "A1", "G1"))
	must(f.SetCellStyle(sh, "A1", "G1", title))
	must(f.SetSheetRow(sh, "A3", &[]string{"序号", "姓  名", "身份证号", "性别", "入党时间", "联系方式", "组织关系备注"}))
	must(f.SetCellStyle(sh, "A3", "G3", head))
	must(f.SetCellStyle(sh, "A4", "G5", body))
	must(f.SetCellInt(sh, "A4", 1))
	must(f.SetCellInt(sh, "A5", 2))
	must(f.SetRowHeight(sh, 4, 22))
	must(f.SetCellStr(sh, "A6", "填表人：　　　　审核人："))
	must(f.MergeCell(sh, "A6", "G6"))
	must(f.SetColWidth(sh, "C", "C", 24))
	orientation, size := "landscape", 9
	must(f.SetPageLayout(sh, &excelize.PageLayoutOptions{Orientation: &orientation, Size: &size}))
	must(f.SaveAs(path))
}

func TestTemplateFillKeepsTheTemplate(t *testing.T) {
	dir := t.TempDir()
	tpl, out := filepath.Join(dir, "区模板.xlsx"), filepath.Join(dir, "填好.xlsx")
	districtTemplate(t, tpl)
	s := openStore(t)
	ids := []string{datatest.IDNumber("19800101", 11), datatest.IDNumber("19900202", 22), datatest.IDNumber("19950303", 33)}
	datatest.Create(t, s, datatest.Member("艾青", ids[0]), datatest.Member("白露", ids[1]), datatest.Member("蔡文", ids[2]))

	tm, err := OpenTemplate(tpl, s)
	if err != nil {
		t.Fatal(err)
	}
	got := tm.Mapping()
	want := map[string]string{"序号": NumberField, "姓  名": "姓名", "身份证号": "公民身份号码", "性别": "性别",
		"入党时间": "加入党组织日期", "联系方式": "手机号", "组织关系备注": ""}
	for h, field := range want {
		if got[h] != field {
			t.Errorf("suggested %q → %q, want %q", h, got[h], field)
		}
	}
	if err := tm.ApplyMapping([]byte(`{"联系方式": ""}`)); err != nil {
		t.Fatal(err)
	}
	if err := tm.SaveMapping(s); err != nil {
		t.Fatal(err)
	}
	again, err := OpenTemplate(tpl, s)
	if err != nil || !again.Saved || again.Mapping()["联系方式"] != "" {
		t.Fatalf("saved mapping not used on reopening: %+v, %v", again, err)
	}
	n, err := again.Fill(s, out)
	if err != nil || n != 3 {
		t.Fatalf("Fill: %d rows, %v", n, err)
	}

	before, after := openBook(t, tpl), openBook(t, out)
	const sh = "花名册"
	for _, cell := range []string{"A1", "B3", "G3"} {
		if a, b := styleOf(t, before, sh, cell), styleOf(t, after, sh, cell); !reflect.DeepEqual(a, b) {
			t.Errorf("style of %s changed:\n%+v\n%+v", cell, a, b)
		}
	}
	if a, b := styleOf(t, before, sh, "C4"), styleOf(t, after, sh, "C6"); !reflect.DeepEqual(a, b) {
		t.Errorf("the inserted row does not take the template's row style:\n%+v\n%+v", a, b)
	}
	wantMerges := map[string]bool{"A1:G1": true, "A7:G7": true} // the signature moved down one row
	merges, _ := after.GetMergeCells(sh)
	if len(merges) != len(wantMerges) {
		t.Errorf("merged cells %v, want %v", merges, wantMerges)
	}
	for _, m := range merges {
		if !wantMerges[m.GetStartAxis()+":"+m.GetEndAxis()] {
			t.Errorf("unexpected merge %s:%s", m.GetStartAxis(), m.GetEndAxis())
		}
	}
	if w, _ := after.GetColWidth(sh, "C"); w != 24 {
		t.Errorf("column C width %v, want 24", w)
	}
	if pl, _ := after.GetPageLayout(sh); pl.Orientation == nil || *pl.Orientation != "landscape" {
		t.Errorf("page layout lost: %+v", pl)
	}
	rows, _ := after.GetRows(sh)
	names := map[string]string{}
	for _, r := range rows[3:6] {
		names[r[1]] = r[2]
		if len(r) > 5 && r[5] != "" {
			t.Errorf("unmapped 联系方式 written: %v", r)
		}
	}
	for i, name := range []string{"艾青", "白露", "蔡文"} {
		if names[name] != ids[i] {
			t.Errorf("%s's ID = %q, want %s (rows %v)", name, names[name], ids[i], rows)
		}
	}
	if rows[6][0] != "填表人：　　　　审核人：" {
		t.Errorf("row 7 = %v, want the template's signature line", rows[6])
	}
}

func openBook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
