//go:build ci

package meetings

import (
	"strings"
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

// Minutes with changes are kept as a draft while the form is open; after a
// crash the next start offers them back (恢复 opens them with changes, so
// leaving asks), and 丢弃 deletes them (issue 12).
func TestMinutesDraftIsKeptAndOfferedAfterACrash(t *testing.T) {
	a := uitest.NewApp(t)
	c := a.Window.Canvas()
	f := openMinutesForm(t, a)
	f.keepDraft() // a tick of the timer with nothing typed
	if _, ok, _ := a.Store.Draft(minutesDraftKind); ok {
		t.Fatal("an untouched form left a draft")
	}
	c.Focus(f.agenda)
	test.Type(f.agenda, "一、学习党章")
	f.keepDraft()
	d, ok, err := a.Store.Draft(minutesDraftKind)
	if !ok || err != nil || !strings.Contains(string(d.Content), "一、学习党章") {
		t.Fatalf("no draft with the typed agenda: %v %v", ok, err)
	}

	// The crash: the window is gone without the form closing; a new start.
	a = uitest.NewAppOn(t, a.Store)
	c = a.Window.Canvas()
	OfferMinutesDraft(a)
	uitest.RequireShown(t, c, "有一份未保存的会议记录（"+d.Saved.Format("2006-01-02 15:04")+"）")
	uitest.TapButton(t, c, "恢复")
	uitest.RequireShown(t, c, "一、学习党章")
	uitest.PressEsc(c)
	if !uitest.TopDialogHasText(c, "有修改还没有保存") {
		t.Fatal("restored minutes closed without asking")
	}
	uitest.TapButton(t, c, "放弃")
	if _, ok, _ := a.Store.Draft(minutesDraftKind); ok {
		t.Error("the draft is still kept after 放弃")
	}

	// 丢弃 at the start deletes the draft.
	if err := a.Store.SaveDraft(minutesDraftKind, d.Content); err != nil {
		t.Fatal(err)
	}
	OfferMinutesDraft(a)
	uitest.TapButton(t, c, "丢弃")
	if _, ok, _ := a.Store.Draft(minutesDraftKind); ok {
		t.Error("丢弃 kept the draft")
	}
}
