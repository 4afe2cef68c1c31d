package reports

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/datatest"
	"partyoffice/data/demo"
	"partyoffice/data/pgtest"
)

// The same branch gives the same workbooks whichever backend holds it
// (issue 16): the demo filled on one day into a SQLite file and into a
// PostgreSQL database, every export with every variant written from both,
// and every cell of every sheet compared (the file properties, which say
// when each was written, are not). It runs in make test's
// PostgreSQL pass (PG_EXPORT_TEST in the Makefile), once.
func TestBothBackendsGiveTheSameExports(t *testing.T) {
	if !pgtest.OnServer() {
		t.Skipf("runs in the PostgreSQL pass of make test (%s=postgres)", pgtest.EnvBackend)
	}
	dsn := pgtest.Database(t)
	// Late in the year, so that every quarter has sittings; the log's
	// instant is the day before in some time zones.
	day := civil.New(2026, 11, 30)
	loggedAt := time.Date(2026, 11, 30, 1, 30, 0, 0, time.UTC)
	local := datatest.StoreIn(t, t.TempDir())
	server := datatest.ServerStoreOn(t, dsn)
	for _, s := range []*data.Store{local, server} {
		s.SetClock(func() civil.Date { return day })
		s.Actor = "测试员"
		if err := demo.Fill(s, day); err != nil {
			t.Fatalf("demo on %s: %v", backendName(s), err)
		}
		// Each fill ran at its own moment: the 操作日志 of both at one
		// instant, which each backend must then show alike.
		if err := s.DB().Exec("UPDATE audit_entries SET at = ?", loggedAt).Error; err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	for i, v := range everyVariant() {
		v.opt.Year = day.Year
		a := filepath.Join(dir, fmt.Sprintf("%02d-sqlite.xlsx", i))
		b := filepath.Join(dir, fmt.Sprintf("%02d-postgres.xlsx", i))
		errA, errB := v.e.Write(a, local, v.opt), v.e.Write(b, server, v.opt)
		if errA != nil || errB != nil {
			if fmt.Sprint(errA) != fmt.Sprint(errB) {
				t.Errorf("export %s: %v (SQLite) ≠ %v (PostgreSQL)", v.name, errA, errB)
			}
			continue
		}
		for _, d := range sheetDifferences(t, a, b) {
			t.Errorf("%s: %s", v.name, d)
		}
	}
}

func backendName(s *data.Store) string {
	if s.OnServer() {
		return "PostgreSQL"
	}
	return "SQLite"
}

// sheetDifferences lists the cells where two workbooks differ (at most a
// few per sheet).
func sheetDifferences(t *testing.T, a, b string) []string {
	t.Helper()
	fa, fb := openTestWorkbook(t, a), openTestWorkbook(t, b)
	if !slices.Equal(fa.GetSheetList(), fb.GetSheetList()) {
		return []string{fmt.Sprintf("sheets %v ≠ %v", fa.GetSheetList(), fb.GetSheetList())}
	}
	var out []string
	for _, sheet := range fa.GetSheetList() {
		ra, _ := fa.GetRows(sheet)
		rb, _ := fb.GetRows(sheet)
		if len(ra) != len(rb) {
			out = append(out, fmt.Sprintf("%s: %d rows ≠ %d rows", sheet, len(ra), len(rb)))
		}
		n := 0
		for r := 0; r < min(len(ra), len(rb)) && n < 5; r++ {
			for c := 0; c < max(len(ra[r]), len(rb[r])) && n < 5; c++ {
				va, vb := cell(ra[r], c), cell(rb[r], c)
				if va != vb {
					cellName, _ := excelize.CoordinatesToCellName(c+1, r+1)
					out = append(out, fmt.Sprintf("%s!%s: %q (SQLite) ≠ %q (PostgreSQL)", sheet, cellName, va, vb))
					n++
				}
			}
		}
	}
	return out
}

func cell(row []string, c int) string {
	if c < len(row) {
		return row[c]
	}
	return ""
}

func openTestWorkbook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := openWorkbook(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
