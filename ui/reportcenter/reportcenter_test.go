//go:build ci

package reportcenter

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

func branchApp(t *testing.T) *core.App {
	t.Helper()
	a := uitest.NewApp(t)
	if err := a.Store.SaveBranch(data.Branch{Name: "测试小学党支部", Superior: "XX区教育工委"}); err != nil {
		t.Fatal(err)
	}
	uitest.ThreeMembers(t, a)
	return a
}

// TestPackPreviewShowsCountsAndOpenErrors: before anything is written the
// screen lists each report with its count and warns of the open errors; the
// button then says 仍然生成.
func TestPackPreviewShowsCountsAndOpenErrors(t *testing.T) {
	a := branchApp(t)
	uitest.HoldMeeting(t, a, civil.New(2026, 1, 10), data.TypeThemeDay) // then none: months missed
	v, obj := newPackView(a)
	uitest.Show(a, obj)
	if v.write.Disabled() == false {
		t.Error("the generate button is enabled before the check")
	}
	period, err := v.period()
	if err != nil {
		t.Fatal(err)
	}
	p, err := reports.PreparePack(a.Store, reports.PackOptions{Period: period, Only: v.chosen()})
	if err != nil {
		t.Fatal(err)
	}
	v.pack = p
	v.showPreview()
	t.Cleanup(v.forget)
	c := a.Window.Canvas()
	uitest.RequireText(t, c, "1. 党员名册：3 人")
	uitest.RequireText(t, c, "项三会一课错误尚未处理") // 主题党日 missed since February
	if v.write.Disabled() || v.write.Text != "仍然生成…" {
		t.Errorf("generate button %q (disabled %v), want 仍然生成… enabled", v.write.Text, v.write.Disabled())
	}
	v.span.SetSelected("第三季度")
	if !v.write.Disabled() || v.pack != nil {
		t.Error("changing the period keeps the prepared pack")
	}
	if p, _ := v.period(); p.Quarter != 3 {
		t.Errorf("period %+v, want the third quarter", p)
	}
}

// TestTemplateMappingScreen: the template's headers are mapped by name,
// the preview shows the people, and a changed choice changes the preview.
func TestTemplateMappingScreen(t *testing.T) {
	a := branchApp(t)
	path := filepath.Join(t.TempDir(), "区模板.xlsx")
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]string{"序号", "姓 名", "身份证号", "籍贯省份"})
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	v, obj := newTemplateView(a)
	uitest.Show(a, obj)
	v.load(path)
	if got := v.tpl.Mapping(); got["姓 名"] != "姓名" || got["身份证号"] != "公民身份号码" || got["籍贯省份"] != "" {
		t.Errorf("mapping %v", got)
	}
	if len(v.rows) != 3 || v.rows[0][1] == "" || v.rows[0][0] != "1" {
		t.Fatalf("preview rows %v, want three people numbered", v.rows)
	}
	v.tpl.Columns[1].Field = ""
	v.refreshPreview()
	if v.rows[0][1] != "" {
		t.Errorf("unmapped 姓名 still previewed: %v", v.rows[0])
	}
	if v.fill.Disabled() || v.save.Disabled() {
		t.Error("fill and save stay disabled after loading a template")
	}
}

// TestMergeScreenListsEveryFile: a pack and a file that is not one are both
// listed, with the reason the second is not merged.
func TestMergeScreenListsEveryFile(t *testing.T) {
	a := branchApp(t)
	dir := t.TempDir()
	p, err := reports.PreparePack(a.Store, reports.PackOptions{Period: reports.Period{Year: a.Today().Year}, Only: []string{"members", "statistics"}})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	pack := filepath.Join(dir, "一小.xlsx")
	if err := p.WriteWorkbook(pack); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "名单.xlsx")
	f := excelize.NewFile()
	f.SaveAs(other)
	f.Close()
	v, obj := newMergeView(a)
	uitest.Show(a, obj)
	m, err := reports.ReadPacks([]string{pack, other}, nil)
	if err != nil {
		t.Fatal(err)
	}
	v.show("读取 2 个文件", m)
	if !strings.Contains(v.summary.Text, "可汇总 1 个支部") || !strings.Contains(v.summary.Text, "合计 党员总数") || v.save.Disabled() {
		t.Errorf("summary %q, save disabled %v", v.summary.Text, v.save.Disabled())
	}
	if r, c := v.list.Length(); r != 3 || c != 4 {
		t.Errorf("file table %d×%d, want a header and two files", r, c)
	}
	if st := m.Files[1].Status; !strings.HasPrefix(st, "未汇总") {
		t.Errorf("non-pack status %q", st)
	}
	// The problems are on screen too, each by the branch (here: the file
	// that is no pack) it is about.
	if len(v.problems.rows) != len(m.Problems) || len(m.Problems) == 0 || v.problems.rows[0][0] != "名单.xlsx" ||
		v.found.Text != fmt.Sprintf("发现的问题（%d 个）", len(m.Problems)) {
		t.Errorf("problems shown %q under %q, the merge has %+v", v.problems.rows, v.found.Text, m.Problems)
	}
	uitest.RequireText(t, a.Window.Canvas(), v.problems.rows[0][2])
	if v.pull != nil || uitest.HasText(a.Window.Canvas(), "从服务器汇总全部支部…") {
		t.Error("a data file on this PC offers the merge from a server")
	}
	for _, tab := range NewReportCenter(a).(*container.AppTabs).Items {
		if tab.Text == TabBranches {
			t.Error("a data file on this PC has the 各支部 tab")
		}
	}
}
