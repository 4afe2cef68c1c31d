package development

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// devPersonView is one person's way into the party: the 25 steps in their
// five stages, each with its records and the findings of the rule engine
// that concern it, the next action highlighted. It opens over whatever
// screen asked for it (a board card, a 待办 line) and reloads itself after
// each change it makes, telling the other screens too.
type devPersonView struct {
	a        *core.App
	id       uint
	d        data.DevData
	person   data.Person
	timeline data.Timeline
	findings []rules.Finding
	dlg      *dialog.CustomDialog
	body     *fyne.Container
	scroll   *container.Scroll
	stepRows map[int]fyne.CanvasObject // the row of each step, for the jumps of the error summary
}

// ShowDevelopmentPerson opens the development record of a person: the 25
// steps with what is recorded and what the rules say about it.
func ShowDevelopmentPerson(a *core.App, personID uint) {
	v, err := newDevPersonView(a, personID)
	if err != nil {
		a.ShowError("无法打开发展党员记录", err)
		return
	}
	v.dlg.Show()
}

func newDevPersonView(a *core.App, personID uint) (*devPersonView, error) {
	v := &devPersonView{a: a, id: personID, body: container.NewStack()}
	if err := v.load(); err != nil {
		return nil, err
	}
	v.render()
	v.dlg = dialog.NewCustom("发展党员记录："+v.person.Name, "关闭", v.body, a.Window)
	size := a.Window.Canvas().Size()
	v.dlg.Resize(fyne.NewSize(min(1120, size.Width-40), min(720, size.Height-30)))
	return v, nil
}

// load reads everything the view shows. The whole branch is loaded because
// the checks look at other people too (the 入党介绍人's standing).
func (v *devPersonView) load() error {
	d, err := v.a.Store.LoadDevData()
	if err != nil {
		return err
	}
	v.d = d
	found := false
	for _, p := range d.People {
		if p.ID == v.id {
			v.person, found = p, true
		}
	}
	if !found {
		return errors.New("找不到这个人，可能已被删除；请在党员名册的回收站中查看")
	}
	checker := rules.NewChecker(d, rules.DefaultOptions())
	v.timeline = checker.Timeline(&v.person, civil.Date{})
	v.findings = checker.Person(v.id, v.a.Today())
	return nil
}

// changed reloads the view after a change and tells the other screens.
func (v *devPersonView) changed() {
	if err := v.load(); err != nil {
		v.a.ShowError("无法刷新发展党员记录", err)
		return
	}
	v.render()
	v.a.NotifyChanged()
}

// phaseNumbers number the five stages as the chart does.
var phaseNumbers = []string{"", "一", "二", "三", "四", "五"}

func (v *devPersonView) render() {
	byStep := map[int][]rules.Finding{}
	for _, f := range v.findings {
		n := stepOfFinding(f)
		byStep[n] = append(byStep[n], f)
	}
	steps := container.NewVBox()
	v.stepRows = map[int]fyne.CanvasObject{}
	for phase := 1; phase < len(data.Phases); phase++ {
		steps.Add(widgets.Heading(phaseNumbers[phase] + "、" + data.Phases[phase]))
		for _, def := range data.StepsOfPhase(phase) {
			row := v.stepRow(def, byStep[def.Number])
			v.stepRows[def.Number] = row
			steps.Add(row)
		}
	}
	top := container.NewVBox(v.header())
	if summary := v.errorSummary(); summary != nil {
		top.Add(summary)
	}
	if general := byStep[0]; len(general) > 0 {
		top.Add(findingBox(general))
	}
	// The scroll is kept where it was, so after recording step 20 the user
	// still looks at step 20 (issue 13).
	if v.scroll == nil {
		v.scroll = widgets.FormScroll(steps)
	} else {
		widgets.ReplaceScrollPage(v.scroll, steps)
	}
	v.body.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil, v.scroll)}
	v.body.Refresh()
}

// errorSummary lists the person's open errors above the steps, each with a
// jump to the step it concerns (issue 13); nil when there are none.
func (v *devPersonView) errorSummary() fyne.CanvasObject {
	var lines []fyne.CanvasObject
	for _, f := range v.findings {
		if f.Severity != rules.SeverityError {
			continue
		}
		n := stepOfFinding(f)
		line := findingLine(f, false)
		if n == 0 {
			lines = append(lines, line)
			continue
		}
		jump := widget.NewButtonWithIcon("第"+strconv.Itoa(n)+"步", theme.NavigateNextIcon(), func() { v.jumpTo(n) })
		jump.Importance = widget.LowImportance
		lines = append(lines, container.NewBorder(nil, nil, nil, jump, line))
	}
	if len(lines) == 0 {
		return nil
	}
	head := widget.NewLabelWithStyle(fmt.Sprintf("有 %d 处错误需要处理：", len(lines)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Importance = widget.DangerImportance
	return container.NewVBox(head, container.NewVBox(lines...), widget.NewSeparator())
}

// jumpTo scrolls the steps so that step n is at the top.
func (v *devPersonView) jumpTo(n int) {
	if row := v.stepRows[n]; row != nil {
		v.scroll.ScrollToOffset(fyne.NewPos(0, row.Position().Y))
	}
}

// header names the person and their stage, the next action, the rule
// version the record follows and 停止/恢复培养.
func (v *devPersonView) header() fyne.CanvasObject {
	p := &v.person
	name := canvas.NewText(p.Name, theme.Color(theme.ColorNameForeground))
	name.TextSize = 22
	name.TextStyle.Bold = true
	status := string(p.Stage)
	if p.Roll != data.RollActive {
		status += "，" + string(p.Roll)
		if !p.RollDate.IsZero() {
			status += "（" + p.RollDate.String() + "）"
		}
	}
	left := container.NewVBox(container.NewHBox(name, widget.NewLabel(status)), widget.NewLabel(personFacts(p)))
	right := container.NewHBox(widget.NewLabel("发展党员工作细则版本"), v.versionChoice())
	if b := v.stopResumeButton(); b != nil {
		right.Add(b)
	}
	head := container.NewVBox(
		container.NewBorder(nil, nil, left, container.NewVBox(right)),
		v.nextActionLabel())
	if citesUnverified(v.findings) {
		head.Add(widgets.QuietLabel(unverifiedLegend))
	}
	head.Add(widget.NewSeparator())
	return head
}

// personFacts is the line of facts under the name.
func personFacts(p *data.Person) string {
	var parts []string
	add := func(label, value string) {
		if value != "" {
			parts = append(parts, label+" "+value)
		}
	}
	add("性别", p.Gender)
	add("出生", p.BirthDate.String())
	add("岗位", p.Post)
	add("手机", p.Mobile)
	add("入党介绍人", p.Introducers)
	if p.YoungTeacher {
		parts = append(parts, "优秀青年教师")
	}
	return strings.Join(parts, " · ")
}

// nextActionLabel says what comes next, in the primary colour, red once late.
func (v *devPersonView) nextActionLabel() fyne.CanvasObject {
	n := v.timeline.Next
	l := widget.NewLabel("")
	l.TextStyle.Bold = true
	l.Wrapping = fyne.TextWrapWord
	switch {
	case n.Step == 0 && n.Text == "":
		l.SetText("没有待办的发展步骤")
		l.Importance = widget.LowImportance
	case n.Step == 0:
		l.SetText(n.Text)
		l.Importance = widget.WarningImportance
	default:
		text := "下一步：第" + strconv.Itoa(n.Step) + "步“" + n.Name + "”"
		when, overdue := nextActionDate(n, v.a.Today())
		if when != "" {
			text += "，" + when
		}
		l.SetText(text)
		l.Importance = widget.HighImportance
		if overdue {
			l.Importance = widget.DangerImportance
		}
	}
	return l
}

// ruleVersionLabel is how a version is offered: 2026.05 is marked as not
// yet checked against the official text.
func ruleVersionLabel(v data.RuleVersionInfo) string {
	if v.Unverified {
		return v.ID + "（待核对原文）"
	}
	return v.ID
}

// versionChoice picks the person's version of the 细则. Unset, it shows the
// version the checks use (data.RecordVersion, as in the Timeline): the one in
// force on the record's earliest date, or, when the record has no date at
// all, the branch's default, said to be a stand-in (docs/rules.md, "Rule
// versions").
func (v *devPersonView) versionChoice() fyne.CanvasObject {
	var labels []string
	current := v.timeline.Version
	selected := ""
	for _, rv := range data.RuleVersions {
		labels = append(labels, ruleVersionLabel(rv))
		if rv.ID == current {
			selected = ruleVersionLabel(rv)
		}
	}
	version := widget.NewSelect(labels, nil)
	version.Selected = selected
	version.OnChanged = v.versionChosen
	choice := widgets.Sized(230, version)
	if v.person.RuleVersion != "" {
		return choice
	}
	if !v.timeline.VersionKnown {
		unknown := widget.NewLabel(versionUnknownText)
		unknown.Importance = widget.WarningImportance
		return container.NewHBox(choice, unknown)
	}
	return container.NewHBox(choice, widgets.QuietLabel(versionByDateText))
}

// How a version the person has not been given is explained beside it.
const (
	versionByDateText  = "（按记录中最早的日期确定）"
	versionUnknownText = "（记录中没有日期，无法确定，暂按支部默认）"
)

func (v *devPersonView) versionChosen(label string) {
	for _, rv := range data.RuleVersions {
		if ruleVersionLabel(rv) != label || rv.ID == v.person.RuleVersion {
			continue
		}
		p := v.person
		p.RuleVersion = rv.ID
		if err := v.a.Store.UpdatePerson(&p); err != nil {
			v.a.ShowError("细则版本未改", err)
		}
		v.changed()
	}
}

// stopResumeButton is 停止培养 for someone being developed, 恢复培养 for
// someone stopped; members have neither (their changes are status events).
func (v *devPersonView) stopResumeButton() *widget.Button {
	p := &v.person
	switch {
	case p.Stage.IsMember():
		return nil
	case p.Roll == data.RollActive:
		return widget.NewButtonWithIcon("停止培养", theme.MediaPauseIcon(), func() { v.showDevelopmentChange(true) })
	case p.Roll == data.RollStopped:
		return widget.NewButtonWithIcon("恢复培养", theme.MediaPlayIcon(), func() { v.showDevelopmentChange(false) })
	}
	return nil
}

// showDevelopmentChange records 停止培养 (with its reason) or 恢复培养.
func (v *devPersonView) showDevelopmentChange(stop bool) {
	title, explain, noteLabel := "恢复培养", "恢复后，此人从原来的阶段继续培养，重新列入发展名册和待办提醒。", "说明"
	if stop {
		title, explain, noteLabel = "停止培养",
			"停止培养后，此人不再列入发展名册，也不再提醒；日期和原因记入此人的历史，以后可以恢复培养。", "原因"
	}
	date := widgets.NewDateField(v.a)
	date.SetDate(v.a.Today())
	note := widgets.NewMultiLineFormEntry()
	note.SetMinRowsVisible(3)
	message := widgets.HiddenMessage(widget.DangerImportance)
	intro := widget.NewLabel(explain)
	intro.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(intro, widgets.NewFormField("日期", date).Row, widgets.NewFormField(noteLabel, note).Row, message)
	dlg := dialog.NewCustomWithoutButtons(title+"："+v.person.Name, content, v.a.Window)
	record := func() bool {
		d, err := date.Date()
		if err == nil {
			change := v.a.Store.ResumeDevelopment
			if stop {
				change = v.a.Store.StopDevelopment
			}
			err = change(v.id, d, note.Text)
		}
		if err != nil {
			message.SetText(err.Error())
			message.Show()
			return false
		}
		dlg.Hide()
		v.changed()
		return true
	}
	unsaved := core.DialogForm(title, dlg, content, nil, record)
	cancel := func() { v.a.AskLeave(unsaved) }
	keys := widgets.FormKeys{Ctrl: map[fyne.KeyName]func(){fyne.KeyS: func() { record() }}, Escape: cancel}
	date.SetKeys(keys)
	note.SetKeys(keys)
	ok := widget.NewButtonWithIcon(title, theme.ConfirmIcon(), func() { record() })
	ok.Importance = widget.HighImportance
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), cancel), ok})
	dlg.Resize(fyne.NewSize(520, 0))
	v.a.ShowForm(dlg, unsaved, nil)
}

// stepTitleWidth fits “第18步 再上一级党委组织部门备案” on one line.
const stepTitleWidth = 300

// stepRow is one step: its title, its records (each with 修改 and 删除), the
// findings that concern it, and 登记 or 添加. The next step is highlighted.
func (v *devPersonView) stepRow(def *data.StepDef, findings []rules.Finding) fyne.CanvasObject {
	version := v.timeline.Version
	isNext := v.timeline.Next.Step == def.Number
	title := widget.NewLabel(def.Title(version))
	title.TextStyle.Bold = isNext
	title.Wrapping = fyne.TextWrapWord
	titleBox := container.NewVBox(title)
	if isNext {
		mark := widget.NewLabel("← 下一步")
		mark.Importance = widget.HighImportance
		titleBox.Add(mark)
	}

	records := v.timeline.Records(def.Number)
	body := container.NewVBox()
	if len(records) == 0 {
		// In the text colour: the secretary scans for what is missing.
		body.Add(widget.NewLabel("未登记"))
	}
	for i := range records {
		body.Add(v.recordLine(def, &records[i]))
	}
	for _, f := range findings {
		body.Add(findingLine(f, false))
	}
	var add fyne.CanvasObject = container.NewHBox()
	if v.canAdd(def, len(records)) {
		text := "登记"
		if len(records) > 0 {
			text = "添加"
		}
		b := widget.NewButtonWithIcon(text, theme.ContentAddIcon(), func() { v.openForm(def, nil) })
		if isNext {
			b.Importance = widget.HighImportance
		}
		add = container.NewVBox(b)
	}
	row := widgets.Columns([]float32{stepTitleWidth}, titleBox, container.NewBorder(nil, nil, nil, add, body))
	if !isNext {
		return row
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
	bg.CornerRadius = theme.InputRadiusSize()
	return container.NewStack(bg, row)
}

// canAdd reports whether another record of the step may be entered now. The
// second record of steps 22–24 belongs to a 预备期 that was extended.
func (v *devPersonView) canAdd(def *data.StepDef, count int) bool {
	switch {
	case v.person.Roll != data.RollActive:
		return false // the store refuses new records of people not developed any more
	case count == 0 || def.MaxRecords == 0:
		return true
	case count >= def.MaxRecords:
		return false
	}
	if def.Number >= data.StepTransferApply && def.Number <= data.StepTransferApproval {
		ts := v.timeline.Transfers
		return len(ts) > 0 && ts[0].Decision() == data.DecisionExtend
	}
	return true
}

// recordLine is one record in words, with 修改 and 删除.
func (v *devPersonView) recordLine(def *data.StepDef, st *data.DevStep) fyne.CanvasObject {
	text := widget.NewLabel(recordText(def, st))
	text.Wrapping = fyne.TextWrapWord
	rec := *st
	edit := widgets.NewIconButton(theme.DocumentCreateIcon(), "修改", func() { v.openForm(def, &rec) })
	del := widgets.NewIconButton(theme.DeleteIcon(), "删除", func() { v.confirmDelete(def, rec) })
	return container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), text)
}

// openForm opens the step form for a new record (rec nil) or to edit rec.
func (v *devPersonView) openForm(def *data.StepDef, rec *data.DevStep) {
	f, err := newStepForm(v.a, stepFormInput{
		person: v.person, def: def, record: rec, version: v.timeline.Version, devData: v.d,
	}, v.changed)
	if err != nil {
		v.a.ShowError("无法打开登记表", err)
		return
	}
	f.show()
}

func (v *devPersonView) confirmDelete(def *data.StepDef, st data.DevStep) {
	msg := widget.NewLabel(fmt.Sprintf("确定删除%s %s 的这条记录吗？\n删除后如此人的阶段因此改变（例如删掉“确定发展对象”），会退回上一阶段；已入党、转正的不会改变。",
		def.Title(v.timeline.Version), st.Date))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("删除记录", "删除", "取消", msg, func(ok bool) {
		if !ok {
			return
		}
		if err := v.a.Store.DeleteDevStep(st.ID); err != nil {
			v.a.ShowError("记录未删除", err)
			return
		}
		v.changed()
	}, v.a.Window)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// recordText is a record in words: the date, then whatever the step holds.
func recordText(def *data.StepDef, st *data.DevStep) string {
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if def.PeriodLabel != "" && !st.Start.IsZero() {
		add(def.PeriodLabel + " " + st.Start.String() + " 至 " + st.End.String())
	}
	if st.Hours > 0 {
		add(strconv.Itoa(st.Hours) + " 学时")
	}
	add(st.Kind)
	add(st.Source)
	for _, need := range def.People {
		if names := st.Names(need.Role); names != "" {
			add(string(need.Role) + "：" + names)
		}
	}
	if st.Number != "" {
		add("志愿书编号 " + st.Number)
	}
	if st.Vote.Recorded() {
		add(voteText(st.Vote))
	}
	if st.Result != "" {
		add("结果：" + st.Result)
	}
	if !st.ExtendTo.IsZero() {
		add("延长预备期至 " + st.ExtendTo.String())
	}
	if st.Note != "" {
		add("备注：" + st.Note)
	}
	if len(parts) == 0 {
		return st.Date.String()
	}
	return st.Date.String() + "：" + strings.Join(parts, "；")
}

// voteText sums a vote up with its verdict.
func voteText(v data.Vote) string {
	s := fmt.Sprintf("应到 %d 人，实到 %d 人，赞成 %d 票，反对 %d 票，弃权 %d 票", v.Expected, v.Present, v.For, v.Against, v.Abstain)
	if v.WrittenFor+v.WrittenAgainst > 0 {
		s += fmt.Sprintf("，书面意见赞成 %d、反对 %d", v.WrittenFor, v.WrittenAgainst)
	}
	return s + "（" + voteVerdict(rules.EvaluateVote(rules.VoteAdmission, v)) + "）"
}

// voteVerdict is 通过, 不通过, or why the counts cannot be judged.
func voteVerdict(r rules.VoteResult) string {
	switch {
	case !r.Valid:
		return "人数有误"
	case r.Passed:
		return "通过"
	}
	return "不通过"
}

// findingBox lists findings that concern no single step (the register's
// dates, the order of the whole chain), above the steps.
func findingBox(findings []rules.Finding) fyne.CanvasObject {
	box := container.NewVBox()
	for _, f := range findings {
		box.Add(findingLine(f, false))
	}
	return container.NewVBox(box, widget.NewSeparator())
}

// findingLine is a finding as a line: the coloured severity, the message
// (without the person's name when withPerson is false) and its date.
func findingLine(f rules.Finding, withPerson bool) fyne.CanvasObject {
	// Dates and the closing "）" of the citation stay on their line (TokenWrap).
	return widgets.NewTokenWrap(
		&widget.TextSegment{Text: "● " + f.Severity.Label() + "　", Style: widget.RichTextStyle{
			ColorName: severityColour(f.Severity), TextStyle: fyne.TextStyle{Bold: true}, Inline: true}},
		&widget.TextSegment{Text: FindingText(f, withPerson, true) + FindingDue(f), Style: widget.RichTextStyle{
			ColorName: theme.ColorNameForeground, Inline: true}},
	)
}

// FindingText is a finding's message as the screen shows it: without the
// leading "姓名：" unless withPerson, and without the trailing citation
// unless withBasis, an unverified article then marked (citation.go).
func FindingText(f rules.Finding, withPerson, withBasis bool) string {
	msg := markUnverified(f.Message)
	if !withPerson && f.Person != "" {
		msg = strings.TrimPrefix(msg, f.Person+"：")
	}
	if !withBasis {
		if i := strings.LastIndex(msg, "（依据："); i > 0 && strings.HasSuffix(msg, "）") {
			msg = msg[:i]
		}
	}
	return msg
}

// FindingDue is "（截止 2026-07-01）" or "（最早 …）", "" without a date.
func FindingDue(f rules.Finding) string {
	switch {
	case f.Due.IsZero():
		return ""
	case f.DueIsEarliest:
		return "（最早 " + f.Due.First().String() + "）"
	}
	return "（截止 " + f.Due.Last().String() + "）"
}

// findingSteps place each rule beside the step it concerns; rules that
// concern the whole record (D13, D14 …) go above the steps unless their
// message names a step.
var findingSteps = map[string]int{
	"D1": data.StepApply, "D2": data.StepTalk, rules.RuleTalkDue: data.StepTalk,
	"D3": data.StepActivist, rules.RuleAssessDue: data.StepAssessment,
	"D4": data.StepCandidate, "D5": data.StepCandidate, rules.RuleCandidateDue: data.StepCandidate,
	"D7": data.StepIntroducers, "D8": data.StepBranchMeeting, rules.RuleMeetingDue: data.StepBranchMeeting,
	rules.RuleMissingStep: data.StepBranchMeeting, rules.RuleJoinDate: data.StepBranchMeeting,
	"D10": data.StepApproval, rules.RuleApprovalDue: data.StepApproval, rules.RuleOathDue: data.StepOath,
	"D11": data.StepTransferMeeting, rules.RuleTransferDue: data.StepTransferMeeting,
	rules.RuleConfirmDue: data.StepTransferApproval, "D13": data.StepTransferApproval,
}

var stepInMessage = regexp.MustCompile(`第(\d+)步`)

// stepOfFinding is the step a finding concerns, 0 for the record as a whole.
// Some rules cover two steps; their message says which.
func stepOfFinding(f rules.Finding) int {
	switch f.Rule {
	case "D6":
		if strings.Contains(f.Message, "培训") {
			return data.StepTraining
		}
		return data.StepPoliticalReview
	case "D9":
		if strings.Contains(f.Message, "接收预备党员") {
			return data.StepBranchMeeting
		}
		return data.StepTransferMeeting
	case "D12":
		if strings.Contains(f.Message, "审批") && !strings.Contains(f.Message, "早于预备期满") {
			return data.StepTransferApproval
		}
		return data.StepTransferMeeting
	}
	if n, ok := findingSteps[f.Rule]; ok {
		return n
	}
	if m := stepInMessage.FindStringSubmatch(f.Message); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && data.StepDefFor(n) != nil {
			return n
		}
	}
	return 0
}
