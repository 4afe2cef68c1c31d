package settings

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// The person using the program (组织委员 张静), whom the 操作日志 names as
// the one who made each change (data.Store.SetOperator): an office PC's
// login is often “Administrator” or a predecessor's name.

type operatorCard struct {
	app    *core.App
	name   *widget.Entry
	shown  string // the stored name the entry was filled from
	status *widget.Label
	edits  *widgets.Edits // a name typed and not saved is asked about (core.Unsaved)
}

func newOperatorCard(a *core.App) fyne.CanvasObject {
	o := &operatorCard{app: a, name: widget.NewEntry(), status: widget.NewLabel("")}
	o.name.SetPlaceHolder("例如：组织委员 张静")
	o.name.OnSubmitted = func(string) { o.save() }
	o.edits = widgets.NewEdits(o.name, nil)
	o.reload()
	a.OnChange(o.reload)
	a.Hold(&core.Unsaved{What: "使用人", Dirty: o.edits.Dirty, Save: o.save, Discard: o.showStored, Edits: o.edits})
	save := widget.NewButtonWithIcon("保存使用人", theme.DocumentSaveIcon(), func() { o.save() })
	item := widget.NewFormItem("使用人", o.name)
	item.HintText = "操作日志中记为修改人；换人使用时，请改成自己的职务和姓名"
	return widget.NewCard("本机使用人", "", container.NewBorder(nil, nil, nil,
		container.NewVBox(container.NewHBox(save, o.status)), widget.NewForm(item)))
}

// reload shows the stored name unless the user is changing it.
func (o *operatorCard) reload() {
	stored := o.app.Store.Operator()
	if o.name.Text == o.shown {
		o.name.SetText(stored)
		o.edits.Mark()
	}
	o.shown = stored
}

// showStored puts the stored name back (放弃修改).
func (o *operatorCard) showStored() {
	o.name.SetText(o.app.Store.Operator())
	o.edits.Mark()
}

func (o *operatorCard) save() bool {
	name := data.CleanText(o.name.Text)
	if err := o.app.Store.SetOperator(name); err != nil {
		o.app.ShowError("使用人没有保存", err)
		return false
	}
	o.name.SetText(name)
	o.shown = name
	o.edits.Mark()
	o.status.SetText("已保存（" + time.Now().Format("15:04") + "）")
	o.app.NotifyChanged()
	return true
}
