package data

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// copyBatch keeps rows × columns of one INSERT far under SQLite's 32,766
// parameters (Person has about 50 columns).
const copyBatch = 200

// tablesToCopy is every table, the schema version first.
func tablesToCopy() []any { return append([]any{&SchemaMeta{}}, models...) }

// copyRecords copies every row of every table from src to dst, IDs and
// soft-deleted rows included, in creation order (foreign keys point back).
// dst has the schema and no rows.
func copyRecords(src, dst *gorm.DB) error {
	for _, m := range tablesToCopy() {
		if err := copyTable(src, dst, m, 0); err != nil {
			return err
		}
	}
	return resetSequences(dst)
}

// copyTable copies the rows of one model's table, in batches, with offset
// added to every id and reference (move_ids.go).
func copyTable(src, dst *gorm.DB, m any, offset uint) error {
	stmt := &gorm.Statement{DB: dst}
	if err := stmt.Parse(m); err != nil {
		return err
	}
	rows := reflect.New(reflect.SliceOf(reflect.TypeOf(m).Elem()))
	err := src.Unscoped().Model(m).FindInBatches(rows.Interface(), copyBatch, func(*gorm.DB, int) error {
		// A shifted copy: FindInBatches goes on from the last row's own id.
		out := reflect.New(rows.Elem().Type())
		out.Elem().Set(shiftedIDs(stmt.Schema, rows.Elem(), offset))
		return dst.Unscoped().Omit(clause.Associations).Create(out.Interface()).Error
	}).Error
	if err != nil {
		return fmt.Errorf("复制 %s 失败：%w", tableName(dst, m), err)
	}
	return nil
}

// resetSequences moves PostgreSQL's id counters past the copied rows (a
// SQLite file needs nothing: it takes max(id)+1).
func resetSequences(db *gorm.DB) error {
	if db.Dialector.Name() != "postgres" {
		return nil
	}
	for _, m := range tablesToCopy() {
		stmt := &gorm.Statement{DB: db}
		if err := stmt.Parse(m); err != nil {
			return err
		}
		if f := stmt.Schema.PrioritizedPrimaryField; f == nil || !f.AutoIncrement {
			continue // keyed by name (settings)
		}
		// Never backwards: other branches' rows on the server are not
		// visible here, and their ids must not be handed out again.
		t := stmt.Schema.Table
		seq := fmt.Sprintf("pg_get_serial_sequence('%s', 'id')::regclass", t)
		q := fmt.Sprintf(`SELECT setval(%[1]s, GREATEST(COALESCE(max(id), 0), COALESCE(pg_sequence_last_value(%[1]s), 0), 1),
			COALESCE(max(id), 0) > 0 OR pg_sequence_last_value(%[1]s) IS NOT NULL) FROM %[2]s`, seq, quoteIdent(t))
		if err := db.Exec(q).Error; err != nil {
			return err
		}
	}
	return nil
}

func tableName(db *gorm.DB, model any) string {
	stmt := &gorm.Statement{DB: db}
	if err := stmt.Parse(model); err != nil {
		return fmt.Sprintf("%T", model)
	}
	return stmt.Schema.Table
}

// copyToFile writes the records of db into a new SQLite file at dest with
// the current schema.
func copyToFile(db *gorm.DB, dest string) error {
	os.Remove(dest)
	file, err := openSQLiteFile(dest)
	if err != nil {
		return err
	}
	defer closeGorm(file)
	if err := file.AutoMigrate(tablesToCopy()...); err != nil {
		return err
	}
	return file.Transaction(func(tx *gorm.DB) error {
		return db.Transaction(func(src *gorm.DB) error { return copyRecords(src, tx) },
			&sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	})
}

// replaceOnServer is replace for a store on a server: the incoming file's
// records take the place of the server's in one transaction (the server's
// schema version stays: the file was checked not to be newer) and its
// attachments take the place of the branch's in stored_files; then the
// attachments folder (this PC's cache) is swapped as on a single PC.
func (s *Store) replaceOnServer(in *Incoming, why replaceReason) error {
	file, err := openSQLiteFile(in.db)
	if err != nil {
		return fmt.Errorf("新数据无法打开：%w", err)
	}
	defer closeGorm(file)
	if err := file.AutoMigrate(models...); err != nil { // an older file gains the new columns
		return fmt.Errorf("新数据无法打开：%w", err)
	}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		// The branch's rows only (the owner, whom row-level security does
		// not restrict, works in po_branch() too), and the file's ids moved
		// past the other branches' as a move up does (move_ids.go).
		if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", moveLockKey).Error; err != nil {
			return err
		}
		var own uint
		if err := tx.Raw("SELECT po_branch()").Scan(&own).Error; err != nil {
			return err
		}
		if err := clearBranchRecords(tx, own); err != nil {
			return err
		}
		offset, err := reserveIDs(tx, file)
		if err != nil {
			return err
		}
		for _, m := range models {
			if err := copyTable(file, tx, m, offset); err != nil {
				return err
			}
		}
		if !in.Legacy { // a bare database keeps the attachments, as on a single PC
			if err := replaceStoredFiles(tx, own, in.attachments); err != nil {
				return err
			}
		}
		return resetSequences(tx)
	})
	if err != nil {
		return fmt.Errorf("替换失败，原数据未改动：%w", plainServerError(err))
	}
	if !in.Legacy {
		var m mover
		previous := filepath.Join(in.work, "previous", AttachDir)
		if err := m.moveIfExists(filepath.Join(s.dir, AttachDir), previous); err == nil {
			if err := m.moveIfExists(in.attachments, filepath.Join(s.dir, AttachDir)); err != nil {
				m.undo()
			}
		}
	}
	return s.write(func(tx *Tx) error {
		return tx.Audit(why.action, "数据", 0, why.summary(in), nil, nil)
	})
}
