// Package members is the 党员名册: the register table, the member form, status
// changes, the recycle bin and the Excel import/export dialogs.
package members

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// cellContext is what a column needs beyond the person to show a cell.
type cellContext struct {
	today  civil.Date
	groups []data.PartyGroup
}

// memberColumn is one column of the register table.
type memberColumn struct {
	title string
	width float32 // at least; Chinese text is wider than Fyne's template cell
	// sortField sorts with data.SortPeople (pinyin for text, dates in order); "" sorts by
	// the shown text.
	sortField string
	reverse   bool // ascending 年龄/党龄 is descending birth/转正 date
	Text      func(c *cellContext, p *data.Person) string
}

func plain(get func(p *data.Person) string) func(*cellContext, *data.Person) string {
	return func(_ *cellContext, p *data.Person) string { return get(p) }
}

// years shows a whole number of years, or nothing when the date it counts from is unknown.
func years(from func(p *data.Person) civil.Date, count func(c *cellContext, p *data.Person) int) func(*cellContext, *data.Person) string {
	return func(c *cellContext, p *data.Person) string {
		if from(p).IsZero() {
			return ""
		}
		return strconv.Itoa(count(c, p))
	}
}

// seqColumn is 序号: the position after filtering and sorting, so it is filled last.
const seqColumn = 0

var memberColumns = []memberColumn{
	{title: "序号", width: 60},
	{title: data.FieldName, width: 96, sortField: data.FieldName, Text: plain(func(p *data.Person) string { return p.Name })},
	{title: data.FieldGender, width: 64, sortField: data.FieldGender, Text: plain(func(p *data.Person) string { return p.Gender })},
	{title: data.FieldEthnicity, width: 90, sortField: data.FieldEthnicity, Text: plain(func(p *data.Person) string { return p.Ethnicity })},
	{title: data.FieldBirth, width: 116, sortField: data.FieldBirth, Text: plain(func(p *data.Person) string { return p.BirthDate.String() })},
	{title: "年龄", width: 64, sortField: data.FieldBirth, reverse: true,
		Text: years(func(p *data.Person) civil.Date { return p.BirthDate },
			func(c *cellContext, p *data.Person) int { return p.Age(c.today) })},
	{title: data.FieldEducation, width: 100, sortField: data.FieldEducation, Text: plain(func(p *data.Person) string { return p.Education })},
	{title: data.FieldStage, width: 100, sortField: data.FieldStage, Text: plain(func(p *data.Person) string { return string(p.Stage) })},
	{title: data.FieldGroup, width: 110, Text: func(c *cellContext, p *data.Person) string { return widgets.GroupName(c.groups, p.GroupID, "") }},
	{title: data.FieldJoin, width: 150, sortField: data.FieldJoin, Text: plain(func(p *data.Person) string { return p.JoinDate.String() })},
	{title: data.FieldFull, width: 170, sortField: data.FieldFull, Text: plain(func(p *data.Person) string { return p.FullDate.String() })},
	{title: "党龄", width: 64, sortField: data.FieldFull, reverse: true,
		Text: years(func(p *data.Person) civil.Date { return p.FullDate },
			func(c *cellContext, p *data.Person) int { return p.PartyYears(c.today) })},
	{title: data.FieldPost, width: 150, sortField: data.FieldPost, Text: plain(func(p *data.Person) string { return p.Post })},
	{title: data.FieldMobile, width: 130, sortField: data.FieldMobile, Text: plain(func(p *data.Person) string { return p.Mobile })},
	{title: data.FieldStanding, width: 100, sortField: data.FieldStanding, Text: plain(func(p *data.Person) string { return string(p.Standing) })},
	{title: "状态标记", width: 220, Text: func(c *cellContext, p *data.Person) string { return statusMarks(p) }},
	{title: "身份证号", width: 200, sortField: data.FieldIDNumber, Text: plain(func(p *data.Person) string { return p.IDNumber })},
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

// registerRow is one shown row: the person and the precomputed cell texts, so that
// UpdateCell only copies a string.
type registerRow struct {
	person data.Person
	cells  []string
}

// membersScreen is the 党员名册: toolbar, filters, a sortable table, and the recycle bin.
type membersScreen struct {
	a      *core.App
	people []data.Person // every live person, as loaded
	groups []data.PartyGroup
	view   registerView
	filter data.PersonFilter

	sortCol  int // -1: the store's order
	sortDesc bool
	rows     []registerRow
	selected uint // person ID of the selected row, 0 for none

	table                  *widget.Table
	search                 *widgets.FormEntry
	stage, standing, group *widget.Select
	viewChoice             *widget.RadioGroup
	count                  *widget.Label
	edit, status, del      *widget.Button
	filters, toolbar       fyne.CanvasObject
	bin                    *recycleBin
	Content                fyne.CanvasObject
	collator               *collate.Collator
}

// NewMembersScreen builds the 党员名册 screen. It reloads itself whenever any screen
// changes the data, and registers Ctrl+N (new member) and Ctrl+F (search) on the window.
func NewMembersScreen(a *core.App) fyne.CanvasObject {
	return newMembersScreen(a).Content
}

func newMembersScreen(a *core.App) *membersScreen {
	s := &membersScreen{a: a, sortCol: -1, collator: collate.New(language.SimplifiedChinese)}
	s.filter.View = data.ViewRegister
	s.bin = newRecycleBin(a)
	s.buildTable()
	s.buildControls()
	s.Content = container.NewBorder(container.NewVBox(s.toolbar, s.filters), s.count, nil, nil,
		container.NewStack(s.table, s.bin.Content))
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
	exp := widget.NewButtonWithIcon("导出", theme.DownloadIcon(), func() { ShowExportMembers(s.a) })
	s.viewChoice = widget.NewRadioGroup(viewNames, nil)
	s.viewChoice.Horizontal = true
	s.viewChoice.Required = true
	s.viewChoice.Selected = viewNames[viewRegister]
	s.viewChoice.OnChanged = s.viewChosen
	s.toolbar = container.NewHBox(add, s.edit, s.status, s.del, widget.NewSeparator(), imp, exp,
		layout.NewSpacer(), s.viewChoice)

	s.search = widgets.NewFormEntry()
	s.search.SetPlaceHolder("搜索姓名、身份证号、岗位、手机号、籍贯、备注（Ctrl+F）")
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = func(text string) { s.filter.Text = text; s.apply() }
	s.search.SetKeys(widgets.FormKeys{Ctrl: map[fyne.KeyName]func(){fyne.KeyN: s.newMember},
		Escape: func() { s.search.SetText("") }})
	s.stage = s.filterChoice([]string{choiceAll, string(data.StageFull), string(data.StageProbationer)},
		func(v string) { s.filter.Stage = data.Stage(v) })
	s.standing = s.filterChoice([]string{choiceAll, string(data.StandingNormal), string(data.StandingSuspended)},
		func(v string) { s.filter.Standing = data.Standing(v) })
	s.group = s.filterChoice([]string{choiceAll, choiceNoGroup}, s.groupChosen)
	s.filters = container.NewBorder(nil, nil, nil, container.NewHBox(
		widget.NewLabel(data.FieldStage), s.stage,
		widget.NewLabel(data.FieldStanding), s.standing,
		widget.NewLabel(data.FieldGroup), s.group), s.search)

	s.count = widget.NewLabel("")
	s.updateButtons()
}

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
	t := widget.NewTable(
		func() (int, int) { return len(s.rows), len(memberColumns) },
		func() fyne.CanvasObject { return newMemberCell(s) },
		s.updateCell)
	t.ShowHeaderRow = true
	t.StickyColumnCount = 2 // 序号 and 姓名 stay in view when scrolling sideways
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		return b
	}
	t.UpdateHeader = s.updateHeader
	t.OnSelected = func(id widget.TableCellID) { s.selectRow(id.Row) }
	for i, c := range memberColumns {
		t.SetColumnWidth(i, columnWidth(c))
	}
	s.table = t
}

// columnWidth fits the header with its sort arrow, and at least the column's own width.
func columnWidth(c memberColumn) float32 {
	w := fyne.MeasureText(c.title+" ▲", theme.TextSize(), fyne.TextStyle{}).Width + 4*theme.Padding()
	return max(w, c.width)
}

func (s *membersScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 || id.Col >= len(memberColumns) {
		b.SetText("")
		b.OnTapped = nil
		return
	}
	title := memberColumns[id.Col].title
	switch {
	case id.Col != s.sortCol:
	case s.sortDesc:
		title += " ▼"
	default:
		title += " ▲"
	}
	b.SetText(title)
	b.OnTapped = func() { s.sortBy(id.Col) }
}

func (s *membersScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*memberCell)
	if id.Row >= len(s.rows) {
		return
	}
	row := &s.rows[id.Row]
	c.Set(id, row.cells[id.Col], row.person.ID == s.selected)
}

// sortBy sorts by a column; a second tap on the same column reverses the order.
func (s *membersScreen) sortBy(col int) {
	if s.sortCol == col {
		s.sortDesc = !s.sortDesc
	} else {
		s.sortCol, s.sortDesc = col, false
	}
	s.apply()
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

// apply filters and sorts the loaded people into the shown rows and redraws the table once.
func (s *membersScreen) apply() {
	s.rows = s.shownRows()
	if s.selectedRow() < 0 {
		s.selected = 0
	}
	// The table's own marker sits on a cell position, which now may hold someone else;
	// the selected person keeps the row highlight (memberCell) wherever the row moved.
	s.table.UnselectAll()
	s.count.SetText(s.countLine())
	s.updateButtons()
	s.table.Refresh()
}

// shownRows filters the people, sorts them by the chosen column and formats every cell.
func (s *membersScreen) shownRows() []registerRow {
	people := data.FilterPeople(s.people, s.filter)
	var col memberColumn
	if s.sortCol >= 0 {
		col = memberColumns[s.sortCol]
	}
	if col.sortField != "" {
		data.SortPeople(people, col.sortField, s.sortDesc != col.reverse)
	}
	rows := s.formatRows(people)
	switch {
	case s.sortCol == seqColumn && s.sortDesc:
		slices.Reverse(rows)
	case s.sortCol > seqColumn && col.sortField == "":
		s.sortByText(rows, s.sortCol)
	}
	for i := range rows {
		rows[i].cells[seqColumn] = strconv.Itoa(i + 1)
	}
	return rows
}

// formatRows computes the cell texts (all but 序号) once, so UpdateCell only copies them.
func (s *membersScreen) formatRows(people []data.Person) []registerRow {
	ctx := &cellContext{today: s.a.Today(), groups: s.groups}
	n := len(memberColumns)
	cells := make([]string, len(people)*n) // one allocation for the whole table
	rows := make([]registerRow, len(people))
	for i := range people {
		rows[i] = registerRow{person: people[i], cells: cells[i*n : (i+1)*n : (i+1)*n]}
		for j, c := range memberColumns {
			if c.Text != nil {
				rows[i].cells[j] = c.Text(ctx, &people[i])
			}
		}
	}
	return rows
}

// sortByText orders rows by a computed column in pinyin order, empty cells last.
func (s *membersScreen) sortByText(rows []registerRow, col int) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i].cells[col], rows[j].cells[col]
		switch {
		case a == b:
			return false
		case a == "":
			return false
		case b == "":
			return true
		}
		c := s.collator.CompareString(a, b)
		if s.sortDesc {
			return c > 0
		}
		return c < 0
	})
}

// countLine sums the shown rows up, e.g. 共 35 人：正式党员 31，预备党员 4.
func (s *membersScreen) countLine() string {
	if len(s.people) == 0 {
		return "名册中还没有人员：点“新增”逐个录入，或点“导入”从 Excel 名册导入。"
	}
	tally := map[string]int{}
	for i := range s.rows {
		p := &s.rows[i].person
		if s.view == viewLeft {
			tally[string(p.Roll)]++
		} else {
			tally[string(p.Stage)]++
		}
	}
	order := []string{string(data.StageFull), string(data.StageProbationer)}
	if s.view == viewLeft {
		order = []string{string(data.RollTransferred), string(data.RollExpelled), string(data.RollDeceased),
			string(data.RollCancelled)}
	}
	var parts []string
	for _, k := range order {
		if tally[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, tally[k]))
		}
	}
	line := fmt.Sprintf("共 %d 人", len(s.rows))
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

// selectedRow is the row index of the selected person, or -1.
func (s *membersScreen) selectedRow() int {
	if s.selected == 0 {
		return -1
	}
	for i := range s.rows {
		if s.rows[i].person.ID == s.selected {
			return i
		}
	}
	return -1
}

func (s *membersScreen) selectRow(row int) {
	if row < 0 || row >= len(s.rows) || s.rows[row].person.ID == s.selected {
		return
	}
	s.selected = s.rows[row].person.ID
	s.updateButtons()
	s.table.Refresh() // the row highlight moves
}

// selectedPerson is a copy of the selected person.
func (s *membersScreen) selectedPerson() (data.Person, bool) {
	if i := s.selectedRow(); i >= 0 {
		return s.rows[i].person, true
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
		s.table.Hide()
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
	s.table.Show()
	s.count.Show()
	s.apply()
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

// memberCell is one table cell: its text on a background that marks the selected row.
// A tap selects the row, a double tap opens the person's form.
type memberCell struct {
	widget.BaseWidget
	s     *membersScreen
	id    widget.TableCellID
	Label *widget.Label
	bg    *canvas.Rectangle
}

func newMemberCell(s *membersScreen) *memberCell {
	c := &memberCell{s: s, Label: widget.NewLabel(""), bg: canvas.NewRectangle(theme.Color(theme.ColorNameSelection))}
	c.Label.Truncation = fyne.TextTruncateEllipsis
	c.bg.Hide()
	c.ExtendBaseWidget(c)
	return c
}

func (c *memberCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, c.Label))
}

func (c *memberCell) Set(id widget.TableCellID, text string, selected bool) {
	c.id = id
	if c.Label.Text != text {
		c.Label.SetText(text)
	}
	if selected != c.bg.Visible() {
		c.bg.Hidden = !selected
		c.bg.Refresh()
	}
}

func (c *memberCell) Tapped(*fyne.PointEvent) {
	c.s.selectRow(c.id.Row)
	c.s.table.Select(c.id)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c.s.table); cv != nil {
		cv.Focus(c.s.table) // arrow keys move on from here
	}
}

func (c *memberCell) DoubleTapped(*fyne.PointEvent) {
	c.s.selectRow(c.id.Row)
	c.s.editSelected()
}
