package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/handover"
)

func init() {
	// Packages made in tests need not resist password guessing.
	handover.DefaultKDF = handover.KDFParams{Time: 1, Memory: 1 << 10, Threads: 1}
}

// copyOf is a copy of a closed data folder's database in a new folder.
func copyOf(t *testing.T, dir string) string {
	t.Helper()
	to := t.TempDir()
	raw, err := os.ReadFile(filepath.Join(dir, data.DBFileName))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(to, data.DBFileName), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return to
}

func passwordFile(t *testing.T, password string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "密码.txt")
	if err := os.WriteFile(p, []byte("\ufeff"+password+"\r\n第二行不算\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestHandoverAndReceiveOnANewPC(t *testing.T) {
	dir := demoDir(t)
	pkg := filepath.Join(t.TempDir(), "移交包.poh")
	list := filepath.Join(t.TempDir(), "移交清单.xlsx")
	out := mustRun(t, "--data", dir, "handover", "--out", pkg, "--password-file", passwordFile(t, "换届交接 2026年"), "--list", list)
	if !strings.Contains(out, "设有密码") || !strings.Contains(out, "党员名册·正式党员") {
		t.Errorf("handover output:\n%s", out)
	}
	if _, err := os.Stat(list); err != nil {
		t.Errorf("no 移交清单: %v", err)
	}

	fresh := filepath.Join(t.TempDir(), "新电脑")
	code, _, errOut := runCLI(t, "--data", fresh, "receive", pkg)
	if code != exitUsage || !strings.Contains(errOut, "--password-file") {
		t.Errorf("without password: exit %d, %q", code, errOut)
	}
	code, _, errOut = runCLI(t, "--data", fresh, "receive", pkg, "--password-file", passwordFile(t, "不对的密码"))
	if code != exitFailed || !strings.Contains(errOut, "密码不正确") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("wrong password: exit %d, %q", code, errOut)
	}
	if hasDatabase(fresh) {
		t.Error("a refused package left a database behind")
	}
	out = mustRun(t, "--data", fresh, "receive", pkg, "--password-file", passwordFile(t, "换届交接 2026年"))
	if !strings.Contains(out, "校验通过") || !strings.Contains(out, "已接收") {
		t.Errorf("receive output:\n%s", out)
	}
	if got, want := identities(peopleIn(t, fresh)), identities(peopleIn(t, dir)); !reflect.DeepEqual(got, want) {
		t.Error("received people differ")
	}
}

func TestReceiveAsksBeforeReplacing(t *testing.T) {
	src := datatest.Folder(t)
	pkg := filepath.Join(t.TempDir(), "p.poh")
	mustRun(t, "--data", src, "handover", "--out", pkg)

	dir := copyOf(t, src)
	s := datatest.StoreIn(t, dir)
	p, _ := s.People()
	if err := s.DeletePerson(p[0].ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := identities(peopleIn(t, dir))

	stdin = strings.NewReader("n\n")
	defer func() { stdin = os.Stdin }()
	code, _, errOut := runCLI(t, "--data", dir, "receive", pkg)
	if code != exitFailed || !strings.Contains(errOut, "未做任何改动") {
		t.Errorf("declined: exit %d, %q", code, errOut)
	}
	if !reflect.DeepEqual(identities(peopleIn(t, dir)), before) {
		t.Error("declining changed the data")
	}
	stdin = strings.NewReader("y\n")
	mustRun(t, "--data", dir, "receive", pkg)
	if got := identities(peopleIn(t, dir)); reflect.DeepEqual(got, before) {
		t.Error("confirming did not replace the data")
	}
	out := mustRun(t, "--data", dir, "backups")
	if !strings.Contains(out, data.LabelBeforeReceive) {
		t.Errorf("no backup before receiving:\n%s", out)
	}
	// --yes needs no answer, and the earlier state comes back from the backup.
	list, _ := data.BackupsIn(dir)
	var undo string
	for _, b := range list {
		if b.Label == data.LabelBeforeReceive {
			undo = b.Path
		}
	}
	mustRun(t, "--data", dir, "restore", undo)
	if !reflect.DeepEqual(identities(peopleIn(t, dir)), before) {
		t.Error("restoring the backup before receiving did not bring the data back")
	}
}

func TestReceiveIntoADamagedFolder(t *testing.T) {
	src := demoDir(t) // big enough for damage() to hit its pages
	pkg := filepath.Join(t.TempDir(), "p.poh")
	mustRun(t, "--data", src, "handover", "--out", pkg)
	dir := copyOf(t, src)
	damage(t, dir)
	mustRun(t, "--data", dir, "receive", pkg, "--yes")
	if got, want := identities(peopleIn(t, dir)), identities(peopleIn(t, src)); !reflect.DeepEqual(got, want) {
		t.Error("received people differ")
	}
	if kept, _ := filepath.Glob(filepath.Join(dir, data.DBFileName+".damaged-*")); len(kept) == 0 {
		t.Error("the damaged database was not kept")
	}
}

func TestHandoverUsageMistakes(t *testing.T) {
	dir := datatest.Folder(t)
	for _, args := range [][]string{
		{"handover"},
		{"handover", "--out", "x.poh", "--list", "清单.pdf"},
		{"handover", "--out", "x.poh", "--password-file", filepath.Join(t.TempDir(), "没有这个文件")},
		{"receive"},
	} {
		code, _, errOut := runCLI(t, append([]string{"--data", dir}, args...)...)
		if code != exitUsage || !strings.HasPrefix(errOut, "错误：") {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
	short := passwordFile(t, "短")
	code, _, errOut := runCLI(t, "--data", dir, "handover", "--out", filepath.Join(t.TempDir(), "x.poh"), "--password-file", short)
	if code != exitFailed || !strings.Contains(errOut, "至少") {
		t.Errorf("short password: exit %d, %q", code, errOut)
	}
}
