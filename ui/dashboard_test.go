//go:build ci

package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// addPeople stores people and fails the test on error.
func addPeople(t *testing.T, s *data.Store, people ...data.Person) {
	t.Helper()
	for i := range people {
		if err := s.CreatePerson(&people[i]); err != nil {
			t.Fatalf("create %s: %v", people[i].Name, err)
		}
	}
}

// statTileValue is the big number of the 工作台 tile captioned caption, "" if
// there is no such tile.
func statTileValue(c fyne.Canvas, caption string) string {
	for _, o := range visibleOnCanvas(c) {
		card, ok := o.(*widget.Card)
		if !ok {
			continue
		}
		number, captioned := "", false
		for _, inner := range visibleObjects(card.Content) {
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
	a := newTestUIApp(t)
	addPeople(t, a.Store,
		data.Person{Name: "张三", Stage: data.StageFull, JoinDate: civil.New(2010, 7, 1), FullDate: civil.New(2011, 7, 1)},
		data.Person{Name: "李四", Stage: data.StageFull, JoinDate: civil.New(2012, 7, 1), FullDate: civil.New(2013, 7, 1), Floating: true},
		data.Person{Name: "王五", Stage: data.StageProbationer, JoinDate: civil.New(2025, 7, 1)},
		data.Person{Name: "赵六", Stage: data.StageApplicant},
		data.Person{Name: "钱七", Stage: data.StageFull, Roll: data.RollTransferred}, // left: not counted
	)
	showInWindow(a, NewDashboard(a))
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
	a := newTestUIApp(t) // today is 2026-06-15
	addPeople(t, a.Store,
		data.Person{Name: "王五", Stage: data.StageProbationer, JoinDate: civil.New(2025, 7, 1)},
		data.Person{Name: "孙八", Stage: data.StageProbationer, JoinDate: civil.New(2025, 5, 1)},
		data.Person{Name: "周九", Stage: data.StageProbationer, JoinDate: civil.New(2026, 1, 1)}, // ends 2027
	)
	showInWindow(a, NewDashboard(a))
	c := a.Window.Canvas()
	findLabel(t, c, "王五")
	findLabel(t, c, "期满 2026-07-01")
	findLabel(t, c, "还有 16 天")
	findLabel(t, c, "孙八")
	if l := findLabel(t, c, "已超期 45 天"); l.Importance != widget.DangerImportance {
		t.Error("an overdue 预备期 is not shown in red")
	}
	if hasText(c, "周九") {
		t.Error("a 预备期 ending next year is listed")
	}
}

func TestDashboardCountsGroupsAndShowsRecentChanges(t *testing.T) {
	a := newTestUIApp(t)
	g := data.PartyGroup{Name: "语文组党小组"}
	if err := a.Store.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	addPeople(t, a.Store,
		data.Person{Name: "张三", Stage: data.StageFull, GroupID: &g.ID},
		data.Person{Name: "李四", Stage: data.StageFull},
		data.Person{Name: "王五", Stage: data.StageFull},
	)
	showInWindow(a, NewDashboard(a))
	c := a.Window.Canvas()
	findLabel(t, c, "语文组党小组")
	findLabel(t, c, "1 人")
	findLabel(t, c, "未分组")
	findLabel(t, c, "2 人")
	findLabel(t, c, "新增王五")
	findLabel(t, c, "新增党小组语文组党小组")
}

func TestDashboardReloadsOnChange(t *testing.T) {
	a := newTestUIApp(t)
	showInWindow(a, NewDashboard(a))
	c := a.Window.Canvas()
	requireText(t, c, "还没有党员")
	if got := statTileValue(c, "党员总数"); got != "0" {
		t.Fatalf("党员总数 = %q on an empty store", got)
	}
	addPeople(t, a.Store, data.Person{Name: "张三", Stage: data.StageFull})
	a.NotifyChanged()
	if got := statTileValue(c, "党员总数"); got != "1" {
		t.Errorf("after a change 党员总数 = %q, want 1", got)
	}
}

func TestDaysLeftLabel(t *testing.T) {
	for _, tc := range []struct {
		days int
		text string
		imp  widget.Importance
	}{
		{3, "还有 3 天", widget.MediumImportance},
		{0, "今天期满", widget.WarningImportance},
		{-2, "已超期 2 天", widget.DangerImportance},
	} {
		l := daysLeftLabel(tc.days)
		if l.Text != tc.text || l.Importance != tc.imp {
			t.Errorf("daysLeftLabel(%d) = %q/%v, want %q/%v", tc.days, l.Text, l.Importance, tc.text, tc.imp)
		}
	}
}
