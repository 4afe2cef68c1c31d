//go:build ci

package members

import (
	"testing"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
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
