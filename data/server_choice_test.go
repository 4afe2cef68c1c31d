package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partyoffice/data/handover"
)

func TestServerChoiceRoundTripIsPrivate(t *testing.T) {
	dir := t.TempDir()
	if dsn, err := ServerChoice(dir); err != nil || dsn != "" {
		t.Fatalf("no choice yet: %q, %v", dsn, err)
	}
	want := ServerAddress{Host: "db.school.cn", Port: "6543", Database: "party", User: "书记", Password: "p@ss/word"}.DSN()
	if err := SaveServerChoice(dir, want); err != nil {
		t.Fatal(err)
	}
	got, err := ServerChoice(dir)
	if err != nil || got != want {
		t.Fatalf("read back %q, %v; want %q", got, err, want)
	}
	addr, err := ParseServerAddress(got)
	if err != nil || addr.Password != "p@ss/word" || addr.User != "书记" || addr.SSLMode != "prefer" || addr.Port != "6543" {
		t.Fatalf("parsed %+v, %v", addr, err)
	}
	if strings.Contains(addr.Describe(), "p@ss") {
		t.Fatalf("description shows the password: %s", addr.Describe())
	}
	if info, err := os.Stat(filepath.Join(dir, ServerChoiceFile)); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("file mode %v, %v; want 0600", info.Mode().Perm(), err)
	}
	if err := ClearServerChoice(dir); err != nil {
		t.Fatal(err)
	}
	if dsn, _ := ServerChoice(dir); dsn != "" {
		t.Fatalf("cleared choice still read: %q", dsn)
	}
}

func TestServerPasswordAddedAndLeftOut(t *testing.T) {
	bare := "postgres://zhang@db:5432/party?sslmode=require"
	if !ServerNeedsPassword(bare) && os.Getenv("PGPASSWORD") == "" {
		t.Fatal("a string without a password should ask for one")
	}
	with, err := WithServerPassword(bare, "秘密")
	if err != nil || ServerNeedsPassword(with) {
		t.Fatalf("%q, %v", with, err)
	}
	if back := WithoutServerPassword(with); back != bare {
		t.Fatalf("password left out: %q, want %q", back, bare)
	}
}

func TestServerChoiceLeftOutOfBackups(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := SaveServerChoice(s.Dir(), "postgres://u:secret@db/party"); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "b.zip")
	if err := s.BackupTo(dest); err != nil {
		t.Fatal(err)
	}
	m, err := handover.ReadManifest(dest, handover.OpenOptions{})
	if err != nil || len(m.Files) == 0 {
		t.Fatalf("backup manifest: %d files, %v", len(m.Files), err)
	}
	for _, f := range m.Files {
		if strings.Contains(f.Path, ServerChoiceFile) {
			t.Fatalf("the backup holds the server choice: %s", f.Path)
		}
	}
}

func TestServerAddressOnAUnixSocket(t *testing.T) {
	dsn := "postgres://postgres@/party?host=%2Ftmp%2Fpg&port=5433&sslmode=disable"
	a, err := ParseServerAddress(dsn)
	if err != nil || a.Host != "/tmp/pg" || a.Port != "5433" {
		t.Fatalf("%+v, %v", a, err)
	}
	again, err := ParseServerAddress(a.DSN())
	if err != nil || again != a {
		t.Fatalf("round trip %q → %+v, %v; want %+v", a.DSN(), again, err, a)
	}
}
