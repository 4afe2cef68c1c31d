//go:build ci

package dashboard

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
	"partyoffice/data/civil"
	"partyoffice/ui/uitest"
)

func TestTodoCardListsFindingsAndOpensThePerson(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Applicant(t, a, "甲", civil.New(2026, 4, 1)) // D2: no talk after a month
	uitest.Show(a, NewDashboard(a))
	c := a.Window.Canvas()
	uitest.RequireShown(t, c, "逾期（1 项）") // the talk was due a month after the application
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
	// The nine talks are overdue: they are the 逾期 band, eight lines then all.
	lines := func() int {
		n := 0
		for _, o := range uitest.VisibleOnCanvas(c) {
			if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "甲") && len([]rune(l.Text)) == 2 {
				n++
			}
		}
		return n
	}
	if n := lines(); n != urgentBandShown {
		t.Fatalf("%d overdue lines shown at first, want %d", n, urgentBandShown)
	}
	uitest.TapButton(t, c, "查看全部 9 条")
	if n := lines(); n != 9 {
		t.Errorf("%d person lines after 查看全部, want 9", n)
	}
	uitest.RequireShown(t, c, "本支部") // the 优秀青年教师 target: later, in the 待办 card
	uitest.TapButton(t, c, "收起")
	if n := lines(); n != urgentBandShown {
		t.Errorf("%d lines after 收起", n)
	}
}
