package demo

import (
	"slices"

	"fmt"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// The demo year's other registers: training with a 思政课教师 short of 24
// 学时 and a 支委 who missed the 轮训, 谈心谈话 with pairs not yet covered,
// a 工作责任清单 with an overdue task, last year's 组织生活会 problems with
// one 整改 past its 时限 and not verified, 民主评议 results, the ledgers and
// the small records. Dates count back from today.

// Non-member 思政课教师 on the training roster.
var outsideTeachers = []string{"陈思远", "李雪"}

type yearFiller struct {
	*filler
	members   []data.Person // the register today
	committee []string
}

func (f *filler) fillYearWork() error {
	people, err := f.store.People()
	if err != nil {
		return err
	}
	y := &yearFiller{filler: f, members: data.RegisterAsOf(people, f.today), committee: data.CommitteeNames(&f.branch)}
	steps := []func() error{y.training, y.talks, y.tasks, y.problems, y.ledgers, y.appraisal, y.smallRecords}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func (y *yearFiller) id(name string) *uint {
	for i := range y.members {
		if y.members[i].Name == name {
			return &y.members[i].ID
		}
	}
	return nil
}

// course is a course and who attended (names; a leading "-" marks half the hours).
type course struct {
	c       data.TrainingCourse
	daysAgo int
	who     []string
}

func (y *yearFiller) training() error {
	teacher := "宋佳" // 道德与法治教师, a member
	everyone := func(skip ...string) []string {
		var out []string
		for _, m := range y.members {
			if !slices.Contains(skip, m.Name) {
				out = append(out, m.Name)
			}
		}
		return out
	}
	courses := []course{
		{data.TrainingCourse{Name: "全区党组织书记和党务工作者集中轮训", Organizer: "上级党组织", Category: data.TrainingRotation, Hours: 16},
			250, []string{y.branch.Secretary, y.branch.DeputySecretary, y.branch.OrganizationMember, y.branch.PropagandaMember}},
		{data.TrainingCourse{Name: "思政课教师暑期集中培训", Organizer: "上级党组织", Category: data.TrainingTeacher, Hours: 16},
			140, []string{teacher, outsideTeachers[0], outsideTeachers[1]}},
		{data.TrainingCourse{Name: "大中小学思政课一体化建设专题培训", Organizer: "上级党组织", Category: data.TrainingTopic, Hours: 8},
			50, []string{teacher, outsideTeachers[0]}},
		{data.TrainingCourse{Name: "党的创新理论集中学习（第一期）", Organizer: "本支部", Category: data.TrainingTopic, Hours: 12},
			300, everyone()},
		{data.TrainingCourse{Name: "党的创新理论集中学习（第二期）", Organizer: "本支部", Category: data.TrainingTopic, Hours: 12},
			180, everyone(duesLate, "田小军")},
		{data.TrainingCourse{Name: "党员干部网络学院专题网课", Organizer: "线上", Category: "网络学习", Hours: 10},
			90, everyone("田小军", "白浩然", "丁雨萱")},
	}
	for _, co := range courses {
		co.c.Start = y.daysAgo(co.daysAgo)
		if co.c.Hours > 8 {
			co.c.End = co.c.Start.AddDays(1)
		}
		if err := data.SaveRecord(y.store, &co.c); err != nil {
			return err
		}
		rows := make([]data.TrainingAttendance, 0, len(co.who))
		for _, name := range co.who {
			rows = append(rows, data.TrainingAttendance{CourseID: co.c.ID, PersonID: y.id(name), Name: name, Passed: true})
		}
		if err := data.SaveRecords(y.store, rows); err != nil {
			return fmt.Errorf("%s：%w", co.c.Name, err)
		}
	}
	var roster []data.TrainingRoster
	for _, n := range outsideTeachers {
		roster = append(roster, data.TrainingRoster{Year: y.today.Year, Name: n, Role: data.RoleTeacher, Note: "思政课专任教师（非党员）"})
	}
	return data.SaveRecords(y.store, roster)
}

// talksMissing: how many members (from the end of the register) a 支委 has
// not yet talked with this year.
var talksMissing = map[string]int{postDiscipline: 8, postPropaganda: 3}

func (y *yearFiller) talks() error {
	var talks []data.Talk
	day := 0
	next := func() civil.Date {
		day = (day + 3) % 300
		return y.daysAgo(20 + day)
	}
	for i, a := range y.committee {
		for _, b := range y.committee[i+1:] {
			talks = append(talks, data.Talk{Date: next(), TalkerID: y.id(a), Talker: a, SubjectID: y.id(b), Subject: b,
				Kind: data.TalkCommittee, Content: "交流分工落实和班子团结情况，互相提醒改进作风"})
		}
	}
	skip := map[string]int{}
	for post, n := range talksMissing {
		if name, err := y.holderOf(post); err == nil {
			skip[name] = n
		}
	}
	for _, a := range y.committee {
		var others []data.Person
		for _, m := range y.members {
			if !slices.Contains(y.committee, m.Name) {
				others = append(others, m)
			}
		}
		others = others[:len(others)-skip[a]]
		for _, m := range others {
			talks = append(talks, data.Talk{Date: next(), TalkerID: y.id(a), Talker: a, SubjectID: y.id(m.Name), Subject: m.Name,
				Kind: data.TalkToMember, Content: "了解思想、工作和家庭情况，听取对支部工作的意见建议"})
		}
	}
	talks = append(talks, data.Talk{Date: y.daysAgo(10), TalkerID: y.id(y.branch.OrganizationMember), Talker: y.branch.OrganizationMember,
		SubjectID: y.id(duesLate), Subject: duesLate, Kind: data.TalkReminder,
		Content: "提醒按月交纳党费，了解近期未交原因", FollowUp: "本人表示月底前补交"})
	return data.SaveRecords(y.store, talks)
}

func (y *yearFiller) tasks() error {
	year := y.today.Year
	b := y.branch
	yearEnd := civil.New(year, 12, 31)
	tasks := []data.DutyTask{
		{Task: "落实全面从严治党主体责任，每季度研究党建工作", Division: "书记", Owner: b.Secretary, Deadline: yearEnd, Status: data.TaskDoing},
		{Task: "制定年度发展党员计划，做好优秀青年教师培养", Division: "组织委员", Owner: b.OrganizationMember, Deadline: civil.New(year, 3, 31), Status: data.TaskDone, Result: "已报党工委备案"},
		{Task: "按月收缴党费并公示", Division: "组织委员", Owner: b.OrganizationMember, Deadline: yearEnd, Status: data.TaskDoing},
		{Task: "组织党员集中学习培训，每人不少于32学时", Division: "宣传委员", Owner: b.PropagandaMember, Deadline: yearEnd, Status: data.TaskDoing},
		{Task: "意识形态阵地排查和校园网站、公众号审核", Division: "宣传委员", Owner: b.PropagandaMember, Deadline: y.daysAgo(30), Status: data.TaskDoing, Result: "公众号已审核，网站待整改"},
		{Task: "开展师德师风和廉洁从教警示教育", Division: "纪检委员", Owner: b.DisciplineMember, Deadline: civil.New(year, 6, 30), Status: data.TaskDone, Result: "5月开展警示教育大会"},
		{Task: "打造“红烛先锋”党建品牌，建成党员先锋岗", Division: "副书记", Owner: b.DeputySecretary, Deadline: yearEnd, Status: data.TaskDoing},
	}
	for i := range tasks {
		tasks[i].Year, tasks[i].OwnerID = year, y.id(tasks[i].Owner)
		if tasks[i].Deadline.After(y.today) && tasks[i].Status == data.TaskDone {
			tasks[i].Deadline = y.today
		}
	}
	if err := data.SaveRecords(y.store, tasks); err != nil {
		return err
	}
	r := data.SecretaryReview{Year: year - 1, Secretary: b.Secretary, Date: civil.New(year, 1, 15).AddDays(0),
		Reviewer: superior, Good: 28, Fair: 4, Average: 0, Poor: 0, Rating: "好", Problems: "党建与教学业务融合还不够紧密"}
	if r.Date.After(y.today) {
		r.Date = y.today
	}
	return data.SaveRecord(y.store, &r)
}

func (y *yearFiller) problems() error {
	last := y.today.Year - 1
	b := y.branch
	rows := []data.Problem{
		{Problem: "理论学习不够系统，学用结合不紧", Source: "组织生活会", Person: "班子", Measures: "制定年度学习计划，每月一次专题研讨",
			Owner: b.Secretary, Deadline: civil.New(last+1, 3, 31), Result: "学习计划已制定并执行", VerifiedOn: civil.New(last+1, 4, 10), VerifiedBy: superior},
		{Problem: "部分党员发挥先锋模范作用不明显", Source: "民主评议", Person: "班子", Measures: "设立党员先锋岗，开展亮身份活动",
			Owner: b.DeputySecretary, Deadline: civil.New(last+1, 6, 30), Result: "已设立3个先锋岗", VerifiedOn: civil.New(last+1, 7, 5), VerifiedBy: b.Secretary},
		{Problem: "党建工作台账记录不及时、不规范", Source: "上级检查", Person: "班子", Measures: "专人负责，每月核对一次台账",
			Owner: b.OrganizationMember, Deadline: y.daysAgo(40), Result: "已指定专人，按月整理"},
		{Problem: "联系服务群众不够主动", Source: "组织生活会", Person: duesLate, Measures: "每学期走访学生家庭不少于5户",
			Owner: duesLate, Deadline: civil.New(y.today.Year, 12, 31)},
	}
	for i := range rows {
		rows[i].Year = last
		rows[i].OwnerID, rows[i].PersonID = y.id(rows[i].Owner), y.id(rows[i].Person)
		if rows[i].VerifiedOn.After(y.today) {
			rows[i].VerifiedOn = y.today
		}
	}
	// The last 组织生活会's 查摆问题 are raised from its minutes.
	sittings, err := y.store.Meetings(data.MeetingFilter{Type: data.TypeLifeMeeting})
	if err != nil {
		return err
	}
	var raised []data.Problem
	if n := len(sittings); n > 0 {
		for _, i := range []int{0, 3} {
			raised = append(raised, rows[i])
		}
		rows = append(rows[1:3:3], rows[4:]...)
		if err := data.RaiseProblems(y.store, sittings[n-1].ID, raised); err != nil {
			return err
		}
	}
	return data.SaveRecords(y.store, rows)
}

func (y *yearFiller) ledgers() error {
	year := y.today.Year
	b := y.branch
	items := []data.WorkItem{
		{Item: "春季学期党建工作计划", Owner: b.Secretary, Start: y.daysAgo(320), Due: y.daysAgo(300), Progress: "已完成并上报", Status: data.TaskDone},
		{Item: "“七一”表彰和主题党日", Owner: b.OrganizationMember, Start: y.daysAgo(180), Due: y.daysAgo(150), Progress: "已完成", Status: data.TaskDone},
		{Item: "年度组织生活会和民主评议党员准备", Owner: b.OrganizationMember, Start: y.daysAgo(20), Due: civil.New(year, 12, 31).AddDays(20), Progress: "征求意见中", Status: data.TaskDoing},
	}
	for i := range items {
		items[i].Year, items[i].OwnerID = year, y.id(items[i].Owner)
	}
	if err := data.SaveRecords(y.store, items); err != nil {
		return err
	}
	better := []data.Improvement{
		{Item: "党费收缴", Before: "现金收缴，手工登记", After: "微信收缴，按月导出登记表并公示", Owner: b.OrganizationMember, Effect: "收缴及时，账目清楚"},
		{Item: "会议记录", Before: "纸质记录，查找困难", After: "会议记录电子化，出席情况从名册点选", Owner: b.OrganizationMember, Effect: "统计自动生成"},
	}
	for i := range better {
		better[i].Year, better[i].Date = year, y.daysAgo(200-60*i)
	}
	if err := data.SaveRecords(y.store, better); err != nil {
		return err
	}
	return data.SaveRecords(y.store, append([]data.NoticeTemplate(nil), data.DefaultNotices...))
}

// appraisal: last year's 民主评议, everyone 合格 or 优秀 by the 支部's decision.
func (y *yearFiller) appraisal() error {
	last := y.today.Year - 1
	decided := civil.New(last, 12, 28)
	voters := len(y.members) - 1
	var rows []data.AppraisalResult
	for i, m := range y.members {
		if !m.JoinDate.Before(decided) {
			continue // joined after last year's 评议
		}
		grade, excellent := data.GradeGood, 3+i%5
		if i%4 == 0 {
			grade, excellent = data.GradeExcellent, voters-2-i%3
		}
		v := data.Votes{Excellent: excellent, Good: voters - excellent}
		rows = append(rows, data.AppraisalResult{Year: last, PersonID: m.ID, SelfGrade: data.GradeGood, Peer: v, Poll: v,
			Grade: grade, DecidedOn: decided})
	}
	return data.SaveRecords(y.store, rows)
}

func (y *yearFiller) smallRecords() error {
	year := y.today.Year
	brand := data.BrandRecord{Year: year, Name: "红烛先锋", Meaning: "燃烧自己、照亮学生：以党建引领师德建设和课堂育人",
		Activities: "“党员示范课”每学期一轮；“红烛志愿服务队”每月进社区", Milestones: "本学年建成区级党建示范点"}
	if err := data.SaveRecord(y.store, &brand); err != nil {
		return err
	}
	var posts []data.VanguardPost
	for _, p := range []struct{ post, name string }{{"教学先锋岗", "孙晓燕"}, {"德育先锋岗", "韩梅"}, {"后勤服务先锋岗", "高国庆"}} {
		posts = append(posts, data.VanguardPost{Year: year, Post: p.post, PersonID: y.id(p.name), Name: p.name, Commitment: "亮身份、作表率、当先锋"})
	}
	if err := data.SaveRecords(y.store, posts); err != nil {
		return err
	}
	star := data.StarRating{Year: year - 1, Level: "四星级党支部", RatedOn: civil.New(year, 1, 20), RatedBy: superior}
	if star.RatedOn.After(y.today) {
		star.RatedOn = y.today
	}
	return data.SaveRecord(y.store, &star)
}
