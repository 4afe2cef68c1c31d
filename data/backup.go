package data

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// BackupInfo describes one backup file in the data folder.
type BackupInfo struct {
	Path string
	Name string
	Time time.Time
	Size int64
}

// BackupTo writes a consistent snapshot of the database to dest with
// VACUUM INTO, checks it with integrity_check, and only then moves it into
// place, so dest is never a half-written file.
func (s *Store) BackupTo(dest string) error {
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return fmt.Errorf("无法创建备份文件夹：%w", plainIOError(err))
	}
	tmp := dest + ".tmp"
	os.Remove(tmp)
	if err := s.db.Exec("VACUUM INTO ?", tmp).Error; err != nil {
		os.Remove(tmp)
		return fmt.Errorf("备份失败：%w", plainIOError(err))
	}
	if err := CheckDatabaseFile(tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("备份文件校验未通过：%w", err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("备份失败：%w", plainIOError(err))
	}
	return nil
}

// Backup writes a named backup into the data folder's backups/ and returns it.
func (s *Store) Backup(label string) (BackupInfo, error) {
	name := time.Now().Format("2006-01-02_150405")
	if label != "" {
		name += "_" + label
	}
	path := uniquePath(filepath.Join(s.dir, BackupDir, name), ".db")
	if err := s.BackupTo(path); err != nil {
		return BackupInfo{}, err
	}
	st, _ := os.Stat(path)
	return BackupInfo{Path: path, Name: filepath.Base(path), Time: st.ModTime(), Size: st.Size()}, nil
}

// Backups lists the backups in the data folder, newest first.
func (s *Store) Backups() ([]BackupInfo, error) {
	entries, err := os.ReadDir(filepath.Join(s.dir, BackupDir))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []BackupInfo
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".db") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, BackupInfo{Path: filepath.Join(s.dir, BackupDir, e.Name()),
			Name: e.Name(), Time: info.ModTime(), Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

// CheckDatabaseFile opens a SQLite file read-only and runs integrity_check;
// it also insists the file is one of ours (it has the schema table).
func CheckDatabaseFile(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("找不到文件 %s", path)
	}
	if st.Size() == 0 {
		return fmt.Errorf("文件 %s 是空的", filepath.Base(path))
	}
	db, err := gorm.Open(sqlite.Open("file:"+filepath.ToSlash(path)+"?mode=ro"),
		&gorm.Config{Logger: logger.Discard})
	if err != nil {
		return fmt.Errorf("不是有效的数据文件：%w", err)
	}
	sqlDB, _ := db.DB()
	defer sqlDB.Close()
	var res []string
	if err := db.Raw("PRAGMA integrity_check").Scan(&res).Error; err != nil {
		return fmt.Errorf("%s 不是党支部工作台的数据文件，或已损坏", filepath.Base(path))
	}
	if len(res) != 1 || res[0] != "ok" {
		return &DamagedError{Detail: strings.Join(res, "; ")}
	}
	if !db.Migrator().HasTable(&SchemaMeta{}) {
		return fmt.Errorf("%s 不是党支部工作台的数据文件", filepath.Base(path))
	}
	return nil
}

// Restore replaces the current data with the backup at src. The backup is
// checked first and the current state is backed up, so a restore can always
// be undone.
func (s *Store) Restore(src string) error {
	if err := CheckDatabaseFile(src); err != nil {
		return err
	}
	if _, err := s.Backup("恢复前"); err != nil {
		return fmt.Errorf("恢复前的备份失败，未做任何改动：%w", err)
	}
	staged := s.DBPath() + ".restore"
	if err := copyFile(src, staged); err != nil {
		return fmt.Errorf("无法复制备份文件：%w", plainIOError(err))
	}
	if sqlDB, err := s.db.DB(); err == nil {
		sqlDB.Close()
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(s.DBPath() + suffix)
	}
	if err := os.Rename(staged, s.DBPath()); err != nil {
		os.Remove(staged)
		if e := s.openDB(); e != nil {
			return fmt.Errorf("恢复失败且无法重新打开原数据：%v", e)
		}
		return fmt.Errorf("恢复失败，原数据未改动：%w", plainIOError(err))
	}
	if err := s.openDB(); err != nil {
		return err
	}
	return s.write(func(tx *Tx) error {
		return tx.Audit("恢复备份", "数据", 0, "从备份恢复："+filepath.Base(src), nil, nil)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(dst)
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// uniquePath returns base+ext, or base_2+ext, … whichever does not exist yet,
// so two backups in the same second never overwrite each other.
func uniquePath(base, ext string) string {
	p := base + ext
	for i := 2; ; i++ {
		if _, err := os.Stat(p); os.IsNotExist(err) {
			return p
		}
		p = fmt.Sprintf("%s_%d%s", base, i, ext)
	}
}
