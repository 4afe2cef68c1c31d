package reports

import (
	"errors"
	"fmt"

	"partyoffice/data/civil"
)

// Period is what a 上报 pack covers: a year, a half year, a quarter, or the
// year up to a 截至日期. At most one of Half, Quarter and AsOf is set.
type Period struct {
	Year    int
	Half    int        // 1 上半年, 2 下半年, or 0
	Quarter int        // 1–4, or 0
	AsOf    civil.Date // 截至日期 (its year is Year), or zero
}

// Check says in plain words what is wrong with the period.
func (p Period) Check() error {
	set := 0
	for _, on := range []bool{p.Half != 0, p.Quarter != 0, !p.AsOf.IsZero()} {
		if on {
			set++
		}
	}
	switch {
	case p.Year < 1950 || p.Year > 2100:
		return fmt.Errorf("年份 %d 不对，请写四位数的年份，例如 2026", p.Year)
	case set > 1:
		return errors.New("半年、季度和截至日期只能选一个")
	case p.Half < 0 || p.Half > 2:
		return fmt.Errorf("半年应为 1（上半年）或 2（下半年），现在是 %d", p.Half)
	case p.Quarter < 0 || p.Quarter > 4:
		return fmt.Errorf("季度应为 1 到 4，现在是 %d", p.Quarter)
	case !p.AsOf.IsZero() && (p.AsOf.Precision() != civil.DayPrecision || p.AsOf.Year != p.Year):
		return fmt.Errorf("截至日期应是 %d 年中的某一天，例如 %d-06-30", p.Year, p.Year)
	}
	return nil
}

// Span is the first and last day the period covers.
func (p Period) Span() (from, to civil.Date) {
	from, to = civil.New(p.Year, 1, 1), civil.New(p.Year, 12, 31)
	switch {
	case p.Half != 0:
		from = civil.New(p.Year, 6*p.Half-5, 1)
		to = civil.New(p.Year, 6*p.Half, 1).AddMonths(1).AddDays(-1)
	case p.Quarter != 0:
		from = civil.New(p.Year, 3*p.Quarter-2, 1)
		to = civil.New(p.Year, 3*p.Quarter, 1).AddMonths(1).AddDays(-1)
	case !p.AsOf.IsZero():
		to = p.AsOf
	}
	return from, to
}

// Label names the period on paper: 2026年度, 2026年上半年, 2026年第三季度,
// 截至2026年6月30日.
func (p Period) Label() string {
	switch {
	case p.Half == 1:
		return fmt.Sprintf("%d年上半年", p.Year)
	case p.Half == 2:
		return fmt.Sprintf("%d年下半年", p.Year)
	case p.Quarter != 0:
		return fmt.Sprintf("%d年第%s季度", p.Year, []string{"", "一", "二", "三", "四"}[p.Quarter])
	case !p.AsOf.IsZero():
		return "截至" + p.AsOf.Chinese()
	}
	return fmt.Sprintf("%d年度", p.Year)
}

// FileLabel is the period in a file name: 2026上半年, 2026Q3, 2026年度, 截至20260630.
func (p Period) FileLabel() string {
	switch {
	case p.Half != 0:
		return fmt.Sprintf("%d%s", p.Year, []string{"", "上半年", "下半年"}[p.Half])
	case p.Quarter != 0:
		return fmt.Sprintf("%dQ%d", p.Year, p.Quarter)
	case !p.AsOf.IsZero():
		return fmt.Sprintf("截至%04d%02d%02d", p.AsOf.Year, p.AsOf.Month, p.AsOf.Day)
	}
	return fmt.Sprintf("%d年度", p.Year)
}

// asOf is the day the registers are drawn up to: the period's last day, or
// today when the period is not over yet.
func (p Period) asOf(today civil.Date) civil.Date {
	_, to := p.Span()
	if to.After(today) {
		return today
	}
	return to
}
