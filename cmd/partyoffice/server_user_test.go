package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partyoffice/data/pgtest"
)

// IT adds, lists, re-keys and removes a sign-in with the owner's --db.
func TestServerUserCommands(t *testing.T) {
	dsn := pgtest.Database(t)
	login := pgtest.Login(t, "zhibu")
	pw := filepath.Join(t.TempDir(), "pw.txt")
	if err := os.WriteFile(pw, []byte("初始密码1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := mustRun(t, "--data", dir, "--db", dsn, "server-user", "add", "--login", login, "--branch", "2",
		"--role", "branch", "--name", "李明", "--password-file", pw)
	if !strings.Contains(out, "已新增登录用户 "+login) {
		t.Fatalf("add: %s", out)
	}
	out = mustRun(t, "--data", dir, "--db", dsn, "server-user", "list")
	if !strings.Contains(out, login+"\t李明\t支部用户\t支部 2") {
		t.Fatalf("list: %q", out)
	}
	if out := mustRun(t, "--data", dir, "--db", dsn, "server-user", "password", login, "--password-file", pw); !strings.Contains(out, "已重设") {
		t.Fatalf("password: %s", out)
	}
	if out := mustRun(t, "--data", dir, "--db", dsn, "server-user", "remove", login); !strings.Contains(out, "已删除") {
		t.Fatalf("remove: %s", out)
	}
	if out := mustRun(t, "--data", dir, "--db", dsn, "server-user", "list"); strings.Contains(out, login) {
		t.Fatalf("still listed after remove: %s", out)
	}
}

func TestServerUserNeedsTheServerAndAPasswordFile(t *testing.T) {
	if code, _, errOut := runCLI(t, "--data", t.TempDir(), "server-user", "list"); code != exitUsage || !strings.Contains(errOut, "--db") {
		t.Fatalf("without --db: code %d, %s", code, errOut)
	}
	code, _, errOut := runCLI(t, "--data", t.TempDir(), "--db", "postgres://it@127.0.0.1:1/party", "server-user", "add",
		"--login", "li", "--branch", "1", "--name", "李明")
	if code != exitUsage || !strings.Contains(errOut, "--password-file") {
		t.Fatalf("add without a password: code %d, %s", code, errOut)
	}
	if code, _, _ := runCLI(t, "--db", "postgres://it@127.0.0.1:1/party", "server-user", "rename"); code != exitUsage {
		t.Fatalf("an unknown part: code %d", code)
	}
}
