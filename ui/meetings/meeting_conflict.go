package meetings

import (
	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// refused says why the store did not save; when someone else saved the
// sitting since the form was opened (optimistic locking, data.ConflictError)
// it asks what to do (core.RecordForm): 对比 lists the labelled fields that
// differ, 重新载入 opens the minutes as saved now, 继续编辑 keeps what was
// typed and lets the next save replace theirs.
func (f *meetingForm) refused(err error) {
	f.Say("未保存：" + err.Error())
	if f.m.ID == 0 {
		return
	}
	core.AskAboutRecordConflict(f.a, err, core.RecordForm[data.Meeting]{
		Stored: func() (data.Meeting, error) { return f.a.Store.Meeting(f.m.ID) },
		Mine:   f.edits.Fields,
		Theirs: func(m data.Meeting) ([]widgets.FieldValue, error) {
			g, err := newMeetingForm(f.a, &m)
			if err != nil {
				return nil, err
			}
			return g.edits.Fields(), nil
		},
		Show: func(m data.Meeting) {
			f.edits.Mark() // what was typed is given up: close without asking
			f.dlg.Hide()
			ShowMeetingForm(f.a, &m)
		},
		Keep: func(m data.Meeting) { f.m.Model = m.Model },
		Save: func() { f.trySave() },
		Say:  f.Say,
	})
}

// refused is the 思政课 form's: as the minutes', over its labelled fields.
func (f *classLogForm) refused(err error) {
	f.Say("未保存：" + err.Error())
	if f.c.ID == 0 {
		return
	}
	core.AskAboutRecordConflict(f.a, err, core.RecordForm[data.ClassLog]{
		Stored: func() (data.ClassLog, error) { return data.Saved[data.ClassLog](f.a.Store, f.c.ID) },
		Mine:   f.unsaved.Edits.Fields,
		Theirs: func(c data.ClassLog) ([]widgets.FieldValue, error) {
			g := &classLogForm{a: f.a, c: c}
			g.build()
			return g.unsaved.Edits.Fields(), nil
		},
		Show: func(c data.ClassLog) {
			f.unsaved.Edits.Mark() // what was typed is given up: close without asking
			f.dlg.Hide()
			showClassLogForm(f.a, &c)
		},
		Keep: func(c data.ClassLog) { f.c.Model = c.Model },
		Save: func() { f.save() },
		Say:  f.Say,
	})
}
