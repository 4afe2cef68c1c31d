package members

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
)

// recycleBin lists the people deleted from the register, newest first, each with 恢复 and
// 彻底删除. Deletion elsewhere is soft; only here does a record go for good.
type recycleBin struct {
	a       *core.App
	people  []data.Person
	lines   []string // precomputed row texts
	list    *widget.List
	summary *widget.Label
	Content fyne.CanvasObject
}

func newRecycleBin(a *core.App) *recycleBin {
	b := &recycleBin{a: a}
	b.summary = widget.NewLabel("")
	b.summary.Wrapping = fyne.TextWrapWord
	b.list = widget.NewList(func() int { return len(b.people) }, b.createRow, b.updateRow)
	b.Content = container.NewBorder(b.summary, nil, nil, nil, b.list)
	return b
}

// binRow is one line of the bin: who, and the two actions.
type binRow struct {
	widget.BaseWidget
	Text             *widget.Label
	restore, destroy *widget.Button
}

func newBinRow() *binRow {
	r := &binRow{Text: widget.NewLabel("")}
	r.ExtendBaseWidget(r)
	r.Text.Truncation = fyne.TextTruncateEllipsis
	r.restore = widget.NewButton("恢复", nil)
	r.destroy = widget.NewButton("彻底删除", nil)
	r.destroy.Importance = widget.DangerImportance
	return r
}

func (r *binRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, container.NewHBox(r.restore, r.destroy), r.Text))
}

func (b *recycleBin) createRow() fyne.CanvasObject { return newBinRow() }

func (b *recycleBin) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(b.people) {
		return
	}
	r := o.(*binRow)
	p := b.people[id]
	r.Text.SetText(b.lines[id])
	r.restore.OnTapped = func() { b.restore(p) }
	r.destroy.OnTapped = func() { b.confirmPurge(p) }
}

// reload reads the bin from the store.
func (b *recycleBin) reload() {
	people, err := b.a.Store.DeletedPeople()
	if err != nil {
		b.a.ShowError("无法读取回收站", err)
		return
	}
	b.people = people
	b.lines = make([]string, len(people))
	for i := range people {
		b.lines[i] = binLine(&people[i])
	}
	if len(people) == 0 {
		b.summary.SetText("回收站是空的。")
	} else {
		b.summary.SetText(fmt.Sprintf("回收站里有 %d 人。恢复后回到原来的名单；彻底删除后无法找回，操作日志中此人的个人信息也一并抹去。", len(people)))
	}
	b.list.Refresh()
}

func binLine(p *data.Person) string {
	parts := []string{p.Name, string(p.Stage)}
	if p.IDNumber != "" {
		parts = append(parts, p.IDNumber)
	}
	if p.DeletedAt.Valid {
		parts = append(parts, "删除于 "+p.DeletedAt.Time.Local().Format("2006-01-02 15:04"))
	}
	return strings.Join(parts, "　")
}

func (b *recycleBin) restore(p data.Person) {
	if err := b.a.Store.RestorePerson(p.ID); err != nil {
		b.a.ShowError("未能恢复", err)
		return
	}
	b.a.NotifyChanged()
}

func (b *recycleBin) confirmPurge(p data.Person) {
	msg := fmt.Sprintf("彻底删除“%s”及其全部状态变更记录？\n"+
		"此人的个人信息（姓名、身份证号、电话、住址等）也会从操作日志的记录中抹去，只保留何时、何人做了哪类操作；"+
		"以后的备份和移交包中也不再有。\n删除后无法恢复。", p.Name)
	d := dialog.NewConfirm("彻底删除", msg, func(ok bool) {
		if ok {
			b.purge(p)
		}
	}, b.a.Window)
	d.SetConfirmText("彻底删除")
	d.SetDismissText("取消")
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

func (b *recycleBin) purge(p data.Person) {
	if err := b.a.Store.PurgePerson(p.ID); err != nil {
		b.a.ShowError("未能彻底删除", err)
		return
	}
	b.a.NotifyChanged()
}
