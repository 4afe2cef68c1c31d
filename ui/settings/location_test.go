//go:build ci

package settings

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"partyoffice/data"
	"partyoffice/data/pgtest"
	"partyoffice/ui/uitest"
)

// synchronously runs the connection test on the test's goroutine.
func synchronously(t *testing.T, test func(string) error) {
	defer func(b func(func()), s func(string) error) {
		t.Cleanup(func() { inBackground, testServer = b, s })
	}(inBackground, testServer)
	inBackground = func(f func()) { f() }
	testServer = test
	keyring.MockInit() // never this PC's own keyring
}

func TestLocationSavesATestedServerForNextStart(t *testing.T) {
	a := uitest.NewApp(t)
	var tried string
	synchronously(t, func(dsn string) error { tried = dsn; return nil })
	uitest.Show(a, newLocationCard(a))
	c := a.Window.Canvas()
	uitest.TapButton(t, c, "使用服务器…")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "服务器地址"), "db.school.cn")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "数据库"), "party")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "登录名"), "zhang")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "密码"), "秘密123")
	uitest.TapButton(t, c, "测试连接并保存（下次启动生效）")
	uitest.RequireText(t, c, "连接成功")
	uitest.RequireText(t, c, "现在使用：本机文件（默认）")
	uitest.RequireText(t, c, "下次启动使用：服务器 db.school.cn:5432，数据库 party，用户 zhang")
	if !strings.Contains(tried, "sslmode=prefer") {
		t.Errorf("tested %q: TLS should be preferred by default", tried)
	}
	saved, err := data.ServerChoice(a.Store.Dir())
	if err != nil || saved != tried {
		t.Fatalf("saved %q, %v; want the tested %q", saved, err, tried)
	}
	for _, text := range uitest.ShownTexts(c) {
		if strings.Contains(text, "秘密123") {
			t.Fatalf("password shown: %q", text)
		}
	}
	uitest.TapButton(t, c, "改回本机文件")
	uitest.TapButton(t, c, "是")
	if saved, _ := data.ServerChoice(a.Store.Dir()); saved != "" {
		t.Fatalf("still saved after 改回本机文件: %q", saved)
	}
	uitest.RequireText(t, c, "已改回本机文件")
}

func TestLocationSavesNothingTheServerRefused(t *testing.T) {
	a := uitest.NewApp(t)
	synchronously(t, func(string) error { return errors.New("无法登录数据库服务器：用户名或密码不正确") })
	uitest.Show(a, newLocationCard(a))
	c := a.Window.Canvas()
	uitest.TapButton(t, c, "使用服务器…")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "或连接串"), "postgres://zhang@db.school.cn/party")
	uitest.TapButton(t, c, "测试连接并保存（下次启动生效）")
	uitest.RequireText(t, c, "没有保存：无法登录数据库服务器")
	if saved, _ := data.ServerChoice(a.Store.Dir()); saved != "" {
		t.Fatalf("a refused server was saved: %q", saved)
	}
}

func TestLocationWithoutRememberedPasswordSavesNone(t *testing.T) {
	a := uitest.NewApp(t)
	synchronously(t, func(string) error { return nil })
	uitest.Show(a, newLocationCard(a))
	c := a.Window.Canvas()
	uitest.TapButton(t, c, "使用服务器…")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "或连接串"), "postgres://zhang@db.school.cn:5433/party?sslmode=require")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "密码"), "秘密123")
	uncheckRemember(t, c)
	uitest.TapButton(t, c, "测试连接并保存（下次启动生效）")
	saved, _ := data.ServerChoice(a.Store.Dir())
	if saved != "postgres://zhang@db.school.cn:5433/party?sslmode=require" {
		t.Fatalf("saved %q; want the string without its password", saved)
	}
}

// TestLocationConnectsToARealServer runs the real connection test against
// the throwaway server of make test, and skips without one.
func TestLocationConnectsToARealServer(t *testing.T) {
	dsn := pgtest.Server(t)
	if err := data.TestServer(dsn); err != nil {
		t.Fatalf("test server refused: %v", err)
	}
	if err := data.TestServer("postgres://nobody:wrong@127.0.0.1:1/none?connect_timeout=2"); err == nil {
		t.Fatal("a closed port answered")
	}
}

// uncheckRemember clears 在本机记住密码.
func uncheckRemember(t *testing.T, c fyne.Canvas) {
	t.Helper()
	for _, o := range uitest.VisibleOnCanvas(c) {
		if box, ok := o.(*widget.Check); ok && strings.HasPrefix(box.Text, "在本机记住密码") {
			test.Tap(box)
			if box.Checked {
				t.Fatal("记住密码 still checked")
			}
			return
		}
	}
	t.Fatal("no 在本机记住密码 check box")
}
