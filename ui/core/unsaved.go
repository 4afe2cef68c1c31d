package core

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/ui/widgets"
)

// Unsaved is a form that may hold typed work. While it is held (App.Hold),
// everything that could throw the work away asks it first: the form's own
// Esc and 取消 (AskLeave), switching screens in the navigation, closing the
// window and 退出 (LeaveAll). The idle lock covers the window and keeps the
// forms as they are. See docs/ARCHITECTURE.md, "Unsaved work".
type Unsaved struct {
	// What names the form in the question: "会议记录", "党员信息" …
	What string
	// Dirty reports typed work not saved (widgets.Edits.Dirty).
	Dirty func() bool
	// Save saves, as the form's 保存 button does, and reports whether it did;
	// a form that refuses (a missing name) shows why and stays open.
	Save func() bool
	// Discard throws the work away: a dialog closes, a form on a screen
	// shows the stored values again.
	Discard func()
	// Edits, when set, is what Dirty asks; Mark it after a save that keeps
	// the form open.
	Edits *widgets.Edits

	inDialog bool              // shown by ShowForm: Esc typed where no input takes it asks about it
	overlay  fyne.CanvasObject // the dialog's layer on the canvas
}

// Hold puts u under the guard until release is called (when its dialog
// closes; a form on a screen holds it for good).
func (a *App) Hold(u *Unsaved) (release func()) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.unsaved = append(a.unsaved, u)
	return func() {
		a.mu.Lock()
		defer a.mu.Unlock()
		a.unsaved = slices.DeleteFunc(a.unsaved, func(x *Unsaved) bool { return x == u })
	}
}

// dirtyForms are the held forms with typed work, the last opened first (a
// dialog opened over another is answered first).
func (a *App) dirtyForms() []*Unsaved {
	a.mu.Lock()
	held := slices.Clone(a.unsaved)
	a.mu.Unlock()
	var out []*Unsaved
	for i := len(held) - 1; i >= 0; i-- {
		if held[i].Dirty() {
			out = append(out, held[i])
		}
	}
	return out
}

// HasUnsaved reports whether any held form has typed work.
func (a *App) HasUnsaved() bool { return len(a.dirtyForms()) > 0 }

// AskLeave is a form's Esc and 取消: it discards at once when nothing was
// typed, and otherwise asks 放弃修改？ (保存 / 放弃 / 继续编辑).
func (a *App) AskLeave(u *Unsaved) {
	if !u.Dirty() {
		u.Discard()
		return
	}
	a.askUnsaved(u, func() {})
}

// LeaveAll asks about every held form with typed work, in turn, and runs
// then once each was saved or discarded. 继续编辑 (or a save the form
// refused) stops there and then does not run.
func (a *App) LeaveAll(then func()) {
	dirty := a.dirtyForms()
	if len(dirty) == 0 {
		then()
		return
	}
	a.askUnsaved(dirty[0], func() { a.LeaveAll(then) })
}

// askUnsaved asks about u; done runs after u was saved or discarded. One
// question at a time: a second Esc or close while it shows is 继续编辑.
func (a *App) askUnsaved(u *Unsaved, done func()) {
	if a.question != nil {
		a.question.Hide()
		return
	}
	var d *dialog.CustomDialog
	answer := func(f func()) func() {
		return func() {
			d.Hide()
			f()
		}
	}
	save := widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), answer(func() {
		if u.Save() {
			done()
		}
	}))
	save.Importance = widget.HighImportance
	discard := widget.NewButtonWithIcon("放弃", theme.DeleteIcon(), answer(func() {
		u.Discard()
		done()
	}))
	discard.Importance = widget.DangerImportance
	keep := widget.NewButtonWithIcon("继续编辑", theme.DocumentCreateIcon(), answer(func() {}))
	msg := widget.NewLabel(WrapMessage(u.What + "有修改还没有保存。保存这些修改，还是放弃？"))
	d = dialog.NewCustomWithoutButtons("放弃修改？", container.NewVBox(msg), a.Window)
	d.SetButtons([]fyne.CanvasObject{keep, discard, save})
	d.SetOnClosed(func() { a.question = nil })
	a.question = d
	d.Show()
}

// ShowForm shows d, a form's dialog, with u held under the guard until d
// closes; closed (may be nil) runs then too. The form's Esc and 取消 call
// a.AskLeave(u), and u.Discard hides d.
func (a *App) ShowForm(d dialog.Dialog, u *Unsaved, closed func()) {
	u.inDialog = true
	a.catchEscape()
	release := a.Hold(u)
	d.SetOnClosed(func() {
		release()
		if closed != nil {
			closed()
		}
	})
	d.Show()
	u.overlay = a.Window.Canvas().Overlays().Top()
}

// DialogForm is the Unsaved of a form shown in d: typed work is any change
// of the inputs in content (widgets.Edits; extra as NewEdits takes it), 保存
// is save, 放弃 closes d. Show d with a.ShowForm and wire Esc and 取消 to
// a.AskLeave.
func DialogForm(what string, d dialog.Dialog, content fyne.CanvasObject, extra func() any, save func() bool) *Unsaved {
	e := widgets.NewEdits(content, extra)
	return &Unsaved{What: what, Edits: e, Dirty: e.Dirty, Save: save, Discard: d.Hide}
}

// catchEscape makes Esc typed while no input has the focus (after a tap on
// a name, a checkbox or empty space) close what is on top: the 放弃修改？
// question (继续编辑) or the form dialog (asking first), as Esc in an input
// does (FormKeys). The date picker closes on Esc by itself (DateField). Installed once
// per window, keeping the canvas's other key handlers.
func (a *App) catchEscape() {
	a.mu.Lock()
	installed := a.escapeCaught
	a.escapeCaught = true
	a.mu.Unlock()
	if installed {
		return
	}
	c := a.Window.Canvas()
	previous := c.OnTypedKey()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape {
			if a.question != nil {
				a.question.Hide() // Esc on the question is 继续编辑
				return
			}
			top := c.Overlays().Top()
			if u := a.topDialogForm(); u != nil && u.overlay == top {
				a.AskLeave(u)
				return
			}
		}
		if previous != nil {
			previous(e)
		}
	})
}

func (a *App) topDialogForm() *Unsaved {
	a.mu.Lock()
	defer a.mu.Unlock()
	for i := len(a.unsaved) - 1; i >= 0; i-- {
		if a.unsaved[i].inDialog {
			return a.unsaved[i]
		}
	}
	return nil
}
