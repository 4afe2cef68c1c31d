package meetings

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/compliance"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// classLogView is the 思政课 tab: the 支部书记's 听课 and 授课 of a semester,
// counted against the targets of the settings (听课 visits, 授课 课时).
type classLogView struct {
	s         *meetingsScreen
	semester  *widget.Select
	tallies   []compliance.ClassTally // newest first
	others    map[uint]bool           // the shown semester's records of others than the 书记
	summary   *widget.Label
	listen    *widget.ProgressBar
	teach     *widget.ProgressBar
	bars      *fyne.Container // hidden when the semester has no targets
	warnings  *fyne.Container
	table     *widgets.Table[data.ClassLog] // the semester's records, newest first
	edit, del *widget.Button
	Content   fyne.CanvasObject
}

// classColumns are the columns of a semester's 思政课 records.
func classColumns() []reports.Column[data.ClassLog] {
	text := func(title string, width float32, get func(c *data.ClassLog) string) reports.Column[data.ClassLog] {
		return reports.Column[data.ClassLog]{Header: title, ScreenWidth: width, Get: func(c *data.ClassLog) any { return get(c) }}
	}
	return []reports.Column[data.ClassLog]{
		{Header: "日期", ScreenWidth: 110, Get: func(c *data.ClassLog) any { return c.Date }},
		text("类别", 64, func(c *data.ClassLog) string { return c.Kind }),
		text("班级", 120, func(c *data.ClassLog) string { return c.Class }),
		text("课题", 260, func(c *data.ClassLog) string { return c.Topic }),
		{Header: "课时", ScreenWidth: 60, Get: func(c *data.ClassLog) any { return c.Hours }},
		text("授课教师", 100, func(c *data.ClassLog) string { return c.Teacher }),
		text("书记", 90, func(c *data.ClassLog) string { return c.Who }),
		text("备注", 200, func(c *data.ClassLog) string { return firstLine(c.Note) }),
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func newClassLogView(s *meetingsScreen) *classLogView {
	v := &classLogView{s: s}
	add := widget.NewButtonWithIcon("新增听课/授课记录", theme.ContentAddIcon(), func() { showClassLogForm(s.a, nil) })
	add.Importance = widget.HighImportance
	v.edit = widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), v.editSelected)
	v.del = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), v.deleteSelected)
	v.semester = widget.NewSelect(nil, func(string) { v.show() })
	toolbar := container.NewHBox(add, v.edit, v.del, layout.NewSpacer(), widget.NewLabel("学期"), widgets.Sized(210, v.semester))

	v.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.summary.Wrapping = fyne.TextWrapWord
	v.listen, v.teach = widget.NewProgressBar(), widget.NewProgressBar()
	v.bars = container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel("听课"), nil, v.listen),
		container.NewBorder(nil, nil, widget.NewLabel("授课"), nil, v.teach))
	v.warnings = container.NewVBox()
	v.table = v.newTable()
	top := container.NewVBox(toolbar, v.summary, v.bars, v.warnings)
	v.Content = container.NewBorder(top, nil, nil, nil, v.table.Widget())
	v.updateButtons()
	return v
}

func (v *classLogView) newTable() *widgets.Table[data.ClassLog] {
	countedColumn := reports.Column[data.ClassLog]{Header: countedHeader, ScreenWidth: 150, Get: func(c *data.ClassLog) any {
		if v.others[c.ID] {
			return notCounted
		}
		return counted
	}}
	return widgets.NewTable(widgets.TableConfig[data.ClassLog]{
		Columns:  append(classColumns(), countedColumn),
		ID:       func(c *data.ClassLog) uint { return c.ID },
		OnSelect: v.updateButtons,
		OnOpen:   func(*data.ClassLog) { v.editSelected() },
		Prefs:    "classlog",
	})
}

// refresh lists the semesters from the first record (or this one) to now.
func (v *classLogView) refresh() {
	today := v.s.a.Today()
	from := today
	for _, l := range v.s.data.ClassLogs {
		if l.Date.Before(from) {
			from = l.Date
		}
	}
	tallies := v.s.comp.ClassTallies(from, today)
	v.tallies = v.tallies[:0]
	labels := make([]string, 0, len(tallies))
	for i := len(tallies) - 1; i >= 0; i-- {
		v.tallies = append(v.tallies, tallies[i])
		labels = append(labels, tallies[i].Period.Label)
	}
	keep := v.semester.Selected
	v.semester.Options = labels
	if !slices.Contains(labels, keep) && len(labels) > 0 {
		v.semester.Selected = labels[0]
	}
	v.semester.Refresh()
	v.show()
}

// current is the tally of the chosen semester.
func (v *classLogView) current() compliance.ClassTally {
	for _, t := range v.tallies {
		if t.Period.Label == v.semester.Selected {
			return t
		}
	}
	return v.s.comp.Classes(v.s.a.Today())
}

// show draws the chosen semester: the tally, its reminders and its records.
func (v *classLogView) show() {
	if v.s.comp == nil {
		return
	}
	t := v.current()
	running := t.Period.Contains(v.s.a.Today())
	v.summary.SetText(classSummary(t, running, v.s.data.NationalOnly))
	widgets.SetVisible(v.bars, hasTargets(t))
	setProgress(v.listen, t.Listens, t.ListenTarget, "次")
	setProgress(v.teach, t.TeachHours, t.TeachTarget, "课时")
	v.showWarnings(running)
	v.others = map[uint]bool{}
	for _, l := range t.Others {
		v.others[l.ID] = true
	}

	logs := make([]data.ClassLog, 0, len(t.Logs))
	for i := len(t.Logs) - 1; i >= 0; i-- {
		logs = append(logs, t.Logs[i])
	}
	v.table.SetRows(logs)
	v.updateButtons()
}

// The screen-only column that marks the records not counted toward the
// 书记's targets (compliance.ClassTally.Others: someone else listened).
const (
	countedHeader = "计入书记次数"
	counted       = "计入"
	notCounted    = "不计入（非书记本人）"
)

// hasTargets reports whether the semester has a 思政课 target at all: with
// the local requirements off it has none (data.MeetingSettings.NationalOnly).
func hasTargets(t compliance.ClassTally) bool { return t.ListenTarget > 0 || t.TeachTarget > 0 }

// classSummary: "本学期（2026年春季学期，2026-02-01 至 2026-07-31）听课 3/4，授课 2/4 课时",
// then why some records do not count; without targets only the counts
// ("听课 3 次，授课 2 课时") and why there are none (nationalOnly: the local
// requirements are off).
func classSummary(t compliance.ClassTally, running, nationalOnly bool) string {
	name := t.Period.Label
	if running {
		name = "本学期（" + t.Period.Label
	} else {
		name += "（"
	}
	s := fmt.Sprintf("%s，%s 至 %s）", name, t.Period.Start, t.Period.End)
	switch {
	case hasTargets(t):
		s += fmt.Sprintf("听课 %d/%d，授课 %d/%d 课时", t.Listens, t.ListenTarget, t.TeachHours, t.TeachTarget)
	case nationalOnly:
		s += fmt.Sprintf("听课 %d 次，授课 %d 课时（未开启区/市本地要求，思政课不设目标，只作记录）", t.Listens, t.TeachHours)
	default:
		s += fmt.Sprintf("听课 %d 次，授课 %d 课时（未设目标）", t.Listens, t.TeachHours)
	}
	if n := len(t.Others); n > 0 {
		who := "书记本人"
		if t.Secretary == "" {
			who = "书记本人（支部信息中还没有设置书记）"
		}
		s += fmt.Sprintf("；另有 %d 条记录不是%s的，列在下表中，不计入书记的听课、授课次数", n, who)
	}
	return s
}

// setProgress shows n of target; a met target reads 已达到.
func setProgress(bar *widget.ProgressBar, n, target int, unit string) {
	bar.Max = float64(max(target, 1))
	bar.Value = float64(min(n, max(target, 1)))
	text := fmt.Sprintf("%d / %d %s", n, target, unit)
	if n >= target {
		text += "，已达到"
	} else {
		text += fmt.Sprintf("，还差 %d %s", target-n, unit)
	}
	bar.TextFormatter = func() string { return text }
	bar.Refresh()
}

// showWarnings lists the 思政课 reminders of the running semester (and the
// semesters of the last year that ended short) when that one is shown.
func (v *classLogView) showWarnings(running bool) {
	v.warnings.Objects = nil
	if running {
		for _, f := range v.s.comp.Findings() {
			if f.Rule == compliance.RuleListen || f.Rule == compliance.RuleTeach {
				v.warnings.Add(findingLabel(f))
			}
		}
	}
	v.warnings.Refresh()
}

func (v *classLogView) selectedLog() (data.ClassLog, bool) {
	if l, ok := v.table.Selected(); ok {
		return *l, true
	}
	return data.ClassLog{}, false
}

func (v *classLogView) updateButtons() {
	for _, b := range []*widget.Button{v.edit, v.del} {
		if _, ok := v.selectedLog(); ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

func (v *classLogView) editSelected() {
	if l, ok := v.selectedLog(); ok {
		showClassLogForm(v.s.a, &l)
	}
}

func (v *classLogView) deleteSelected() {
	l, ok := v.selectedLog()
	if !ok {
		return
	}
	a := v.s.a
	confirmAction(a, "删除思政课记录", fmt.Sprintf("将 %s %s《%s》移入回收站？", l.Date, l.Kind, l.Topic), "移入回收站", func() {
		if err := a.Store.DeleteClassLog(l.ID); err != nil {
			a.ShowError("未能删除", err)
			return
		}
		a.NotifyChanged()
	})
}

// classLogForm edits one 思政课 record.
type classLogForm struct {
	a            *core.App
	c            data.ClassLog
	date         *widgets.DateField
	kind         *widget.RadioGroup
	class        *widget.Entry
	topic        *widget.Entry
	hours        *widget.Entry
	teacher      *widget.Entry
	teacherField *widgets.FormField
	who          *widget.Entry
	note         *widget.Entry
	Message      *widget.Label
	dlg          *dialog.CustomDialog
	unsaved      *core.Unsaved
}

// showClassLogForm opens a 思政课 record, or a new 听课 of today when c is nil.
func showClassLogForm(a *core.App, c *data.ClassLog) {
	f := &classLogForm{a: a, c: data.ClassLog{Date: a.Today(), Kind: data.ClassListen, Hours: 1}}
	if c != nil {
		f.c = *c
	}
	f.build()
	a.ShowForm(f.dlg, f.unsaved, nil)
}

func (f *classLogForm) build() {
	f.date = widgets.NewDateField(f.a)
	f.date.SetDate(f.c.Date)
	f.class = entryWith(f.c.Class, "如：七年级（3）班")
	f.topic = entryWith(f.c.Topic, "如：中华民族一家亲")
	f.hours = entryWith(fmt.Sprint(f.c.Hours), "课时数")
	f.teacher = entryWith(f.c.Teacher, "所听课的任课教师")
	f.teacherField = widgets.NewFormField("授课教师", f.teacher)
	f.who = entryWith(f.c.Who, "不填则为支部书记")
	f.note = widget.NewMultiLineEntry()
	f.note.SetText(f.c.Note)
	f.note.SetMinRowsVisible(2)
	f.kind = widget.NewRadioGroup([]string{data.ClassListen, data.ClassTeach}, func(k string) {
		widgets.SetVisible(f.teacherField.Row, k == data.ClassListen)
	})
	f.kind.Horizontal = true
	f.kind.Required = true
	f.kind.SetSelected(f.c.Kind)
	f.Message = widgets.HiddenMessage(widget.DangerImportance)
	body := container.NewVBox(
		widgets.NewFormField("日期", f.date).Row,
		widgets.NewFormField("类别", f.kind).Row,
		widgets.NewFormField("班级", f.class).Row,
		widgets.NewFormField("课题", f.topic).Row,
		widgets.NewFormField("课时", widgets.Sized(80, f.hours)).Row,
		f.teacherField.Row,
		widgets.NewFormField("书记", f.who).Row,
		widgets.NewFormField("备注", f.note).Row,
		f.Message)
	title := "新增思政课记录"
	if f.c.ID != 0 {
		title = "编辑思政课记录"
	}
	f.dlg = dialog.NewCustomWithoutButtons(title, body, f.a.Window)
	f.unsaved = core.DialogForm("思政课记录", f.dlg, body, nil, f.save)
	save := widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), func() { f.save() })
	save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { f.a.AskLeave(f.unsaved) })
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, save})
	f.dlg.Resize(fyne.NewSize(560, 0))
}

func entryWith(text, placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	return e
}

func (f *classLogForm) save() bool {
	c := f.c
	var err error
	if c.Date, err = f.date.Date(); err != nil {
		f.Say("日期：" + err.Error())
		return false
	}
	if c.Hours, err = widgets.ReadCount(f.hours.Text); err != nil {
		f.Say("课时：" + err.Error())
		return false
	}
	c.Kind, c.Class, c.Topic, c.Who, c.Note = f.kind.Selected, f.class.Text, f.topic.Text, f.who.Text, f.note.Text
	c.Teacher = ""
	if c.Kind == data.ClassListen {
		c.Teacher = f.teacher.Text
	}
	if err := f.a.Store.SaveClassLog(&c); err != nil {
		f.refused(err)
		return false
	}
	f.dlg.Hide()
	f.a.NotifyChanged()
	return true
}

func (f *classLogForm) Say(msg string) {
	f.Message.SetText(msg)
	f.Message.Show()
}
