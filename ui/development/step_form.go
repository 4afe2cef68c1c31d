package development

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
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

// stepFormInput is what the form is about.
type stepFormInput struct {
	person  data.Person
	def     *data.StepDef
	record  *data.DevStep // nil for a new record
	version string        // the 细则 version the person's record follows
	// devData is the branch as loaded by the person's view: the checks run
	// over it with the new record to show what the rules will say.
	devData data.DevData
}

type stepForm struct {
	a       *core.App
	in      stepFormInput
	onSaved func()
	keys    widgets.FormKeys
	dlg     *dialog.CustomDialog

	date, start, end, extendTo *widgets.DateField
	hours, number, note        *widgets.FormEntry
	people                     []peopleInput
	vote                       *voteInputs
	result, source, kind       *widget.RadioGroup
	extendRow                  *widgets.FormField
	Message                    *widget.Label
	save                       *widget.Button
	rows, Content              *fyne.Container
	scroll                     *container.Scroll
	// warned are the problems the user was shown; saving again with the
	// same problems means "this is what happened".
	warned  string
	unsaved *core.Unsaved
}

// newStepForm builds the form; onSaved runs after the store took the record.
func newStepForm(a *core.App, in stepFormInput, onSaved func()) (*stepForm, error) {
	if in.def == nil {
		return nil, errors.New("不认识的发展党员步骤")
	}
	f := &stepForm{a: a, in: in, onSaved: onSaved}
	f.keys = widgets.FormKeys{Ctrl: map[fyne.KeyName]func(){fyne.KeyS: func() { f.trySave() }}, Escape: f.cancel}
	rows := f.makeInputs()
	f.Message = widgets.HiddenMessage(widget.DangerImportance)
	f.load()

	title := "登记"
	if in.record != nil {
		title = "修改"
	}
	f.rows = container.NewVBox(rows...)
	f.scroll = widgets.FormScroll(f.rows)
	f.Content = container.NewBorder(f.header(), f.Message, nil, nil, f.scroll)
	content := f.Content
	f.dlg = dialog.NewCustomWithoutButtons(title+"："+in.person.Name+" "+in.def.Title(in.version), content, a.Window)
	f.save = widget.NewButtonWithIcon("保存（Ctrl+S）", theme.DocumentSaveIcon(), func() { f.trySave() })
	f.save.Importance = widget.HighImportance
	f.unsaved = core.DialogForm("这一步的登记", f.dlg, content, nil, f.trySave)
	f.dlg.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), f.cancel), f.save})
	return f, nil
}

func (f *stepForm) show() {
	c := f.a.Window.Canvas()
	save := widgets.CtrlShortcut(fyne.KeyS)
	c.AddShortcut(save, func(fyne.Shortcut) { f.trySave() })
	// As tall as the fields need (the dialog's title, header, buttons and a
	// line of message take about 260 px), within the window.
	size := c.Size()
	f.dlg.Resize(fyne.NewSize(min(720, size.Width-40), min(f.rows.MinSize().Height+260, size.Height-40)))
	f.a.ShowForm(f.dlg, f.unsaved, func() { c.RemoveShortcut(save) })
	c.Focus(f.date.Entry)
}

// header cites the article of the step in the person's version.
func (f *stepForm) header() fyne.CanvasObject {
	article := f.in.def.ArticleIn(f.in.version)
	if article == "" {
		return widget.NewSeparator()
	}
	basis := widgets.QuietLabel("依据：《中国共产党发展党员工作细则》（" + f.in.version + "）" + article)
	if v := data.RuleVersionByID(f.in.version); v == nil || !v.Unverified {
		return container.NewVBox(basis, widget.NewSeparator())
	}
	basis.SetText(basis.Text + unverifiedMarker)
	return container.NewVBox(basis, widgets.QuietLabel(unverifiedLegend), widget.NewSeparator())
}

// makeInputs makes the inputs the step has, in the order of a paper form.
func (f *stepForm) makeInputs() []fyne.CanvasObject {
	def := f.in.def
	f.date = f.dateField()
	rows := []fyne.CanvasObject{widgets.NewFormField("日期", f.date).Row}
	if def.PeriodLabel != "" {
		f.start, f.end = f.dateField(), f.dateField()
		f.date.SetPlaceHolder("不填则按" + def.PeriodLabel + "结束日期")
		rows = append(rows, widgets.NewFormField(def.PeriodLabel+"开始", f.start).Row, widgets.NewFormField(def.PeriodLabel+"结束", f.end).Row)
	}
	if def.HasHours {
		f.hours = f.Entry("如 24")
		rows = append(rows, widgets.NewFormField("学时", f.hours).Row)
	}
	if def.HasSource {
		f.source = widget.NewRadioGroup([]string{data.SourceMembers, data.SourceLeague}, nil)
		f.source.Horizontal = true
		rows = append(rows, widgets.NewFormField("推荐方式", f.source).Row)
	}
	if len(def.Kinds) > 0 {
		f.kind = widget.NewRadioGroup(def.Kinds, nil)
		f.kind.Horizontal = true
		rows = append(rows, widgets.NewFormField("记录类型", f.kind).Row)
	}
	for _, need := range def.People {
		in := f.peopleInput(need)
		f.people = append(f.people, in)
		rows = append(rows, in.Row())
	}
	f.date.OnChanged = func(d civil.Date) {
		for _, p := range f.people {
			p.setDate(d)
		}
		f.relayout()
	}
	if def.HasNumber {
		f.number = f.Entry("《入党志愿书》上的编号")
		rows = append(rows, widgets.NewFormField("志愿书编号", f.number).Row)
	}
	if def.HasVote {
		f.vote = newVoteInputs(f.keys, f.relayout)
		rows = append(rows, f.vote.box)
	}
	if len(def.Results) > 0 {
		rows = append(rows, f.resultRows()...)
	}
	f.note = widgets.NewMultiLineFormEntry()
	f.note.SetMinRowsVisible(2)
	f.note.SetKeys(f.keys)
	return append(rows, widgets.NewFormField("备注", f.note).Row)
}

func (f *stepForm) dateField() *widgets.DateField {
	d := widgets.NewDateField(f.a)
	d.SetKeys(f.keys)
	return d
}

func (f *stepForm) Entry(placeholder string) *widgets.FormEntry {
	e := widgets.NewFormEntry()
	e.SetPlaceHolder(placeholder)
	e.SetKeys(f.keys)
	return e
}

// resultRows are the result choices and, at step 23, the new end of an
// extended 预备期, shown only with the decision 延长预备期.
func (f *stepForm) resultRows() []fyne.CanvasObject {
	def := f.in.def
	f.result = widget.NewRadioGroup(def.Results, nil)
	f.result.Horizontal = true
	label := "结果"
	if def.HasExtendTo {
		label = "支部大会决定"
	}
	rows := []fyne.CanvasObject{widgets.NewFormField(label, f.result).Row}
	if def.HasExtendTo {
		f.extendTo = f.dateField()
		f.extendRow = widgets.NewFormField("延长预备期至", f.extendTo)
		f.extendRow.Say("延长不少于半年、不超过一年，只能延长一次（党章第七条）", widget.LowImportance)
		f.result.OnChanged = func(string) { f.showExtendRow() }
		rows = append(rows, f.extendRow.Row)
		f.showExtendRow()
	}
	return rows
}

func (f *stepForm) showExtendRow() {
	if f.result.Selected == data.DecisionExtend {
		f.extendRow.Row.Show()
	} else {
		f.extendRow.Row.Hide()
	}
	f.relayout()
}

// relayout lays the form out again after a row was shown or hidden or a
// message changed its length: Fyne does not do it by itself.
func (f *stepForm) relayout() {
	if f.Content == nil {
		return // still being built
	}
	f.rows.Refresh()
	f.scroll.Refresh()
	f.Content.Refresh()
}

// peopleInput is a role's people: chosen from the register among those
// eligible on the date (培养联系人, 入党介绍人) or typed in (谈话人).
type peopleInput interface {
	Row() fyne.CanvasObject
	setDate(on civil.Date)
	people() []data.DevStepPerson
}

func (f *stepForm) peopleInput(need data.RoleNeed) peopleInput {
	var stored []data.DevStepPerson
	if f.in.record != nil {
		stored = f.in.record.PeopleIn(need.Role)
	}
	if need.Members {
		return newMemberPicker(f.a, need, f.in.person.ID, stored)
	}
	return newNamePicker(need, f.nameSuggestions(need.Role), stored, f.keys)
}

// nameSuggestions are the names typed before for this step and role, and
// for the branch's own 谈话 its 书记, 副书记 and 组织委员 (细则第七条).
func (f *stepForm) nameSuggestions(role data.Role) []string {
	var out []string
	add := func(name string) {
		if name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	if f.in.def.Number == data.StepTalk {
		b := f.in.devData.Branch
		add(b.Secretary)
		add(b.DeputySecretary)
		add(b.OrganizationMember)
	}
	for _, steps := range f.in.devData.Steps {
		for i := range steps {
			if steps[i].Step == f.in.def.Number {
				for _, sp := range steps[i].PeopleIn(role) {
					add(sp.Name)
				}
			}
		}
	}
	return out
}

// load fills the inputs from the record being edited.
func (f *stepForm) load() {
	st := f.in.record
	if st == nil {
		return
	}
	setDate := func(d *widgets.DateField, v civil.Date) {
		if d != nil {
			d.SetDate(v)
		}
	}
	setText := func(e *widgets.FormEntry, v string) {
		if e != nil {
			e.SetText(v)
		}
	}
	setChoice := func(r *widget.RadioGroup, v string) {
		if r != nil && v != "" {
			r.SetSelected(v)
		}
	}
	setDate(f.date, st.Date)
	setDate(f.start, st.Start)
	setDate(f.end, st.End)
	setDate(f.extendTo, st.ExtendTo)
	if st.Hours != 0 {
		setText(f.hours, strconv.Itoa(st.Hours))
	}
	setText(f.number, st.Number)
	setText(f.note, st.Note)
	setChoice(f.source, st.Source)
	setChoice(f.kind, st.Kind)
	setChoice(f.result, st.Result)
	if f.vote != nil {
		f.vote.Set(st.Vote)
	}
}

// collect reads the inputs into a record; the error names the field that
// could not be read.
func (f *stepForm) collect() (data.DevStep, error) {
	st := data.DevStep{}
	if f.in.record != nil {
		st = *f.in.record
	}
	st.PersonID, st.Step, st.People = f.in.person.ID, f.in.def.Number, nil
	var err error
	readDate := func(d *widgets.DateField, label string, into *civil.Date) {
		if d == nil || err != nil {
			return
		}
		if *into, err = d.Date(); err != nil {
			err = fmt.Errorf("%s：%w", label, err)
		}
	}
	readDate(f.date, "日期", &st.Date)
	readDate(f.start, f.in.def.PeriodLabel+"开始日期", &st.Start)
	readDate(f.end, f.in.def.PeriodLabel+"结束日期", &st.End)
	if f.extendTo != nil && f.result.Selected == data.DecisionExtend {
		readDate(f.extendTo, "延长预备期至", &st.ExtendTo)
	} else {
		st.ExtendTo = civil.Date{}
	}
	if err != nil {
		return st, err
	}
	if f.hours != nil {
		if st.Hours, err = wholeNumber(f.hours.Text, "学时"); err != nil {
			return st, err
		}
	}
	if f.vote != nil {
		if st.Vote, err = f.vote.value(); err != nil {
			return st, err
		}
	}
	st.Number = textOf(f.number)
	st.Note = textOf(f.note)
	st.Source, st.Kind, st.Result = choiceOf(f.source), choiceOf(f.kind), choiceOf(f.result)
	for _, p := range f.people {
		st.People = append(st.People, p.people()...)
	}
	return st, nil
}

func textOf(e *widgets.FormEntry) string {
	if e == nil {
		return ""
	}
	return strings.TrimSpace(e.Text)
}

func choiceOf(r *widget.RadioGroup) string {
	if r == nil {
		return ""
	}
	return r.Selected
}

// wholeNumber reads a count typed by the user; blank is 0.
func wholeNumber(s, label string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("“%s”应填写不小于0的整数，现在是“%s”", label, s)
	}
	return n, nil
}

// trySave checks the record as the store will, shows what the rules will
// say of it, and saves it.
// cancel is Esc and 取消: typed work is asked about first.
func (f *stepForm) cancel() { f.a.AskLeave(f.unsaved) }

func (f *stepForm) trySave() bool {
	st, err := f.collect()
	if err == nil {
		err = data.ValidateDevStep(&st, f.in.version, f.a.Today())
	}
	if err != nil {
		f.Say(err.Error(), widget.DangerImportance)
		return false
	}
	if problems := f.newProblems(st); problems != "" && problems != f.warned {
		f.warned = problems
		f.Say("按规定，这样登记后会有以下问题：\n"+problems+"\n如果实际情况确实如此，请再点“仍然保存”；否则请修改。",
			widget.WarningImportance)
		f.save.SetText("仍然保存")
		return false
	}
	if err := f.a.Store.SaveDevStep(&st); err != nil {
		f.refused(err)
		return false
	}
	f.dlg.Hide()
	if f.onSaved != nil {
		f.onSaved()
	}
	return true
}

// newProblems are the errors the rule engine would report of what is
// recorded with the record saved that it does not report now, one per line
// ("" when none). Deadlines (errors with a due date, such as an approval
// overdue) are left out: they concern later steps, not this record, and
// appear whenever an old history is entered step by step.
func (f *stepForm) newProblems(st data.DevStep) string {
	d, id, today := f.in.devData, f.in.person.ID, f.a.Today()
	known := map[string]bool{}
	for _, x := range rules.NewChecker(d, rules.DefaultOptions()).Person(id, today) {
		known[x.Message] = true
	}
	var steps []data.DevStep
	for _, old := range d.Steps[id] {
		if old.ID != st.ID || st.ID == 0 {
			steps = append(steps, old)
		}
	}
	withRecord := make(map[uint][]data.DevStep, len(d.Steps)+1)
	for k, v := range d.Steps {
		withRecord[k] = v
	}
	withRecord[id] = append(steps, st)
	d.Steps = withRecord
	var lines []string
	for _, x := range rules.NewChecker(d, rules.DefaultOptions()).Person(id, today) {
		if x.Severity == rules.SeverityError && x.Due.IsZero() && !known[x.Message] {
			lines = append(lines, "· "+FindingText(x, false, false))
		}
	}
	return strings.Join(lines, "\n")
}

func (f *stepForm) Say(msg string, importance widget.Importance) {
	f.Message.Importance = importance
	f.Message.SetText(msg)
	f.Message.Show()
	f.relayout()
}

// choiceNone leaves an optional place empty (the second 培养联系人).
const choiceNone = "（不选）"

// memberPicker chooses the people of a role from the register, offering
// only those eligible on the record's date. A new date refreshes the
// choices; someone chosen who is not eligible on it is taken out of the
// place, saying why, and comes back if the date is corrected (a date is
// typed digit by digit, so it passes through wrong values on its way).
type memberPicker struct {
	need     data.RoleNeed
	self     uint
	eligible func(on civil.Date) ([]data.Person, error)
	slots    []*widget.Select
	chosen   []uint          // person ID wanted in each place, 0 for none
	ids      map[string]uint // choice label → person ID
	names    map[uint]string
	field    *widgets.FormField
}

func newMemberPicker(a *core.App, need data.RoleNeed, self uint, stored []data.DevStepPerson) *memberPicker {
	m := &memberPicker{need: need, self: self, chosen: make([]uint, need.Max),
		ids: map[string]uint{}, names: map[uint]string{}, eligible: a.Store.EligibleContacts}
	if need.Role == data.RoleIntroducer {
		m.eligible = a.Store.EligibleIntroducers
	}
	for i, sp := range stored {
		if i < need.Max && sp.PersonID != nil {
			m.chosen[i], m.names[*sp.PersonID] = *sp.PersonID, sp.Name
		}
	}
	var objects []fyne.CanvasObject
	for i := 0; i < need.Max; i++ {
		s := widget.NewSelect(nil, nil)
		s.OnChanged = func(label string) { m.chosen[i] = m.ids[label] }
		m.slots = append(m.slots, s)
		objects = append(objects, s)
	}
	m.field = widgets.NewFormField(string(need.Role), container.NewGridWithColumns(need.Max, objects...))
	m.field.Hint.Wrapping = fyne.TextWrapBreak
	m.setDate(civil.Date{})
	return m
}

func (m *memberPicker) Row() fyne.CanvasObject { return m.field.Row }

// options are the labels offered in a place; places beyond the required
// number may stay empty.
func (m *memberPicker) options(place int, labels []string) []string {
	if place < m.need.Min {
		return labels
	}
	return append([]string{choiceNone}, labels...)
}

// setDate offers the people eligible on the date. The choices are set
// directly, not through OnChanged, so the chosen IDs stay as they are.
func (m *memberPicker) setDate(on civil.Date) {
	if on.IsZero() {
		for _, s := range m.slots {
			s.PlaceHolder = "（请先填写日期）"
			s.Disable()
			s.Refresh()
		}
		m.field.Say(m.countText()+"；填写日期后，列出当时符合条件的正式党员", widget.LowImportance)
		return
	}
	people, err := m.eligible(on)
	if err != nil {
		m.field.Say("无法读取党员名单："+err.Error(), widget.DangerImportance)
		return
	}
	people = slices.DeleteFunc(people, func(p data.Person) bool { return p.ID == m.self })
	labels, ids := widgets.PersonChoices(people)
	m.ids = ids
	label := map[uint]string{}
	for l, id := range ids {
		label[id] = l
	}
	for _, p := range people {
		m.names[p.ID] = p.Name
	}
	var dropped []string
	for i, s := range m.slots {
		s.Options = m.options(i, labels)
		s.Selected = label[m.chosen[i]]
		if m.chosen[i] != 0 && s.Selected == "" {
			dropped = append(dropped, m.names[m.chosen[i]])
		}
		s.PlaceHolder = "（请选择）"
		s.Enable()
		s.Refresh()
	}
	switch {
	case len(dropped) > 0:
		m.field.Say(fmt.Sprintf("%s在 %s 时不能担任%s（不是正式党员，或在留党察看期内），请核对日期或另选",
			strings.Join(dropped, "、"), on, m.need.Role), widget.WarningImportance)
	case len(labels) == 0:
		m.field.Say(fmt.Sprintf("%s 时本支部没有符合条件的正式党员；请核对日期，或先在党员名册中登记党员", on),
			widget.DangerImportance)
	default:
		m.field.Say(m.countText()+fmt.Sprintf("；只列出 %s 时的正式党员（不含预备党员和留党察看期内的党员）", on),
			widget.LowImportance)
	}
}

func (m *memberPicker) countText() string {
	if m.need.Min == m.need.Max {
		return fmt.Sprintf("需 %d 人", m.need.Min)
	}
	return fmt.Sprintf("%d至%d人", m.need.Min, m.need.Max)
}

// people are the people shown in the places: chosen and eligible on the date.
func (m *memberPicker) people() []data.DevStepPerson {
	var out []data.DevStepPerson
	for i, id := range m.chosen {
		if id != 0 && m.slots[i].Selected != "" {
			id := id
			out = append(out, data.DevStepPerson{Role: m.need.Role, PersonID: &id, Name: m.names[id]})
		}
	}
	return out
}

// namePicker takes the names of a role that need not be in the register,
// such as the 上级党委's 组织员 at step 16.
type namePicker struct {
	need  data.RoleNeed
	slots []*widgets.FormSelectEntry
	ids   map[string]*uint // register IDs of the names stored with the record
	field *widgets.FormField
}

func newNamePicker(need data.RoleNeed, suggestions []string, stored []data.DevStepPerson, keys widgets.FormKeys) *namePicker {
	n := &namePicker{need: need, ids: map[string]*uint{}}
	var objects []fyne.CanvasObject
	for i := 0; i < need.Max; i++ {
		e := widgets.NewFormSelectEntry(suggestions)
		e.SetKeys(keys)
		if i < len(stored) {
			e.SetText(stored[i].Name)
			n.ids[stored[i].Name] = stored[i].PersonID
		}
		if i >= need.Min {
			e.SetPlaceHolder("（可不填）")
		}
		n.slots = append(n.slots, e)
		objects = append(objects, e)
	}
	n.field = widgets.NewFormField(string(need.Role), container.NewGridWithColumns(need.Max, objects...))
	n.field.Say(fmt.Sprintf("%d至%d人，填写姓名", need.Min, need.Max), widget.LowImportance)
	return n
}

func (n *namePicker) Row() fyne.CanvasObject { return n.field.Row }

func (n *namePicker) setDate(civil.Date) {}

func (n *namePicker) people() []data.DevStepPerson {
	var out []data.DevStepPerson
	for _, e := range n.slots {
		if name := strings.TrimSpace(e.Text); name != "" {
			out = append(out, data.DevStepPerson{Role: n.need.Role, Name: name, PersonID: n.ids[name]})
		}
	}
	return out
}

// voteInputs are the counts of a 支部大会 vote with the verdict of §2.3
// (rules.EvaluateVote) shown as they are typed.
type voteInputs struct {
	entries []*widgets.FormEntry
	verdict *widget.Label
	box     fyne.CanvasObject
	resized func() // the verdict changed its length
}

// voteLabels name the counts in the order of data.Vote's fields.
var voteLabels = []string{"应到人数", "实到人数", "赞成票", "反对票", "弃权票", "书面意见赞成", "书面意见反对"}

func newVoteInputs(keys widgets.FormKeys, resized func()) *voteInputs {
	v := &voteInputs{verdict: widget.NewLabel(""), resized: resized}
	v.verdict.Wrapping = fyne.TextWrapBreak
	v.verdict.TextStyle.Bold = true
	grid := container.NewGridWithColumns(2)
	for _, label := range voteLabels {
		e := widgets.NewFormEntry()
		e.SetKeys(keys)
		e.OnChanged = func(string) { v.update() }
		v.entries = append(v.entries, e)
		grid.Add(widgets.NewFormField(label, e).Row)
	}
	explain := widgets.QuietLabel("应到、实到只计有表决权的正式党员（预备党员和留党察看期内的党员不计）；书面意见是未到会的党员会前正式提出的意见，计入票数。")
	explain.Wrapping = fyne.TextWrapBreak
	v.box = container.NewVBox(widgets.Heading("表决情况"), grid, explain, v.verdict)
	v.update()
	return v
}

func (v *voteInputs) fields(vote *data.Vote) []*int {
	return []*int{&vote.Expected, &vote.Present, &vote.For, &vote.Against, &vote.Abstain, &vote.WrittenFor, &vote.WrittenAgainst}
}

func (v *voteInputs) Set(vote data.Vote) {
	if !vote.Recorded() {
		return
	}
	for i, n := range v.fields(&vote) {
		v.entries[i].SetText(strconv.Itoa(*n))
	}
}

// value reads the counts; all blank is a vote not recorded.
func (v *voteInputs) value() (data.Vote, error) {
	var vote data.Vote
	for i, n := range v.fields(&vote) {
		var err error
		if *n, err = wholeNumber(v.entries[i].Text, voteLabels[i]); err != nil {
			return vote, err
		}
	}
	return vote, nil
}

// update shows 通过 or 不通过 with the reason, as the counts are typed.
func (v *voteInputs) update() {
	vote, err := v.value()
	switch {
	case err != nil:
		v.verdict.Importance = widget.DangerImportance
		v.verdict.SetText(err.Error())
	case !vote.Recorded():
		v.verdict.Importance = widget.LowImportance
		v.verdict.SetText("填写人数后，这里显示表决是否有效、是否通过。")
	default:
		r := rules.EvaluateVote(rules.VoteAdmission, vote)
		v.verdict.Importance = widget.DangerImportance
		if r.Passed {
			v.verdict.Importance = widget.SuccessImportance
		}
		v.verdict.SetText("表决结果：" + voteVerdict(r) + "。" + r.Reason)
	}
	v.resized()
}
