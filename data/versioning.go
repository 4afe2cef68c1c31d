package data

import (
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
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

// saveVersioned writes rec (whose Model is m) only if the stored record is
// still at the version the caller loaded; the check and the write are one
// UPDATE, so two PCs saving at the same moment cannot both win.
func (tx *Tx) saveVersioned(rec any, m *Model, stored Model) error {
	if m.Version != stored.Version {
		return &ConflictError{By: stored.UpdatedBy, At: stored.UpdatedAt}
	}
	loaded := m.Version
	tx.stamp(m, loaded)
	res := tx.Model(rec).Where("version = ?", loaded).Select("*").Updates(rec)
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
