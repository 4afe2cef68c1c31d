//go:build ci

package members

import (
	"testing"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
	"partyoffice/ui/widgets"
)

// savedMeanwhile is 张静 saving p's phone number on another PC while the
// form is open.
func savedMeanwhile(t *testing.T, a *core.App, id uint, phone string) {
	t.Helper()
	p, err := a.Store.Person(id)
	if err != nil {
		t.Fatal(err)
	}
	p.Phone = phone
	actor := a.Store.Actor
	a.Store.Actor = "张静"
	defer func() { a.Store.Actor = actor }()
	if err := a.Store.UpdatePerson(&p); err != nil {
		t.Fatal(err)
	}
}

// conflictedForm opens 张三's form, lets 张静 save meanwhile, types another
// phone number and saves: the refusal names 张静.
func conflictedForm(t *testing.T) (*core.App, *memberForm, uint) {
	a := uitest.NewApp(t)
	id := uitest.ThreeMembers(t, a)[0].ID
	p, _ := a.Store.Person(id)
	f := openForm(t, a, &p)
	savedMeanwhile(t, a, id, "0951-1111111")
	uitest.TypeIn(a.Window.Canvas(), entryOf(t, f, data.FieldPhone), "0951-2222222")
	if f.trySave() {
		t.Fatal("a save over 张静's change went through")
	}
	c := a.Window.Canvas()
	if !uitest.TopDialogHasText(c, "已被 张静 在") {
		t.Fatalf("no conflict dialog naming 张静; shown: %v", uitest.ShownTexts(c))
	}
	return a, f, id
}

func TestConflictReloadShowsTheOtherSave(t *testing.T) {
	a, f, id := conflictedForm(t)
	uitest.TapButton(t, a.Window.Canvas(), "重新载入")
	if !f.trySave() {
		t.Fatalf("save after 重新载入 refused: %s", f.Message.Text)
	}
	if p, _ := a.Store.Person(id); p.Phone != "0951-1111111" {
		t.Fatalf("phone %q: 重新载入 should have shown and kept 张静's 0951-1111111", p.Phone)
	}
}

func TestConflictContinueEditingSavesOverIt(t *testing.T) {
	a, f, id := conflictedForm(t)
	uitest.TapButton(t, a.Window.Canvas(), "继续编辑")
	if !f.trySave() {
		t.Fatalf("second save after 继续编辑 refused: %s", f.Message.Text)
	}
	if p, _ := a.Store.Person(id); p.Phone != "0951-2222222" {
		t.Fatalf("phone %q; want the typed 0951-2222222", p.Phone)
	}
}

// 对比 lists the one differing field, mine beside theirs, under who saved
// theirs and when; 保留我的 saves mine over it.
func TestConflictCompareThenKeepMine(t *testing.T) {
	a, f, id := conflictedForm(t)
	c := a.Window.Canvas()
	uitest.TapButton(t, c, "对比")
	for _, want := range []string{"字段", "我的修改", "已保存的（张静 在 ", data.FieldPhone, "0951-2222222", "0951-1111111"} {
		if !uitest.TopDialogHasText(c, want) {
			t.Fatalf("the comparison does not show %q: %v", want, uitest.ShownTexts(c))
		}
	}
	if uitest.TopDialogHasText(c, data.FieldName) {
		t.Error("the comparison lists 姓名, which both sides share")
	}
	uitest.TapButton(t, c, "保留我的（再保存一次）")
	if p, _ := a.Store.Person(id); p.Phone != "0951-2222222" {
		t.Fatalf("phone %q; want mine, 0951-2222222", p.Phone)
	}
	if f.edits.Dirty() {
		t.Error("the form still holds unsaved work after 保留我的")
	}
}

func TestConflictCompareThenTakeTheirs(t *testing.T) {
	a, f, _ := conflictedForm(t)
	c := a.Window.Canvas()
	uitest.TapButton(t, c, "对比")
	uitest.TapButton(t, c, "用已保存的（重新载入）")
	if got := entryOf(t, f, data.FieldPhone).(*widgets.FormEntry).Text; got != "0951-1111111" {
		t.Fatalf("the form shows %q; want theirs, 0951-1111111", got)
	}
}
