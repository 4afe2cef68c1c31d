//go:build ci

package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"partyoffice/data"
)

func TestMainContentListsTheBuiltScreensOnly(t *testing.T) {
	a := newTestUIApp(t)
	showInWindow(a, NewMainContent(a))
	c := a.Window.Canvas()
	for _, e := range navEntries {
		findLabel(t, c, e.Title)
	}
	if len(navEntries) < 4 || navEntries[0].Title != "工作台" || navEntries[len(navEntries)-1].Title != "设置与数据" {
		t.Errorf("navigation should run from 工作台 to 设置与数据: %+v", navEntries)
	}
	for _, e := range navEntries {
		for _, notYet := range []string{"党费", "台账", "报表"} {
			if e.Title == notYet {
				t.Errorf("the navigation lists %q, which is not built yet", notYet)
			}
		}
	}
	requireText(t, c, "党员总数") // it opens on 工作台
}

func TestMainContentBuildsEachScreenOnceAndKeepsIt(t *testing.T) {
	a := newTestUIApp(t)
	m := newMainContent(a)
	showInWindow(a, m.object())

	m.nav.Select(navIndex(t, "党员名册"))
	members := m.screens[navIndex(t, "党员名册")]
	if members == nil || len(m.content.Objects) != 1 || m.content.Objects[0] != members {
		t.Fatalf("selecting 党员名册 did not show its screen")
	}
	if hasTextContaining(a.Window.Canvas(), "党员总数") {
		t.Error("the 工作台 is still shown after selecting 党员名册")
	}
	m.nav.Select(navIndex(t, "工作台"))
	m.nav.Select(navIndex(t, "党员名册"))
	if m.content.Objects[0] != members {
		t.Error("党员名册 was built again instead of being kept")
	}
}

func navIndex(t *testing.T, title string) int {
	t.Helper()
	for i, e := range navEntries {
		if e.Title == title {
			return i
		}
	}
	t.Fatalf("no navigation entry %q", title)
	return -1
}

func TestShowMainWindowStartsWithTheWizardOnlyWithoutBranchName(t *testing.T) {
	UseChinese()
	app := test.NewTempApp(t)
	app.Settings().SetTheme(Theme{})

	empty := openTestStore(t)
	w := ShowMainWindow(app, empty)
	defer w.Close()
	if w.Title() != "党支部工作台" {
		t.Errorf("title = %q", w.Title())
	}
	requireText(t, w.Canvas(), "欢迎使用党支部工作台")

	named := openTestStore(t)
	if err := named.SaveBranch(data.Branch{Name: "实验小学党支部"}); err != nil {
		t.Fatal(err)
	}
	w2 := ShowMainWindow(app, named)
	defer w2.Close()
	if hasTextContaining(w2.Canvas(), "欢迎使用党支部工作台") {
		t.Error("the wizard shows although the branch has a name")
	}
	requireText(t, w2.Canvas(), "实验小学党支部")
	if w2.MainMenu() == nil || len(w2.MainMenu().Items) != 2 {
		t.Fatalf("main menu = %v, want 文件 and 帮助", w2.MainMenu())
	}
}

func TestMainMenuItems(t *testing.T) {
	a := newTestUIApp(t)
	menu := newMainMenu(a)
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
	a := newTestUIApp(t)
	showInWindow(a, NewMainContent(a))
	showAbout(a)
	c := a.Window.Canvas()
	requireText(t, c, data.AppVersion)
	requireText(t, c, a.Store.Dir())
	requireText(t, c, "OFL")
}
