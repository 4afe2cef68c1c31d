package main

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/pgtest"
)

// migrate --to puts a folder on a server, --db works on it like on a folder
// (an export), and --to-folder brings it back.
func TestMigrateUpAndDown(t *testing.T) {
	dsn := pgtest.Database(t)
	dir := datatest.Folder(t)
	code, out, errOut := runCLI(t, "--data", dir, "migrate", "--to", dsn)
	if code != 0 || !strings.Contains(out, "行数和校验和与原数据一致") {
		t.Fatalf("migrate --to: code %d, %s%s", code, out, errOut)
	}
	sheet := filepath.Join(t.TempDir(), "名册.xlsx")
	if code, out, errOut := runCLI(t, "--data", t.TempDir(), "--db", dsn, "export", "members", "--out", sheet); code != 0 {
		t.Fatalf("export from the server: code %d, %s%s", code, out, errOut)
	}
	down := filepath.Join(t.TempDir(), "本机")
	if code, out, errOut := runCLI(t, "--db", dsn, "migrate", "--to-folder", down); code != 0 {
		t.Fatalf("migrate --to-folder: code %d, %s%s", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", "mysql://x", "version"); code != exitUsage {
		t.Fatalf("a --db that is no postgres:// DSN: code %d (%s), want %d", code, errOut, exitUsage)
	}
}

// Two branches' folders (the demo, and the demo changed) moved into one
// server as branches 1 and 2: the second is renumbered past the first, each
// branch user sees only theirs, the owner must say which branch comes down,
// and branch 2 brought back down exports cell for cell what its original
// folder exports (migrate → export → compare).
func TestMigrateTwoBranchesIntoOneServerAndBack(t *testing.T) {
	dsn := pgtest.Database(t)
	first, second := demoDir(t), demoDir(t)
	changeDemo(t, second)
	mustRun(t, "--data", first, "migrate", "--to", dsn, "--branch", "1")
	out := mustRun(t, "--data", second, "migrate", "--to", dsn, "--branch", "2")
	if !strings.Contains(out, "第 2 号支部") || !strings.Contains(out, "内部编号统一加了") {
		t.Errorf("the second branch's move says %q, want branch 2 and its renumbering", out)
	}
	if code, _, errOut := runCLI(t, "--data", first, "migrate", "--to", dsn, "--branch", "2"); code == exitOK ||
		!strings.Contains(errOut, "第 2 号支部（二小党支部）已经有") {
		t.Errorf("a third move into branch 2: exit %d, %s; want refused, naming the branch", code, errOut)
	}

	admin, err := data.OpenServer(dsn, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	yi, er := pgtest.Login(t, "zhibu_yi"), pgtest.Login(t, "zhibu_er")
	datatest.AddUsers(t, admin, data.ServerUser{Login: yi, Password: "pw1", BranchID: 1, Role: data.RoleBranch},
		data.ServerUser{Login: er, Password: "pw2", BranchID: 2, Role: data.RoleBranch},
	)
	admin.Close()
	for user, folder := range map[string]string{pgtest.AsUser(t, dsn, yi, "pw1"): first, pgtest.AsUser(t, dsn, er, "pw2"): second} {
		s, err := data.OpenServer(user, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		got := identities(mustPeople(t, s))
		s.Close()
		if want := identities(peopleIn(t, folder)); !reflect.DeepEqual(got, want) {
			t.Errorf("a branch user sees %d people, their folder holds %d", len(got), len(want))
		}
	}

	if code, _, errOut := runCLI(t, "--db", dsn, "migrate", "--to-folder", filepath.Join(t.TempDir(), "x")); code == exitOK ||
		!strings.Contains(errOut, "--branch") {
		t.Errorf("the owner moving down without --branch from two branches: exit %d, %s", code, errOut)
	}
	down := filepath.Join(t.TempDir(), "二小")
	mustRun(t, "--db", pgtest.AsUser(t, dsn, er, "pw2"), "migrate", "--to-folder", down)
	ownerDown := filepath.Join(t.TempDir(), "二小（所有者）")
	mustRun(t, "--db", dsn, "migrate", "--to-folder", ownerDown, "--branch", "2")
	merged := filepath.Join(t.TempDir(), "汇总.xlsx")
	out = mustRun(t, "--db", dsn, "district", "merge", "--from-server", "--year", "2026", "--out", merged, "--json")
	var res mergeJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Merged != 2 || len(res.Totals) == 0 {
		t.Errorf("district merge --from-server: %v, %+v", err, res)
	}
	if code, _, errOut := runCLI(t, "--data", first, "district", "merge", "--from-server", "--out", merged); code != exitUsage {
		t.Errorf("--from-server without --db: exit %d, %s", code, errOut)
	}
	for _, kind := range []string{"members", "meetings-summary", "minutes", "devrecord"} {
		want := workbookCells(t, exportFrom(t, second, kind))
		for _, dir := range []string{down, ownerDown} {
			if got := workbookCells(t, exportFrom(t, dir, kind)); !reflect.DeepEqual(got, want) {
				t.Errorf("%s of branch 2 brought back to %s differs from the original folder's", kind, filepath.Base(dir))
			}
		}
	}
}

// changeDemo makes a demo folder another branch: its name, one more member,
// one member fewer.
func changeDemo(t *testing.T, dir string) {
	t.Helper()
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, _ := s.Branch()
	b.Name = "二小党支部"
	if err := s.SaveBranch(b); err != nil {
		t.Fatal(err)
	}
	people := mustPeople(t, s)
	if err := s.DeletePerson(people[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.CreatePerson(datatest.Member("新党员", datatest.IDNumber("19900101", 7))); err != nil {
		t.Fatal(err)
	}
}

func mustPeople(t *testing.T, s *data.Store) []data.Person {
	t.Helper()
	people, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	return people
}

func exportFrom(t *testing.T, dir, kind string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), kind+".xlsx")
	mustRun(t, "--data", dir, "export", kind, "--out", file)
	return file
}

// workbookCells is every sheet's cell values, by sheet name.
func workbookCells(t *testing.T, file string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, sheet := range f.GetSheetList() {
		if out[sheet], err = f.GetRows(sheet); err != nil {
			t.Fatal(err)
		}
	}
	return out
}
