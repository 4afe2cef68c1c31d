package meetings

import (
	"fmt"
	"maps"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// meetingSettingsView is the 设置 tab of 三会一课: how often each type of
// meeting is required and who attends it, the semesters, when to remind,
// and the 思政课 targets. The user edits a copy; nothing counts until 保存.
type meetingSettingsView struct {
	s  *meetingsScreen
	ms data.MeetingSettings
	// dirty: the copy has unsaved edits, which a reload must not overwrite.
	dirty   bool
	readers []func() error // read the number and date inputs into ms
	body    *fyne.Container
	Message *widget.Label
	Content fyne.CanvasObject
}

func newMeetingSettingsView(s *meetingsScreen) *meetingSettingsView {
	v := &meetingSettingsView{s: s, body: container.NewVBox()}
	save := widget.NewButtonWithIcon("保存设置", theme.DocumentSaveIcon(), func() { v.save() })
	save.Importance = widget.HighImportance
	undo := widget.NewButtonWithIcon("放弃修改", theme.ContentUndoIcon(), v.undo)
	// A form on a screen: switching screens or closing the window asks first.
	s.a.Hold(&core.Unsaved{What: "三会一课设置", Dirty: func() bool { return v.dirty }, Save: v.save, Discard: v.undo})
	defaults := widget.NewButton("恢复默认设置", v.confirmDefaults)
	v.Message = widgets.HiddenMessage(widget.DangerImportance)
	bar := container.NewHBox(save, undo, layout.NewSpacer(), defaults)
	v.Content = container.NewBorder(container.NewVBox(bar, v.Message), nil, nil, nil, widgets.FormScroll(v.body))
	return v
}

// refresh shows the stored settings unless the user is editing them.
func (v *meetingSettingsView) refresh() {
	if v.dirty {
		return
	}
	v.ms = cloneSettings(v.s.data.Settings)
	v.render()
}

func cloneSettings(ms data.MeetingSettings) data.MeetingSettings {
	ms.Types = slices.Clone(ms.Types)
	ms.Terms = slices.Clone(ms.Terms)
	ms.Semesters = slices.Clone(ms.Semesters)
	ms.LeadDays = maps.Clone(ms.LeadDays)
	return ms
}

func (v *meetingSettingsView) changed() { v.dirty = true }

// undo shows the stored settings again.
func (v *meetingSettingsView) undo() {
	v.dirty = false
	v.refresh()
}

// render draws the copy; it runs again when rows are added or removed.
func (v *meetingSettingsView) render() {
	v.readers = nil
	v.body.Objects = []fyne.CanvasObject{
		v.typesSection(),
		v.termsSection(),
		v.semestersSection(),
		v.numbersSection(),
	}
	v.body.Refresh()
}

// typeColumns: 类型, 应到人员, 频次, 次数, 本地要求, then 依据 takes the rest.
var typeColumns = []float32{190, 140, 116, 70, 96}

func (v *meetingSettingsView) typesSection() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("添加会议类型", theme.ContentAddIcon(), v.askNewType)
	rows := container.NewVBox(widgets.Columns(typeColumns, widgets.BoldLabel("会议类型"), widgets.BoldLabel("应到人员"), widgets.BoldLabel("频次"),
		widgets.BoldLabel("每期次数"), widgets.BoldLabel("本地要求"), widgets.BoldLabel("依据")))
	for i := range v.ms.Types {
		rows.Add(v.typeRow(i))
	}
	note := widgets.QuietLabel("支部党员大会、支部委员会、党小组会的应到人员是固定的。不需要考核的类型请把频次设为“不作要求”；规定的类型不能删除。")
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(widgets.SectionHeading("会议类型与召开频次", add), rows, note)
}

func (v *meetingSettingsView) typeRow(i int) fyne.CanvasObject {
	r := &v.ms.Types[i]
	scope := widget.NewSelect(scopeNames(), nil)
	scope.Selected = string(r.Scope)
	scope.OnChanged = func(s string) { r.Scope = data.AttendeeScope(s); v.changed() }
	if r.Type.IsForm() {
		scope.Disable()
	}
	times := v.numberEntry(&r.Times, string(r.Type)+"的每期次数")
	every := widget.NewSelect(frequencyNames(), nil)
	every.Selected = string(r.Every)
	every.OnChanged = func(s string) {
		r.Every = data.Frequency(s)
		switch {
		case r.Every == data.NotRequired:
			times.SetText("0")
		case times.Text == "0" || times.Text == "":
			times.SetText("1")
		}
		enableIf(times, r.Every != data.NotRequired)
		v.changed()
	}
	enableIf(times, r.Every != data.NotRequired)
	local := widget.NewCheck("", func(on bool) { r.Local = on; v.changed() })
	local.Checked = r.Local
	basis := v.textEntry(&r.Basis, "如：支部工作条例第十一条")
	name := widgets.TruncatedLabel(string(r.Type))
	var last fyne.CanvasObject = basis
	if !slices.Contains(data.BuiltinMeetingTypes, r.Type) {
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { v.removeType(i) })
		del.Importance = widget.LowImportance
		last = container.NewBorder(nil, nil, nil, del, basis)
	}
	return widgets.Columns(typeColumns, name, scope, every, widgets.Sized(60, times), local, last)
}

func scopeNames() []string {
	out := make([]string, len(data.AttendeeScopes))
	for i, s := range data.AttendeeScopes {
		out[i] = string(s)
	}
	return out
}

func frequencyNames() []string {
	out := make([]string, len(data.Frequencies))
	for i, f := range data.Frequencies {
		out[i] = string(f)
	}
	return out
}

func enableIf(e *widget.Entry, on bool) {
	if on {
		e.Enable()
	} else {
		e.Disable()
	}
}

func (v *meetingSettingsView) askNewType() {
	name := widget.NewEntry()
	name.SetPlaceHolder("如：警示教育会")
	dialog.ShowForm("添加会议类型", "添加", "取消", []*widget.FormItem{widget.NewFormItem("名称", name)}, func(ok bool) {
		t := data.MeetingType(data.CleanText(name.Text))
		switch {
		case !ok:
		case t == "":
			v.Say("会议类型的名称不能为空")
		case v.ms.TypeRule(t) != nil:
			v.Say(fmt.Sprintf("已经有“%s”这个会议类型了", t))
		default:
			v.ms.Types = append(v.ms.Types, data.MeetingTypeRule{Type: t, Scope: data.ScopeMembers,
				Every: data.EveryYear, Times: 1, Local: true, Basis: "本地要求"})
			v.changed()
			v.render()
			v.Say("")
		}
	}, v.s.a.Window)
}

// removeType drops a type the branch added, unless sittings are recorded as it.
func (v *meetingSettingsView) removeType(i int) {
	t := v.ms.Types[i].Type
	used := 0
	for j := range v.s.data.Meetings {
		if v.s.data.Meetings[j].HasType(t) {
			used++
		}
	}
	if used > 0 {
		v.Say(fmt.Sprintf("已有 %d 次会议登记为“%s”，不能删除这个类型；不再考核请把频次设为“%s”。", used, t, data.NotRequired))
		return
	}
	v.ms.Types = slices.Delete(v.ms.Types, i, i+1)
	v.changed()
	v.render()
}

func (v *meetingSettingsView) termsSection() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("添加学期", theme.ContentAddIcon(), func() {
		v.ms.Terms = append(v.ms.Terms, data.TermSpec{Name: "新学期", StartMonth: 1, StartDay: 1, EndMonth: 1, EndDay: 31})
		v.changed()
		v.render()
	})
	rows := container.NewVBox()
	for i := range v.ms.Terms {
		rows.Add(v.termRow(i))
	}
	note := widgets.QuietLabel("每学年通常的学期。结束月份早于开始月份的学期跨年（如秋季学期 9月1日 至 次年1月31日）；假期计入下一个学期。")
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(widgets.SectionHeading("学期（每年）", add), rows, note)
}

func (v *meetingSettingsView) termRow(i int) fyne.CanvasObject {
	t := &v.ms.Terms[i]
	name := v.textEntry(&t.Name, "如：春季学期")
	what := func(part string) string { return fmt.Sprintf("“%s”的%s", t.Name, part) }
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		v.ms.Terms = slices.Delete(v.ms.Terms, i, i+1)
		v.changed()
		v.render()
	})
	del.Importance = widget.LowImportance
	return container.NewHBox(widgets.Sized(160, name),
		widget.NewLabel("从"), widgets.Sized(52, v.numberEntry(&t.StartMonth, what("开始月份"))), widget.NewLabel("月"),
		widgets.Sized(52, v.numberEntry(&t.StartDay, what("开始日"))), widget.NewLabel("日　至"),
		widgets.Sized(52, v.numberEntry(&t.EndMonth, what("结束月份"))), widget.NewLabel("月"),
		widgets.Sized(52, v.numberEntry(&t.EndDay, what("结束日"))), widget.NewLabel("日"), del)
}

func (v *meetingSettingsView) semestersSection() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("添加特定学期", theme.ContentAddIcon(), func() {
		today := v.s.a.Today()
		v.ms.Semesters = append(v.ms.Semesters, data.Semester{Name: fmt.Sprintf("%d年春季学期", today.Year)})
		v.changed()
		v.render()
	})
	rows := container.NewVBox()
	for i := range v.ms.Semesters {
		rows.Add(v.semesterRow(i))
	}
	if len(v.ms.Semesters) == 0 {
		none := widgets.QuietLabel("没有。某一年开学、放假日期与通常不同时（如春季学期 2月24日 开学），在这里添加，它会代替与之重叠的通常学期。")
		none.Wrapping = fyne.TextWrapBreak // one line would widen the window past a 1024 px screen
		rows.Add(none)
	}
	return container.NewVBox(widgets.SectionHeading("特定学期（某一年的实际日期）", add), rows)
}

func (v *meetingSettingsView) semesterRow(i int) fyne.CanvasObject {
	s := &v.ms.Semesters[i]
	name := v.textEntry(&s.Name, "如：2026年春季学期")
	start := v.dateEntry(&s.Start, s.Name+"的开始日期")
	end := v.dateEntry(&s.End, s.Name+"的结束日期")
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		v.ms.Semesters = slices.Delete(v.ms.Semesters, i, i+1)
		v.changed()
		v.render()
	})
	del.Importance = widget.LowImportance
	return container.NewHBox(widgets.Sized(200, name), widget.NewLabel("从"), widgets.Sized(170, start), widget.NewLabel("至"), widgets.Sized(170, end), del)
}

func (v *meetingSettingsView) numbersSection() fyne.CanvasObject {
	if v.ms.LeadDays == nil {
		v.ms.LeadDays = map[data.Frequency]int{}
	}
	lead := container.NewGridWithColumns(2)
	for _, f := range []data.Frequency{data.EveryMonth, data.EveryQuarter, data.EverySemester, data.EveryYear} {
		days := v.ms.LeadDays[f]
		e := v.numberEntry(&days, f.Name()+"末提醒天数")
		v.readers = append(v.readers, func() error { v.ms.LeadDays[f] = days; return nil })
		lead.Add(container.NewHBox(widget.NewLabel(string(f)+"召开的会议：期末前"), widgets.Sized(56, e), widget.NewLabel("天提醒")))
	}
	rows := container.NewVBox(
		widgets.NewFormField("提醒", lead).Row,
		widgets.NewFormField("支部书记听课", container.NewHBox(widget.NewLabel("每学期不少于"),
			widgets.Sized(56, v.numberEntry(&v.ms.ListenPerSemester, "每学期听课次数")), widget.NewLabel("次"))).Row,
		widgets.NewFormField("支部书记授课", container.NewHBox(widget.NewLabel("每学期不少于"),
			widgets.Sized(56, v.numberEntry(&v.ms.TeachHoursPerSemester, "每学期授课课时")), widget.NewLabel("课时"))).Row,
		widgets.NewFormField("组织生活提醒", container.NewHBox(widget.NewLabel("连续"),
			widgets.Sized(56, v.numberEntry(&v.ms.AbsenceMonths, "连续未参加组织生活的月数")), widget.NewLabel("个月未参加组织生活时提醒"))).Row,
		widgets.NewFormField("开始考核日期", container.NewHBox(widgets.Sized(180, v.dateEntry(&v.ms.TrackFrom, "开始考核日期")),
			widgets.QuietLabel("此前结束的月、季度、学期不考核；不填则从第一次会议记录起"))).Row,
	)
	return container.NewVBox(widgets.SectionHeading("提醒与要求", nil), rows)
}

func (v *meetingSettingsView) textEntry(ptr *string, placeholder string) *widget.Entry {
	e := entryWith(*ptr, placeholder)
	e.OnChanged = func(s string) { *ptr = s; v.changed() }
	return e
}

// numberEntry is read into *ptr at save (what names it in a message).
func (v *meetingSettingsView) numberEntry(ptr *int, what string) *widget.Entry {
	e := entryWith(fmt.Sprint(*ptr), "")
	e.OnChanged = func(string) { v.changed() }
	v.readers = append(v.readers, func() error {
		n, err := widgets.ReadCount(e.Text)
		if err != nil {
			return fmt.Errorf("%s：%v", what, err)
		}
		*ptr = n
		return nil
	})
	return e
}

func (v *meetingSettingsView) dateEntry(ptr *civil.Date, what string) *widgets.DateField {
	d := widgets.NewDateField(v.s.a)
	d.SetDate(*ptr)
	d.OnChanged = func(civil.Date) { v.changed() }
	v.readers = append(v.readers, func() error {
		day, err := d.Date()
		if err != nil {
			return fmt.Errorf("%s：%v", what, err)
		}
		*ptr = day
		return nil
	})
	return d
}

func (v *meetingSettingsView) save() bool {
	for _, read := range v.readers {
		if err := read(); err != nil {
			v.Say(err.Error())
			return false
		}
	}
	if err := v.s.a.Store.SaveMeetingSettings(cloneSettings(v.ms)); err != nil {
		v.Say("未保存：" + err.Error())
		return false
	}
	v.dirty = false
	v.Say("")
	v.s.a.NotifyChanged()
	v.s.a.ShowInfo("设置已保存", "三会一课的频次、学期和提醒设置已保存，完成情况已按新设置重新计算。")
	return true
}

func (v *meetingSettingsView) confirmDefaults() {
	confirmAction(v.s.a, "恢复默认设置", "把会议频次、学期和提醒恢复为默认设置？添加的会议类型会保留，点“保存设置”后生效。", "恢复默认",
		func() {
			def := data.DefaultMeetingSettings()
			for _, r := range v.ms.Types {
				if def.TypeRule(r.Type) == nil {
					def.Types = append(def.Types, r)
				}
			}
			v.ms = def
			v.changed()
			v.render()
			v.Say("已恢复为默认设置，点“保存设置”后生效。")
			v.Message.Importance = widget.WarningImportance
			v.Message.Refresh()
		})
}

func (v *meetingSettingsView) Say(msg string) {
	v.Message.Importance = widget.DangerImportance
	v.Message.SetText(msg)
	widgets.SetVisible(v.Message, msg != "")
}
