package data

import (
	"strings"
	"testing"
)

func TestAuditNamesTheOperatorNotTheLogin(t *testing.T) {
	s := openTemp(t)
	if err := s.SetOperator("组织委员 张静"); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	if err := s.CreatePerson(member("李四", "")); err != nil {
		t.Fatal(err)
	}
	var last AuditEntry
	s.db.Order("id desc").First(&last)
	if last.Actor != "组织委员 张静" {
		t.Errorf("audit actor %q", last.Actor)
	}
}

func TestPurgeRedactsThePersonFromTheAuditLog(t *testing.T) {
	s := openTemp(t)
	p := member("王秘密", "11010519491231002X")
	p.Mobile, p.Address = "13912345678", "幸福路8号"
	if err := s.CreatePerson(p); err != nil {
		t.Fatal(err)
	}
	other := member("赵留下", "440524188001010014")
	if err := s.CreatePerson(other); err != nil {
		t.Fatal(err)
	}
	p.Phone = "0951-7654321"
	if err := s.UpdatePerson(p); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePerson(p.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.PurgePerson(p.ID); err != nil {
		t.Fatal(err)
	}
	var all []AuditEntry
	s.db.Order("id").Find(&all)
	kinds := []string{}
	for _, e := range all {
		text := e.Summary + e.Before + e.After
		for _, secret := range []string{"王秘密", "11010519491231002X", "13912345678", "幸福路", "7654321"} {
			if strings.Contains(text, secret) {
				t.Errorf("entry %d (%s) still holds %s", e.ID, e.Action, secret)
			}
		}
		if e.EntityID == p.ID && e.Entity == entityPerson {
			kinds = append(kinds, e.Action)
		}
	}
	if got := strings.Join(kinds, ","); got != "新增,修改,删除,彻底删除" {
		t.Errorf("kinds kept: %s", got)
	}
	if !strings.Contains(auditText(all), "赵留下") {
		t.Error("the other person's entries were redacted too")
	}
}

func auditText(all []AuditEntry) string {
	var b strings.Builder
	for _, e := range all {
		b.WriteString(e.Summary + e.Before + e.After)
	}
	return b.String()
}
