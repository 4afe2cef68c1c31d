package data

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partyoffice/data/handover"
)

// extraEntry is a file slipped into a package, listed in its manifest with
// the right size and checksum so only the receiving checks can stop it.
type extraEntry struct {
	name   string
	body   []byte
	method uint16
}

// repack rewrites a plain package with extra entries.
func repack(t *testing.T, src, dest string, extra ...extraEntry) {
	t.Helper()
	raw, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	var m handover.Manifest
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == handover.ManifestName {
			if err := json.Unmarshal(body, &m); err != nil {
				t.Fatal(err)
			}
			continue
		}
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: f.Method})
		w.Write(body)
	}
	for _, e := range extra {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: e.method})
		w.Write(e.body)
		sum := sha256.Sum256(e.body)
		m.Files = append(m.Files, handover.File{Path: e.name, Size: int64(len(e.body)), SHA256: hex.EncodeToString(sum[:])})
	}
	w, _ := zw.Create(handover.ManifestName)
	json.NewEncoder(w).Encode(m)
	zw.Close()
	if err := os.WriteFile(dest, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestPackageAbuseIsRefusedBeforeAnythingIsWritten(t *testing.T) {
	fileOnly(t) // bundles a copy of the SQLite file
	src := filledStore(t, "张三")
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.zip")
	if err := src.BackupTo(plain); err != nil {
		t.Fatal(err)
	}
	dbBytes, _ := os.ReadFile(src.DBPath())
	cases := map[string]extraEntry{
		"a bundled WAL":         {DBFileName + "-wal", dbBytes[:4096], zip.Store},
		"an unexpected file":    {"autorun.inf", []byte("[autorun]"), zip.Store},
		"a Windows device name": {"attachments/meetings/1/NUL.jpg", []byte{0xff, 0xd8}, zip.Store},
		"a trailing dot":        {"attachments/meetings/1/照片.", []byte{0xff, 0xd8}, zip.Store},
		"a 1000:1 compression":  {"attachments/meetings/1/大.pdf", make([]byte, 40<<20), zip.Deflate},
	}
	for name, e := range cases {
		t.Run(name, func(t *testing.T) {
			pkg := filepath.Join(dir, "bad.zip")
			repack(t, plain, pkg, e)
			dest := filepath.Join(t.TempDir(), "新电脑")
			in, err := OpenIncoming(dest, pkg, "", nil)
			if err == nil {
				in.Close()
				t.Fatal("accepted")
			}
			if !errors.Is(err, handover.ErrDamaged) || englishFragment(err.Error()) {
				t.Errorf("message: %v", err)
			}
			if left, _ := filepath.Glob(filepath.Join(dest, workPrefix+"*")); len(left) != 0 {
				t.Errorf("work folders left: %v", left)
			}
		})
	}
}

func TestTriggersAndViewsAreRefused(t *testing.T) {
	fileOnly(t) // SQLite triggers and views inside a package
	for _, ddl := range []string{
		"CREATE TRIGGER wipe AFTER INSERT ON audit_entries BEGIN DELETE FROM audit_entries; END",
		"CREATE VIEW everyone AS SELECT * FROM people",
		"CREATE TABLE stolen (x TEXT)",
	} {
		src := filledStore(t, "张三")
		if err := src.db.Exec(ddl).Error; err != nil {
			t.Fatal(err)
		}
		// The program refuses to pack such a database itself, so the
		// snapshot is taken by hand, as an attacker would.
		pkg := filepath.Join(t.TempDir(), "备份.db")
		if err := src.db.Exec("VACUUM INTO ?", pkg).Error; err != nil {
			t.Fatal(err)
		}
		in, err := OpenIncoming(filepath.Join(t.TempDir(), "新电脑"), pkg, "", nil)
		if err == nil {
			in.Close()
			t.Errorf("%s: received", ddl)
		} else if !strings.Contains(err.Error(), "不属于党支部工作台") {
			t.Errorf("%s: %v", ddl, err)
		}
	}
}

func TestReceiveChecksFreeSpaceFirst(t *testing.T) {
	src := filledStore(t, "张三")
	pkg := filepath.Join(t.TempDir(), "移交包.poh")
	if _, err := src.MakeHandover(pkg, HandoverOptions{Password: "交接密码2026年度"}); err != nil {
		t.Fatal(err)
	}
	defer func(f func(string) (int64, error)) { freeSpace = f }(freeSpace)
	freeSpace = func(string) (int64, error) { return 10 << 20, nil }
	dest := filepath.Join(t.TempDir(), "新电脑")
	_, err := OpenIncoming(dest, pkg, "交接密码2026年度", nil)
	if !errors.Is(err, ErrNoRoom) {
		t.Fatalf("opened on a full disk: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dest, workPrefix+"*")); len(left) != 0 {
		t.Errorf("work folders left: %v", left)
	}
}
