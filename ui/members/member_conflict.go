package members

import (
	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// refused shows why the store did not save. When someone else saved the
// record since the form was opened (optimistic locking, data.ConflictError;
// docs/ARCHITECTURE.md#two-backends) it asks what to do (core.RecordForm,
// as every form does): 重新载入 shows their version, 对比 lists field by
// field what differs, 继续编辑 keeps what was typed and lets the next save
// replace it.
func (f *memberForm) refused(err error) {
	f.Say("未保存：" + err.Error())
	core.AskAboutRecordConflict(f.a, err, core.RecordForm[data.Person]{
		Stored: func() (data.Person, error) { return f.a.Store.Person(f.orig.ID) },
		Mine: func() []widgets.FieldValue {
			mine, _ := f.collect()
			return f.shown(&mine)
		},
		Theirs: func(p data.Person) ([]widgets.FieldValue, error) { return f.shown(&p), nil },
		Show:   f.reload,
		Keep:   func(p data.Person) { f.orig.Model = p.Model },
		Save:   func() { f.trySave() },
		Say:    f.Say,
	})
}

// shown is p's fields as the form shows them, the values 对比 compares. The
// member form binds its fields itself (fieldBinding.show), so it reads them
// from there rather than from its widgets.
func (f *memberForm) shown(p *data.Person) []widgets.FieldValue {
	var out []widgets.FieldValue
	for _, b := range f.bind {
		if b.show != nil {
			out = append(out, widgets.FieldValue{Field: b.name, Value: b.show(p)})
		}
	}
	return out
}

// reload fills the form with the record as stored now.
func (f *memberForm) reload(p data.Person) {
	f.orig = p
	f.loading = true
	for _, b := range f.bind {
		b.load(&f.orig)
	}
	f.loading = false
	f.updateFullSuggestion()
	f.edits.Mark()
}
