//go:build ci

package development

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

func stepTitle(n int) string { return data.StepDefFor(n).Title(data.RuleVersion2014) }

// openPerson shows the development record of the person over an empty window.
func openPerson(t *testing.T, a *core.App, id uint) fyne.Canvas {
	t.Helper()
	uitest.Show(a, widget.NewLabel(""))
	ShowDevelopmentPerson(a, id)
	c := a.Window.Canvas()
	uitest.RequireShown(t, c, "发展党员工作细则版本")
	return c
}

// field is one input of a step form: its label and what to enter.
type field struct{ Label, value string }

// recordStep opens the step's form from the person's record, fills it and
// saves, failing unless the form closes (saved without objection).
func recordStep(t *testing.T, c fyne.Canvas, n int, fields ...field) {
	t.Helper()
	// The step's own row has 登记 (no record yet) or 添加; a button of
	// another step is only found in a larger container.
	button := "登记"
	register, registerSize := uitest.ButtonNear(c, stepTitle(n), "登记")
	if add, addSize := uitest.ButtonNear(c, stepTitle(n), "添加"); add != nil && (register == nil || addSize < registerSize) {
		button = "添加"
	}
	uitest.TapButtonNear(t, c, stepTitle(n), button)
	for _, f := range fields {
		uitest.FillField(t, c, f.Label, f.value)
	}
	overlays := len(c.Overlays().List())
	uitest.TapButton(t, c, "保存（Ctrl+S）")
	if len(c.Overlays().List()) >= overlays {
		t.Fatalf("step %d was not saved; shown: %q", n, uitest.ShownTexts(c))
	}
}

// A person goes from 入党申请人 to 正式党员 through the screens only: the
// board's 新增入党申请人, the card, and the form of each step.
func TestDevelopmentFromApplicantToFullMember(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Mentors(t, a)
	uitest.Show(a, NewDevelopmentScreen(a))
	c := a.Window.Canvas()

	uitest.TapButton(t, c, "新增入党申请人")
	uitest.FillField(t, c, data.FieldName, "赵青")
	uitest.FillField(t, c, data.FieldIDNumber, uitest.ValidID("640106", "19950402", "128"))
	if g := uitest.FieldInput(t, c, data.FieldGender).(*widget.Select); g.Selected != "女" {
		t.Errorf("性别 from the ID number = %q, want 女", g.Selected)
	}
	uitest.FillField(t, c, data.FieldPost, "语文教师")
	uitest.FillField(t, c, data.FieldMobile, "13912345678")
	uitest.FillField(t, c, "递交申请书日期", "2021-03-01")
	uitest.TapButton(t, c, "保存（Ctrl+S）")
	p := uitest.PersonNamed(t, a, "赵青")
	if p.Stage != data.StageApplicant || p.BirthDate != civil.New(1995, 4, 2) || p.Post != "语文教师" {
		t.Fatalf("new applicant = %s, born %s, post %q", p.Stage, p.BirthDate, p.Post)
	}
	uitest.RequireShown(t, c, "入党申请人（1）")

	uitest.TapCard(t, c, "赵青")
	uitest.RequireShown(t, c, "下一步：第2步“党组织派人谈话”")
	vote := []field{{"应到人数", "10"}, {"实到人数", "9"}, {"赞成票", "9"}}
	steps := []struct {
		n      int
		fields []field
	}{
		{2, []field{{"日期", "2021-03-15"}, {"谈话人", "王书记"}}},
		{3, []field{{"日期", "2021-09-10"}, {"推荐方式", data.SourceMembers}}},
		{4, []field{{"日期", "2021-09-20"}}},
		{5, []field{{"日期", "2021-09-20"}, {"培养联系人", "李红"}}},
		{6, []field{{"日期", "2022-03-10"}, {"记录类型", data.KindAssessment}}},
		{6, []field{{"日期", "2022-08-10"}, {"记录类型", data.KindAssessment}}},
		{7, []field{{"日期", "2022-09-15"}}},
		{8, []field{{"日期", "2022-09-20"}, {"结果", data.ResultAgree}}},
		{9, []field{{"日期", "2022-09-25"}, {"入党介绍人", "李红、张明"}}},
		{10, []field{{"日期", "2022-10-10"}, {"结果", data.ResultPass}}},
		{11, []field{{"培训时间开始", "2022-10-17"}, {"培训时间结束", "2022-10-19"}, {"学时", "24"}, {"结果", data.ResultCompleted}}},
		{12, []field{{"日期", "2022-11-01"}, {"结果", data.ResultAgree}}},
		{13, []field{{"日期", "2022-11-15"}, {"结果", data.ResultPass}}},
		{14, []field{{"日期", "2022-11-20"}, {"志愿书编号", "2022001"}}},
		{15, append([]field{{"日期", "2022-12-01"}}, vote...)},
		{16, []field{{"日期", "2022-12-20"}, {"谈话人", "组织员马琳"}}},
		{17, []field{{"日期", "2023-01-10"}, {"结果", data.ResultAgree}}},
		{18, []field{{"日期", "2023-01-20"}}},
		{19, []field{{"日期", "2023-01-20"}}},
		{20, []field{{"日期", "2023-01-30"}}},
		{21, []field{{"日期", "2023-06-01"}, {"记录类型", data.KindAssessment}}},
		{22, []field{{"日期", "2023-11-20"}}},
		{23, append([]field{{"日期", "2023-12-05"}, {"支部大会决定", data.DecisionConfirm}}, vote...)},
		{24, []field{{"日期", "2024-01-10"}, {"结果", data.ResultAgree}}},
		{25, []field{{"日期", "2024-02-01"}}},
	}
	for _, s := range steps {
		recordStep(t, c, s.n, s.fields...)
		if s.n == data.StepApproval {
			if p := uitest.PersonNamed(t, a, "赵青"); p.Stage != data.StageProbationer || p.JoinDate != civil.New(2022, 12, 1) {
				t.Fatalf("after approval: %s, 入党 %s; want 预备党员 from the 支部大会 2022-12-01", p.Stage, p.JoinDate)
			}
		}
	}

	p = uitest.PersonNamed(t, a, "赵青")
	if p.Stage != data.StageFull || p.JoinDate != civil.New(2022, 12, 1) || p.FullDate != civil.New(2023, 12, 1) {
		t.Fatalf("at the end: %s, 入党 %s, 转正 %s; want 正式党员, 2022-12-01, 2023-12-01 (预备期满, not the meeting or approval)",
			p.Stage, p.JoinDate, p.FullDate)
	}
	if p.Introducers != "李红、张明" {
		t.Errorf("入党介绍人 = %q", p.Introducers)
	}
	uitest.RequireShown(t, c, "发展程序已完成")
	steps2, err := a.Store.DevSteps(p.ID)
	if err != nil || len(steps2) != 26 {
		t.Fatalf("%d records stored (%v), want 26", len(steps2), err)
	}
	d, _ := a.Store.LoadDevData()
	if fs := rules.NewChecker(d, rules.DefaultOptions()).Person(p.ID, uitest.Today); len(fs) > 0 {
		t.Errorf("the rules still report: %v", fs)
	}
}

func TestIntroducerPickerOffersOnlyEligibleMembers(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Mentors(t, a)
	probationer := data.Person{Name: "王预备", Stage: data.StageProbationer, JoinDate: civil.New(2022, 6, 1)}
	disciplined := uitest.FullMember("赵察看", "", civil.New(2000, 7, 1))
	disciplined.Disciplined = true
	late := uitest.FullMember("钱新", "", civil.New(2022, 12, 1)) // 正式党员 from 2023-12-01
	uitest.StoreMembers(t, a, probationer, disciplined, late)
	p := uitest.Applicant(t, a, "孙申", civil.New(2021, 3, 1))
	c := openPerson(t, a, p.ID)

	uitest.TapButtonNear(t, c, stepTitle(data.StepIntroducers), "登记")
	places := uitest.FieldInput(t, c, string(data.RoleIntroducer)).(*fyne.Container).Objects
	if len(places) != 2 {
		t.Fatalf("%d places for 入党介绍人, want exactly 2", len(places))
	}
	first := places[0].(*widget.Select)
	if !first.Disabled() {
		t.Error("the picker is open before a date says who is eligible")
	}

	uitest.FillField(t, c, "日期", "2022-09-25")
	for _, name := range []string{"李红", "张明"} {
		if !slices.Contains(first.Options, name) {
			t.Errorf("eligible %s not offered: %q", name, first.Options)
		}
	}
	for _, name := range []string{"王预备", "赵察看", "钱新", "孙申"} {
		if slices.Contains(first.Options, name) {
			t.Errorf("%s is offered as 入党介绍人 on 2022-09-25: %q", name, first.Options)
		}
	}

	// A later date, when 钱新 is a 正式党员, offers him; going back drops him, saying why.
	uitest.FillField(t, c, "日期", "2024-03-01")
	uitest.FillField(t, c, string(data.RoleIntroducer), "李红、钱新")
	uitest.FillField(t, c, "日期", "2022-09-25")
	if places[1].(*widget.Select).Selected != "" {
		t.Errorf("钱新 is still chosen for a date before he was a 正式党员")
	}
	uitest.RequireShown(t, c, "钱新在 2022-09-25 时不能担任入党介绍人")
}

// The store's refusal is said in the form, and nothing is saved.
func TestStepFormShowsTheStoresRefusal(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Mentors(t, a)
	p := uitest.Applicant(t, a, "孙申", civil.New(2021, 3, 1))
	c := openPerson(t, a, p.ID)

	uitest.TapButtonNear(t, c, stepTitle(data.StepIntroducers), "登记")
	uitest.FillField(t, c, "日期", "2022-09-25")
	uitest.FillField(t, c, string(data.RoleIntroducer), "李红")
	uitest.TapButton(t, c, "保存（Ctrl+S）")
	uitest.RequireShown(t, c, "入党介绍人应为2人，现在是1人")
	if steps, _ := a.Store.DevSteps(p.ID); len(steps) != 1 {
		t.Errorf("%d records stored, want only the application", len(steps))
	}
}

// A record the rules will report (a 发展对象 less than a year after becoming
// an activist, D4) is shown before saving and saved only on confirmation.
func TestStepFormWarnsOfRuleErrorsBeforeSaving(t *testing.T) {
	a := uitest.NewApp(t)
	p := uitest.Applicant(t, a, "孙申", civil.New(2021, 3, 1))
	uitest.SaveStep(t, a, data.DevStep{PersonID: p.ID, Step: data.StepActivist, Date: civil.New(2021, 9, 10), Source: data.SourceMembers})
	c := openPerson(t, a, p.ID)

	uitest.TapButtonNear(t, c, stepTitle(data.StepCandidate), "登记")
	uitest.FillField(t, c, "日期", "2022-03-01")
	uitest.TapButton(t, c, "保存（Ctrl+S）")
	uitest.RequireShown(t, c, "还不满一年")
	if got := uitest.PersonNamed(t, a, "孙申"); got.Stage != data.StageActivist {
		t.Fatalf("saved before confirmation: %s", got.Stage)
	}
	uitest.TapButton(t, c, "仍然保存")
	if got := uitest.PersonNamed(t, a, "孙申"); got.Stage != data.StageCandidate {
		t.Fatalf("not saved after confirmation: %s", got.Stage)
	}
	uitest.RequireShown(t, c, "确定为发展对象时，确定为入党积极分子（2021-09-10）还不满一年") // now beside step 7
}

func TestVoteEvaluationAsTyped(t *testing.T) {
	a := uitest.NewApp(t)
	p := uitest.Applicant(t, a, "孙申", civil.New(2021, 3, 1))
	c := openPerson(t, a, p.ID)
	uitest.TapButtonNear(t, c, stepTitle(data.StepBranchMeeting), "登记")
	uitest.RequireShown(t, c, "填写人数后")

	uitest.FillField(t, c, "应到人数", "10")
	uitest.FillField(t, c, "实到人数", "8")
	uitest.FillField(t, c, "赞成票", "5") // exactly half of 应到: a tie is not "超过半数"
	uitest.RequireShown(t, c, "表决结果：不通过")
	uitest.FillField(t, c, "书面意见赞成", "1") // an absent member's written opinion counts
	uitest.RequireShown(t, c, "表决结果：通过")
	uitest.FillField(t, c, "实到人数", "5") // 5 of 10 present is not a quorum for an admission vote
	uitest.RequireShown(t, c, "表决结果：不通过")
	uitest.FillField(t, c, "实到人数", "11")
	uitest.RequireShown(t, c, "实到 11 人多于应到 10 人")
}

func TestBoardCountsEachStageAndFilters(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Applicant(t, a, "甲", civil.New(2025, 3, 1))
	uitest.Applicant(t, a, "乙", civil.New(2026, 3, 1))
	act := uitest.Applicant(t, a, "丙", civil.New(2024, 3, 1))
	uitest.SaveStep(t, a, data.DevStep{PersonID: act.ID, Step: data.StepActivist, Date: civil.New(2024, 9, 10), Source: data.SourceLeague})
	stopped := uitest.Applicant(t, a, "丁", civil.New(2025, 5, 1))
	if err := a.Store.StopDevelopment(stopped.ID, civil.New(2026, 1, 5), "本人调离"); err != nil {
		t.Fatal(err)
	}
	uitest.StoreMembers(t, a,
		data.Person{Name: "戊", Stage: data.StageProbationer, JoinDate: civil.New(2025, 12, 1)},
		data.Person{Name: "己", Stage: data.StageFull, JoinDate: civil.New(2025, 3, 1), FullDate: civil.New(2026, 3, 1)},
		uitest.FullMember("庚", "", civil.New(2010, 7, 1))) // long a member: not on the board

	b := newDevelopmentBoard(a)
	uitest.Show(a, b.Content)
	c := a.Window.Canvas()
	for _, h := range []string{"入党申请人（2）", "入党积极分子（1）", "发展对象（0）", "预备党员（1）", "今年转正（1）"} {
		uitest.RequireShown(t, c, h)
	}
	if uitest.HasShown(c, "停止培养（") || uitest.HasText(c, "庚") || uitest.HasText(c, "丁") {
		t.Errorf("the board shows people it should not: %q", uitest.ShownTexts(c))
	}

	b.year.SetSelected("2026年")
	uitest.RequireShown(t, c, "入党申请人（1）")
	uitest.RequireShown(t, c, "今年转正（1）")
	b.year.SetSelected(choiceAllYears)
	b.stage.SetSelected(string(data.RollStopped))
	uitest.RequireShown(t, c, "停止培养（1）")
	if !uitest.HasText(c, "丁") || uitest.HasText(c, "甲") {
		t.Errorf("the 停止培养 filter shows %q", uitest.ShownTexts(c))
	}
}

func TestBoardCardShowsNextActionAndMarks(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Applicant(t, a, "甲", civil.New(2026, 4, 1)) // no talk in more than a month (D2)
	b := newDevelopmentBoard(a)
	uitest.Show(a, b.Content)
	c := a.Window.Canvas()
	uitest.RequireShown(t, c, "下一步：党组织派人谈话")
	uitest.RequireShown(t, c, "已超期（应在 2026-05-01 前）")
	uitest.RequireShown(t, c, "● 1")
}

func TestStopResumeAndRuleVersionFromThePersonView(t *testing.T) {
	a := uitest.NewApp(t)
	p := uitest.Applicant(t, a, "孙申", civil.New(2021, 3, 1))
	c := openPerson(t, a, p.ID)

	var version *widget.Select
	for _, o := range uitest.VisibleOnCanvas(c) {
		if s, ok := o.(*widget.Select); ok && slices.Contains(s.Options, "2026.05（待核对原文）") {
			version = s
		}
	}
	if version == nil || version.Selected != data.RuleVersion2014 {
		t.Fatalf("rule version choice missing or wrong (an application of 2021 follows 2014): %v", version)
	}
	version.SetSelected("2026.05（待核对原文）")
	if got := uitest.PersonNamed(t, a, "孙申"); got.RuleVersion != data.RuleVersion2026 {
		t.Errorf("rule version = %q after choosing 2026.05", got.RuleVersion)
	}

	uitest.TapButton(t, c, "停止培养")
	uitest.TapButton(t, c, "停止培养") // the dialog's own button, without a reason
	uitest.RequireShown(t, c, "请写明停止培养的原因")
	uitest.FillField(t, c, "原因", "本人申请暂缓")
	uitest.TapButton(t, c, "停止培养")
	if got := uitest.PersonNamed(t, a, "孙申"); got.Roll != data.RollStopped {
		t.Fatalf("roll = %s after 停止培养", got.Roll)
	}
	if b, _ := uitest.ButtonNear(c, "第", "登记"); b != nil {
		t.Error("steps can still be recorded for someone no longer developed")
	}
	uitest.TapButton(t, c, "恢复培养")
	uitest.TapButton(t, c, "恢复培养")
	if got := uitest.PersonNamed(t, a, "孙申"); got.Roll != data.RollActive {
		t.Fatalf("roll = %s after 恢复培养", got.Roll)
	}
}

func TestEditAndDeleteARecord(t *testing.T) {
	a := uitest.NewApp(t)
	p := uitest.Applicant(t, a, "孙申", civil.New(2021, 3, 1))
	uitest.SaveStep(t, a, data.DevStep{PersonID: p.ID, Step: data.StepActivist, Date: civil.New(2021, 9, 10), Source: data.SourceMembers})
	c := openPerson(t, a, p.ID)

	uitest.TapButtonNear(t, c, "2021-09-10：党员推荐", "修改")
	uitest.FillField(t, c, "推荐方式", data.SourceLeague)
	uitest.TapButton(t, c, "保存（Ctrl+S）")
	uitest.RequireShown(t, c, "2021-09-10："+data.SourceLeague)

	uitest.TapButtonNear(t, c, "2021-09-10："+data.SourceLeague, "删除")
	uitest.TapButton(t, c, "删除") // confirm
	got := uitest.PersonNamed(t, a, "孙申")
	if got.Stage != data.StageApplicant {
		t.Errorf("stage after deleting the activist record = %s, want back to 入党申请人", got.Stage)
	}
	if uitest.HasShown(c, "2021-09-10："+data.SourceLeague) {
		t.Error("the deleted record is still shown")
	}
}

func TestFindingsGoBesideTheirSteps(t *testing.T) {
	for _, tc := range []struct {
		rule, Message string
		step          int
	}{
		{"D2", "…", data.StepTalk},
		{"D4", "…", data.StepCandidate},
		{"D5", "…", data.StepCandidate},
		{"D6", "集中培训只有2天", data.StepTraining},
		{"D6", "没有登记政治审查", data.StepPoliticalReview},
		{"D7", "…", data.StepIntroducers},
		{"D8", "…", data.StepBranchMeeting},
		{"D9", "2022-12-01 的支部大会（讨论接收预备党员）", data.StepBranchMeeting},
		{"D9", "2023-12-05 的支部大会（讨论按期转正）", data.StepTransferMeeting},
		{"D10", "…", data.StepApproval},
		{"D12", "讨论按期转正的支部大会（2023-11-01）早于预备期满之日", data.StepTransferMeeting},
		{"D12", "讨论按期转正的支部大会（2023-12-05）后 2024-05-01 才审批", data.StepTransferApproval},
		{rules.RuleOathDue, "…", data.StepOath},
		{"D14", "第13步“上级党委预审”（2022-11-15）不晚于……", data.StepPreReview},
		{"D13", "名册中的转为正式党员日期……", data.StepTransferApproval},
		{"D99", "no step named", 0},
	} {
		if got := stepOfFinding(rules.Finding{Rule: tc.rule, Message: tc.Message}); got != tc.step {
			t.Errorf("%s %q → step %d, want %d", tc.rule, tc.Message, got, tc.step)
		}
	}
}

func TestPlanLinesAndYoungTeacherProgress(t *testing.T) {
	a := uitest.NewApp(t)
	p := uitest.Applicant(t, a, "孙申", civil.New(2024, 3, 1))
	uitest.SaveStep(t, a, data.DevStep{PersonID: p.ID, Step: data.StepActivist, Date: civil.New(2024, 9, 10), Source: data.SourceLeague})
	uitest.StoreMembers(t, a, data.Person{Name: "周青", Stage: data.StageProbationer, JoinDate: civil.New(2026, 3, 1)})

	tab := newDevPlanTab(a)
	uitest.Show(a, tab.Content)
	c := a.Window.Canvas()
	uitest.RequireShown(t, c, "今年已发展优秀青年教师 0 / 目标 1")

	uitest.TapButton(t, c, "新增计划")
	uitest.FillField(t, c, "姓名", "孙申")
	uitest.FillField(t, c, "拟发展时间", "2026.9")
	uitest.TapButton(t, c, "保存")
	plans, err := a.Store.DevPlans(2026)
	if err != nil || len(plans) != 1 || plans[0].PersonID != p.ID || plans[0].Planned.String() != "2026-09" ||
		plans[0].Stage != data.StageProbationer {
		t.Fatalf("plans = %+v (%v)", plans, err)
	}
	uitest.RequireShown(t, c, "2026年发展党员计划（1 人）")

	var check *widget.Check
	for _, o := range uitest.VisibleOnCanvas(c) {
		if ch, ok := o.(*widget.Check); ok && strings.HasPrefix(ch.Text, "周青") {
			check = ch
		}
	}
	if check == nil {
		t.Fatalf("周青, admitted this year, cannot be marked; shown: %q", uitest.ShownTexts(c))
	}
	test.Tap(check)
	if !uitest.PersonNamed(t, a, "周青").YoungTeacher {
		t.Fatal("the mark was not saved")
	}
	uitest.RequireShown(t, c, "今年已发展优秀青年教师 1 / 目标 1")

	uitest.TapButtonNear(t, c, "孙申", "删除")
	uitest.TapButton(t, c, "删除")
	if plans, _ := a.Store.DevPlans(2026); len(plans) != 0 {
		t.Errorf("plan line not deleted: %+v", plans)
	}
}

// The version line shows the version the checks use (data.RecordVersion):
// by the record's earliest date, or, with no date at all, the branch's
// default said to be a stand-in.
func TestPersonViewShowsTheRecordsVersion(t *testing.T) {
	a := uitest.NewApp(t)
	dated := uitest.FullMember("钱七", "", civil.New(2024, 7, 1))
	undated := data.Person{Name: "赵八", Stage: data.StageApplicant}
	uitest.StoreMembers(t, a, dated, undated)
	for _, tc := range []struct {
		name, version, note string
	}{
		{"钱七", data.RuleVersion2014, versionByDateText},
		{"赵八", "2026.05（待核对原文）", versionUnknownText},
	} {
		p := uitest.PersonNamed(t, a, tc.name)
		if p.RuleVersion != "" {
			t.Fatalf("test premise: %s has a version of their own (%q)", tc.name, p.RuleVersion)
		}
		c := openPerson(t, a, p.ID)
		var version *widget.Select
		for _, o := range uitest.VisibleOnCanvas(c) {
			if s, ok := o.(*widget.Select); ok && slices.Contains(s.Options, "2026.05（待核对原文）") {
				version = s
			}
		}
		if version == nil || version.Selected != tc.version {
			t.Errorf("%s: version shown %v, want %s", tc.name, version, tc.version)
		}
		uitest.RequireShown(t, c, tc.note)
		c.Overlays().Remove(c.Overlays().Top())
	}
}

// An unverified article shows as "第七条*" with the legend, not in words.
func TestUnverifiedArticlesAreMarked(t *testing.T) {
	a := uitest.NewApp(t)
	p := uitest.Applicant(t, a, "孙申", civil.New(2026, 5, 20)) // 2026.05: no article verified; 谈话 due
	c := openPerson(t, a, p.ID)
	uitest.RequireShown(t, c, unverifiedLegend)
	uitest.RequireShown(t, c, "第七条"+unverifiedMarker+"）")
	for _, text := range uitest.ShownTexts(c) {
		if strings.Contains(text, "，"+rules.UnverifiedArticle) {
			t.Errorf("the words are still shown: %q", text)
		}
	}

	// The step form cites its article the same way.
	uitest.TapButtonNear(t, c, "第2步“党组织派人谈话”", "登记")
	uitest.RequireShown(t, c, "（2026.05）第七条"+unverifiedMarker)
	c.Overlays().Remove(c.Overlays().Top())

	// A 2014 record with verified articles has neither.
	q := uitest.Applicant(t, a, "钱七", civil.New(2021, 3, 1))
	c.Overlays().Remove(c.Overlays().Top())
	c = openPerson(t, a, q.ID)
	uitest.RequireShown(t, c, "第七条）")
	if uitest.HasShown(c, unverifiedLegend) {
		t.Error("legend shown for verified articles")
	}
}

func TestMarkUnverified(t *testing.T) {
	for in, want := range map[string]string{
		"未谈话（依据：细则（2026.05）第七条，条文序号待核对原文）": "未谈话（依据：细则（2026.05）第七条*）",
		"未谈话（依据：细则（2014）第七条）":              "未谈话（依据：细则（2014）第七条）",
		"宣誓（依据：本地要求，未核实）":                  "宣誓（依据：本地要求，未核实）",
	} {
		if got := markUnverified(in); got != want {
			t.Errorf("markUnverified(%q) = %q, want %q", in, got, want)
		}
	}
}
