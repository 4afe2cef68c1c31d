package reports

import (
	"path/filepath"
	"testing"
)

// BenchmarkPack: the demo branch (about 40 people, a year of meetings)
// packed into one workbook, the reports written and copied.
func BenchmarkPack(b *testing.B) {
	s := branchStore(b, "", true)
	path := filepath.Join(b.TempDir(), "pack.xlsx")
	for b.Loop() {
		p, err := PreparePack(s, PackOptions{Period: Period{Year: 2026}})
		if err != nil {
			b.Fatal(err)
		}
		if err := p.WriteWorkbook(path); err != nil {
			b.Fatal(err)
		}
		p.Close()
	}
}
