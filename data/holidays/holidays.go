// Package holidays is the table of official holidays and 调休 working days
// (国务院办公厅 notices), for counting working days: the 公示 of at least
// five working days of the 2026 细则 (docs/rules.md, D5 and "Working days").
//
// The official table ships embedded (official.txt). A year the table does
// not cover is counted Monday to Friday, and the checks say so. The user may
// add later years (or correct one) with a table of the same format kept in
// the store (data.Store.SetHolidayTable); a year it lists replaces the
// embedded one whole.
package holidays

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"partyoffice/data/civil"
)

//go:embed official.txt
var official string

// Table is the holidays and 调休 working days of the years it covers.
type Table struct {
	off, work map[civil.Date]bool
	years     map[int]string // covered year → its source (the notice)
}

// Official is the embedded table.
func Official() Table {
	t, err := Parse(official)
	if err != nil {
		panic("holidays: official.txt: " + err.Error()) // a broken file is a build defect; TestOfficialTable guards it
	}
	return t
}

// maxLines and maxBytes bound a user's table (about 20 lines a year).
const (
	maxLines = 5000
	maxBytes = 256 << 10
)

// Parse reads a table (the format is described at the top of official.txt).
// Errors name the line, in Chinese.
func Parse(text string) (Table, error) {
	t := Table{off: map[civil.Date]bool{}, work: map[civil.Date]bool{}, years: map[int]string{}}
	if len(text) > maxBytes {
		return t, fmt.Errorf("节假日表太长（%d 字节，最多 %d 字节）", len(text), maxBytes)
	}
	lines := strings.Split(text, "\n")
	if len(lines) > maxLines {
		return t, fmt.Errorf("节假日表太长（%d 行，最多 %d 行）", len(lines), maxLines)
	}
	for i, line := range lines {
		if err := t.parseLine(line); err != nil {
			return t, fmt.Errorf("节假日表第 %d 行：%w", i+1, err)
		}
	}
	return t, nil
}

func (t *Table) parseLine(line string) error {
	if i := strings.Index(line, "#"); i >= 0 {
		line = line[:i]
	}
	f := strings.Fields(line)
	if len(f) == 0 {
		return nil
	}
	if f[0] == "年份" {
		if len(f) < 2 {
			return fmt.Errorf("“年份”后面应写四位年份")
		}
		y, err := strconv.Atoi(f[1])
		if err != nil || y < 1949 || y > 2200 {
			return fmt.Errorf("年份“%s”不对", f[1])
		}
		t.years[y] = strings.Join(f[2:], " ")
		return nil
	}
	if len(f) < 2 || (f[1] != "休" && f[1] != "班") {
		return fmt.Errorf("应为“日期 休”或“日期 班”，例如“2026-10-01..2026-10-07 休 国庆节”")
	}
	from, to, err := parseSpan(f[0])
	if err != nil {
		return err
	}
	target := t.off
	if f[1] == "班" {
		target = t.work
	}
	for d := from; !d.After(to); d = d.AddDays(1) {
		target[d] = true
	}
	return nil
}

// parseSpan reads "2026-10-01" or "2026-10-01..2026-10-07" (at most 31 days).
func parseSpan(s string) (from, to civil.Date, err error) {
	a, b, isRange := strings.Cut(s, "..")
	if from, err = parseDay(a); err != nil {
		return
	}
	to = from
	if isRange {
		if to, err = parseDay(b); err != nil {
			return
		}
	}
	if to.Before(from) || from.DaysUntil(to) > 31 {
		return from, to, fmt.Errorf("日期范围“%s”不对（止日应不早于起日，且不超过31天）", s)
	}
	return from, to, nil
}

func parseDay(s string) (civil.Date, error) {
	d, err := civil.ParseISO(s)
	if err != nil || d.Precision() != civil.DayPrecision {
		return civil.Date{}, fmt.Errorf("日期“%s”应写成 2026-10-01 的形式", s)
	}
	return d, nil
}

// Merge is t with the years of user replaced by the user's table: its
// covered years, and its holidays and working days (all of them, also those
// of years it does not declare).
func (t Table) Merge(user Table) Table {
	out := Table{off: map[civil.Date]bool{}, work: map[civil.Date]bool{}, years: map[int]string{}}
	replaced := func(d civil.Date) bool { _, ok := user.years[d.Year]; return ok }
	for y, src := range t.years {
		out.years[y] = src
	}
	for y, src := range user.years {
		out.years[y] = src
	}
	for d := range t.off {
		if !replaced(d) {
			out.off[d] = true
		}
	}
	for d := range t.work {
		if !replaced(d) {
			out.work[d] = true
		}
	}
	for d := range user.off {
		out.off[d] = true
	}
	for d := range user.work {
		out.work[d] = true
	}
	return out
}

// Workday reports whether d is a working day: a 调休 working day, not a
// holiday, else Monday to Friday.
func (t Table) Workday(d civil.Date) bool {
	switch {
	case t.work[d]:
		return true
	case t.off[d]:
		return false
	}
	wd := d.Time().Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// Covers reports whether the holidays of the year are in the table.
func (t Table) Covers(year int) bool { _, ok := t.years[year]; return ok }

// Years lists the covered years in order.
func (t Table) Years() []int {
	var out []int
	for y := range t.years {
		out = append(out, y)
	}
	sort.Ints(out)
	return out
}

// Source is the notice a covered year comes from ("" when not covered).
func (t Table) Source(year int) string { return t.years[year] }
