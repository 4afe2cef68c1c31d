package yearwork

import (
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
)

func day(s string) civil.Date {
	d, err := civil.ParseISO(s)
	if err != nil {
		panic(err)
	}
	return d
}

func ptr(id uint) *uint { return &id }

// branch has members 1..n (党员1 …); 党员1 is 书记, 党员2 组织委员.
func branch(n int) *Data {
	d := &Data{Branch: data.Branch{Name: "测试党支部", Secretary: "党员1", OrganizationMember: "党员2"}, Coverage: data.DefaultTalkCoverage}
	for i := 1; i <= n; i++ {
		d.People = append(d.People, data.Person{Model: data.Model{ID: uint(i)}, Name: "党员" + string(rune('0'+i)),
			Stage: data.StageFull, Roll: data.RollActive, Standing: data.StandingNormal,
			JoinDate: day("2010-07-01"), FullDate: day("2011-07-01"), Post: "数学教师"})
	}
	return d
}

func (d *Data) course(id uint, start, category, organizer string, hours float64, who ...string) {
	d.Courses = append(d.Courses, data.TrainingCourse{Model: data.Model{ID: id}, Name: "课程", Category: category,
		Organizer: organizer, Start: day(start), Hours: hours})
	for _, w := range who {
		a := data.TrainingAttendance{CourseID: id, Name: w}
		for i := range d.People {
			if d.People[i].Name == w {
				a.PersonID = ptr(d.People[i].ID)
			}
		}
		if strings.HasPrefix(w, "-") { // half the hours
			a.Name, a.Hours = w[1:], hours/2
		}
		d.Attendance = append(d.Attendance, a)
	}
}

func progressOf(d *Data, group string) TargetProgress {
	for _, p := range TrainingProgress(d, 2026, day("2026-12-04")) {
		if p.Target.Group == group {
			return p
		}
	}
	panic(group)
}

func TestTrainingTargets(t *testing.T) {
	d := branch(3)
	d.People[2].Post = "道德与法治教师"
	d.Roster = []data.TrainingRoster{{Year: 2026, Name: "陈思远", Role: data.RoleTeacher}, {Year: 2025, Name: "旧名单", Role: data.RoleTeacher}}
	d.course(1, "2026-07-10", data.TrainingTeacher, "上级党组织", 16, "党员3", "陈思远")
	d.course(2, "2026-10-10", data.TrainingTopic, "上级党组织", 8, "党员3", "-陈思远")
	d.course(3, "2026-11-10", "网络学习", "线上", 40, "陈思远", "党员1", "党员2", "党员3")
	d.course(4, "2026-03-10", data.TrainingRotation, "上级党组织", 8, "党员1")
	d.course(5, "2025-03-10", data.TrainingRotation, "上级党组织", 8, "党员2") // last year's
	teachers := progressOf(d, GroupTeachers)
	if teachers.Met != 1 || len(teachers.Trainees) != 2 {
		t.Fatalf("teachers %+v", teachers)
	}
	for _, tr := range teachers.Trainees {
		if tr.Name == "陈思远" && tr.Hours != 20 { // 16 + half of 8; online does not count
			t.Errorf("陈思远 %g hours", tr.Hours)
		}
	}
	workers := progressOf(d, GroupWorkers)
	if workers.Met != 1 || len(workers.Trainees) != 2 || workers.Short()[0].Name != "党员2" {
		t.Errorf("rotation %+v", workers)
	}
	// Online courses count for members: 党员3 64, 党员1 48, 党员2 40.
	if members := progressOf(d, GroupMembers); members.Met != 3 {
		t.Errorf("members %+v", members)
	}
	for i := range d.Attendance { // 党员2 attended half of the online course
		if a := &d.Attendance[i]; a.CourseID == 3 && a.Name == "党员2" {
			a.Hours = 20
		}
	}
	if members := progressOf(d, GroupMembers); members.Met != 2 || members.Short()[0].Name != "党员2" {
		t.Errorf("党员2 has 20 学时: %+v", members)
	}
}

func TestTalkMatrixAndFindings(t *testing.T) {
	d := branch(4)
	d.Talks = []data.Talk{
		{Date: day("2026-03-01"), Talker: "党员1", Subject: "党员2"},
		{Date: day("2026-03-02"), Talker: "党员3", Subject: "党员1"}, // either direction covers the pair
		{Date: day("2026-03-02"), Talker: "党员1", Subject: "党员4"},
		{Date: day("2025-03-02"), Talker: "党员2", Subject: "党员3"}, // last year's
	}
	m := Talks(d, 2026, day("2026-12-04"))
	// Required: 1–2 (committee pair), 1–3, 1–4, 2–3, 2–4 = 5; covered 3.
	if m.Required != 5 || m.Covered != 3 || m.Percent() != 60 {
		t.Errorf("matrix %d/%d", m.Covered, m.Required)
	}
	if got := m.Missing("党员2", d.Coverage); strings.Join(got, ",") != "党员3,党员4" {
		t.Errorf("missing %v", got)
	}
	var talks []rules.Finding
	for _, f := range Findings(d, day("2026-12-04")) {
		if f.Rule == RuleTalks {
			talks = append(talks, f)
		}
	}
	if len(talks) != 1 || talks[0].Person != "党员2" {
		t.Errorf("talk findings %v", talks)
	}
	if f := Findings(d, day("2026-06-04")); len(f) != 0 {
		t.Errorf("no year-end reminders in June: %v", f)
	}
}

func TestProblemOpenUntilVerified(t *testing.T) {
	d := branch(2)
	d.Problems = []data.Problem{
		{Year: 2026, Problem: "甲", Source: "自查", Owner: "党员1", Deadline: day("2026-06-30"), Result: "已整改"},
		{Year: 2026, Problem: "乙", Source: "自查", Owner: "党员1", Deadline: day("2026-06-30"), Result: "已整改", VerifiedOn: day("2026-07-01")},
		{Year: 2026, Problem: "丙", Source: "自查", Owner: "党员1", Deadline: day("2026-12-31")},
	}
	d.Tasks = []data.DutyTask{{Year: 2026, Task: "无主任务", Status: data.TaskOpen}}
	var got []string
	for _, f := range Findings(d, day("2026-07-15")) {
		got = append(got, f.Rule+":"+string(f.Severity))
	}
	want := RuleRectification + ":reminder," + RuleTaskOwner + ":error"
	if strings.Join(got, ",") != want && strings.Join(got, ",") != RuleTaskOwner+":error,"+RuleRectification+":reminder" {
		t.Errorf("findings %v, want %s", got, want)
	}
}

func TestGoals(t *testing.T) {
	d := branch(3)
	d.Tasks = []data.DutyTask{{Year: 2026, Task: "甲", Division: "书记", Owner: "党员1", Status: data.TaskDone},
		{Year: 2026, Task: "乙", Status: data.TaskOpen}}
	d.Problems = []data.Problem{{Year: 2026, Problem: "丙"}}
	goals := Goals(d, nil, 2026, day("2026-12-04"))
	bySeed := map[string]Goal{}
	for _, g := range goals {
		bySeed[g.Seed] = g
	}
	if g := bySeed["R10"]; g.Done || !strings.Contains(g.Text, "1 项缺分工或责任人") {
		t.Errorf("R10 %+v", g)
	}
	if g := bySeed["R11"]; g.Text != "4/6 项已建立" {
		t.Errorf("R11 %+v", g)
	}
	if g := bySeed["R15"]; g.Text != "谈心谈话覆盖 0%（0/3 对）" {
		t.Errorf("R15 %+v", g)
	}
}
