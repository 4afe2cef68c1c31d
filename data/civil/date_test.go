package civil

import "testing"

func TestAddMonthsKeepsEveryDayTheDateCanMean(t *testing.T) {
	cases := []struct {
		from       string
		n          int
		want       string
		first, end string // the span of the result
	}{
		{"2024-01-31", 1, "2024-02-29", "2024-02-29", "2024-02-29"},
		{"2024-02-29", 12, "2025-02-28", "2025-02-28", "2025-02-28"},
		{"2024-01", 1, "2024-02", "2024-02-01", "2024-02-29"},
		{"2024-12", 1, "2025-01", "2025-01-01", "2025-01-31"},
		{"2024", 12, "2025", "2025-01-01", "2025-12-31"},
		{"2024", -12, "2023", "2023-01-01", "2023-12-31"},
		// year only, part of a year: read at December, so a deadline ends on
		// the latest day "2024 + 1 month" can mean (2025-01-31), not 2024-12-31.
		{"2024", 1, "2025-01", "2025-01-01", "2025-01-31"},
		{"2024", 6, "2025-06", "2025-06-01", "2025-06-30"},
		{"", 3, "", "", ""},
	}
	for _, c := range cases {
		from, _ := ParseISO(c.from)
		got := from.AddMonths(c.n)
		if got.String() != c.want || got.First().String() != c.first || got.Last().String() != c.end {
			t.Errorf("%q + %d months = %s (%s–%s), want %s (%s–%s)", c.from, c.n, got, got.First(), got.Last(),
				c.want, c.first, c.end)
		}
	}
}
