//go:build ci

package settings

import (
	"testing"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/pgtest"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

// firstRunWindow sets up a's window as the program does on a new data
// folder, with openServer as the window's way onto a server.
func firstRunWindow(a *core.App, openServer func(dsn string) error) {
	core.SetUpMainWindow(a, core.Shell{FirstRun: ShowFirstRunWizard, OpenServer: openServer})
	uitest.Show(a, a.Window.Content())
}

// The wizard's first question is where the data lives; 本机文件 goes on to
// the branch's questions as before.
func TestWizardAsksWhereTheDataLivesFirst(t *testing.T) {
	a := uitest.NewApp(t)
	firstRunWindow(a, func(string) error { t.Fatal("opened a server"); return nil })
	c := a.Window.Canvas()
	uitest.RequireText(t, c, "第一步：选择数据放在哪里")
	uitest.TapButton(t, c, "本机文件（默认，推荐）")
	uitest.RequireText(t, c, "第二步：填写本支部的基本信息")
	if saved, _ := data.ServerChoice(a.Store.Dir()); saved != "" {
		t.Fatalf("本机文件 saved a server: %q", saved)
	}
}

// 服务器: the form is tested and saved, then the window moves onto it.
func TestWizardServerChoiceSavesAndOpens(t *testing.T) {
	a := uitest.NewApp(t)
	synchronously(t, func(string) error { return nil })
	var opened string
	firstRunWindow(a, func(dsn string) error { opened = dsn; return nil })
	c := a.Window.Canvas()
	uitest.TapButton(t, c, "服务器")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "服务器地址"), "10.0.0.5")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "数据库"), "party")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "登录名"), "li_ming")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "密码"), "pw-li")
	uitest.TapButton(t, c, "测试连接并使用这个服务器")
	addr, err := data.ParseServerAddress(opened)
	if err != nil || addr.Host != "10.0.0.5" || addr.User != "li_ming" || addr.Password != "pw-li" || addr.SSLMode != "prefer" {
		t.Fatalf("opened %q (%v)", opened, err)
	}
	if saved, _ := data.ServerChoice(a.Store.Dir()); saved != opened {
		t.Fatalf("saved %q; want the opened %q", saved, opened)
	}
}

// On a real server whose branch has no 支部信息 yet, the window that the
// wizard moves onto goes on with the branch's questions, saved on the server.
func TestWizardContinuesOnTheServer(t *testing.T) {
	dsn := pgtest.Database(t)
	synchronously(t, data.TestServer)
	local := uitest.NewApp(t)
	var onServer *core.App
	firstRunWindow(local, func(dsn string) error {
		s, err := data.OpenServer(dsn, local.Store.Dir())
		if err != nil {
			return err
		}
		t.Cleanup(func() { s.Close() })
		onServer = uitest.NewAppOn(t, s)
		firstRunWindow(onServer, nil)
		return nil
	})
	c := local.Window.Canvas()
	uitest.TapButton(t, c, "服务器")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "或连接串"), dsn)
	uitest.TapButton(t, c, "测试连接并使用这个服务器")
	if onServer == nil {
		t.Fatalf("not moved onto the server: %v", uitest.ShownTexts(c))
	}
	sc := onServer.Window.Canvas()
	uitest.RequireText(t, sc, "第一步：填写本支部的基本信息")
	uitest.TypeInto(sc, uitest.FindFormEntry(t, sc, "支部名称"), "实验小学党支部")
	uitest.TapButton(t, sc, "下一步")
	if b, _ := datatest.ServerStoreOn(t, dsn).Branch(); b.Name != "实验小学党支部" {
		t.Fatalf("the server's branch is %q", b.Name)
	}
}
