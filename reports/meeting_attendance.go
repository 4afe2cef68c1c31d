package reports

import (
	"fmt"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/compliance"
)

// Marks of the 考勤表, as paper ones use them.
var presenceMarks = map[data.Presence]string{
	data.Present:  "√",
	data.OnLeave:  "○",
	data.Absent:   "×",
	data.Attender: "△",
}

// PresenceMark is the mark the 考勤表 prints for a presence ("" for none).
func PresenceMark(p data.Presence) string { return presenceMarks[p] }

// maxSittingColumns: beyond this many sittings one column per sitting no
// longer fits an A4 width legibly, and the table shows one column per month
// ("出席/应参加") instead.
const maxSittingColumns = 24

const (
	attendanceLegend = "说明：√出席　○请假　×缺席　△列席；空白为不在该次会议应到范围。"
	monthlyLegend    = "说明：各月为“出席次数/应参加次数”，空白为该月没有应参加的会议。"
)

// ExportMeetingAttendance writes the 党员参加组织生活考勤表 of the span: one row
// per member, one column per sitting (per month when there are more than 24
// sittings), then the totals and the 出席率.
func ExportMeetingAttendance(path string, store *data.Store, opt MeetingReportOptions) error {
	if err := checkOutputPath(path); err != nil {
		return err
	}
	r, err := loadMeetingReport(store, &opt)
	if err != nil {
		return err
	}
	mx := r.c.Participation(r.from, r.to)
	if len(mx.Meetings) == 0 {
		return fmt.Errorf("%s没有会议记录，考勤表无从填起：请先登记会议，或换一个时间段", r.label)
	}
	for i := range mx.Rows {
		if p := &mx.Rows[i].Person; p.BranchName == "" {
			p.BranchName = r.branch.Name
		}
	}
	reg, legend := AttendanceRegister(mx)
	doc := r.document("党员参加组织生活考勤表", legend+"　　"+SignatureLine)
	return WriteRegister(path, reg, doc, mx.Rows, opt.Progress)
}

// AttendanceRegister is the column layout of the 考勤表 for a matrix, with
// the legend its marks need.
func AttendanceRegister(mx compliance.Matrix) (*Register[compliance.MatrixRow], string) {
	type row = compliance.MatrixRow
	cols := []Column[row]{
		{Header: data.FieldName, Width: 10, Kind: KindText, Center: true, Get: func(r *row) any { return r.Person.Name }},
		{Header: data.FieldBranch, Width: 16, Kind: KindText, Get: func(r *row) any { return r.Person.BranchName }},
		{Header: data.FieldGroup, Width: 12, Kind: KindText, Center: true, Get: func(r *row) any { return r.Group }},
	}
	legend := attendanceLegend
	if len(mx.Meetings) > maxSittingColumns {
		cols = append(cols, monthColumns(mx)...)
		legend = monthlyLegend
	} else {
		cols = append(cols, sittingColumns(mx)...)
	}
	cols = append(cols,
		Column[row]{Header: "应参加", Width: 7, Kind: KindNumber, Get: func(r *row) any { return r.Expected }},
		Column[row]{Header: "出席", Width: 6, Kind: KindNumber, Get: func(r *row) any { return r.Present }},
		Column[row]{Header: "请假", Width: 6, Kind: KindNumber, Get: func(r *row) any { return r.OnLeave }},
		Column[row]{Header: "缺席", Width: 6, Kind: KindNumber, Get: func(r *row) any { return r.Absent }},
		Column[row]{Header: "出席率", Width: 8, Kind: KindPercent, Get: func(r *row) any { return rate(r) }},
		Column[row]{Header: "变动情况", Width: 12, Kind: KindText, Center: true, Get: func(r *row) any { return LeftText(&r.Person, mx.To) }},
	)
	return &Register[row]{Name: "组织生活考勤表", Columns: cols, FreezeColumns: 2}, legend
}

// rate is the 出席率 as a number (nil with nothing expected).
func rate(r *compliance.MatrixRow) any {
	if r.Expected == 0 {
		return nil
	}
	return r.Rate()
}

// LeftText marks a person who left the register by the end of the span:
// "2026.06 已转出", so that a row with fewer sittings explains itself.
func LeftText(p *data.Person, to civil.Date) string {
	if p.Roll == data.RollActive || p.RollDate.IsZero() || p.RollDate.First().After(to) {
		return ""
	}
	d := p.RollDate
	d.Day = 0
	return dateText(d) + " " + string(p.Roll)
}

// RateText is the 出席率 as printed: 87.5%, or "" with nothing expected.
func RateText(r *compliance.MatrixRow) string {
	if r.Expected == 0 {
		return ""
	}
	return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", r.Rate()*100), "0"), ".") + "%"
}

func sittingColumns(mx compliance.Matrix) []Column[compliance.MatrixRow] {
	var cols []Column[compliance.MatrixRow]
	seen := map[string]int{}
	for j, m := range mx.Meetings {
		header := SittingHeader(m, mx.GroupNames)
		if seen[header]++; seen[header] > 1 {
			header += fmt.Sprintf("（%d）", seen[header])
		}
		cols = append(cols, Column[compliance.MatrixRow]{Header: header, Width: 7, Kind: KindText, Center: true,
			Get: func(r *compliance.MatrixRow) any { return PresenceMark(r.Cells[j]) }})
	}
	return cols
}

// SittingHeader is a sitting's column header: "3月5日 党员大会+主题党日",
// with the group of a 党小组会 ("3月12日 党小组会（语文组党小组）").
func SittingHeader(m *data.Meeting, groupNames map[uint]string) string {
	names := make([]string, len(m.Types))
	for i, t := range m.Types {
		names[i] = ShortTypeName(t)
	}
	s := fmt.Sprintf("%d月%d日 %s", m.Date.Month, m.Date.Day, strings.Join(names, "+"))
	if m.GroupID != nil && groupNames[*m.GroupID] != "" {
		s += "（" + groupNames[*m.GroupID] + "）"
	}
	return s
}

var shortTypeNames = map[data.MeetingType]string{
	data.TypeMembersMeeting: "党员大会",
	data.TypeCommittee:      "支委会",
	data.TypeAppraisal:      "民主评议",
	data.TypeIdeology:       "意识形态专题会",
	data.TypeStudy:          "专题研讨",
}

// ShortTypeName is the type as narrow headers print it (支部委员会 → 支委会).
func ShortTypeName(t data.MeetingType) string {
	if s, ok := shortTypeNames[t]; ok {
		return s
	}
	return string(t)
}

// monthColumns show "出席/应参加" per month for spans with many sittings.
func monthColumns(mx compliance.Matrix) []Column[compliance.MatrixRow] {
	var cols []Column[compliance.MatrixRow]
	for month := mx.From; !month.After(mx.To); month = month.AddMonths(1) {
		p := data.MonthPeriod(month)
		cols = append(cols, Column[compliance.MatrixRow]{Header: fmt.Sprintf("%d月", p.Start.Month), Width: 7, Kind: KindText, Center: true,
			Get: func(r *compliance.MatrixRow) any { return monthCell(r, mx, p) }})
	}
	return cols
}

func monthCell(r *compliance.MatrixRow, mx compliance.Matrix, p data.Period) string {
	expected, present := 0, 0
	for j, m := range mx.Meetings {
		if !p.Contains(m.Date) {
			continue
		}
		a := m.AttendanceOf(r.Person.ID)
		if a == nil || !a.Expected {
			continue
		}
		expected++
		if r.Cells[j] == data.Present {
			present++
		}
	}
	if expected == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", present, expected)
}
