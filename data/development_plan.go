package data

import (
	"errors"
	"fmt"
	"strconv"

	"partyoffice/data/civil"
)

const entityDevPlan = "发展党员计划"

// settingYoungTeacherTarget keeps the district's yearly target of 优秀青年教师
// developed into the party (docs/rules.md, local requirement R3: editable).
const settingYoungTeacherTarget = "发展党员.优秀青年教师年度目标"

// DefaultYoungTeacherTarget is R3: at least one a year.
const DefaultYoungTeacherTarget = 1

// DevPlans lists the 发展党员计划 of a year by planned month.
func (s *Store) DevPlans(year int) ([]DevPlan, error) {
	var out []DevPlan
	err := s.db.Where("year = ?", year).Order("planned, id").Find(&out).Error
	return out, err
}

// SaveDevPlan creates or updates a plan line. The 拟发展时间 keeps month
// precision (a plan names a month, not a day); one line per person and year.
func (s *Store) SaveDevPlan(plan *DevPlan) error {
	if err := checkPlan(plan, s.Today()); err != nil {
		return err
	}
	return s.writeVersioned(&plan.Model, func(tx *Tx) error {
		p, err := tx.livePerson(plan.PersonID)
		if err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&DevPlan{}).Where("year = ? AND person_id = ? AND id <> ?",
			plan.Year, plan.PersonID, plan.ID).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%d年的发展党员计划中已有%s，请修改那一行", plan.Year, p.Name)
		}
		action, before := "新增", any(nil)
		if plan.ID == 0 {
			err = tx.Create(plan).Error
		} else {
			var old DevPlan
			if err := tx.First(&old, plan.ID).Error; err != nil {
				return ErrNotFound
			}
			action, before = "修改", old
			err = tx.saveVersioned(plan, &plan.Model, old.Model)
		}
		if err != nil {
			return err
		}
		return tx.Audit(action, entityDevPlan, plan.ID,
			fmt.Sprintf("%d年发展党员计划：%s，拟 %s 发展为%s", plan.Year, p.Name, plan.Planned, plan.Stage), before, plan)
	})
}

func checkPlan(plan *DevPlan, today civil.Date) error {
	plan.Note = CleanText(plan.Note)
	if plan.Stage == "" {
		plan.Stage = StageProbationer
	}
	if !plan.Planned.IsZero() && plan.Planned.Precision() == civil.DayPrecision {
		plan.Planned.Day = 0
	}
	switch {
	case plan.Year < 2000 || plan.Year > 2100:
		return fmt.Errorf("计划年度“%d”不对，请填写四位年份，例如 %d", plan.Year, today.Year)
	case plan.PersonID == 0:
		return errors.New("请选择列入计划的人")
	case !plan.Planned.IsZero() && (!plan.Planned.Valid() || plan.Planned.Year != plan.Year):
		return fmt.Errorf("拟发展时间 %s 应在 %d 年内", plan.Planned, plan.Year)
	case !plannable(plan.Stage):
		return fmt.Errorf("计划发展到的阶段应为入党积极分子、发展对象或预备党员，现在是“%s”", plan.Stage)
	}
	return nil
}

func plannable(s Stage) bool {
	for _, p := range PlannableStages {
		if p == s {
			return true
		}
	}
	return false
}

// DeleteDevPlan moves a plan line to the recycle bin.
func (s *Store) DeleteDevPlan(id uint) error {
	return s.write(func(tx *Tx) error {
		var plan DevPlan
		if err := tx.First(&plan, id).Error; err != nil {
			return ErrNotFound
		}
		if err := tx.Delete(&plan).Error; err != nil {
			return err
		}
		return tx.Audit("删除", entityDevPlan, id, fmt.Sprintf("删除%d年发展党员计划的一行", plan.Year), plan, nil)
	})
}

// YoungTeacherTarget is how many 优秀青年教师 the branch should develop a
// year (R3); 0 turns the reminder off.
func (s *Store) YoungTeacherTarget() int {
	if n, err := strconv.Atoi(s.Setting(settingYoungTeacherTarget)); err == nil && n >= 0 {
		return n
	}
	return DefaultYoungTeacherTarget
}

// SetYoungTeacherTarget changes the yearly target.
func (s *Store) SetYoungTeacherTarget(n int) error {
	if n < 0 || n > 100 {
		return fmt.Errorf("优秀青年教师的年度目标应在0到100人之间，现在是%d", n)
	}
	return s.SetSetting(settingYoungTeacherTarget, strconv.Itoa(n))
}
