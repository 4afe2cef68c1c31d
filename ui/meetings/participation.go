package meetings

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/compliance"
	"partyoffice/reports"
	"partyoffice/ui/widgets"
)

// participationView is the 参加情况 tab: members × sittings of a span (the
// 党员参加组织生活考勤表 on screen) with each member's totals, and the members
// who have not taken part in 组织生活 for months (党章第九条).
type participationView struct {
	s        *meetingsScreen
	period   *spanSelect
	mx       compliance.Matrix
	absent   map[uint]bool
	cells    [][]string // precomputed, by row and column
	headers  []string
	table    *widget.Table
	summary  *widget.Label
	absences *fyne.Container
	Content  fyne.CanvasObject
}

// The fixed columns before the sittings and the totals after them.
var (
	matrixLeading  = []meetingColumnHead{{"姓名", 90}, {"党小组", 110}}
	matrixTrailing = []meetingColumnHead{{"应参加", 64}, {"出席", 52}, {"请假", 52}, {"缺席", 52}, {"列席", 52}, {"出席率", 72}}
)

type meetingColumnHead struct {
	title string
	width float32
}

// sittingColumnWidth fits "12月31日" and a short type name.
const sittingColumnWidth = 92

// presenceMarks are the matrix's cells: short enough for a narrow column.
var presenceMarks = map[data.Presence]string{
	data.Present: "✓", data.OnLeave: "假", data.Absent: "缺", data.Attender: "列",
}

func newParticipationView(s *meetingsScreen) *participationView {
	v := &participationView{s: s}
	v.period = newSpanSelect("本学期", v.show)
	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	legend := widgets.QuietLabel("✓ 出席　假 请假　缺 缺席　列 列席；空白：不在应到范围。点会议标题打开会议记录。")
	legend.Wrapping = fyne.TextWrapWord
	v.table = v.newTable()
	v.absences = container.NewVBox()
	top := container.NewVBox(container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("时间"), v.period.sel), nil, legend), v.summary)
	split := container.NewVSplit(v.table, container.NewVScroll(v.absences))
	split.Offset = 0.7
	v.Content = container.NewBorder(top, nil, nil, nil, split)
	return v
}

func (v *participationView) newTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(v.cells), len(v.headers) },
		func() fyne.CanvasObject { return widgets.NewSelectableCell(nil, nil) },
		v.updateCell)
	t.ShowHeaderRow = true
	t.StickyColumnCount = len(matrixLeading)
	t.CreateHeader = func() fyne.CanvasObject {
		c := widgets.NewSelectableCell(v.headerTapped, nil)
		c.Label.TextStyle.Bold = true
		c.Label.SetText("\n") // two lines: the date and the type
		return c
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(v.headers) {
			o.(*widgets.SelectableCell).Set(id, v.headers[id.Col], false)
		}
	}
	return t
}

func (v *participationView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(v.cells) || id.Col >= len(v.headers) {
		return
	}
	row := &v.mx.Rows[id.Row]
	importance := widget.MediumImportance
	if j := id.Col - len(matrixLeading); j >= 0 && j < len(v.mx.Meetings) {
		importance = presenceImportance(row.Cells[j])
	} else if id.Col == 0 && v.absent[row.Person.ID] {
		importance = widget.DangerImportance
	}
	o.(*widgets.SelectableCell).SetStyled(id, v.cells[id.Row][id.Col], false, importance)
}

// headerTapped opens the sitting of a column.
func (v *participationView) headerTapped(id widget.TableCellID) {
	if j := id.Col - len(matrixLeading); j >= 0 && j < len(v.mx.Meetings) {
		v.s.openMeeting(v.mx.Meetings[j].ID)
	}
}

func (v *participationView) refresh() {
	v.period.setChoices(spanChoices(v.s.data, v.s.a.Today()))
	v.show()
}

// show builds the matrix of the chosen span and the absence list.
func (v *participationView) show() {
	if v.s.comp == nil {
		return
	}
	p := v.period.current()
	from, to := p.from, p.to
	if from.IsZero() && len(v.s.data.Meetings) > 0 {
		from, to = v.s.data.Meetings[0].Date, v.s.a.Today()
	}
	v.mx = v.s.comp.Participation(from, to)
	v.fillCells()
	for i, w := range v.columnWidths() {
		v.table.SetColumnWidth(i, w)
	}
	// The rows are one line high; only the header has two (the table
	// would otherwise make every row as high as the header template).
	height := widgets.NewSelectableCell(nil, nil).MinSize().Height
	for i := range v.cells {
		v.table.SetRowHeight(i, height)
	}
	v.summary.SetText(v.summaryLine(p))
	v.table.Refresh()
	v.showAbsences()
}

func (v *participationView) columnWidths() []float32 {
	var out []float32
	for _, c := range matrixLeading {
		out = append(out, c.width)
	}
	for range v.mx.Meetings {
		out = append(out, sittingColumnWidth)
	}
	for _, c := range matrixTrailing {
		out = append(out, c.width)
	}
	return out
}

// fillCells computes every header and cell text once.
func (v *participationView) fillCells() {
	v.headers = v.headers[:0]
	for _, c := range matrixLeading {
		v.headers = append(v.headers, c.title+"\n")
	}
	for _, m := range v.mx.Meetings {
		v.headers = append(v.headers, sittingHeader(m))
	}
	for _, c := range matrixTrailing {
		v.headers = append(v.headers, c.title+"\n")
	}
	v.cells = make([][]string, len(v.mx.Rows))
	for i := range v.mx.Rows {
		r := &v.mx.Rows[i]
		row := []string{r.Person.Name, r.Group}
		for _, p := range r.Cells {
			row = append(row, presenceMarks[p])
		}
		row = append(row, fmt.Sprint(r.Expected), fmt.Sprint(r.Present), fmt.Sprint(r.OnLeave),
			fmt.Sprint(r.Absent), fmt.Sprint(r.Guest), reports.RateText(r))
		v.cells[i] = row
	}
}

// sittingHeader is "3月5日" over the short type names ("党员大会+主题党日").
func sittingHeader(m *data.Meeting) string {
	names := make([]string, len(m.Types))
	for i, t := range m.Types {
		names[i] = reports.ShortTypeName(t)
	}
	return fmt.Sprintf("%d月%d日\n%s", m.Date.Month, m.Date.Day, strings.Join(names, "+"))
}

// summaryLine: "本学期（…）共 8 次会议、32 人；应参加 250 人次，出席 231 人次，出席率 92.4%".
func (v *participationView) summaryLine(p span) string {
	if len(v.mx.Meetings) == 0 {
		return p.describe() + "没有会议记录。"
	}
	var expected, present int
	for _, r := range v.mx.Rows {
		expected += r.Expected
		present += r.Present
	}
	total := compliance.MatrixRow{Expected: expected, Present: present}
	return fmt.Sprintf("%s共 %d 次会议、%d 人；应参加 %d 人次，出席 %d 人次，出席率 %s", p.describe(),
		len(v.mx.Meetings), len(v.mx.Rows), expected, present, reports.RateText(&total))
}

// showAbsences lists the members without 组织生活 for (nearly) the months
// of the settings; their names are red in the matrix too.
func (v *participationView) showAbsences() {
	months := v.s.data.Settings.AbsenceMonths
	list := v.s.comp.Absences()
	v.absent = map[uint]bool{}
	v.absences.Objects = []fyne.CanvasObject{widgets.BoldLabel(fmt.Sprintf("连续 %d 个月未参加组织生活的党员（党章第九条）", months))}
	if len(list) == 0 {
		ok := widget.NewLabel(fmt.Sprintf("没有连续 %d 个月（或即将满 %d 个月）未参加组织生活的党员。", months, months))
		ok.Importance = widget.SuccessImportance
		v.absences.Add(ok)
	}
	today := v.s.a.Today()
	for _, ab := range list {
		v.absent[ab.Person.ID] = true
		v.absences.Add(absenceLabel(ab, months, !today.Before(ab.Limit)))
	}
	v.absences.Refresh()
}

// absenceLabel: red once the months are full, amber in the month before.
func absenceLabel(ab compliance.Absence, months int, past bool) *widget.Label {
	since := fmt.Sprintf("最近一次参加是 %s", ab.Since)
	if !ab.Attended {
		since = fmt.Sprintf("自 %s 起没有参加记录", ab.Since)
	}
	text := fmt.Sprintf("%s：%s，其间应参加 %d 次（请假 %d 次、缺席 %d 次）", ab.Person.Name, since,
		ab.Missed, ab.Leaves, ab.Missed-ab.Leaves)
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	if past {
		l.SetText(text + fmt.Sprintf("；已连续 %d 个月，请及时了解原因、谈心谈话", ab.Months))
		l.Importance = widget.DangerImportance
	} else {
		l.SetText(text + fmt.Sprintf("；到 %s 将满 %d 个月", ab.Limit, months))
		l.Importance = widget.WarningImportance
	}
	return l
}
