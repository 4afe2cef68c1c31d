package core

import "partyoffice/ui/widgets"

// RecordForm is what a form built with the form kit (labelled fields,
// widgets.FieldValues) supplies for a refused save of its record T: the
// conflict's 对比 then compares the form as typed with the same form built
// for the record as saved now, field by field, without the form listing its
// fields again.
type RecordForm[T any] struct {
	// Stored reads the record as saved now.
	Stored func() (T, error)
	// Mine is the form's fields as typed (usually its Edits.Fields).
	Mine func() []widgets.FieldValue
	// Theirs is the fields of the same form built (not shown) for a record.
	Theirs func(T) ([]widgets.FieldValue, error)
	// Show shows the stored record in place of what was typed (filling the
	// form again, or closing it and opening it on the record).
	Show func(T)
	// Keep takes the stored record's version and keeps what was typed.
	Keep func(T)
	// Continue, when set, opens the form again after Keep for 继续编辑 (a
	// dialog that closed on saving); 保留我的 then saves without it.
	Continue func()
	// Save saves the form again; Say writes to its message line (what was
	// done; a record that cannot be read is shown as an error).
	Save func()
	Say  func(string)
}

// AskAboutRecordConflict asks what to do when err is a conflict (as
// AskAboutConflict, with the functions built from r), and says false when
// it is some other refusal.
func AskAboutRecordConflict[T any](a *App, err error, r RecordForm[T]) bool {
	return a.AskAboutConflict(err, r.conflict(a))
}

func (r RecordForm[T]) conflict(a *App) Conflict {
	return Conflict{
		Compare: func() ([]FieldChange, error) {
			stored, err := r.Stored()
			if err != nil {
				return nil, err
			}
			theirs, err := r.Theirs(stored)
			if err != nil {
				return nil, err
			}
			return widgets.ChangedFields(r.Mine(), theirs), nil
		},
		Reload: func() {
			if stored, ok := r.stored(a, "无法重新载入"); ok {
				r.Say("已重新载入对方保存的内容。")
				r.Show(stored)
			}
		},
		Adopt: func() {
			if r.keep(a, "无法继续编辑") {
				if r.Continue != nil {
					r.Continue()
				}
				r.Say("请核对后再保存；保存时会替换对方的修改。")
			}
		},
		Save:      r.Save,
		Overwrite: r.overwrite(a),
	}
}

// overwrite is 保留我的 of a form with Continue: keep, then save at once.
func (r RecordForm[T]) overwrite(a *App) func() {
	if r.Continue == nil {
		return nil
	}
	return func() {
		if r.keep(a, "没有保存") {
			r.Save()
		}
	}
}

// keep takes the stored record's version, or says why it cannot under title.
func (r RecordForm[T]) keep(a *App, title string) bool {
	stored, ok := r.stored(a, title)
	if ok {
		r.Keep(stored)
	}
	return ok
}

// stored reads the record as saved now, or says why it cannot under title.
func (r RecordForm[T]) stored(a *App, title string) (T, bool) {
	stored, err := r.Stored()
	if err != nil {
		a.ShowError(title, err)
	}
	return stored, err == nil
}
