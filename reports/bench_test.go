package reports

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/datatest"
)

const benchPeople = 10_000

// manyPeople are n distinct, valid members spread over four 党小组.
func manyPeople(n int) []data.Person {
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
	given := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂")
	out := make([]data.Person, n)
	for i := range out {
		birth := fmt.Sprintf("19%02d%02d%02d", 50+i/(12*28)%30, 1+i/28%12, 1+i%28)
		out[i] = data.Person{
			Name:      string([]rune{surnames[i%len(surnames)], given[i/len(surnames)%len(given)], given[i%len(given)]}),
			IDNumber:  datatest.IDNumber(birth, 11+2*(i/10080)),
			Ethnicity: "汉族", Education: "大学本科", Stage: data.StageFull, BranchName: "银川市第一小学党支部",
			JoinDate: civil.New(2000+i%20, 1+i%12, 0), FullDate: civil.New(2001+i%20, 1+i%12, 0),
			Post: "语文教师", Mobile: fmt.Sprintf("138%08d", i), Address: "银川市金凤区北京中路1号",
			Standing: data.StandingNormal, WorkStart: civil.New(1995+i%20, 9, 1), Title: "一级教师",
			GroupName: fmt.Sprintf("第%d党小组", 1+i%4), Remark: "=SUM(A1)",
		}
		out[i].Normalize()
	}
	return out
}

func benchStore(b *testing.B) *data.Store {
	b.Helper()
	return storeWith(b, manyPeople(benchPeople))
}

func BenchmarkExportMembers(b *testing.B) {
	s := benchStore(b)
	path := filepath.Join(b.TempDir(), "名册.xlsx")
	for b.Loop() {
		if err := ExportMembers(path, s, ExportOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadMembers(b *testing.B) {
	s := benchStore(b)
	path := filepath.Join(b.TempDir(), "名册.xlsx")
	if err := ExportMembers(path, s, ExportOptions{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		imp, err := ReadMembers(path, s, civil.Today(), nil)
		if err != nil || len(imp.Rows) != benchPeople || imp.BadRows() > 0 {
			b.Fatalf("%v, %d rows, %d bad", err, len(imp.Rows), imp.BadRows())
		}
	}
}

// BenchmarkBareStreamWriter writes the same cells with a plain StreamWriter:
// no styles, titles, widths, validation or atomic save. The ratio to
// BenchmarkExportMembers is what the printable document costs. Reading the
// people from the store is outside the timer here, inside it there.
func BenchmarkBareStreamWriter(b *testing.B) {
	people := manyPeople(benchPeople)
	reg := MemberRegister()
	path := filepath.Join(b.TempDir(), "bare.xlsx")
	for b.Loop() {
		f := excelize.NewFile()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		cells := make([]any, len(reg.Columns)+1)
		for n := range people {
			cells[0] = n + 1
			for i := range reg.Columns {
				cells[i+1] = bareValue(reg.Columns[i].Get(&people[n]))
			}
			if err := sw.SetRow(cellName(1, n+1), cells); err != nil {
				b.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
		if err := f.SaveAs(path); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

func bareValue(v any) any {
	if d, ok := v.(civil.Date); ok {
		if d.Precision() == civil.DayPrecision {
			return d.Time()
		}
		return dateText(d)
	}
	return cellText(v)
}
