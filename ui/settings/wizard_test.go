//go:build ci

package settings

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

func startWizard(t *testing.T) (*core.App, *int) {
	t.Helper()
	a := uitest.NewApp(t)
	done := 0
	ShowFirstRunWizard(a, func() { done++ })
	return a, &done
}

func TestWizardSavesBranchAndStartsBlank(t *testing.T) {
	a, done := startWizard(t)
	c := a.Window.Canvas()
	uitest.RequireText(t, c, "欢迎使用党支部工作台")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "支部名称"), "实验小学党支部")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "书记"), "李红")
	uitest.TapButton(t, c, "下一步")
	uitest.TapButton(t, c, "从空白开始")

	if *done != 1 {
		t.Errorf("done called %d times, want once", *done)
	}
	b, err := a.Store.Branch()
	if err != nil {
		t.Fatal(err)
	}
	if b.Name != "实验小学党支部" || b.Secretary != "李红" {
		t.Errorf("stored branch = %+v", b)
	}
}

func TestWizardRefusesAnEmptyName(t *testing.T) {
	a, done := startWizard(t)
	c := a.Window.Canvas()
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "书记"), "李红")
	uitest.TapButton(t, c, "下一步")

	uitest.RequireText(t, c, "请填写支部名称")
	if uitest.HasTextContaining(c, "从空白开始") {
		t.Error("the wizard moved on without a branch name")
	}
	if b, _ := a.Store.Branch(); b.Name != "" || b.Secretary != "" {
		t.Errorf("a branch without a name was saved: %+v", b)
	}
	if *done != 0 {
		t.Error("done was called")
	}
}

func TestWizardBackKeepsTheTypedFields(t *testing.T) {
	a, _ := startWizard(t)
	c := a.Window.Canvas()
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "支部名称"), "实验小学党支部")
	uitest.TapButton(t, c, "下一步")
	uitest.TapButton(t, c, "上一步")
	if e := uitest.FindFormEntry(t, c, "支部名称"); e.Text != "实验小学党支部" {
		t.Errorf("支部名称 after 上一步 = %q", e.Text)
	}
}

func TestWizardOffersEveryStart(t *testing.T) {
	a, _ := startWizard(t)
	c := a.Window.Canvas()
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "支部名称"), "实验小学党支部")
	uitest.TapButton(t, c, "下一步")
	for _, s := range wizardStarts {
		uitest.FindButton(t, c, s.Title)
	}
}

func TestFillDemoBacksUpFirst(t *testing.T) {
	a := uitest.NewApp(t)
	if err := fillDemo(a.Store, uitest.Today); err != nil {
		t.Fatal(err)
	}
	if n, _ := a.Store.CountPeople(); n == 0 {
		t.Error("no people after loading the demo")
	}
	backups, _ := a.Store.Backups()
	if len(backups) != 1 || !strings.Contains(backups[0].Name, "载入示例前") {
		t.Errorf("backups = %+v, want one made before the demo", backups)
	}
}

func TestWizardWithPeopleAsksOnlyForTheBranch(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a) // a folder copied over: people, no 支部信息
	done := 0
	ShowFirstRunWizard(a, func() { done++ })
	c := a.Window.Canvas()
	uitest.RequireText(t, c, "已有 3 人的记录")
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "支部名称"), "实验小学党支部")
	uitest.TapButton(t, c, "完成")
	if done != 1 {
		t.Fatalf("done called %d times: the wizard asked more than the branch", done)
	}
	if uitest.HasTextContaining(c, "从空白开始") {
		t.Error("the start page (import, demo, blank) was shown to a folder that has its people")
	}
}

func TestWizardAsksForTheLocalRequirements(t *testing.T) {
	for _, on := range []bool{false, true} {
		a, _ := startWizard(t)
		c := a.Window.Canvas()
		uitest.RequireText(t, c, "意识形态工作专题会议")
		uitest.RequireText(t, c, "优秀青年教师")
		uitest.TypeInto(c, uitest.FindFormEntry(t, c, "支部名称"), "实验小学党支部")
		if on {
			test.Tap(uitest.FindCheck(t, c, "检查区/市的本地要求"))
		}
		uitest.TapButton(t, c, "下一步")
		if got := a.Store.LocalRequirements(); got != on {
			t.Errorf("checked %v: local requirements stored as %v", on, got)
		}
	}
}
