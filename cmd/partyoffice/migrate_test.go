package main

import (
	"path/filepath"
	"strings"
	"testing"

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
