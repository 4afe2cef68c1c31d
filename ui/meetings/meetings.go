// Package meetings is 三会一课: the minutes list and form, the compliance
// calendar, participation, the 思政课 log, meeting settings and exports.
package meetings

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/compliance"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// meetingsScreen is 三会一课: the minutes of every sitting, and the tabs that
// judge the record against the settings (完成情况, 思政课, 参加情况) or edit
// those settings. The record is loaded once per change and shared by the
// tabs, so switching tabs costs nothing.
type meetingsScreen struct {
	a    *core.App
	data *compliance.Data
	comp *compliance.Compliance

	list     *meetingList
	calendar *complianceCalendar
	classes  *classLogView
	matrix   *participationView
	settings *meetingSettingsView
	tabs     *container.AppTabs
	Content  fyne.CanvasObject
}

// NewMeetingsScreen builds the 三会一课 screen; it reloads whenever any
// screen changes the data.
func NewMeetingsScreen(a *core.App) fyne.CanvasObject { return newMeetingsScreen(a).Content }

func newMeetingsScreen(a *core.App) *meetingsScreen {
	s := &meetingsScreen{a: a}
	s.list = newMeetingList(s)
	s.calendar = newComplianceCalendar(s)
	s.classes = newClassLogView(s)
	s.matrix = newParticipationView(s)
	s.settings = newMeetingSettingsView(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("会议记录", theme.DocumentIcon(), s.list.Content),
		container.NewTabItemWithIcon("完成情况", theme.CalendarIcon(), s.calendar.Content),
		container.NewTabItemWithIcon("思政课", theme.AccountIcon(), s.classes.Content),
		container.NewTabItemWithIcon("参加情况", theme.ListIcon(), s.matrix.Content),
		container.NewTabItemWithIcon("设置", theme.SettingsIcon(), s.settings.Content),
	)
	s.Content = s.tabs
	a.OnChange(s.reload)
	s.reload()
	return s
}

// reload reads the whole record again and redraws every tab.
func (s *meetingsScreen) reload() {
	d, err := compliance.Load(s.a.Store)
	if d == nil {
		s.a.ShowError("无法读取三会一课记录", err)
		return
	}
	if err != nil { // the settings could not be read: the defaults are in use
		s.a.ShowError("三会一课设置有问题", err)
	}
	s.data, s.comp = d, compliance.New(d, s.a.Today())
	s.list.refresh()
	s.calendar.refresh()
	s.classes.refresh()
	s.matrix.refresh()
	s.settings.refresh()
}

// openMeeting opens the minutes of a loaded sitting.
func (s *meetingsScreen) openMeeting(id uint) {
	m, err := s.a.Store.Meeting(id)
	if err != nil {
		s.a.ShowError("无法打开会议记录", err)
		return
	}
	ShowMeetingForm(s.a, &m)
}

// span is a choice of dates the lists offer: 本月, 本学期, 2025年, 全部 …
type span struct {
	Label    string
	from, to civil.Date // zero: open
}

func (p span) contains(d civil.Date) bool {
	return (p.from.IsZero() || !d.Before(p.from)) && (p.to.IsZero() || !d.After(p.to))
}

// describe is the span as the count lines say it: "本学期（2026-03-01 至 2026-07-31）".
func (p span) describe() string {
	if p.from.IsZero() {
		return "全部记录"
	}
	return fmt.Sprintf("%s（%s 至 %s）", p.Label, p.from, p.to)
}

const spanAll = "全部"

// spanChoices are the running month, quarter, semester and year, every
// sitting, and each year with sittings (newest first).
func spanChoices(d *compliance.Data, today civil.Date) []span {
	ms := &d.Settings
	running := func(label string, f data.Frequency) span {
		p := ms.PeriodOf(f, today)
		return span{Label: label, from: p.Start, to: p.End}
	}
	out := []span{
		running("本月", data.EveryMonth),
		running("本季度", data.EveryQuarter),
		running("本学期", data.EverySemester),
		running("本年度", data.EveryYear),
		{Label: spanAll},
	}
	for _, y := range meetingYears(d, today) {
		p := data.YearPeriod(civil.New(y, 1, 1))
		out = append(out, span{Label: p.Label, from: p.Start, to: p.End})
	}
	return out
}

// meetingYears are the years with sittings or 思政课 records, and this
// year, newest first.
func meetingYears(d *compliance.Data, today civil.Date) []int {
	seen := map[int]bool{today.Year: true}
	for i := range d.Meetings {
		seen[d.Meetings[i].Date.Year] = true
	}
	for i := range d.ClassLogs {
		seen[d.ClassLogs[i].Date.Year] = true
	}
	years := make([]int, 0, len(seen))
	for y := range seen {
		years = append(years, y)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(years)))
	return years
}

// spanSelect is a Select over spanChoices that keeps its choice by label
// across reloads (本学期 stays 本学期 when the data changes).
type spanSelect struct {
	sel     *widget.Select
	choices []span
}

func newSpanSelect(initial string, changed func()) *spanSelect {
	p := &spanSelect{}
	p.sel = widget.NewSelect(nil, func(string) { changed() })
	p.sel.Selected = initial
	return p
}

// setChoices offers new choices, keeping the selected label when it is still there.
func (p *spanSelect) setChoices(choices []span) {
	p.choices = choices
	labels := make([]string, len(choices))
	keep := false
	for i, c := range choices {
		labels[i] = c.Label
		keep = keep || c.Label == p.sel.Selected
	}
	p.sel.Options = labels
	if !keep && len(labels) > 0 {
		p.sel.Selected = labels[0]
	}
	p.sel.Refresh()
}

func (p *spanSelect) current() span {
	for _, c := range p.choices {
		if c.Label == p.sel.Selected {
			return c
		}
	}
	return span{Label: spanAll}
}

// meetingColumns are the columns of the minutes list.
func meetingColumns() []reports.Column[data.Meeting] {
	return []reports.Column[data.Meeting]{
		{Header: "日期", ScreenWidth: 110, Get: func(m *data.Meeting) any { return m.Date }},
		{Header: "时间", ScreenWidth: 116, Text: (*data.Meeting).TimeSpan},
		{Header: "类型", ScreenWidth: 210, Text: (*data.Meeting).TypeNames},
		{Header: "会议名称 / 议题", ScreenWidth: 300, Text: meetingSubject},
		{Header: "主持人", ScreenWidth: 86, Get: func(m *data.Meeting) any { return m.Host }},
		{Header: "应到/实到", ScreenWidth: 90, Text: func(m *data.Meeting) string {
			c := m.Counts()
			return fmt.Sprintf("%d / %d", c.Expected, c.Present)
		}},
		{Header: "表决", ScreenWidth: 120, Text: verdictSummary},
	}
}

// meetingSubject is the typed 会议名称, else the first line of the 议题, else
// the derived title.
func meetingSubject(m *data.Meeting) string {
	if m.Title != "" {
		return m.Title
	}
	if first, _, _ := strings.Cut(strings.TrimSpace(m.Agenda), "\n"); first != "" {
		return first
	}
	if m.Topic != "" {
		return m.Topic
	}
	return m.DisplayTitle()
}

// verdictSummary is what the sitting decided by vote: 通过, 不通过, 通过 2 项、不通过 1 项,
// or nothing when no decision was put to a vote.
func verdictSummary(m *data.Meeting) string {
	count := map[compliance.Verdict]int{}
	for i := range m.Decisions {
		count[compliance.VerdictOf(m, &m.Decisions[i])]++
	}
	passed, failed := count[compliance.Passed], count[compliance.NotPassed]
	switch {
	case passed+failed == 0:
		return ""
	case passed+failed == 1 && passed == 1:
		return string(compliance.Passed)
	case passed+failed == 1:
		return string(compliance.NotPassed)
	case failed == 0:
		return fmt.Sprintf("通过 %d 项", passed)
	case passed == 0:
		return fmt.Sprintf("不通过 %d 项", failed)
	}
	return fmt.Sprintf("通过 %d 项、不通过 %d 项", passed, failed)
}

// meetingList is the 会议记录 tab: filters, the sittings newest first, and
// the actions on them.
type meetingList struct {
	s     *meetingsScreen
	table *widgets.Table[data.Meeting]

	kind      *widget.Select
	period    *spanSelect
	search    *widgets.SearchEntry
	count     *widget.Label
	edit, del *widget.Button
	export    *widget.Button
	Content   fyne.CanvasObject
}

// typeAll is the 类型 filter choice that means any type.
const typeAll = "全部类型"

func newMeetingList(s *meetingsScreen) *meetingList {
	l := &meetingList{s: s}
	add := widget.NewButtonWithIcon("新增会议记录", theme.ContentAddIcon(), func() { ShowMeetingForm(s.a, nil) })
	add.Importance = widget.HighImportance
	l.edit = widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), l.editSelected)
	l.del = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), l.deleteSelected)
	bin := widget.NewButtonWithIcon("回收站", theme.ContentUndoIcon(), func() { showMeetingBin(s.a) })
	l.export = core.NewExportButton(s.a, reports.ScreenMeetings, nil)
	imp := widget.NewButtonWithIcon("导入会议台账", theme.UploadIcon(), func() { ShowImportMeetings(s.a) })
	toolbar := container.NewHBox(add, l.edit, l.del, widget.NewSeparator(), imp, l.export, layout.NewSpacer(), bin)

	l.kind = widget.NewSelect(nil, func(string) { l.apply() })
	l.kind.Selected = typeAll
	l.period = newSpanSelect("本年度", l.apply)
	l.search = widgets.NewSearchEntry("搜索会议名称、议题、地点…", func(string) { l.apply() })
	filters := container.NewBorder(nil, nil, nil,
		container.NewHBox(widget.NewLabel("类型"), l.kind, widget.NewLabel("时间"), l.period.sel), l.search)

	l.table = widgets.NewTable(widgets.TableConfig[data.Meeting]{
		Columns:  meetingColumns(),
		ID:       func(m *data.Meeting) uint { return m.ID },
		OnSelect: l.updateButtons,
		OnOpen:   func(m *data.Meeting) { l.s.openMeeting(m.ID) },
		Prefs:    "meetings",
	})
	l.count = widget.NewLabel("")
	l.Content = container.NewBorder(container.NewVBox(toolbar, filters), l.count, nil, nil, l.table.Widget())
	l.updateButtons()
	return l
}

// refresh offers the current types and spans and lists the sittings again.
func (l *meetingList) refresh() {
	options := []string{typeAll}
	for _, t := range l.s.data.Settings.TypeList() {
		options = append(options, string(t))
	}
	l.kind.Options = options
	if !slices.Contains(options, l.kind.Selected) {
		l.kind.Selected = typeAll
	}
	l.kind.Refresh()
	l.period.setChoices(spanChoices(l.s.data, l.s.a.Today()))
	l.apply()
}

// apply filters the loaded sittings into rows, newest first.
func (l *meetingList) apply() {
	if l.s.data == nil {
		return
	}
	p := l.period.current()
	kind := data.MeetingType("")
	if l.kind.Selected != typeAll {
		kind = data.MeetingType(l.kind.Selected)
	}
	text := strings.TrimSpace(l.search.Text)
	var shown []data.Meeting
	all := l.s.data.Meetings
	for i := len(all) - 1; i >= 0; i-- {
		m := &all[i]
		if p.contains(m.Date) && (kind == "" || m.HasType(kind)) && meetingMatches(m, text) {
			shown = append(shown, *m)
		}
	}
	l.table.SetRows(shown)
	l.count.SetText(l.countLine(p))
	l.updateButtons()
}

func meetingMatches(m *data.Meeting, text string) bool {
	if text == "" {
		return true
	}
	for _, field := range []string{m.Title, m.Agenda, m.Place, m.Host, m.Resolution, m.Topic, m.TypeNames()} {
		if strings.Contains(field, text) {
			return true
		}
	}
	return false
}

func (l *meetingList) countLine(p span) string {
	if len(l.s.data.Meetings) == 0 {
		return "还没有会议记录：点“新增会议记录”登记一次支部党员大会、支委会、党小组会、党课或主题党日。"
	}
	return fmt.Sprintf("%s共 %d 次会议（双击一行打开会议记录）", p.describe(), l.table.Len())
}

func (l *meetingList) updateButtons() {
	for _, b := range []*widget.Button{l.edit, l.del} {
		if _, ok := l.table.Selected(); ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

func (l *meetingList) editSelected() {
	if m, ok := l.table.Selected(); ok {
		l.s.openMeeting(m.ID)
	}
}

func (l *meetingList) deleteSelected() {
	m, ok := l.table.Selected()
	if !ok {
		return
	}
	id := m.ID
	confirmAction(l.s.a, "删除会议记录", fmt.Sprintf("将“%s”移入回收站？可在回收站中恢复。", m.DisplayTitle()), "移入回收站",
		func() {
			if err := l.s.a.Store.DeleteMeeting(id); err != nil {
				l.s.a.ShowError("未能删除", err)
				return
			}
			l.s.a.NotifyChanged()
		})
}

// confirmAction asks before doing something that changes the record.
func confirmAction(a *core.App, title, message, confirm string, action func()) {
	d := dialog.NewConfirm(title, core.WrapMessage(message), func(yes bool) {
		if yes {
			action()
		}
	}, a.Window)
	d.SetConfirmText(confirm)
	d.SetDismissText("取消")
	d.Show()
}
