//go:build ci

package reportcenter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/pgtest"
	"partyoffice/ui/core"
	"partyoffice/ui/statistics"
	"partyoffice/ui/uitest"
)

// districtApp is the window of a 区管理员 on a server with two branches of
// one 党工委; the same person is on both branches' registers.
func districtApp(t *testing.T) *core.App {
	t.Helper()
	dsn := pgtest.Database(t) // skips, saying why, without a test server
	admin := datatest.ServerStoreOn(t, dsn)
	qu := pgtest.Login(t, "qu_admin")
	if err := admin.AddServerUser(data.ServerUser{Login: qu, Password: "qu", Role: data.RoleDistrict, Name: "区管理员"}); err != nil {
		t.Fatal(err)
	}
	twin := datatest.Member("张双", datatest.IDNumber("19850505", 7))
	for i, name := range []string{"一小党支部", "二小党支部"} {
		login := pgtest.Login(t, "zhibu")
		if err := admin.AddServerUser(data.ServerUser{Login: login, Password: "pw", BranchID: uint(i + 1), Role: data.RoleBranch}); err != nil {
			t.Fatal(err)
		}
		s := datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, login, "pw"))
		if err := s.SaveBranch(data.Branch{Name: name, Superior: "金凤区教育党工委", Code: name}); err != nil {
			t.Fatal(err)
		}
		copy := *twin
		people := []*data.Person{&copy, datatest.Member("王"+name, datatest.IDNumber("19900304", 20+i))}
		if i == 1 {
			people = append(people, datatest.Member("李"+name, datatest.IDNumber("19910304", 30)))
		}
		datatest.Create(t, s, people...)
	}
	return uitest.NewAppOn(t, datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, qu, "qu")))
}

// The 区管理员's 区级汇总 from the server: the period chosen, the file
// through the shared save dialog, every branch merged, the totals and the
// problems (the person on both registers) on screen by branch.
func TestDistrictMergesFromServer(t *testing.T) {
	a := districtApp(t)
	v, obj := newMergeView(a)
	uitest.Show(a, obj)
	if v.pull == nil || v.unit.Text != "金凤区教育党工委" {
		t.Fatalf("server way offered %v, 汇总单位 %q (want the shared 上级党委)", v.pull != nil, v.unit.Text)
	}
	v.server.span.SetSelected("上半年")
	files := uitest.CatchExports(t)
	test.Tap(v.pull)
	path := files.Wait(t)
	if !strings.HasPrefix(filepath.Base(path), "金凤区教育党工委各支部上报材料汇总_2026上半年") {
		t.Errorf("suggested file %q", filepath.Base(path))
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	c := a.Window.Canvas()
	if !strings.Contains(v.summary.Text, "从服务器读取 2 个支部，可汇总 2 个支部（2026年上半年）") ||
		!strings.Contains(v.summary.Text, "正式党员 5") {
		t.Errorf("summary %q", v.summary.Text)
	}
	if r, _ := v.list.Length(); r != 3 {
		t.Errorf("%d rows in the branch table, want a header and two branches", r)
	}
	var twice []string
	for _, p := range v.problems.rows {
		if p[1] == "重复身份证号" {
			twice = p
		}
	}
	if twice == nil || twice[0] != "一小党支部" || !strings.Contains(twice[2], "二小党支部（张双）") {
		t.Errorf("problems on screen %q, want 张双 on both registers, under 一小党支部", v.problems.rows)
	}
	uitest.RequireText(t, c, "发现的问题（")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if rows, _ := f.GetRows("问题"); len(rows) < 4 {
		t.Errorf("the workbook's 问题 sheet has %d rows", len(rows))
	}
}

// The 各支部 tab lists the branches; choosing one shows its register from
// its read-only view and exports that branch's 党员名册 only. The 党内统计
// of the district says it counts every branch.
func TestDistrictViewsOneBranch(t *testing.T) {
	a := districtApp(t)
	tabs := NewReportCenter(a).(*container.AppTabs)
	if last := tabs.Items[len(tabs.Items)-1]; last.Text != TabBranches {
		t.Fatalf("the district's 报表中心 ends with %q, want %s", last.Text, TabBranches)
	}
	v, obj := newBranchesView(a)
	uitest.Show(a, obj)
	if v.list.Len() != 2 || v.list.Cell(1, 1) != "二小党支部" || v.count.Text != "共 2 个支部，在册党员 5 人" {
		t.Fatalf("branch list %d rows (%q), %q", v.list.Len(), v.list.Cell(1, 1), v.count.Text)
	}
	v.list.SelectRow(1)
	if v.people.Len() != 3 || !strings.HasPrefix(v.title.Text, "二小党支部　党员名册（只读，3 人在册）") {
		t.Fatalf("branch two shows %d people under %q", v.people.Len(), v.title.Text)
	}
	files := uitest.CatchExports(t)
	path := files.Export(t, a, "党员名册")
	if !strings.HasPrefix(filepath.Base(path), "二小党支部党员名册") {
		t.Errorf("export suggested %q, want the branch's name", filepath.Base(path))
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(f.GetSheetName(0))
	var all []string
	for _, r := range rows {
		all = append(all, strings.Join(r, " "))
	}
	text := strings.Join(all, "\n")
	if !strings.Contains(text, "李二小党支部") || strings.Contains(text, "王一小党支部") {
		t.Errorf("branch two's 党员名册 holds:\n%s", text)
	}
	v.list.SelectRow(0)
	if v.people.Len() != 2 || !strings.HasPrefix(v.title.Text, "一小党支部") {
		t.Errorf("branch one shows %d people under %q", v.people.Len(), v.title.Text)
	}

	uitest.Show(a, statistics.NewStatisticsScreen(a))
	uitest.RequireText(t, a.Window.Canvas(), "金凤区教育党工委各党支部（2 个）　截至")
}
