//go:build ci

package members

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

// The member form asks 放弃修改？ before typed work could be lost (issue 12).
func TestMemberFormAsksBeforeLosingTypedWork(t *testing.T) {
	var f *memberForm
	uitest.RequireAsksBeforeLosingWork(t, uitest.LeavePaths,
		func(t *testing.T, a *core.App) { f = openForm(t, a, nil) },
		func(t *testing.T, a *core.App) string {
			uitest.TypeIn(a.Window.Canvas(), entryOf(t, f, data.FieldNative), "宁夏银川")
			return "宁夏银川"
		})
}

// Once a save was refused, the messages follow the typing: a fixed field
// loses its message and the count above the buttons goes down (issue 13).
func TestMemberFormRevalidatesOnChange(t *testing.T) {
	a := uitest.NewApp(t)
	f := openForm(t, a, nil)
	fill(t, a, f, [][2]string{
		{data.FieldName, "王五"}, {data.FieldIDNumber, uitest.ValidID("640106", "19850312", "013")},
		{data.FieldMobile, "1391234"}, {data.FieldJoin, "2010-07-01"}, {data.FieldFull, "2011-07-01"},
		{data.FieldPhone, "12"},
	})
	test.Tap(f.save)
	before := f.Message.Text
	if !strings.Contains(before, "处需要改正") || !hintOf(f, data.FieldMobile).Visible() {
		t.Fatalf("a bad 手机号 was not pointed out: message %q", before)
	}
	uitest.TypeIn(a.Window.Canvas(), entryOf(t, f, data.FieldMobile), "5678")
	if h := hintOf(f, data.FieldMobile); h.Visible() {
		t.Errorf("the fixed 手机号 still says %q", h.Text)
	}
	if f.Message.Text == before {
		t.Errorf("the count above the buttons did not change after the fix: %q", f.Message.Text)
	}
}

// So does the status dialog.
func TestStatusDialogAsksBeforeLosingTypedWork(t *testing.T) {
	uitest.RequireAsksBeforeLosingWork(t, uitest.LeavePaths,
		func(t *testing.T, a *core.App) {
			people := uitest.ThreeMembers(t, a)
			openStatus(t, a, people[0].ID)
		},
		func(t *testing.T, a *core.App) string {
			uitest.FillField(t, a.Window.Canvas(), "备注", "支部大会决议")
			return "支部大会决议"
		})
}
