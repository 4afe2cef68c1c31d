package data

import (
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// The year's small registers (党费 bases and payments, training, 谈心谈话,
// 工作责任清单, the 三帐二单 and the others of issue 14) are flat
// records: one row each, soft deleted, every write audited. They share one
// save/delete path here instead of a copy per register; each type says only
// how it is named in the audit log and how it is tidied and checked.

// record is what the shared save path needs from a register's row.
type record interface {
	recordID() uint
	// entity is the audit log's name for the register (党费缴纳记录 …).
	entity() string
	// summary is the audit line: one row a person can read.
	summary() string
	// tidy trims and checks the row before it is written; it may read the
	// store (names of people chosen from the register) through tx.
	tidy(tx *Tx) error
	// model is the row's Model (every register's type embeds it): its
	// version guards a form's save (versioning.go).
	model() *Model
}

// recordPtr is a pointer to a record type T.
type recordPtr[T any] interface {
	*T
	record
}

// SaveRecord creates (ID 0) or updates one row of a yearly register in one
// audited transaction. An update is refused with a ConflictError when the
// row was saved by someone else since r was loaded (r's Version).
func SaveRecord[T any, P recordPtr[T]](s *Store, r P) error {
	return s.writeVersioned(r.model(), func(tx *Tx) error { return saveRecord[T, P](tx, r, (*Tx).saveVersioned) })
}

// SaveRecords saves rows in one transaction, all or none: for imports and
// the demo data, whose rows replace the stored ones they update whatever
// version those are at (the sheet decides). A failing row is named by its
// position (1-based).
func SaveRecords[T any, P recordPtr[T]](s *Store, rows []T) error {
	return s.write(func(tx *Tx) error {
		for i := range rows {
			if err := saveRecord[T, P](tx, P(&rows[i]), (*Tx).saveOver); err != nil {
				return fmt.Errorf("第%d条：%w", i+1, err)
			}
		}
		return nil
	})
}

// saveRecord writes r, an update through update (saveVersioned for a form,
// saveOver for an import).
func saveRecord[T any, P recordPtr[T]](tx *Tx, r P, update func(tx *Tx, rec any, m *Model, stored Model) error) error {
	var before *T
	if id := r.recordID(); id != 0 {
		var old T
		if err := tx.First(&old, id).Error; err != nil {
			return fmt.Errorf("找不到要修改的%s，它可能已被删除", r.entity())
		}
		before = &old
	}
	if err := r.tidy(tx); err != nil {
		return err
	}
	action := "新增"
	var err error
	if before == nil {
		err = tx.Create(r).Error
	} else {
		action = "修改"
		err = update(tx, r, r.model(), *P(before).model())
	}
	if err != nil {
		return err
	}
	if err := tx.Audit(action, r.entity(), r.recordID(), r.summary(), before, r); err != nil {
		return err
	}
	if f, ok := any(r).(followsUp); ok {
		return f.afterSave(tx)
	}
	return nil
}

// followsUp is a record whose saving changes something else in the same
// transaction (a 民主评议 除名 is a status event of the person).
type followsUp interface {
	afterSave(tx *Tx) error
}

// DeleteRecord moves a row to the recycle bin.
func DeleteRecord[T any, P recordPtr[T]](s *Store, id uint) error {
	return s.write(func(tx *Tx) error {
		var old T
		p := P(&old)
		if err := tx.First(p, id).Error; err != nil {
			return fmt.Errorf("找不到要删除的%s，它可能已被删除", p.entity())
		}
		if err := tx.Delete(p).Error; err != nil {
			return err
		}
		return tx.Audit("删除", p.entity(), id, p.summary()+"（移入回收站）", p, nil)
	})
}

// RestoreRecord takes a row out of the recycle bin.
func RestoreRecord[T any, P recordPtr[T]](s *Store, id uint) error {
	return s.write(func(tx *Tx) error {
		var old T
		p := P(&old)
		if err := tx.Unscoped().Where("deleted_at IS NOT NULL").First(p, id).Error; err != nil {
			return fmt.Errorf("回收站里没有这条%s", p.entity())
		}
		if err := tx.Unscoped().Model(p).Update("deleted_at", nil).Error; err != nil {
			return err
		}
		return tx.Audit("恢复", p.entity(), id, "从回收站恢复 "+p.summary(), nil, p)
	})
}

// Records lists the rows of a register, in the order given ("date, id" …);
// where/args narrow it ("year = ?", 2026), or list everything when empty.
func Records[T any](s *Store, order string, where string, args ...any) ([]T, error) {
	return recordsFrom[T](s.db, order, where, args...)
}

func recordsFrom[T any](db *gorm.DB, order string, where string, args ...any) ([]T, error) {
	q := db
	if where != "" {
		q = q.Where(where, args...)
	}
	var out []T
	err := q.Order(order).Find(&out).Error
	return out, err
}

// personRef is a person named in a record: chosen from the register (ID set)
// or written as free text (a 思政课教师 who is not a party member).
type personRef struct {
	id   **uint
	name *string
	role string
}

// resolveNames fills the names of people chosen from the register, so the
// record keeps them whatever happens to the person later, and refuses an ID
// the register does not know. A free-text name is kept as written.
func (tx *Tx) resolveNames(refs ...personRef) error {
	for _, r := range refs {
		*r.name = strings.ReplaceAll(CleanText(*r.name), " ", "")
		if *r.id == nil || **r.id == 0 {
			*r.id = nil
			continue
		}
		var p Person
		if err := tx.Unscoped().First(&p, **r.id).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return fmt.Errorf("找不到所选的%s，可能已被删除；请重新选择", r.role)
			}
			return err
		}
		*r.name = p.Name
	}
	return nil
}

// requireText refuses an empty field and one longer than limit runes:
// inputs are bounded (a pasted document is not a 任务).
func requireText(field, value string, limit int) error {
	if value == "" {
		return fmt.Errorf("请填写%s", field)
	}
	return limitText(field, value, limit)
}

func limitText(field, value string, limit int) error {
	if n := len([]rune(value)); n > limit {
		return fmt.Errorf("%s太长（%d字），请控制在%d字以内", field, n, limit)
	}
	return nil
}

// Text limits of the yearly registers.
const (
	shortText = 100  // a name, a title, a 任务
	longText  = 4000 // 主要内容, 整改措施, 完成情况
)

// checkYear refuses a year outside what a branch's records can hold.
func checkYear(y int) error {
	if y < 1950 || y > 2100 {
		return fmt.Errorf("年度 %d 不对，请写四位数的年份，例如 2026", y)
	}
	return nil
}

// Saved is the record of type T with id as stored now (a register's row, a
// 思政课, a 党小组 …): what a form whose save was refused as stale
// (ConflictError) compares itself with, or shows instead.
func Saved[T any](s *Store, id uint) (T, error) {
	var r T
	err := s.db.First(&r, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		err = errors.New("这条记录已被删除")
	}
	return r, err
}
