//go:build ci

package dashboard

import (
	"testing"

	"partyoffice/data/civil"
	"partyoffice/ui/uitest"
	"partyoffice/ui/widgets"
)

func TestTodoCardListsFindingsAndOpensThePerson(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Applicant(t, a, "甲", civil.New(2026, 4, 1)) // D2: no talk after a month
	uitest.Show(a, NewDashboard(a))
	c := a.Window.Canvas()
	uitest.RequireShown(t, c, "待办（发展党员）")
	uitest.RequireShown(t, c, "已超过一个月，还没有登记党组织派人谈话")

	uitest.TapCard(t, c, "甲")
	uitest.RequireShown(t, c, "发展党员记录：甲")
	uitest.RequireShown(t, c, "已超过一个月，还没有登记党组织派人谈话") // beside step 2 of the record
}

func TestTodoCardShowsEightThenAll(t *testing.T) {
	a := uitest.NewApp(t)
	for _, name := range []string{"一", "二", "三", "四", "五", "六", "七", "八", "九"} {
		uitest.Applicant(t, a, "甲"+name, civil.New(2026, 4, 1))
	}
	uitest.Show(a, NewDashboard(a))
	c := a.Window.Canvas()
	lines := func() int {
		n := 0
		for _, o := range uitest.VisibleOnCanvas(c) {
			if _, ok := o.(*widgets.TapArea); ok {
				n++
			}
		}
		return n
	}
	if n := lines(); n != todoShown {
		t.Fatalf("%d 待办 lines shown at first, want %d", n, todoShown)
	}
	uitest.TapButton(t, c, "查看全部 10 条") // nine talks and the branch's 优秀青年教师 target
	if n := lines(); n != 9 {
		t.Errorf("%d person lines after 查看全部, want 9", n)
	}
	uitest.RequireShown(t, c, "本支部")
	uitest.TapButton(t, c, "收起")
	if n := lines(); n != todoShown {
		t.Errorf("%d lines after 收起", n)
	}
}
