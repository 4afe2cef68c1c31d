package data

import (
	"errors"
	"fmt"

	"partyoffice/data/civil"
)

const entityClassLog = "思政课记录"

// ClassLogs lists the 思政课 records between two dates (both included; zero
// = open), oldest first.
func (s *Store) ClassLogs(from, to civil.Date) ([]ClassLog, error) {
	q := s.db.Model(&ClassLog{})
	if !from.IsZero() {
		q = q.Where("date >= ?", from.String())
	}
	if !to.IsZero() {
		q = q.Where("date <= ?", to.String())
	}
	var out []ClassLog
	err := q.Order("date, id").Find(&out).Error
	return out, err
}

// SaveClassLog creates (ID 0) or updates a 思政课 record. Who defaults to
// the branch's 书记 of the day.
func (s *Store) SaveClassLog(c *ClassLog) error {
	for _, f := range []*string{&c.Who, &c.Class, &c.Topic, &c.Teacher} {
		*f = CleanText(*f)
	}
	c.Note = cleanLines(c.Note)
	if err := c.Validate(s.Today()); err != nil {
		return err
	}
	return s.writeVersioned(&c.Model, func(tx *Tx) error {
		if c.Who == "" {
			var b Branch
			tx.Limit(1).Find(&b, 1)
			c.Who = CleanText(b.Secretary)
		}
		var before *ClassLog
		var err error
		if c.ID == 0 {
			err = tx.Create(c).Error
		} else {
			var old ClassLog
			if err := tx.First(&old, c.ID).Error; err != nil {
				return errors.New("找不到要修改的思政课记录，它可能已被删除")
			}
			before = &old
			err = tx.saveVersioned(c, &c.Model, old.Model)
		}
		if err != nil {
			return err
		}
		action := "新增"
		if before != nil {
			action = "修改"
		}
		return tx.Audit(action, entityClassLog, c.ID, fmt.Sprintf("%s %s《%s》%d课时", c.Date, c.Kind, c.Topic, c.Hours), before, c)
	})
}

// Validate says what a 思政课 record lacks.
func (c *ClassLog) Validate(today civil.Date) error {
	switch {
	case c.Date.Precision() != civil.DayPrecision || !c.Date.Valid():
		return errors.New("请填写上课的日期（年月日）")
	case c.Date.After(today):
		return fmt.Errorf("日期 %s 在今天之后：只登记已经上过的课", c.Date)
	case c.Kind != ClassListen && c.Kind != ClassTeach:
		return fmt.Errorf("请选择“%s”或“%s”", ClassListen, ClassTeach)
	case c.Topic == "":
		return errors.New("请填写课题")
	case c.Hours < 1 || c.Hours > 20:
		return fmt.Errorf("课时应为1到20之间的整数，现在是%d", c.Hours)
	}
	return nil
}

// DeleteClassLog moves a 思政课 record to the recycle bin.
func (s *Store) DeleteClassLog(id uint) error {
	return s.write(func(tx *Tx) error {
		var c ClassLog
		if err := tx.First(&c, id).Error; err != nil {
			return ErrNotFound
		}
		if err := tx.Delete(&c).Error; err != nil {
			return err
		}
		return tx.Audit("删除", entityClassLog, id, fmt.Sprintf("删除 %s %s《%s》（移入回收站）", c.Date, c.Kind, c.Topic), c, nil)
	})
}
