//go:build ci

package settings

import (
	"slices"
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/ui/uitest"
)

func TestAuditLogListsFiltersAndExplains(t *testing.T) {
	a := uitest.NewApp(t)
	p := &data.Person{Name: "张三", Stage: data.StageFull, Mobile: "13800001111"}
	if err := a.Store.CreatePerson(p); err != nil {
		t.Fatal(err)
	}
	a.Store.CreatePerson(&data.Person{Name: "李四", Stage: data.StageFull})
	p.Mobile = "13900002222"
	a.Store.UpdatePerson(p)

	s := newAuditScreen(a)
	uitest.Show(a, s.layout())
	c := a.Window.Canvas()
	uitest.RequireText(t, c, "共 3 条")

	uitest.TypeInto(c, s.Text, "张三")
	uitest.RequireText(t, c, "共 2 条")
	s.action.SetSelected("修改")
	uitest.RequireText(t, c, "共 1 条")
	if r := s.table.Row(0); !strings.Contains(r.Summary, "修改张三") {
		t.Errorf("row %+v", *r)
	}
	s.table.SelectRow(0)
	if !strings.Contains(s.detail.Text, "手机号：13800001111 → 13900002222") {
		t.Errorf("detail:\n%s", s.detail.Text)
	}

	s.from.SetDate(civil.Today().AddDays(1))
	uitest.RequireText(t, c, "没有符合条件的记录")
	uitest.TapButton(t, c, "清除条件")
	uitest.RequireText(t, c, "共 3 条")

	// A change elsewhere shows up.
	a.Store.SaveGroup(&data.PartyGroup{Name: "一组"})
	a.NotifyChanged()
	uitest.RequireText(t, c, "共 4 条")
	if !slices.Contains(s.entity.Options, "党小组") {
		t.Errorf("entity choices %v", s.entity.Options)
	}
}
