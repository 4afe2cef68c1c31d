package data

import (
	"strings"
	"testing"

	"partyoffice/data/civil"
)

// devBranch is a store with a branch (default version 2026.05) and members
// who may introduce: two long-standing 正式党员, a 预备党员, and one put under
// 留党察看 from 2024-03-01 to 2025-03-01.
type devBranch struct {
	s                         *Store
	wang, li, bai, zhou, zhao *Person
}

func newDevBranch(t *testing.T) *devBranch {
	t.Helper()
	s := openTemp(t)
	if err := s.SaveBranch(Branch{Name: "第五小学党支部", RuleVersion: RuleVersion2026}); err != nil {
		t.Fatal(err)
	}
	b := &devBranch{s: s, wang: member("王志刚", ""), li: member("李慧敏", ""), zhou: member("周文博", ""),
		zhao: member("赵建军", ""),
		bai:  &Person{Name: "白浩然", Stage: StageProbationer, JoinDate: d("2026-03-01")}}
	for _, p := range []*Person{b.wang, b.li, b.bai, b.zhou, b.zhao} {
		if err := s.CreatePerson(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AddStatusEvent(b.zhou.ID, StatusEvent{Kind: EventDiscipline, Date: d("2024-03-01"), EndDate: d("2025-03-01")}); err != nil {
		t.Fatal(err)
	}
	return b
}

func (b *devBranch) save(t *testing.T, st DevStep) DevStep {
	t.Helper()
	if err := b.s.SaveDevStep(&st); err != nil {
		t.Fatalf("step %d: %v", st.Step, err)
	}
	return st
}

func (b *devBranch) person(t *testing.T, id uint) Person {
	t.Helper()
	p, err := b.s.Person(id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func (b *devBranch) applicant(t *testing.T, name, applied string) *Person {
	t.Helper()
	p := &Person{Name: name, BirthDate: d("1998-05-04"), Gender: "女"}
	if err := b.s.NewApplicant(p, d(applied)); err != nil {
		t.Fatal(err)
	}
	return p
}

func devRef(p *Person, r Role) DevStepPerson {
	return DevStepPerson{Role: r, PersonID: &p.ID, Name: p.Name}
}

// admit records steps 2–17 for p (applied 2023-01-05), admitted by the
// 支部大会 of 2024-05-10.
func (b *devBranch) admit(t *testing.T, p *Person) {
	t.Helper()
	talker := []DevStepPerson{{Role: RoleTalker, Name: "张静"}}
	for _, st := range []DevStep{
		{Step: 2, Date: d("2023-01-20"), People: talker},
		{Step: 3, Date: d("2023-07-10"), Source: SourceLeague},
		{Step: 5, Date: d("2023-07-15"), People: []DevStepPerson{devRef(b.wang, RoleContact)}},
		{Step: 6, Date: d("2024-01-10"), Kind: KindAssessment},
		{Step: 7, Date: d("2024-02-20"), Start: d("2024-02-08"), End: d("2024-02-15")},
		{Step: 9, Date: d("2024-03-01"), People: []DevStepPerson{devRef(b.wang, RoleIntroducer), devRef(b.li, RoleIntroducer)}},
		{Step: 13, Date: d("2024-04-20"), Result: ResultPass},
		{Step: 15, Date: d("2024-05-10"), Vote: Vote{Expected: 10, Present: 8, For: 7, Against: 1, WrittenFor: 1}},
		{Step: 17, Date: d("2024-07-01"), Result: ResultAgree},
	} {
		st.PersonID = p.ID
		b.save(t, st)
	}
}

func TestSavingStepsAdvancesTheStage(t *testing.T) {
	b := newDevBranch(t)
	p := b.applicant(t, "林雨桐", "2023-01-05")
	if p.Stage != StageApplicant || p.Roll != RollActive || p.RuleVersion != RuleVersion2014 {
		t.Fatalf("new applicant: stage %s, roll %s, version %s (applied 2023: 2014)", p.Stage, p.Roll, p.RuleVersion)
	}
	want := map[int]Stage{2: StageApplicant, 3: StageActivist, 6: StageActivist, 7: StageCandidate,
		15: StageCandidate, 17: StageProbationer}
	talker := []DevStepPerson{{Role: RoleTalker, Name: "张静"}}
	for _, st := range []DevStep{
		{Step: 2, Date: d("2023-01-20"), People: talker},
		{Step: 3, Date: d("2023-07-10"), Source: SourceLeague},
		{Step: 6, Date: d("2024-01-10"), Kind: KindAssessment},
		{Step: 7, Date: d("2024-07-20"), Start: d("2024-07-08"), End: d("2024-07-12")},
		{Step: 9, Date: d("2024-08-01"), People: []DevStepPerson{devRef(b.wang, RoleIntroducer), devRef(b.li, RoleIntroducer)}},
		{Step: 15, Date: d("2024-10-10"), Vote: Vote{Expected: 10, Present: 8, For: 7, Against: 1}},
		{Step: 17, Date: d("2024-12-01"), Result: ResultAgree},
	} {
		st.PersonID = p.ID
		b.save(t, st)
		got := b.person(t, p.ID)
		if w, ok := want[st.Step]; ok && got.Stage != w {
			t.Fatalf("after step %d: stage %s, want %s", st.Step, got.Stage, w)
		}
	}
	got := b.person(t, p.ID)
	if !got.JoinDate.Equal(d("2024-10-10")) || got.Introducers != "王志刚、李慧敏" {
		t.Errorf("预备党员: 入党日期 %s (want the 支部大会 2024-10-10), 介绍人 %q", got.JoinDate, got.Introducers)
	}

	// 转正 on 预备期满 (2025-10-10), not on the meeting or approval date.
	b.save(t, DevStep{PersonID: p.ID, Step: 23, Date: d("2025-10-15"), Result: DecisionConfirm,
		Vote: Vote{Expected: 11, Present: 9, For: 9}})
	if got := b.person(t, p.ID); got.Stage != StageProbationer {
		t.Fatalf("the meeting alone changes nothing: %s", got.Stage)
	}
	approval := b.save(t, DevStep{PersonID: p.ID, Step: 24, Date: d("2025-12-01"), Result: ResultAgree})
	got = b.person(t, p.ID)
	if got.Stage != StageFull || !got.FullDate.Equal(d("2025-10-10")) || !got.InRegister() {
		t.Fatalf("转正: stage %s, 转正日期 %s, want 正式党员 on 2025-10-10", got.Stage, got.FullDate)
	}
	events, _ := b.s.StatusEvents(p.ID)
	if len(events) != 1 || events[0].Kind != EventConfirm || !events[0].Date.Equal(d("2025-10-10")) {
		t.Errorf("转正 history: %+v", events)
	}
	// Editing the approval's note applies nothing twice.
	approval.Note = "党委会议纪要第12号"
	b.save(t, approval)
	if events, _ := b.s.StatusEvents(p.ID); len(events) != 1 {
		t.Errorf("editing a note added events: %+v", events)
	}
}

func TestNewApplicantVersionFollowsTheDate(t *testing.T) {
	b := newDevBranch(t)
	if p := b.applicant(t, "陈思远", "2026-06-01"); p.RuleVersion != RuleVersion2026 {
		t.Errorf("applied after 2026-05-18: %s", p.RuleVersion)
	}
	p := &Person{Name: "郭子轩", RuleVersion: RuleVersion2014}
	if err := b.s.NewApplicant(p, d("2026-06-01")); err != nil || p.RuleVersion != RuleVersion2014 {
		t.Errorf("a chosen version is kept: %v %s", err, p.RuleVersion)
	}
	if err := b.s.NewApplicant(&Person{Name: "某"}, civil.Date{}); err == nil {
		t.Error("an applicant without the date of the application")
	}
	if err := b.s.NewApplicant(&Person{Name: "某", RuleVersion: "2019"}, d("2026-06-01")); err == nil {
		t.Error("an unknown rule version")
	}
}

func TestIneligibleIntroducerIsRefused(t *testing.T) {
	b := newDevBranch(t)
	p := b.applicant(t, "谢文韬", "2023-01-05")
	cases := []struct {
		name   string
		second *Person
		date   string
		frag   string
	}{
		{"a 预备党员", b.bai, "2026-04-01", "白浩然是预备党员"},
		{"under 留党察看", b.zhou, "2024-09-01", "留党察看期（2024-03-01 至 2025-03-01）"},
		{"oneself", p, "2024-09-01", "不能担任自己的入党介绍人"},
	}
	for _, c := range cases {
		st := DevStep{PersonID: p.ID, Step: 9, Date: d(c.date),
			People: []DevStepPerson{devRef(b.wang, RoleIntroducer), devRef(c.second, RoleIntroducer)}}
		err := b.s.SaveDevStep(&st)
		if err == nil || !strings.Contains(err.Error(), c.frag) || !strings.Contains(err.Error(), "入党介绍人") {
			t.Errorf("%s: %v, want a refusal containing %q", c.name, err, c.frag)
		}
	}
	if steps, _ := b.s.DevSteps(p.ID); len(steps) != 1 {
		t.Fatalf("a refused record was stored: %d records", len(steps))
	}
	// The same member is fine once the 留党察看 is over.
	b.save(t, DevStep{PersonID: p.ID, Step: 9, Date: d("2025-03-02"),
		People: []DevStepPerson{devRef(b.wang, RoleIntroducer), devRef(b.zhou, RoleIntroducer)}})

	eligible, err := b.s.EligibleIntroducers(d("2024-09-01"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range eligible {
		names = append(names, e.Name)
	}
	if got := strings.Join(names, "、"); got != "王志刚、李慧敏、赵建军" {
		t.Errorf("eligible on 2024-09-01: %s", got)
	}
	if contacts, _ := b.s.EligibleContacts(d("2025-06-01")); len(contacts) != 4 {
		t.Errorf("eligible contacts on 2025-06-01: %d, want 4", len(contacts))
	}
}

func TestStepStructureIsEnforced(t *testing.T) {
	b := newDevBranch(t)
	p := b.applicant(t, "朱婉清", "2025-01-05")
	for _, c := range []struct {
		st   DevStep
		frag string
	}{
		{DevStep{Step: 1, Date: d("2025-02-01")}, "已有第1步“递交入党申请书”的记录（2025-01-05）"},
		{DevStep{Step: 17, Date: d("2025-02-01"), Result: ResultAgree}, "请先登记第15步"},
		{DevStep{Step: 24, Date: d("2025-02-01"), Result: ResultAgree}, "请先登记第23步"},
		{DevStep{Step: 3, Date: d("2025-02-01")}, "推荐方式"},
		{DevStep{Step: 2, Date: civil.Today().AddDays(1), People: []DevStepPerson{{Role: RoleTalker, Name: "张静"}}}, "在今天之后"},
	} {
		c.st.PersonID = p.ID
		if err := b.s.SaveDevStep(&c.st); err == nil || !strings.Contains(err.Error(), c.frag) {
			t.Errorf("step %d: %v, want %q", c.st.Step, err, c.frag)
		}
	}
	if err := b.s.SaveDevStep(&DevStep{PersonID: 999, Step: 1, Date: d("2025-01-01")}); err == nil {
		t.Error("a record for nobody")
	}
}

func TestUpdateReplacesPeople(t *testing.T) {
	b := newDevBranch(t)
	p := b.applicant(t, "徐嘉怡", "2025-01-05")
	st := b.save(t, DevStep{PersonID: p.ID, Step: 3, Date: d("2025-07-10"), Source: SourceMembers})
	contacts := b.save(t, DevStep{PersonID: p.ID, Step: 5, Date: d("2025-07-15"),
		People: []DevStepPerson{devRef(b.wang, RoleContact), devRef(b.li, RoleContact)}})
	contacts.People = []DevStepPerson{devRef(b.zhao, RoleContact)}
	contacts.Date = d("2025-07-16")
	b.save(t, contacts)
	steps, err := b.s.DevSteps(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(steps) != 3 || steps[2].Step != 5 || len(steps[2].People) != 1 || steps[2].People[0].Name != "赵建军" ||
		!steps[2].Date.Equal(d("2025-07-16")) || steps[2].CreatedAt.IsZero() {
		t.Errorf("after the update: %+v", steps)
	}
	st.PersonID = b.wang.ID
	if err := b.s.SaveDevStep(&st); err == nil {
		t.Error("a record moved to another person")
	}
}

func TestExtensionAndCancellation(t *testing.T) {
	b := newDevBranch(t)
	p := b.applicant(t, "叶楚涵", "2023-01-05")
	b.admit(t, p)
	// 预备期 2024-05-10 … 2025-05-10; an extension must end 2025-11-10 … 2026-05-10.
	tooShort := DevStep{PersonID: p.ID, Step: 23, Date: d("2025-05-12"), Result: DecisionExtend, ExtendTo: d("2025-10-01"),
		Vote: Vote{Expected: 10, Present: 9, For: 9}}
	if err := b.s.SaveDevStep(&tooShort); err == nil || !strings.Contains(err.Error(), "2025-11-10 到 2026-05-10") {
		t.Fatalf("an extension of under six months: %v", err)
	}
	ext := tooShort
	ext.ExtendTo = d("2025-11-10")
	b.save(t, ext)
	b.save(t, DevStep{PersonID: p.ID, Step: 24, Date: d("2025-06-01"), Result: ResultAgree})
	got := b.person(t, p.ID)
	if got.Stage != StageProbationer || !got.ExtendedTo.Equal(d("2025-11-10")) {
		t.Fatalf("extended: %s until %s", got.Stage, got.ExtendedTo)
	}
	again := DevStep{PersonID: p.ID, Step: 23, Date: d("2025-11-11"), Result: DecisionExtend, ExtendTo: d("2026-05-10")}
	if err := b.s.SaveDevStep(&again); err == nil || !strings.Contains(err.Error(), "只能延长一次") {
		t.Fatalf("a second extension: %v", err)
	}
	b.save(t, DevStep{PersonID: p.ID, Step: 23, Date: d("2025-11-12"), Result: DecisionCancel, Vote: Vote{Expected: 10, Present: 9, For: 8}})
	b.save(t, DevStep{PersonID: p.ID, Step: 24, Date: d("2025-12-01"), Result: ResultAgree})
	got = b.person(t, p.ID)
	if got.Roll != RollCancelled || !got.RollDate.Equal(d("2025-12-01")) || got.InRegister() {
		t.Fatalf("取消预备党员资格: roll %s on %s", got.Roll, got.RollDate)
	}
	events, _ := b.s.StatusEvents(p.ID)
	if len(events) != 2 || events[0].Kind != EventExtend || events[1].Kind != EventCancel {
		t.Errorf("history: %+v", events)
	}
	third := DevStep{PersonID: p.ID, Step: 22, Date: d("2025-12-02")}
	if err := b.s.SaveDevStep(&third); err == nil || !strings.Contains(err.Error(), "取消预备资格") {
		t.Errorf("a new record after the cancellation: %v", err)
	}
}

func TestTransferAfterExtension(t *testing.T) {
	b := newDevBranch(t)
	p := b.applicant(t, "宋雨", "2023-01-05")
	b.admit(t, p)
	b.save(t, DevStep{PersonID: p.ID, Step: 23, Date: d("2025-05-12"), Result: DecisionExtend, ExtendTo: d("2025-11-10"),
		Vote: Vote{Expected: 10, Present: 9, For: 9}})
	b.save(t, DevStep{PersonID: p.ID, Step: 24, Date: d("2025-06-01"), Result: ResultAgree})
	b.save(t, DevStep{PersonID: p.ID, Step: 23, Date: d("2025-11-12"), Result: DecisionConfirm, Vote: Vote{Expected: 10, Present: 9, For: 9}})
	b.save(t, DevStep{PersonID: p.ID, Step: 24, Date: d("2025-12-01"), Result: ResultAgree})
	if got := b.person(t, p.ID); got.Stage != StageFull || !got.FullDate.Equal(d("2025-11-10")) {
		t.Errorf("转正 after the extension: %s on %s, want 2025-11-10", got.Stage, got.FullDate)
	}
}

func TestDeleteStepsBackButKeepsMembership(t *testing.T) {
	b := newDevBranch(t)
	p := b.applicant(t, "郭子轩", "2023-01-05")
	b.save(t, DevStep{PersonID: p.ID, Step: 3, Date: d("2023-07-10"), Source: SourceLeague})
	candidate := b.save(t, DevStep{PersonID: p.ID, Step: 7, Date: d("2024-07-20")})
	if err := b.s.DeleteDevStep(candidate.ID); err != nil {
		t.Fatal(err)
	}
	if got := b.person(t, p.ID); got.Stage != StageActivist {
		t.Errorf("deleting 确定发展对象: stage %s, want 入党积极分子", got.Stage)
	}

	q := b.applicant(t, "叶楚涵", "2023-01-05")
	b.admit(t, q)
	steps, _ := b.s.DevSteps(q.ID)
	approval := steps[len(steps)-1]
	if err := b.s.DeleteDevStep(approval.ID); err != nil {
		t.Fatal(err)
	}
	if got := b.person(t, q.ID); got.Stage != StageProbationer {
		t.Errorf("deleting the approval undid membership: %s", got.Stage)
	}
	if err := b.s.DeleteDevStep(approval.ID); err == nil {
		t.Error("deleting twice")
	}
}

func TestStopAndResumeDevelopment(t *testing.T) {
	b := newDevBranch(t)
	p := b.applicant(t, "徐嘉怡", "2025-01-05")
	if err := b.s.StopDevelopment(p.ID, d("2025-06-01"), ""); err == nil {
		t.Error("停止培养 without a reason")
	}
	if err := b.s.StopDevelopment(p.ID, d("2025-06-01"), "调离本校"); err != nil {
		t.Fatal(err)
	}
	got := b.person(t, p.ID)
	if got.Roll != RollStopped || !got.RollDate.Equal(d("2025-06-01")) {
		t.Fatalf("stopped: %s %s", got.Roll, got.RollDate)
	}
	st := DevStep{PersonID: p.ID, Step: 2, Date: d("2025-06-02"), People: []DevStepPerson{{Role: RoleTalker, Name: "张静"}}}
	if err := b.s.SaveDevStep(&st); err == nil || !strings.Contains(err.Error(), "恢复培养") {
		t.Errorf("a record while stopped: %v", err)
	}
	if err := b.s.ResumeDevelopment(p.ID, d("2025-09-01"), "调回本校"); err != nil {
		t.Fatal(err)
	}
	if got := b.person(t, p.ID); got.Roll != RollActive || !got.RollDate.IsZero() || got.Stage != StageApplicant {
		t.Errorf("resumed: %+v", got)
	}
	events, _ := b.s.StatusEvents(p.ID)
	if len(events) != 2 || events[0].Kind != EventStopDevelopment || events[0].Note != "调离本校" {
		t.Errorf("history: %+v", events)
	}
	if err := b.s.StopDevelopment(b.wang.ID, d("2025-06-01"), "x"); err == nil || !strings.Contains(err.Error(), "状态变更") {
		t.Errorf("停止培养 of a member: %v", err)
	}
	if err := b.s.ResumeDevelopment(p.ID, d("2025-09-01"), ""); err == nil {
		t.Error("resuming someone not stopped")
	}
}

func TestDevelopmentHistoryIsAudited(t *testing.T) {
	b := newDevBranch(t)
	p := b.applicant(t, "叶楚涵", "2023-01-05")
	b.admit(t, p)
	steps, _ := b.s.DevSteps(p.ID)
	if err := b.s.DeleteDevStep(steps[0].ID); err != nil {
		t.Fatal(err)
	}
	log, err := b.s.AuditLog(AuditFilter{Entity: entityDevStep})
	if err != nil {
		t.Fatal(err)
	}
	// Step 1 by NewApplicant, nine by admit, one deletion.
	if len(log) != 11 || log[0].Action != "删除" || !strings.Contains(log[len(log)-1].Summary, "叶楚涵：第1步“递交入党申请书”（2023-01-05）") {
		t.Fatalf("step audit: %d entries, newest %+v", len(log), log[0])
	}
	personLog, _ := b.s.AuditLog(AuditFilter{Entity: entityPerson, EntityID: p.ID})
	var stages []string
	for _, e := range personLog {
		if strings.Contains(e.Summary, "人员类别") {
			stages = append(stages, e.Summary)
		}
	}
	if len(stages) != 3 || !strings.Contains(stages[0], "由“发展对象”改为“预备党员”") || !strings.Contains(stages[0], "加入党组织日期为 2024-05-10") {
		t.Errorf("stage changes audited: %v", stages)
	}
	if !strings.Contains(log[1].After, `"Step":17`) || log[1].Before != "" {
		t.Errorf("the audit keeps the record: %s", log[1].After)
	}
}

func TestLoadDevData(t *testing.T) {
	b := newDevBranch(t)
	p := b.applicant(t, "叶楚涵", "2023-01-05")
	b.admit(t, p)
	q := b.applicant(t, "林雨桐", "2025-01-05")
	dd, err := b.s.LoadDevData()
	if err != nil {
		t.Fatal(err)
	}
	if len(dd.People) != 7 || len(dd.Steps[p.ID]) != 10 || len(dd.Steps[q.ID]) != 1 || len(dd.Events[b.zhou.ID]) != 1 ||
		dd.Branch.RuleVersion != RuleVersion2026 || dd.YoungTeacherTarget != DefaultYoungTeacherTarget {
		t.Fatalf("loaded %d people, steps %d/%d, events %d", len(dd.People), len(dd.Steps[p.ID]), len(dd.Steps[q.ID]), len(dd.Events[b.zhou.ID]))
	}
	var intro DevStep
	for _, st := range dd.Steps[p.ID] {
		if st.Step == StepIntroducers {
			intro = st
		}
	}
	if intro.Names(RoleIntroducer) != "王志刚、李慧敏" {
		t.Errorf("introducers loaded with the records: %+v", intro.People)
	}
	tl, err := b.s.DevTimeline(p.ID)
	if err != nil || !tl.ProbationEnd.Equal(d("2025-05-10")) || tl.Version != RuleVersion2014 {
		t.Errorf("timeline: %v, end %s, version %s", err, tl.ProbationEnd, tl.Version)
	}
}

func TestDevPlans(t *testing.T) {
	b := newDevBranch(t)
	p := b.applicant(t, "叶楚涵", "2023-01-05")
	plan := &DevPlan{Year: 2026, PersonID: p.ID, Planned: d("2026-06-15"), Note: " 拟6月发展 "}
	if err := b.s.SaveDevPlan(plan); err != nil {
		t.Fatal(err)
	}
	if plan.Planned.String() != "2026-06" || plan.Stage != StageProbationer || plan.Note != "拟6月发展" {
		t.Errorf("plan kept %s %s %q", plan.Planned, plan.Stage, plan.Note)
	}
	for _, bad := range []DevPlan{
		{Year: 2026, PersonID: p.ID},
		{Year: 26, PersonID: p.ID},
		{Year: 2026, PersonID: p.ID, Planned: d("2027-01")},
		{Year: 2027, PersonID: p.ID, Stage: StageFull},
		{Year: 2027},
	} {
		if err := b.s.SaveDevPlan(&bad); err == nil {
			t.Errorf("accepted %+v", bad)
		}
	}
	plan.Stage = StageCandidate
	if err := b.s.SaveDevPlan(plan); err != nil {
		t.Fatal(err)
	}
	plans, _ := b.s.DevPlans(2026)
	if len(plans) != 1 || plans[0].Stage != StageCandidate {
		t.Errorf("plans %+v", plans)
	}
	if err := b.s.DeleteDevPlan(plan.ID); err != nil {
		t.Fatal(err)
	}
	if plans, _ := b.s.DevPlans(2026); len(plans) != 0 {
		t.Errorf("deleted plan still listed")
	}
	if b.s.YoungTeacherTarget() != 1 {
		t.Error("default target 1")
	}
	if err := b.s.SetYoungTeacherTarget(2); err != nil || b.s.YoungTeacherTarget() != 2 {
		t.Errorf("target: %v", err)
	}
	if err := b.s.SetYoungTeacherTarget(-1); err == nil {
		t.Error("negative target")
	}
}
