package rules

import (
	"time"

	"partyoffice/data/civil"
	"partyoffice/data/holidays"
)

// WorkCalendar says which days are working days, for the 公示 of D5
// (docs/rules.md, "Working days"). The checks use the official holiday and
// 调休 table (package holidays, with the user's additions from the store);
// a year it does not cover is counted Monday to Friday and the finding says
// 暂按周一至周五计算.
type WorkCalendar interface {
	Workday(d civil.Date) bool
	// Covers reports that the holidays and 调休 of the year are known.
	Covers(year int) bool
}

// Weekdays counts Monday to Friday and knows no holidays.
type Weekdays struct{}

func (Weekdays) Workday(d civil.Date) bool {
	wd := d.Time().Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

func (Weekdays) Covers(int) bool { return false }

var _ WorkCalendar = holidays.Table{}

// WorkingDays counts the working days from one day to another, both
// included. Dates known only to the month count from the month's first day
// to its last, so the count is the most the period can have had.
// uncovered lists the years of the period the calendar has no table for
// (their days were counted Monday to Friday).
func WorkingDays(cal WorkCalendar, from, to civil.Date) (n int, uncovered []int) {
	for d, last := from.First(), to.Last(); !d.After(last); d = d.AddDays(1) {
		if cal.Workday(d) {
			n++
		}
		if !cal.Covers(d.Year) && (len(uncovered) == 0 || uncovered[len(uncovered)-1] != d.Year) {
			uncovered = append(uncovered, d.Year)
		}
	}
	return n, uncovered
}
