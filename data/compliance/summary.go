package compliance

import (
	"fmt"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// SummaryRow is one line of the 三会一课开展情况统计表: a type of meeting,
// or the 支部书记's 听课/授课 (Type "").
type SummaryRow struct {
	Type        data.MeetingType
	Label       string // what the table prints: the type, or 支部书记听思政课（次）
	Requirement string // 每季度1次, 不作要求, 每学期不少于4次
	ByMonth     []int  // sittings held (or 听课 visits, 授课 课时) in each month of the span
	Held        int    // their sum over the span
	// Required counts the sittings required by the periods that end in the
	// span (a yearly 组织生活会 is required in the fourth quarter's table).
	Required int
	Judged   int      // periods ending in the span, already ended
	Done     int      // of the judged, met
	Missed   []string // labels of the periods that ended unmet
	Running  int      // periods ending in the span that are still running
	NoDuty   string   // why nothing is required in the span ("" otherwise)
	// Beyond are the verdicts on periods that end in the span but began
	// before it (a semester in a quarter's table), each naming its period
	// with that period's numbers: "2026年春季学期：已完成 4/4". They are not
	// in Required, Judged or Missed: the row's months do not show them.
	Beyond []string
}

// Conclusion is the last column: 已完成, 未完成：2026年2月、3月, 进行中, 不作要求,
// then the verdicts that name a longer period. A bare 已完成 is only about
// the periods inside the span, so it never stands beside a shortfall.
func (r *SummaryRow) Conclusion() string {
	var own string
	switch {
	case len(r.Missed) > 0:
		own = "未完成：" + strings.Join(r.Missed, "、")
	case r.Running > 0:
		own = "进行中"
	case r.Judged > 0:
		own = "已完成"
	case len(r.Beyond) > 0:
	case r.NoDuty != "":
		own = r.NoDuty
	default:
		own = "本期不考核"
	}
	if own == "" {
		return strings.Join(r.Beyond, "；")
	}
	return strings.Join(append([]string{own}, r.Beyond...), "；")
}

// beyondVerdict names a period that began before the span, with its own
// numbers.
func beyondVerdict(p data.Period, state string, held, required int) string {
	return fmt.Sprintf("%s：%s %d/%d", p.Label, state, held, required)
}

// Summary is the statistics of a span (a year, a quarter or a month).
type Summary struct {
	Label    string // 2026年, 2026年第一季度, 2026年3月
	From, To civil.Date
	Months   []data.Period
	Rows     []SummaryRow // one per type of meeting, in the settings' order
	Classes  []SummaryRow // 支部书记听思政课, 讲思政课
	Sittings int          // sittings held (one sitting of two types counts once)
}

// Span is the dates and label of a year (quarter 0) or one of its quarters.
func Span(year, quarter int) (from, to civil.Date, label string) {
	if quarter == 0 {
		p := data.YearPeriod(civil.New(year, 1, 1))
		return p.Start, p.End, p.Label
	}
	p := data.QuarterPeriod(civil.New(year, quarter*3, 1))
	return p.Start, p.End, p.Label
}

// Summary counts, for every type, the sittings held in [from, to] month by
// month against what the periods ending in the span required.
func (c *Compliance) Summary(from, to civil.Date, label string) Summary {
	sum := Summary{Label: label, From: from, To: to, Months: c.d.Settings.PeriodsBetween(data.EveryMonth, from, to)}
	for i := range c.d.Meetings {
		if d := c.d.Meetings[i].Date; !d.Before(from) && !d.After(to) {
			sum.Sittings++
		}
	}
	for _, t := range c.d.Settings.TypeList() {
		sum.Rows = append(sum.Rows, c.summaryRow(t, from, to, sum.Months))
	}
	sum.Classes = c.classRows(from, to, sum.Months)
	return sum
}

func (c *Compliance) summaryRow(t data.MeetingType, from, to civil.Date, months []data.Period) SummaryRow {
	row := SummaryRow{Type: t, Label: string(t), ByMonth: make([]int, len(months))}
	if r := c.d.Settings.TypeRule(t); r != nil {
		row.Requirement = r.Requirement()
	}
	for i, m := range months {
		row.ByMonth[i] = len(c.heldIn(t, m))
		row.Held += row.ByMonth[i]
	}
	for _, s := range c.Periods(t, from, to) {
		if s.Period.End.After(to) || s.Period.End.Before(from) {
			continue
		}
		if s.State == NotRequired {
			row.NoDuty = s.Reason
			continue
		}
		if s.Period.Start.Before(from) {
			row.Beyond = append(row.Beyond, beyondVerdict(s.Period, stateWord(s.State), s.Held, s.Required))
			continue
		}
		row.Required += s.Required
		switch s.State {
		case Done:
			row.Judged++
			row.Done++
		case Overdue:
			row.Judged++
			row.Missed = append(row.Missed, shortLabel(s.Period, from))
		default:
			row.Running++
		}
	}
	return row
}

// shortLabel drops the year when it is the span's: 2026年2月 → 2月 in the
// 2026 table, but 2025年秋季学期 stays whole.
func shortLabel(p data.Period, spanStart civil.Date) string {
	prefix := fmt.Sprintf("%d年", spanStart.Year)
	if p.Every == data.EverySemester || p.Every == data.EveryYear {
		return p.Label
	}
	return strings.TrimPrefix(p.Label, prefix)
}

// classRows are the 思政课 lines: 听课 visits and 授课 课时 per month, against
// the targets of the semesters ending in the span.
func (c *Compliance) classRows(from, to civil.Date, months []data.Period) []SummaryRow {
	ms := &c.d.Settings
	listen := SummaryRow{Label: "支部书记听思政课（次）", ByMonth: make([]int, len(months)),
		Requirement: fmt.Sprintf("每学期不少于%d次", ms.ListenPerSemester)}
	teach := SummaryRow{Label: "支部书记讲思政课（课时）", ByMonth: make([]int, len(months)),
		Requirement: fmt.Sprintf("每学期不少于%d课时", ms.TeachHoursPerSemester)}
	for _, l := range c.d.ClassLogs {
		if !bySecretary(c.d.Branch.Secretary, l) {
			continue // others' records are listed on the 思政课 log, never counted
		}
		for i, m := range months {
			if !m.Contains(l.Date) {
				continue
			}
			if l.Kind == data.ClassListen {
				listen.ByMonth[i]++
				listen.Held++
			} else {
				teach.ByMonth[i] += l.Hours
				teach.Held += l.Hours
			}
		}
	}
	for _, t := range c.ClassTallies(from, to) {
		if t.Period.End.After(to) || t.Period.End.Before(from) {
			continue
		}
		inSpan := !t.Period.Start.Before(from)
		listen.judgeSemester(t.Period, t.ListenTarget, t.Listens, inSpan, c)
		teach.judgeSemester(t.Period, t.TeachTarget, t.TeachHours, inSpan, c)
	}
	return []SummaryRow{listen, teach}
}

// judgeSemester judges one semester's target; a semester that began before
// the span is judged by name (Beyond).
func (r *SummaryRow) judgeSemester(p data.Period, target, held int, inSpan bool, c *Compliance) {
	met := held >= target
	switch {
	case target == 0:
		r.NoDuty, r.Requirement = string(data.NotRequired), string(data.NotRequired)
	case !c.judged(p):
		r.NoDuty = beforeRecord(c.since)
	case !inSpan:
		state := Due
		if met {
			state = Done
		} else if c.today.After(p.End) {
			state = Overdue
		}
		r.Beyond = append(r.Beyond, beyondVerdict(p, stateWord(state), held, target))
	case met:
		r.Required += target
		r.Judged++
		r.Done++
	case c.today.After(p.End):
		r.Required += target
		r.Judged++
		r.Missed = append(r.Missed, p.Label)
	default:
		r.Required += target
		r.Running++
	}
}

// stateWord is a period's state as the 完成情况 column says it.
func stateWord(s State) string {
	if s == Done || s == Overdue {
		return string(s)
	}
	return "进行中"
}
