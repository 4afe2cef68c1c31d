// Package members is the 党员名册: the register table, the member form, status
// changes, the recycle bin and the Excel import/export dialogs.
package members

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// registerColumns are the 党员名册 table's columns: the register's own (as
// the Excel export and import describe them) and the counts the screen adds.
func (s *membersScreen) registerColumns() []reports.Column[data.Person] {
	reg := reports.MemberRegister()
	head := reports.Pick(reg, data.FieldName, data.FieldGender, data.FieldEthnicity, data.FieldBirth)
	mid := reports.Pick(reg, data.FieldEducation, data.FieldStage, data.FieldGroup, data.FieldJoin, data.FieldFull)
	tail := reports.Pick(reg, data.FieldPost, data.FieldMobile, data.FieldStanding)
	group := &mid[2]
	group.Text = func(p *data.Person) string { return widgets.GroupName(s.groups, p.GroupID, "") }
	age := yearsColumn("年龄", func(p *data.Person) civil.Date { return p.BirthDate },
		func(p *data.Person) int { return p.Age(s.a.Today()) })
	party := yearsColumn("党龄", func(p *data.Person) civil.Date { return p.FullDate },
		func(p *data.Person) int { return p.PartyYears(s.a.Today()) })
	marks := reports.Column[data.Person]{Header: "状态标记", ScreenWidth: 220, Text: statusMarks}
	cols := append(head, age)
	cols = append(cols, mid...)
	cols = append(cols, party)
	cols = append(cols, tail...)
	cols = append(cols, marks)
	return append(cols, reports.Pick(reg, data.FieldIDNumber)...)
}

// yearsColumn shows a whole number of years counted from a date, nothing
// when the date is unknown; ascending means the later date first.
func yearsColumn(title string, from func(*data.Person) civil.Date, count func(*data.Person) int) reports.Column[data.Person] {
	return reports.Column[data.Person]{Header: title, ScreenWidth: 64,
		Text: func(p *data.Person) string {
			if from(p).IsZero() {
				return ""
			}
			return strconv.Itoa(count(p))
		},
		Compare: func(a, b *data.Person) int { return from(b).Compare(from(a)) },
	}
}

// statusMarks sums up what makes a member's situation special: 流动, 失联, 留党察看,
// 延长预备期, and for people no longer in the register how and when they left.
func statusMarks(p *data.Person) string {
	var marks []string
	if p.Roll != data.RollActive && p.Roll != "" {
		m := string(p.Roll)
		if !p.RollDate.IsZero() {
			m += " " + p.RollDate.String()
		}
		switch {
		case p.Destination != "":
			m += "（转往" + p.Destination + "）"
		case p.ExitKind != "":
			m += "（" + p.ExitKind + "）"
		}
		marks = append(marks, m)
	}
	if p.Floating {
		m := "流动"
		if p.FloatTo != "" {
			m += "（" + p.FloatTo + "）"
		}
		marks = append(marks, m)
	}
	if p.Lost {
		marks = append(marks, "失联")
	}
	if p.Disciplined {
		marks = append(marks, "留党察看")
	}
	if !p.ExtendedTo.IsZero() && p.Stage == data.StageProbationer {
		marks = append(marks, "延长预备期至 "+p.ExtendedTo.String())
	}
	return strings.Join(marks, "、")
}

// registerView is what the screen lists.
type registerView int

const (
	viewRegister registerView = iota // 在册党员
	viewLeft                         // 转出, 出党, 死亡, 取消预备资格
	viewBin                          // the recycle bin
)

var viewNames = []string{"在册党员", "已转出/出党/死亡", "回收站"}

// Filter choices that mean "no filter".
const (
	choiceAll     = "全部"
	choiceNoGroup = "未分组"
)

// membersScreen is the 党员名册: toolbar, filters, a sortable table, and the recycle bin.
type membersScreen struct {
	a      *core.App
	people []data.Person // every live person, as loaded
	groups []data.PartyGroup
	view   registerView
	filter data.PersonFilter

	table                  *widgets.Table[data.Person]
	search                 *widgets.SearchEntry
	stage, standing, group *widget.Select
	viewChoice             *widget.RadioGroup
	count                  *widget.Label
	edit, status, del      *widget.Button
	filters, toolbar       fyne.CanvasObject
	bin                    *recycleBin
	Content                fyne.CanvasObject
}

// NewMembersScreen builds the 党员名册 screen. It reloads itself whenever any screen
// changes the data, and registers Ctrl+N (new member) and Ctrl+F (search) on the window.
func NewMembersScreen(a *core.App) fyne.CanvasObject {
	return newMembersScreen(a).Content
}

func newMembersScreen(a *core.App) *membersScreen {
	s := &membersScreen{a: a}
	s.filter.View = data.ViewRegister
	s.bin = newRecycleBin(a)
	s.buildTable()
	s.buildControls()
	s.Content = container.NewBorder(container.NewVBox(s.toolbar, s.filters), s.count, nil, nil,
		container.NewStack(s.table.Widget(), s.bin.Content))
	s.bin.Content.Hide()

	s.addShortcut(fyne.KeyN, s.newMember)
	s.addShortcut(fyne.KeyF, s.focusSearch)
	a.OnChange(s.reload)
	s.reload()
	return s
}

// addShortcut registers Ctrl+key on the window. It does nothing while a dialog is open:
// the key is meant for the register, not for whatever the dialog is about.
func (s *membersScreen) addShortcut(key fyne.KeyName, action func()) {
	c := s.a.Window.Canvas()
	c.AddShortcut(widgets.CtrlShortcut(key), func(fyne.Shortcut) {
		if c.Overlays().Top() == nil {
			action()
		}
	})
}

func (s *membersScreen) buildControls() {
	add := widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), s.newMember)
	add.Importance = widget.HighImportance
	s.edit = widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), s.editSelected)
	s.status = widget.NewButtonWithIcon("状态变更", theme.HistoryIcon(), s.changeStatus)
	s.del = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), s.deleteSelected)
	imp := widget.NewButtonWithIcon("导入", theme.UploadIcon(), func() { ShowImportMembers(s.a) })
	// 导出: the shared export dialog (as the command line writes the 党员名册);
	// a filtered register first asks whether to export only the shown rows.
	exp := widget.NewButtonWithIcon("导出党员名册…", theme.DownloadIcon(), func() {
		if s.view == viewRegister && s.filtered() {
			s.export()
			return
		}
		ShowExportMembers(s.a)
	})
	s.viewChoice = widget.NewRadioGroup(viewNames, nil)
	s.viewChoice.Horizontal = true
	s.viewChoice.Required = true
	s.viewChoice.Selected = viewNames[viewRegister]
	s.viewChoice.OnChanged = s.viewChosen
	s.toolbar = widgets.WrapRow(add, s.edit, s.status, s.del, widget.NewSeparator(), imp, exp,
		layout.NewSpacer(), s.viewChoice)

	// The placeholder names what is searched most; 籍贯 and 备注 are searched too.
	s.search = widgets.NewSearchEntry("搜索姓名、身份证号、手机号…（Ctrl+F）", func(text string) { s.filter.Text = text; s.apply() })
	s.search.SetKeys(widgets.FormKeys{Ctrl: map[fyne.KeyName]func(){fyne.KeyN: s.newMember}})
	s.stage = s.filterChoice(append([]string{choiceAll}, data.MemberStageChoices...),
		func(v string) { s.filter.Stage = data.Stage(v) })
	s.standing = s.filterChoice(append([]string{choiceAll}, data.Standings...),
		func(v string) { s.filter.Standing = data.Standing(v) })
	s.group = s.filterChoice([]string{choiceAll, choiceNoGroup}, s.groupChosen)
	// The search keeps a usable width: on a narrow screen the filters go onto
	// a line of their own rather than squeezing it to a few characters.
	s.filters = widgets.WrapRow(widgets.Sized(searchWidth, s.search), layout.NewSpacer(), container.NewHBox(
		widget.NewLabel(data.FieldStage), s.stage,
		widget.NewLabel(data.FieldStanding), s.standing,
		widget.NewLabel(data.FieldGroup), s.group, s.table.ColumnsButton()))

	s.count = widget.NewLabel("")
	s.updateButtons()
}

// searchWidth shows the search field's placeholder up to 身份证号.
const searchWidth = 300

// filterChoice is a Select whose 全部 means no filter; set receives "" for 全部.
func (s *membersScreen) filterChoice(options []string, set func(string)) *widget.Select {
	sel := widget.NewSelect(options, nil)
	sel.SetSelected(choiceAll)
	sel.OnChanged = func(v string) {
		if v == choiceAll {
			v = ""
		}
		set(v)
		s.apply()
	}
	return sel
}

func (s *membersScreen) groupChosen(name string) {
	switch name {
	case "":
		s.filter.GroupID = 0
	case choiceNoGroup:
		s.filter.GroupID = data.NoGroup
	default:
		s.filter.GroupID = 0
		for _, g := range s.groups {
			if g.Name == name {
				s.filter.GroupID = g.ID
			}
		}
	}
}

// refreshGroupChoice offers the current 党小组, keeping the choice if the group still exists.
func (s *membersScreen) refreshGroupChoice() {
	options := []string{choiceAll}
	for _, g := range s.groups {
		options = append(options, g.Name)
	}
	options = append(options, choiceNoGroup)
	keep := s.group.Selected
	s.group.SetOptions(options)
	for _, o := range options {
		if o == keep {
			return
		}
	}
	s.group.SetSelected(choiceAll) // the chosen group was deleted or renamed
}

func (s *membersScreen) buildTable() {
	s.table = widgets.NewTable(widgets.TableConfig[data.Person]{
		Columns:  s.registerColumns(),
		Numbered: true,
		Sticky:   2, // 序号 and 姓名 stay in view when scrolling sideways
		ID:       func(p *data.Person) uint { return p.ID },
		OnSelect: s.updateButtons,
		OnOpen:   func(*data.Person) { s.editSelected() },
		Prefs:    "members",
	})
}

// reload reads the people and groups again; it runs after any change of the data.
func (s *membersScreen) reload() {
	people, err := s.a.Store.People()
	if err != nil {
		s.a.ShowError("无法读取党员名册", err)
		return
	}
	groups, err := s.a.Store.Groups()
	if err != nil {
		s.a.ShowError("无法读取党小组", err)
		return
	}
	s.people, s.groups = people, groups
	s.refreshGroupChoice()
	s.apply()
	s.bin.reload()
}

// apply filters the loaded people into the table, which sorts them.
func (s *membersScreen) apply() {
	s.table.SetRows(data.FilterPeople(s.people, s.filter))
	s.count.SetText(s.countLine())
	s.updateButtons()
}

// countLine sums the shown rows up, e.g. 共 35 人：正式党员 31，预备党员 4.
func (s *membersScreen) countLine() string {
	if len(s.people) == 0 {
		return "名册中还没有人员：点“新增”逐个录入，或点“导入”从 Excel 名册导入。"
	}
	tally := map[string]int{}
	for i := range s.table.Len() {
		p := s.table.Row(i)
		if s.view == viewLeft {
			tally[string(p.Roll)]++
		} else {
			tally[string(p.Stage)]++
		}
	}
	order := data.MemberStageChoices
	if s.view == viewLeft {
		order = data.LeftRolls
	}
	var parts []string
	for _, k := range order {
		if tally[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, tally[k]))
		}
	}
	line := fmt.Sprintf("共 %d 人", s.table.Len())
	if len(parts) > 0 {
		line += "：" + strings.Join(parts, "，")
	}
	if s.filtered() {
		line += "（按当前条件筛选）"
	}
	return line
}

func (s *membersScreen) filtered() bool {
	f := s.filter
	return strings.TrimSpace(f.Text) != "" || f.Stage != "" || f.Standing != "" || f.GroupID != 0
}

// selectedPerson is a copy of the selected person.
func (s *membersScreen) selectedPerson() (data.Person, bool) {
	if p, ok := s.table.Selected(); ok {
		return *p, true
	}
	return data.Person{}, false
}

func (s *membersScreen) updateButtons() {
	_, ok := s.selectedPerson()
	for _, b := range []*widget.Button{s.edit, s.status, s.del} {
		if ok && s.view != viewBin {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

func (s *membersScreen) viewChosen(name string) {
	for i, n := range viewNames {
		if n == name {
			s.view = registerView(i)
		}
	}
	if s.view == viewBin {
		s.filters.Hide()
		s.table.Widget().Hide()
		s.count.Hide()
		s.bin.Content.Show()
		s.updateButtons()
		return
	}
	s.filter.View = data.ViewRegister
	if s.view == viewLeft {
		s.filter.View = data.ViewLeft
	}
	s.bin.Content.Hide()
	s.filters.Show()
	s.table.Widget().Show()
	s.count.Show()
	s.apply()
}

// export offers the rows shown when the register is filtered, else 全部.
func (s *membersScreen) export() *exportDialog {
	if s.view != viewRegister || !s.filtered() {
		return showExportMembers(s.a, nil, 0)
	}
	f := s.filter
	return showExportMembers(s.a, &f, s.table.Len())
}

func (s *membersScreen) focusSearch() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.search); c != nil {
		c.Focus(s.search)
	}
}

func (s *membersScreen) newMember() { ShowMemberForm(s.a, nil) }

func (s *membersScreen) editSelected() {
	if p, ok := s.selectedPerson(); ok {
		ShowMemberForm(s.a, &p)
	}
}

func (s *membersScreen) changeStatus() {
	if p, ok := s.selectedPerson(); ok {
		ShowStatusChange(s.a, p)
	}
}

func (s *membersScreen) deleteSelected() {
	p, ok := s.selectedPerson()
	if !ok {
		return
	}
	msg := fmt.Sprintf("将‘%s’移入回收站？可在回收站中恢复。", p.Name)
	d := dialog.NewConfirm("删除", msg, func(yes bool) {
		if yes {
			s.deletePerson(p)
		}
	}, s.a.Window)
	d.SetConfirmText("移入回收站")
	d.SetDismissText("取消")
	d.Show()
}

func (s *membersScreen) deletePerson(p data.Person) {
	if err := s.a.Store.DeletePerson(p.ID); err != nil {
		s.a.ShowError("未能删除", err)
		return
	}
	s.a.NotifyChanged()
}
