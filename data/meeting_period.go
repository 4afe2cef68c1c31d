package data

import (
	"fmt"
	"sort"

	"partyoffice/data/civil"
)

// Period is one span a requirement is judged over: a month, a quarter, a
// semester or a year. Start and End are both included.
type Period struct {
	Every      Frequency
	Label      string // 2026年3月, 2026年第一季度, 2025年秋季学期, 2026年
	Start, End civil.Date
}

// Contains reports whether d falls in the period.
func (p Period) Contains(d civil.Date) bool { return !d.Before(p.Start) && !d.After(p.End) }

// DaysLeft is the number of days from on to the end of the period, the last
// day included (1 on the last day); 0 once it has ended.
func (p Period) DaysLeft(on civil.Date) int {
	if on.After(p.End) {
		return 0
	}
	return on.DaysUntil(p.End) + 1
}

// Name is the period's word in reminders: 本月, 本季度, 本学期, 本年度.
func (f Frequency) Name() string {
	switch f {
	case EveryWeek:
		return "周"
	case EveryMonth:
		return "月"
	case EveryQuarter:
		return "季度"
	case EverySemester:
		return "学期"
	case EveryYear:
		return "年度"
	}
	return ""
}

var quarterNames = []string{"", "第一季度", "第二季度", "第三季度", "第四季度"}

// QuarterName is 第一季度 … 第四季度.
func QuarterName(q int) string {
	if q < 1 || q > 4 {
		return ""
	}
	return quarterNames[q]
}

// MonthPeriod is the calendar month of d.
func MonthPeriod(d civil.Date) Period {
	start := civil.New(d.Year, d.Month, 1)
	return Period{Every: EveryMonth, Label: fmt.Sprintf("%d年%d月", d.Year, d.Month),
		Start: start, End: civil.New(d.Year, d.Month, civil.DaysIn(d.Year, d.Month))}
}

// WeekPeriod is the ISO 8601 week of d, Monday to Sunday, labelled by its
// ISO year and number (2026-12-31 is in 2026年第53周, 2024-12-30 in
// 2025年第1周).
func WeekPeriod(d civil.Date) Period {
	t := d.First().Time()
	year, week := t.ISOWeek()
	monday := civil.FromTime(t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)))
	return Period{Every: EveryWeek, Label: fmt.Sprintf("%d年第%d周", year, week),
		Start: monday, End: monday.AddDays(6)}
}

// QuarterPeriod is the quarter of d.
func QuarterPeriod(d civil.Date) Period {
	q := (d.Month-1)/3 + 1
	last := q * 3
	return Period{Every: EveryQuarter, Label: fmt.Sprintf("%d年%s", d.Year, QuarterName(q)),
		Start: civil.New(d.Year, last-2, 1), End: civil.New(d.Year, last, civil.DaysIn(d.Year, last))}
}

// YearPeriod is the calendar year of d.
func YearPeriod(d civil.Date) Period {
	return Period{Every: EveryYear, Label: fmt.Sprintf("%d年", d.Year),
		Start: civil.New(d.Year, 1, 1), End: civil.New(d.Year, 12, 31)}
}

// PeriodOf is the period of frequency f that d counts for. A date in the
// holidays between two semesters counts for the semester that follows (a
// 专题会议 held in late August prepares the autumn semester), so the
// semester periods cover the whole calendar without gaps.
func (ms *MeetingSettings) PeriodOf(f Frequency, d civil.Date) Period {
	switch f {
	case EveryWeek:
		return WeekPeriod(d)
	case EveryMonth:
		return MonthPeriod(d)
	case EveryQuarter:
		return QuarterPeriod(d)
	case EverySemester:
		return ms.semesterPeriod(d)
	}
	return YearPeriod(d)
}

// PeriodsBetween lists the periods of f that overlap [from, to], in order.
func (ms *MeetingSettings) PeriodsBetween(f Frequency, from, to civil.Date) []Period {
	var out []Period
	for p := ms.PeriodOf(f, from); !p.Start.After(to); p = ms.PeriodOf(f, p.End.AddDays(1)) {
		out = append(out, p)
	}
	return out
}

// SemesterOf is the semester d counts for (the following one in holidays).
func (ms *MeetingSettings) SemesterOf(d civil.Date) Semester {
	sems := ms.semestersAround(d.Year)
	for _, s := range sems {
		if !s.End.Before(d) {
			return s
		}
	}
	return sems[len(sems)-1] // not reached: the list runs two years past d
}

func (ms *MeetingSettings) semesterPeriod(d civil.Date) Period {
	sems := ms.semestersAround(d.Year)
	for i, s := range sems {
		if s.End.Before(d) {
			continue
		}
		start := s.Start
		if i > 0 {
			start = sems[i-1].End.AddDays(1)
		}
		return Period{Every: EverySemester, Label: s.Name, Start: start, End: s.End}
	}
	s := sems[len(sems)-1]
	return Period{Every: EverySemester, Label: s.Name, Start: s.Start, End: s.End}
}

// semestersAround lists the semesters from two years before y to two years
// after, in order: the usual terms of each year, replaced by dated ones
// where those were set.
func (ms *MeetingSettings) semestersAround(y int) []Semester {
	var out []Semester
	for year := y - 2; year <= y+2; year++ {
		for _, s := range termsOf(ms.Terms, year) {
			if !overlapsAny(s, ms.Semesters) {
				out = append(out, s)
			}
		}
	}
	for _, s := range ms.Semesters {
		if s.End.Year >= y-2 && s.Start.Year <= y+2 {
			out = append(out, s)
		}
	}
	if len(out) == 0 { // no terms at all: treat the year as one semester
		for year := y - 2; year <= y+2; year++ {
			out = append(out, Semester{Name: fmt.Sprintf("%d年", year),
				Start: civil.New(year, 1, 1), End: civil.New(year, 12, 31)})
		}
	}
	return sortSemesters(out)
}

// termsOf dates the usual terms of the school year starting in year y: a
// term crossing the new year ends in y+1. 2月29日 becomes the 28th in other
// years.
func termsOf(terms []TermSpec, y int) []Semester {
	out := make([]Semester, 0, len(terms))
	for _, t := range terms {
		endYear := y
		if t.CrossesYear() {
			endYear = y + 1
		}
		out = append(out, Semester{
			Name:  fmt.Sprintf("%d年%s", y, CleanText(t.Name)),
			Start: clampedDate(y, t.StartMonth, t.StartDay),
			End:   clampedDate(endYear, t.EndMonth, t.EndDay),
		})
	}
	return out
}

func clampedDate(y, m, d int) civil.Date {
	if n := civil.DaysIn(y, m); d > n {
		d = n
	}
	return civil.New(y, m, d)
}

func overlapsAny(s Semester, others []Semester) bool {
	for _, o := range others {
		if !s.End.Before(o.Start) && !o.End.Before(s.Start) {
			return true
		}
	}
	return false
}

func sortSemesters(s []Semester) []Semester {
	sort.SliceStable(s, func(i, j int) bool { return s[i].Start.Before(s[j].Start) })
	return s
}
