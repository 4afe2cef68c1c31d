package main

import (
	"encoding/json"
	"fmt"
	"partyoffice/data/datatest"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestCheckIsInTheHelp(t *testing.T) {
	out := mustRun(t, "help")
	check, version := strings.Index(out, "  check [--json] [--on 日期]"), strings.Index(out, "  version")
	if check < 0 || version < 0 || check > version {
		t.Errorf("help should list check before version:\n%s", out)
	}
	if findCommand("check") == nil || findCommand("help") == nil || findCommand("demo") == nil {
		t.Error("adding check lost a command")
	}
}

var findingLine = regexp.MustCompile(`^\[(错误|提醒)\] (D\d+|R-[A-Z]+|M-[A-Z]+|DUES-[A-Z]+|Y-[A-Z-]+) \S+：.+$`)

func TestCheckPrintsOneLinePerFinding(t *testing.T) {
	dir := demoDir(t)
	out := mustRun(t, "--data", dir, "check")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 5 {
		t.Fatalf("too few findings for the demo:\n%s", out)
	}
	for _, l := range lines[:len(lines)-1] {
		if !findingLine.MatchString(l) {
			t.Errorf("not a finding line: %q", l)
		}
	}
	if !strings.HasPrefix(lines[0], "[错误] ") {
		t.Errorf("errors come first: %q", lines[0])
	}
	if !strings.Contains(out, "[错误] D4 谢文韬：") {
		t.Errorf("the D4 error of the demo pipeline is missing:\n%s", out)
	}
	if !strings.Contains(out, " M-") {
		t.Errorf("三会一课 findings are missing:\n%s", out)
	}
	if !strings.Contains(out, "[提醒] D2 林雨桐：") || !strings.Contains(out, "（截止 ") {
		t.Errorf("the overdue 谈话 with its due date is missing:\n%s", out)
	}
	errs := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "[错误]") {
			errs++
		}
	}
	if last := lines[len(lines)-1]; !strings.Contains(last, fmt.Sprintf("错误 %d 项", errs)) {
		t.Errorf("summary line %q should count %d errors", last, errs)
	}
}

func TestCheckJSON(t *testing.T) {
	dir := demoDir(t)
	out := mustRun(t, "--data", dir, "check", "--json")
	var findings []map[string]any
	if err := json.Unmarshal([]byte(out), &findings); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(findings) == 0 {
		t.Fatal("no findings")
	}
	due := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	for _, f := range findings {
		keys := make([]string, 0, len(f))
		for k := range f {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if strings.Join(keys, ",") != "due,id_number,message,person,rule,severity" {
			t.Fatalf("keys %v", keys)
		}
		if s := f["severity"]; s != "error" && s != "reminder" {
			t.Errorf("severity %v", s)
		}
		if d, ok := f["due"].(string); f["due"] != nil && (!ok || !due.MatchString(d)) {
			t.Errorf("due %v", f["due"])
		}
	}
	if findings[0]["severity"] != "error" {
		t.Errorf("errors come first: %v", findings[0])
	}
	var d4 map[string]any
	for _, f := range findings {
		if f["rule"] == "D4" {
			d4 = f
		}
	}
	if d4 == nil || d4["person"] != "谢文韬" || d4["due"] != nil || len(d4["id_number"].(string)) != 18 {
		t.Errorf("D4 finding: %v", d4)
	}
}

func TestCheckOnADate(t *testing.T) {
	dir := demoDir(t)
	out := mustRun(t, "--data", dir, "check", "--on", "2024-01-01")
	if !strings.Contains(out, "截至 2024-01-01") || strings.Contains(out, "谢文韬") {
		t.Errorf("as of 2024-01-01 nothing of the pipeline has happened yet:\n%s", out)
	}
	for _, args := range [][]string{{"check", "--on", "明天"}, {"check", "extra"}, {"check", "--frobnicate"}} {
		code, _, errOut := runCLI(t, append([]string{"--data", dir}, args...)...)
		if code != exitUsage || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 with one line", args, code, errOut)
		}
	}
}

func TestCheckNeedsData(t *testing.T) {
	code, _, errOut := runCLI(t, "--data", t.TempDir(), "check")
	if code != exitFailed || !strings.Contains(errOut, "还没有数据") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestCheckWithNothingToSay(t *testing.T) {
	dir := t.TempDir()
	datatest.StoreIn(t, dir).Close() // an empty database
	if out := mustRun(t, "--data", dir, "check", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("no findings is an empty array, got %q", out)
	}
	if out := mustRun(t, "--data", dir, "check"); !strings.Contains(out, "没有发现问题") {
		t.Errorf("human output: %q", out)
	}
}

func TestCommandTableNamesAreUniqueAndHelpIsLast(t *testing.T) {
	table := commandTable()
	seen := map[string]bool{}
	for _, c := range table {
		if seen[c.name] || c.summary == "" || c.run == nil {
			t.Errorf("command %q: repeated, or without summary or run", c.name)
		}
		seen[c.name] = true
	}
	if last := table[len(table)-1].name; last != "help" {
		t.Errorf("help should be listed last, not %q", last)
	}
}
