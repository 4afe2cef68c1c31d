package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"partyoffice/data/datatest"
)

func init() {
	// go test's stdin may be a terminal; the tests that need one say so.
	stdinIsTerminal = func() bool { return false }
}

func TestNetworkShareIsWarnedAbout(t *testing.T) {
	defer func(f func(string) string) { networkShare = f }(networkShare)
	networkShare = func(string) string { return "SMB" }
	dir := t.TempDir()
	if _, _, errOut := runCLI(t, "--data", dir, "backups"); !strings.Contains(errOut, "网络共享（SMB）") {
		t.Errorf("stderr %q", errOut)
	}
	if _, _, errOut := runCLI(t, "--data", dir, "version"); errOut != "" {
		t.Errorf("version warns: %q", errOut)
	}
}

func TestReceiveShowsTheSummaryBeforeAsking(t *testing.T) {
	src := datatest.Folder(t)
	pkg := filepath.Join(t.TempDir(), "p.poh")
	mustRun(t, "--data", src, "handover", "--out", pkg)
	dir := copyOf(t, src)
	stdin = strings.NewReader("n\n")
	defer func() { stdin = os.Stdin }()
	_, out, _ := runCLI(t, "--data", dir, "receive", pkg)
	summary, question := strings.Index(out, "校验通过"), strings.Index(out, "确定吗")
	if summary < 0 || question < 0 || summary > question {
		t.Errorf("summary must come before the question:\n%s", out)
	}
}

func TestRestoreOfAHandoverPackageSaysReceive(t *testing.T) {
	src := datatest.Folder(t)
	pkg := filepath.Join(t.TempDir(), "p.poh")
	mustRun(t, "--data", src, "handover", "--out", pkg)
	dir := copyOf(t, src)
	code, _, errOut := runCLI(t, "--data", dir, "restore", pkg)
	if code == exitOK || !strings.Contains(errOut, "partyoffice receive") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

func TestRestoreAsksOnATerminal(t *testing.T) {
	dir := copyOf(t, datatest.Folder(t))
	mustRun(t, "--data", dir, "backup")
	list := mustRun(t, "--data", dir, "backups")
	backup := ""
	for _, f := range strings.Fields(list) {
		if strings.HasSuffix(f, ".zip") {
			backup = filepath.Join(dir, "backups", filepath.Base(f))
		}
	}
	if backup == "" {
		t.Fatalf("no backup listed:\n%s", list)
	}
	defer func(f func() bool) { stdinIsTerminal = f }(stdinIsTerminal)
	stdinIsTerminal = func() bool { return true }
	stdin = strings.NewReader("n\n")
	defer func() { stdin = os.Stdin }()
	code, out, errOut := runCLI(t, "--data", dir, "restore", backup)
	if code == exitOK || !strings.Contains(out, "确定吗") || !strings.Contains(errOut, "未做任何改动") {
		t.Errorf("declined: exit %d, %q %q", code, out, errOut)
	}
	mustRun(t, "--data", dir, "restore", backup, "--yes")
}

func TestImportOfAnEmptySheetFailsWithoutABackup(t *testing.T) {
	dir := copyOf(t, datatest.Folder(t))
	f := excelize.NewFile()
	for i, h := range []string{"姓名", "人员类别", "入党时间", "公民身份号码"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellValue("Sheet1", cell, h)
	}
	path := filepath.Join(t.TempDir(), "空表.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	before := mustRun(t, "--data", dir, "backups")
	code, _, errOut := runCLI(t, "--data", dir, "import", "members", path)
	if code == exitOK || !strings.Contains(errOut, "没有数据行") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if after := mustRun(t, "--data", dir, "backups"); after != before {
		t.Errorf("a backup was made:\n%s", after)
	}
}

func TestAppPasswordGuardsTheCLI(t *testing.T) {
	dir := copyOf(t, datatest.Folder(t))
	s := datatest.StoreIn(t, dir)
	if err := s.SetAppPassword("", "办公室密码2026"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out := filepath.Join(t.TempDir(), "名册.xlsx")
	code, _, errOut := runCLI(t, "--data", dir, "export", "members", "--out", out)
	if code != exitUsage || !strings.Contains(errOut, "--password-file") {
		t.Errorf("without the password: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("exported without the password")
	}
	code, _, _ = runCLI(t, "--data", dir, "--password-file", passwordFile(t, "猜一个"), "export", "members", "--out", out)
	if code == exitOK {
		t.Error("a wrong password exported")
	}
	mustRun(t, "--data", dir, "--password-file", passwordFile(t, "办公室密码2026"), "export", "members", "--out", out)
	mustRun(t, "--data", dir, "backups")
	if help := mustRun(t, "help"); !strings.Contains(help, "应用密码") {
		t.Error("help does not say a password is needed")
	}
}

func TestOperatorCommandNamesTheAuditActor(t *testing.T) {
	dir := copyOf(t, datatest.Folder(t))
	mustRun(t, "--data", dir, "operator", "组织委员 张静")
	if out := mustRun(t, "--data", dir, "operator"); !strings.Contains(out, "组织委员 张静") {
		t.Errorf("operator: %q", out)
	}
	s := datatest.StoreIn(t, dir)
	defer s.Close()
	if s.Actor != "组织委员 张静" {
		t.Errorf("actor %q", s.Actor)
	}
}
