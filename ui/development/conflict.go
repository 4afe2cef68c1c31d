package development

import (
	"errors"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// refused says why the store did not save the record; when someone else
// saved it since the form was opened (data.ConflictError) it asks what to
// do (core.RecordForm): 对比 lists the labelled fields that differ,
// 重新载入 opens the record as saved now, 继续编辑 takes its version.
func (f *stepForm) refused(err error) {
	f.Say("未保存："+err.Error(), widget.DangerImportance)
	if f.in.record == nil {
		return
	}
	say := func(msg string) { f.Say(msg, widget.WarningImportance) }
	core.AskAboutRecordConflict(f.a, err, core.RecordForm[data.DevStep]{
		Stored: f.storedRecord,
		Mine:   f.unsaved.Edits.Fields,
		Theirs: func(st data.DevStep) ([]widgets.FieldValue, error) {
			g, err := newStepForm(f.a, f.inputFor(st), nil)
			if err != nil {
				return nil, err
			}
			return g.unsaved.Edits.Fields(), nil
		},
		Show: func(st data.DevStep) {
			f.unsaved.Edits.Mark() // what was typed is given up: close without asking
			f.dlg.Hide()
			if g, err := newStepForm(f.a, f.inputFor(st), f.onSaved); err == nil {
				g.show()
			}
		},
		Keep: func(st data.DevStep) {
			mine := *f.in.record
			mine.Model = st.Model
			f.in.record = &mine
		},
		Save: func() { f.trySave() },
		Say:  say,
	})
}

// storedRecord is the record being edited as stored now.
func (f *stepForm) storedRecord() (data.DevStep, error) {
	steps, err := f.a.Store.DevSteps(f.in.person.ID)
	if err != nil {
		return data.DevStep{}, err
	}
	for _, st := range steps {
		if st.ID == f.in.record.ID {
			return st, nil
		}
	}
	return data.DevStep{}, errors.New("这条记录已被删除")
}

// inputFor is what the form is about, with st as the record.
func (f *stepForm) inputFor(st data.DevStep) stepFormInput {
	in := f.in
	in.record = &st
	return in
}

// planRefused asks about a plan line (line, shown in dlg) whose save was
// refused because someone else saved it meanwhile, as refused does.
func (t *devPlanTab) planRefused(err error, line *data.DevPlan, dlg *dialog.CustomDialog, unsaved *core.Unsaved, message *widget.Label) {
	if line.ID == 0 {
		return
	}
	core.AskAboutRecordConflict(t.a, err, core.RecordForm[data.DevPlan]{
		Stored: func() (data.DevPlan, error) { return data.Saved[data.DevPlan](t.a.Store, line.ID) },
		Mine:   unsaved.Edits.Fields,
		Theirs: func(p data.DevPlan) ([]widgets.FieldValue, error) {
			_, theirs := t.planForm(&p)
			return theirs.Edits.Fields(), nil
		},
		Show: func(p data.DevPlan) {
			unsaved.Edits.Mark() // what was typed is given up: close without asking
			dlg.Hide()
			t.showPlanForm(&p)
		},
		Keep: func(p data.DevPlan) { line.Model = p.Model },
		Save: func() { unsaved.Save() },
		Say:  func(msg string) { message.SetText(msg); widgets.SetVisible(message, msg != "") },
	})
}
