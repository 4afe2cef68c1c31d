package demo

import (
	"fmt"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/holidays"
	"partyoffice/data/rules"
)

// The 发展党员 pipeline of the demo branch: applicants, activists and 发展对象
// at different points, and the full records of the four 预备党员 of the
// member table. Every record goes through Store.SaveDevStep, so the people
// move along exactly as they would for a user, and the dates are relative to
// today so the 工作台 always shows the same picture: one 谈话 due, one
// overdue, an activist about to complete a year, a 发展对象 determined a
// month too early (D4), a 支部大会 awaiting approval, a 预备期 over without
// the 转正 meeting and one ending soon.

// devCandidate is a person on the way in, as an office would describe them.
type devCandidate struct {
	name, gender, ethnicity string
	born                    int
	origin, education       string
	post, title             string
	youngTeacher            bool
	// mentors are the 培养联系人, later the 入党介绍人 (细则第十四条: normally
	// the 培养联系人), by name in the member table.
	mentors []string
	records []devRecord
	planned bool // in this year's 发展党员计划
}

// devRecord is one step record, dated a number of days before today.
type devRecord struct {
	step    int
	daysAgo int
	// publicity or training period, in days ago (start, end); zero for none
	from, to int
	hours    int
	result   string
	kind     string
	source   string
}

// organisationTalker is the 组织员 of the superior 党工委 who talks with the
// 发展对象 before approval (step 16): not a member of this branch.
const organisationTalker = "金凤区教育党工委组织员马琳"

// pathBefore is the usual record of a 发展对象 admitted by the 支部大会 held
// meetingDaysAgo, up to step last: about two years from the application, a
// year and a month as an activist, the 公示 over seven calendar days (begun
// earlier when holidays leave fewer than five working days: fiveWorkingDaysTo),
// the 预审 within a month of the meeting.
func pathBefore(meetingDaysAgo, last int) []devRecord {
	m := meetingDaysAgo
	all := []devRecord{
		{step: 1, daysAgo: m + 720},
		{step: 2, daysAgo: m + 705},
		{step: 3, daysAgo: m + 520, source: data.SourceLeague},
		{step: 4, daysAgo: m + 515},
		{step: 5, daysAgo: m + 515},
		{step: 6, daysAgo: m + 340, kind: data.KindAssessment},
		{step: 6, daysAgo: m + 250, kind: data.KindReport},
		{step: 6, daysAgo: m + 160, kind: data.KindAssessment},
		{step: 7, daysAgo: m + 130, from: m + 142, to: m + 136},
		{step: 8, daysAgo: m + 125, result: data.ResultAgree},
		{step: 9, daysAgo: m + 120},
		{step: 10, daysAgo: m + 90, result: data.ResultPass},
		{step: 11, daysAgo: m + 73, from: m + 75, to: m + 73, hours: 24, result: data.ResultCompleted},
		{step: 12, daysAgo: m + 50, result: data.ResultAgree},
		{step: 13, daysAgo: m + 25, result: data.ResultPass},
		{step: 14, daysAgo: m + 15},
		{step: 15, daysAgo: m},
		{step: 16, daysAgo: m - 20},
		{step: 17, daysAgo: m - 45, result: data.ResultAgree},
		{step: 18, daysAgo: m - 55},
		{step: 19, daysAgo: m - 60},
		{step: 20, daysAgo: m - 65},
		{step: 21, daysAgo: m - 180, kind: data.KindAssessment},
		{step: 21, daysAgo: m - 300, kind: data.KindReport},
		{step: 22, daysAgo: m - 345},
	}
	var out []devRecord
	for _, r := range all {
		if r.step <= last && r.daysAgo >= 0 { // a later date has not happened yet
			out = append(out, r)
		}
	}
	return out
}

// pipeline are the people being developed, each at a different point.
var pipeline = []devCandidate{
	{name: "陈思远", gender: "男", ethnicity: "汉族", born: 1999, origin: "宁夏银川", education: "大学本科",
		post: "体育教师", title: "二级教师",
		records: []devRecord{{step: 1, daysAgo: 20}}}, // 谈话 due within days
	{name: "林雨桐", gender: "女", ethnicity: "汉族", born: 1997, origin: "宁夏贺兰", education: "大学本科",
		post: "语文教师", title: "二级教师",
		records: []devRecord{{step: 1, daysAgo: 50}}}, // 谈话 overdue (D2)
	{name: "徐嘉怡", gender: "女", ethnicity: "回族", born: 1996, origin: "宁夏吴忠", education: "研究生",
		post: "英语教师", title: "二级教师",
		records: []devRecord{{step: 1, daysAgo: 200}, {step: 2, daysAgo: 190}}},
	{name: "郭子轩", gender: "男", ethnicity: "汉族", born: 1995, origin: "甘肃天水", education: "大学本科",
		post: "数学教师", title: "一级教师", mentors: []string{"赵建军", "郑海燕"},
		records: []devRecord{{step: 1, daysAgo: 540}, {step: 2, daysAgo: 528},
			{step: 3, daysAgo: 330, source: data.SourceLeague}, {step: 4, daysAgo: 325}, {step: 5, daysAgo: 325},
			{step: 6, daysAgo: 150, kind: data.KindAssessment}, {step: 6, daysAgo: 60, kind: data.KindReport}}},
	{name: "朱婉清", gender: "女", ethnicity: "汉族", born: 1998, origin: "宁夏永宁", education: "大学本科",
		post: "音乐教师", title: "二级教师", youngTeacher: true, mentors: []string{"黄欣怡", "何雅琴"},
		records: []devRecord{{step: 1, daysAgo: 400}, {step: 2, daysAgo: 385},
			{step: 3, daysAgo: 160, source: data.SourceMembers}, {step: 4, daysAgo: 155}, {step: 5, daysAgo: 155}}},
	// Made a 发展对象 eleven months after becoming an activist: D4 reports it.
	{name: "谢文韬", gender: "男", ethnicity: "汉族", born: 1994, origin: "陕西榆林", education: "大学本科",
		post: "科学教师", title: "一级教师", mentors: []string{"梁晓东", "唐振华"}, planned: true,
		records: []devRecord{{step: 1, daysAgo: 640}, {step: 2, daysAgo: 625},
			{step: 3, daysAgo: 420, source: data.SourceMembers}, {step: 4, daysAgo: 415}, {step: 5, daysAgo: 415},
			{step: 6, daysAgo: 240, kind: data.KindAssessment}, {step: 7, daysAgo: 90, from: 102, to: 96},
			{step: 8, daysAgo: 85, result: data.ResultAgree}, {step: 9, daysAgo: 80},
			{step: 6, daysAgo: 60, kind: data.KindAssessment}}},
	// Admitted by the 支部大会 forty days ago, awaiting the 上级党委's approval.
	{name: "叶楚涵", gender: "女", ethnicity: "汉族", born: 1997, origin: "宁夏银川", education: "研究生",
		post: "道德与法治教师", title: "二级教师", youngTeacher: true, mentors: []string{"孙晓燕", "冯秀兰"},
		planned: true, records: pathBefore(40, data.StepSuperiorTalk)},
}

// fillPipeline runs after the members and their status changes, since
// mentors must be eligible on the dates of the records.
func (f *filler) fillPipeline() error {
	d := newDetails(f.rng)
	for _, p := range f.people { // keep ID and phone numbers unique across the branch
		d.used[p.IDNumber], d.used[p.Mobile] = true, true
	}
	for _, c := range pipeline {
		if err := f.developCandidate(c, d); err != nil {
			return fmt.Errorf("%s：%w", c.name, err)
		}
	}
	for _, m := range probationers {
		if err := f.recordProbationer(m); err != nil {
			return fmt.Errorf("%s：%w", m.name, err)
		}
	}
	return f.fillPlan()
}

func (f *filler) developCandidate(c devCandidate, d *details) error {
	p, err := f.candidateFrom(c, d)
	if err != nil {
		return err
	}
	if err := f.store.NewApplicant(p, f.daysAgo(c.records[0].daysAgo)); err != nil {
		return err
	}
	f.people[p.Name] = p
	mentors, err := f.mentorsFor(p, c.mentors, c.records)
	if err != nil {
		return err
	}
	return f.record(p, c.records[1:], mentors)
}

func (f *filler) candidateFrom(c devCandidate, d *details) (*data.Person, error) {
	code, ok := areaCodes[c.origin]
	if !ok {
		return nil, fmt.Errorf("示例数据中的籍贯“%s”没有对应的地址码", c.origin)
	}
	birth := d.dayIn(c.born)
	id, err := d.idNumber(code, birth, c.gender == "男")
	if err != nil {
		return nil, err
	}
	return &data.Person{
		Name: c.name, Gender: c.gender, Ethnicity: c.ethnicity, IDNumber: id, BirthDate: birth,
		Education: c.education, BranchName: branchName, Post: c.post, Title: c.title, NativePlace: c.origin,
		Mobile: d.mobile(), Address: d.address(), YoungTeacher: c.youngTeacher,
		WorkStart: workStart(member{born: c.born, education: c.education}),
	}, nil
}

// recordProbationer records the path of a 预备党员 of the member table up to
// today, with the 支部大会 on their 入党日期 and their 入党介绍人 as mentors.
func (f *filler) recordProbationer(m member) error {
	p, err := f.person(m.name)
	if err != nil {
		return err
	}
	records := pathBefore(m.joinedDaysAgo, data.StepTransferApply)
	mentors, err := f.mentorsFor(p, strings.Split(p.Introducers, "、"), records)
	if err != nil {
		return err
	}
	return f.record(p, records, mentors)
}

// record saves the records in order, in one transaction, and refreshes the
// person afterwards.
func (f *filler) record(p *data.Person, records []devRecord, mentors []*data.Person) error {
	steps := make([]data.DevStep, len(records))
	for i, r := range records {
		st, err := f.stepFrom(p, r, mentors)
		if err != nil {
			return err
		}
		steps[i] = *st
	}
	if err := f.store.SaveDevSteps(steps); err != nil {
		return err
	}
	updated, err := f.store.Person(p.ID)
	if err != nil {
		return err
	}
	*p = updated
	return nil
}

func (f *filler) stepFrom(p *data.Person, r devRecord, mentors []*data.Person) (*data.DevStep, error) {
	date := f.daysAgo(r.daysAgo)
	st := &data.DevStep{PersonID: p.ID, Step: r.step, Date: date, Hours: r.hours, Result: r.result,
		Kind: r.kind, Source: r.source}
	if r.from > 0 {
		st.Start, st.End = f.daysAgo(r.from), f.daysAgo(r.to)
	}
	if r.step == data.StepCandidate && r.from > 0 {
		st.Start = fiveWorkingDaysTo(st.Start, st.End)
	}
	switch r.step {
	case data.StepTalk:
		talker, err := f.person(f.branch.OrganizationMember)
		if err != nil {
			return nil, err
		}
		st.People = []data.DevStepPerson{{Role: data.RoleTalker, PersonID: &talker.ID, Name: talker.Name}}
	case data.StepContacts:
		st.People = roles(data.RoleContact, mentors)
	case data.StepIntroducers:
		st.People = roles(data.RoleIntroducer, mentors)
	case data.StepSuperiorTalk:
		st.People = []data.DevStepPerson{{Role: data.RoleTalker, Name: organisationTalker}}
	case data.StepPledge:
		st.Number = fmt.Sprintf("%d%06d", date.Year, p.ID)
	case data.StepBranchMeeting:
		v, err := f.voteOn(date)
		if err != nil {
			return nil, err
		}
		st.Vote = v
		st.Note = "无记名投票"
	}
	return st, nil
}

func roles(r data.Role, people []*data.Person) []data.DevStepPerson {
	out := make([]data.DevStepPerson, len(people))
	for i, p := range people {
		out[i] = data.DevStepPerson{Role: r, PersonID: &p.ID, Name: p.Name}
	}
	return out
}

// voteOn is a plausible vote of the branch on the date: two voters absent,
// one of whom sent a written opinion in favour, one abstention.
func (f *filler) voteOn(date civil.Date) (data.Vote, error) {
	voters, err := f.store.EligibleIntroducers(date) // 有表决权: 正式党员, not under 留党察看
	if err != nil {
		return data.Vote{}, err
	}
	n := len(voters)
	return data.Vote{Expected: n, Present: n - 2, For: n - 3, Abstain: 1, WrittenFor: 1}, nil
}

// mentorsFor picks two mentors eligible on every date they serve (steps 5
// and 9, and the 支部大会): the preferred names when they can, else members
// of the table in order, the person's 党小组 first.
func (f *filler) mentorsFor(p *data.Person, preferred []string, records []devRecord) ([]*data.Person, error) {
	eligible, err := f.eligibleOnAll(records)
	if err != nil || eligible == nil {
		return nil, err // nil: no record needs mentors yet
	}
	var names []string
	names = append(names, preferred...)
	for _, m := range members {
		if q := f.people[m.name]; q != nil && sameGroup(p, q) {
			names = append(names, m.name)
		}
	}
	for _, m := range members {
		names = append(names, m.name)
	}
	var out []*data.Person
	for _, name := range names {
		q := f.people[name]
		if q == nil || q.ID == p.ID || !eligible[q.ID] || q.Lost || q.Floating || contains(out, q) {
			continue
		}
		if out = append(out, q); len(out) == 2 {
			return out, nil
		}
	}
	return nil, fmt.Errorf("示例数据中找不到两名合适的培养联系人和入党介绍人")
}

// eligibleOnAll is the set of people who may be mentors on the dates of the
// steps 5, 9 and 15 among the records.
func (f *filler) eligibleOnAll(records []devRecord) (map[uint]bool, error) {
	var set map[uint]bool
	for _, r := range records {
		if r.step != data.StepContacts && r.step != data.StepIntroducers && r.step != data.StepBranchMeeting {
			continue
		}
		people, err := f.store.EligibleIntroducers(f.daysAgo(r.daysAgo))
		if err != nil {
			return nil, err
		}
		next := map[uint]bool{}
		for _, q := range people {
			if set == nil || set[q.ID] {
				next[q.ID] = true
			}
		}
		set = next
	}
	return set, nil
}

func contains(people []*data.Person, p *data.Person) bool {
	for _, q := range people {
		if q.ID == p.ID {
			return true
		}
	}
	return false
}

// fillPlan puts the planned candidates in this year's 发展党员计划, planned
// for the coming months.
func (f *filler) fillPlan() error {
	month := min(f.today.Month+1, 12)
	for _, c := range pipeline {
		if !c.planned {
			continue
		}
		p, err := f.person(c.name)
		if err != nil {
			return err
		}
		plan := &data.DevPlan{Year: f.today.Year, PersonID: p.ID, Stage: data.StageProbationer,
			Planned: civil.Date{Year: f.today.Year, Month: month}}
		if c.youngTeacher {
			plan.Note = "优秀青年教师"
		}
		if err := f.store.SaveDevPlan(plan); err != nil {
			return err
		}
	}
	return nil
}

// fiveWorkingDaysTo moves a 公示's start back until the period to end holds
// five working days by the official holiday table (a 公示 over 春节 or 国庆
// starts earlier), so the demo's records keep D5.
func fiveWorkingDaysTo(start, end civil.Date) civil.Date {
	cal := holidays.Official()
	for {
		if n, _ := rules.WorkingDays(cal, start, end); n >= 5 {
			return start
		}
		start = start.AddDays(-1)
	}
}
