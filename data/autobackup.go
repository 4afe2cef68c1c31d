package data

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"partyoffice/data/handover"
)

// Automatic backups and how long backups are kept.
//
// The GUI calls DailyBackup when it opens the store (in the background). It
// makes one backup labelled 自动 a day, and none when nothing changed since
// the newest one (its manifest records the last audit entry; every change
// writes one), so an office that opens the program every day but works in it
// twice a month keeps months of history in thirty backups. Imports,
// restores, receiving a package and schema migrations back up first on
// their own (导入前, 恢复前, 接收移交前, 迁移前-vN).
//
// Retention, applied after each automatic backup:
//   - 自动: the newest backup of each of the last Daily days that have one,
//     and of each of the last Monthly months that have one.
//   - before an operation (导入前 …): kept EventDays days, and the newest
//     EventKeep are kept whatever their age.
//   - 手动 (and unlabelled files): never deleted by the program.
//
// The attachments of all backups are kept once in backups/attachments/; a
// file no remaining backup refers to is deleted after pruning.

// RetentionPolicy says how many backups are kept.
type RetentionPolicy struct {
	Daily, Monthly int
	EventDays      int
	EventKeep      int
}

// Retention is the policy DailyBackup applies.
var Retention = RetentionPolicy{Daily: 30, Monthly: 12, EventDays: 90, EventKeep: 10}

// DailyBackup makes the day's automatic backup when there is none for today
// yet and the data changed since the newest automatic backup, then prunes
// old backups. made reports whether a backup was written. It is cheap when
// there is nothing to do: a directory listing and one manifest.
func (s *Store) DailyBackup(now time.Time) (made bool, err error) {
	s.maint.Lock()
	defer s.maint.Unlock()
	list, err := BackupsIn(s.dir)
	if err != nil {
		return false, err
	}
	// A store reading several branches has no package of its own
	// (errSeveralBranches): each branch's PC makes its own.
	if !s.needsDailyBackup(list, now) || s.severalBranches() > 0 {
		return false, nil
	}
	if _, err := s.backupLocked(LabelAuto); err != nil {
		return false, fmt.Errorf("今天的自动备份没有完成：%w", err)
	}
	if err := s.pruneLocked(now); err != nil {
		return true, fmt.Errorf("自动备份已完成，但清理旧备份时出错：%w", err)
	}
	return true, nil
}

func (s *Store) needsDailyBackup(list []BackupInfo, now time.Time) bool {
	current := lastChange(s.db)
	if current == 0 {
		return false // nothing was ever written: an empty store
	}
	for _, b := range list {
		if b.Kind != BackupAuto {
			continue
		}
		if sameDay(b.Time, now) {
			return false
		}
		// The newest automatic backup decides whether anything changed.
		m, err := handover.ReadManifest(b.Path, handover.OpenOptions{})
		return err != nil || m.LastChange != current
	}
	return true
}

func sameDay(a, b time.Time) bool {
	a, b = a.Local(), b.Local()
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// PruneBackups applies the retention policy now; DailyBackup does it after
// each automatic backup.
func (s *Store) PruneBackups(now time.Time) error {
	s.maint.Lock()
	defer s.maint.Unlock()
	return s.pruneLocked(now)
}

func (s *Store) pruneLocked(now time.Time) error {
	list, err := BackupsIn(s.dir)
	if err != nil {
		return err
	}
	for _, b := range expiredBackups(list, now, Retention) {
		if err := os.Remove(b.Path); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("无法删除旧备份 %s：%w", b.Name, plainIOError(err))
		}
	}
	return s.removeUnusedSharedFiles()
}

// expiredBackups are the backups of list (newest first) the policy no longer
// keeps.
func expiredBackups(list []BackupInfo, now time.Time, p RetentionPolicy) []BackupInfo {
	days, months := map[string]bool{}, map[string]bool{}
	events := 0
	var out []BackupInfo
	for _, b := range list {
		switch b.Kind {
		case BackupAuto:
			day, month := b.Time.Format("2006-01-02"), b.Time.Format("2006-01")
			keepDay := !days[day] && len(days) < p.Daily
			keepMonth := !months[month] && len(months) < p.Monthly
			if keepDay {
				days[day] = true
			}
			if keepMonth {
				months[month] = true
			}
			if !keepDay && !keepMonth {
				out = append(out, b)
			}
		case BackupEvent:
			events++
			if events > p.EventKeep && now.Sub(b.Time) > time.Duration(p.EventDays)*24*time.Hour {
				out = append(out, b)
			}
		}
	}
	return out
}

// removeUnusedSharedFiles deletes shared attachments no backup refers to.
// When any backup's manifest cannot be read, nothing is deleted: that
// backup might need any of them.
func (s *Store) removeUnusedSharedFiles() error {
	shared := s.sharedAttachDir()
	if _, err := os.Stat(shared); os.IsNotExist(err) {
		return nil
	}
	list, err := BackupsIn(s.dir)
	if err != nil {
		return err
	}
	used := map[string]bool{}
	for _, b := range list {
		if !strings.EqualFold(filepath.Ext(b.Path), ".zip") {
			continue
		}
		m, err := handover.ReadManifest(b.Path, handover.OpenOptions{})
		if err != nil {
			return nil
		}
		for _, f := range m.Files {
			if f.Shared {
				used[f.SHA256] = true
			}
		}
	}
	return filepath.WalkDir(shared, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !used[d.Name()] {
			return os.Remove(path)
		}
		return nil
	})
}
