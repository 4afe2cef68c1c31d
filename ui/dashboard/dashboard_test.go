//go:build ci

package dashboard

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/ui/uitest"
)

// statTileValue is the big number of the 工作台 tile captioned caption, "" if
// there is no such tile.
func statTileValue(c fyne.Canvas, caption string) string {
	for _, o := range uitest.VisibleOnCanvas(c) {
		card, ok := o.(*widget.Card)
		if !ok {
			continue
		}
		number, captioned := "", false
		for _, inner := range uitest.VisibleObjects(card.Content) {
			switch v := inner.(type) {
			case *canvas.Text:
				if v.TextSize == statNumberSize {
					number = v.Text
				}
			case *widget.Label:
				captioned = captioned || v.Text == caption
			}
		}
		if captioned && number != "" {
			return number
		}
	}
	return ""
}

func TestDashboardCountsTheRegister(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.AddPeople(t, a.Store,
		data.Person{Name: "张三", Stage: data.StageFull, JoinDate: civil.New(2010, 7, 1), FullDate: civil.New(2011, 7, 1)},
		data.Person{Name: "李四", Stage: data.StageFull, JoinDate: civil.New(2012, 7, 1), FullDate: civil.New(2013, 7, 1), Floating: true},
		data.Person{Name: "王五", Stage: data.StageProbationer, JoinDate: civil.New(2025, 7, 1)},
		data.Person{Name: "赵六", Stage: data.StageApplicant},
		data.Person{Name: "钱七", Stage: data.StageFull, Roll: data.RollTransferred}, // left: not counted
	)
	uitest.Show(a, NewDashboard(a))
	c := a.Window.Canvas()
	for caption, want := range map[string]string{
		"党员总数": "3", "正式党员": "2", "预备党员": "1", "入党申请人": "1", "流动党员": "1",
		"入党积极分子": "", "发展对象": "", "失联党员": "", "停止党籍": "",
	} {
		if got := statTileValue(c, caption); got != want {
			t.Errorf("tile %s = %q, want %q", caption, got, want)
		}
	}
}

func TestDashboardListsProbationEndsAndOverdueInRed(t *testing.T) {
	a := uitest.NewApp(t) // today is 2026-06-15
	uitest.AddPeople(t, a.Store,
		data.Person{Name: "王五", Stage: data.StageProbationer, JoinDate: civil.New(2025, 7, 1)},
		data.Person{Name: "孙八", Stage: data.StageProbationer, JoinDate: civil.New(2025, 5, 1)},
		data.Person{Name: "周九", Stage: data.StageProbationer, JoinDate: civil.New(2026, 1, 1)}, // ends 2027
	)
	uitest.Show(a, NewDashboard(a))
	c := a.Window.Canvas()
	uitest.FindLabel(t, c, "王五")
	uitest.FindLabel(t, c, "期满 2026-07-01")
	uitest.FindLabel(t, c, "还有 16 天")
	uitest.FindLabel(t, c, "孙八")
	if l := uitest.FindLabel(t, c, "已超期 45 天"); l.Importance != widget.DangerImportance {
		t.Error("an overdue 预备期 is not shown in red")
	}
	if uitest.HasText(c, "周九") {
		t.Error("a 预备期 ending next year is listed")
	}
}

func TestDashboardCountsGroupsAndShowsRecentChanges(t *testing.T) {
	a := uitest.NewApp(t)
	g := data.PartyGroup{Name: "语文组党小组"}
	if err := a.Store.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	uitest.AddPeople(t, a.Store,
		data.Person{Name: "张三", Stage: data.StageFull, GroupID: &g.ID},
		data.Person{Name: "李四", Stage: data.StageFull},
		data.Person{Name: "王五", Stage: data.StageFull},
	)
	uitest.Show(a, NewDashboard(a))
	c := a.Window.Canvas()
	uitest.FindLabel(t, c, "语文组党小组")
	uitest.FindLabel(t, c, "1 人")
	uitest.FindLabel(t, c, "未分组")
	uitest.FindLabel(t, c, "2 人")
	uitest.FindLabel(t, c, "新增王五")
	uitest.FindLabel(t, c, "新增党小组语文组党小组")
}

func TestDashboardReloadsOnChange(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Show(a, NewDashboard(a))
	c := a.Window.Canvas()
	uitest.RequireText(t, c, "还没有党员")
	if got := statTileValue(c, "党员总数"); got != "0" {
		t.Fatalf("党员总数 = %q on an empty store", got)
	}
	uitest.AddPeople(t, a.Store, data.Person{Name: "张三", Stage: data.StageFull})
	a.NotifyChanged()
	if got := statTileValue(c, "党员总数"); got != "1" {
		t.Errorf("after a change 党员总数 = %q, want 1", got)
	}
}

func TestDaysLeftLabel(t *testing.T) {
	for _, tc := range []struct {
		Days int
		Text string
		imp  widget.Importance
	}{
		{3, "还有 3 天", widget.MediumImportance},
		{0, "今天期满", widget.WarningImportance},
		{-2, "已超期 2 天", widget.DangerImportance},
	} {
		l := daysLeftLabel(tc.Days)
		if l.Text != tc.Text || l.Importance != tc.imp {
			t.Errorf("daysLeftLabel(%d) = %q/%v, want %q/%v", tc.Days, l.Text, l.Importance, tc.Text, tc.imp)
		}
	}
}
