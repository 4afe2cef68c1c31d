//go:build ci

package uitest

import (
	"strings"
	"testing"

	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// ConflictCase is a form whose save meets someone else's save of the same
// record (optimistic locking, data.ConflictError): the form is opened, 张静
// saves Theirs in Field meanwhile, Mine is typed into Field, and the save is
// refused.
type ConflictCase struct {
	// Open stores what the form needs, opens it, and returns its save.
	Open func(t *testing.T, a *core.App) (save func())
	// Meanwhile saves the record with Theirs in Field (as 张静: the store's
	// actor is set around it).
	Meanwhile func(t *testing.T, a *core.App)
	// Stored is Field of the record as stored now.
	Stored func(t *testing.T, a *core.App) string
	// Field is the label of the field both change, Same one neither does.
	Field, Same  string
	Mine, Theirs string
}

// CheckConflict checks the conflict answers of c's form: the refused save
// asks (naming 张静), 对比 lists Field with both values and not Same, 用已保存的
// shows theirs in the form, 保留我的 saves mine over theirs.
func CheckConflict(t *testing.T, c ConflictCase) {
	t.Run("对比 then 保留我的", func(t *testing.T) {
		a := conflicted(t, c)
		cv := a.Window.Canvas()
		TapButton(t, cv, "对比")
		for _, want := range []string{"我的修改", "已保存的（张静 在 ", c.Field, c.Mine, c.Theirs} {
			if !TopDialogHasText(cv, want) {
				t.Fatalf("the comparison does not show %q: %q", want, ShownTexts(cv))
			}
		}
		if c.Same != "" && TopDialogHasText(cv, c.Same) {
			t.Errorf("the comparison lists %s, which both sides share", c.Same)
		}
		TapButton(t, cv, "保留我的（再保存一次）")
		if got := c.Stored(t, a); got != c.Mine {
			t.Fatalf("%s stored %q after 保留我的; want mine, %q", c.Field, got, c.Mine)
		}
	})
	t.Run("对比 then 用已保存的", func(t *testing.T) {
		a := conflicted(t, c)
		cv := a.Window.Canvas()
		TapButton(t, cv, "对比")
		TapButton(t, cv, "用已保存的（重新载入）")
		shown := strings.Join(widgets.InputValues(FieldInput(t, cv, c.Field)), "、")
		if !strings.Contains(shown, c.Theirs) {
			t.Fatalf("%s shows %q after 重新载入; want theirs, %q", c.Field, shown, c.Theirs)
		}
		if got := c.Stored(t, a); got != c.Theirs {
			t.Fatalf("%s stored %q; 重新载入 must not save, want theirs %q", c.Field, got, c.Theirs)
		}
	})
}

// conflicted opens c's form, lets 张静 save meanwhile, types Mine and
// saves: the refusal asks what to do and names 张静.
func conflicted(t *testing.T, c ConflictCase) *core.App {
	t.Helper()
	a := NewApp(t)
	save := c.Open(t, a)
	actor := a.Store.Actor
	a.Store.Actor = "张静"
	c.Meanwhile(t, a)
	a.Store.Actor = actor
	cv := a.Window.Canvas()
	FillField(t, cv, c.Field, c.Mine)
	save()
	for _, answer := range []string{"重新载入", "对比", "继续编辑"} {
		FindButton(t, cv, answer)
	}
	if !TopDialogHasText(cv, "已被 张静 在") {
		t.Fatalf("no conflict question naming 张静; shown: %q", ShownTexts(cv))
	}
	return a
}
