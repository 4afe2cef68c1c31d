package data

import (
	"strings"
	"testing"
)

// FuzzImportPeople imports rows made of arbitrary text: the store takes
// them all or refuses them all, counts what it did truthfully, audits every
// new row and stays sound.
func FuzzImportPeople(f *testing.F) {
	f.Add("张三", "11010519491231002X", "第一党小组", "备注")
	f.Add("", "", "", "")
	f.Add("O'Brien; DROP TABLE people;--", "=1+1", "小组\x00", strings.Repeat("长", 3000))
	s, err := Open(f.TempDir())
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	f.Fuzz(func(t *testing.T, name, id, group, remark string) {
		rows := []Person{{Name: name, IDNumber: id, GroupName: group, Remark: remark},
			{Name: name + "2", IDNumber: id, GroupName: group}}
		before, _ := s.CountPeople()
		audits, _, _ := s.SearchAudit(AuditQuery{Action: "导入"})
		res, err := s.ImportPeople(rows, ImportSkipExisting, "fuzz.xlsx")
		after, _ := s.CountPeople()
		newAudits, _, _ := s.SearchAudit(AuditQuery{Action: "导入"})
		if err != nil {
			if after != before {
				t.Fatalf("a failed import changed the store: %d → %d", before, after)
			}
			return
		}
		if after-before != int64(res.Imported) || len(newAudits)-len(audits) != res.Imported {
			t.Fatalf("result %+v, people %d → %d, audits %d → %d", res, before, after, len(audits), len(newAudits))
		}
		if res.Imported+res.Skipped != len(rows) {
			t.Fatalf("rows unaccounted for: %+v", res)
		}
	})
}
