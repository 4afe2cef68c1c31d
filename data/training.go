package data

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"partyoffice/data/civil"
)

// Training and 轮训 (domain.md §9 R7, R8; 党员教育管理工作条例第二十条): a
// course (TrainingCourse) and who attended it (TrainingAttendance, one row
// per person and course, a member of the register or a name written in for
// a 思政课教师 who is not one), and who the yearly targets apply to beyond
// what the register says (TrainingRoster). Certificates are attachments of
// the attendance row (AddRecordAttachment). Hours per person against the
// targets are worked out in package data/yearwork.

// Training organisers and categories offered in the forms.
var (
	TrainingOrganizers = []string{"上级党组织", "本支部", "线上"}
	TrainingCategories = []string{TrainingRotation, TrainingTopic, TrainingTeacher, "网络学习", "入党积极分子培训", "发展对象培训", "其他"}
)

// The categories the targets name.
const (
	TrainingRotation = "集中轮训"
	TrainingTopic    = "专题培训"
	TrainingTeacher  = "思政课教师培训"
)

// TrainingCourse is one course or session.
type TrainingCourse struct {
	Model
	Name       string
	Organizer  string // TrainingOrganizers
	Category   string // TrainingCategories
	Start, End civil.Date
	Hours      float64 // 学时 of the whole course
	Note       string
}

// TrainingAttendance is one person at one course. Hours 0 means the whole
// course; fewer when the person missed part of it.
type TrainingAttendance struct {
	Model
	CourseID uint  `gorm:"index"`
	PersonID *uint `gorm:"index"`
	Name     string
	Hours    float64
	Passed   bool // 结业/取得证书
	Note     string
}

// Roster roles: who the training targets apply to besides the register.
const (
	RoleTeacher   = "思政课教师"
	RoleSecretary = "党组织书记"
	RoleWorker    = "党务工作者"
	RoleAdviser   = "党建指导员"
)

// RosterRoles are offered in the roster form.
var RosterRoles = []string{RoleTeacher, RoleSecretary, RoleWorker, RoleAdviser}

// TrainingRoster names a person in a role for a year: the 思政课教师 (party
// members or not) and the 党务工作者 and 党建指导员 the 轮训 target covers.
// The 书记 and the 支委 come from the branch information without a roster row.
type TrainingRoster struct {
	Model
	Year     int `gorm:"index"`
	PersonID *uint
	Name     string
	Role     string
	Note     string
}

const maxHours = 500 // 学时 of one course; a year's training is far less

func (c *TrainingCourse) recordID() uint { return c.ID }
func (c *TrainingCourse) entity() string { return "培训课程" }
func (c *TrainingCourse) summary() string {
	return fmt.Sprintf("%s %s（%s，%g学时）", c.Start, c.Name, c.Category, c.Hours)
}

func (c *TrainingCourse) tidy(*Tx) error {
	c.Name, c.Organizer, c.Category, c.Note = CleanText(c.Name), CleanText(c.Organizer), CleanText(c.Category), CleanLines(c.Note)
	if c.End.IsZero() {
		c.End = c.Start
	}
	switch {
	case c.Start.IsZero():
		return errors.New("请填写培训开始日期")
	case c.End.Before(c.Start):
		return fmt.Errorf("培训结束日期 %s 早于开始日期 %s", c.End, c.Start)
	case c.Category == "":
		return errors.New("请选择培训类别")
	}
	if err := checkHours("学时", c.Hours, false); err != nil {
		return err
	}
	if err := requireText("培训名称", c.Name, shortText); err != nil {
		return err
	}
	return limitText("备注", c.Note, longText)
}

func checkHours(field string, h float64, zeroOK bool) error {
	if math.IsNaN(h) || h < 0 || h > maxHours || (!zeroOK && h == 0) {
		return fmt.Errorf("%s应在 0 到 %d 之间", field, maxHours)
	}
	if h*2 != math.Round(h*2) {
		return fmt.Errorf("%s以半学时计，例如 1.5", field)
	}
	return nil
}

func (a *TrainingAttendance) recordID() uint { return a.ID }
func (a *TrainingAttendance) entity() string { return "培训参加人员" }
func (a *TrainingAttendance) summary() string {
	return fmt.Sprintf("%s 参加培训（课程 %d）", a.Name, a.CourseID)
}

func (a *TrainingAttendance) tidy(tx *Tx) error {
	if err := tx.resolveNames(personRef{&a.PersonID, &a.Name, "参训人员"}); err != nil {
		return err
	}
	a.Note = CleanLines(a.Note)
	var c TrainingCourse
	if err := tx.First(&c, a.CourseID).Error; err != nil {
		return errors.New("找不到这次培训，它可能已被删除")
	}
	if err := requireText("参训人员姓名", a.Name, shortText); err != nil {
		return err
	}
	if a.Hours > c.Hours {
		return fmt.Errorf("%s的学时 %g 超过了这次培训的 %g 学时", a.Name, a.Hours, c.Hours)
	}
	var dup int64
	q := tx.Model(&TrainingAttendance{}).Where("course_id = ? AND id <> ?", a.CourseID, a.ID)
	if a.PersonID != nil {
		q = q.Where("person_id = ?", *a.PersonID)
	} else {
		q = q.Where("person_id IS NULL AND name = ?", a.Name)
	}
	if err := q.Count(&dup).Error; err != nil {
		return err
	}
	if dup > 0 {
		return fmt.Errorf("%s已经登记为这次培训的参训人员", a.Name)
	}
	return checkHours("学时", a.Hours, true)
}

// HoursOf is the person's 学时 of the course.
func (a *TrainingAttendance) HoursOf(c *TrainingCourse) float64 {
	if a.Hours == 0 {
		return c.Hours
	}
	return a.Hours
}

func (r *TrainingRoster) recordID() uint  { return r.ID }
func (r *TrainingRoster) entity() string  { return "培训对象名单" }
func (r *TrainingRoster) summary() string { return fmt.Sprintf("%d年 %s %s", r.Year, r.Role, r.Name) }

func (r *TrainingRoster) tidy(tx *Tx) error {
	if err := tx.resolveNames(personRef{&r.PersonID, &r.Name, "人员"}); err != nil {
		return err
	}
	r.Note = CleanLines(r.Note)
	if err := checkYear(r.Year); err != nil {
		return err
	}
	if !oneOf(r.Role, RosterRoles...) {
		return fmt.Errorf("身份应为%s", strings.Join(RosterRoles, "、"))
	}
	return requireText("姓名", r.Name, shortText)
}

// TrainingEntry is one attendance row with its course, as a 培训台账 sheet
// holds them.
type TrainingEntry struct {
	Course     TrainingCourse
	Attendance TrainingAttendance
}

// SaveTrainingEntries saves 培训台账 rows in one transaction: a course is
// found by name and start date (created once for its first row), then each
// row's attendance is added to it.
func SaveTrainingEntries(s *Store, rows []TrainingEntry) error {
	return s.write(func(tx *Tx) error {
		for i := range rows {
			c := rows[i].Course
			var found TrainingCourse
			err := tx.Where("name = ? AND start = ?", CleanText(c.Name), c.Start).Limit(1).Find(&found).Error
			if err != nil {
				return err
			}
			if found.ID == 0 {
				if err := saveRecord[TrainingCourse](tx, &c, (*Tx).saveOver); err != nil {
					return fmt.Errorf("第%d条：%w", i+1, err)
				}
				found = c
			}
			a := rows[i].Attendance
			a.CourseID = found.ID
			if err := saveRecord[TrainingAttendance](tx, &a, (*Tx).saveOver); err != nil {
				return fmt.Errorf("第%d条：%w", i+1, err)
			}
		}
		return nil
	})
}
