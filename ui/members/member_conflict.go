package members

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
)

// refused shows why the store did not save. When someone else saved the
// record since the form was opened (optimistic locking, data.ConflictError;
// docs/ARCHITECTURE.md#two-backends) it asks what to do: 重新载入 shows their
// version, 继续编辑 keeps what was typed and lets the next save replace it.
func (f *memberForm) refused(err error) {
	f.Say("未保存：" + err.Error())
	var conflict *data.ConflictError
	if !errors.As(err, &conflict) {
		return
	}
	msg := widget.NewLabel(err.Error() + "。\n\n重新载入：放弃刚才的修改，显示对方保存的内容。\n" +
		"继续编辑：保留刚才的修改，再次保存时会替换对方的修改。")
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("别人已修改这条记录", "重新载入", "继续编辑", msg, func(reload bool) {
		if reload {
			f.reload()
		} else {
			f.adoptStoredVersion()
		}
	}, f.a.Window)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// reload fills the form with the record as stored now.
func (f *memberForm) reload() {
	p, err := f.a.Store.Person(f.orig.ID)
	if err != nil {
		f.Say("无法重新载入：" + err.Error())
		return
	}
	f.orig = p
	f.loading = true
	for _, b := range f.bind {
		b.load(&f.orig)
	}
	f.loading = false
	f.updateFullSuggestion()
	f.edits.Mark()
	f.Say("已重新载入对方保存的内容。")
}

// adoptStoredVersion keeps the typed values and takes the stored record's
// version, so the user's next save knowingly replaces the other one.
func (f *memberForm) adoptStoredVersion() {
	p, err := f.a.Store.Person(f.orig.ID)
	if err != nil {
		f.Say("无法继续编辑：" + err.Error())
		return
	}
	f.orig.Model = p.Model
	f.Say("请核对后再保存；保存时会替换对方的修改。")
}
