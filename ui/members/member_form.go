package members

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/idcard"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// fieldBinding moves one field between a Person and its input.
type fieldBinding struct {
	name  string
	load  func(p *data.Person)
	store func(p *data.Person) error
	show  func(p *data.Person) string // the value as the form shows it (对比)
}

// memberForm edits every field of a person that the 党员名册 holds. 党籍状态, 转出, 出党 …
// are not edited here: they are dated events, recorded through the status dialog.
type memberForm struct {
	a      *core.App
	orig   data.Person
	dlg    *dialog.CustomDialog
	fields map[string]*widgets.FormField
	bind   []fieldBinding
	keys   widgets.FormKeys

	name, idNumber     *widgets.FormEntry
	gender, stage      *widget.Select
	group              *widget.Select
	birth, join, full  *widgets.DateField
	suggestFull        *widget.Button
	groups             []data.PartyGroup
	Message            *widget.Label
	save               *widget.Button
	loading            bool // fields are being filled from the record, not typed
	confirmingWarnings bool
	validated          bool // a save was tried: the problems shown follow every change
	edits              *widgets.Edits
	unsaved            *core.Unsaved
}

// noGroup is the 党小组 choice for a member in none.
const noGroup = "无"

// ShowMemberForm opens the form for p, or for a new member when p is nil. Saving goes
// through the Store and then tells every screen (a.NotifyChanged).
func ShowMemberForm(a *core.App, p *data.Person) {
	f, err := newMemberForm(a, p)
	if err != nil {
		a.ShowError("无法打开党员信息", err)
		return
	}
	f.show()
}

func newMemberForm(a *core.App, p *data.Person) (*memberForm, error) {
	f := &memberForm{a: a, fields: map[string]*widgets.FormField{}}
	groups, err := a.Store.Groups()
	if err != nil {
		return nil, err
	}
	f.groups = groups
	if p != nil {
		f.orig = *p
	} else if f.orig, err = newMemberDefaults(a); err != nil {
		return nil, err
	}
	f.keys = widgets.FormKeys{Ctrl: map[fyne.KeyName]func(){fyne.KeyS: func() { f.trySave() }}, Escape: f.cancel}

	content, err := f.build()
	if err != nil {
		return nil, err
	}
	title := "新增党员"
	if f.orig.ID != 0 {
		title = "编辑党员信息：" + f.orig.Name
	}
	f.dlg = dialog.NewCustomWithoutButtons(title, content, a.Window)
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), f.cancel)
	f.save = widget.NewButtonWithIcon("保存（Ctrl+S）", theme.DocumentSaveIcon(), func() { f.trySave() })
	f.save.Importance = widget.HighImportance
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.save})

	f.loading = true
	for _, b := range f.bind {
		b.load(&f.orig)
	}
	f.loading = false
	f.updateFullSuggestion()
	for _, fld := range f.fields {
		widgets.OnAnyChange(fld.Input, f.revalidate)
	}
	f.edits = widgets.NewEdits(content, nil)
	f.unsaved = &core.Unsaved{What: "党员信息", Dirty: f.edits.Dirty, Save: f.trySave, Discard: f.dlg.Hide}
	return f, nil
}

// newMemberDefaults is a new 正式党员 of this branch.
func newMemberDefaults(a *core.App) (data.Person, error) {
	b, err := a.Store.Branch()
	if err != nil {
		return data.Person{}, err
	}
	return data.Person{Stage: data.StageFull, BranchName: b.Name, Standing: data.StandingNormal,
		Roll: data.RollActive}, nil
}

func (f *memberForm) show() {
	c := f.a.Window.Canvas()
	save := widgets.CtrlShortcut(fyne.KeyS)
	// For Ctrl+S while the focus is on a Select or a checkbox, which do not pass keys up.
	c.AddShortcut(save, func(fyne.Shortcut) { f.trySave() })
	size := c.Size()
	f.dlg.Resize(fyne.NewSize(min(980, size.Width-40), min(720, size.Height-40)))
	f.a.ShowForm(f.dlg, f.unsaved, func() { c.RemoveShortcut(save) })
	c.Focus(f.name)
}

// cancel is Esc and 取消: typed work is asked about first.
func (f *memberForm) cancel() { f.a.AskLeave(f.unsaved) }

// build makes the inputs and lays them out in sections; a stored person's history is shown
// at the end.
func (f *memberForm) build() (fyne.CanvasObject, error) {
	f.makeInputs()
	f.Message = widgets.HiddenMessage(widget.DangerImportance)

	sections := []fyne.CanvasObject{
		f.section("基本信息",
			[]string{data.FieldName, data.FieldIDNumber, data.FieldGender, data.FieldBirth, data.FieldEthnicity},
			[]string{data.FieldNative, data.FieldEducation, data.FieldWorkStart, data.FieldPost, data.FieldTitle}),
		f.section("党员信息",
			[]string{data.FieldStage, data.FieldJoin, data.FieldFull, data.FieldIntroducers, data.FieldTransferIn},
			[]string{data.FieldBranch, data.FieldGroup, data.FieldPartyPost, data.FieldStanding}),
		f.section("联系方式",
			[]string{data.FieldMobile, data.FieldPhone},
			[]string{data.FieldAddress}),
		f.section("失联与流动",
			[]string{data.FieldLost, data.FieldLostDate},
			[]string{data.FieldFloating, data.FieldFloatTo}),
		f.section("备注", []string{data.FieldRemark}, nil),
	}
	if f.orig.ID != 0 {
		history, err := statusHistory(f.a, f.orig.ID)
		if err != nil {
			return nil, err
		}
		sections = append(sections, widgets.Heading("状态变更记录"), history)
	}
	scroll := widgets.FormScroll(container.NewVBox(sections...))
	return container.NewBorder(nil, f.Message, nil, nil, scroll), nil
}

// makeInputs makes every input and binds it to its Person field.
func (f *memberForm) makeInputs() {
	f.name = f.Text(data.FieldName, data.PersonText[data.FieldName])
	f.idNumber = f.Text(data.FieldIDNumber, data.PersonText[data.FieldIDNumber])
	f.idNumber.OnChanged = f.idNumberChanged
	f.idNumber.SetPlaceHolder("18位，输入后自动填性别和出生日期")
	f.gender = f.choice(data.FieldGender, data.Genders, data.PersonText[data.FieldGender])
	f.birth = f.date(data.FieldBirth, data.PersonDates[data.FieldBirth])
	f.Pick(data.FieldEthnicity, data.Ethnicities, data.PersonText[data.FieldEthnicity])
	f.Text(data.FieldNative, data.PersonText[data.FieldNative])
	f.Pick(data.FieldEducation, data.Educations, data.PersonText[data.FieldEducation])
	f.date(data.FieldWorkStart, data.PersonDates[data.FieldWorkStart])
	f.Text(data.FieldPost, data.PersonText[data.FieldPost])
	f.Text(data.FieldTitle, data.PersonText[data.FieldTitle])

	stages := data.MemberStageChoices
	f.stage = f.choice(data.FieldStage, stages, data.PersonText[data.FieldStage])
	f.stage.OnChanged = func(string) { f.updateFullSuggestion() }
	f.join = f.date(data.FieldJoin, data.PersonDates[data.FieldJoin])
	f.join.OnChanged = func(civil.Date) { f.updateFullSuggestion() }
	f.suggestFull = widget.NewButton("", f.fillFullDate)
	f.suggestFull.Importance = widget.LowImportance
	f.full = f.date(data.FieldFull, data.PersonDates[data.FieldFull], f.suggestFull)
	f.full.OnChanged = func(civil.Date) { f.updateFullSuggestion() }
	f.Text(data.FieldIntroducers, data.PersonText[data.FieldIntroducers]).
		SetPlaceHolder("两人，用顿号分开")
	f.date(data.FieldTransferIn, data.PersonDates[data.FieldTransferIn])
	f.Text(data.FieldBranch, data.PersonText[data.FieldBranch])
	f.group = f.groupChoice()
	f.Text(data.FieldPartyPost, data.PersonText[data.FieldPartyPost])
	f.add(data.FieldStanding, f.standingNote())

	f.Text(data.FieldMobile, data.PersonText[data.FieldMobile])
	f.Text(data.FieldPhone, data.PersonText[data.FieldPhone]).SetPlaceHolder("如 0951-1234567")
	f.Text(data.FieldAddress, data.PersonText[data.FieldAddress]).SetPlaceHolder("具体到门牌号")

	f.check(data.FieldLost, "是（失去联系）", data.PersonFlags[data.FieldLost])
	f.date(data.FieldLostDate, data.PersonDates[data.FieldLostDate])
	f.check(data.FieldFloating, "是（外出流动）", data.PersonFlags[data.FieldFloating])
	f.Text(data.FieldFloatTo, data.PersonText[data.FieldFloatTo]).SetPlaceHolder("省/市/县")

	remark := widgets.NewMultiLineFormEntry()
	remark.SetMinRowsVisible(3)
	f.bindText(data.FieldRemark, remark, data.PersonText[data.FieldRemark])
}

// section lays two columns of fields out under a heading.
func (f *memberForm) section(title string, left, right []string) fyne.CanvasObject {
	column := func(names []string) fyne.CanvasObject {
		box := container.NewVBox()
		for _, n := range names {
			box.Add(f.fields[n].Row)
		}
		return box
	}
	if right == nil {
		return container.NewVBox(widgets.Heading(title), column(left))
	}
	return container.NewVBox(widgets.Heading(title), container.NewGridWithColumns(2, column(left), column(right)))
}

func (f *memberForm) add(name string, input fyne.CanvasObject) *widgets.FormField {
	if k, ok := input.(widgets.Keyed); ok {
		k.SetKeys(f.keys)
	}
	fld := widgets.NewFormField(name, input)
	f.fields[name] = fld
	return fld
}

func (f *memberForm) Text(name string, ptr func(*data.Person) *string) *widgets.FormEntry {
	e := widgets.NewFormEntry()
	f.bindText(name, e, ptr)
	return e
}

func (f *memberForm) bindText(name string, e *widgets.FormEntry, ptr func(*data.Person) *string) {
	f.add(name, e)
	f.bind = append(f.bind, fieldBinding{
		name:  name,
		load:  func(p *data.Person) { e.SetText(*ptr(p)) },
		store: func(p *data.Person) error { *ptr(p) = e.Text; return nil },
		show:  func(p *data.Person) string { return *ptr(p) },
	})
}

// pick is a list of the usual values that also takes any other text.
func (f *memberForm) Pick(name string, options []string, ptr func(*data.Person) *string) {
	e := widgets.NewFormSelectEntry(options)
	f.add(name, e)
	f.bind = append(f.bind, fieldBinding{
		name:  name,
		load:  func(p *data.Person) { e.SetText(*ptr(p)) },
		store: func(p *data.Person) error { *ptr(p) = e.Text; return nil },
		show:  func(p *data.Person) string { return *ptr(p) },
	})
}

func (f *memberForm) choice(name string, options []string, ptr func(*data.Person) *string) *widget.Select {
	s := widget.NewSelect(options, nil)
	s.PlaceHolder = "（请选择）"
	f.add(name, s)
	f.bind = append(f.bind, fieldBinding{
		name: name,
		show: func(p *data.Person) string { return *ptr(p) },
		load: func(p *data.Person) {
			v := *ptr(p)
			if v != "" && !slices.Contains(s.Options, v) {
				s.SetOptions(append(slices.Clone(s.Options), v)) // keep an odd stored value
			}
			if v != "" {
				s.SetSelected(v)
			}
		},
		store: func(p *data.Person) error { *ptr(p) = s.Selected; return nil },
	})
	return s
}

// date is a date field; below are any extra objects (a suggestion button).
func (f *memberForm) date(name string, ptr func(*data.Person) *civil.Date, below ...fyne.CanvasObject) *widgets.DateField {
	d := widgets.NewDateField(f.a)
	d.AllowMonth = true // old records often know 入党时间 only to the month
	d.SetKeys(f.keys)
	if len(below) == 0 {
		f.add(name, d)
	} else {
		f.add(name, container.NewVBox(append([]fyne.CanvasObject{d}, below...)...))
	}
	f.bind = append(f.bind, fieldBinding{
		name: name,
		show: func(p *data.Person) string { return ptr(p).Chinese() },
		load: func(p *data.Person) { d.SetDate(*ptr(p)) },
		store: func(p *data.Person) error {
			v, err := d.Date()
			*ptr(p) = v
			return err
		},
	})
	return d
}

func (f *memberForm) check(name, text string, ptr func(*data.Person) *bool) {
	c := widget.NewCheck(text, nil)
	f.add(name, c)
	f.bind = append(f.bind, fieldBinding{
		name:  name,
		load:  func(p *data.Person) { c.SetChecked(*ptr(p)) },
		store: func(p *data.Person) error { *ptr(p) = c.Checked; return nil },
		show:  func(p *data.Person) string { return map[bool]string{true: "是", false: "否"}[*ptr(p)] },
	})
}

// groupChoice offers the branch's 党小组 by name, and 无.
func (f *memberForm) groupChoice() *widget.Select {
	names := []string{noGroup}
	for _, g := range f.groups {
		names = append(names, g.Name)
	}
	s := widget.NewSelect(names, nil)
	f.add(data.FieldGroup, s)
	f.bind = append(f.bind, fieldBinding{
		name: data.FieldGroup,
		show: func(p *data.Person) string { return widgets.GroupName(f.groups, p.GroupID, noGroup) },
		load: func(p *data.Person) { s.SetSelected(widgets.GroupName(f.groups, p.GroupID, noGroup)) },
		store: func(p *data.Person) error {
			p.GroupID = nil
			for _, g := range f.groups {
				if g.Name == s.Selected {
					id := g.ID
					p.GroupID = &id
				}
			}
			return nil
		},
	})
	return s
}

// standingNote shows 党籍状态 read-only: it changes only through a dated status event.
func (f *memberForm) standingNote() fyne.CanvasObject {
	standing := string(f.orig.Standing)
	if standing == "" {
		standing = string(data.StandingNormal)
	}
	note := widget.NewLabel("（停止、恢复党籍及转出、出党等，请在名册中选中此人后点“状态变更”办理）")
	note.Importance = widget.LowImportance
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(widget.NewLabel(standing), note)
}

// idNumberChanged checks the number as it is typed and fills 性别 and 出生日期 from it.
func (f *memberForm) idNumberChanged(s string) {
	if f.loading {
		return // a stored record keeps what it says, even where it disagrees
	}
	hint := f.fields[data.FieldIDNumber]
	n := idcard.Normalize(s)
	if n == "" {
		hint.Clear()
		return
	}
	info, err := idcard.Parse(n, f.a.Today())
	if err != nil {
		if idcard.KindOf(err) == idcard.KindLength && len(n) < 18 {
			hint.Say(fmt.Sprintf("已输入 %d 位，共 18 位", len(n)), widget.LowImportance)
			return
		}
		hint.Say(err.Error(), widget.DangerImportance)
		return
	}
	gender := idcard.Gender(info)
	f.gender.SetSelected(gender)
	f.birth.SetDate(info.Birth)
	f.fields[data.FieldGender].Clear()
	f.fields[data.FieldBirth].Clear()
	hint.Say(fmt.Sprintf("号码正确，已填入性别（%s）和出生日期（%s）", gender, info.Birth), widget.SuccessImportance)
}

// probationEnd is 预备期满日 for the join date on the form (D11), or zero.
func (f *memberForm) probationEnd() civil.Date {
	join, err := f.join.Parse(f.join.Text())
	if err != nil {
		return civil.Date{}
	}
	p := f.orig
	p.JoinDate = join
	return p.ProbationEnd()
}

// updateFullSuggestion offers 预备期满日 as the 转正 date of a 正式党员 who has none yet:
// by the 党章 the member became full on that day (D13).
func (f *memberForm) updateFullSuggestion() {
	end := f.probationEnd()
	if f.stage.Selected != string(data.StageFull) || end.IsZero() || f.full.Text() != "" {
		f.full.SetPlaceHolder(f.full.DefaultPlaceHolder())
		f.suggestFull.Hide()
		return
	}
	f.full.SetPlaceHolder("预备期满日 = " + end.String())
	f.suggestFull.SetText("填入预备期满日 " + end.String())
	f.suggestFull.Show()
}

func (f *memberForm) fillFullDate() {
	f.full.SetDate(f.probationEnd())
}

// trySave checks the form: errors stay on the form next to their fields; warnings are
// shown and may be saved after a confirmation.
func (f *memberForm) trySave() bool {
	if f.confirmingWarnings {
		return false
	}
	p, issues, ok := f.validate()
	if !ok {
		return false
	}
	if warnings := warningLines(issues); len(warnings) > 0 {
		f.confirmWarnings(p, warnings)
		return false
	}
	return f.commit(p)
}

// validate reads the form, shows each problem under its field and the
// count of errors above the buttons; ok when no error stops the save.
func (f *memberForm) validate() (p data.Person, issues []data.FieldIssue, ok bool) {
	f.validated = true
	p, unreadable := f.collect()
	for _, fld := range f.fields {
		fld.Clear()
	}
	if unreadable > 0 {
		f.Say(fmt.Sprintf("有 %d 个日期无法识别，请按字段下方的提示改正后再保存。", unreadable))
		return p, nil, false
	}
	p.Normalize()
	issues = p.CheckMember(f.a.Today())
	loose := f.showIssues(issues)
	if data.HasErrors(issues) {
		msg := fmt.Sprintf("有 %d 处需要改正（见标红的字段），改正后再保存。", countErrors(issues))
		if len(loose) > 0 {
			msg += "\n" + strings.Join(loose, "\n")
		}
		f.Say(msg)
		return p, issues, false
	}
	f.Say("")
	return p, issues, true
}

// revalidate follows every change once a save was tried, so a fixed field
// loses its message and the count above the buttons goes down (issue 13).
func (f *memberForm) revalidate() {
	if f.validated && !f.loading && !f.confirmingWarnings {
		f.validate()
	}
}

// collect reads the inputs into a copy of the record; unreadable counts dates that could
// not be read (each says why under itself).
func (f *memberForm) collect() (p data.Person, unreadable int) {
	p = f.orig
	for _, b := range f.bind {
		if err := b.store(&p); err != nil {
			unreadable++
		}
	}
	if !p.Lost {
		p.LostDate = civil.Date{}
	}
	if !p.Floating {
		p.FloatTo = ""
	}
	return p, unreadable
}

// showIssues puts each issue under its field and returns those that have no field here.
func (f *memberForm) showIssues(issues []data.FieldIssue) (loose []string) {
	for _, is := range issues {
		importance := widget.DangerImportance
		if is.Warning {
			importance = widget.WarningImportance
		}
		fld := f.fields[is.Field]
		if fld == nil {
			loose = append(loose, is.Error())
			continue
		}
		if fld.Hint.Visible() { // a second issue of the same field; an error outranks a warning
			if fld.Hint.Importance == widget.DangerImportance {
				importance = widget.DangerImportance
			}
			fld.Say(fld.Hint.Text+"\n"+is.Message, importance)
		} else {
			fld.Say(is.Message, importance)
		}
	}
	return loose
}

func countErrors(issues []data.FieldIssue) int {
	n := 0
	for _, is := range issues {
		if !is.Warning {
			n++
		}
	}
	return n
}

func warningLines(issues []data.FieldIssue) []string {
	var out []string
	for _, is := range issues {
		if is.Warning {
			out = append(out, "· "+is.Error())
		}
	}
	return out
}

func (f *memberForm) confirmWarnings(p data.Person, warnings []string) {
	f.confirmingWarnings = true
	msg := widget.NewLabel("以下情况请核对（已在字段下方标出）：\n" + strings.Join(warnings, "\n") + "\n\n仍要保存吗？")
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("请核对", "仍然保存", "返回修改", msg, func(ok bool) {
		f.confirmingWarnings = false
		if ok {
			f.commit(p)
		}
	}, f.a.Window)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// commit writes the person; a refusal of the store (e.g. the ID number belongs to someone
// else) stays on the form so nothing typed is lost.
func (f *memberForm) commit(p data.Person) bool {
	var err error
	if p.ID == 0 {
		err = f.a.Store.CreatePerson(&p)
	} else {
		err = f.a.Store.UpdatePerson(&p)
	}
	if err != nil {
		f.refused(err)
		return false
	}
	f.edits.Mark()
	f.dlg.Hide()
	f.a.NotifyChanged()
	return true
}

// say shows a message above the buttons, where it is seen however the form is scrolled.
func (f *memberForm) Say(msg string) {
	f.Message.SetText(msg)
	if msg == "" {
		f.Message.Hide()
	} else {
		f.Message.Show()
	}
}
