package data

import (
	"errors"
	"fmt"

	"gorm.io/gorm"

	"partyoffice/data/civil"
)

const entityPerson = "人员"

// ErrNotFound is returned when a record does not exist (or is in the bin).
var ErrNotFound = errors.New("找不到这条记录，它可能已被删除")

// People returns every person not in the recycle bin, in ID order.
func (s *Store) People() ([]Person, error) {
	var out []Person
	err := s.db.Order("id").Find(&out).Error
	return out, err
}

// Person returns one person by ID.
func (s *Store) Person(id uint) (Person, error) {
	var p Person
	err := s.db.First(&p, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return p, ErrNotFound
	}
	return p, err
}

// PersonByIDNumber finds the live person with that 公民身份号码.
func (s *Store) PersonByIDNumber(number string) (Person, bool, error) {
	var p Person
	if number == "" {
		return p, false, nil
	}
	res := s.db.Where("id_number = ?", number).Limit(1).Find(&p)
	return p, res.RowsAffected > 0, res.Error
}

// CountPeople is the number of live people (used to refuse demo data).
func (s *Store) CountPeople() (int64, error) {
	var n int64
	err := s.db.Model(&Person{}).Count(&n).Error
	return n, err
}

// normalizeNew fills defaults a new person always has.
func normalizeNew(p *Person) {
	if p.Roll == "" {
		p.Roll = RollActive
	}
	if p.Standing == "" {
		p.Standing = StandingNormal
	}
	if p.Stage == "" {
		p.Stage = StageFull
	}
}

func (tx *Tx) checkUniqueID(p *Person) error {
	if p.IDNumber == "" {
		return nil
	}
	var other Person
	res := tx.Where("id_number = ? AND id <> ?", p.IDNumber, p.ID).Limit(1).Find(&other)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected > 0 {
		return fmt.Errorf("身份证号 %s 已属于“%s”，同一个人只能登记一次", p.IDNumber, other.Name)
	}
	return nil
}

// CreatePerson adds a person. Domain checks (Person.Check) are the caller's
// job so that a flawed history can still be recorded; the store refuses only
// what would break the data: no name, or an ID number used twice.
func (s *Store) CreatePerson(p *Person) error {
	return s.write(func(tx *Tx) error { return tx.CreatePerson(p) })
}

// CreatePerson inside a transaction.
func (tx *Tx) CreatePerson(p *Person) error {
	if p.Name == "" {
		return errors.New("姓名不能为空")
	}
	normalizeNew(p)
	if err := tx.checkUniqueID(p); err != nil {
		return err
	}
	if err := tx.Create(p).Error; err != nil {
		return err
	}
	return tx.Audit("新增", entityPerson, p.ID, "新增"+p.Name, nil, p)
}

// UpdatePerson saves every field of p, auditing before and after.
func (s *Store) UpdatePerson(p *Person) error {
	return s.writeVersioned(&p.Model, func(tx *Tx) error { return tx.UpdatePerson(p) })
}

// UpdatePerson inside a transaction.
func (tx *Tx) UpdatePerson(p *Person) error {
	if p.Name == "" {
		return errors.New("姓名不能为空")
	}
	var before Person
	if err := tx.First(&before, p.ID).Error; err != nil {
		return ErrNotFound
	}
	if err := tx.checkUniqueID(p); err != nil {
		return err
	}
	if err := tx.saveVersioned(p, &p.Model, before.Model); err != nil {
		return err
	}
	return tx.Audit("修改", entityPerson, p.ID, "修改"+p.Name, before, p)
}

// DeletePerson moves a person to the recycle bin.
func (s *Store) DeletePerson(id uint) error {
	return s.write(func(tx *Tx) error {
		var p Person
		if err := tx.First(&p, id).Error; err != nil {
			return ErrNotFound
		}
		if err := tx.Delete(&p).Error; err != nil {
			return err
		}
		return tx.Audit("删除", entityPerson, id, "删除"+p.Name+"（移入回收站）", p, nil)
	})
}

// DeletedPeople lists the recycle bin, most recently deleted first.
func (s *Store) DeletedPeople() ([]Person, error) {
	var out []Person
	err := s.db.Unscoped().Where("deleted_at IS NOT NULL").Order("deleted_at DESC").Find(&out).Error
	return out, err
}

// RestorePerson takes a person out of the recycle bin.
func (s *Store) RestorePerson(id uint) error {
	return s.write(func(tx *Tx) error {
		var p Person
		if err := tx.Unscoped().First(&p, id).Error; err != nil {
			return ErrNotFound
		}
		p.DeletedAt = gorm.DeletedAt{}
		if err := tx.checkUniqueID(&p); err != nil {
			return fmt.Errorf("无法恢复：%w", err)
		}
		if err := tx.Unscoped().Model(&p).Update("deleted_at", nil).Error; err != nil {
			return err
		}
		return tx.Audit("恢复", entityPerson, id, "从回收站恢复"+p.Name, nil, p)
	})
}

// PurgePerson deletes a person from the recycle bin for good, with the
// person's status history. The person's entries in the audit log keep who
// changed what kind of thing when, but lose every personal field (name, ID
// number, phone, address …): 彻底删除 means gone, from the log and from
// every later backup and 移交包 too.
func (s *Store) PurgePerson(id uint) error {
	return s.write(func(tx *Tx) error {
		var p Person
		if err := tx.Unscoped().Where("deleted_at IS NOT NULL").First(&p, id).Error; err != nil {
			return errors.New("只能彻底删除回收站里的记录")
		}
		if err := tx.Where("person_id = ?", id).Delete(&StatusEvent{}).Error; err != nil {
			return err
		}
		if err := tx.Unscoped().Delete(&p).Error; err != nil {
			return err
		}
		if err := tx.redactAudit(entityPerson, id); err != nil {
			return err
		}
		return tx.Audit("彻底删除", entityPerson, id, "彻底删除一条人员记录（其个人信息已从操作记录中抹去）", nil, nil)
	})
}

// AddStatusEvent validates and records a status change and applies it to the
// person, in one transaction.
func (s *Store) AddStatusEvent(personID uint, e StatusEvent) error {
	return s.write(func(tx *Tx) error { return tx.addStatusEvent(personID, e) })
}

// addStatusEvent is AddStatusEvent inside a transaction.
func (tx *Tx) addStatusEvent(personID uint, e StatusEvent) error {
	var p Person
	if err := tx.First(&p, personID).Error; err != nil {
		return ErrNotFound
	}
	if err := ValidateEvent(&p, &e, tx.today); err != nil {
		return err
	}
	before := p
	SpecFor(e.Kind).Apply(&p, &e)
	e.PersonID = p.ID
	if err := tx.Create(&e).Error; err != nil {
		return err
	}
	tx.stamp(&p.Model, before.Version) // a form opened before the change must not write the old status back
	if err := tx.Save(&p).Error; err != nil {
		return err
	}
	return tx.Audit("状态变更", entityPerson, p.ID,
		fmt.Sprintf("%s：%s（%s）", p.Name, e.Kind, e.Date), before, p)
}

// StatusEvents is a person's history, oldest first.
func (s *Store) StatusEvents(personID uint) ([]StatusEvent, error) {
	var out []StatusEvent
	err := s.db.Where("person_id = ?", personID).Order("date, id").Find(&out).Error
	return out, err
}

// RegisterAsOf rebuilds the 党员名册 as it stood on a past date from the
// people's dates: joined by then and not yet gone. Stage is as of that date.
func RegisterAsOf(people []Person, on civil.Date) []Person {
	var out []Person
	for _, p := range people {
		if !p.Stage.IsMember() {
			continue
		}
		if p.JoinDate.IsZero() || p.JoinDate.After(on) {
			continue
		}
		if p.Roll != RollActive && !p.RollDate.IsZero() && !p.RollDate.After(on) {
			continue
		}
		if p.Stage == StageFull && !p.FullDate.IsZero() && p.FullDate.After(on) {
			p.Stage = StageProbationer
		}
		out = append(out, p)
	}
	return out
}

// redactAudit empties the summaries and before/after states of the audit
// entries about one record, keeping when, who and what kind.
func (tx *Tx) redactAudit(entity string, id uint) error {
	return tx.Model(&AuditEntry{}).Where("entity = ? AND entity_id = ?", entity, id).
		Updates(map[string]any{"summary": gorm.Expr("action || '（记录已彻底删除，内容已抹去）'"), "before": "", "after": ""}).Error
}
