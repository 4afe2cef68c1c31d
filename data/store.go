package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// File names inside the data folder.
const (
	DBFileName   = "partyoffice.db"
	lockFileName = "partyoffice.lock"
	BackupDir    = "backups"
	AttachDir    = "attachments"
)

// ErrLocked means another running copy of the app holds the data folder.
var ErrLocked = errors.New("数据文件夹正被另一个已打开的党支部工作台使用：请切换到那个窗口，或先关闭它再打开")

// ErrDamaged means the database file failed SQLite's integrity check.
var ErrDamaged = errors.New("数据文件已损坏")

// DamagedError carries the detail of a failed integrity check.
type DamagedError struct{ Detail string }

func (e *DamagedError) Error() string {
	return "数据文件已损坏（" + e.Detail + "），请从备份恢复"
}
func (e *DamagedError) Unwrap() error { return ErrDamaged }

// Store is the branch's data folder: one SQLite file, its attachments and
// backups. All writes go through it, in a transaction, with an audit entry.
type Store struct {
	db    *gorm.DB
	dir   string
	lock  *os.File
	Actor string // who is recorded in the audit log
}

// dsn follows stack-notes: WAL, foreign keys, busy timeout, immediate
// transactions. No _time_format: it makes the driver ignore _txlock.
func dsn(path string) string {
	return filepath.ToSlash(path) + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)" +
		"&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)&_txlock=immediate"
}

// Open opens (creating if needed) the store in dir, takes the single-instance
// lock, checks the file and brings the schema up to date.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建数据文件夹 %s：%w", dir, plainIOError(err))
	}
	lf, err := os.OpenFile(filepath.Join(dir, lockFileName), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("无法写入数据文件夹 %s：%w", dir, plainIOError(err))
	}
	if err := lockFile(lf); err != nil {
		lf.Close()
		return nil, ErrLocked
	}
	s := &Store{dir: dir, lock: lf, Actor: currentUser()}
	if err := s.openDB(); err != nil {
		s.releaseLock()
		return nil, err
	}
	return s, nil
}

func (s *Store) openDB() error {
	db, err := gorm.Open(sqlite.Open(dsn(s.DBPath())), &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true, // we open our own transactions
	})
	if err != nil {
		if looksDamaged(err) {
			return &DamagedError{Detail: err.Error()}
		}
		return fmt.Errorf("无法打开数据文件：%w", plainIOError(err))
	}
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	sqlDB.SetMaxOpenConns(1) // one writer; SQLite serialises anyway
	s.db = db
	if err := s.quickCheck(); err != nil {
		sqlDB.Close()
		return err
	}
	if err := s.migrate(); err != nil {
		sqlDB.Close()
		return err
	}
	return nil
}

// quickCheck catches a damaged or foreign file before anything touches it.
func (s *Store) quickCheck() error {
	var res []string
	if err := s.db.Raw("PRAGMA quick_check").Scan(&res).Error; err != nil {
		if looksDamaged(err) {
			return &DamagedError{Detail: err.Error()}
		}
		return fmt.Errorf("无法读取数据文件：%w", plainIOError(err))
	}
	if len(res) != 1 || res[0] != "ok" {
		return &DamagedError{Detail: strings.Join(res, "; ")}
	}
	return nil
}

// Close releases the database and the lock.
func (s *Store) Close() error {
	var err error
	if s.db != nil {
		if sqlDB, e := s.db.DB(); e == nil {
			err = sqlDB.Close()
		}
		s.db = nil
	}
	s.releaseLock()
	return err
}

func (s *Store) releaseLock() {
	if s.lock != nil {
		unlockFile(s.lock)
		s.lock.Close()
		s.lock = nil
	}
}

// Dir is the data folder.
func (s *Store) Dir() string { return s.dir }

// DBPath is the SQLite file.
func (s *Store) DBPath() string { return filepath.Join(s.dir, DBFileName) }

// DB exposes the handle to sibling packages' tests and benchmarks only.
func (s *Store) DB() *gorm.DB { return s.db }

func currentUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "本机用户"
}

// Tx is one write transaction; every change in it is audited through Audit.
type Tx struct {
	*gorm.DB
	actor string
}

// write runs fn in one immediate transaction: all of it lands or none.
func (s *Store) write(fn func(tx *Tx) error) error {
	return s.db.Transaction(func(g *gorm.DB) error {
		return fn(&Tx{DB: g, actor: s.Actor})
	})
}

// Audit appends an audit entry; before/after are stored as JSON.
func (tx *Tx) Audit(action, entity string, id uint, summary string, before, after any) error {
	e := auditEntry(tx.actor, action, entity, id, summary, before, after)
	return tx.Create(&e).Error
}

func auditEntry(actor, action, entity string, id uint, summary string, before, after any) AuditEntry {
	return AuditEntry{
		At: time.Now().UTC(), Actor: actor, Action: action, Entity: entity,
		EntityID: id, Summary: summary, Before: toJSON(before), After: toJSON(after),
	}
}

func toJSON(v any) string {
	if v == nil {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// plainIOError turns common OS errors into words an office user understands.
func plainIOError(err error) error {
	switch {
	case errors.Is(err, os.ErrPermission):
		return errors.New("没有写入权限（文件夹只读或被保护），请换一个文件夹或联系电脑管理员")
	case errors.Is(err, os.ErrNotExist):
		return errors.New("文件或文件夹不存在")
	case strings.Contains(err.Error(), "no space"):
		return errors.New("磁盘空间已满，请清理磁盘后再试")
	}
	return err
}

// looksDamaged recognises SQLite's words for a file that is not (or no
// longer) a database.
func looksDamaged(err error) bool {
	m := err.Error()
	return strings.Contains(m, "not a database") || strings.Contains(m, "malformed") ||
		strings.Contains(m, "corrupt")
}
