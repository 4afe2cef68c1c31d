package data

import (
	"strings"
	"testing"

	"partyoffice/data/civil"
)

func devRec(step int, date string) DevStep { return DevStep{Step: step, Date: d(date)} }

func devAgreed(step int, date string) DevStep {
	st := devRec(step, date)
	st.Result = ResultAgree
	return st
}

func devDecided(date, decision, extendTo string) DevStep {
	st := devRec(StepTransferMeeting, date)
	st.Result = decision
	if extendTo != "" {
		st.ExtendTo = d(extendTo)
	}
	return st
}

func TestTimelineComputedDates(t *testing.T) {
	p := &Person{Name: "张三", Stage: StageProbationer, Roll: RollActive, RuleVersion: RuleVersion2014}
	steps := []DevStep{devRec(1, "2022-01-05"), devRec(3, "2022-07-05"), devRec(7, "2023-07-10"),
		devRec(StepBranchMeeting, "2024-02-29"), devAgreed(StepApproval, "2024-04-01")}
	tl := NewTimeline(p, steps)
	if !tl.ProbationEnd.Equal(d("2025-02-28")) {
		t.Errorf("D11: 2024-02-29 + 12 months = %s, want 2025-02-28", tl.ProbationEnd)
	}
	if tl.DuesFrom.String() != "2024-02" || tl.DuesFrom.Precision() != civil.MonthPrecision {
		t.Errorf("D15: dues from %s, want the month 2024-02", tl.DuesFrom)
	}
	if !tl.FullDate.IsZero() {
		t.Errorf("no 转正 yet, FullDate %s", tl.FullDate)
	}

	done := append(steps, devDecided("2025-03-10", DecisionConfirm, ""), devAgreed(StepTransferApproval, "2025-05-20"))
	tl = NewTimeline(p, done)
	if !tl.FullDate.Equal(d("2025-02-28")) || !tl.TransferApproval.Equal(d("2025-05-20")) {
		t.Errorf("D13: 转正 on 预备期满 2025-02-28 (not the approval), got %s", tl.FullDate)
	}

	ext := append(steps, devDecided("2025-03-01", DecisionExtend, "2025-09-30"), devAgreed(StepTransferApproval, "2025-03-20"),
		devDecided("2025-10-08", DecisionConfirm, ""), devAgreed(StepTransferApproval, "2025-11-01"))
	tl = NewTimeline(p, ext)
	if !tl.Extended() || !tl.ProbationEnd.Equal(d("2025-09-30")) || !tl.FullDate.Equal(d("2025-09-30")) {
		t.Errorf("extended: end %s, full %s, want 2025-09-30", tl.ProbationEnd, tl.FullDate)
	}
	if len(tl.Transfers) != 2 || !tl.TransferMeeting.Equal(d("2025-10-08")) {
		t.Errorf("transfers %+v", tl.Transfers)
	}
}

func TestTimelineNextAction(t *testing.T) {
	p := &Person{Name: "张三", Stage: StageActivist, Roll: RollActive, RuleVersion: RuleVersion2026}
	cases := []struct {
		name  string
		steps []DevStep
		step  int
		text  string
	}{
		{"after the application", []DevStep{devRec(1, "2026-01-31")}, 2, "下一步：党组织派人谈话，应在 2026-02-28 前"},
		{"activist assessed", []DevStep{devRec(1, "2025-09-01"), devRec(2, "2025-09-10"), devRec(3, "2026-03-01"),
			devRec(4, "2026-03-05"), devRec(5, "2026-03-05"), devRec(6, "2026-09-01")}, 7, "下一步：确定发展对象，最早 2027-03-01"},
		{"2026 wording of step 8", []DevStep{devRec(7, "2026-06-01")}, 8, "下一步：报上级党委同意"},
		{"after the 支部大会", []DevStep{devRec(15, "2026-05-31")}, 16, "下一步：上级党委派人谈话，应在 2026-08-31 前"},
		{"预审 failed", []DevStep{devRec(12, "2026-05-01"), {Step: 13, Date: d("2026-05-10"), Result: ResultFail}}, 0,
			"第13步“上级党委预审”的结果为“不合格”"},
		{"extension approved", []DevStep{devRec(15, "2025-01-10"), devAgreed(17, "2025-02-01"),
			devDecided("2026-01-10", DecisionExtend, "2026-07-10"), devAgreed(24, "2026-02-01")}, 22, "下一步：提出转正申请，应在 2026-07-10 前"},
		{"转正 awaiting approval", []DevStep{devRec(15, "2025-01-10"), devAgreed(17, "2025-02-01"),
			devDecided("2026-01-10", DecisionConfirm, "")}, 24, "应在 2026-04-10 前"},
	}
	for _, c := range cases {
		tl := NewTimeline(p, c.steps)
		if tl.Next.Step != c.step || !strings.Contains(tl.Next.Text, c.text) {
			t.Errorf("%s: next %d %q, want %d %q", c.name, tl.Next.Step, tl.Next.Text, c.step, c.text)
		}
	}
	stopped := &Person{Name: "李四", Stage: StageActivist, Roll: RollStopped}
	if tl := NewTimeline(stopped, []DevStep{devRec(3, "2025-01-01")}); tl.Next.Step != 0 || tl.Next.Text != "停止培养" {
		t.Errorf("stopped: %+v", tl.Next)
	}
	legacy := &Person{Name: "白浩然", Stage: StageProbationer, Roll: RollActive, JoinDate: d("2025-10-20")}
	tl := NewTimeline(legacy, nil)
	if tl.Next.Step != StepTransferMeeting || !tl.Next.Earliest.Equal(d("2026-10-20")) || !tl.BranchMeeting.Equal(d("2025-10-20")) {
		t.Errorf("a 预备党员 recorded without steps: %+v", tl.Next)
	}
	if tl := NewTimeline(&Person{Stage: StageFull, Roll: RollActive}, nil); tl.Next.Step != 0 || tl.Next.Text != "" {
		t.Errorf("a 正式党员 without steps has nothing next: %+v", tl.Next)
	}
}

func TestTimelineAsOfAndOrder(t *testing.T) {
	p := &Person{Name: "张三", Stage: StageActivist, Roll: RollActive}
	// Out of order on purpose: the timeline sorts a copy.
	steps := []DevStep{devRec(6, "2025-06-01"), devRec(3, "2025-01-01"), devRec(1, "2024-06-01"),
		{Step: 6, Date: d("2025-03-01"), Kind: KindReport}, devRec(6, "2024-12-01")}
	tl := TimelineAsOf(p, steps, d("2025-05-31"), "")
	if !tl.Activist.Equal(d("2025-01-01")) || len(tl.Records(6)) != 2 || !tl.LastAssessed().Equal(d("2024-12-01")) {
		t.Errorf("as of 2025-05-31: activist %s, %d step-6 records, last assessed %s",
			tl.Activist, len(tl.Records(6)), tl.LastAssessed())
	}
	if got := tl.Missing(); len(got) != 3 || got[0] != 2 || got[2] != 5 {
		t.Errorf("missing %v, want [2 4 5]", got)
	}
	if steps[0].Step != 6 {
		t.Error("the caller's slice was reordered")
	}
	if tl := TimelineAsOf(p, steps, d("2024-12-31"), ""); !tl.Activist.IsZero() {
		t.Errorf("as of 2024-12-31 no activist yet, got %s", tl.Activist)
	}
	if tl.Version != RuleVersion2014 || !tl.VersionKnown {
		t.Errorf("a record begun in 2024 follows 2014 whatever the default, got %q (known %v)", tl.Version, tl.VersionKnown)
	}
}

// TestRecordVersionFromTheEarliestDate: the version comes from the earliest
// date the record has, on both sides of 2026-05-18; none → the branch's
// default, marked unknown.
func TestRecordVersionFromTheEarliestDate(t *testing.T) {
	member := func(join string) *Person { return &Person{Name: "李四", Stage: StageFull, JoinDate: d(join)} }
	applicant := &Person{Name: "张三", Stage: StageActivist}
	cases := []struct {
		name   string
		p      *Person
		steps  []DevStep
		branch string
		want   string
		known  bool
	}{
		{"no application, activist 2025", applicant, []DevStep{devRec(3, "2025-03-01"), devRec(7, "2026-06-01")},
			RuleVersion2026, RuleVersion2014, true},
		{"begun the day before 2026-05-18", applicant, []DevStep{devRec(2, "2026-05-17"), devRec(7, "2026-06-10")},
			RuleVersion2026, RuleVersion2014, true},
		{"begun on 2026-05-18", applicant, []DevStep{devRec(2, "2026-05-18"), devRec(7, "2026-06-10")},
			RuleVersion2026, RuleVersion2026, true},
		{"begun in May 2026, month only: may be before", applicant, []DevStep{devRec(1, "2026-05")},
			RuleVersion2026, RuleVersion2014, true},
		{"a 公示 start is a date of the record", applicant, []DevStep{{Step: 7, Date: d("2026-06-01"), Start: d("2026-05-10")}},
			RuleVersion2026, RuleVersion2014, true},
		{"branch keeps 2014 after 2026", applicant, []DevStep{devRec(1, "2026-06-01")},
			RuleVersion2014, RuleVersion2014, true},
		{"member without steps, admitted 2024", member("2024-07-01"), nil, RuleVersion2026, RuleVersion2014, true},
		{"member without steps, admitted 2026-06", member("2026-06-01"), nil, RuleVersion2026, RuleVersion2026, true},
		{"no date at all", &Person{Name: "王五", Stage: StageFull}, nil, RuleVersion2026, RuleVersion2026, false},
		{"the person's own version wins", &Person{Name: "赵六", RuleVersion: RuleVersion2026},
			[]DevStep{devRec(1, "2025-01-01")}, RuleVersion2026, RuleVersion2026, true},
	}
	for _, c := range cases {
		got, known := RecordVersion(c.p, c.steps, c.branch)
		if got != c.want || known != c.known {
			t.Errorf("%s: got %q known %v, want %q known %v", c.name, got, known, c.want, c.known)
		}
	}
}

func TestRuleVersionFor(t *testing.T) {
	cases := []struct {
		applied, branch, want string
	}{
		{"2025-12-01", RuleVersion2026, RuleVersion2014}, // not yet published
		{"2026-05-18", RuleVersion2026, RuleVersion2026},
		{"2026-06-01", RuleVersion2014, RuleVersion2014}, // the branch keeps 2014
		{"2026-06-01", "", RuleVersion2026},              // no default: the latest in force
		{"2020-01-01", "", RuleVersion2014},
	}
	for _, c := range cases {
		if got := RuleVersionFor(d(c.applied), c.branch); got != c.want {
			t.Errorf("applied %s, branch %q: %s, want %s", c.applied, c.branch, got, c.want)
		}
	}
}

func TestEligibilityProblem(t *testing.T) {
	full := Person{Name: "王", Stage: StageFull, Roll: RollActive, JoinDate: d("2010-07-01"), FullDate: d("2011-07-01")}
	discipline := []StatusEvent{{Kind: EventDiscipline, Date: d("2025-06-01"), EndDate: d("2026-06-01")}}
	endedEarly := append(discipline, StatusEvent{Kind: EventDisciplineEnd, Date: d("2025-12-01")})
	cases := []struct {
		name    string
		edit    func(p *Person)
		history []StatusEvent
		on      string
		frag    string // "" = eligible
	}{
		{"正式党员", func(p *Person) {}, nil, "2025-01-01", ""},
		{"预备党员", func(p *Person) { p.Stage = StageProbationer }, nil, "2025-01-01", "预备党员"},
		{"applicant", func(p *Person) { p.Stage = StageApplicant }, nil, "2025-01-01", "不是党员"},
		{"转正 on the day", func(p *Person) { p.FullDate = d("2025-01-01") }, nil, "2025-01-01", ""},
		{"转正 the day after", func(p *Person) { p.FullDate = d("2025-01-02") }, nil, "2025-01-01", "2025-01-02 才转为正式党员"},
		{"转正 month only, may be on time", func(p *Person) { p.FullDate = d("2025-01") }, nil, "2025-01-01", ""},
		{"no 转正日期: 预备期满 stands in", func(p *Person) { p.FullDate, p.JoinDate = civil.Date{}, d("2024-06-01") },
			nil, "2025-01-01", "2025-06-01 才转为正式党员"},
		{"transferred out before", func(p *Person) { p.Roll, p.RollDate = RollTransferred, d("2024-12-31") }, nil, "2025-01-01", "已不在本支部"},
		{"transferred out after", func(p *Person) { p.Roll, p.RollDate = RollTransferred, d("2025-01-02") }, nil, "2025-01-01", ""},
		{"under 留党察看", func(p *Person) {}, discipline, "2025-10-01", "留党察看期（2025-06-01 至 2026-06-01）"},
		{"留党察看 not yet begun", func(p *Person) {}, discipline, "2025-05-31", ""},
		{"留党察看 ended early", func(p *Person) {}, endedEarly, "2026-01-01", ""},
		{"留党察看 flag without history", func(p *Person) { p.Disciplined, p.DisciplineEnd = true, d("2026-06-01") }, nil, "2025-10-01", "留党察看"},
		{"留党察看 flag, period over", func(p *Person) { p.Disciplined, p.DisciplineEnd = true, d("2025-06-01") }, nil, "2025-10-01", ""},
		{"停止党籍", func(p *Person) { p.Standing = StandingSuspended }, nil, "2025-10-01", "党籍已停止"},
		{"停止党籍 since reinstated", func(p *Person) {},
			[]StatusEvent{{Kind: EventSuspend, Date: d("2020-01-01")}, {Kind: EventReinstate, Date: d("2021-01-01")}}, "2025-10-01", ""},
	}
	for _, c := range cases {
		p := full
		c.edit(&p)
		got := EligibilityProblem(&p, c.history, d(c.on))
		if (c.frag == "") != (got == "") || !strings.Contains(got, c.frag) {
			t.Errorf("%s: %q, want %q", c.name, got, c.frag)
		}
	}
}

func TestValidateDevStep(t *testing.T) {
	today := d("2026-11-28")
	one := uint(7)
	two := uint(8)
	cases := []struct {
		name string
		st   DevStep
		frag string // "" = valid
	}{
		{"valid application", devRec(1, "2026-01-05"), ""},
		{"step 0", DevStep{Step: 0, Date: d("2026-01-05")}, "第1至第25步"},
		{"step 26", DevStep{Step: 26, Date: d("2026-01-05")}, "第1至第25步"},
		{"no date", DevStep{Step: 1}, "请填写日期"},
		{"tomorrow", devRec(1, "2026-11-29"), "在今天之后"},
		{"training dated by its end", DevStep{Step: 11, Start: d("2026-03-01"), End: d("2026-03-03"), Hours: 24}, ""},
		{"half a period", DevStep{Step: 7, Date: d("2026-06-01"), Start: d("2026-05-20")}, "同时填写公示期"},
		{"period backwards", DevStep{Step: 7, Date: d("2026-06-01"), Start: d("2026-05-20"), End: d("2026-05-10")}, "早于开始日期"},
		{"number at step 3", DevStep{Step: 3, Date: d("2026-01-05"), Source: SourceMembers, Number: "1"}, "志愿书编号"},
		{"hours at step 7", DevStep{Step: 7, Date: d("2026-06-01"), Hours: 8}, "学时"},
		{"vote at step 7", DevStep{Step: 7, Date: d("2026-06-01"), Vote: Vote{Expected: 5}}, "表决情况"},
		{"negative hours", DevStep{Step: 11, Date: d("2026-03-03"), Hours: -1}, "学时 -1"},
		{"step 3 without source", devRec(3, "2026-01-05"), "推荐方式"},
		{"step 3 团员推优", DevStep{Step: 3, Date: d("2026-01-05"), Source: SourceLeague}, ""},
		{"bad kind", DevStep{Step: 6, Date: d("2026-01-05"), Kind: "总结"}, "记录类型"},
		{"政审 without result", devRec(10, "2026-01-05"), "请填写结果（合格、不合格）"},
		{"政审 with a result of another step", DevStep{Step: 10, Date: d("2026-01-05"), Result: ResultAgree}, "结果应为：合格、不合格"},
		{"extension without date", DevStep{Step: 23, Date: d("2026-01-05"), Result: DecisionExtend}, "延长预备期至"},
		{"extension date with 按期转正", DevStep{Step: 23, Date: d("2026-01-05"), Result: DecisionConfirm, ExtendTo: d("2026-09-01")}, "只有决定延长"},
		{"votes that cannot be", DevStep{Step: 15, Date: d("2026-01-05"), Vote: Vote{Expected: 10, Present: 8, For: 9}}, "多于实到"},
		{"one introducer", DevStep{Step: 9, Date: d("2026-01-05"), People: []DevStepPerson{{Role: RoleIntroducer, PersonID: &one}}}, "应为2人，现在是1人"},
		{"introducer not from the register", DevStep{Step: 9, Date: d("2026-01-05"), People: []DevStepPerson{
			{Role: RoleIntroducer, PersonID: &one}, {Role: RoleIntroducer, Name: "外单位张某"}}}, "应从党员名册中选择"},
		{"same introducer twice", DevStep{Step: 9, Date: d("2026-01-05"), People: []DevStepPerson{
			{Role: RoleIntroducer, PersonID: &one}, {Role: RoleIntroducer, PersonID: &one}}}, "重复"},
		{"two introducers", DevStep{Step: 9, Date: d("2026-01-05"), People: []DevStepPerson{
			{Role: RoleIntroducer, PersonID: &one}, {Role: RoleIntroducer, PersonID: &two}}}, ""},
		{"three contacts", DevStep{Step: 5, Date: d("2026-01-05"), People: []DevStepPerson{
			{Role: RoleContact, PersonID: &one}, {Role: RoleContact, PersonID: &two}, {Role: RoleContact, PersonID: new(uint)}}}, "1至2人"},
		{"contact at step 2", DevStep{Step: 2, Date: d("2026-01-05"), People: []DevStepPerson{{Role: RoleContact, PersonID: &one}}}, "不需要登记培养联系人"},
		{"talker typed in", DevStep{Step: 16, Date: d("2026-01-05"), People: []DevStepPerson{{Role: RoleTalker, Name: "组织员马琳"}}}, ""},
		{"talker without a name", DevStep{Step: 16, Date: d("2026-01-05"), People: []DevStepPerson{{Role: RoleTalker, Name: "　"}}}, "请填写谈话人的姓名"},
		{"no talker", devRec(2, "2026-01-05"), "谈话人应为1至2人"},
	}
	for _, c := range cases {
		err := ValidateDevStep(&c.st, RuleVersion2026, today)
		switch {
		case c.frag == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.frag != "" && (err == nil || !strings.Contains(err.Error(), c.frag)):
			t.Errorf("%s: got %v, want an error containing %q", c.name, err, c.frag)
		}
	}
}

func TestStepDefs(t *testing.T) {
	if len(StepDefs) != StepCount {
		t.Fatalf("%d steps", len(StepDefs))
	}
	for i, def := range StepDefs {
		if def.Number != i+1 || def.Phase < 1 || def.Phase > 5 || def.Name == "" {
			t.Errorf("step %d: %+v", i+1, def)
		}
	}
	if len(StepsOfPhase(1)) != 2 || len(StepsOfPhase(5)) != 7 {
		t.Error("phases per docs/ARCHITECTURE.md#the-domain-in-brief: 1–2, 3–6, 7–11, 12–18, 19–25")
	}
	if StepDefFor(8).NameIn(RuleVersion2026) != "报上级党委同意" || StepDefFor(8).NameIn(RuleVersion2014) != "报上级党委备案" {
		t.Error("step 8 is 备案 in 2014, 同意 in 2026")
	}
	if !StepDefFor(6).Repeats() || StepDefFor(15).Repeats() {
		t.Error("6 repeats, 15 does not")
	}
}

// An extension of the 预备期 is refused only when no day of partial dates
// allows six to twelve months after the original end.
func TestExtensionProblemWithPartialDates(t *testing.T) {
	for _, c := range []struct {
		joined, to string
		ok         bool
	}{
		{"2025-10-10", "2027-04-10", true}, {"2025-10-10", "2027-04-09", false},
		{"2025-10-10", "2027-10-10", true}, {"2025-10-10", "2027-10-11", false},
		{"2025-10", "2027-04-01", true}, {"2025-10", "2027-03-31", false},
		{"2025-10", "2027-10-31", true}, {"2025-10", "2027-11-01", false},
		{"2025", "2027-03", true}, {"2025", "2026-06", false}, {"2025", "2028-01", false},
		{"2025-10-10", "2027-04", true}, {"2025-10-10", "2027-03", false},
	} {
		if err := ExtensionProblem(d(c.joined), d(c.to)); (err == nil) != c.ok {
			t.Errorf("joined %s, extended to %s: %v, want ok %v", c.joined, c.to, err, c.ok)
		}
	}
}
