//go:build ci

package settings

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"partyoffice/data"
	"partyoffice/data/handover"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
	"partyoffice/ui/widgets"
)

func init() {
	// Packages made in tests need not resist password guessing.
	handover.DefaultKDF = handover.KDFParams{Time: 1, Memory: 1 << 10, Threads: 1}
}

// packageFrom makes a 移交包 of a second store with two members.
func packageFrom(t *testing.T, password string) string {
	t.Helper()
	src := uitest.OpenStore(t)
	src.SaveBranch(data.Branch{Name: "移交小学党支部"})
	src.CreatePerson(&data.Person{Name: "甲", Stage: data.StageFull})
	src.CreatePerson(&data.Person{Name: "乙", Stage: data.StageFull})
	path := filepath.Join(t.TempDir(), "移交包.poh")
	if _, err := src.MakeHandover(path, data.HandoverOptions{Password: password}); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMakeHandoverChecksThePasswords(t *testing.T) {
	a := uitest.NewApp(t)
	ShowMakeHandover(a)
	c := a.Window.Canvas()
	uitest.FillField(t, c, "密码", "换届交接密码2026")
	uitest.FillField(t, c, "确认密码", "换届交接密吗2026")
	uitest.TapButton(t, c, "选择保存位置…")
	uitest.RequireText(t, c, "两次输入的密码不一样")
	uitest.FillField(t, c, "密码", "短")
	uitest.FillField(t, c, "确认密码", "短")
	uitest.TapButton(t, c, "选择保存位置…")
	uitest.RequireText(t, c, "至少")
}

func TestHandoverMadeOffersTheList(t *testing.T) {
	a := uitest.NewApp(t)
	a.Store.SaveBranch(data.Branch{Name: "实验小学党支部"})
	path := filepath.Join(t.TempDir(), "p.poh")
	m, err := a.Store.MakeHandover(path, data.HandoverOptions{Password: "换届交接密码2026"})
	if err != nil {
		t.Fatal(err)
	}
	showHandoverMade(a, path, m, true)
	c := a.Window.Canvas()
	uitest.RequireText(t, c, "已设密码")
	uitest.FindButton(t, c, "导出移交清单…")
	if got := handoverFileName(a, handoverExt); got != "实验小学党支部移交包_"+uitest.Today.String()+".poh" {
		t.Errorf("suggested name %q", got)
	}
}

func TestReceiveShowsWhatArrivesAndCancelChangesNothing(t *testing.T) {
	a := uitest.NewApp(t)
	a.Store.CreatePerson(&data.Person{Name: "本机的人", Stage: data.StageFull})
	in, err := data.OpenIncoming(a.Store.Dir(), packageFrom(t, ""), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	confirmReceive(a, in, func() { t.Error("cancel must not finish") })
	c := a.Window.Canvas()
	uitest.RequireText(t, c, "移交小学党支部")
	uitest.RequireText(t, c, "党员名册·正式党员：2")
	uitest.RequireText(t, c, "校验值核对无误")
	uitest.RequireText(t, c, data.LabelBeforeReceive)
	uitest.TapButton(t, c, "取消")
	if n, _ := a.Store.CountPeople(); n != 1 {
		t.Errorf("cancelled receive changed the store: %d people", n)
	}
	if left, _ := filepath.Glob(filepath.Join(a.Store.Dir(), ".work-*")); len(left) != 0 {
		t.Errorf("unpacked files left after cancel: %v", left)
	}
}

func TestPackagePasswordIsAskedAgainWhenWrong(t *testing.T) {
	a := uitest.NewApp(t)
	askPackagePassword(a, packageFrom(t, "对的密码1234567"), "密码不正确，请核对后重新输入", nil)
	c := a.Window.Canvas()
	uitest.RequireText(t, c, "移交包设有密码")
	uitest.RequireText(t, c, "密码不正确")
	uitest.FieldInput(t, c, "密码")
}

func TestSettingsOffersHandover(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Show(a, NewSettingsScreen(a))
	c := a.Window.Canvas()
	uitest.SelectTab(t, c, "数据与备份")
	for _, b := range []string{"制作移交包…", "导出工作移交清单…", "接收移交包…"} {
		uitest.FindButton(t, c, b)
	}
	test.Tap(uitest.FindButton(t, c, "制作移交包…"))
	uitest.RequireText(t, c, "给移交包设置密码")
}

func TestSaveNameGetsThePackageExtension(t *testing.T) {
	dir := t.TempDir()
	bare := filepath.Join(dir, "移交包")
	os.WriteFile(bare, nil, 0o644) // the save dialog creates the file it was given
	if got := core.AddMissingExtension(bare, handoverExt); got != bare+handoverExt {
		t.Errorf("got %s", got)
	}
	if _, err := os.Stat(bare); err == nil {
		t.Error("the empty file under the bare name was left")
	}
	if got := core.AddMissingExtension(filepath.Join(dir, "a.POH"), handoverExt); got != filepath.Join(dir, "a.POH") {
		t.Errorf("the right extension in other case was doubled: %s", got)
	}
	if got := core.AddMissingExtension(filepath.Join(dir, "2026.6移交"), handoverExt); filepath.Ext(got) != handoverExt {
		t.Errorf("a dot inside the name hid the missing extension: %s", got)
	}
}

// 生成密码 fills both fields with a passphrase of the required length and
// shows it once to write down; typing another password hides it.
func TestMakeHandoverOffersAGeneratedPassword(t *testing.T) {
	a := uitest.NewApp(t)
	ShowMakeHandover(a)
	c := a.Window.Canvas()
	uitest.TapButton(t, c, "生成密码")
	entry := func(label string) string { return uitest.FieldInput(t, c, label).(*widgets.FormEntry).Text }
	pw := entry("密码")
	if len([]rune(pw)) < data.MinHandoverPasswordLength || entry("确认密码") != pw {
		t.Fatalf("generated password %q (confirm %q)", pw, entry("确认密码"))
	}
	uitest.RequireText(t, c, "密码："+pw)
	uitest.FillField(t, c, "密码", "另一个密码")
	if uitest.HasTextContaining(c, "密码："+pw) {
		t.Error("the generated password is still shown after typing another")
	}
}
