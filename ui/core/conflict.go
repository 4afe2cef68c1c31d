package core

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/widgets"
)

// When a save is refused because someone else saved the record since the
// form was opened (optimistic locking, data.ConflictError;
// docs/ARCHITECTURE.md#two-backends), every form asks the same question:
// 重新载入 (show theirs), 对比 (field by field, then either), 继续编辑 (keep
// mine; the next save replaces theirs). A form supplies a Conflict.

// FieldChange is one field that differs between the form and the record as
// saved now, both as the form shows them.
type FieldChange = widgets.FieldChange

// Conflict is what a form offers for a refused save.
type Conflict struct {
	// Compare lists the fields where the form and the saved record differ.
	Compare func() ([]FieldChange, error)
	// Reload fills the form with the saved record, dropping what was typed.
	Reload func()
	// Adopt keeps what was typed and takes the saved record's version, so
	// the next save knowingly replaces the other one.
	Adopt func()
	// Save saves the form again (after Adopt: 保留我的).
	Save func()
	// Overwrite, when set, is 保留我的 in place of Adopt then Save (a form
	// whose Adopt opens it again, its dialog having closed on saving).
	Overwrite func()
}

// AskAboutConflict asks what to do when err is a conflict, and says false
// (asking nothing) when it is some other refusal.
func (a *App) AskAboutConflict(err error, c Conflict) bool {
	var conflict *data.ConflictError
	if !errors.As(err, &conflict) {
		return false
	}
	msg := container.NewVBox()
	for _, line := range []string{err.Error() + "。", "重新载入：放弃刚才的修改，显示对方保存的内容。",
		"对比：逐项看两边的不同，再决定用哪一边。", "继续编辑：保留刚才的修改，再次保存时会替换对方的修改。"} {
		// Wrapped as Chinese is typeset: not at the spaces around the name.
		msg.Add(widgets.NewTokenWrap(&widget.TextSegment{Text: line, Style: widget.RichTextStyleInline}))
	}
	var d *dialog.CustomDialog
	reload := widget.NewButtonWithIcon("重新载入", theme.ViewRefreshIcon(), func() { d.Hide(); c.Reload() })
	compare := widget.NewButtonWithIcon("对比", theme.ListIcon(), func() { d.Hide(); a.showComparison(conflict, c) })
	compare.Importance = widget.HighImportance
	keep := widget.NewButtonWithIcon("继续编辑", theme.DocumentCreateIcon(), func() { d.Hide(); c.Adopt() })
	d = dialog.NewCustomWithoutButtons("别人已修改这条记录", container.NewBorder(nil,
		container.NewHBox(layout.NewSpacer(), reload, compare, keep), nil, nil, msg), a.Window)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	return true
}

// compareWidths are the 字段 and 我的修改 columns; the saved one takes the rest.
var compareWidths = []float32{120, 250}

// showComparison lists the differing fields: 字段 | 我的修改 | 服务器上（张静 在
// 16:42 保存）, then 用服务器的（重新载入） or 保留我的（再保存一次）.
func (a *App) showComparison(conflict *data.ConflictError, c Conflict) {
	changes, err := c.Compare()
	if err != nil {
		a.ShowError("无法对比", err)
		return
	}
	by := conflict.By
	if by == "" {
		by = "另一位用户"
	}
	where := "已保存的"
	if a.Store.OnServer() {
		where = "服务器上"
	}
	rows := container.NewVBox(comparisonRow(true, "字段", "我的修改",
		fmt.Sprintf("%s（%s 在 %s 保存）", where, by, conflict.At.Local().Format("15:04"))), widget.NewSeparator())
	for _, ch := range changes {
		rows.Add(comparisonRow(false, ch.Field, ch.Mine, ch.Theirs))
	}
	if len(changes) == 0 {
		rows.Add(widget.NewLabel("表单中的各项与对方保存的相同（对方改的是这里没有的项）。"))
	}
	var d *dialog.CustomDialog
	theirs := widget.NewButtonWithIcon("用服务器的（重新载入）", theme.ViewRefreshIcon(), func() { d.Hide(); c.Reload() })
	if !a.Store.OnServer() {
		theirs.SetText("用已保存的（重新载入）")
	}
	mine := widget.NewButtonWithIcon("保留我的（再保存一次）", theme.DocumentSaveIcon(), func() {
		d.Hide()
		if c.Overwrite != nil {
			c.Overwrite()
			return
		}
		c.Adopt()
		c.Save()
	})
	mine.Importance = widget.HighImportance
	back := widget.NewButton("返回", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("对比两边的内容", container.NewBorder(nil,
		container.NewHBox(layout.NewSpacer(), back, theirs, mine), nil, nil, container.NewVScroll(rows)), a.Window)
	d.Resize(fyne.NewSize(760, min(560, 120+float32(len(changes)+1)*48)))
	d.Show()
}

// comparisonRow is one line of the comparison; empty values say so.
func comparisonRow(header bool, field, mine, theirs string) fyne.CanvasObject {
	cell := func(s string) *widget.Label {
		if s == "" && !header {
			s = "（空）"
		}
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		l.TextStyle.Bold = header
		return l
	}
	return container.New(&compareColumns{}, cell(field), cell(mine), cell(theirs))
}

// compareColumns gives the first two cells their widths and the third the
// rest; the row is as tall as its tallest wrapped cell.
type compareColumns struct{}

func (compareColumns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(compareWidths[0]+compareWidths[1]+200, h)
}

func (compareColumns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objects {
		w := size.Width - x
		if i < len(compareWidths) {
			w = compareWidths[i]
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}
