package data

import (
	"fmt"
	"testing"
)

// importRows are n distinct register rows as an import hands them over.
func importRows(n int, prefix string) []Person {
	out := make([]Person, n)
	for i := range out {
		p := member(fmt.Sprintf("%s%05d", prefix, i), fmt.Sprintf("%s%017d", prefix, i))
		p.Mobile, p.Address, p.Remark = "13800001111", "宁夏银川市金凤区某某路某某小区", "导入测试"
		p.GroupName = fmt.Sprintf("第%d党小组", i%5+1)
		out[i] = *p
	}
	return out
}

// BenchmarkImport10000 measures ImportPeople of 10,000 new rows into an
// empty store (one transaction, batches of importBatch rows).
func BenchmarkImport10000(b *testing.B) {
	rows := importRows(10000, "B")
	for b.Loop() {
		b.StopTimer()
		s, err := Open(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.ImportPeople(rows, ImportSkipExisting, "bench.xlsx"); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}
