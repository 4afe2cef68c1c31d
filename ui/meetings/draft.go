package meetings

import (
	"encoding/json"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
)

// A minutes form is long work: while it holds unsaved changes it is kept as
// a draft in the data folder every few seconds (data.Store.SaveDraft), and
// at the next start a draft left by a crash or a power cut is offered back
// (OfferMinutesDraft). Saving, 放弃 or closing the form deletes it.

// minutesDraftKind names the minutes form's draft in the store.
const minutesDraftKind = "meeting"

// draftInterval is how often an open minutes form with changes is kept.
const draftInterval = 5 * time.Second

// keepDrafts writes the form's draft every draftInterval until stop closes.
func (f *meetingForm) keepDrafts(stop <-chan struct{}) {
	go func() {
		tick := time.NewTicker(draftInterval)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				fyne.Do(f.keepDraft)
			case <-stop:
				return
			}
		}
	}()
}

// keepDraft writes the sitting as edited when it changed since the last
// draft; a form without changes keeps no draft. A failed write is not worth
// a dialog every few seconds: the form itself is still open.
func (f *meetingForm) keepDraft() {
	if f.closed {
		return
	}
	if !f.edits.Dirty() {
		if f.drafted != "" {
			_ = f.a.Store.DropDraft(minutesDraftKind)
			f.drafted = ""
		}
		return
	}
	raw, err := json.Marshal(f.m)
	if err != nil || string(raw) == f.drafted {
		return
	}
	if f.a.Store.SaveDraft(minutesDraftKind, raw) == nil {
		f.drafted = string(raw)
	}
}

// dropDraft deletes the draft when the form closes (saved or discarded).
func (f *meetingForm) dropDraft() {
	f.closed = true
	_ = f.a.Store.DropDraft(minutesDraftKind)
}

// OfferMinutesDraft asks, at start, about minutes a crash left unsaved:
// 恢复 opens them in the form (with changes, so closing asks), 丢弃 deletes
// them.
func OfferMinutesDraft(a *core.App) {
	d, ok, err := a.Store.Draft(minutesDraftKind)
	if err != nil {
		a.ShowError("无法恢复未保存的会议记录", err)
		_ = a.Store.DropDraft(minutesDraftKind)
		return
	}
	if !ok {
		return
	}
	var m data.Meeting
	if err := json.Unmarshal(d.Content, &m); err != nil {
		a.ShowError("无法恢复未保存的会议记录", err)
		_ = a.Store.DropDraft(minutesDraftKind)
		return
	}
	msg := widget.NewLabel(core.WrapMessage("有一份未保存的会议记录（" + d.Saved.Format("2006-01-02 15:04") + "）" +
		describeDraft(m) + "，可能是上次程序意外关闭时留下的。"))
	var dlg *dialog.CustomDialog
	restore := widget.NewButtonWithIcon("恢复", theme.HistoryIcon(), func() {
		dlg.Hide()
		restoreMinutesDraft(a, m)
	})
	restore.Importance = widget.HighImportance
	discard := widget.NewButtonWithIcon("丢弃", theme.DeleteIcon(), func() {
		dlg.Hide()
		if err := a.Store.DropDraft(minutesDraftKind); err != nil {
			a.ShowError("无法删除草稿", err)
		}
	})
	dlg = dialog.NewCustomWithoutButtons("恢复会议记录", container.NewVBox(msg), a.Window)
	dlg.SetButtons([]fyne.CanvasObject{discard, restore})
	dlg.Show()
}

// describeDraft names the sitting: ：2026-12-03 支部党员大会.
func describeDraft(m data.Meeting) string {
	what := m.Date.String()
	if t := m.DisplayTitle(); t != "" {
		what = t
	}
	if what == "" {
		return ""
	}
	return "：" + what
}

// restoreMinutesDraft opens the form on the draft. The draft stays on disk
// until the form saves or discards it, so a second crash loses nothing.
func restoreMinutesDraft(a *core.App, m data.Meeting) {
	f, err := newMeetingForm(a, &m)
	if err != nil {
		a.ShowError("无法打开会议记录", err)
		return
	}
	f.edits.Unsaved()
	f.show()
}
