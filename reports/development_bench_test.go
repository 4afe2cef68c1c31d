package reports

import (
	"path/filepath"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// benchActivists is far more than any school branch develops at once: the
// import and the exports must stay quick even for a whole district's sheet.
const benchActivists = 1000

// activistSheet writes n activists with their applications, talks and
// contacts, as an office's own register would list them.
func activistSheet(b *testing.B, n int) string {
	b.Helper()
	sheet := newSheet(b).row(1, "姓名", "公民身份号码", "申请入党时间", "谈话时间", "谈话人",
		"确定为入党积极分子时间", "培养联系人", "最近一次考察")
	for i, p := range manyPeople(n) {
		sheet.row(2+i, p.Name, p.IDNumber, "2023.3.1", "2023.3.20", "赵建军", "2023.10.1", "钱学敏、孙晓燕", "2024.4.1")
	}
	return sheet.save(b.TempDir(), "积极分子.xlsx")
}

func BenchmarkReadActivists(b *testing.B) {
	s, _ := devStore(b, false)
	path := activistSheet(b, benchActivists)
	for b.Loop() {
		imp, err := ReadActivists(path, s, civil.Today(), nil)
		if err != nil || len(imp.Rows) != benchActivists || imp.BadRows() > 0 {
			b.Fatalf("%v, %d rows, %d bad", err, len(imp.Rows), imp.BadRows())
		}
	}
}

// BenchmarkImportDevelopment commits the sheet: 1,000 people and 6,000
// records in one transaction, each record checked and audited.
func BenchmarkImportDevelopment(b *testing.B) {
	path := activistSheet(b, benchActivists)
	for b.Loop() {
		b.StopTimer()
		s, _ := devStore(b, false)
		imp, err := ReadActivists(path, s, civil.Today(), nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.ImportDevelopment(imp.Good(), data.ImportSkipExisting, "bench"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExportActivists(b *testing.B) {
	s, _ := devStore(b, false)
	imp, err := ReadActivists(activistSheet(b, benchActivists), s, civil.Today(), nil)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.ImportDevelopment(imp.Good(), data.ImportSkipExisting, "bench"); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "积极分子.xlsx")
	for b.Loop() {
		if err := ExportActivists(path, s, DevExportOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
