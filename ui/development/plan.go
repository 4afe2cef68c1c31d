package development

import (
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

type devPlanTab struct {
	a    *core.App
	year int

	d      data.DevData
	people map[uint]*data.Person
	plans  []data.DevPlan

	yearChoice *widget.Select
	planTitle  *widget.Label
	planRows   *fyne.Container
	target     *widgets.FormEntry
	progress   *widget.Label
	teachers   *fyne.Container
	Content    fyne.CanvasObject
}

func newDevPlanTab(a *core.App) *devPlanTab {
	t := &devPlanTab{a: a, year: a.Today().Year, planRows: container.NewVBox(), teachers: container.NewVBox()}
	var years []string
	for y := t.year + 1; y >= t.year-3; y-- {
		years = append(years, strconv.Itoa(y)+"年")
	}
	t.yearChoice = widget.NewSelect(years, nil)
	t.yearChoice.Selected = strconv.Itoa(t.year) + "年"
	t.yearChoice.OnChanged = func(s string) {
		t.year, _ = strconv.Atoi(s[:len(s)-len("年")])
		t.reload()
	}
	add := widget.NewButtonWithIcon("新增计划", theme.ContentAddIcon(), func() { t.showPlanForm(nil) })
	add.Importance = widget.HighImportance
	t.planTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	toolbar := container.NewHBox(widget.NewLabel("计划年度"), t.yearChoice, add)
	plan := container.NewBorder(container.NewVBox(t.planTitle, planHeader()), nil, nil, nil,
		container.NewVScroll(t.planRows))

	t.target = widgets.NewFormEntry()
	t.target.OnSubmitted = func(string) { t.saveTarget() }
	t.progress = widget.NewLabel("")
	t.progress.TextStyle.Bold = true
	// Two short lines rather than one wrapped: a wrapping label at the top of
	// a Border is laid out before it knows its width.
	// In captions, so the card beside the plan stays narrow enough for a
	// 1024 px screen.
	note := container.NewVBox(captionNote("区要求：每年至少发展1名优秀青年教师入党"),
		captionNote("勾选计入的人，按支部大会通过的年份统计"))
	targetRow := container.NewHBox(widget.NewLabel("年度目标"), widgets.Sized(64, t.target), widget.NewLabel("人"),
		widget.NewButton("保存目标", t.saveTarget))
	young := widget.NewCard("优秀青年教师", "", container.NewBorder(
		container.NewVBox(t.progress, targetRow, note, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(t.teachers)))

	split := container.NewHSplit(plan, young)
	split.Offset = 0.66
	t.Content = container.NewBorder(toolbar, nil, nil, nil, split)
	a.OnChange(t.reload)
	t.reload()
	return t
}

// planWidths are the columns of the plan: 姓名, 目前阶段, 拟发展时间, 计划发展为, then 备注.
var planWidths = []float32{80, 110, 96, 96}

// captionNote is a grey note in the small caption size.
func captionNote(text string) *widget.Label {
	l := widgets.QuietLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

func planHeader() fyne.CanvasObject {
	bold := func(s string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	return container.NewVBox(widgets.Columns(planWidths, bold("姓名"), bold("目前阶段"), bold("拟发展时间"), bold("计划发展为"), bold("备注")),
		widget.NewSeparator())
}

func (t *devPlanTab) reload() {
	if err := t.load(); err != nil {
		t.a.ShowError("发展党员计划无法读取", err)
		return
	}
	t.showPlans()
	t.showYoungTeachers()
}

func (t *devPlanTab) load() error {
	var err error
	if t.d, err = t.a.Store.LoadDevData(); err != nil {
		return err
	}
	t.people = map[uint]*data.Person{}
	for i := range t.d.People {
		t.people[t.d.People[i].ID] = &t.d.People[i]
	}
	t.plans, err = t.a.Store.DevPlans(t.year)
	return err
}

func (t *devPlanTab) showPlans() {
	t.planTitle.SetText(fmt.Sprintf("%d年发展党员计划（%d 人）", t.year, len(t.plans)))
	var rows []fyne.CanvasObject
	if len(t.plans) == 0 {
		rows = append(rows, widgets.QuietLabel("还没有这一年的计划。点“新增计划”，把拟发展的人列进来。"))
	}
	for i := range t.plans {
		rows = append(rows, t.planRow(t.plans[i]))
	}
	t.planRows.Objects = rows
	t.planRows.Refresh()
}

func (t *devPlanTab) planRow(plan data.DevPlan) fyne.CanvasObject {
	name, stage := "（已删除的人）", ""
	if p := t.people[plan.PersonID]; p != nil {
		name, stage = p.Name, string(p.Stage)
		if p.Roll != data.RollActive {
			stage += "（" + string(p.Roll) + "）"
		}
	}
	edit := widget.NewButton("修改", func() { t.showPlanForm(&plan) })
	del := widget.NewButton("删除", func() { t.confirmDelete(plan, name) })
	edit.Importance, del.Importance = widget.LowImportance, widget.LowImportance
	note := widgets.TruncatedLabel(plan.Note)
	return widgets.Columns(planWidths, widgets.TruncatedLabel(name), widget.NewLabel(stage), widget.NewLabel(plan.Planned.String()),
		widget.NewLabel(string(plan.Stage)), container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), note))
}

func (t *devPlanTab) confirmDelete(plan data.DevPlan, name string) {
	dialog.ShowCustomConfirm("删除计划", "删除", "取消",
		widget.NewLabel(fmt.Sprintf("确定把%s从%d年发展党员计划中删除吗？", name, plan.Year)),
		func(ok bool) {
			if !ok {
				return
			}
			if err := t.a.Store.DeleteDevPlan(plan.ID); err != nil {
				t.a.ShowError("计划未删除", err)
				return
			}
			t.a.NotifyChanged()
		}, t.a.Window)
}

// plannablePeople are those a plan line may name: people being developed,
// and whoever the edited line names already.
func (t *devPlanTab) plannablePeople(current uint) []data.Person {
	var out []data.Person
	for _, p := range t.d.People {
		if p.ID == current || p.Roll == data.RollActive && slices.Contains(data.DevelopmentStages, p.Stage) {
			out = append(out, p)
		}
	}
	return out
}

// showPlanForm adds a plan line (plan nil) or edits one.
func (t *devPlanTab) showPlanForm(plan *data.DevPlan) {
	dlg, unsaved := t.planForm(plan)
	t.a.ShowForm(dlg, unsaved, nil)
}

// planForm builds the form of a plan line (not shown).
func (t *devPlanTab) planForm(plan *data.DevPlan) (*dialog.CustomDialog, *core.Unsaved) {
	line := data.DevPlan{Year: t.year, Stage: data.StageProbationer}
	if plan != nil {
		line = *plan
	}
	labels, ids := widgets.PersonChoices(t.plannablePeople(line.PersonID))
	who := widget.NewSelect(labels, nil)
	who.PlaceHolder = "（请选择入党申请人、积极分子或发展对象）"
	for l, id := range ids {
		if id == line.PersonID {
			who.Selected = l
		}
	}
	when := widgets.NewDateField(t.a)
	when.AllowMonth = true
	when.SetPlaceHolder(fmt.Sprintf("如 %d-09（填到月即可）", line.Year))
	when.SetDate(line.Planned)
	var stages []string
	for _, s := range data.PlannableStages {
		stages = append(stages, string(s))
	}
	stage := widget.NewSelect(stages, nil)
	stage.Selected = string(line.Stage)
	note := widgets.NewFormEntry()
	note.SetText(line.Note)
	message := widgets.HiddenMessage(widget.DangerImportance)
	content := container.NewVBox(
		widgets.NewFormField("姓名", who).Row, widgets.NewFormField("拟发展时间", when).Row,
		widgets.NewFormField("计划发展为", stage).Row, widgets.NewFormField("备注", note).Row, message)
	title := fmt.Sprintf("新增%d年发展党员计划", line.Year)
	if plan != nil {
		title = fmt.Sprintf("修改%d年发展党员计划", line.Year)
	}
	dlg := dialog.NewCustomWithoutButtons(title, content, t.a.Window)
	var unsaved *core.Unsaved
	trySave := func() bool {
		planned, err := when.Date()
		if err == nil {
			line.PersonID, line.Planned, line.Stage, line.Note = ids[who.Selected], planned, data.Stage(stage.Selected), note.Text
			err = t.a.Store.SaveDevPlan(&line)
		}
		if err != nil {
			message.SetText(err.Error())
			message.Show()
			t.planRefused(err, &line, dlg, unsaved, message)
			return false
		}
		dlg.Hide()
		t.a.NotifyChanged()
		return true
	}
	unsaved = core.DialogForm("发展党员计划", dlg, content, nil, trySave)
	cancel := func() { t.a.AskLeave(unsaved) }
	keys := widgets.FormKeys{Ctrl: map[fyne.KeyName]func(){fyne.KeyS: func() { trySave() }}, Escape: cancel}
	note.SetKeys(keys)
	when.SetKeys(keys)
	save := widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), func() { trySave() })
	save.Importance = widget.HighImportance
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), cancel), save})
	dlg.Resize(fyne.NewSize(560, 0))
	return dlg, unsaved
}

func (t *devPlanTab) showYoungTeachers() {
	target := t.d.YoungTeacherTarget
	t.target.SetText(strconv.Itoa(target))
	when := strconv.Itoa(t.year) + "年"
	if t.year == t.a.Today().Year {
		when = "今年"
	}
	t.progress.Importance = widget.MediumImportance
	switch done := youngTeachersAdmitted(t.d, t.year, t.a.Today()); {
	case target == 0:
		t.progress.SetText(fmt.Sprintf("%s已发展优秀青年教师 %d 人（未设年度目标）", when, done))
	default:
		if done >= target {
			t.progress.Importance = widget.SuccessImportance
		}
		t.progress.SetText(fmt.Sprintf("%s已发展优秀青年教师 %d / 目标 %d", when, done, target))
	}

	var rows []fyne.CanvasObject
	for i := range t.d.People {
		p := &t.d.People[i]
		if !t.teacherCandidate(p) {
			continue
		}
		id := p.ID
		c := widget.NewCheck(p.Name+"（"+string(p.Stage)+"）", nil)
		c.Checked = p.YoungTeacher
		c.OnChanged = func(on bool) { t.markYoungTeacher(id, on) }
		rows = append(rows, c)
	}
	if len(rows) == 0 {
		rows = append(rows, widgets.QuietLabel("目前没有正在培养的人。"))
	}
	t.teachers.Objects = rows
	t.teachers.Refresh()
}

// teacherCandidate: someone being developed, or admitted in the plan's year.
func (t *devPlanTab) teacherCandidate(p *data.Person) bool {
	if p.Roll != data.RollActive {
		return false
	}
	if !p.Stage.IsMember() {
		return true
	}
	tl := data.TimelineAsOf(p, t.d.Steps[p.ID], civil.Date{}, t.d.Branch.RuleVersion)
	return tl.BranchMeeting.Year == t.year
}

// youngTeachersAdmitted counts the 优秀青年教师 admitted in the year (by the
// date of their 支部大会, up to today for the current year), as the R-YOUNG
// reminder of the rule engine counts them.
func youngTeachersAdmitted(d data.DevData, year int, today civil.Date) int {
	on := civil.New(year, 12, 31)
	if today.Before(on) {
		on = today
	}
	n := 0
	for i := range d.People {
		p := &d.People[i]
		if !p.YoungTeacher || !p.Stage.IsMember() || p.Roll == data.RollStopped || p.Roll == data.RollCancelled {
			continue
		}
		tl := data.TimelineAsOf(p, d.Steps[p.ID], on, d.Branch.RuleVersion)
		if tl.BranchMeeting.Year == year && !tl.BranchMeeting.After(on) {
			n++
		}
	}
	return n
}

func (t *devPlanTab) markYoungTeacher(id uint, on bool) {
	p, err := t.a.Store.Person(id)
	if err == nil {
		p.YoungTeacher = on
		err = t.a.Store.UpdatePerson(&p)
	}
	if err != nil {
		t.a.ShowError("未能标记优秀青年教师", err)
	}
	t.a.NotifyChanged()
}

func (t *devPlanTab) saveTarget() {
	n, err := wholeNumber(t.target.Text, "年度目标")
	if err == nil {
		err = t.a.Store.SetYoungTeacherTarget(n)
	}
	if err != nil {
		t.a.ShowError("年度目标未保存", err)
		return
	}
	t.a.NotifyChanged()
}
