// Package development is 发展党员: the board, a person's record with its steps,
// the step form and the development plan.
package development

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

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/idcard"
	"partyoffice/data/rules"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// boardColumn is one column of the board: who it holds and the date each
// person reached it.
type boardColumn struct {
	title string
	// reached names the event that put the person in the column (递交申请 …).
	reached string
	holds   func(p *data.Person, today civil.Date) bool
	since   func(p *data.Person, t *data.Timeline) civil.Date
	// onRequest columns appear only when chosen in the stage filter.
	onRequest bool
}

func inStage(s data.Stage) func(*data.Person, civil.Date) bool {
	return func(p *data.Person, _ civil.Date) bool { return p.Roll == data.RollActive && p.Stage == s }
}

// fullDateOf is the 转正 date the records give, else the register's.
func fullDateOf(p *data.Person, t *data.Timeline) civil.Date {
	if !t.FullDate.IsZero() {
		return t.FullDate
	}
	return p.FullDate
}

// boardColumns: the four stages of the way in, those who became 正式党员 this
// year (so a 转正 does not simply vanish from the board), and on request the
// people no longer developed, who are resumed from their card.
var boardColumns = []boardColumn{
	{title: string(data.StageApplicant), reached: "递交入党申请书", holds: inStage(data.StageApplicant),
		since: func(_ *data.Person, t *data.Timeline) civil.Date { return t.Applied }},
	{title: string(data.StageActivist), reached: "确定为入党积极分子", holds: inStage(data.StageActivist),
		since: func(_ *data.Person, t *data.Timeline) civil.Date { return t.Activist }},
	{title: string(data.StageCandidate), reached: "确定为发展对象", holds: inStage(data.StageCandidate),
		since: func(_ *data.Person, t *data.Timeline) civil.Date { return t.Candidate }},
	{title: string(data.StageProbationer), reached: "入党", holds: inStage(data.StageProbationer),
		since: func(p *data.Person, t *data.Timeline) civil.Date {
			if t.BranchMeeting.IsZero() {
				return p.JoinDate
			}
			return t.BranchMeeting
		}},
	{title: "今年转正", reached: "转为正式党员",
		holds: func(p *data.Person, today civil.Date) bool {
			return p.Roll == data.RollActive && p.Stage == data.StageFull &&
				p.FullDate.Year == today.Year && !p.FullDate.After(today)
		},
		since: fullDateOf},
	{title: string(data.RollStopped), reached: "停止培养", onRequest: true,
		holds: func(p *data.Person, _ civil.Date) bool { return p.Roll == data.RollStopped },
		since: func(p *data.Person, _ *data.Timeline) civil.Date { return p.RollDate }},
}

// boardCard is what a card shows, computed once per load.
type boardCard struct {
	person            data.Person
	column            int
	since             civil.Date
	next              data.NextAction
	errors, reminders int
	// years are the years of the person's key dates, for the year filter.
	years []int
}

// loadBoard is the synchronous half of the board: everyone on it, with
// their next action and how many findings the rule engine has for them.
func loadBoard(s *data.Store, today civil.Date) ([]boardCard, error) {
	d, err := s.LoadDevData()
	if err != nil {
		return nil, err
	}
	checker := rules.NewChecker(d, rules.DefaultOptions())
	errs, reminders := map[uint]int{}, map[uint]int{}
	for _, f := range checker.All(today) {
		if f.Severity == rules.SeverityError {
			errs[f.PersonID]++
		} else {
			reminders[f.PersonID]++
		}
	}
	var out []boardCard
	for i := range d.People {
		p := &d.People[i]
		col := columnOf(p, today)
		if col < 0 {
			continue
		}
		t := checker.Timeline(p, civil.Date{})
		out = append(out, boardCard{
			person: *p, column: col, since: boardColumns[col].since(p, &t), next: t.Next,
			errors: errs[p.ID], reminders: reminders[p.ID], years: keyYears(p, &t),
		})
	}
	sortCards(out)
	return out, nil
}

func columnOf(p *data.Person, today civil.Date) int {
	for i, c := range boardColumns {
		if c.holds(p, today) {
			return i
		}
	}
	return -1
}

// keyYears are the years in which the person applied or changed stage.
func keyYears(p *data.Person, t *data.Timeline) []int {
	var years []int
	for _, d := range []civil.Date{t.Applied, t.Activist, t.Candidate, t.BranchMeeting, fullDateOf(p, t), p.RollDate} {
		if !d.IsZero() && !slices.Contains(years, d.Year) {
			years = append(years, d.Year)
		}
	}
	return years
}

// sortCards puts the people with errors first, then those with reminders,
// then whoever has waited longest at their stage.
func sortCards(cards []boardCard) {
	rank := func(c *boardCard) int {
		switch {
		case c.errors > 0:
			return 0
		case c.reminders > 0:
			return 1
		}
		return 2
	}
	sort.SliceStable(cards, func(i, j int) bool {
		a, b := &cards[i], &cards[j]
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra < rb
		}
		if c := a.since.Compare(b.since); c != 0 {
			return c < 0
		}
		return a.person.Name < b.person.Name
	})
}

// Filter choices of the board.
const (
	choiceAllYears  = "全部年份"
	choiceAllStages = "全部阶段"
)

// developmentBoard is the board tab: toolbar, filters and the columns.
type developmentBoard struct {
	a       *core.App
	cards   []boardCard
	year    *widget.Select
	stage   *widget.Select
	summary *widget.Label
	Columns *fyne.Container
	Content fyne.CanvasObject
}

// NewDevelopmentScreen is the 发展党员 screen: the pipeline board and the
// 发展党员计划, each in a tab. Both reload whenever any screen changes the data.
func NewDevelopmentScreen(a *core.App) fyne.CanvasObject {
	board := newDevelopmentBoard(a)
	plan := newDevPlanTab(a)
	return container.NewAppTabs(
		container.NewTabItemWithIcon("发展流程", theme.ListIcon(), board.Content),
		container.NewTabItemWithIcon("发展党员计划", theme.DocumentIcon(), plan.Content),
	)
}

func newDevelopmentBoard(a *core.App) *developmentBoard {
	b := &developmentBoard{a: a, Columns: container.NewStack(), summary: widget.NewLabel("")}
	b.year = widget.NewSelect([]string{choiceAllYears}, func(string) { b.show() })
	b.year.Selected = choiceAllYears
	stages := []string{choiceAllStages}
	for _, c := range boardColumns {
		stages = append(stages, c.title)
	}
	b.stage = widget.NewSelect(stages, func(string) { b.show() })
	b.stage.Selected = choiceAllStages

	add := widget.NewButtonWithIcon("新增入党申请人", theme.ContentAddIcon(), func() { showNewApplicant(a) })
	add.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon("导入", theme.UploadIcon(), func() { ShowImportActivists(a) })
	filters := container.NewHBox(widget.NewLabel("年份"), b.year, widget.NewLabel("阶段"), b.stage)
	toolbar := widgets.WrapRow(add, widget.NewSeparator(), imp, core.NewExportButton(a, reports.ScreenDevelopment, nil),
		b.summary, layout.NewSpacer(), filters)
	b.Content = container.NewBorder(toolbar, nil, nil, nil, b.Columns)
	a.OnChange(b.reload)
	b.reload()
	return b
}

func (b *developmentBoard) reload() {
	cards, err := loadBoard(b.a.Store, b.a.Today())
	if err != nil {
		b.a.ShowError("发展党员名单无法读取", err)
		return
	}
	b.cards = cards
	b.refreshYears()
	b.show()
}

// refreshYears offers the years that occur in the records, newest first,
// keeping the chosen one.
func (b *developmentBoard) refreshYears() {
	years := []int{b.a.Today().Year}
	for _, c := range b.cards {
		for _, y := range c.years {
			if !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(years)))
	options := []string{choiceAllYears}
	for _, y := range years {
		options = append(options, strconv.Itoa(y)+"年")
	}
	keep := b.year.Selected
	b.year.Options = options
	if !slices.Contains(options, keep) {
		keep = choiceAllYears
	}
	b.year.Selected = keep
	b.year.Refresh()
}

// chosenYear is the year filter, 0 for all years.
func (b *developmentBoard) chosenYear() int {
	y, _ := strconv.Atoi(strings.TrimSuffix(b.year.Selected, "年"))
	return y
}

// show lays the columns out for the current filters.
func (b *developmentBoard) show() {
	year := b.chosenYear()
	var shown []int
	for i, c := range boardColumns {
		switch b.stage.Selected {
		case choiceAllStages:
			if !c.onRequest {
				shown = append(shown, i)
			}
		case c.title:
			shown = append(shown, i)
		}
	}
	perColumn := map[int][]fyne.CanvasObject{}
	for i := range b.cards {
		c := &b.cards[i]
		if year == 0 || slices.Contains(c.years, year) {
			perColumn[c.column] = append(perColumn[c.column], b.cardFor(c))
		}
	}
	var cols []fyne.CanvasObject
	total := 0
	for _, i := range shown {
		header := fmt.Sprintf("%s（%d）", boardColumns[i].title, len(perColumn[i]))
		cols = append(cols, boardColumnView(header, perColumn[i], len(shown) == 1))
		total += len(perColumn[i])
	}
	b.summary.SetText(fmt.Sprintf("共 %d 人；点卡片查看和登记发展步骤", total))
	b.Columns.Objects = []fyne.CanvasObject{container.NewGridWithColumns(len(cols), cols...)}
	b.Columns.Refresh()
}

// boardColumnView is a column: its header over its cards; a column shown
// alone lays its cards out four abreast.
func boardColumnView(header string, cards []fyne.CanvasObject, alone bool) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(header, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	var body fyne.CanvasObject
	switch {
	case len(cards) == 0:
		empty := widgets.QuietLabel("（无）")
		empty.Alignment = fyne.TextAlignCenter
		body = empty
	case alone:
		body = container.NewGridWithColumns(4, cards...)
	default:
		body = container.NewVBox(cards...)
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	inner := container.NewBorder(container.NewVBox(title, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(body))
	return container.NewStack(bg, container.NewPadded(inner))
}

// cardFor is one person's card: name and marks, the date they reached the
// column, and the next action with its date.
func (b *developmentBoard) cardFor(c *boardCard) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(c.person.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, nil, findingMarks(c.errors, c.reminders), name)
	lines := []fyne.CanvasObject{top}
	if !c.since.IsZero() {
		lines = append(lines, cardLine(c.since.String()+" "+boardColumns[c.column].reached, theme.ColorNamePlaceHolder))
	}
	lines = append(lines, nextActionLines(c.next, b.a.Today())...)
	id := c.person.ID
	// The lines sit closer than a VBox puts them: each label brings its own padding.
	body := container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()), lines...)
	return widgets.NewTapArea(body, theme.ColorNameBackground, func() { ShowDevelopmentPerson(b.a, id) })
}

// nextActionLines are the card's lines for the next action: what, then when
// (red once the deadline has passed). Nothing for someone with no next step.
func nextActionLines(n data.NextAction, today civil.Date) []fyne.CanvasObject {
	if n.Step == 0 {
		if n.Text == "" {
			return nil
		}
		return []fyne.CanvasObject{wrappedCardLine(n.Text)}
	}
	out := []fyne.CanvasObject{wrappedCardLine("下一步：" + n.Name)}
	if when, overdue := nextActionDate(n, today); when != "" {
		colour := theme.ColorNamePlaceHolder
		if overdue {
			colour = theme.ColorNameError
		}
		out = append(out, cardLine(when, colour))
	}
	return out
}

// nextActionDate is "最早 2027-03-01", "应在 2026-07-01 前" or "已超期（应在 …前）".
func nextActionDate(n data.NextAction, today civil.Date) (text string, overdue bool) {
	switch {
	case !n.Due.IsZero() && today.After(n.Due.Last()):
		return "已超期（应在 " + n.Due.String() + " 前）", true
	case !n.Due.IsZero():
		return "应在 " + n.Due.String() + " 前", false
	case !n.Earliest.IsZero():
		return "最早 " + n.Earliest.String(), false
	}
	return "", false
}

// findingMarks are the red and amber counts of a person's findings.
func findingMarks(errs, reminders int) fyne.CanvasObject {
	box := container.NewHBox()
	if errs > 0 {
		box.Add(markText(fmt.Sprintf("● %d", errs), theme.ColorNameError))
	}
	if reminders > 0 {
		box.Add(markText(fmt.Sprintf("● %d", reminders), theme.ColorNameWarning))
	}
	return box
}

func markText(s string, colour fyne.ThemeColorName) *canvas.Text {
	t := canvas.NewText(s, theme.Color(colour))
	t.TextStyle.Bold = true
	t.TextSize = theme.TextSize()
	return t
}

// cardLine is a caption-sized line of a card in a theme colour, cut short
// with an ellipsis rather than widening the column.
func cardLine(s string, colour fyne.ThemeColorName) *widget.RichText {
	rt := widget.NewRichText(&widget.TextSegment{Text: s, Style: widget.RichTextStyle{
		ColorName: colour, SizeName: theme.SizeNameCaptionText, Inline: true}})
	rt.Truncation = fyne.TextTruncateEllipsis
	return rt
}

// wrappedCardLine is a line of a card that wraps within the column.
func wrappedCardLine(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapBreak
	return l
}

// severityColour is the colour of a finding: red for errors, amber for reminders.
func severityColour(s rules.Severity) fyne.ThemeColorName {
	if s == rules.SeverityError {
		return theme.ColorNameError
	}
	return theme.ColorNameWarning
}

// applicantForm records a new 入党申请人: the few facts known when the
// 入党申请书 arrives. Everything else is added later in the 党员名册 form.
type applicantForm struct {
	a                   *core.App
	dlg                 *dialog.CustomDialog
	name, id, post, tel *widgets.FormEntry
	gender              *widget.Select
	birth, applied      *widgets.DateField
	idRow               *widgets.FormField
	Message             *widget.Label
	save                *widget.Button
	unsaved             *core.Unsaved
}

func showNewApplicant(a *core.App) {
	f := newApplicantForm(a)
	a.ShowForm(f.dlg, f.unsaved, nil)
}

func newApplicantForm(a *core.App) *applicantForm {
	f := &applicantForm{a: a}
	cancel := func() { a.AskLeave(f.unsaved) }
	keys := widgets.FormKeys{Ctrl: map[fyne.KeyName]func(){fyne.KeyS: func() { f.trySave() }}, Escape: cancel}
	entry := func(placeholder string) *widgets.FormEntry {
		e := widgets.NewFormEntry()
		e.SetPlaceHolder(placeholder)
		e.SetKeys(keys)
		return e
	}
	f.name = entry("")
	f.id = entry("18位，输入后自动填性别和出生日期")
	f.id.OnChanged = f.idChanged
	f.gender = widget.NewSelect(data.Genders, nil)
	f.gender.PlaceHolder = "（请选择）"
	f.birth = widgets.NewDateField(a)
	f.birth.SetKeys(keys)
	f.post = entry("如 语文教师")
	f.tel = entry("手机号码")
	f.applied = widgets.NewDateField(a)
	f.applied.SetKeys(keys)
	f.applied.SetDate(a.Today())
	f.idRow = widgets.NewFormField(data.FieldIDNumber, f.id)
	f.Message = widgets.HiddenMessage(widget.DangerImportance)

	rows := container.NewVBox(
		widgets.NewFormField(data.FieldName, f.name).Row, f.idRow.Row,
		widgets.NewFormField(data.FieldGender, f.gender).Row, widgets.NewFormField(data.FieldBirth, f.birth).Row,
		widgets.NewFormField(data.FieldPost, f.post).Row, widgets.NewFormField(data.FieldMobile, f.tel).Row,
		widgets.NewFormField("递交申请书日期", f.applied).Row,
	)
	note := widgets.QuietLabel("保存后此人列为入党申请人（第1步“递交入党申请书”），其余信息可在党员名册中补充。")
	note.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(rows, note, f.Message)
	f.dlg = dialog.NewCustomWithoutButtons("新增入党申请人", content, a.Window)
	f.unsaved = core.DialogForm("新增入党申请人", f.dlg, content, nil, f.trySave)
	f.save = widget.NewButtonWithIcon("保存（Ctrl+S）", theme.DocumentSaveIcon(), func() { f.trySave() })
	f.save.Importance = widget.HighImportance
	f.dlg.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), cancel), f.save})
	f.dlg.Resize(fyne.NewSize(560, 0))
	return f
}

// idChanged checks the ID number as it is typed and fills 性别 and 出生日期.
func (f *applicantForm) idChanged(s string) {
	info, msg, importance := idNumberFeedback(s, f.a.Today())
	if msg == "" {
		f.idRow.Clear()
	} else {
		f.idRow.Say(msg, importance)
	}
	if info != nil {
		f.gender.SetSelected(idcard.Gender(*info))
		f.birth.SetDate(info.Birth)
	}
}

// idNumberFeedback reads a typed ID number: the parsed number when it is
// whole and right on the day today, and what to tell the user meanwhile.
func idNumberFeedback(s string, today civil.Date) (*idcard.Info, string, widget.Importance) {
	n := idcard.Normalize(s)
	if n == "" {
		return nil, "", widget.MediumImportance
	}
	info, err := idcard.Parse(n, today)
	switch {
	case err == nil:
		return &info, fmt.Sprintf("号码正确，已填入性别（%s）和出生日期（%s）", idcard.Gender(info), info.Birth),
			widget.SuccessImportance
	case idcard.KindOf(err) == idcard.KindLength && len(n) < 18:
		return nil, fmt.Sprintf("已输入 %d 位，共 18 位", len(n)), widget.LowImportance
	}
	return nil, err.Error(), widget.DangerImportance
}

func (f *applicantForm) trySave() bool {
	applied, err := f.applied.Date()
	if err != nil {
		f.Say("递交申请书日期无法识别：" + err.Error())
		return false
	}
	birth, err := f.birth.Date()
	if err != nil {
		f.Say("出生日期无法识别：" + err.Error())
		return false
	}
	if _, msg, importance := idNumberFeedback(f.id.Text, f.a.Today()); importance == widget.DangerImportance ||
		importance == widget.LowImportance {
		f.Say("身份证号有误：" + msg + "。不知道号码时可以先空着")
		return false
	}
	if applied.After(f.a.Today()) {
		f.Say("递交申请书日期 " + applied.String() + " 在今天之后，请核对")
		return false
	}
	branch, err := f.a.Store.Branch()
	if err != nil {
		f.Say("无法读取支部信息：" + err.Error())
		return false
	}
	p := data.Person{Name: f.name.Text, IDNumber: f.id.Text, Gender: f.gender.Selected, BirthDate: birth,
		Post: f.post.Text, Mobile: f.tel.Text, BranchName: branch.Name}
	if err := f.a.Store.NewApplicant(&p, applied); err != nil {
		f.Say("未保存：" + err.Error())
		return false
	}
	f.dlg.Hide()
	f.a.NotifyChanged()
	return true
}

func (f *applicantForm) Say(msg string) {
	f.Message.SetText(msg)
	f.Message.Show()
}
