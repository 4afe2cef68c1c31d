package meetings

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/compliance"
	"partyoffice/ui/widgets"
)

// decisionList is the 决定事项: each with its kind, the person a 接收/转正
// is about, the vote and its result under §2.3, worked out as the user types.
type decisionList struct {
	f       *meetingForm
	editors []*decisionEditor
	rows    *fyne.Container
	Content fyne.CanvasObject
}

func newDecisionList(f *meetingForm) *decisionList {
	l := &decisionList{f: f, rows: container.NewVBox()}
	add := widget.NewButtonWithIcon("添加决定事项", theme.ContentAddIcon(), l.add)
	l.Content = container.NewVBox(widgets.SectionHeading("决定事项与表决", add), l.rows)
	l.rebuild()
	return l
}

func (l *decisionList) rebuild() {
	l.rows.Objects = nil
	l.editors = nil
	for i := range l.f.m.Decisions {
		e := newDecisionEditor(l, i)
		l.editors = append(l.editors, e)
		l.rows.Add(e.Content)
	}
	if len(l.f.m.Decisions) == 0 {
		l.rows.Add(widgets.QuietLabel("需要表决的事项（接收预备党员、预备党员转正、选举或其他决议）请点“添加决定事项”。"))
	}
	l.rows.Refresh()
}

func (l *decisionList) add() {
	l.f.m.Decisions = append(l.f.m.Decisions, data.MeetingDecision{Kind: data.DecideGeneral})
	l.rebuild()
}

func (l *decisionList) remove(i int) {
	l.f.m.Decisions = slices.Delete(l.f.m.Decisions, i, i+1)
	l.rebuild()
}

// refreshResults judges every vote again (the attendance or the types changed).
func (l *decisionList) refreshResults() {
	for _, e := range l.editors {
		e.showResult()
	}
}

// firstBadCount is the number (from 1) of the first decision with a count
// that is not a whole number, or 0.
func (l *decisionList) firstBadCount() int {
	for i, e := range l.editors {
		if e.badCount() {
			return i + 1
		}
	}
	return 0
}

// voteField is one number of a vote.
type voteField struct {
	Label   string
	get     func(v *data.Vote) *int
	written bool // 书面意见: only for 接收/转正
	ballot  bool // a vote cast (赞成/反对/弃权), as opposed to a head count
}

var voteFields = []voteField{
	{Label: "应到有表决权", get: func(v *data.Vote) *int { return &v.Expected }},
	{Label: "实到有表决权", get: func(v *data.Vote) *int { return &v.Present }},
	{Label: "赞成", get: func(v *data.Vote) *int { return &v.For }, ballot: true},
	{Label: "反对", get: func(v *data.Vote) *int { return &v.Against }, ballot: true},
	{Label: "弃权", get: func(v *data.Vote) *int { return &v.Abstain }, ballot: true},
	{Label: "书面意见赞成", get: func(v *data.Vote) *int { return &v.WrittenFor }, written: true},
	{Label: "书面意见反对", get: func(v *data.Vote) *int { return &v.WrittenAgainst }, written: true},
}

// decisionEditor edits one decision of the list.
type decisionEditor struct {
	l       *decisionList
	i       int
	kind    *widget.Select
	person  *widget.Select // 接收/转正 only
	subject *widgets.FormEntry
	counts  []*widgets.FormEntry // by voteFields
	bad     []bool
	verdict *widget.Label
	differs *widget.Label
	Content fyne.CanvasObject
}

func newDecisionEditor(l *decisionList, i int) *decisionEditor {
	e := &decisionEditor{l: l, i: i, bad: make([]bool, len(voteFields))}
	d := e.d()
	f := l.f
	e.kind = widget.NewSelect(decisionKindNames(), func(k string) { e.kindChanged(data.DecisionKind(k)) })
	e.kind.Selected = string(d.Kind)
	del := widget.NewButtonWithIcon("删除此项", theme.DeleteIcon(), func() { l.remove(i) })
	del.Importance = widget.LowImportance
	head := container.NewBorder(nil, nil,
		container.NewHBox(widgets.BoldLabel(fmt.Sprintf("第%d项", i+1)), widgets.Sized(160, e.kind)), del)

	e.subject = f.Entry(&d.Subject, subjectHint(d.Kind))
	f.limit(e.subject, data.FieldResolution)
	method := widgets.NewFormSelectEntry(data.VoteMethods)
	method.SetText(d.Method)
	method.SetKeys(f.keys)
	method.OnChanged = func(s string) { e.d().Method = s }

	e.verdict = widget.NewLabel("")
	e.verdict.Wrapping = fyne.TextWrapWord
	e.differs = widgets.HiddenMessage(widget.WarningImportance)
	fill := widget.NewButton("按考勤填入人数", func() { e.fillFromAttendance() })

	rows := []fyne.CanvasObject{head, widgets.NewFormField("事项", e.subject).Row}
	if d.Kind.DevStep() != 0 {
		rows = append(rows, e.personRow())
	}
	if d.Kind == data.DecideConfirmation {
		rows = append(rows, e.resultRow())
	}
	rows = append(rows,
		widgets.NewFormField("表决形式", widgets.Sized(200, method)).Row,
		widgets.NewFormField("表决人数", container.NewBorder(nil, nil, nil, fill, e.CountRow(false))).Row)
	if d.Kind == data.DecideAdmission || d.Kind == data.DecideConfirmation {
		rows = append(rows, widgets.NewFormField("会前书面意见", e.CountRow(true)).Row)
	}
	rows = append(rows, widgets.NewFormField("表决结果", container.NewVBox(e.verdict, e.differs)).Row)
	e.Content = container.NewVBox(rows...)
	e.showResult()
	return e
}

func (e *decisionEditor) d() *data.MeetingDecision { return &e.l.f.m.Decisions[e.i] }

func decisionKindNames() []string {
	out := make([]string, len(data.DecisionKinds))
	for i, k := range data.DecisionKinds {
		out[i] = string(k)
	}
	return out
}

func subjectHint(k data.DecisionKind) string {
	switch k {
	case data.DecideAdmission:
		return "可不填：自动写为“讨论接收某某为中共预备党员”"
	case data.DecideConfirmation:
		return "可不填：自动写为“讨论某某的预备党员转正问题”"
	case data.DecideElection:
		return "如：选举产生新一届支部委员会"
	}
	return "如：通过本年度党员发展计划"
}

// CountRow is the head counts and ballots (written: the 书面意见 only).
func (e *decisionEditor) CountRow(written bool) fyne.CanvasObject {
	if e.counts == nil {
		e.counts = make([]*widgets.FormEntry, len(voteFields))
	}
	row := container.NewHBox()
	v := &e.d().Vote
	for j, vf := range voteFields {
		if vf.written != written {
			continue
		}
		entry := widgets.NewFormEntry()
		// Head counts show their number; a ballot of 0 stays empty, so typing
		// into it does not give "20".
		if n := *vf.get(v); v.Recorded() && (n != 0 || !(vf.ballot || vf.written)) {
			entry.SetText(fmt.Sprint(n))
		}
		entry.SetKeys(e.l.f.keys)
		entry.OnChanged = func(s string) { e.countChanged(j, s) }
		e.counts[j] = entry
		row.Add(widget.NewLabel(vf.Label))
		row.Add(widgets.Sized(64, entry))
	}
	return row
}

// countChanged reads one number. The first ballot typed into an empty vote
// brings the head counts from the attendance with it.
func (e *decisionEditor) countChanged(j int, s string) {
	n, err := widgets.ReadCount(s)
	e.bad[j] = err != nil
	if err == nil {
		v := &e.d().Vote
		*voteFields[j].get(v) = n
		if voteFields[j].ballot && v.Expected == 0 && v.Present == 0 {
			e.fillFromAttendance()
			return
		}
	}
	e.showResult()
}

func (e *decisionEditor) badCount() bool { return slices.Contains(e.bad, true) }

// fillFromAttendance puts 应到/实到有表决权 from the attendance.
func (e *decisionEditor) fillFromAttendance() {
	s := e.l.f.m.SuggestedVote()
	for j, n := range []int{s.Expected, s.Present} {
		if e.counts[j] != nil {
			e.counts[j].SetText(fmt.Sprint(n)) // writes the vote through countChanged
		}
	}
	e.showResult()
}

// showResult is 通过/不通过 with the sentence that says why, live.
func (e *decisionEditor) showResult() {
	d := e.d()
	m := &e.l.f.m
	res, ok := compliance.Evaluate(m, d)
	switch {
	case e.badCount():
		e.verdict.SetText("人数和票数请填写整数")
		e.verdict.Importance = widget.DangerImportance
	case !ok && d.Kind.NeedsVote():
		e.verdict.SetText("请填写表决人数和赞成、反对、弃权票数")
		e.verdict.Importance = widget.WarningImportance
	case !ok:
		e.verdict.SetText("未表决：只记录决定内容（经过表决的，请填写票数）")
		e.verdict.Importance = widget.LowImportance
	case res.Passed:
		e.verdict.SetText(string(compliance.Passed) + "：" + res.Reason)
		e.verdict.Importance = widget.SuccessImportance
	default:
		e.verdict.SetText(string(compliance.NotPassed) + "：" + res.Reason)
		e.verdict.Importance = widget.DangerImportance
	}
	e.verdict.Refresh()
	differs := ""
	if ok {
		differs = m.VoteDiffers(d.Vote)
	}
	e.differs.SetText(differs)
	widgets.SetVisible(e.differs, differs != "")
}

// kindChanged clears what the new kind has no place for and redraws.
func (e *decisionEditor) kindChanged(k data.DecisionKind) {
	d := e.d()
	if d.Kind == k {
		return
	}
	d.Kind = k
	if k.DevStep() == 0 {
		d.PersonID, d.PersonName = nil, ""
	}
	if k != data.DecideConfirmation {
		d.Result, d.ExtendTo = "", civil.Date{}
	}
	if k.DevStep() == 0 {
		d.Vote.WrittenFor, d.Vote.WrittenAgainst = 0, 0
	}
	if k.NeedsVote() && !d.Vote.Recorded() {
		d.Vote = e.l.f.m.SuggestedVote()
	}
	e.l.rebuild()
}

// personRow picks the 发展对象 (接收) or the 预备党员 (转正) the decision is about.
func (e *decisionEditor) personRow() fyne.CanvasObject {
	d := e.d()
	stage := data.StageCandidate
	if d.Kind == data.DecideConfirmation {
		stage = data.StageProbationer
	}
	var people []data.Person
	for _, p := range e.l.f.basis.People {
		if (p.Stage == stage && p.Roll == data.RollActive) || (d.PersonID != nil && p.ID == *d.PersonID) {
			people = append(people, p)
		}
	}
	data.SortPeople(people, data.FieldName, false)
	labels, ids := widgets.PersonChoices(people)
	pick := widget.NewSelect(labels, nil)
	e.person = pick
	pick.PlaceHolder = fmt.Sprintf("（请选择%s）", stage)
	for _, l := range labels {
		if d.PersonID != nil && ids[l] == *d.PersonID {
			pick.Selected = l
		}
	}
	pick.OnChanged = func(label string) {
		for _, p := range people {
			if p.ID == ids[label] {
				id := p.ID
				e.d().PersonID, e.d().PersonName = &id, p.Name
			}
		}
	}
	return widgets.NewFormField(string(stage), widgets.Sized(260, pick)).Row
}

// resultRow is the 支部大会's 转正 decision, with the new end of the 预备期
// when it is extended.
func (e *decisionEditor) resultRow() fyne.CanvasObject {
	d := e.d()
	until := widgets.NewDateField(e.l.f.a)
	until.SetDate(d.ExtendTo)
	until.OnChanged = func(v civil.Date) { e.d().ExtendTo = v }
	untilRow := container.NewHBox(widget.NewLabel("延长至"), widgets.Sized(180, until))
	result := widget.NewSelect([]string{data.DecisionConfirm, data.DecisionExtend, data.DecisionCancel}, nil)
	result.PlaceHolder = "（请选择）"
	result.Selected = d.Result
	widgets.SetVisible(untilRow, d.Result == data.DecisionExtend)
	result.OnChanged = func(s string) {
		e.d().Result = s
		if s != data.DecisionExtend {
			e.d().ExtendTo = civil.Date{}
			until.SetDate(civil.Date{})
		}
		widgets.SetVisible(untilRow, s == data.DecisionExtend)
	}
	return widgets.NewFormField("支部大会决定", container.NewHBox(widgets.Sized(200, result), untilRow)).Row
}
