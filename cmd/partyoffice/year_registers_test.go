package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"partyoffice/data/civil"
	"partyoffice/reports"
)

// The demo's gaps show in `check --json` under their own rule IDs.
func TestCheckListsTheYearsFindings(t *testing.T) {
	dir := demoDir(t)
	out := mustRun(t, "--data", dir, "check", "--json", "--on", civil.Today().String())
	var findings []struct{ Person, Rule, Severity string }
	if err := json.Unmarshal([]byte(out), &findings); err != nil {
		t.Fatal(err)
	}
	rules := map[string]bool{}
	for _, f := range findings {
		rules[f.Rule] = true
	}
	if !rules["DUES-ARREARS"] {
		t.Errorf("no 党费 arrears among %v", rules)
	}
	if civil.Today().Month >= 10 {
		for _, r := range []string{"Y-TRAIN-TEACHER", "Y-TALK"} {
			if !rules[r] {
				t.Errorf("no %s among %v", r, rules)
			}
		}
	}
}

// Every yearly export writes its file; a register exported imports back
// into the same store as a dry run without errors.
func TestYearExportsAndImports(t *testing.T) {
	dir := demoDir(t)
	out := t.TempDir()
	year := civil.Today().Year
	for _, e := range reports.YearReports {
		path := filepath.Join(out, e.Kind+".xlsx")
		mustRun(t, "--data", dir, "export", e.Kind, "--year", strconv.Itoa(year), "--out", path)
		if st, err := os.Stat(path); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", e.Kind, err)
		}
	}
	for _, name := range []string{"dues-bases", "dues-payments", "training", "talks", "tasks"} {
		got := mustRun(t, "--data", dir, "import", name, filepath.Join(out, name+".xlsx"), "--dry-run", "--json")
		if !strings.Contains(got, `"errors":[]`) {
			t.Errorf("import %s: %s", name, got)
		}
	}
	code, _, stderr := runCLI(t, "--data", dir, "export", "training", "--month", "3", "--out", filepath.Join(out, "x.xlsx"))
	if code != exitUsage || !strings.Contains(stderr, "month") {
		t.Errorf("--month for training: %d %s", code, stderr)
	}
	for _, kind := range []string{"development", "transfer", "notice"} {
		mustRun(t, "--data", dir, "print", kind, "--out", filepath.Join(out, kind+".png"))
	}
}
