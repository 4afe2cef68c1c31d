package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"partyoffice/data/civil"
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

	// clock is the store's today (nil: the computer's date); see Today.
	clock func() civil.Date

	// check is what openDB reads of the file before trusting it.
	check integrityCheck

	// maint serialises the operations that copy or replace the whole
	// database (backups, restores, packages): the daily backup runs in the
	// background and must not meet a restore half way.
	maint sync.Mutex

	// server is the PostgreSQL backend; nil for the data folder's SQLite
	// file (backend.go).
	server *pgServer
}

// dsn follows docs/ARCHITECTURE.md#sqlite: WAL, foreign keys, busy timeout, immediate
// transactions. No _time_format: it makes the driver ignore _txlock.
// trusted_schema(0): a database that arrived from elsewhere may carry
// views or triggers calling functions with side effects; this never runs
// them (docs: https://sqlite.org/pragma.html#pragma_trusted_schema).
func dsn(path string) string {
	return sqliteURI(path, "_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)"+
		"&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)&_pragma=trusted_schema(0)&_txlock=immediate")
}

// Open opens (creating if needed) the store in dir, takes the single-instance
// lock, checks the file and brings the schema up to date.
func Open(dir string) (*Store, error) { return open(dir, fullCheck) }

// OpenToRead is Open for a command that only reads (the CLI's check, export,
// print, goals): SQLite's quick_check in place of the full integrity_check.
// quick_check reads every page and finds a damaged or foreign file, but not
// an index that disagrees with its table, which the full check spends most of
// its time on (0.9 s of a 2.9 s `check` on 10,000 people and five years of
// meetings). Such damage can make a read miss rows; it cannot spread, since
// nothing is written. It is found by the full check of every write command,
// of the window (after its first frame), of every backup and handover
// package. docs/ARCHITECTURE.md#start-up-and-recovery.
func OpenToRead(dir string) (*Store, error) { return open(dir, quickCheck) }

// integrityCheck is how much of the file openDB reads before trusting it.
type integrityCheck int

const (
	fullCheck  integrityCheck = iota // PRAGMA integrity_check
	quickCheck                       // PRAGMA quick_check (OpenToRead)
	checkLater                       // none yet: the caller runs CheckIntegrity (OpenFolderCheckLater)
)

func (c integrityCheck) pragma() string {
	if c == quickCheck {
		return "quick_check"
	}
	return "integrity_check"
}

func open(dir string, check integrityCheck) (*Store, error) {
	lf, err := lockFolder(dir)
	if err != nil {
		return nil, err
	}
	return openLocked(dir, lf, check)
}

// lockFolder creates dir if needed and takes its single-instance lock.
func lockFolder(dir string) (*os.File, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("无法创建数据文件夹 %s：%w", dir, plainIOError(err))
	}
	lf, err := os.OpenFile(filepath.Join(dir, lockFileName), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("无法写入数据文件夹 %s：%w", dir, plainIOError(err))
	}
	if err := lockFile(lf); err != nil {
		lf.Close()
		return nil, ErrLocked
	}
	return lf, nil
}

// openLocked opens the database of a folder whose lock lf is held; the
// store owns the lock from then on (it is released on failure).
func openLocked(dir string, lf *os.File, check integrityCheck) (*Store, error) {
	s := &Store{dir: dir, lock: lf, check: check}
	removeLeftovers(dir)
	if err := emptyButBackedUp(dir); err != nil {
		s.releaseLock()
		return nil, err
	}
	if err := s.openDB(); err != nil {
		s.releaseLock()
		return nil, err
	}
	s.setTempDir()
	s.Actor = s.actorOf()
	return s, nil
}

// emptyButBackedUp refuses a zero-byte database in a folder with backups:
// SQLite would take it for a new empty database, and the register would
// silently be gone. (A copy or a crash at the wrong moment leaves such files.)
func emptyButBackedUp(dir string) error {
	st, err := os.Stat(filepath.Join(dir, DBFileName))
	if err != nil || st.Size() > 0 {
		return nil
	}
	if list, _ := BackupsIn(dir); len(list) > 0 {
		return &DamagedError{Detail: "数据文件是空的（0 字节），可能没有保存完整"}
	}
	return nil
}

func (s *Store) openDB() error {
	// SQLite creates the file (and its -wal, -shm with the same mode) for
	// everyone to read; personal data is for the user's eyes only.
	if s.server == nil {
		if f, err := os.OpenFile(s.DBPath(), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600); err == nil {
			f.Close()
		}
	}
	db, err := gorm.Open(s.backend().dialector(s), &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true, // we open our own transactions
	})
	if err != nil {
		if s.server != nil {
			return plainServerError(err)
		}
		if looksDamaged(err) {
			return &DamagedError{Detail: err.Error()}
		}
		return fmt.Errorf("无法打开数据文件：%w", plainIOError(err))
	}
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	s.backend().pool(sqlDB)
	s.db = db
	if s.check != checkLater {
		if err := s.backend().checkIntegrity(s.db, s.check); err != nil {
			sqlDB.Close()
			return err
		}
	}
	if err := s.migrate(); err != nil {
		sqlDB.Close()
		if looksDamaged(err) { // damage met while migrating
			return &DamagedError{Detail: err.Error()}
		}
		return err
	}
	return nil
}

// CheckIntegrity catches a damaged or foreign database before anything
// touches it (backend.go): the full check. Open runs it;
// OpenFolderCheckLater leaves it to the caller.
func (s *Store) CheckIntegrity() error { return s.backend().checkIntegrity(s.db, fullCheck) }

// Close releases the database and the lock.
func (s *Store) Close() error {
	var err error
	if s.db != nil {
		if sqlDB, e := s.db.DB(); e == nil {
			err = sqlDB.Close()
		}
		s.db = nil
	}
	if !s.isView() {
		s.clearTempDir()
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

// Tx is one write transaction; every change in it is audited through Audit.
type Tx struct {
	*gorm.DB
	actor string
	today civil.Date  // the store's Today when the transaction began
	memo  *importMemo // set while importing development registers
}

// Today is the one date every check and default of the program uses: "not
// after today", the rules' as-of day, the year of a new plan. It is the
// computer's date unless SetClock replaced it (tests, a demo on a fixed day);
// the window (ui.App.Now) and the reports read it from here.
func (s *Store) Today() civil.Date {
	if s.clock == nil {
		return civil.Today()
	}
	return s.clock()
}

// SetClock makes fn the store's clock; nil restores the computer's date. Set
// it before the store is shared with other goroutines.
func (s *Store) SetClock(fn func() civil.Date) { s.clock = fn }

// Clock is the store's clock as a function (the computer's date by default),
// for a front end that keeps its own handle on it (ui.App.Now).
func (s *Store) Clock() func() civil.Date {
	if s.clock == nil {
		return civil.Today
	}
	return s.clock
}

// write runs fn in one immediate transaction: all of it lands or none. A
// full disk or a read-only folder comes back in words the user can act on.
func (s *Store) write(fn func(tx *Tx) error) error {
	return plainWriteError(s.db.Transaction(func(g *gorm.DB) error {
		return fn(&Tx{DB: g, actor: s.Actor, today: s.Today()})
	}))
}

// Audit appends an audit entry; before/after are stored as JSON.
func (tx *Tx) Audit(action, entity string, id uint, summary string, before, after any) error {
	e := auditEntry(tx.actor, action, entity, id, summary, before, after)
	if tx.memo != nil { // an import: written together at its end
		tx.memo.audit = append(tx.memo.audit, e)
		return nil
	}
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

// Kinds of write failure the user can do something about (errors.Is).
var (
	ErrDiskFull = errors.New("磁盘空间已满，刚才的修改没有保存：请清理磁盘（例如清空回收站、删除不用的大文件）后再试")
	ErrReadOnly = errors.New("数据文件夹只读，刚才的修改没有保存：请确认数据所在的磁盘或U盘没有写保护，或联系电脑管理员开放写入权限")
	ErrBusy     = errors.New("数据正被另一个程序占用，刚才的修改没有保存：请稍后再试")
	ErrDiskIO   = errors.New("读写磁盘时出错，刚才的修改没有保存：请检查磁盘或U盘是否已拔出，然后重新打开本程序")
)

// plainIOError turns common OS errors into words an office user understands.
func plainIOError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, os.ErrPermission):
		return errors.New("没有写入权限（文件夹只读或被保护），请换一个文件夹或联系电脑管理员")
	case errors.Is(err, os.ErrNotExist):
		return errors.New("文件或文件夹不存在")
	case isDiskFull(err):
		return errors.New("磁盘空间已满，请清理磁盘后再试")
	case isReadOnly(err):
		return errors.New("文件夹只读（磁盘或U盘可能有写保护），请换一个文件夹或联系电脑管理员")
	}
	return err
}

// plainWriteError words SQLite's write failures; the store's own messages
// (already plain Chinese) pass through unchanged.
func plainWriteError(err error) error {
	switch {
	case err == nil:
		return nil
	case isDiskFull(err):
		return ErrDiskFull
	case isReadOnly(err) || errors.Is(err, os.ErrPermission):
		return ErrReadOnly
	case strings.Contains(err.Error(), "database is locked") || strings.Contains(err.Error(), "SQLITE_BUSY"):
		return ErrBusy
	case strings.Contains(err.Error(), "disk I/O error"):
		return ErrDiskIO
	case isServerError(err):
		return plainServerError(err)
	}
	return err
}

func isDiskFull(err error) bool {
	m := err.Error()
	return errors.Is(err, syscall.ENOSPC) || strings.Contains(m, "no space") ||
		strings.Contains(m, "disk is full") || strings.Contains(m, "not enough space")
}

func isReadOnly(err error) bool {
	m := err.Error()
	return errors.Is(err, syscall.EROFS) || strings.Contains(m, "readonly database") ||
		strings.Contains(m, "read-only file system")
}

// looksDamaged recognises SQLite's words for a file that is not (or no
// longer) a database.
func looksDamaged(err error) bool {
	m := err.Error()
	return strings.Contains(m, "not a database") || strings.Contains(m, "malformed") ||
		strings.Contains(m, "corrupt")
}
