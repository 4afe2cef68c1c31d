package reports

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/demo"
)

// branchStore is a store holding a branch of that name; with useDemo the
// demonstration branch, else the people given.
func branchStore(t testing.TB, name string, useDemo bool, people ...*data.Person) *data.Store {
	t.Helper()
	s := datatest.Store(t)
	if useDemo {
		if err := demo.Fill(s, datatest.Today); err != nil {
			t.Fatal(err)
		}
	}
	b, _ := s.Branch()
	if !useDemo { // the demo's people name its own branch in 所在党支部
		b.Name, b.Superior = name, "金凤区教育党工委"
		if err := s.SaveBranch(b); err != nil {
			t.Fatal(err)
		}
	}
	datatest.Create(t, s, people...)
	return s
}

func writePack(t *testing.T, s *data.Store, period Period, path string) *Pack {
	t.Helper()
	p, err := PreparePack(s, PackOptions{Period: period, Preparer: "张静"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	if err := p.WriteWorkbook(path); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPackMergeRoundTrip: three branches' packs merge into totals that are
// the sums of their own statistics; a person on two registers, an edited
// pack and a pack of another period are named, and nothing else is.
func TestPackMergeRoundTrip(t *testing.T) {
	dir := t.TempDir()
	half := Period{Year: 2026, Half: 1}
	first := branchStore(t, "", true)
	demoBranch, _ := first.Branch()
	demoPeople, err := first.People()
	if err != nil {
		t.Fatal(err)
	}
	var shared *data.Person // a demo member also typed into the second branch
	for i := range demoPeople {
		if demoPeople[i].Stage == data.StageFull && demoPeople[i].IDNumber != "" {
			shared = &demoPeople[i]
			break
		}
	}
	twin := datatest.Member(shared.Name, shared.IDNumber)
	woman := datatest.Member("王芳", datatest.IDNumber("19900304", 22))
	woman.Gender, woman.Education = "女", "大学本科"
	second := branchStore(t, "第二小学党支部", false, twin, woman,
		datatest.Member("李强", datatest.IDNumber("19850101", 11)))
	third := branchStore(t, "第三中学党支部", false,
		datatest.Member("赵敏", datatest.IDNumber("19700505", 42)),
		datatest.Member("钱进", datatest.IDNumber("19950707", 13)))

	stores := []*data.Store{first, second, third}
	var paths []string
	for i, s := range stores {
		path := filepath.Join(dir, []string{"一小.xlsx", "二小.xlsx", "三中.xlsx"}[i])
		writePack(t, s, half, path)
		paths = append(paths, path)
	}
	editCell(t, paths[2], memberSheet, "B4", "钱近") // the third pack, edited after it was made
	other := filepath.Join(dir, "二小-第一季度.xlsx")
	writePack(t, second, Period{Year: 2026, Quarter: 1}, other)
	resent := filepath.Join(dir, "0一小-改.xlsx") // the first branch again, edited, listed first
	raw, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(resent, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	editCell(t, resent, memberSheet, "B5", "某某")
	notPack := filepath.Join(dir, "说明.xlsx")
	if err := os.WriteFile(notPack, []byte("这不是工作簿"), 0o644); err != nil {
		t.Fatal(err)
	}

	m, err := ReadPacks(append([]string{resent}, append(paths, other, notPack)...), nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.MergedCount() != 3 || m.Period != half.Label() {
		t.Fatalf("merged %d packs of %q, want 3 of %q: %+v", m.MergedCount(), m.Period, half.Label(), m.Files)
	}

	want := map[StatKey]int{}
	for _, s := range stores {
		st, err := Statistics(s, half.asOf(datatest.Today))
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range st.Tables {
			for _, r := range tb.Rows {
				want[StatKey{statTableKey(tb.Title), r.Label}] += r.Count
			}
		}
	}
	if len(m.Totals) != len(want) {
		t.Errorf("%d totals, want %d", len(m.Totals), len(want))
	}
	for k, n := range want {
		if m.Totals[k] != n {
			t.Errorf("total %s/%s = %d, want %d", k.Table, k.Label, m.Totals[k], n)
		}
	}

	kinds := map[string][]Problem{}
	for _, p := range m.Problems {
		kinds[p.Kind] = append(kinds[p.Kind], p)
	}
	dup := kinds["重复身份证号"]
	if len(dup) != 1 || !strings.Contains(dup[0].Text, shared.IDNumber) ||
		!strings.Contains(dup[0].Text, demoBranch.Name) || !strings.Contains(dup[0].Text, "第二小学党支部") {
		t.Errorf("duplicate ID problems %+v, want one naming %s in both branches", dup, shared.IDNumber)
	}
	edited := kinds["内容被修改"]
	if len(edited) != 2 || edited[0].File != filepath.Base(resent) || edited[1].File != "三中.xlsx" || !strings.Contains(edited[1].Text, memberSheet) {
		t.Errorf("edited-pack problems %+v, want the resent copy and 三中.xlsx's %s", edited, memberSheet)
	}
	if p := kinds["重复上报"]; len(p) != 1 || p[0].File != filepath.Base(resent) || m.Files[1].Status != "已汇总" {
		t.Errorf("repeat problems %+v, status of the untouched copy %q: want the edited copy left out", p, m.Files[1].Status)
	}
	if p := kinds["期间不同"]; len(p) != 1 || p[0].File != filepath.Base(other) {
		t.Errorf("period problems %+v, want one for %s", p, filepath.Base(other))
	}
	if p := kinds["不是上报包"]; len(p) != 1 || p[0].File != "说明.xlsx" {
		t.Errorf("refused files %+v, want 说明.xlsx", p)
	}
	if len(m.Problems) != 6 {
		t.Errorf("%d problems, want 6: %+v", len(m.Problems), m.Problems)
	}

	out := filepath.Join(dir, "汇总.xlsx")
	if err := WriteMerge(m, out, "金凤区教育党工委"); err != nil {
		t.Fatal(err)
	}
	checkMergeWorkbook(t, out, m, demoBranch.Name, "第二小学党支部", "第三中学党支部")
}

// checkMergeWorkbook reads the 汇总 back: the 合计 row holds the totals and
// the stacked 党员名册 names each person's branch.
func checkMergeWorkbook(t *testing.T, path string, m *Merge, branches ...string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(MergeStatsSheet)
	var header, total []string
	for _, r := range rows {
		if len(r) > 1 && r[0] == numberHeader {
			header = r
		}
		if len(r) > 1 && r[1] == "合计" {
			total = r
		}
	}
	k := m.Items[0]
	col := slices.Index(header, k.Table+"："+k.Label)
	if col < 0 || total == nil || total[col] != itoa(m.Totals[k]) {
		t.Errorf("合计 of %v: header %v, total row %v, want %d", k, header, total, m.Totals[k])
	}
	members, _ := f.GetRows(memberSheet)
	h, body := splitRegister(members)
	branch := slices.Index(h, branchColumn)
	seen := map[string]bool{}
	for _, r := range body {
		seen[at(r, branch)] = true
	}
	for _, b := range branches {
		if !seen[b] {
			t.Errorf("stacked %s has no row of %s (branches %v)", memberSheet, b, seen)
		}
	}
}

func editCell(t *testing.T, path, sheet, cell, value string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellStr(sheet, cell, value); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}
