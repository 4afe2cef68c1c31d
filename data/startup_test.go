package data_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"partyoffice/data"
	"partyoffice/data/datatest"
)

// folderWithBackup is a data folder holding one person and one backup, with
// the store closed.
func folderWithBackup(t *testing.T) (dir string, backup data.BackupInfo) {
	t.Helper()
	dir = t.TempDir()
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	datatest.Create(t, s, datatest.Member("甲", "11010519491231002X"))
	backup, err = s.Backup("手动")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return dir, backup
}

func TestOpenFolderRefusesToReplaceAVanishedDatabase(t *testing.T) {
	dir, b := folderWithBackup(t)
	os.Remove(filepath.Join(dir, data.DBFileName))
	_, err := data.OpenFolder(dir)
	if !errors.Is(err, data.ErrDatabaseMissing) {
		t.Fatalf("open without the database: %v", err)
	}
	if r := data.RemediesFor(err); r != (data.Remedies{Restore: true, StartBlank: true}) {
		t.Errorf("remedies for a vanished database: %+v", r)
	}
	s, err := data.RecoverFrom(dir, b)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.CountPeople(); n != 1 {
		t.Errorf("recovered %d people, want 1", n)
	}
}

func TestStartBlankKeepsTheBackups(t *testing.T) {
	dir, _ := folderWithBackup(t)
	os.WriteFile(filepath.Join(dir, data.DBFileName), nil, 0o644) // a zero-byte leftover
	_, err := data.OpenFolder(dir)
	if !errors.Is(err, data.ErrDamaged) {
		t.Fatalf("open of a zero-byte database beside backups: %v", err)
	}
	s, err := data.StartBlank(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.CountPeople(); n != 0 {
		t.Errorf("blank store holds %d people", n)
	}
	if list, _ := s.Backups(); len(list) != 1 {
		t.Errorf("backups after a blank start: %d, want 1", len(list))
	}
	if _, err := os.Stat(filepath.Join(dir, data.DBFileName+".empty")); err != nil {
		t.Errorf("the leftover database was not set aside: %v", err)
	}
}

func TestRemediesForAFolderInUseIsRetry(t *testing.T) {
	dir := t.TempDir()
	s, err := data.OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = data.OpenFolder(dir)
	if !errors.Is(err, data.ErrLocked) || data.RemediesFor(err) != (data.Remedies{Retry: true}) {
		t.Errorf("second open: %v, remedies %+v", err, data.RemediesFor(err))
	}
	if r := data.RemediesFor(&data.DamagedError{Detail: "x"}); r != (data.Remedies{Restore: true}) {
		t.Errorf("remedies for a damaged file: %+v", r)
	}
}
