//go:build ci

package statistics

import (
	"fmt"
	"testing"

	"partyoffice/data/civil"
	"partyoffice/data/demo"
	"partyoffice/reports"
	"partyoffice/ui/uitest"
)

// The view shows the numbers of reports.Statistics — the function the
// Excel export renders — line for line, for the date typed.
func TestViewShowsTheExportsNumbers(t *testing.T) {
	a := uitest.NewApp(t)
	if err := demo.Fill(a.Store, a.Today()); err != nil {
		t.Fatal(err)
	}
	v := newStatsView(a)
	uitest.Show(a, v.content)
	for _, asOf := range []civil.Date{a.Today(), civil.New(a.Today().Year-3, 12, 31)} {
		v.asOf.SetDate(asOf)
		want, err := reports.Statistics(a.Store, asOf)
		if err != nil {
			t.Fatal(err)
		}
		if len(v.lines) != len(want.Tables) {
			t.Fatalf("%s: %d tables shown, %d computed", asOf, len(v.lines), len(want.Tables))
		}
		for i := range want.Tables {
			tb := &want.Tables[i]
			if v.titles[i] != tb.Title {
				t.Errorf("table %d: %q shown, %q computed", i, v.titles[i], tb.Title)
			}
			shown := map[string]string{}
			for _, l := range v.lines[i] {
				shown[l.label] = l.count
			}
			for _, r := range tb.Rows {
				label := r.Label
				if r.Sub {
					label = "其中：" + label
				}
				if shown[label] != fmt.Sprint(r.Count) {
					t.Errorf("%s %s %s: shown %q, computed %d", asOf, tb.Title, r.Label, shown[label], r.Count)
				}
			}
			if tb.Base != 0 && shown["合计"] != fmt.Sprint(tb.Base) {
				t.Errorf("%s %s: 合计 %q, 党员总数 %d", asOf, tb.Title, shown["合计"], tb.Base)
			}
		}
		uitest.RequireShown(t, a.Window.Canvas(), "截至 "+asOf.String())
	}
}
