package reports

import (
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/demo"
	"partyoffice/data/pgtest"
)

// The district's 汇总 from live data equals the 汇总 of the packs the same
// three branches would send: the 统计汇总 and every stacked register, cell
// for cell, and the same problems (a member on two branches' registers).
func TestDistrictFromServerEqualsMergedPacks(t *testing.T) {
	dsn := pgtest.Database(t)
	admin := datatest.ServerStoreOn(t, dsn)
	district := pgtest.Login(t, "qu")
	if err := admin.AddServerUser(data.ServerUser{Login: district, Password: "qu", Role: data.RoleDistrict}); err != nil {
		t.Fatal(err)
	}
	var branches []*data.Store
	for i := uint(1); i <= 3; i++ {
		login := pgtest.Login(t, "zhibu")
		if err := admin.AddServerUser(data.ServerUser{Login: login, Password: "pw", BranchID: i, Role: data.RoleBranch}); err != nil {
			t.Fatal(err)
		}
		branches = append(branches, datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, login, "pw")))
	}
	if err := demo.Fill(branches[0], datatest.Today); err != nil {
		t.Fatal(err)
	}
	demoPeople, _ := branches[0].People()
	twin := demoPeople[0] // also typed into the second branch
	for i, name := range []string{"第二小学党支部", "第三中学党支部"} {
		s := branches[i+1]
		if err := s.SaveBranch(data.Branch{Name: name, Superior: "金凤区教育党工委", Code: "code" + name}); err != nil {
			t.Fatal(err)
		}
		datatest.Create(t, s, datatest.Member(twin.Name, twin.IDNumber),
			datatest.Member("王芳"+name, datatest.IDNumber("19900304", 22+i)))
	}

	half := Period{Year: 2026, Half: 1}
	var paths []string
	for i, s := range branches {
		paths = append(paths, filepath.Join(t.TempDir(), []string{"一.xlsx", "二.xlsx", "三.xlsx"}[i]))
		writePack(t, s, half, paths[i])
	}
	sent, err := ReadPacks(paths, nil)
	if err != nil {
		t.Fatal(err)
	}
	var done []int
	live, err := DistrictFromServer(datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, district, "qu")),
		PackOptions{Period: half, Preparer: "张静"}, func(d, total int) { done = append(done, d, total) })
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(done, []int{1, 4, 2, 4, 3, 4, 4, 4}) {
		t.Errorf("progress %v, want each branch then the merge of four steps", done)
	}
	if live.MergedCount() != 3 || !reflect.DeepEqual(live.Totals, sent.Totals) || len(live.Totals) == 0 {
		t.Errorf("live totals of %d branches %v,\nsent packs' %v", live.MergedCount(), live.Totals, sent.Totals)
	}
	kinds := func(m *Merge) (out []string) {
		for _, p := range m.Problems {
			out = append(out, p.Kind)
		}
		return out
	}
	if !slices.Equal(kinds(live), kinds(sent)) || !slices.Contains(kinds(live), "重复身份证号") {
		t.Errorf("live problems %v, sent packs' %v", kinds(live), kinds(sent))
	}
	a, b := filepath.Join(t.TempDir(), "报来的.xlsx"), filepath.Join(t.TempDir(), "服务器.xlsx")
	if err := WriteMerge(sent, a, "金凤区教育党工委"); err != nil {
		t.Fatal(err)
	}
	if err := WriteMerge(live, b, "金凤区教育党工委"); err != nil {
		t.Fatal(err)
	}
	fa, fb := readBack(t, a), readBack(t, b)
	if !slices.Equal(fa.GetSheetList(), fb.GetSheetList()) || len(fa.GetSheetList()) < 4 {
		t.Fatalf("sheets %v, want %v", fb.GetSheetList(), fa.GetSheetList())
	}
	for _, sheet := range fa.GetSheetList() {
		if sheet == MergeFilesSheet || sheet == MergeProblemsSheet { // file names and times
			continue
		}
		ra, _ := fa.GetRows(sheet)
		rb, _ := fb.GetRows(sheet)
		if !reflect.DeepEqual(ra, rb) || len(ra) < 4 {
			t.Errorf("sheet %s differs (%d rows from the packs, %d from the server)", sheet, len(ra), len(rb))
		}
	}
}
