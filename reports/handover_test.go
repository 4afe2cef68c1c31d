package reports

import (
	"path/filepath"
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
)

func TestHandoverList(t *testing.T) {
	today := civil.New(2026, 6, 15)
	s := storeWith(t, samplePeople(today))
	path := filepath.Join(t.TempDir(), "移交清单.xlsx")
	ref := &PackageRef{Name: "移交包.poh", Size: 3 << 20, Files: 5}
	if err := ExportHandoverList(path, s, HandoverListOptions{Today: today, Package: ref}); err != nil {
		t.Fatal(err)
	}
	f := readBack(t, path)
	rows, err := f.GetRows("移交清单")
	if err != nil {
		t.Fatal(err)
	}
	all := make([]string, len(rows))
	for i, r := range rows {
		all[i] = strings.Join(r, "|")
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{
		"银川市第一小学党支部工作移交清单",
		"类别|项目|数量|期限|说明",
		"移交内容|党员名册·正式党员|3",
		"移交内容|党员名册·预备党员|1",
		"移交内容|支部·党小组|2",
		"移交包.poh，3.0 MB，内含 5 个文件",
		"移交人：", "接收人：", "监交人：",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	// The 预备党员 joined three months ago: at least the open reminders line is there.
	if !strings.Contains(text, HandoverReminder) {
		t.Errorf("no reminder section:\n%s", text)
	}
}

func TestHandoverItemsWithoutPackage(t *testing.T) {
	s := openStore(t)
	items, err := HandoverItems(s, civil.New(2026, 6, 15), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Item == "移交包文件" {
			t.Error("a package line without a package")
		}
	}
	if items[len(items)-1].Category != HandoverReminder && !hasCategory(items, HandoverReminder) {
		t.Error("the reminders section is missing even when empty")
	}
}

func hasCategory(items []HandoverItem, c string) bool {
	for _, it := range items {
		if it.Category == c {
			return true
		}
	}
	return false
}

func TestExportAudit(t *testing.T) {
	s := openStore(t)
	p := &data.Person{Name: "张三", Stage: data.StageFull, Mobile: "13800001111"}
	s.CreatePerson(p)
	p.Mobile = "13900002222"
	s.UpdatePerson(p)
	path := filepath.Join(t.TempDir(), "操作日志.xlsx")
	if err := ExportAudit(path, s, data.AuditQuery{Action: "修改", Entity: "人员"}, nil); err != nil {
		t.Fatal(err)
	}
	f := readBack(t, path)
	rows, _ := f.GetRows("操作日志")
	text := ""
	for _, r := range rows {
		text += strings.Join(r, "|") + "\n"
	}
	for _, want := range []string{"操作日志", "修改，人员", "时间|操作人|操作|对象|记录|修改内容", "修改张三", "手机号：13800001111 → 13900002222"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	if strings.Contains(text, "新增张三") {
		t.Error("the filter was not applied")
	}
}

// The 移交清单 is signed: its findings cite the document by name, never
// "待核对原文" (docs/rules.md, "Citations"; the article rule itself is
// tested in data/rules, TestPrintedCitations).
func TestHandoverListCitesDocumentsByName(t *testing.T) {
	s, _ := devStore(t, true)
	items, err := HandoverItems(s, civil.Today(), nil)
	if err != nil {
		t.Fatal(err)
	}
	cited := 0
	for _, it := range items {
		if strings.Contains(it.Note, "待核对") || strings.Contains(it.Note, "未核实") {
			t.Errorf("printed with the screen marker: %s", it.Note)
		}
		if strings.Contains(it.Note, "（依据：《中国共产党发展党员工作细则》（2014年）") {
			cited++
		}
	}
	if cited == 0 {
		t.Errorf("no finding cites the 细则 by name; items: %+v", items)
	}
}
