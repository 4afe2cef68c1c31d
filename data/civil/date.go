// Package civil holds calendar dates as offices write them: no time, no zone,
// and sometimes known only to the month (入党时间 "2008.07") or the year.
package civil

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a Date is known. A date typed as "2008.07" is
// MonthPrecision and must never be shown or stored with an invented day.
type Precision uint8

const (
	DayPrecision Precision = iota
	MonthPrecision
	YearPrecision
)

// Date is a calendar date. The zero value is "no date" (IsZero).
// Stored in SQLite as text: "2008-07-01", "2008-07" or "2008".
type Date struct {
	Year  int
	Month int // 1..12, or 0 when only the year is known
	Day   int // 1..31, or 0 when only the month is known
}

// New returns a day-precision date; it does not normalise invalid days.
func New(y, m, d int) Date { return Date{y, m, d} }

// FromTime takes the calendar date of t in t's own location.
func FromTime(t time.Time) Date { y, m, d := t.Date(); return Date{y, int(m), d} }

// Today is the local calendar date.
func Today() Date { return FromTime(time.Now()) }

func (d Date) IsZero() bool { return d.Year == 0 }

func (d Date) Precision() Precision {
	switch {
	case d.Month == 0:
		return YearPrecision
	case d.Day == 0:
		return MonthPrecision
	}
	return DayPrecision
}

// Valid reports whether d names a real date (or a real month/year).
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 {
		return false
	}
	if d.Month == 0 {
		return d.Day == 0
	}
	if d.Month < 1 || d.Month > 12 {
		return false
	}
	return d.Day == 0 || (d.Day >= 1 && d.Day <= DaysIn(d.Year, d.Month))
}

// DaysIn is the number of days of month m in year y.
func DaysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// String is the storage and ISO form: 2008-07-01, 2008-07, 2008; "" for zero.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Chinese is the long display form: 2008年7月1日, 2008年7月, 2008年.
func (d Date) Chinese() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%d年", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%d年%d月", d.Year, d.Month)
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
}

// Time is midnight UTC of d (first day of the month/year when less precise).
func (d Date) Time() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// first is d with unknown parts filled by their earliest value, for ordering.
func (d Date) first() Date {
	if d.Month == 0 {
		d.Month = 1
	}
	if d.Day == 0 {
		d.Day = 1
	}
	return d
}

// Compare orders dates; an imprecise date sorts at the start of its month/year.
// The zero date sorts before every real date.
func (d Date) Compare(o Date) int {
	a, b := d.first(), o.first()
	switch {
	case a.Year != b.Year:
		return cmp(a.Year, b.Year)
	case a.Month != b.Month:
		return cmp(a.Month, b.Month)
	}
	return cmp(a.Day, b.Day)
}

func cmp(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }
func (d Date) After(o Date) bool  { return d.Compare(o) > 0 }
func (d Date) Equal(o Date) bool  { return d.Compare(o) == 0 }

// AddMonths adds calendar months, clamping the day to the month's end
// (2024-01-31 + 1 month = 2024-02-29; 2024-02-29 + 12 months = 2025-02-28).
// Precision is kept where the result is exact: a month stays a month, a year
// moved by whole years stays a year.
//
// A year-only date moved by part of a year has no exact answer ("2024" + 1
// month is any day from 2024-02-01 to 2025-01-31). It is read at its latest
// month (December), so a deadline computed from it ends on the latest day
// it can mean: "within n months" is never accused too early. Code that needs
// the earliest end instead uses d.First().AddMonths(n) (docs/rules.md,
// "Partial dates").
func (d Date) AddMonths(n int) Date {
	switch {
	case d.IsZero():
		return d
	case d.Month == 0 && n%12 == 0:
		return Date{Year: d.Year + n/12}
	case d.Month == 0:
		d.Month = 12
	}
	total := d.Year*12 + (d.Month - 1) + n
	y, m := total/12, total%12+1
	day := d.Day
	if day > DaysIn(y, m) {
		day = DaysIn(y, m)
	}
	return Date{y, m, day}
}

// AddYears is AddMonths(12*n).
func (d Date) AddYears(n int) Date { return d.AddMonths(12 * n) }

// AddDays adds whole days (day precision only; others are returned unchanged).
func (d Date) AddDays(n int) Date {
	if d.Precision() != DayPrecision || d.IsZero() {
		return d
	}
	return FromTime(d.Time().AddDate(0, 0, n))
}

// DaysUntil is the number of days from d to o (negative if o is earlier).
func (d Date) DaysUntil(o Date) int {
	return int(o.Time().Sub(d.Time()).Hours() / 24)
}

// YearsSince is the number of whole years from d to on (age, 党龄).
func (d Date) YearsSince(on Date) int {
	if d.IsZero() || on.IsZero() {
		return 0
	}
	a, b := d.first(), on.first()
	y := b.Year - a.Year
	if b.Month < a.Month || (b.Month == a.Month && b.Day < a.Day) {
		y--
	}
	if y < 0 {
		return 0
	}
	return y
}

// ParseISO reads exactly the storage form ("2008-07-01", "2008-07", "2008").
func ParseISO(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return Date{}, fmt.Errorf("日期格式不对：%q", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return Date{}, fmt.Errorf("日期格式不对：%q", s)
		}
		n[i] = v
	}
	d := Date{n[0], n[1], n[2]}
	if !d.Valid() {
		return Date{}, fmt.Errorf("不存在的日期：%q", s)
	}
	return d, nil
}

// Value stores the date as text; the zero date as NULL.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads the text form back (also tolerates time.Time from drivers).
func (d *Date) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		p, err := ParseISO(x)
		*d = p
		return err
	case []byte:
		p, err := ParseISO(string(x))
		*d = p
		return err
	case time.Time:
		*d = FromTime(x)
		return nil
	}
	return fmt.Errorf("civil.Date: cannot scan %T", v)
}

// GormDataType makes GORM create a text column.
func (Date) GormDataType() string { return "text" }

func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }
func (d *Date) UnmarshalText(b []byte) error {
	p, err := ParseISO(string(b))
	*d = p
	return err
}

// First is the earliest day d can mean (2008-07 → 2008-07-01).
func (d Date) First() Date {
	if d.IsZero() {
		return d
	}
	return d.first()
}

// Last is the latest day d can mean (2008-07 → 2008-07-31). Rules that
// accuse use Last for the later date and First for the earlier one, so a
// date known only to the month is never called wrong when it may be right.
func (d Date) Last() Date {
	switch {
	case d.IsZero():
		return d
	case d.Month == 0:
		return Date{d.Year, 12, 31}
	case d.Day == 0:
		return Date{d.Year, d.Month, DaysIn(d.Year, d.Month)}
	}
	return d
}
