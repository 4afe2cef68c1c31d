package main

import (
	"path/filepath"
	"strings"
	"testing"

	"partyoffice/reports"
)

// TestEveryExportFromTheCommandLine: each export of reports.Exports is in
// the help with its options, and writes its file from the command line.
func TestEveryExportFromTheCommandLine(t *testing.T) {
	help := mustRun(t, "help")
	dir := demoDir(t)
	for _, e := range reports.Exports() {
		if !strings.Contains(help, "  "+e.Verb+" ") && !strings.Contains(help, "  "+e.Verb+"\n") {
			t.Errorf("help lacks export %s", e.Verb)
		}
		for _, o := range e.Options {
			if !strings.Contains(help, "--"+string(o)) {
				t.Errorf("help lacks --%s", o)
			}
		}
		exportDevCLI(t, dir, e.Verb)
	}
}

func TestExportOptionsFromTheCommandLine(t *testing.T) {
	dir := demoDir(t)
	exportDevCLI(t, dir, "audit", "--from", "2026-01-01", "--to", "2026-12-31")
	// The message names the workbook written: the 公示, not the 名册.
	publicity := filepath.Join(t.TempDir(), "公示.xlsx")
	said := mustRun(t, "--data", dir, "export", "candidates", "--publicity", "--out", publicity)
	if !strings.Contains(said, "已导出发展对象公示") || strings.Contains(said, "名册") {
		t.Errorf("export candidates --publicity said %q", said)
	}
	out := filepath.Join(t.TempDir(), "x.xlsx")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "audit", "--from", "2026-05-01", "--to", "2026-04-01", "--out", out}, "之前"},
		{[]string{"export", "applicants", "--publicity", "--out", out}, "publicity"},
		{[]string{"export", "nonsense", "--out", out}, "applicants"},
	} {
		code, _, errOut := runCLI(t, append([]string{"--data", dir}, tc.args...)...)
		if code != exitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, errOut, tc.want)
		}
	}
}
