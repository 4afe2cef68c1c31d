package members

import (
	"partyoffice/ui/core"
)

// refused shows why the store did not save. When someone else saved the
// record since the form was opened (optimistic locking, data.ConflictError;
// docs/ARCHITECTURE.md#two-backends) it asks what to do (core.Conflict):
// 重新载入 shows their version, 对比 lists field by field what differs,
// 继续编辑 keeps what was typed and lets the next save replace it.
func (f *memberForm) refused(err error) {
	f.Say("未保存：" + err.Error())
	f.a.AskAboutConflict(err, core.Conflict{
		Compare: f.compare, Reload: f.reload, Adopt: f.adoptStoredVersion,
		Save: func() { f.trySave() },
	})
}

// compare lists the fields where the form differs from the record as saved now.
func (f *memberForm) compare() ([]core.FieldChange, error) {
	saved, err := f.a.Store.Person(f.orig.ID)
	if err != nil {
		return nil, err
	}
	mine, _ := f.collect()
	var out []core.FieldChange
	for _, b := range f.bind {
		if b.show == nil {
			continue
		}
		if m, t := b.show(&mine), b.show(&saved); m != t {
			out = append(out, core.FieldChange{Field: b.name, Mine: m, Theirs: t})
		}
	}
	return out, nil
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
