//go:build ci

package settings

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/container"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/pgtest"
	"partyoffice/ui/uitest"
)

func settingsTabs(t *testing.T, screen any) []string {
	t.Helper()
	tabs, ok := screen.(*container.AppTabs)
	if !ok {
		t.Fatalf("设置与数据 is a %T", screen)
	}
	var titles []string
	for _, it := range tabs.Items {
		titles = append(titles, it.Text)
	}
	return titles
}

// IT, on the owner's connection, adds a sign-in, re-keys and removes it on
// 设置与数据 → 服务器用户; a SQLite file has no such page.
func TestServerUsersPage(t *testing.T) {
	if titles := settingsTabs(t, NewSettingsScreen(uitest.NewApp(t))); slices.Contains(titles, "服务器用户") {
		t.Fatalf("a data folder's settings show 服务器用户: %v", titles)
	}
	a := uitest.NewAppOn(t, datatest.ServerStore(t))
	screen := NewSettingsScreen(a)
	if !slices.Contains(settingsTabs(t, screen), "服务器用户") {
		t.Fatal("no 服务器用户 page on the owner's connection")
	}
	uitest.Show(a, screen)
	c := a.Window.Canvas()
	uitest.SelectTab(t, c, "服务器用户")
	uitest.RequireText(t, c, "还没有登录用户")

	login := pgtest.Login(t, "yixiao")
	uitest.TapButton(t, c, "新增…")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "登录名"), login)
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "姓名"), "张静")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "支部编号"), "2")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "密码"), "pw-1234")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "再输一次"), "pw-1234")
	uitest.TapButton(t, c, "新增")
	uitest.RequireText(t, c, "已新增登录用户 "+login)
	users, err := a.Store.ServerUsers()
	if err != nil || len(users) != 1 || users[0].Name != "张静" || users[0].BranchID != 2 || users[0].Role != data.RoleBranch {
		t.Fatalf("users %+v, %v", users, err)
	}
	uitest.TapButton(t, c, "好的")
	uitest.RequireText(t, c, login)

	uitest.FindList(t, c, 1).Select(0)
	uitest.TapButton(t, c, "重设密码…")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "新密码"), "pw-5678")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "再输一次"), "pw-different")
	uitest.TapButton(t, c, "重设")
	uitest.RequireText(t, c, "两次输入的密码不一样")
	uitest.TapButton(t, c, "知道了")

	uitest.FindList(t, c, 1).Select(0)
	uitest.TapButton(t, c, "删除")
	uitest.TapButton(t, c, "是")
	uitest.RequireText(t, c, "已删除登录用户 "+login)
	if users, _ := a.Store.ServerUsers(); len(users) != 0 {
		t.Fatalf("after 删除: %+v", users)
	}
}
