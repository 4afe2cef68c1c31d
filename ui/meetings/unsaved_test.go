//go:build ci

package meetings

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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

// The 设置 tab of 三会一课 is a form on a screen: switching screens or
// closing the window with changed settings asks first.
func TestMeetingSettingsAskBeforeLosingChanges(t *testing.T) {
	uitest.RequireScreenAsksBeforeLosingWork(t, NewMeetingsScreen,
		func(t *testing.T, a *core.App) string {
			c := a.Window.Canvas()
			uitest.SelectTab(t, c, "设置")
			for _, o := range uitest.VisibleOnCanvas(c) {
				if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == "如：支部工作条例第十一条" {
					uitest.TypeInto(c, e, "本校规定")
					return "本校规定"
				}
			}
			t.Fatal("no 依据 input on the 设置 tab")
			return ""
		})
}
