package yearwork

import (
	"fmt"
	"slices"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// TrainingTarget is a yearly training requirement, as data with its source.
type TrainingTarget struct {
	ID    string // rule ID of its check finding
	Seed  string // R7, R8 … of the district plan, "" for a national rule
	Group string // who it applies to
	Title string
	// Categories count toward it ("" = every category); online courses
	// count only when Online is set.
	Categories []string
	Online     bool
	MinHours   float64 // 0: attending one course of the categories is enough (轮训)
	Basis      string
}

// Rule IDs of the training targets.
const (
	RuleTeacherHours = "Y-TRAIN-TEACHER"
	RuleRotation     = "Y-TRAIN-ROTATION"
	RuleMemberHours  = "Y-TRAIN-MEMBER"
)

// Training target groups.
const (
	GroupTeachers = "思政课教师"
	GroupWorkers  = "党组织书记、党务工作者"
	GroupMembers  = "党员"
)

// TrainingTargets are the seed targets.
var TrainingTargets = []TrainingTarget{
	{ID: RuleTeacherHours, Seed: "R7", Group: GroupTeachers, Title: "思政课教师集中培训不少于24学时",
		Categories: []string{data.TrainingRotation, data.TrainingTopic, data.TrainingTeacher}, MinHours: 24,
		Basis: "金凤区教育党工委2022年党建工作要点"},
	{ID: RuleRotation, Seed: "R8", Group: GroupWorkers, Title: "党组织书记、党务工作者、党建指导员参加集中轮训（100%）",
		Categories: []string{data.TrainingRotation}, Basis: "金凤区教育党工委2022年党建工作要点"},
	{ID: RuleMemberHours, Group: GroupMembers, Title: "党员每年集中学习培训不少于32学时",
		Online: true, MinHours: 32, Basis: "《中国共产党党员教育管理工作条例》第二十条"},
}

// Trainee is one person a target applies to, with what they did.
type Trainee struct {
	PersonID *uint
	Name     string
	Hours    float64 // counted toward the target
	Courses  int
	Met      bool
}

// TargetProgress is one target's people for a year.
type TargetProgress struct {
	Target   TrainingTarget
	Trainees []Trainee
	Met      int
}

// TrainingProgress works out every target for the year, judged with the
// register as of on (or the year's end when that is earlier).
func TrainingProgress(d *Data, year int, on civil.Date) []TargetProgress {
	asOf := yearEnd(year, on)
	courses := map[uint]*data.TrainingCourse{}
	for i := range d.Courses {
		courses[d.Courses[i].ID] = &d.Courses[i]
	}
	out := make([]TargetProgress, len(TrainingTargets))
	for i, t := range TrainingTargets {
		p := TargetProgress{Target: t}
		for _, who := range d.targetGroup(t.Group, year, asOf) {
			tr := d.trainee(who, &t, year, courses)
			if tr.Met {
				p.Met++
			}
			p.Trainees = append(p.Trainees, tr)
		}
		out[i] = p
	}
	return out
}

func yearEnd(year int, on civil.Date) civil.Date {
	end := civil.New(year, 12, 31)
	if !on.IsZero() && on.Before(end) {
		return on
	}
	return end
}

// who is a person a target names: from the register or written in.
type who struct {
	id   *uint
	name string
}

// targetGroup lists the people of a group. 思政课教师: the roster's, and
// members whose post is 道德与法治 or 思政. 书记 and 党务工作者: the 书记 and
// 支委 of the branch information and the roster's 书记, 党务工作者 and
// 党建指导员. 党员: the register.
func (d *Data) targetGroup(group string, year int, asOf civil.Date) []who {
	var out []who
	add := func(id *uint, name string) {
		for _, w := range out {
			if (id != nil && w.id != nil && *id == *w.id) || w.name == name {
				return
			}
		}
		out = append(out, who{id, name})
	}
	members := data.RegisterAsOf(d.People, asOf)
	byName := map[string]*uint{}
	for i := range members {
		byName[members[i].Name] = &members[i].ID
	}
	switch group {
	case GroupMembers:
		for i := range members {
			add(&members[i].ID, members[i].Name)
		}
		return out
	case GroupTeachers:
		for i := range members {
			if strings.Contains(members[i].Post, "道德与法治") || strings.Contains(members[i].Post, "思政") {
				add(&members[i].ID, members[i].Name)
			}
		}
	case GroupWorkers:
		for _, n := range data.CommitteeNames(&d.Branch) {
			add(byName[n], n)
		}
	}
	for _, r := range d.Roster {
		if r.Year == year && rosterInGroup(r.Role, group) {
			add(r.PersonID, r.Name)
		}
	}
	return out
}

func rosterInGroup(role, group string) bool {
	if group == GroupTeachers {
		return role == data.RoleTeacher
	}
	return group == GroupWorkers && role != data.RoleTeacher
}

func (d *Data) trainee(w who, t *TrainingTarget, year int, courses map[uint]*data.TrainingCourse) Trainee {
	tr := Trainee{PersonID: w.id, Name: w.name}
	for i := range d.Attendance {
		a := &d.Attendance[i]
		c := courses[a.CourseID]
		if c == nil || c.Start.Year != year || !samePerson(a.PersonID, a.Name, w) || !t.counts(c) {
			continue
		}
		tr.Hours += a.HoursOf(c)
		tr.Courses++
	}
	if t.MinHours > 0 {
		tr.Met = tr.Hours >= t.MinHours
	} else {
		tr.Met = tr.Courses > 0
	}
	return tr
}

// counts reports whether a course counts toward the target.
func (t *TrainingTarget) counts(c *data.TrainingCourse) bool {
	if !t.Online && (c.Organizer == "线上" || c.Category == "网络学习") {
		return false
	}
	return len(t.Categories) == 0 || slices.Contains(t.Categories, c.Category)
}

func samePerson(id *uint, name string, w who) bool {
	if id != nil && w.id != nil {
		return *id == *w.id
	}
	return name == w.name
}

// Text is the card line: "思政课教师集中培训不少于24学时：3/5 人达到".
func (p *TargetProgress) Text() string {
	return fmt.Sprintf("%s：%d/%d 人达到", p.Target.Title, p.Met, len(p.Trainees))
}

// Short are the trainees who have not met the target.
func (p *TargetProgress) Short() []Trainee {
	var out []Trainee
	for _, t := range p.Trainees {
		if !t.Met {
			out = append(out, t)
		}
	}
	return out
}
