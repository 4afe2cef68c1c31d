//go:build ci

package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
)

// ---- helpers: find what a user sees ---------------------------------------------------------

// textOfObject is the text an object draws itself, "" for containers and the like.
func textOfObject(o fyne.CanvasObject) string {
	switch v := o.(type) {
	case *widget.Label:
		return v.Text
	case *widget.RichText:
		return v.String()
	case *widget.Check:
		return v.Text
	case *widget.Button:
		return v.Text
	case *canvas.Text:
		return v.Text
	}
	return ""
}

// hasShown reports whether any drawn text, rich text included, contains part.
func hasShown(c fyne.Canvas, part string) bool {
	for _, o := range visibleOnCanvas(c) {
		if strings.Contains(textOfObject(o), part) {
			return true
		}
	}
	return false
}

// requireShown fails the test unless some drawn text contains part.
func requireShown(t *testing.T, c fyne.Canvas, part string) {
	t.Helper()
	if !hasShown(c, part) {
		t.Fatalf("no text containing %q on screen; shown: %q", part, shownTexts(c))
	}
}

// smallestHolding is, in the topmost root that has one, the smallest container
// holding both an object that matches want and a text containing text; size
// is how many objects that container draws.
func smallestHolding(c fyne.Canvas, text string, want func(fyne.CanvasObject) bool) (found fyne.CanvasObject, size int) {
	roots := canvasRoots(c)
	for i := len(roots) - 1; i >= 0; i-- {
		var best fyne.CanvasObject
		bestSize := 0
		for _, o := range visibleObjects(roots[i]) {
			if _, ok := o.(*fyne.Container); !ok {
				continue
			}
			inside := visibleObjects(o)
			var found fyne.CanvasObject
			hasText := false
			for _, x := range inside {
				if found == nil && want(x) {
					found = x
				}
				hasText = hasText || strings.Contains(textOfObject(x), text)
			}
			if found != nil && hasText && (best == nil || len(inside) < bestSize) {
				best, bestSize = found, len(inside)
			}
		}
		if best != nil {
			return best, bestSize
		}
	}
	return nil, 0
}

// buttonNear is the button labelled button that sits closest to the text
// (the 登记 of one step, the 修改 of one record), preferring the topmost
// dialog, with the size of the smallest container holding both.
func buttonNear(c fyne.Canvas, text, button string) (fyne.CanvasObject, int) {
	return smallestHolding(c, text, func(o fyne.CanvasObject) bool {
		b, ok := o.(*widget.Button)
		return ok && b.Text == button
	})
}

// tapButtonNear taps the button labelled button beside the text.
func tapButtonNear(t *testing.T, c fyne.Canvas, text, button string) {
	t.Helper()
	b, _ := buttonNear(c, text, button)
	if b == nil {
		t.Fatalf("no button %q beside %q; shown: %q", button, text, shownTexts(c))
	}
	if b.(*widget.Button).Disabled() {
		t.Fatalf("button %q beside %q is disabled", button, text)
	}
	test.Tap(b.(*widget.Button))
}

// tapCard taps the board card or 待办 line showing text.
func tapCard(t *testing.T, c fyne.Canvas, text string) {
	t.Helper()
	for _, o := range visibleOnCanvas(c) {
		card, ok := o.(*tapArea)
		if !ok {
			continue
		}
		for _, x := range visibleObjects(card) {
			if textOfObject(x) == text {
				test.Tap(card)
				return
			}
		}
	}
	t.Fatalf("no card showing %q; shown: %q", text, shownTexts(c))
}

// fieldInput is the input of the form row labelled label (formField), in
// the topmost dialog that has one.
func fieldInput(t *testing.T, c fyne.Canvas, label string) fyne.CanvasObject {
	t.Helper()
	roots := canvasRoots(c)
	for i := len(roots) - 1; i >= 0; i-- {
		for _, o := range visibleObjects(roots[i]) {
			row, ok := o.(*fyne.Container)
			if !ok || len(row.Objects) != 2 {
				continue
			}
			// A formField row is the input box, then the box of its label.
			inputBox, ok1 := row.Objects[0].(*fyne.Container)
			labelBox, ok2 := row.Objects[1].(*fyne.Container)
			if !ok1 || !ok2 || len(labelBox.Objects) != 1 || len(inputBox.Objects) == 0 {
				continue
			}
			if l, ok := labelBox.Objects[0].(*widget.Label); ok && l.Text == label {
				return inputBox.Objects[0]
			}
		}
	}
	t.Fatalf("no form field %q on screen; shown: %q", label, shownTexts(c))
	return nil
}

// fillField enters value into the field labelled label as a user would:
// typing into entries and date fields, choosing from selects and radio
// buttons; for a role with several places, value names them with 、.
func fillField(t *testing.T, c fyne.Canvas, label, value string) {
	t.Helper()
	switch in := fieldInput(t, c, label).(type) {
	case *DateField:
		in.entry.SetText("")
		typeIn(c, in.entry, value)
	case *formEntry:
		in.SetText("")
		typeIn(c, in, value)
	case *widget.Select:
		choose(t, in, value)
	case *widget.RadioGroup:
		if !slices.Contains(in.Options, value) {
			t.Fatalf("%s: no choice %q in %q", label, value, in.Options)
		}
		in.SetSelected(value)
	case *fyne.Container: // the places of a role
		names := strings.Split(value, "、")
		for i, o := range in.Objects {
			name := ""
			if i < len(names) {
				name = names[i]
			}
			switch place := o.(type) {
			case *widget.Select:
				if name != "" {
					choose(t, place, name)
				}
			case *formSelectEntry:
				place.SetText("")
				typeIn(c, place, name)
			}
		}
	default:
		t.Fatalf("field %s: cannot fill a %T", label, in)
	}
}

// choose picks an offered option, failing when it is not offered.
func choose(t *testing.T, s *widget.Select, option string) {
	t.Helper()
	if s.Disabled() {
		t.Fatalf("the choice for %q is disabled", option)
	}
	if !slices.Contains(s.Options, option) {
		t.Fatalf("%q is not offered; offered: %q", option, s.Options)
	}
	s.SetSelected(option)
}

// ---- helpers: the data ----------------------------------------------------------------------

// applicant stores a new 入党申请人 through the store.
func applicant(t *testing.T, a *App, name string, applied civil.Date) data.Person {
	t.Helper()
	p := data.Person{Name: name, Gender: "女", BirthDate: civil.New(1996, 5, 4)}
	if err := a.Store.NewApplicant(&p, applied); err != nil {
		t.Fatalf("new applicant %s: %v", name, err)
	}
	return p
}

// saveStep stores a record directly (for setting a scene, not for what is tested).
func saveStep(t *testing.T, a *App, st data.DevStep) {
	t.Helper()
	if err := a.Store.SaveDevStep(&st); err != nil {
		t.Fatalf("save step %d: %v", st.Step, err)
	}
}

// mentors are two 正式党员 since 2006, eligible as 培养联系人 and 入党介绍人.
func mentors(t *testing.T, a *App) {
	t.Helper()
	storeMembers(t, a,
		fullMember("李红", validID("640106", "19780312", "024"), civil.New(2005, 7, 1)),
		fullMember("张明", validID("640106", "19800105", "013"), civil.New(2005, 7, 1)))
}

func personNamed(t *testing.T, a *App, name string) data.Person {
	t.Helper()
	people, err := a.Store.People()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no person %s in the store", name)
	return data.Person{}
}

func stepTitle(n int) string { return data.StepDefFor(n).Title(data.RuleVersion2014) }

// openPerson shows the development record of the person over an empty window.
func openPerson(t *testing.T, a *App, id uint) fyne.Canvas {
	t.Helper()
	showInWindow(a, widget.NewLabel(""))
	ShowDevelopmentPerson(a, id)
	c := a.Window.Canvas()
	requireShown(t, c, "发展党员工作细则版本")
	return c
}

// field is one input of a step form: its label and what to enter.
type field struct{ label, value string }

// recordStep opens the step's form from the person's record, fills it and
// saves, failing unless the form closes (saved without objection).
func recordStep(t *testing.T, c fyne.Canvas, n int, fields ...field) {
	t.Helper()
	// The step's own row has 登记 (no record yet) or 添加; a button of
	// another step is only found in a larger container.
	button := "登记"
	register, registerSize := buttonNear(c, stepTitle(n), "登记")
	if add, addSize := buttonNear(c, stepTitle(n), "添加"); add != nil && (register == nil || addSize < registerSize) {
		button = "添加"
	}
	tapButtonNear(t, c, stepTitle(n), button)
	for _, f := range fields {
		fillField(t, c, f.label, f.value)
	}
	overlays := len(c.Overlays().List())
	tapButton(t, c, "保存（Ctrl+S）")
	if len(c.Overlays().List()) >= overlays {
		t.Fatalf("step %d was not saved; shown: %q", n, shownTexts(c))
	}
}

// ---- the whole way in ------------------------------------------------------------------------

// A person goes from 入党申请人 to 正式党员 through the screens only: the
// board's 新增入党申请人, the card, and the form of each step.
func TestDevelopmentFromApplicantToFullMember(t *testing.T) {
	a := newTestUIApp(t)
	mentors(t, a)
	showInWindow(a, NewDevelopmentScreen(a))
	c := a.Window.Canvas()

	tapButton(t, c, "新增入党申请人")
	fillField(t, c, data.FieldName, "赵青")
	fillField(t, c, data.FieldIDNumber, validID("640106", "19950402", "128"))
	if g := fieldInput(t, c, data.FieldGender).(*widget.Select); g.Selected != "女" {
		t.Errorf("性别 from the ID number = %q, want 女", g.Selected)
	}
	fillField(t, c, data.FieldPost, "语文教师")
	fillField(t, c, data.FieldMobile, "13912345678")
	fillField(t, c, "递交申请书日期", "2021-03-01")
	tapButton(t, c, "保存（Ctrl+S）")
	p := personNamed(t, a, "赵青")
	if p.Stage != data.StageApplicant || p.BirthDate != civil.New(1995, 4, 2) || p.Post != "语文教师" {
		t.Fatalf("new applicant = %s, born %s, post %q", p.Stage, p.BirthDate, p.Post)
	}
	requireShown(t, c, "入党申请人（1）")

	tapCard(t, c, "赵青")
	requireShown(t, c, "下一步：第2步“党组织派人谈话”")
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
			if p := personNamed(t, a, "赵青"); p.Stage != data.StageProbationer || p.JoinDate != civil.New(2022, 12, 1) {
				t.Fatalf("after approval: %s, 入党 %s; want 预备党员 from the 支部大会 2022-12-01", p.Stage, p.JoinDate)
			}
		}
	}

	p = personNamed(t, a, "赵青")
	if p.Stage != data.StageFull || p.JoinDate != civil.New(2022, 12, 1) || p.FullDate != civil.New(2023, 12, 1) {
		t.Fatalf("at the end: %s, 入党 %s, 转正 %s; want 正式党员, 2022-12-01, 2023-12-01 (预备期满, not the meeting or approval)",
			p.Stage, p.JoinDate, p.FullDate)
	}
	if p.Introducers != "李红、张明" {
		t.Errorf("入党介绍人 = %q", p.Introducers)
	}
	requireShown(t, c, "发展程序已完成")
	steps2, err := a.Store.DevSteps(p.ID)
	if err != nil || len(steps2) != 26 {
		t.Fatalf("%d records stored (%v), want 26", len(steps2), err)
	}
	d, _ := a.Store.LoadDevData()
	if fs := rules.NewChecker(d, rules.DefaultOptions()).Person(p.ID, testToday); len(fs) > 0 {
		t.Errorf("the rules still report: %v", fs)
	}
}

// ---- the people pickers -------------------------------------------------------------------------

func TestIntroducerPickerOffersOnlyEligibleMembers(t *testing.T) {
	a := newTestUIApp(t)
	mentors(t, a)
	probationer := data.Person{Name: "王预备", Stage: data.StageProbationer, JoinDate: civil.New(2022, 6, 1)}
	disciplined := fullMember("赵察看", "", civil.New(2000, 7, 1))
	disciplined.Disciplined = true
	late := fullMember("钱新", "", civil.New(2022, 12, 1)) // 正式党员 from 2023-12-01
	storeMembers(t, a, probationer, disciplined, late)
	p := applicant(t, a, "孙申", civil.New(2021, 3, 1))
	c := openPerson(t, a, p.ID)

	tapButtonNear(t, c, stepTitle(data.StepIntroducers), "登记")
	places := fieldInput(t, c, string(data.RoleIntroducer)).(*fyne.Container).Objects
	if len(places) != 2 {
		t.Fatalf("%d places for 入党介绍人, want exactly 2", len(places))
	}
	first := places[0].(*widget.Select)
	if !first.Disabled() {
		t.Error("the picker is open before a date says who is eligible")
	}

	fillField(t, c, "日期", "2022-09-25")
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
	fillField(t, c, "日期", "2024-03-01")
	fillField(t, c, string(data.RoleIntroducer), "李红、钱新")
	fillField(t, c, "日期", "2022-09-25")
	if places[1].(*widget.Select).Selected != "" {
		t.Errorf("钱新 is still chosen for a date before he was a 正式党员")
	}
	requireShown(t, c, "钱新在 2022-09-25 时不能担任入党介绍人")
}

// The store's refusal is said in the form, and nothing is saved.
func TestStepFormShowsTheStoresRefusal(t *testing.T) {
	a := newTestUIApp(t)
	mentors(t, a)
	p := applicant(t, a, "孙申", civil.New(2021, 3, 1))
	c := openPerson(t, a, p.ID)

	tapButtonNear(t, c, stepTitle(data.StepIntroducers), "登记")
	fillField(t, c, "日期", "2022-09-25")
	fillField(t, c, string(data.RoleIntroducer), "李红")
	tapButton(t, c, "保存（Ctrl+S）")
	requireShown(t, c, "入党介绍人应为2人，现在是1人")
	if steps, _ := a.Store.DevSteps(p.ID); len(steps) != 1 {
		t.Errorf("%d records stored, want only the application", len(steps))
	}
}

// A record the rules will report (a 发展对象 less than a year after becoming
// an activist, D4) is shown before saving and saved only on confirmation.
func TestStepFormWarnsOfRuleErrorsBeforeSaving(t *testing.T) {
	a := newTestUIApp(t)
	p := applicant(t, a, "孙申", civil.New(2021, 3, 1))
	saveStep(t, a, data.DevStep{PersonID: p.ID, Step: data.StepActivist, Date: civil.New(2021, 9, 10), Source: data.SourceMembers})
	c := openPerson(t, a, p.ID)

	tapButtonNear(t, c, stepTitle(data.StepCandidate), "登记")
	fillField(t, c, "日期", "2022-03-01")
	tapButton(t, c, "保存（Ctrl+S）")
	requireShown(t, c, "还不满一年")
	if got := personNamed(t, a, "孙申"); got.Stage != data.StageActivist {
		t.Fatalf("saved before confirmation: %s", got.Stage)
	}
	tapButton(t, c, "仍然保存")
	if got := personNamed(t, a, "孙申"); got.Stage != data.StageCandidate {
		t.Fatalf("not saved after confirmation: %s", got.Stage)
	}
	requireShown(t, c, "确定为发展对象时，确定为入党积极分子（2021-09-10）还不满一年") // now beside step 7
}

// ---- the vote ------------------------------------------------------------------------------------

func TestVoteEvaluationAsTyped(t *testing.T) {
	a := newTestUIApp(t)
	p := applicant(t, a, "孙申", civil.New(2021, 3, 1))
	c := openPerson(t, a, p.ID)
	tapButtonNear(t, c, stepTitle(data.StepBranchMeeting), "登记")
	requireShown(t, c, "填写人数后")

	fillField(t, c, "应到人数", "10")
	fillField(t, c, "实到人数", "8")
	fillField(t, c, "赞成票", "5") // exactly half of 应到: a tie is not "超过半数"
	requireShown(t, c, "表决结果：不通过")
	fillField(t, c, "书面意见赞成", "1") // an absent member's written opinion counts
	requireShown(t, c, "表决结果：通过")
	fillField(t, c, "实到人数", "5") // 5 of 10 present is not a quorum for an admission vote
	requireShown(t, c, "表决结果：不通过")
	fillField(t, c, "实到人数", "11")
	requireShown(t, c, "实到 11 人多于应到 10 人")
}

// ---- the board -----------------------------------------------------------------------------------

func TestBoardCountsEachStageAndFilters(t *testing.T) {
	a := newTestUIApp(t)
	applicant(t, a, "甲", civil.New(2025, 3, 1))
	applicant(t, a, "乙", civil.New(2026, 3, 1))
	act := applicant(t, a, "丙", civil.New(2024, 3, 1))
	saveStep(t, a, data.DevStep{PersonID: act.ID, Step: data.StepActivist, Date: civil.New(2024, 9, 10), Source: data.SourceLeague})
	stopped := applicant(t, a, "丁", civil.New(2025, 5, 1))
	if err := a.Store.StopDevelopment(stopped.ID, civil.New(2026, 1, 5), "本人调离"); err != nil {
		t.Fatal(err)
	}
	storeMembers(t, a,
		data.Person{Name: "戊", Stage: data.StageProbationer, JoinDate: civil.New(2025, 12, 1)},
		data.Person{Name: "己", Stage: data.StageFull, JoinDate: civil.New(2025, 3, 1), FullDate: civil.New(2026, 3, 1)},
		fullMember("庚", "", civil.New(2010, 7, 1))) // long a member: not on the board

	b := newDevelopmentBoard(a)
	showInWindow(a, b.content)
	c := a.Window.Canvas()
	for _, h := range []string{"入党申请人（2）", "入党积极分子（1）", "发展对象（0）", "预备党员（1）", "今年转正（1）"} {
		requireShown(t, c, h)
	}
	if hasShown(c, "停止培养（") || hasText(c, "庚") || hasText(c, "丁") {
		t.Errorf("the board shows people it should not: %q", shownTexts(c))
	}

	b.year.SetSelected("2026年")
	requireShown(t, c, "入党申请人（1）")
	requireShown(t, c, "今年转正（1）")
	b.year.SetSelected(choiceAllYears)
	b.stage.SetSelected(string(data.RollStopped))
	requireShown(t, c, "停止培养（1）")
	if !hasText(c, "丁") || hasText(c, "甲") {
		t.Errorf("the 停止培养 filter shows %q", shownTexts(c))
	}
}

func TestBoardCardShowsNextActionAndMarks(t *testing.T) {
	a := newTestUIApp(t)
	applicant(t, a, "甲", civil.New(2026, 4, 1)) // no talk in more than a month (D2)
	b := newDevelopmentBoard(a)
	showInWindow(a, b.content)
	c := a.Window.Canvas()
	requireShown(t, c, "下一步：党组织派人谈话")
	requireShown(t, c, "已超期（应在 2026-05-01 前）")
	requireShown(t, c, "● 1")
}

// ---- stop, resume, version, delete -------------------------------------------------------------

func TestStopResumeAndRuleVersionFromThePersonView(t *testing.T) {
	a := newTestUIApp(t)
	p := applicant(t, a, "孙申", civil.New(2021, 3, 1))
	c := openPerson(t, a, p.ID)

	var version *widget.Select
	for _, o := range visibleOnCanvas(c) {
		if s, ok := o.(*widget.Select); ok && slices.Contains(s.Options, "2026.05（待核对原文）") {
			version = s
		}
	}
	if version == nil || version.Selected != data.RuleVersion2014 {
		t.Fatalf("rule version choice missing or wrong (an application of 2021 follows 2014): %v", version)
	}
	version.SetSelected("2026.05（待核对原文）")
	if got := personNamed(t, a, "孙申"); got.RuleVersion != data.RuleVersion2026 {
		t.Errorf("rule version = %q after choosing 2026.05", got.RuleVersion)
	}

	tapButton(t, c, "停止培养")
	tapButton(t, c, "停止培养") // the dialog's own button, without a reason
	requireShown(t, c, "请写明停止培养的原因")
	fillField(t, c, "原因", "本人申请暂缓")
	tapButton(t, c, "停止培养")
	if got := personNamed(t, a, "孙申"); got.Roll != data.RollStopped {
		t.Fatalf("roll = %s after 停止培养", got.Roll)
	}
	if b, _ := buttonNear(c, "第", "登记"); b != nil {
		t.Error("steps can still be recorded for someone no longer developed")
	}
	tapButton(t, c, "恢复培养")
	tapButton(t, c, "恢复培养")
	if got := personNamed(t, a, "孙申"); got.Roll != data.RollActive {
		t.Fatalf("roll = %s after 恢复培养", got.Roll)
	}
}

func TestEditAndDeleteARecord(t *testing.T) {
	a := newTestUIApp(t)
	p := applicant(t, a, "孙申", civil.New(2021, 3, 1))
	saveStep(t, a, data.DevStep{PersonID: p.ID, Step: data.StepActivist, Date: civil.New(2021, 9, 10), Source: data.SourceMembers})
	c := openPerson(t, a, p.ID)

	tapButtonNear(t, c, "2021-09-10：党员推荐", "修改")
	fillField(t, c, "推荐方式", data.SourceLeague)
	tapButton(t, c, "保存（Ctrl+S）")
	requireShown(t, c, "2021-09-10："+data.SourceLeague)

	tapButtonNear(t, c, "2021-09-10："+data.SourceLeague, "删除")
	tapButton(t, c, "删除") // confirm
	got := personNamed(t, a, "孙申")
	if got.Stage != data.StageApplicant {
		t.Errorf("stage after deleting the activist record = %s, want back to 入党申请人", got.Stage)
	}
	if hasShown(c, "2021-09-10："+data.SourceLeague) {
		t.Error("the deleted record is still shown")
	}
}

// ---- findings beside their steps -----------------------------------------------------------------

func TestFindingsGoBesideTheirSteps(t *testing.T) {
	for _, tc := range []struct {
		rule, message string
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
		if got := stepOfFinding(rules.Finding{Rule: tc.rule, Message: tc.message}); got != tc.step {
			t.Errorf("%s %q → step %d, want %d", tc.rule, tc.message, got, tc.step)
		}
	}
}

// ---- the 待办 card -----------------------------------------------------------------------------------

func TestTodoCardListsFindingsAndOpensThePerson(t *testing.T) {
	a := newTestUIApp(t)
	applicant(t, a, "甲", civil.New(2026, 4, 1)) // D2: no talk after a month
	showInWindow(a, NewDashboard(a))
	c := a.Window.Canvas()
	requireShown(t, c, "待办（发展党员）")
	requireShown(t, c, "已超过一个月，还没有登记党组织派人谈话")

	tapCard(t, c, "甲")
	requireShown(t, c, "发展党员记录：甲")
	requireShown(t, c, "已超过一个月，还没有登记党组织派人谈话") // beside step 2 of the record
}

func TestTodoCardShowsEightThenAll(t *testing.T) {
	a := newTestUIApp(t)
	for _, name := range []string{"一", "二", "三", "四", "五", "六", "七", "八", "九"} {
		applicant(t, a, "甲"+name, civil.New(2026, 4, 1))
	}
	showInWindow(a, NewDashboard(a))
	c := a.Window.Canvas()
	lines := func() int {
		n := 0
		for _, o := range visibleOnCanvas(c) {
			if _, ok := o.(*tapArea); ok {
				n++
			}
		}
		return n
	}
	if n := lines(); n != todoShown {
		t.Fatalf("%d 待办 lines shown at first, want %d", n, todoShown)
	}
	tapButton(t, c, "查看全部 10 条") // nine talks and the branch's 优秀青年教师 target
	if n := lines(); n != 9 {
		t.Errorf("%d person lines after 查看全部, want 9", n)
	}
	requireShown(t, c, "本支部")
	tapButton(t, c, "收起")
	if n := lines(); n != todoShown {
		t.Errorf("%d lines after 收起", n)
	}
}

// ---- the plan ----------------------------------------------------------------------------------------

func TestPlanLinesAndYoungTeacherProgress(t *testing.T) {
	a := newTestUIApp(t)
	p := applicant(t, a, "孙申", civil.New(2024, 3, 1))
	saveStep(t, a, data.DevStep{PersonID: p.ID, Step: data.StepActivist, Date: civil.New(2024, 9, 10), Source: data.SourceLeague})
	storeMembers(t, a, data.Person{Name: "周青", Stage: data.StageProbationer, JoinDate: civil.New(2026, 3, 1)})

	tab := newDevPlanTab(a)
	showInWindow(a, tab.content)
	c := a.Window.Canvas()
	requireShown(t, c, "今年已发展优秀青年教师 0 / 目标 1")

	tapButton(t, c, "新增计划")
	fillField(t, c, "姓名", "孙申")
	fillField(t, c, "拟发展时间", "2026.9")
	tapButton(t, c, "保存")
	plans, err := a.Store.DevPlans(2026)
	if err != nil || len(plans) != 1 || plans[0].PersonID != p.ID || plans[0].Planned.String() != "2026-09" ||
		plans[0].Stage != data.StageProbationer {
		t.Fatalf("plans = %+v (%v)", plans, err)
	}
	requireShown(t, c, "2026年发展党员计划（1 人）")

	var check *widget.Check
	for _, o := range visibleOnCanvas(c) {
		if ch, ok := o.(*widget.Check); ok && strings.HasPrefix(ch.Text, "周青") {
			check = ch
		}
	}
	if check == nil {
		t.Fatalf("周青, admitted this year, cannot be marked; shown: %q", shownTexts(c))
	}
	test.Tap(check)
	if !personNamed(t, a, "周青").YoungTeacher {
		t.Fatal("the mark was not saved")
	}
	requireShown(t, c, "今年已发展优秀青年教师 1 / 目标 1")

	tapButtonNear(t, c, "孙申", "删除")
	tapButton(t, c, "删除")
	if plans, _ := a.Store.DevPlans(2026); len(plans) != 0 {
		t.Errorf("plan line not deleted: %+v", plans)
	}
}
