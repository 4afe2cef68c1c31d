package reports

import (
	"errors"
	"fmt"
	"time"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/compliance"
)

// The 三会一课 exports: the 开展情况统计表 (held against required, per type and
// month), the 党员参加组织生活考勤表 (members × sittings) and the 会议记录 (one
// printable page per sitting, meeting_minutes.go). All three cover a year, a
// quarter or a month.

// MeetingReportOptions choose the span of a meetings export.
type MeetingReportOptions struct {
	Year    int
	Quarter int        // 1–4, or 0
	Month   int        // 1–12, or 0; at most one of Quarter and Month
	Half    int        // 1 上半年, 2 下半年, or 0 (the 上报 pack's half year); alone
	Today   civil.Date // the day the statistics are judged on; zero = today
	// Progress reports rows (or sittings) written; may be nil.
	Progress func(done, total int)
}

// span is the dates and label of the chosen year, quarter or month.
func (o *MeetingReportOptions) span() (from, to civil.Date, label string, err error) {
	switch {
	case o.Year < 1950 || o.Year > 2100:
		return from, to, "", fmt.Errorf("年份 %d 不对，请写四位数的年份，例如 2026", o.Year)
	case o.Quarter < 0 || o.Quarter > 4:
		return from, to, "", fmt.Errorf("季度应为 1 到 4，现在是 %d", o.Quarter)
	case o.Month < 0 || o.Month > 12:
		return from, to, "", fmt.Errorf("月份应为 1 到 12，现在是 %d", o.Month)
	case o.Quarter != 0 && o.Month != 0:
		return from, to, "", errors.New("季度和月份只能选一个")
	case o.Half < 0 || o.Half > 2 || (o.Half != 0 && (o.Quarter != 0 || o.Month != 0)):
		return from, to, "", errors.New("半年应为 1 或 2，且不能与季度、月份同时选")
	case o.Half != 0:
		from, to = (Period{Year: o.Year, Half: o.Half}).Span()
		return from, to, (Period{Year: o.Year, Half: o.Half}).Label(), nil
	case o.Month != 0:
		p := data.MonthPeriod(civil.New(o.Year, o.Month, 1))
		return p.Start, p.End, p.Label, nil
	}
	from, to, label = compliance.Span(o.Year, o.Quarter)
	return from, to, label, nil
}

// today is opt.Today, or the store's date when it is zero.
func (o *MeetingReportOptions) today(store *data.Store) civil.Date {
	if o.Today.IsZero() {
		return store.Today()
	}
	return o.Today
}

// meetingReport is what every meetings export starts from.
type meetingReport struct {
	branch   data.Branch
	data     *compliance.Data
	c        *compliance.Compliance
	from, to civil.Date
	label    string
	asOf     civil.Date // the end of the span, or today when that is earlier
	made     time.Time  // storeNow
}

func loadMeetingReport(store *data.Store, opt *MeetingReportOptions) (*meetingReport, error) {
	from, to, label, err := opt.span()
	if err != nil {
		return nil, err
	}
	d, err := compliance.Load(store)
	if err != nil {
		return nil, fmt.Errorf("读取会议记录失败：%w", err)
	}
	today := opt.today(store)
	r := &meetingReport{branch: d.Branch, data: d, c: compliance.New(d, today), from: from, to: to, label: label, asOf: to, made: storeNow(store)}
	if today.Before(to) {
		r.asOf = today
	}
	return r, nil
}

func (r *meetingReport) document(title, signature string) Document {
	return Document{
		Title:     fmt.Sprintf("%s%s（%s）", r.branch.Name, title, r.label),
		Unit:      r.branch.FilingUnit(),
		AsOf:      r.asOf,
		Signature: signature,
		Author:    r.branch.Name,
		Made:      r.made,
	}
}

// ExportMeetingSummary writes the 三会一课开展情况统计表 of the span: for each
// type of meeting (and the 支部书记's 思政课) the sittings held month by month,
// the total, what the periods ending in the span required, and whether it
// was done.
func ExportMeetingSummary(path string, store *data.Store, opt MeetingReportOptions) error {
	if err := checkOutputPath(path); err != nil {
		return err
	}
	r, err := loadMeetingReport(store, &opt)
	if err != nil {
		return err
	}
	sum := r.c.Summary(r.from, r.to, r.label)
	rows := append(append([]compliance.SummaryRow(nil), sum.Rows...), sum.Classes...)
	doc := r.document("三会一课开展情况统计表", SignatureLine)
	return WriteRegister(path, SummaryRegister(sum.Months), doc, rows, opt.Progress)
}

// SummaryRegister is the column layout of the 统计表 for the months of a span.
func SummaryRegister(months []data.Period) *Register[compliance.SummaryRow] {
	type row = compliance.SummaryRow
	cols := []Column[row]{
		{Header: "项目", Width: 24, Kind: KindText, Get: func(r *row) any { return r.Label }},
		{Header: "要求", Width: 16, Kind: KindText, Center: true, Get: func(r *row) any { return r.Requirement }},
	}
	for i, m := range months {
		cols = append(cols, Column[row]{Header: fmt.Sprintf("%d月", m.Start.Month), Width: 6, Kind: KindNumber,
			Get: func(r *row) any { return r.ByMonth[i] }})
	}
	cols = append(cols,
		Column[row]{Header: "合计", Width: 7, Kind: KindNumber, Get: func(r *row) any { return r.Held }},
		Column[row]{Header: "应开展", Width: 8, Kind: KindNumber, Get: func(r *row) any { return r.Required }},
		Column[row]{Header: "完成情况", Width: 30, Kind: KindText, Get: func(r *row) any { return r.Conclusion() }},
	)
	return &Register[row]{Name: "开展情况统计表", Columns: cols, FreezeColumns: 1, Portrait: len(months) <= 3}
}
