//go:build !windows

package data

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestDataStaysPrivate: on a PC shared through several logins, the data
// folder and every file with personal data are the user's alone.
func TestDataStaysPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "数据")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.CreatePerson(member("张三", "11010519491231002X")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(LabelManual); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if err := s.BackupTo(filepath.Join(out, "备份.db")); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupTo(filepath.Join(out, "备份.zip")); err != nil {
		t.Fatal(err)
	}
	check := func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		st, _ := os.Stat(path)
		want := fs.FileMode(0o600)
		if d.IsDir() {
			want = 0o700
		}
		if path != out && st.Mode().Perm()&^want != 0 {
			t.Errorf("%s: mode %v", path, st.Mode().Perm())
		}
		return nil
	}
	filepath.WalkDir(dir, check)
	filepath.WalkDir(out, check)
}
