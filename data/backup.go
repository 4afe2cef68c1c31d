package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"partyoffice/data/handover"
)

// Backups live in the data folder's backups/: one zip per backup (a package
// of kind 备份, see package handover) holding the database snapshot, with
// the attachments kept once in backups/attachments/ by their SHA-256. Older
// versions wrote bare .db files; they are listed and restored too.
//
// A backup's file name says when and why it was made:
// 2026-06-15_083000_自动.zip. The reason (label) decides how long it is kept
// (autobackup.go).

// SharedAttachDir is the folder inside backups/ holding the attachments of
// all backups, once each.
const SharedAttachDir = "attachments"

// Backup labels the program itself uses.
const (
	LabelAuto          = "自动"
	LabelManual        = "手动"
	LabelBeforeRestore = "恢复前"
	LabelBeforeImport  = "导入前"
	LabelBeforeReceive = "接收移交前"
)

// BackupKind says how a backup came about, which decides how long it is kept.
type BackupKind int

const (
	BackupManual BackupKind = iota // made by the user: never deleted automatically
	BackupAuto                     // the daily backup
	BackupEvent                    // before an import, restore, migration …
)

// BackupInfo describes one backup file in the data folder.
type BackupInfo struct {
	Path  string
	Name  string
	Time  time.Time // from the file name when it has one, else the file's time
	Size  int64
	Label string // 自动, 手动, 导入前 …; "" for an unlabelled manual backup
	Kind  BackupKind
}

// BackupTo writes a self-contained backup to dest: a package with the
// database and every attachment, for a USB stick or another PC. A dest
// ending in .db gets the bare database instead (no attachments), as older
// versions wrote. Either way dest is never a half-written file.
func (s *Store) BackupTo(dest string) error {
	s.maint.Lock()
	defer s.maint.Unlock()
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return fmt.Errorf("无法创建备份文件夹：%w", plainIOError(err))
	}
	if strings.EqualFold(filepath.Ext(dest), ".db") {
		return s.snapshotTo(dest)
	}
	_, err := s.writePackage(dest, packageSpec{kind: handover.KindBackup, label: LabelManual})
	return err
}

// snapshotTo writes a consistent snapshot of the database to dest with
// VACUUM INTO, checks it with integrity_check, and only then moves it into
// place.
func (s *Store) snapshotTo(dest string) error {
	tmp := dest + ".tmp"
	os.Remove(tmp)
	if err := s.backend().snapshotTo(s, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("备份失败：%w", plainIOError(err))
	}
	if err := CheckDatabaseFile(tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("备份文件校验未通过：%w", err)
	}
	os.Chmod(tmp, 0o600) // VACUUM INTO made it readable by everyone
	if err := os.Rename(tmp, dest); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("备份失败：%w", plainIOError(err))
	}
	return nil
}

// Backup writes a named backup into the data folder's backups/ and returns it.
func (s *Store) Backup(label string) (BackupInfo, error) {
	s.maint.Lock()
	defer s.maint.Unlock()
	return s.backupLocked(label)
}

// backupLocked is Backup for callers holding maint (restore, migration).
func (s *Store) backupLocked(label string) (BackupInfo, error) {
	now := time.Now()
	name := now.Format(backupTimeLayout)
	if label != "" {
		name += "_" + label
	}
	folder := filepath.Join(s.dir, BackupDir)
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return BackupInfo{}, fmt.Errorf("无法创建备份文件夹：%w", plainIOError(err))
	}
	path := uniquePath(filepath.Join(folder, name), ".zip")
	spec := packageSpec{kind: handover.KindBackup, label: label, shared: true}
	if _, err := s.writePackage(path, spec); err != nil {
		return BackupInfo{}, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return BackupInfo{}, err
	}
	return BackupInfo{Path: path, Name: filepath.Base(path), Time: now, Size: st.Size(),
		Label: label, Kind: kindOfLabel(label)}, nil
}

// Backups lists the backups in the data folder, newest first.
func (s *Store) Backups() ([]BackupInfo, error) { return BackupsIn(s.dir) }

// BackupsIn lists the backups of the data folder dir, newest first. It
// works on a folder whose database cannot be opened, which is when the
// backups are needed most.
func BackupsIn(dir string) ([]BackupInfo, error) {
	folder := filepath.Join(dir, BackupDir)
	entries, err := os.ReadDir(folder)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("无法读取备份文件夹 %s：%w", folder, plainIOError(err))
	}
	var out []BackupInfo
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || (ext != ".db" && ext != ".zip") || strings.HasPrefix(e.Name(), "~") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		b := BackupInfo{Path: filepath.Join(folder, e.Name()), Name: e.Name(), Time: info.ModTime(), Size: info.Size()}
		if t, label, ok := parseBackupName(e.Name()); ok {
			b.Time, b.Label = t, label
		}
		b.Kind = kindOfLabel(b.Label)
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

const backupTimeLayout = "2006-01-02_150405"

var (
	// 2026-06-15_083000_导入前_2.zip: time, label, a number against clashes.
	backupName = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2}_\d{6})(?:_(.*?))?(?:_\d+)?\.(?i:db|zip)$`)
	// 迁移前-v1-20260101-120000.db, as the first versions named them.
	migrationName = regexp.MustCompile(`^(迁移前)-v\d+-(\d{8}-\d{6})\.db$`)
)

// parseBackupName reads the time (local) and label out of a backup's name.
func parseBackupName(name string) (time.Time, string, bool) {
	if m := backupName.FindStringSubmatch(name); m != nil {
		t, err := time.ParseInLocation(backupTimeLayout, m[1], time.Local)
		return t, m[2], err == nil
	}
	if m := migrationName.FindStringSubmatch(name); m != nil {
		t, err := time.ParseInLocation("20060102-150405", m[2], time.Local)
		return t, m[1], err == nil
	}
	return time.Time{}, "", false
}

func kindOfLabel(label string) BackupKind {
	switch label {
	case LabelAuto:
		return BackupAuto
	case "", LabelManual, "手动备份":
		return BackupManual
	}
	return BackupEvent
}

// KindName is the kind as the backup list shows it.
func (k BackupKind) KindName() string {
	switch k {
	case BackupAuto:
		return "每日自动"
	case BackupEvent:
		return "操作前自动"
	}
	return "手动"
}

// CheckDatabaseFile opens a SQLite file read-only and runs integrity_check;
// it also insists the file is one of ours (it has the schema table) and not
// from a newer version of the program.
func CheckDatabaseFile(path string) error {
	_, err := inspectDatabase(path)
	return err
}

// dbFacts is what a database file says about itself.
type dbFacts struct {
	schema     int
	app        string
	branch     string
	lastChange uint
	inventory  []InventoryLine
}

// inspectDatabase checks a database file as CheckDatabaseFile does and
// reads the facts a package summary shows.
func inspectDatabase(path string) (dbFacts, error) {
	var f dbFacts
	st, err := os.Stat(path)
	if err != nil {
		return f, fmt.Errorf("找不到文件 %s", path)
	}
	if st.Size() == 0 {
		return f, fmt.Errorf("文件 %s 是空的", filepath.Base(path))
	}
	db, err := gorm.Open(sqlite.Open(sqliteURI(path, "mode=ro&_pragma=trusted_schema(0)")),
		&gorm.Config{Logger: logger.Discard})
	if err != nil {
		return f, fmt.Errorf("不是有效的数据文件：%w", err)
	}
	sqlDB, _ := db.DB()
	defer sqlDB.Close()
	var res []string
	if err := db.Raw("PRAGMA integrity_check").Scan(&res).Error; err != nil {
		return f, fmt.Errorf("%s 不是党支部工作台的数据文件，或已损坏", filepath.Base(path))
	}
	if len(res) != 1 || res[0] != "ok" {
		return f, &DamagedError{Detail: strings.Join(res, "; ")}
	}
	if !db.Migrator().HasTable(&SchemaMeta{}) {
		return f, fmt.Errorf("%s 不是党支部工作台的数据文件", filepath.Base(path))
	}
	if err := checkSchemaObjects(db); err != nil {
		return f, err
	}
	var meta SchemaMeta
	db.Limit(1).Find(&meta)
	if meta.Version > SchemaVersion {
		return f, fmt.Errorf("%w（数据结构版本 %d，本程序只认识到 %d），请先安装新版党支部工作台", ErrNewerData, meta.Version, SchemaVersion)
	}
	f.schema, f.app = meta.Version, meta.App
	if db.Migrator().HasTable(&Branch{}) {
		db.Model(&Branch{}).Where("id = 1").Limit(1).Pluck("name", &f.branch)
	}
	f.lastChange = lastChange(db)
	f.inventory, err = inventoryOf(db)
	return f, err
}

// ErrNewerData means a database (or package) comes from a newer version.
var ErrNewerData = errors.New("数据来自更新版本的党支部工作台")

// lastChange is the ID of the newest audit entry: every change writes one,
// so two databases with the same one hold the same data.
func lastChange(db *gorm.DB) uint {
	var id *uint
	if db.Migrator().HasTable(&AuditEntry{}) {
		db.Model(&AuditEntry{}).Select("max(id)").Scan(&id)
	}
	if id == nil {
		return 0
	}
	return *id
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

// VerifyBackup checks a backup of the data folder dir completely: every
// file against the manifest and the database with integrity_check.
func VerifyBackup(dir, path string) error {
	in, err := OpenIncoming(dir, path, "", nil)
	if err != nil {
		return err
	}
	return in.Close()
}

// NewestGoodBackup is the newest backup of the data folder dir that passes
// VerifyBackup (a backup taken while damage spread may be bad too).
func NewestGoodBackup(dir string) (BackupInfo, error) {
	list, err := BackupsIn(dir)
	if err != nil {
		return BackupInfo{}, err
	}
	for _, b := range list {
		if VerifyBackup(dir, b.Path) == nil {
			return b, nil
		}
	}
	if len(list) == 0 {
		return BackupInfo{}, fmt.Errorf("数据文件夹中没有备份（%s）。如果在别处（U盘、其他电脑）有备份文件或移交包，请用它恢复",
			filepath.Join(dir, BackupDir))
	}
	return BackupInfo{}, fmt.Errorf("数据文件夹中的 %d 份备份都无法通过校验，请找一份别处保存的备份文件", len(list))
}
