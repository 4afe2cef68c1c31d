package data

import (
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Optimistic locking (docs/ARCHITECTURE.md#two-backends): every record
// carries a version number and who saved it last (Model.Version,
// Model.UpdatedBy). A form keeps the version it loaded; saving it again is
// refused when someone else has saved the record since, instead of quietly
// overwriting their work. On a single PC it guards two windows of the
// program; on a server, two PCs.

// ErrConflict is the kind of a ConflictError (errors.Is).
var ErrConflict = errors.New("记录已被别人修改")

// ConflictError says who saved the record in the meantime, and when.
type ConflictError struct {
	By string    // the other user
	At time.Time // when they saved it
}

func (e *ConflictError) Error() string {
	by := e.By
	if by == "" {
		by = "另一位用户"
	}
	return fmt.Sprintf("已被 %s 在 %s 修改：请重新载入后再改（或先对比两边的内容），刚才的修改没有保存",
		by, e.At.Local().Format("15:04"))
}

func (e *ConflictError) Unwrap() error { return ErrConflict }

// stamp marks m as the next version after current, saved by the
// transaction's user. Every write of a versioned record goes through it.
func (tx *Tx) stamp(m *Model, current int) {
	m.Version, m.UpdatedBy = current+1, tx.actor
}

// saveVersioned writes rec (whose Model is m) over the stored record
// (stored, read in this transaction) only if the stored record is still at
// the version the caller loaded; the check and the write are one UPDATE, so
// two PCs saving at the same moment cannot both win. Only the record's own
// row is written (its parts, such as a sitting's attendance, are the
// caller's), and its creation time stays.
func (tx *Tx) saveVersioned(rec any, m *Model, stored Model) error {
	if m.Version != stored.Version {
		return &ConflictError{By: stored.UpdatedBy, At: stored.UpdatedAt}
	}
	loaded := m.Version
	tx.stamp(m, loaded)
	m.CreatedAt = stored.CreatedAt
	// COALESCE: a row written before the column existed has NULL there
	// (AutoMigrate adds it without a default), which the form loaded as 0.
	res := tx.Model(rec).Where("COALESCE(version, 0) = ?", loaded).Select("*").Omit(clause.Associations).Updates(rec)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 { // saved by another PC between our read and write
		var now Model
		tx.Session(&gorm.Session{NewDB: true}).Model(rec).Select("updated_by", "updated_at").
			Where("id = ?", m.ID).Scan(&now)
		return &ConflictError{By: now.UpdatedBy, At: now.UpdatedAt}
	}
	return nil
}

// saveOver writes rec over the stored record whatever version the caller
// had: an import, where the sheet decides, not a form that may be stale. A
// save by another PC in the same instant still conflicts.
func (tx *Tx) saveOver(rec any, m *Model, stored Model) error {
	m.Version = stored.Version
	return tx.saveVersioned(rec, m, stored)
}

// model is the bookkeeping of any record embedding Model, for the shared
// save paths (records.go).
func (m *Model) model() *Model { return m }

// writeVersioned is write for the save of one versioned record m: when it
// fails (a conflict, a refusal) the transaction is rolled back and m keeps
// the version its form loaded, so saving again after a fix is not taken for
// a stale copy.
func (s *Store) writeVersioned(m *Model, fn func(tx *Tx) error) error {
	version, by := m.Version, m.UpdatedBy
	err := s.write(fn)
	if err != nil {
		m.Version, m.UpdatedBy = version, by
	}
	return err
}
