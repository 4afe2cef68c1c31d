package data

import (
	"strings"
	"testing"

	"partyoffice/data/civil"
)

func TestPersonIndexMatchesWithoutIDNumberOnlyWhenSafe(t *testing.T) {
	stored := []Person{
		{Model: Model{ID: 1}, Name: "张伟", IDNumber: "11010519491231002X", StaffNo: "T001"},
		{Model: Model{ID: 2}, Name: "张伟", StaffNo: "T002", BirthDate: d("1990-05-01")},
		{Model: Model{ID: 3}, Name: "李娜", BirthDate: d("1985-03-02")},
		{Model: Model{ID: 4}, Name: "王芳"},
		{Model: Model{ID: 5}, Name: "赵敏", StaffNo: "T005"},
	}
	x := NewPersonIndex(stored)
	cases := []struct {
		name    string
		row     Person
		want    uint // matched ID, 0 for new
		by      MatchBy
		problem string // part of the problem, "" for none
	}{
		{"ID number decides", Person{Name: "张伟改", IDNumber: "11010519491231002X"}, 1, MatchIDNumber, ""},
		{"工号 without ID", Person{Name: "张伟", StaffNo: "T002"}, 2, MatchStaffNo, ""},
		{"工号 of someone else", Person{Name: "李娜", StaffNo: "T002"}, 0, "", "已属于“张伟”"},
		{"new ID but 工号 taken by another ID", Person{Name: "张伟", IDNumber: "440524188001010014", StaffNo: "T001"}, 0, "", "身份证号不同"},
		{"name and full birth date", Person{Name: "李娜", BirthDate: d("1985-03-02")}, 3, MatchNameBirth, ""},
		{"same name, other birth date: a new person", Person{Name: "李娜", BirthDate: d("1986-03-02")}, 0, "", ""},
		{"same name, nothing to tell apart", Person{Name: "王芳"}, 0, "", "同名"},
		{"same name, birth month only", Person{Name: "李娜", BirthDate: civil.Date{Year: 1985, Month: 3}}, 0, "", "同名"},
		{"two 张伟, 工号 tells them apart", Person{Name: "张伟", StaffNo: "T009"}, 0, "", ""},
		{"unknown name", Person{Name: "钱六"}, 0, "", ""},
		{"ID number for someone stored by 工号 only", Person{Name: "赵敏", IDNumber: "440524188001010014", StaffNo: "T005"}, 5, MatchStaffNo, ""},
	}
	for _, c := range cases {
		m := x.Match(&c.row)
		got := uint(0)
		if m.Person != nil {
			got = m.Person.ID
		}
		if got != c.want || m.By != c.by || (c.problem == "") != (m.Problem == "") || !strings.Contains(m.Problem, c.problem) {
			t.Errorf("%s: got person %d by %q problem %q", c.name, got, m.By, m.Problem)
		}
		if m.By == MatchNameBirth && m.Note == "" {
			t.Errorf("%s: a match by name and birth date must say so", c.name)
		}
	}
}

func TestImportPeopleWithoutIDNumberUsesStaffNo(t *testing.T) {
	s := openTemp(t)
	rows := []Person{{Name: "张伟", StaffNo: "T001", Stage: StageFull}, {Name: "李娜", StaffNo: "T002", Stage: StageFull}}
	if res, err := s.ImportPeople(rows, ImportSkipExisting, "a.xlsx"); err != nil || res.Imported != 2 {
		t.Fatalf("first import: %+v %v", res, err)
	}
	rows[0].IDNumber, rows[0].Mobile = "", "13800138000"
	res, err := s.ImportPeople(rows, ImportUpdateExisting, "a.xlsx")
	if err != nil || res.Updated != 2 || res.Imported != 0 {
		t.Fatalf("second import must update by 工号, not duplicate: %+v %v", res, err)
	}
	// A third person of the same name and no identifier is refused, not merged.
	if _, err := s.ImportPeople([]Person{{Name: "张伟"}}, ImportSkipExisting, "b.xlsx"); err == nil {
		t.Fatal("a same-name row without ID, 工号 or birth date was imported")
	}
	if n, _ := s.CountPeople(); n != 2 {
		t.Fatalf("people: %d, want 2", n)
	}
	p, _ := s.Person(1)
	if p.Mobile != "13800138000" || p.StaffNo != "T001" {
		t.Fatalf("update lost or kept wrong fields: %+v", p)
	}
}

// A database written before 工号 existed gains the column on open, its
// people intact.
func TestStaffNoColumnIsAddedToAnOlderDatabase(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreatePerson(member("旧人", "11010519491231002X")); err != nil {
		t.Fatal(err)
	}
	for _, sql := range []string{"DROP INDEX idx_people_staff_no", "ALTER TABLE people DROP COLUMN staff_no"} {
		if err := s.db.Exec(sql).Error; err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	if s.db.Migrator().HasColumn(&Person{}, "StaffNo") {
		t.Fatal("the older database still has the column")
	}
	s.Close()
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.db.Migrator().HasColumn(&Person{}, "StaffNo") {
		t.Fatal("the column was not added on open")
	}
	p, found, err := s.PersonByIDNumber("11010519491231002X")
	if err != nil || !found || p.Name != "旧人" || p.JoinDate != d("2010-07-01") {
		t.Fatalf("person after migration: %+v %v %v", p, found, err)
	}
	p.StaffNo = "T001"
	if err := s.UpdatePerson(&p); err != nil {
		t.Fatal(err)
	}
}
