//go:build ci

package settings

import (
	"testing"

	"partyoffice/ui/uitest"
)

func TestNetworkShareWarningLetsTheUserGoOnOrQuit(t *testing.T) {
	defer func(f func(string) string, b func(func())) { networkShare, inBackground = f, b }(networkShare, inBackground)
	inBackground = func(f func()) { f() }
	a := uitest.NewApp(t)
	c := a.Window.Canvas()
	quits := 0
	quit := func() { quits++ }

	networkShare = func(string) string { return "" }
	WarnNetworkShare(a.Window, a.Store.Dir(), quit)
	if c.Overlays().Top() != nil {
		t.Fatal("a warning for a folder on a local disk")
	}

	asked := ""
	networkShare = func(dir string) string { asked = dir; return "SMB" }
	WarnNetworkShare(a.Window, a.Store.Dir(), quit)
	if asked != a.Store.Dir() {
		t.Errorf("checked %q, not the data folder", asked)
	}
	if !uitest.TopDialogHasText(c, "数据文件夹在网络共享（SMB）上") {
		t.Fatalf("no warning: %q", uitest.ShownTexts(c))
	}
	uitest.TapButton(t, c, "仍然继续")
	if c.Overlays().Top() != nil || quits != 0 {
		t.Fatalf("仍然继续: dialog still open %v, quit %d times", c.Overlays().Top() != nil, quits)
	}

	WarnNetworkShare(a.Window, a.Store.Dir(), quit)
	uitest.TapButton(t, c, "退出")
	if quits != 1 {
		t.Errorf("退出 quit %d times", quits)
	}
}
