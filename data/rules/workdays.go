package rules

import (
	"time"

	"partyoffice/data/civil"
)

// WorkCalendar says which days are working days, for the 公示 of D5. It is
// the hook for a holiday and 调休 table (domain.md §7.3); without one the
// count is Monday to Friday and messages say "暂算".
type WorkCalendar interface {
	Workday(d civil.Date) bool
	// Provisional reports that holidays and 调休 are not known.
	Provisional() bool
}

// Weekdays counts Monday to Friday: the provisional default.
type Weekdays struct{}

func (Weekdays) Workday(d civil.Date) bool {
	wd := d.Time().Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

func (Weekdays) Provisional() bool { return true }

// HolidayTable is a calendar with the State Council's holidays and the
// weekend days worked instead (调休) of the years it covers.
type HolidayTable struct {
	Holidays map[civil.Date]bool // 法定节假日 on weekdays
	Workdays map[civil.Date]bool // 调休: weekend days that are working days
}

func (h HolidayTable) Workday(d civil.Date) bool {
	switch {
	case h.Workdays[d]:
		return true
	case h.Holidays[d]:
		return false
	}
	return Weekdays{}.Workday(d)
}

func (HolidayTable) Provisional() bool { return false }

// WorkingDays counts the working days from one day to another, both
// included. Dates known only to the month count from the month's first day
// to its last, so the count is the most the period can have had.
func WorkingDays(cal WorkCalendar, from, to civil.Date) int {
	n := 0
	for d, last := from.First(), to.Last(); !d.After(last); d = d.AddDays(1) {
		if cal.Workday(d) {
			n++
		}
	}
	return n
}
