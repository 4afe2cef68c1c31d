package data

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"partyoffice/data/handover"
)

func TestServerChoiceRoundTripIsPrivate(t *testing.T) {
	keyring.MockInitWithError(errors.New("no secret service")) // the file keeps the password
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

// The password in the file (no keyring) goes into no backup or 移交包: not
// as a file, not inside any file they hold.
func TestServerChoiceLeftOutOfBackups(t *testing.T) {
	keyring.MockInitWithError(errors.New("no secret service"))
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const secret = "geheim-Q7x2"
	if err := SaveServerChoice(s.Dir(), "postgres://u:"+secret+"@db/party"); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(s.Dir(), ServerChoiceFile)); !bytes.Contains(b, []byte(secret)) {
		t.Fatal("without a keyring the password should be in the file (else this test proves nothing)")
	}
	backup := filepath.Join(t.TempDir(), "b.zip")
	if err := s.BackupTo(backup); err != nil {
		t.Fatal(err)
	}
	pack := filepath.Join(t.TempDir(), "移交包.poh")
	if _, err := s.MakeHandover(pack, HandoverOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, dest := range []string{backup, pack} {
		m, err := handover.ReadManifest(dest, handover.OpenOptions{})
		if err != nil || len(m.Files) == 0 {
			t.Fatalf("%s manifest: %d files, %v", dest, len(m.Files), err)
		}
		for _, f := range m.Files {
			if strings.Contains(f.Path, ServerChoiceFile) {
				t.Fatalf("%s holds the server choice: %s", dest, f.Path)
			}
		}
		if where := packageMentions(t, dest, secret); where != "" {
			t.Fatalf("%s carries the server password in %s", filepath.Base(dest), where)
		}
	}
}

// packageMentions names the entry of the zip package that contains s.
func packageMentions(t *testing.T, pack, s string) string {
	t.Helper()
	z, err := zip.OpenReader(pack)
	if err != nil {
		t.Fatalf("open %s as zip: %v", pack, err)
	}
	defer z.Close()
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(s)) {
			return f.Name
		}
	}
	return ""
}

// With a keyring the password lives there, under the login@host:port/db
// account, and the file holds the rest; ServerChoice puts them together.
func TestServerPasswordGoesToTheKeyring(t *testing.T) {
	keyring.MockInit()
	dir := t.TempDir()
	dsn := "postgres://zhang:p%40ss@db.school.cn/party?sslmode=prefer"
	if err := SaveServerChoice(dir, dsn); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ServerChoiceFile)); strings.Contains(string(b), "p%40ss") || !strings.Contains(string(b), "zhang@db.school.cn") {
		t.Fatalf("the file holds %q; want the string without its password", b)
	}
	if pw, err := keyring.Get(KeyringService, "zhang@db.school.cn:5432/party"); err != nil || pw != "p@ss" {
		t.Fatalf("keyring holds %q, %v", pw, err)
	}
	if got, err := ServerChoice(dir); err != nil || got != dsn {
		t.Fatalf("read back %q, %v; want %q", got, err, dsn)
	}
	// Saved again without the password (记住密码 unticked): forgotten.
	if err := SaveServerChoice(dir, WithoutServerPassword(dsn)); err != nil {
		t.Fatal(err)
	}
	if _, err := keyring.Get(KeyringService, "zhang@db.school.cn:5432/party"); !errors.Is(err, keyring.ErrNotFound) {
		t.Fatalf("the password is still remembered: %v", err)
	}
	if got, _ := ServerChoice(dir); !ServerNeedsPassword(got) && os.Getenv("PGPASSWORD") == "" {
		t.Fatalf("read back %q; want no password", got)
	}
}

// A password left in the file by a PC without a keyring moves into the
// keyring once there is one.
func TestFilePasswordMovesIntoTheKeyring(t *testing.T) {
	keyring.MockInitWithError(errors.New("no secret service"))
	dir := t.TempDir()
	dsn := "postgres://li:pw2@10.0.0.5:5433/district?sslmode=prefer"
	if err := SaveServerChoice(dir, dsn); err != nil {
		t.Fatal(err)
	}
	keyring.MockInit()
	if got, err := ServerChoice(dir); err != nil || got != dsn {
		t.Fatalf("read back %q, %v; want %q", got, err, dsn)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ServerChoiceFile)); strings.Contains(string(b), "pw2") {
		t.Fatalf("the password stayed in the file: %q", b)
	}
	if pw, _ := keyring.Get(KeyringService, "li@10.0.0.5:5433/district"); pw != "pw2" {
		t.Fatalf("keyring holds %q", pw)
	}
	if got, _ := ServerChoice(dir); got != dsn {
		t.Fatalf("after the move read back %q; want %q", got, dsn)
	}
}

func TestWithServerLoginKeepsTheOptions(t *testing.T) {
	got, err := WithServerLogin("postgres://zhang:old@db:5432/party?sslmode=require", "li_ming", "新密码")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := ParseServerAddress(got)
	if a.User != "li_ming" || a.Password != "新密码" || a.SSLMode != "require" || a.Database != "party" {
		t.Fatalf("%q → %+v", got, a)
	}
	if _, err := WithServerLogin("postgres://db/party", "", "x"); err == nil {
		t.Fatal("an empty login was taken")
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
