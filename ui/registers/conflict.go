package registers

import (
	"errors"

	"fyne.io/fyne/v2/dialog"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// askAboutConflict answers a save of f (shown in d) refused because someone
// else saved the row since the form was opened (data.ConflictError):
// 对比 compares f with the same form built for the row as stored now,
// 重新载入 opens that row instead, 继续编辑 takes its version.
func (l *List[T]) askAboutConflict(err error, f *recordForm[T], d dialog.Dialog, people []data.Person, unsaved *core.Unsaved) {
	id := l.spec.ID(f.orig)
	if id == 0 {
		return
	}
	core.AskAboutRecordConflict(l.app, err, core.RecordForm[T]{
		Stored: func() (T, error) { return l.stored(id) },
		Mine:   unsaved.Edits.Fields,
		Theirs: func(v T) ([]widgets.FieldValue, error) {
			return widgets.FieldValues(newRecordForm(l.app, l.formColumns(), l.spec, people, &v).fields), nil
		},
		Show: func(v T) {
			unsaved.Edits.Mark() // what was typed is given up: close without asking
			d.Hide()
			l.edit(&v)
		},
		Keep: func(v T) { l.spec.Carry(&v, f.orig) },
		Save: func() { unsaved.Save() },
		Say:  f.say,
	})
}

// stored is the row with id as stored now, among the rows of the year shown.
func (l *List[T]) stored(id uint) (T, error) {
	rows, err := l.spec.Load(l.app.Store, l.year())
	for i := range rows {
		if l.spec.ID(&rows[i]) == id {
			return rows[i], err
		}
	}
	var none T
	if err == nil {
		err = errors.New("这条记录已被删除，或已改到别的年度")
	}
	return none, err
}
