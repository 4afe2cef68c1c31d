package compliance

import (
	"testing"

	"partyoffice/data"
	"partyoffice/data/datatest"
)

func TestMonthlyCompletionCountsMetAndMissedRequirements(t *testing.T) {
	d := branch(8) // 支委会 required (≥ 7 正式党员)
	d.hold("2026-04-10", data.TypeCommittee)
	c := New(d, datatest.Day("2026-05-20"))
	months := c.MonthlyCompletion(3)
	if len(months) != 3 || months[0].Month != datatest.Day("2026-03-01") || months[2].Month != datatest.Day("2026-05-01") {
		t.Fatalf("months = %+v, want March to May 2026", months)
	}
	for _, m := range months {
		if m.Required == 0 || m.Done > m.Required {
			t.Errorf("%s: %d of %d", m.Month, m.Done, m.Required)
		}
	}
	if months[1].Done <= months[0].Done {
		t.Errorf("April (支委会 held) %d done, March %d: holding a meeting shows nowhere", months[1].Done, months[0].Done)
	}
}
