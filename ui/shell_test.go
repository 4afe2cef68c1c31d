//go:build ci

package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

func TestMainContentListsTheBuiltScreensOnly(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Show(a, core.NewMainContent(a, Shell().Screens).Object())
	c := a.Window.Canvas()
	for _, e := range Shell().Screens {
		uitest.FindLabel(t, c, e.Title)
	}
	if len(Shell().Screens) < 4 || Shell().Screens[0].Title != "工作台" || Shell().Screens[len(Shell().Screens)-1].Title != "设置与数据" {
		t.Errorf("navigation should run from 工作台 to 设置与数据: %+v", Shell().Screens)
	}
	for _, e := range Shell().Screens {
		if e.Title == "报表" {
			t.Errorf("the navigation lists 报表, which is not built yet")
		}
	}
	if navIndex(t, "三会一课") > navIndex(t, "党费") || navIndex(t, "党费") > navIndex(t, "台账") || navIndex(t, "台账") > navIndex(t, "操作日志") {
		t.Error("党费 and 台账 belong between 三会一课 and 操作日志, in that order")
	}
	uitest.RequireText(t, c, "党员总数") // it opens on 工作台
}

func TestMainContentBuildsEachScreenOnceAndKeepsIt(t *testing.T) {
	a := uitest.NewApp(t)
	m := core.NewMainContent(a, Shell().Screens)
	uitest.Show(a, m.Object())

	m.Nav.Select(navIndex(t, "党员名册"))
	members := m.Screens[navIndex(t, "党员名册")]
	if members == nil || len(m.Content.Objects) != 1 || m.Content.Objects[0] != members {
		t.Fatalf("selecting 党员名册 did not show its screen")
	}
	if uitest.HasTextContaining(a.Window.Canvas(), "党员总数") {
		t.Error("the 工作台 is still shown after selecting 党员名册")
	}
	m.Nav.Select(navIndex(t, "工作台"))
	m.Nav.Select(navIndex(t, "党员名册"))
	if m.Content.Objects[0] != members {
		t.Error("党员名册 was built again instead of being kept")
	}
}

func navIndex(t *testing.T, title string) int {
	t.Helper()
	for i, e := range Shell().Screens {
		if e.Title == title {
			return i
		}
	}
	t.Fatalf("no navigation entry %q", title)
	return -1
}

func TestShowMainWindowStartsWithTheWizardOnlyWithoutBranchName(t *testing.T) {
	core.UseChinese()
	app := test.NewTempApp(t)
	app.Settings().SetTheme(core.Theme{})

	empty := uitest.OpenStore(t)
	w := ShowMainWindow(app, empty)
	defer w.Close()
	if w.Title() != "党支部工作台" {
		t.Errorf("title = %q", w.Title())
	}
	uitest.RequireText(t, w.Canvas(), "欢迎使用党支部工作台")

	named := uitest.OpenStore(t)
	if err := named.SaveBranch(data.Branch{Name: "实验小学党支部"}); err != nil {
		t.Fatal(err)
	}
	w2 := ShowMainWindow(app, named)
	defer w2.Close()
	if uitest.HasTextContaining(w2.Canvas(), "欢迎使用党支部工作台") {
		t.Error("the wizard shows although the branch has a name")
	}
	// The 工作台 reads the store after the first frame (core.App.Background);
	// until then it says so. Its content is tested in ui/dashboard.
	uitest.RequireText(t, w2.Canvas(), "正在读取数据……")
	if w2.MainMenu() == nil || len(w2.MainMenu().Items) != 2 {
		t.Fatalf("main menu = %v, want 文件 and 帮助", w2.MainMenu())
	}
}

func TestMainMenuItems(t *testing.T) {
	a := uitest.NewApp(t)
	menu := core.NewMainMenu(a, Shell())
	var got []string
	for _, m := range menu.Items {
		got = append(got, m.Label)
		for _, item := range m.Items {
			if !item.IsSeparator {
				got = append(got, item.Label)
			}
		}
	}
	want := []string{"文件", "导入党员名册…", "导出党员名册…", "立即备份", "退出", "帮助", "关于"}
	if len(got) != len(want) {
		t.Fatalf("menu = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("menu = %q, want %q", got, want)
		}
	}
}

func TestAboutNamesVersionAndDataFolder(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Show(a, core.NewMainContent(a, Shell().Screens).Object())
	core.ShowAbout(a)
	c := a.Window.Canvas()
	uitest.RequireText(t, c, data.AppVersion)
	uitest.RequireText(t, c, a.Store.Dir())
	uitest.RequireText(t, c, "OFL")
}
