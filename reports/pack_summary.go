package reports

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/compliance"
)

// The 汇总 sheet of a pack: the numbers behind three pictures a district
// asks for, each beside its table as a real Excel chart (so Excel, WPS and
// LibreOffice draw it from the cells, and a reader can check the numbers).

// MonthMeetings are the 三会一课 sittings of one month: held (a sitting of two
// types counts for each) and required by the periods ending in the month.
type MonthMeetings struct {
	Label          string // 1月
	Held, Required int
}

// meetingsByMonth counts held and required sittings month by month.
func meetingsByMonth(store *data.Store, from, to civil.Date) ([]MonthMeetings, error) {
	d, err := compliance.Load(store)
	if err != nil {
		return nil, fmt.Errorf("读取会议记录失败：%w", err)
	}
	c := compliance.New(d, to)
	whole := c.Summary(from, to, "")
	out := make([]MonthMeetings, len(whole.Months))
	for i, m := range whole.Months {
		out[i].Label = fmt.Sprintf("%d月", m.Start.Month)
		for _, r := range whole.Rows {
			out[i].Held += r.ByMonth[i]
		}
		end := m.End
		if end.After(to) {
			end = to
		}
		for _, r := range c.Summary(m.Start, end, "").Rows {
			out[i].Required += r.Required
		}
	}
	return out, nil
}

// summaryBlock is one table of the 汇总 sheet and its chart.
type summaryBlock struct {
	title   string
	headers []string // category header, then one per series
	labels  []string
	values  [][]int // per series, per label
	chart   excelize.ChartType
}

// blocks are the 汇总's tables: 党员结构 (年龄, 学历, 性别), the 发展党员
// funnel and the 三会一课 by month.
func (p *Pack) blocks() []summaryBlock {
	table := func(title string) *StatTable {
		for i := range p.Stats.Tables {
			if strings.HasPrefix(p.Stats.Tables[i].Title, title) {
				return &p.Stats.Tables[i]
			}
		}
		return &StatTable{}
	}
	fromTable := func(title, name string, chart excelize.ChartType) summaryBlock {
		b := summaryBlock{title: name, headers: []string{"项目", "人数"}, values: [][]int{nil}, chart: chart}
		for _, r := range table(title).Rows {
			if !r.Sub {
				b.labels = append(b.labels, r.Label)
				b.values[0] = append(b.values[0], r.Count)
			}
		}
		return b
	}
	dev, conf := table(fmt.Sprintf("%d年发展党员情况", p.AsOf.Year)), table(fmt.Sprintf("%d年预备党员转正情况", p.AsOf.Year))
	count := func(t *StatTable, labels ...string) int {
		n := 0
		for _, r := range t.Rows {
			for _, l := range labels {
				if r.Label == l {
					n += r.Count
				}
			}
		}
		return n
	}
	funnel := summaryBlock{title: fmt.Sprintf("%d年发展党员各环节（人）", p.AsOf.Year),
		headers: []string{"环节", "人数"}, chart: excelize.Bar,
		labels: []string{"递交入党申请书", "确定为入党积极分子", "确定为发展对象", "接收为预备党员", "转为正式党员"},
		values: [][]int{{count(dev, "递交入党申请书"), count(dev, "确定为入党积极分子"), count(dev, "确定为发展对象"),
			count(dev, "新发展党员"), count(conf, "按期转正", "延长预备期后转正")}}}
	meetings := summaryBlock{title: "三会一课逐月召开情况（次）", headers: []string{"月份", "召开", "应开"},
		values: [][]int{nil, nil}, chart: excelize.Col}
	for _, m := range p.Meetings {
		meetings.labels = append(meetings.labels, m.Label)
		meetings.values[0] = append(meetings.values[0], m.Held)
		meetings.values[1] = append(meetings.values[1], m.Required)
	}
	return []summaryBlock{
		fromTable("年龄", "党员年龄结构", excelize.Col),
		fromTable("学历", "党员学历结构", excelize.Col),
		fromTable("性别", "党员性别结构", excelize.Pie),
		funnel,
		meetings,
	}
}

// Each block takes its table's rows or the chart's height, whichever is more.
const (
	chartRows   = 16 // rows a chart covers at the default row height
	chartWidth  = 460
	chartHeight = 300
)

func (p *Pack) writeSummary(f *excelize.File) error {
	if _, err := f.NewSheet(SummarySheet); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for col, width := range map[string]float64{"A": 22, "B": 10, "C": 10} {
		if err := f.SetColWidth(SummarySheet, col, col, width); err != nil {
			return err
		}
	}
	title := p.Branch.Name + p.Period.Label() + "汇总"
	if err := f.SetCellValue(SummarySheet, "A1", title); err != nil {
		return err
	}
	if err := f.MergeCell(SummarySheet, "A1", "K1"); err != nil {
		return err
	}
	if err := f.SetCellStyle(SummarySheet, "A1", "K1", st.title); err != nil {
		return err
	}
	row := 3
	for i, b := range p.blocks() {
		if i == 3 { // 党员结构 on the first page, 发展 and 三会一课 on the second
			if err := f.InsertPageBreak(SummarySheet, cellName(1, row)); err != nil {
				return err
			}
		}
		if err := writeBlock(f, st, b, row); err != nil {
			return err
		}
		row += max(len(b.labels)+3, chartRows+2)
	}
	return summaryPageSetup(f, row)
}

// writeBlock writes the block's table at row and its chart beside it.
func writeBlock(f *excelize.File, st styles, b summaryBlock, row int) error {
	set := func(col, r int, v any, style int) error {
		cell := cellName(col, r)
		if err := f.SetCellValue(SummarySheet, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(SummarySheet, cell, cell, style)
	}
	if err := set(1, row, b.title, st.subLeft); err != nil {
		return err
	}
	for i, h := range b.headers {
		if err := set(i+1, row+1, h, st.header); err != nil {
			return err
		}
	}
	for i, label := range b.labels {
		if err := set(1, row+2+i, label, st.text); err != nil {
			return err
		}
		for s := range b.values {
			if err := set(2+s, row+2+i, b.values[s][i], st.number); err != nil {
				return err
			}
		}
	}
	if len(b.labels) == 0 {
		return nil
	}
	return f.AddChart(SummarySheet, cellName(5, row), blockChart(b, row))
}

func blockChart(b summaryBlock, row int) *excelize.Chart {
	ref := func(col, from, to int) string {
		return fmt.Sprintf("%s!$%s$%d:$%s$%d", quoteSheet(SummarySheet), colName(col), from, colName(col), to)
	}
	first, last := row+2, row+1+len(b.labels)
	series := make([]excelize.ChartSeries, len(b.values))
	for s := range b.values {
		series[s] = excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$%d", quoteSheet(SummarySheet), colName(2+s), row+1),
			Categories: ref(1, first, last),
			Values:     ref(2+s, first, last),
		}
	}
	chart := &excelize.Chart{
		Type:      b.chart,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.title, Font: &excelize.Font{Family: fontBody, Size: 12, Bold: true}}}},
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
	}
	if b.chart == excelize.Pie {
		chart.PlotArea.ShowPercent = true
	} else if len(b.values) == 1 {
		chart.Legend.Position = "none"
	}
	if b.chart == excelize.Bar {
		// Bars run top to bottom in the table's order, as a funnel reads.
		chart.XAxis.ReverseOrder = true // the category axis
	}
	return chart
}

func summaryPageSetup(f *excelize.File, lastRow int) error {
	if err := portraitPage(f, SummarySheet, cellName(11, lastRow), 0.5, "&C第 &P 页 共 &N 页"); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: quoteSheet(SummarySheet) + "!$1:$1", Scope: SummarySheet,
	})
}
