package data

import (
	"database/sql"
	"fmt"
	"strings"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
)

// backend is what differs between the two places a store's records can
// live: the embedded SQLite file of the data folder (the default, one PC) and
// a PostgreSQL server shared by several PCs or branches (docs/ARCHITECTURE.md
// #two-backends). Everything else — models, queries, audit, packages — is the
// same code on both. SQL that only one database speaks (pragmas, VACUUM INTO,
// sqlite_master) goes through here and nowhere else.
type backend interface {
	// dialector is GORM's driver for the store's database.
	dialector(s *Store) gorm.Dialector
	// pool sets the connection pool: one writer for SQLite, a few for a server.
	pool(db *sql.DB)
	// checkIntegrity refuses a damaged or foreign database before it is used
	// (fullCheck or quickCheck: OpenToRead).
	checkIntegrity(db *gorm.DB, check integrityCheck) error
	// prepare runs at the end of every open's migration transaction, after
	// the tables are up to date (the server's branch scoping).
	prepare(tx *gorm.DB) error
	// snapshotTo writes a consistent copy of the records as a SQLite file at
	// dest, the database of every backup and 移交包.
	snapshotTo(s *Store, dest string) error
}

// sqliteFile is the default backend: partyoffice.db in the data folder.
type sqliteFile struct{}

func (sqliteFile) dialector(s *Store) gorm.Dialector { return sqlite.Open(dsn(s.DBPath())) }

func (sqliteFile) pool(db *sql.DB) { db.SetMaxOpenConns(1) } // one writer; SQLite serialises anyway

func (sqliteFile) checkIntegrity(db *gorm.DB, check integrityCheck) error {
	// The full integrity_check unless the command only reads: only it sees an
	// index that no longer matches its table (which makes queries miss rows
	// and writes spread the damage); OpenToRead says why quick_check is
	// enough there.
	var res []string
	if err := db.Raw("PRAGMA " + check.pragma()).Scan(&res).Error; err != nil {
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

func (sqliteFile) prepare(*gorm.DB) error { return nil }

func (sqliteFile) snapshotTo(s *Store, dest string) error {
	return s.db.Exec("VACUUM INTO ?", dest).Error
}

// listTables lists the tables of a database of either kind (a store's, or a
// SQLite file being checked).
func listTables(db *gorm.DB) ([]string, error) {
	q := "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
	if db.Dialector.Name() == "postgres" {
		q = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
	}
	var names []string
	err := db.Raw(q).Scan(&names).Error
	return names, err
}

// backend is the store's backend (the SQLite file unless opened on a server).
func (s *Store) backend() backend {
	if s.server != nil {
		return s.server
	}
	return sqliteFile{}
}

// OnServer says whether the store's records live on a PostgreSQL server.
func (s *Store) OnServer() bool { return s.server != nil }
