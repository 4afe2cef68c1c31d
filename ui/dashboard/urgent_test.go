//go:build ci

package dashboard

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

// cardIndex is the position on the 工作台 of the card whose title starts with title, -1 if none.
func cardIndex(d fyne.CanvasObject, title string) int {
	for i, o := range uitest.VisibleObjects(d) {
		if c, ok := o.(*widget.Card); ok && strings.HasPrefix(c.Title, title) {
			return i
		}
	}
	return -1
}

func TestDashboardPutsOverdueFirstThenThisMonthThenNumbers(t *testing.T) {
	a := uitest.NewApp(t) // today is 2026-06-15
	uitest.AddPeople(t, a.Store,
		data.Person{Name: "孙八", Stage: data.StageProbationer, JoinDate: civil.New(2025, 5, 1)},  // ended 2026-05-01
		data.Person{Name: "王五", Stage: data.StageProbationer, JoinDate: civil.New(2025, 6, 30)}, // ends 2026-06-30
	)
	d := NewDashboard(a)
	uitest.Show(a, d)
	c := a.Window.Canvas()
	late, month := cardIndex(d, "逾期（"), cardIndex(d, "本月要做（")
	numbers := -1
	for i, o := range uitest.VisibleObjects(d) {
		if l, ok := o.(*widget.Label); ok && l.Text == "党员总数" && numbers < 0 {
			numbers = i
		}
	}
	if late < 0 || month < 0 || numbers < 0 || !(late < month && month < numbers) {
		t.Fatalf("order: 逾期 at %d, 本月要做 at %d, numbers at %d; want 逾期 < 本月要做 < numbers", late, month, numbers)
	}
	tag := uitest.FindLabel(t, c, "● 逾期")
	if tag.Importance != widget.DangerImportance {
		t.Error("the 逾期 tag is not red")
	}
	uitest.RequireShown(t, c, "还没有召开支部大会讨论转正") // 孙八, from the 发展党员 rules
	// Below the numbers, the charts: 年龄 and 学历 as the 党内统计 counts them.
	for _, heading := range []string{"党员结构", "年龄", "学历", "三会一课完成情况"} {
		uitest.RequireShown(t, c, heading)
	}
}

func TestEmptyBranchSaysTheFirstStepEverywhere(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Show(a, NewDashboard(a))
	c := a.Window.Canvas()
	uitest.RequireShown(t, c, "从这里开始")
	if uitest.HasTextContaining(c, "设置中没有需要按期召开的会议") || uitest.HasTextContaining(c, "已完成") {
		t.Error("an empty branch is told its meetings are not required or done")
	}
	n := 0
	for _, s := range uitest.ShownTexts(c) {
		if s == core.NoMembersYet {
			n++
		}
	}
	if n == 0 {
		t.Error("the first step is not said")
	}
}
