package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"partyoffice/data/civil"
	"partyoffice/data/datatest"
	"partyoffice/data/rules"
	"partyoffice/reports"
)

func TestExportMeetingReports(t *testing.T) {
	dir := demoDir(t)
	year := civil.Today().Year
	last := civil.Today().AddMonths(-1) // the demo's sittings run up to today
	out := t.TempDir()
	for _, c := range []struct {
		kind   string
		args   []string
		sheets int // at least
		title  string
	}{
		{"meetings-summary", []string{"--year", fmt.Sprint(year)}, 1, "三会一课开展情况统计表"},
		{"attendance", []string{"--year", fmt.Sprint(last.Year), "--quarter", fmt.Sprint((last.Month-1)/3 + 1)}, 1, "党员参加组织生活考勤表"},
		{"minutes", []string{"--year", fmt.Sprint(last.Year), "--month", fmt.Sprint(last.Month)}, 3, "会议记录"},
	} {
		file := filepath.Join(out, c.kind+".xlsx")
		args := append([]string{"--data", dir, "export", c.kind, "--out", file}, c.args...)
		stdout := mustRun(t, args...)
		if !strings.Contains(stdout, "已导出"+c.title) {
			t.Errorf("%s: %q", c.kind, stdout)
		}
		f, err := excelize.OpenFile(file)
		if err != nil {
			t.Fatalf("%s: %v", c.kind, err)
		}
		sheets := f.GetSheetList()
		title, _ := f.GetCellValue(sheets[0], "A1")
		f.Close()
		if len(sheets) < c.sheets || !strings.Contains(title, c.title) {
			t.Errorf("%s: %d sheets, title %q", c.kind, len(sheets), title)
		}
	}
}

func TestExportMeetingReportsRefusals(t *testing.T) {
	dir := demoDir(t)
	file := filepath.Join(t.TempDir(), "x.xlsx")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export", "minutes"}, exitUsage, "--out"},
		{[]string{"export", "attendance", "--out", "x.xls"}, exitUsage, ".xlsx"},
		{[]string{"export", "meetings-summary", "--out", file, "--quarter", "5"}, exitUsage, "--quarter"},
		{[]string{"export", "minutes", "--out", file, "--quarter", "1", "--month", "2"}, exitUsage, "只能写一个"},
		{[]string{"export", "minutes", "--out", file, "--year", "2001"}, exitFailed, "没有会议记录"},
	} {
		code, _, stderr := runCLI(t, append([]string{"--data", dir}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
}

func TestHelpListsMeetingReports(t *testing.T) {
	out := mustRun(t, "help")
	for _, kind := range []string{"meetings-summary", "attendance", "minutes", "--quarter"} {
		if !strings.Contains(out, kind) {
			t.Errorf("help does not mention %s", kind)
		}
	}
}

// check joins the 三会一课 findings to the 发展党员 ones (reports.CheckFindings).
func TestMeetingFindingsJoinTheDevelopmentOnes(t *testing.T) {
	dir := demoDir(t)
	s := datatest.StoreIn(t, dir)
	today := civil.Today()
	d, err := s.LoadDevData()
	if err != nil {
		t.Fatal(err)
	}
	dev := rules.CheckAll(d, today, rules.DefaultOptions())
	all, err := reports.CheckFindings(s, today)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range all {
		seen[f.Rule] = true
	}
	// The demo misses a 支委会 and a 党小组会 and has a member out of contact.
	for _, r := range []string{"M-ZWH", "M-DXZH", "M-ABSENT", "D4"} {
		if !seen[r] {
			t.Errorf("no %s finding among %d", r, len(all))
		}
	}
	if len(all) <= len(dev) || all[0].Severity != rules.SeverityError {
		t.Errorf("%d findings after joining %d, first %s", len(all), len(dev), all[0].Line())
	}
}
