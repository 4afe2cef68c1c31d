//go:build ci

package ui

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/demo"
	"partyoffice/data/pgtest"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

// readActions are the buttons a 区管理员 may press: they show, find, export
// or print what is there and change no record. The list is the test's own
// judgement, not core's: a new button that is neither here nor disabled in
// a read-only window fails the test until someone decides which it is.
var readActions = map[string]bool{
	"今年": true, "列": true, "查看": true, "查看全部 7 条": true, "清除条件": true, "放弃修改": true,
	"导出": true, "导出…": true, "导出党内统计表…": true, "导出党员名册…": true, "导出名册": true,
	"导出工作移交清单…": true, "导出操作日志…": true, "检查并预览": true, "选择文件夹…": true, "选择上报材料…": true, "清除列表": true, "选择模板…": true,
	"使用服务器…": true, "改回本机文件": true, // this PC's data location, no record
	"打开数据文件夹": true, "立即备份": true, // a backup copies what the user may read and is not audited
}

// A 区管理员's window: every screen and every tab of it, with the demo
// school loaded, offers no enabled action outside readActions, the banner
// says why, and the 文件 menu's import is off.
func TestReadOnlyWindowOffersNoWrites(t *testing.T) {
	a := uitest.NewApp(t)
	if err := demo.Fill(a.Store, a.Today()); err != nil {
		t.Fatal(err)
	}
	a.SetReadOnly(true)
	core.SetUpMainWindow(a, Shell())
	a.Window.Resize(fyne.NewSize(1200, 760))
	c := a.Window.Canvas()
	uitest.RequireText(t, c, core.ReadOnlyBanner)
	nav := uitest.FindList(t, c, len(Shell().Screens))
	offered := map[string][]string{}
	for i, screen := range Shell().Screens {
		nav.Select(i)
		eachTab(c, func(tab string) {
			a.EnforceReadOnly()
			for _, o := range uitest.VisibleOnCanvas(c) {
				b, ok := o.(*widget.Button)
				if ok && !b.Disabled() && b.Text != "" && !readActions[strings.TrimSpace(b.Text)] {
					where := screen.Title + "/" + tab
					if !slices.Contains(offered[b.Text], where) {
						offered[b.Text] = append(offered[b.Text], where)
					}
				}
			}
		})
	}
	if len(offered) > 0 {
		var lines []string
		for label, where := range offered {
			lines = append(lines, label+" ← "+strings.Join(where, ", "))
		}
		sort.Strings(lines)
		t.Errorf("a read-only window offers %d actions that are not known to only read:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	for _, menu := range a.Window.MainMenu().Items {
		for _, it := range menu.Items {
			if strings.HasPrefix(it.Label, "导入") && !it.Disabled {
				t.Errorf("the 文件 menu offers %s", it.Label)
			}
		}
	}
}

// eachTab calls fn once per tab of the tab bars now shown (one level: the
// screens' tabs), or once when there are none.
func eachTab(c fyne.Canvas, fn func(tab string)) {
	var tabs *container.AppTabs
	for _, o := range uitest.VisibleObjects(c.Content()) {
		if t, ok := o.(*container.AppTabs); ok {
			tabs = t
			break
		}
	}
	if tabs == nil {
		fn("")
		return
	}
	for i, it := range tabs.Items {
		tabs.SelectIndex(i)
		fn(it.Text)
	}
	test.WidgetRenderer(tabs).Refresh()
}

// Signed in to a server, the window's title says who, as what and where;
// the 文件 menu offers 切换用户 and 退出登录; a 区管理员's window is read-only.
func TestSignedInWindowSaysWhoAndOffersSignOut(t *testing.T) {
	dsn := pgtest.Database(t)
	admin := datatest.ServerStoreOn(t, dsn)
	if err := admin.SaveBranch(data.Branch{Name: "一小党支部"}); err != nil {
		t.Fatal(err)
	}
	li, qu := pgtest.Login(t, "li_ming"), pgtest.Login(t, "qu")
	datatest.AddUsers(t, admin,
		data.ServerUser{Login: li, Password: "pw", BranchID: 1, Role: data.RoleBranch, Name: "李明"},
		data.ServerUser{Login: qu, Password: "pw", Role: data.RoleDistrict, Name: "王区"},
	)
	core.UseChinese()
	app := test.NewTempApp(t)
	branch := datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, li, "pw"))
	var forgot []bool
	w := ShowWindowWith(app, branch, Hooks{SignOut: func(forget bool) { forgot = append(forgot, forget) }})
	defer w.Close()
	if !strings.Contains(w.Title(), "李明（支部用户）· 服务器 ") {
		t.Errorf("title %q", w.Title())
	}
	if uitest.HasText(w.Canvas(), core.ReadOnlyBanner) {
		t.Error("a branch user's window says it is read-only")
	}
	for _, label := range []string{"切换用户…", "退出登录"} {
		item := fileMenuItem(w, label)
		if item == nil {
			t.Fatalf("no %s in the 文件 menu", label)
		}
		item.Action()
	}
	if !slices.Equal(forgot, []bool{false, true}) {
		t.Errorf("sign-outs %v; want 切换用户 keeping the password, 退出登录 forgetting it", forgot)
	}

	district := datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, qu, "pw"))
	dw := ShowWindowWith(app, district, Hooks{SignOut: func(bool) {}})
	defer dw.Close()
	if !strings.Contains(dw.Title(), "王区（区管理员）") {
		t.Errorf("title %q", dw.Title())
	}
	uitest.RequireText(t, dw.Canvas(), core.ReadOnlyBanner)
}

func fileMenuItem(w fyne.Window, label string) *fyne.MenuItem {
	for _, it := range w.MainMenu().Items[0].Items {
		if it.Label == label {
			return it
		}
	}
	return nil
}
