package reports

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/compliance"
)

// The 会议记录 export: one worksheet per sitting, laid out like the page of a
// paper 会议记录本 (A4 portrait, four columns: label, value, label, value),
// with every field of the minutes (docs/ARCHITECTURE.md#the-domain-in-brief) and the signature line at the foot, to
// be printed and bound. It is small, so it is written cell by cell rather
// than streamed.

// Column widths of a minutes page, in characters; the four fill an A4
// portrait width.
var minutesWidths = [4]float64{17, 25, 17, 25}

// wideChars is how many (half-width) characters a value merged over the
// last three columns holds on one line.
const wideChars = 25 + 17 + 25 - 2

// MinutesSignature is the line the 主持人 and 记录人 sign.
const MinutesSignature = "主持人（签字）：　　　　　　　　　　记录人（签字）：　　　　　　　　　　"

// ExportMinutes writes the 会议记录 of every sitting in the span, one sheet
// per sitting, oldest first.
func ExportMinutes(path string, store *data.Store, opt MeetingReportOptions) error {
	if err := checkOutputPath(path); err != nil {
		return err
	}
	r, err := loadMeetingReport(store, &opt)
	if err != nil {
		return err
	}
	// The compliance load holds what the judgements read (no speeches): the
	// minutes print every part, so they read the sittings whole.
	all, err := store.Meetings(data.MeetingFilter{})
	if err != nil {
		return err
	}
	slices.SortStableFunc(all, func(a, b data.Meeting) int { return a.Date.Compare(b.Date) })
	var list []*data.Meeting
	for i := range all {
		if m := &all[i]; !m.Date.Before(r.from) && !m.Date.After(r.to) {
			list = append(list, m)
		}
	}
	if len(list) == 0 {
		return fmt.Errorf("%s没有会议记录可以导出，请换一个时间段", r.label)
	}
	f := excelize.NewFile(excelize.Options{TmpDir: data.TempDir()})
	defer f.Close()
	if err := writeMinutesBook(f, r, list, opt.Progress); err != nil {
		return exportFailed(err)
	}
	doc := r.document("会议记录", "")
	if err := setFileInfo(f, doc.fileInfo()); err != nil {
		return exportFailed(err)
	}
	return saveAtomically(f, path)
}

func writeMinutesBook(f *excelize.File, r *meetingReport, list []*data.Meeting, progress func(done, total int)) error {
	if err := f.SetDefaultFont(fontBody); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	names := sheetNames(list)
	for i, m := range list {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), names[0])
		} else {
			_, err = f.NewSheet(names[i])
		}
		if err != nil {
			return err
		}
		p := &minutesPage{f: f, sheet: names[i], st: st, r: r, m: m}
		if err := p.write(); err != nil {
			return err
		}
		if progress != nil {
			progress(i+1, len(list))
		}
	}
	f.SetActiveSheet(0)
	return nil
}

// sheetNames are "3月5日 支部党员大会" (Excel: ≤ 31 characters, none of
// []:*?/\), made unique with (2), (3) ….
func sheetNames(list []*data.Meeting) []string {
	clean := strings.NewReplacer("/", "、", "\\", "、", "[", "（", "]", "）", ":", "：", "*", "", "?", "")
	seen := map[string]int{}
	out := make([]string, len(list))
	for i, m := range list {
		name := clean.Replace(fmt.Sprintf("%d月%d日 %s", m.Date.Month, m.Date.Day, ShortTypeName(m.Types[0])))
		if len(m.Types) > 1 {
			name += "等"
		}
		if r := []rune(name); len(r) > 26 {
			name = string(r[:26])
		}
		if seen[name]++; seen[name] > 1 {
			name += fmt.Sprintf("(%d)", seen[name])
		}
		out[i] = name
	}
	return out
}

// minutesPage writes one sitting.
type minutesPage struct {
	f     *excelize.File
	sheet string
	st    styles
	r     *meetingReport
	m     *data.Meeting
	row   int
}

func (p *minutesPage) write() error {
	for i := len(minutesWidths); i >= 1; i-- {
		if err := p.f.SetColWidth(p.sheet, colName(i), colName(i), minutesWidths[i-1]); err != nil {
			return err
		}
	}
	steps := []func() error{p.heading, p.sitting, p.attendance, p.lecture, p.agenda, p.speeches, p.decisions,
		p.resolution, p.attachments, p.signature}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return p.pageSetup()
}

// full writes one value across the four columns.
func (p *minutesPage) full(value string, style int, height float64) error {
	p.row++
	a, d := cellName(1, p.row), cellName(4, p.row)
	if err := p.f.MergeCell(p.sheet, a, d); err != nil {
		return err
	}
	if err := p.f.SetCellStyle(p.sheet, a, d, style); err != nil {
		return err
	}
	if err := p.f.SetCellValue(p.sheet, a, value); err != nil {
		return err
	}
	return p.f.SetRowHeight(p.sheet, p.row, height)
}

// wide writes a label and a value merged over the other three columns; the
// row grows with the text, and text too long for one row (Excel's limit is
// 409 points) goes on in rows labelled （续）.
func (p *minutesPage) wide(label, value string) error {
	for i, part := range splitForRows(value, wideChars) {
		if i > 0 {
			label = "（续）"
		}
		if err := p.wideRow(label, part); err != nil {
			return err
		}
	}
	return nil
}

func (p *minutesPage) wideRow(label, value string) error {
	p.row++
	b, d := cellName(2, p.row), cellName(4, p.row)
	if err := p.f.MergeCell(p.sheet, b, d); err != nil {
		return err
	}
	if err := p.labelCell(1, label); err != nil {
		return err
	}
	if err := p.valueCell(b, d, value); err != nil {
		return err
	}
	return p.f.SetRowHeight(p.sheet, p.row, math.Max(rowHeight(value, wideChars), labelHeight(label)))
}

// pair writes two label/value pairs side by side; a value is text or a
// number (head counts stay numbers).
func (p *minutesPage) pair(l1 string, v1 any, l2 string, v2 any) error {
	p.row++
	for _, c := range []struct {
		col   int
		label string
		value any
	}{{1, l1, v1}, {3, l2, v2}} {
		if err := p.labelCell(c.col, c.label); err != nil {
			return err
		}
		cell := cellName(c.col+1, p.row)
		var err error
		if n, ok := c.value.(int); ok {
			err = p.numberCell(cell, n)
		} else {
			err = p.valueCell(cell, cell, fmt.Sprint(c.value))
		}
		if err != nil {
			return err
		}
	}
	height := math.Max(rowHeight(fmt.Sprint(v1), int(minutesWidths[1])-2), rowHeight(fmt.Sprint(v2), int(minutesWidths[3])-2))
	height = math.Max(height, math.Max(labelHeight(l1), labelHeight(l2)))
	return p.f.SetRowHeight(p.sheet, p.row, height)
}

// labelHeight fits a label that wraps in its narrow column.
func labelHeight(label string) float64 { return rowHeight(label, int(minutesWidths[0])-2) }

func (p *minutesPage) labelCell(col int, label string) error {
	cell := cellName(col, p.row)
	if err := p.f.SetCellValue(p.sheet, cell, label); err != nil {
		return err
	}
	return p.f.SetCellStyle(p.sheet, cell, cell, p.st.header)
}

func (p *minutesPage) numberCell(cell string, n int) error {
	if err := p.f.SetCellStyle(p.sheet, cell, cell, p.st.number); err != nil {
		return err
	}
	return p.f.SetCellInt(p.sheet, cell, int64(n))
}

// valueCell writes text as a string cell: never a formula, whatever it
// starts with.
func (p *minutesPage) valueCell(from, to, value string) error {
	if err := p.f.SetCellStyle(p.sheet, from, to, p.st.text); err != nil {
		return err
	}
	return p.f.SetCellStr(p.sheet, from, value)
}

// Heights of a minutes row: 15 points a line and 9 of padding, at most
// Excel's 409 points.
const (
	minutesLine    = 15.0
	minutesPadding = 9.0
	minutesLines   = 26 // (409 - 9) / 15, rounded down
)

// rowHeight fits wrapped text, at least one line and at most 409 points.
func rowHeight(text string, chars int) float64 {
	return math.Min(wrappedLines(text, float64(chars+1))*minutesLine+minutesPadding, maxRowHeight)
}

// splitForRows cuts text into parts that each fit a row of chars-wide lines,
// at line breaks where it can and between characters where a single line is
// longer than a row.
func splitForRows(text string, chars int) []string {
	var parts []string
	var cur []string
	lines := 0.0
	flush := func() {
		if len(cur) > 0 {
			parts = append(parts, strings.Join(cur, "\n"))
		}
		cur, lines = nil, 0
	}
	for _, l := range strings.Split(text, "\n") {
		for _, piece := range cutLine(l, chars*minutesLines) {
			n := wrappedLines(piece, float64(chars+1))
			if lines+n > float64(minutesLines) {
				flush()
			}
			cur, lines = append(cur, piece), lines+n
		}
	}
	flush()
	if len(parts) == 0 {
		return []string{text}
	}
	return parts
}

// cutLine cuts one line into pieces of at most width display columns.
func cutLine(line string, width int) []string {
	var out []string
	var b strings.Builder
	w := 0.0
	for _, r := range line {
		rw := displayWidth(string(r))
		if w+rw > float64(width) {
			out = append(out, b.String())
			b.Reset()
			w = 0
		}
		b.WriteRune(r)
		w += rw
	}
	return append(out, b.String())
}

func (p *minutesPage) heading() error {
	return p.full(p.r.branch.Name+"会议记录", p.st.title, 40)
}

func (p *minutesPage) sitting() error {
	m := p.m
	when := m.Date.Chinese()
	if span := m.TimeSpan(); span != "" {
		when += " " + span
	}
	if err := p.wide("会议名称", m.DisplayTitle()); err != nil {
		return err
	}
	if err := p.wide("会议类型", m.TypeNames()); err != nil {
		return err
	}
	if err := p.pair("时　　间", when, "地　　点", m.Place); err != nil {
		return err
	}
	return p.pair("主 持 人", m.Host, "记 录 人", m.Recorder)
}

func (p *minutesPage) attendance() error {
	m := p.m
	c := m.Counts()
	if err := p.pair("应到人数", c.Expected, "实到人数", c.Present); err != nil {
		return err
	}
	if hasDevelopmentVote(m) {
		if err := p.pair("党员总数", c.Expected, "应到有表决权人数", c.Voters); err != nil {
			return err
		}
		if err := p.pair("到会有表决权人数", c.VotersPresent, "参加会议的预备党员", c.Probationers); err != nil {
			return err
		}
	}
	for _, x := range []struct {
		label string
		p     data.Presence
	}{{"出席人员", data.Present}, {"请假人员", data.OnLeave}, {"缺席人员", data.Absent}} {
		if err := p.wide(x.label, PeopleWithReasons(m, x.p)); err != nil {
			return err
		}
	}
	return p.wide("列席人员", GuestsText(m))
}

func hasDevelopmentVote(m *data.Meeting) bool {
	for _, d := range m.Decisions {
		if d.Kind.DevStep() != 0 {
			return true
		}
	}
	return false
}

// PeopleWithReasons is "张三（外出培训）、李四（病假）", or 无.
func PeopleWithReasons(m *data.Meeting, p data.Presence) string {
	var out []string
	for _, a := range m.Attendance {
		if a.Status != p {
			continue
		}
		if a.Reason != "" {
			out = append(out, a.Name+"（"+a.Reason+"）")
		} else {
			out = append(out, a.Name)
		}
	}
	if len(out) == 0 {
		return "无"
	}
	return strings.Join(out, "、")
}

// GuestsText lists the 列席 from the register and those typed, or 无.
func GuestsText(m *data.Meeting) string {
	names := m.NamesWith(data.Attender)
	if m.Guests != "" {
		names = append(names, m.Guests)
	}
	if len(names) == 0 {
		return "无"
	}
	return strings.Join(names, "、")
}

// lecture is the 内容 section of a 党课 or 主题党日: 主讲人, 题目 and the
// 内容摘要 (the sitting's 议题/内容 as recorded); other sittings print their
// 主题 when they have one.
func (p *minutesPage) lecture() error {
	m := p.m
	kind := ""
	switch {
	case m.HasType(data.TypeLecture):
		kind = "党课"
	case m.HasType(data.TypeThemeDay):
		kind = "主题党日"
	default:
		if m.Topic != "" {
			return p.wide("主　　题", m.Topic)
		}
		return nil
	}
	if err := p.full(kind+"内容", p.st.header, 22); err != nil {
		return err
	}
	if err := p.pair("主 讲 人", orNone(m.Lecturer), "题　　目", orNone(m.Topic)); err != nil {
		return err
	}
	return p.wide("内容摘要", orNone(m.Agenda))
}

// agenda is the 议题; a 党课 or 主题党日 printed it as its 内容摘要.
func (p *minutesPage) agenda() error {
	if p.m.HasType(data.TypeLecture) || p.m.HasType(data.TypeThemeDay) {
		return nil
	}
	return p.wide("议　　题", orNone(p.m.Agenda))
}

func (p *minutesPage) speeches() error {
	if err := p.full("发言记录", p.st.header, 22); err != nil {
		return err
	}
	if len(p.m.Speeches) == 0 {
		return p.wide("", "无")
	}
	for _, s := range p.m.Speeches {
		if err := p.wide(s.Speaker, s.Content); err != nil {
			return err
		}
	}
	return nil
}

func (p *minutesPage) decisions() error {
	for i := range p.m.Decisions {
		label := "表决事项"
		if len(p.m.Decisions) > 1 {
			label += fmt.Sprint(i + 1)
		}
		if err := p.wide(label, DecisionText(p.m, &p.m.Decisions[i])); err != nil {
			return err
		}
	}
	return nil
}

// DecisionText is a decision as the minutes print it: the matter, the 表决
// form and counts, and the result with its reason.
func DecisionText(m *data.Meeting, d *data.MeetingDecision) string {
	lines := []string{d.Subject}
	if d.Kind == data.DecideConfirmation && d.Result != "" {
		decision := "支部大会决定：" + d.Result
		if d.Result == data.DecisionExtend {
			decision += "至 " + d.ExtendTo.Chinese()
		}
		lines = append(lines, decision)
	}
	res, ok := compliance.Evaluate(m, d)
	if !ok {
		if d.Method != "" {
			lines = append(lines, "表决形式："+d.Method)
		}
		lines = append(lines, "表决结果："+string(compliance.NoVote))
	} else {
		v := d.Vote
		counts := fmt.Sprintf("应到有表决权 %d 人，实到有表决权 %d 人；赞成 %d 票，反对 %d 票，弃权 %d 票",
			v.Expected, v.Present, v.For, v.Against, v.Abstain)
		if v.WrittenFor+v.WrittenAgainst > 0 {
			counts += fmt.Sprintf("；书面意见：赞成 %d 份，反对 %d 份", v.WrittenFor, v.WrittenAgainst)
		}
		if d.Method != "" {
			counts = "表决形式：" + d.Method + "；" + counts
		}
		lines = append(lines, counts, "表决结果："+string(compliance.VerdictOf(m, d))+"（"+res.Reason+"）")
	}
	if d.Note != "" {
		lines = append(lines, d.Note)
	}
	return strings.Join(lines, "\n")
}

func (p *minutesPage) resolution() error {
	return p.wide("决议事项", orNone(p.m.Resolution))
}

func (p *minutesPage) attachments() error {
	var names []string
	for _, a := range p.m.Attachments {
		names = append(names, a.Kind+"："+a.Name)
	}
	if p.m.Note != "" {
		if err := p.wide("备　　注", p.m.Note); err != nil {
			return err
		}
	}
	return p.wide("附　　件", orNone(strings.Join(names, "\n")))
}

func orNone(s string) string {
	if s == "" {
		return "无"
	}
	return s
}

func (p *minutesPage) signature() error {
	p.row++ // an empty row above the signatures
	return p.full(MinutesSignature, p.st.signature, 36)
}

// pageSetup: A4 portrait, one page wide, centred, page numbers below. It
// also declares the used range: excelize leaves a sheet written cell by cell
// at "A1", and readers that trust the declaration would see one cell.
func (p *minutesPage) pageSetup() error {
	return portraitPage(p.f, p.sheet, cellName(len(minutesWidths), p.row), 0.6,
		"&C"+p.m.Date.String()+" "+p.m.TypeNames()+"　第 &P 页 共 &N 页")
}

// portraitPage sets up a sheet written cell by cell as one A4 portrait page
// wide: its used range up to last (excelize leaves such a sheet at "A1"),
// the margins (side, in inches) and the footer.
func portraitPage(f *excelize.File, sheet, last string, side float64, footer string) error {
	if err := f.SetSheetDimension(sheet, "A1:"+last); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	size, orientation, wide, tall := 9, "portrait", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	top, edge, centred := 0.7, 0.3, true
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &top, Bottom: &top, Header: &edge, Footer: &edge, Horizontally: &centred,
	}); err != nil {
		return err
	}
	return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: footer})
}
