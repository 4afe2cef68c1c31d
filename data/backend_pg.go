package data

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/glebarez/sqlite"
	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// IsServerDSN says whether a --db / PARTYOFFICE_DB value names a PostgreSQL
// server rather than a data folder.
func IsServerDSN(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// pgServer is the backend of a store whose records live on a PostgreSQL
// server (docs/ARCHITECTURE.md#two-backends). Several PCs open it at once, so
// it takes no folder lock; the server keeps its own files sound.
type pgServer struct {
	dsn  string
	role string // the signed-in user's role (branches_pg.go)
	view uint   // the branch a BranchView shows; 0 for a store that writes
}

func (p *pgServer) dialector(*Store) gorm.Dialector {
	return postgres.New(postgres.Config{DSN: p.dsn})
}

func (p *pgServer) pool(db *sql.DB) { db.SetMaxOpenConns(4) }

func (p *pgServer) checkIntegrity(db *gorm.DB, _ integrityCheck) error {
	if err := db.Exec("SELECT 1").Error; err != nil {
		return plainServerError(err)
	}
	return nil
}

// Keys of the server's advisory locks (pg_advisory_xact_lock: held until the
// transaction ends, whatever way it ends). Any fixed numbers do, as long as
// nothing else on the database uses them: these spell "po-schem", "po-move ".
const (
	schemaLockKey int64 = 0x706f2d736368656d
	moveLockKey   int64 = 0x706f2d6d6f766520
)

// serverSchemaLock makes the migration transaction tx the only one on the
// database: PCs opening an empty or older server at the same moment would
// otherwise create the same tables, columns and policies twice and fail.
// The caller reads the schema version again once it holds the lock.
func serverSchemaLock(tx *gorm.DB) error {
	if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", schemaLockKey).Error; err != nil {
		return plainServerError(err)
	}
	return nil
}

// prepare scopes new tables to their branch and brings the server's
// functions and policies up to date (branches_pg.go), under the schema lock.
func (p *pgServer) prepare(tx *gorm.DB) error {
	if err := tx.AutoMigrate(&StoredFile{}); err != nil {
		return err
	}
	return p.scopeTables(tx)
}

// snapshotTo copies the records into a new SQLite file: a backup or 移交包
// made on the server is the same package a single PC makes, so a branch can
// always take its data home.
func (p *pgServer) snapshotTo(s *Store, dest string) error {
	return copyToFile(s.db, dest)
}

// OpenServer opens the store on a PostgreSQL server (dsn is postgres://…),
// bringing the schema up to date. dir is the local folder of this PC for
// what stays local: backups it makes, attachments, the sign-in settings.
func OpenServer(dsn, dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("无法创建数据文件夹 %s：%w", dir, plainIOError(err))
	}
	s := &Store{dir: dir, server: &pgServer{dsn: dsn}}
	if err := s.openDB(); err != nil {
		return nil, err
	}
	s.setTempDir()
	s.Actor = s.actorOf()
	if err := s.signIn(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// openSQLiteFile opens a SQLite file other than the store's (a snapshot
// being written, a folder being migrated) with the store's settings.
func openSQLiteFile(path string) (*gorm.DB, error) {
	db, err := gorm.Open(sqlite.Open(dsn(path)), &gorm.Config{Logger: logger.Discard, SkipDefaultTransaction: true})
	if err != nil {
		return nil, err
	}
	if sqlDB, err := db.DB(); err == nil {
		sqlDB.SetMaxOpenConns(1)
	}
	return db, nil
}

func closeGorm(db *gorm.DB) {
	if sqlDB, err := db.DB(); err == nil {
		sqlDB.Close()
	}
}

// isServerError says whether err is the server's refusal.
func isServerError(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe)
}

// ErrNoPermission is the server refusing a user what their role does not
// allow (a 区管理员 writing, a branch touching another's rows).
var ErrNoPermission = errors.New("没有权限：这个账户不能修改这些记录（区管理员只能查看）")

// plainServerError words the server's refusals for an office user.
func plainServerError(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01", "28000":
			return errors.New("无法登录数据库服务器：用户名或密码不正确")
		case "3D000":
			return errors.New("数据库服务器上没有这个数据库：请核对数据库名称，或请管理员先建好")
		case "42501":
			return ErrNoPermission
		}
		return fmt.Errorf("数据库服务器拒绝了操作（%s）", pe.Message)
	}
	m := err.Error()
	switch {
	case strings.Contains(m, "connection refused"), strings.Contains(m, "no such host"),
		strings.Contains(m, "timeout"), strings.Contains(m, "no such file or directory"):
		return errors.New("连不上数据库服务器：请检查服务器地址和端口、网络连接，或联系管理员")
	}
	return fmt.Errorf("数据库服务器出错：%w", err)
}
