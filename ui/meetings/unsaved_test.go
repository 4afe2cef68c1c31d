//go:build ci

package meetings

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

// The minutes form asks 放弃修改？ before typed minutes could be lost by
// Esc, 取消, another screen or closing the window (issue 12).
func TestMinutesFormAsksBeforeLosingTypedWork(t *testing.T) {
	var f *meetingForm
	uitest.RequireAsksBeforeLosingWork(t, uitest.LeavePaths,
		func(t *testing.T, a *core.App) { f = openMinutesForm(t, a) },
		func(t *testing.T, a *core.App) string {
			a.Window.Canvas().Focus(f.agenda)
			test.Type(f.agenda, "一、学习党章")
			return "一、学习党章"
		})
}
