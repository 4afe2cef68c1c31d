package data

import (
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// entityBranch is the 操作日志's name for the branch's own record (ID 1).
const entityBranch = "支部信息"

// Branch returns the branch information (empty Name before the first-run wizard).
func (s *Store) Branch() (Branch, error) {
	var b Branch
	err := s.db.Limit(1).Find(&b, 1).Error
	if b.RuleVersion == "" {
		b.RuleVersion = DefaultRuleVersion
	}
	return b, err
}

// SaveBranch stores the branch information. b.Version is the version the
// form loaded (Branch): a save over a branch someone else has saved since is
// refused with a ConflictError. A Branch the program builds from scratch
// (the first-run wizard, the demo: Version 0) is written over whatever is
// stored; every save counts from 1, so a branch read from the store is
// always checked.
func (s *Store) SaveBranch(b Branch) error {
	if b.Name == "" {
		return errors.New("请填写支部名称，例如“XX小学党支部”")
	}
	return s.write(func(tx *Tx) error {
		var before Branch
		found := tx.Limit(1).Find(&before, 1)
		if found.Error != nil {
			return found.Error
		}
		if err := tx.putBranch(&b, before, found.RowsAffected > 0); err != nil {
			return err
		}
		if err := defaultLocalOff(tx.DB, before); err != nil {
			return err
		}
		return tx.Audit("修改", entityBranch, 1, "保存支部信息："+b.Name, before, b)
	})
}

// putBranch writes b as the next version of before (stored tells whether
// there is one), with the check of saveVersioned: one conditional UPDATE.
func (tx *Tx) putBranch(b *Branch, before Branch, stored bool) error {
	loaded := b.Version
	if loaded == 0 { // built by the program, not loaded by a form
		loaded = before.Version
	}
	if loaded != before.Version {
		return &ConflictError{By: before.UpdatedBy, At: before.UpdatedAt}
	}
	b.ID, b.UpdatedAt, b.Version, b.UpdatedBy = 1, time.Now().UTC(), loaded+1, tx.actor
	if !stored {
		return tx.Create(b).Error
	}
	res := tx.Model(b).Where("COALESCE(version, 0) = ?", loaded).Select("*").Updates(b)
	if res.Error == nil && res.RowsAffected == 0 { // saved by another PC in between
		var now Branch
		tx.Session(&gorm.Session{NewDB: true}).Limit(1).Find(&now, 1)
		return &ConflictError{By: now.UpdatedBy, At: now.UpdatedAt}
	}
	return res.Error
}

// DefaultRuleVersion is the 发展党员工作细则 version for new records.
const DefaultRuleVersion = "2026.05"

// Groups lists the 党小组 by name.
func (s *Store) Groups() ([]PartyGroup, error) {
	var out []PartyGroup
	err := s.db.Order("name").Find(&out).Error
	return out, err
}

// SaveGroup creates or updates a 党小组; names must be unique.
func (s *Store) SaveGroup(g *PartyGroup) error {
	if g.Name == "" {
		return errors.New("请填写党小组名称")
	}
	return s.writeVersioned(&g.Model, func(tx *Tx) error {
		var n int64
		tx.Model(&PartyGroup{}).Where("name = ? AND id <> ?", g.Name, g.ID).Count(&n)
		if n > 0 {
			return fmt.Errorf("已经有名为“%s”的党小组", g.Name)
		}
		var before *PartyGroup
		var err error
		if g.ID == 0 {
			err = tx.Create(g).Error
		} else {
			var old PartyGroup
			if err := tx.First(&old, g.ID).Error; err != nil {
				return ErrNotFound
			}
			before = &old
			err = tx.saveVersioned(g, &g.Model, old.Model)
		}
		if err != nil {
			return err
		}
		action := "新增"
		if before != nil {
			action = "修改"
		}
		return tx.Audit(action, "党小组", g.ID, action+"党小组"+g.Name, before, g)
	})
}

// DeleteGroup removes a 党小组; its members keep their records, ungrouped.
func (s *Store) DeleteGroup(id uint) error {
	return s.write(func(tx *Tx) error {
		var g PartyGroup
		if err := tx.First(&g, id).Error; err != nil {
			return ErrNotFound
		}
		if err := tx.Model(&Person{}).Where("group_id = ?", id).Update("group_id", nil).Error; err != nil {
			return err
		}
		if err := tx.Delete(&g).Error; err != nil {
			return err
		}
		return tx.Audit("删除", "党小组", id, "删除党小组"+g.Name, g, nil)
	})
}

// Setting reads a stored preference ("" when unset).
func (s *Store) Setting(key string) string {
	var st Setting
	s.db.Limit(1).Find(&st, "key = ?", key)
	return st.Value
}

// SetSetting stores a preference, audited like any other change.
func (s *Store) SetSetting(key, value string) error {
	return s.write(func(tx *Tx) error {
		old := Setting{Key: key}
		tx.Limit(1).Find(&old, "key = ?", key)
		if err := put(tx.DB, &Setting{Key: key, Value: value}); err != nil {
			return err
		}
		return tx.Audit("修改", "设置", 0, "设置 "+settingName(key), old.Value, value)
	})
}

// settingNames are settings as the 操作日志 names them: their keys are
// internal words the user never sees elsewhere.
var settingNames = map[string]string{
	settingLocalRequirements: "区/市本地要求",
	SettingOperator:          "使用人",
	settingHolidays:          "节假日安排",
	settingMeetings:          "三会一课设置",
}

func settingName(key string) string {
	if name, ok := settingNames[key]; ok {
		return name
	}
	return key
}

// AuditFilter narrows the audit log.
type AuditFilter struct {
	From, To time.Time // zero = open
	Action   string
	Entity   string
	EntityID uint
	Limit    int
}

// AuditLog returns matching entries, newest first.
func (s *Store) AuditLog(f AuditFilter) ([]AuditEntry, error) {
	q := s.db.Model(&AuditEntry{})
	if !f.From.IsZero() {
		q = q.Where("at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		q = q.Where("at < ?", f.To.UTC())
	}
	if f.Action != "" {
		q = q.Where("action = ?", f.Action)
	}
	if f.Entity != "" {
		q = q.Where("entity = ?", f.Entity)
	}
	if f.EntityID != 0 {
		q = q.Where("entity_id = ?", f.EntityID)
	}
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	var out []AuditEntry
	err := q.Order("id DESC").Find(&out).Error
	return out, err
}
