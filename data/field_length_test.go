package data

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestOverlongTextIsRefusedEverywhere(t *testing.T) {
	s := openTemp(t)
	huge := strings.Repeat("长", 2_000_000)
	if err := s.CreatePerson(member(huge, "")); err == nil {
		t.Error("a two-million-character name was saved")
	}
	p := member("张三", "11010519491231002X")
	if err := s.CreatePerson(p); err != nil {
		t.Fatal(err)
	}
	p.Remark = strings.Repeat("备", FieldMaxLen[FieldRemark]+1)
	if err := s.UpdatePerson(p); err == nil || !strings.Contains(err.Error(), FieldRemark) {
		t.Errorf("update with an over-long 备注: %v", err)
	}
	p.Remark = strings.Repeat("备", FieldMaxLen[FieldRemark]) // exactly the maximum is fine
	if err := s.UpdatePerson(p); err != nil {
		t.Errorf("update at the maximum: %v", err)
	}
	if _, err := s.ImportPeople([]Person{*member("李四", ""), {Name: "王五", Address: huge}}, ImportSkipExisting, "t.xlsx"); err == nil {
		t.Error("an import with an over-long address was saved")
	}
	if n := countAll(t, s); n != 1 {
		t.Errorf("%d people stored, want 1 (the import is all or nothing)", n)
	}
	if err := s.db.Create(&Meeting{Agenda: huge}).Error; err == nil {
		t.Error("a meeting with a two-million-character agenda was saved")
	}
	if err := s.db.Create(&DevStep{Step: 1, Note: huge}).Error; err == nil {
		t.Error("a step with a two-million-character note was saved")
	}
}

func TestCheckMemberReportsOverlongFields(t *testing.T) {
	p := member(strings.Repeat("名", 51), "11010519491231002X")
	issues := p.CheckMember(d("2026-12-04"))
	found := false
	for _, i := range issues {
		found = found || (i.Field == FieldName && !i.Warning && strings.Contains(i.Message, "最多 50 字"))
	}
	if !found {
		t.Errorf("issues %v", issues)
	}
}

func countAll(t *testing.T, s *Store) int64 {
	t.Helper()
	var n int64
	if err := s.db.Model(&Person{}).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func TestHandoverPasswordIsLongOrGenerated(t *testing.T) {
	s := openTemp(t)
	pkg := filepath.Join(t.TempDir(), "移交包.poh")
	if _, err := s.MakeHandover(pkg, HandoverOptions{Password: "123456789"}); err == nil {
		t.Error("a nine-character handover password was accepted")
	}
	seen := map[string]bool{}
	for range 20 {
		p := GeneratePassphrase()
		if CheckHandoverPassword(p) != nil || len(p) != 19 || seen[p] {
			t.Fatalf("generated %q", p)
		}
		seen[p] = true
	}
	if _, err := s.MakeHandover(pkg, HandoverOptions{Password: GeneratePassphrase()}); err != nil {
		t.Error(err)
	}
}
