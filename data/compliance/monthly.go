package compliance

import "partyoffice/data/civil"

// MonthCompletion is how many of the 三会一课 requirements running in a month
// were met: the bar of the 工作台's completion chart.
type MonthCompletion struct {
	Month    civil.Date // the month's first day
	Done     int        // requirements met
	Required int        // requirements there were (met, missed or still running)
}

// MonthlyCompletion is the last n months up to today's, oldest first. Each
// month counts every type's requirement over the period holding the month's
// first day (a quarter's requirement counts in each of its months); types
// with nothing required that month are left out.
func (c *Compliance) MonthlyCompletion(n int) []MonthCompletion {
	first := civil.New(c.today.Year, c.today.Month, 1)
	out := make([]MonthCompletion, 0, n)
	for i := n - 1; i >= 0; i-- {
		m := MonthCompletion{Month: first.AddMonths(-i)}
		for _, t := range c.d.Settings.TypeList() {
			switch c.Status(t, m.Month).State {
			case Done:
				m.Done++
				m.Required++
			case Due, Overdue:
				m.Required++
			}
		}
		out = append(out, m)
	}
	return out
}
