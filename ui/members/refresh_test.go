//go:build ci

package members

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
	"partyoffice/ui/widgets"
)

// shownCellTexts are the texts of the table cells drawn on the canvas now.
func shownCellTexts(c fyne.Canvas) map[string]bool {
	out := map[string]bool{}
	for _, o := range uitest.VisibleOnCanvas(c) {
		if cell, ok := o.(*widgets.SelectableCell); ok && cell.Label.Text != "" {
			out[cell.Label.Text] = true
		}
	}
	return out
}

func TestTableRefreshAfterScrollSearchSwitch(t *testing.T) {
	a := uitest.NewApp(t)
	var people []data.Person
	for i := range 40 {
		p := uitest.FullMember(fmt.Sprintf("成员%02d", i), uitest.ValidID("110101", "19800101", fmt.Sprintf("%03d", 100+i)), civil.New(2005, 3, 1))
		p.Mobile = fmt.Sprintf("139%08d", i)
		people = append(people, p)
	}
	uitest.StoreMembers(t, a, people...)
	var s *membersScreen
	m := core.NewMainContent(a, []core.Screen{
		{Title: "工作台", Icon: theme.IconNameHome, Build: func(*core.App) fyne.CanvasObject { return widget.NewLabel("工作台") }},
		{Title: "党员名册", Icon: theme.IconNameAccount, Build: func(a *core.App) fyne.CanvasObject {
			s = newMembersScreen(a)
			return s.Content
		}},
	})
	uitest.Show(a, m.Object())
	m.Nav.Select(1)
	c := a.Window.Canvas()

	tb := s.table.Widget().(interface {
		ScrollToTrailing()
		ScrollToBottom()
	})
	tb.ScrollToTrailing() // far right, where 身份证号 and 手机号 are
	tb.ScrollToBottom()
	uitest.TypeIn(c, s.search, "成员3")
	m.Nav.Select(0)
	m.Nav.Select(1)

	got := shownCellTexts(c)
	if !got["成员30"] || !got["13900000030"] || !got["13900000035"] {
		t.Errorf("after scroll, search and switching back the 手机号 cells are blank; drawn: %v", got)
	}
}
