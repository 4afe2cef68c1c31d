package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/reports"
)

func TestDevRegistersAreInTheHelp(t *testing.T) {
	out := mustRun(t, "help")
	for _, want := range []string{"applicants [--year 年份] [--mask]", "candidates [--year 年份] [--mask] [--publicity]",
		"import activists 文件.xlsx", "--year", "meetings-summary"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

// exportDevCLI runs `export KIND` on a data folder and returns the file.
func exportDevCLI(t *testing.T, dir, kind string, extra ...string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), kind+".xlsx")
	args := append([]string{"--data", dir, "export", kind, "--out", file}, extra...)
	out := mustRun(t, args...)
	if !strings.Contains(out, "已导出") || !strings.Contains(out, file) {
		t.Errorf("export %s printed %q", kind, out)
	}
	return file
}

// dataRows counts the people rows of an exported register (序号 1, 2, …);
// sheet "" is the first sheet.
func dataRows(t *testing.T, file, sheet string) int {
	t.Helper()
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheet == "" {
		sheet = f.GetSheetName(0)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rows {
		if len(r) > 0 && r[0] == strconv.Itoa(n+1) {
			n++
		}
	}
	return n
}

func TestExportDevRegistersFromDemo(t *testing.T) {
	dir := demoDir(t)
	people := peopleIn(t, dir)
	count := func(stage data.Stage) int {
		n := 0
		for _, p := range people {
			if p.Stage == stage && p.Roll == data.RollActive {
				n++
			}
		}
		return n
	}
	for _, e := range reports.DevExports {
		file := exportDevCLI(t, dir, e.Key)
		f, err := excelize.OpenFile(file)
		if err != nil {
			t.Fatal(err)
		}
		sheets := f.GetSheetList()
		f.Close()
		if sheets[0] != e.Title {
			t.Errorf("%s: sheets %v", e.Key, sheets)
		}
		want := map[string]int{"applicants": count(data.StageApplicant), "activists": count(data.StageActivist),
			"candidates": count(data.StageCandidate)}
		if n, ok := want[e.Key]; ok && dataRows(t, file, e.Title) != n {
			t.Errorf("%s: %d rows, want %d", e.Key, dataRows(t, file, e.Title), n)
		}
		if e.Key == "devplan" && (len(sheets) != 2 || dataRows(t, file, e.Title) == 0) {
			t.Errorf("devplan: sheets %v, %d rows", sheets, dataRows(t, file, e.Title))
		}
		if e.Key == "probationers" && dataRows(t, file, e.Title) < count(data.StageProbationer) {
			t.Errorf("probationers: %d rows, at least %d 预备党员 now", dataRows(t, file, e.Title), count(data.StageProbationer))
		}
	}
}

// The demo's pipeline goes out as registers and comes back into a folder
// that holds only the 党员名册: the same people at the same stages.
func TestImportActivistsRoundTrip(t *testing.T) {
	demo, members := exportDemo(t)
	fresh := t.TempDir()
	mustRun(t, "--data", fresh, "import", "members", members)
	for _, kind := range []string{"applicants", "activists", "candidates"} {
		file := exportDevCLI(t, demo, kind)
		n := dataRows(t, file, "")
		out := mustRun(t, "--data", fresh, "import", "activists", file)
		if !strings.Contains(out, "导入 "+strconv.Itoa(n)+" 人，更新 0 人，跳过 0 人，错误 0 行") {
			t.Errorf("%s: summary wrong for %d rows:\n%s", kind, n, out)
		}
		if !strings.Contains(out, "partyoffice check") {
			t.Errorf("%s: no hint to run check:\n%s", kind, out)
		}
	}
	stages := func(people []data.Person) []string {
		var out []string
		for _, p := range people {
			if slices.Contains(data.DevelopmentStages, p.Stage) && p.Roll == data.RollActive {
				out = append(out, p.IDNumber+" "+p.Name+" "+string(p.Stage)+" "+p.Introducers)
			}
		}
		sort.Strings(out)
		return out
	}
	got, want := stages(peopleIn(t, fresh)), stages(peopleIn(t, demo))
	if len(want) < 5 || !slices.Equal(got, want) {
		t.Errorf("pipeline after the round trip\ngot  %v\nwant %v", got, want)
	}
	// Importing again skips them all.
	out := mustRun(t, "--data", fresh, "import", "activists", exportDevCLI(t, demo, "activists"))
	if !strings.Contains(out, "导入 0 人") || !strings.Contains(out, "跳过") {
		t.Errorf("second import:\n%s", out)
	}
}

func TestImportActivistsDryRunJSON(t *testing.T) {
	demo, members := exportDemo(t)
	fresh := t.TempDir()
	mustRun(t, "--data", fresh, "import", "members", members)
	before := len(peopleIn(t, fresh))
	file := exportDevCLI(t, demo, "candidates")
	out := mustRun(t, "--data", fresh, "import", "activists", file, "--dry-run", "--json")
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"imported", "updated", "skipped", "errors", "warnings"} {
		if _, ok := rep[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, out)
		}
	}
	if rep["imported"].(float64) != float64(dataRows(t, file, "")) {
		t.Errorf("dry run predicts %v imports", rep["imported"])
	}
	if after := len(peopleIn(t, fresh)); after != before {
		t.Errorf("dry run wrote %d people", after-before)
	}
}

// Names that match nobody stop the import with the row and column named.
func TestImportActivistsUnknownNames(t *testing.T) {
	demo := demoDir(t)
	file := exportDevCLI(t, demo, "activists")
	fresh := t.TempDir() // no members: nobody to match the 培养联系人 to
	code, out, errOut := runCLI(t, "--data", fresh, "import", "activists", file)
	if code != exitFailed {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "第4行 [培养联系人]：名册中没有") || !strings.Contains(errOut, "没有导入任何数据") {
		t.Errorf("stderr:\n%s", errOut)
	}
	if n := len(peopleIn(t, fresh)); n != 0 {
		t.Errorf("%d people written despite the errors", n)
	}
}

func TestExportDevUsageErrors(t *testing.T) {
	dir := demoDir(t)
	out := filepath.Join(t.TempDir(), "x.xlsx")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "nonsense", "--out", out}, "applicants"},
		{[]string{"export", "devplan", "--year", "26", "--out", out}, "--year 应为四位年份"},
		{[]string{"export", "applicants"}, "--out 入党申请人名册.xlsx"},
		{[]string{"export", "probationers", "--out", "x.xls"}, ".xlsx 结尾"},
		{[]string{"import", "nonsense", "a.xlsx"}, "activists"},
	} {
		code, _, errOut := runCLI(t, append([]string{"--data", dir}, tc.args...)...)
		if code != exitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, errOut, tc.want)
		}
	}
}
