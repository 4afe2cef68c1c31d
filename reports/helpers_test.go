package reports

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/datatest"
)

// openStore is a store in a temp folder with the branch set up.
func openStore(t testing.TB) *data.Store {
	t.Helper()
	s := datatest.Store(t)
	if err := s.SaveBranch(data.Branch{Name: "银川市第一小学党支部", Superior: "金凤区教育党工委"}); err != nil {
		t.Fatal(err)
	}
	return s
}

func countPeople(t testing.TB, s *data.Store) int64 {
	t.Helper()
	n, err := s.CountPeople()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// samplePeople covers every column: month- and year-precise dates, an X in
// the ID number, 流动/失联 flags, 党小组, formula-like text.
func samplePeople(today civil.Date) []data.Person {
	recent := today.AddMonths(-3)
	return []data.Person{
		{Name: "张三", Gender: "男", Ethnicity: "汉族", IDNumber: datatest.IDNumber("19800315", 11), BirthDate: civil.New(1980, 3, 15),
			Education: "大学本科", Stage: data.StageFull, BranchName: "银川市第一小学党支部",
			JoinDate: civil.New(2008, 7, 0), FullDate: civil.New(2009, 7, 0), Post: "语文教师", Mobile: "13800138000",
			Phone: "0951-5012345", Address: "银川市金凤区北京中路1号", Standing: data.StandingNormal,
			NativePlace: "宁夏中卫", WorkStart: civil.New(2002, 9, 1), Title: "一级教师", PartyPost: "组织委员",
			Introducers: "李四、王五", TransferIn: civil.New(2015, 3, 10), GroupName: "第一党小组", Remark: "=SUM(A1)"},
		{Name: "李红", Gender: "女", Ethnicity: "回族", IDNumber: "11010519491231002X", BirthDate: civil.New(1949, 12, 31),
			Education: "研究生", Stage: data.StageFull, BranchName: "银川市第一小学党支部",
			JoinDate: civil.New(1975, 6, 18), FullDate: civil.New(1976, 6, 18), Post: "-退休返聘", Mobile: "13912345678",
			Address: "+3号楼", Standing: data.StandingSuspended, Lost: true, LostDate: civil.New(2024, 5, 0),
			WorkStart: civil.New(1968, 0, 0), Title: "@高级教师", GroupName: "第二党小组", Remark: "长期失联"},
		{Name: "王小明", Gender: "男", Ethnicity: "汉族", IDNumber: datatest.IDNumber("19950101", 33), BirthDate: civil.New(1995, 1, 1),
			Education: "大学本科", Stage: data.StageProbationer, BranchName: "银川市第一小学党支部",
			JoinDate: recent, Post: "数学教师", Mobile: "15100001111", Floating: true, FloatTo: "广东省深圳市",
			Standing: data.StandingNormal, GroupName: "第一党小组", Introducers: "张三"},
		{Name: "欧阳娜娜", Gender: "女", Ethnicity: "满族", IDNumber: datatest.IDNumber("19881120", 44), BirthDate: civil.New(1988, 11, 20),
			Education: "大学专科", Stage: data.StageFull, BranchName: "银川市第一小学党支部",
			JoinDate: civil.New(2012, 5, 4), FullDate: civil.New(2013, 5, 4), Post: "后勤", Standing: data.StandingNormal,
			Remark: "第一行\n第二行"},
	}
}

// storeWith creates the people (and their groups) in a fresh store.
func storeWith(t testing.TB, people []data.Person) *data.Store {
	t.Helper()
	s := openStore(t)
	if _, err := s.ImportPeople(people, data.ImportSkipExisting, "测试"); err != nil {
		t.Fatal(err)
	}
	return s
}

// createOneByOne stores people through CreatePerson, resolving groups.
func createOneByOne(t testing.TB, s *data.Store, people []data.Person) {
	t.Helper()
	groups := map[string]uint{}
	for _, p := range people {
		if p.GroupName != "" {
			id, ok := groups[p.GroupName]
			if !ok {
				g := data.PartyGroup{Name: p.GroupName}
				if err := s.SaveGroup(&g); err != nil {
					t.Fatal(err)
				}
				id, groups[p.GroupName] = g.ID, g.ID
			}
			p.GroupID = &id
		}
		if err := s.CreatePerson(&p); err != nil {
			t.Fatalf("CreatePerson(%s): %v", p.Name, err)
		}
	}
}

// sheetBuilder writes a workbook cell by cell, as an office worker's file
// would be: titles, odd headers, typed and pasted values.
type sheetBuilder struct {
	t     testing.TB
	f     *excelize.File
	sheet string
}

func newSheet(t testing.TB) *sheetBuilder {
	f := excelize.NewFile()
	t.Cleanup(func() { f.Close() })
	return &sheetBuilder{t: t, f: f, sheet: f.GetSheetName(0)}
}

// row writes values from column A of the given 1-based row. A time.Time
// gets a date style; other values are stored as excelize stores them.
func (b *sheetBuilder) row(n int, values ...any) *sheetBuilder {
	b.t.Helper()
	for i, v := range values {
		cell := cellName(i+1, n)
		if err := b.f.SetCellValue(b.sheet, cell, v); err != nil {
			b.t.Fatal(err)
		}
		if _, ok := v.(time.Time); ok {
			b.style(cell, &excelize.Style{NumFmt: 14})
		}
	}
	return b
}

func (b *sheetBuilder) style(cell string, st *excelize.Style) {
	b.t.Helper()
	id, err := b.f.NewStyle(st)
	if err == nil {
		err = b.f.SetCellStyle(b.sheet, cell, cell, id)
	}
	if err != nil {
		b.t.Fatal(err)
	}
}

func (b *sheetBuilder) save(dir, name string) string {
	b.t.Helper()
	path := filepath.Join(dir, name)
	if err := b.f.SaveAs(path); err != nil {
		b.t.Fatal(err)
	}
	return path
}

// readBack opens an exported file for assertions.
func readBack(t testing.TB, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// columnValues prints every register column of p, for comparisons.
func columnValues(p *data.Person) map[string]string {
	out := map[string]string{}
	for _, c := range MemberRegister().Columns {
		out[c.Header] = fmt.Sprint(c.Get(p))
	}
	return out
}

func issuesText(issues []RowIssue) string {
	s := ""
	for _, i := range issues {
		s += i.String() + "\n"
	}
	return s
}
