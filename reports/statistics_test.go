package reports

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// TestStatisticsAddUpToTheRegister checks each table's total against the
// register counted here a second way, a few lines against the people
// directly, and that the workbook prints the same numbers, as numbers.
func TestStatisticsAddUpToTheRegister(t *testing.T) {
	s := demoStore(t)
	today := civil.Today()
	all, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	register := data.FilterPeople(all, data.PersonFilter{View: data.ViewRegister})
	women, young := 0, 0
	for _, p := range register {
		if p.Gender == "女" {
			women++
		}
		if !p.BirthDate.IsZero() && p.BirthDate.YearsSince(today) <= 35 {
			young++
		}
	}
	st, err := Statistics(s, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(register) == 0 || len(st.Tables) != 9 {
		t.Fatalf("%d people, %d tables", len(register), len(st.Tables))
	}
	count := func(title, label string) int {
		for _, tb := range st.Tables {
			for _, r := range tb.Rows {
				if tb.Title == title && r.Label == label {
					return r.Count
				}
			}
		}
		t.Fatalf("no line %s / %s", title, label)
		return 0
	}
	for _, tb := range st.Tables {
		if tb.Base != 0 && (tb.Base != len(register) || tb.Total() != len(register)) {
			t.Errorf("%s: base %d, total %d, register %d", tb.Title, tb.Base, tb.Total(), len(register))
		}
	}
	if got := count("性别", "女"); got != women {
		t.Errorf("women %d, register %d", got, women)
	}
	if got := count("年龄", "其中：35岁及以下"); got != young {
		t.Errorf("35岁及以下 %d, register %d", got, young)
	}

	path := filepath.Join(t.TempDir(), "stats.xlsx")
	if err := ExportStatistics(path, s, ReportOptions{AsOf: today}); err != nil {
		t.Fatal(err)
	}
	f := readBack(t, path)
	defer f.Close()
	rows, err := f.GetRows("党内统计")
	if err != nil {
		t.Fatal(err)
	}
	totals := 0
	for i, r := range rows {
		if len(r) < 2 || r[0] != "合计" {
			continue
		}
		totals++
		cell := cellName(2, i+1)
		typ, _ := f.GetCellType("党内统计", cell)
		if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("%s is %v, not a number", cell, typ)
		}
		if r[1] != itoa(len(register)) {
			t.Errorf("合计 on row %d is %s, register %d", i+1, r[1], len(register))
		}
	}
	if totals != 7 {
		t.Errorf("%d 合计 lines, want 7", totals)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestStatisticsFollowTheStoreClock: without a date the 党内统计 is as of the
// store's today, not the computer's date.
func TestStatisticsFollowTheStoreClock(t *testing.T) {
	s := openStore(t)
	day := civil.Today().AddYears(-2)
	s.SetClock(func() civil.Date { return day })
	st, err := Statistics(s, civil.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if st.AsOf != day {
		t.Errorf("statistics as of %s, want the store's day %s", st.AsOf, day)
	}
}
