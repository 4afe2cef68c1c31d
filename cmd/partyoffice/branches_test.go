package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/pgtest"
)

// branches lists what the 区管理员 sees in the window's 各支部 (number, name,
// people), and export --branch N writes one branch's 党员名册 from its
// read-only view; a branch user lists only theirs and cannot export another.
func TestBranchesListAndExportOneBranch(t *testing.T) {
	dsn := pgtest.Database(t)
	admin := datatest.ServerStoreOn(t, dsn)
	er, qu := pgtest.Login(t, "zhibu_er"), pgtest.Login(t, "qu_admin")
	datatest.AddUsers(t, admin,
		data.ServerUser{Login: er, Password: "pw2", BranchID: 2, Role: data.RoleBranch},
		data.ServerUser{Login: qu, Password: "pw3", Role: data.RoleDistrict},
	)
	if err := admin.SaveBranch(data.Branch{Name: "一小党支部"}); err != nil {
		t.Fatal(err)
	}
	datatest.Create(t, admin, datatest.Member("甲", datatest.IDNumber("19800101", 1)))
	two := datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, er, "pw2"))
	if err := two.SaveBranch(data.Branch{Name: "二小党支部"}); err != nil {
		t.Fatal(err)
	}
	// An applicant is a person record but not on the 党员名册.
	applicant := &data.Person{Name: "丁", IDNumber: datatest.IDNumber("19990101", 7), Stage: data.StageApplicant}
	datatest.Create(t, two, datatest.Member("乙", datatest.IDNumber("19810101", 3)),
		datatest.Member("丙", datatest.IDNumber("19820101", 5)), applicant)
	district := pgtest.AsUser(t, dsn, qu, "pw3")

	var got []branchJSON
	if err := json.Unmarshal([]byte(mustRun(t, "--db", district, "branches", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	want := []branchJSON{{1, "一小党支部", 1, 1}, {2, "二小党支部", 3, 2}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("branches --json %+v, want %+v", got, want)
	}
	if out := mustRun(t, "--db", district, "branches"); !strings.Contains(out, "第 2 号  二小党支部  在册党员 2 人（人员记录 3 条）") {
		t.Errorf("branches says %q", out)
	}
	sheet := filepath.Join(t.TempDir(), "二小.xlsx")
	mustRun(t, "--db", district, "export", "members", "--branch", "2", "--out", sheet)
	if names := memberNames(t, sheet); strings.Join(names, "") != "乙丙" && strings.Join(names, "") != "丙乙" {
		t.Errorf("branch 2's 党员名册 lists %v, want 乙 and 丙", names)
	}

	branchUser := pgtest.AsUser(t, dsn, er, "pw2")
	if out := mustRun(t, "--db", branchUser, "branches"); strings.Contains(out, "一小") || !strings.Contains(out, "二小党支部") {
		t.Errorf("a branch user lists %q, want only their branch", out)
	}
	if code, _, errOut := runCLI(t, "--db", branchUser, "export", "members", "--branch", "1", "--out", sheet); code == exitOK ||
		!strings.Contains(errOut, "只能查看本支部") {
		t.Errorf("a branch user exporting branch 1: exit %d, %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "--data", t.TempDir(), "branches"); code != exitUsage || !strings.Contains(errOut, "--db") {
		t.Errorf("branches without a server: exit %d, %s", code, errOut)
	}
}

// memberNames are the 姓名 cells of an exported 党员名册.
func memberNames(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	col, start := -1, 0
	for i, r := range rows {
		for j, v := range r {
			if v == "姓名" {
				col, start = j, i+1
			}
		}
		if col >= 0 {
			break
		}
	}
	var out []string
	for _, r := range rows[start:] {
		if col < len(r) && r[col] != "" && !strings.Contains(r[col], "：") {
			out = append(out, r[col])
		}
	}
	return out
}
