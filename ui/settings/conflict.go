package settings

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// A 党小组 renamed or given a 组长 by someone else while its dialog was open
// (data.ConflictError) is asked about as every record is (core.RecordForm).

// storedGroup is the group as saved now.
func (g *groupsSection) storedGroup(id uint) func() (data.PartyGroup, error) {
	return func() (data.PartyGroup, error) { return data.Saved[data.PartyGroup](g.app.Store, id) }
}

// nameRefused asks about the 名称 dialog (d) of group.
func (g *groupsSection) nameRefused(err error, group *data.PartyGroup, d dialog.Dialog, unsaved *core.Unsaved, msg *widget.Label) {
	core.AskAboutRecordConflict(g.app, err, core.RecordForm[data.PartyGroup]{
		Stored: g.storedGroup(group.ID),
		Mine:   unsaved.Edits.Fields,
		Theirs: func(stored data.PartyGroup) ([]widgets.FieldValue, error) {
			return []widgets.FieldValue{{Field: "名称", Value: stored.Name}}, nil
		},
		Show: func(stored data.PartyGroup) {
			unsaved.Edits.Mark() // what was typed is given up: close without asking
			d.Hide()
			g.renameGroup(stored)
		},
		Keep: func(stored data.PartyGroup) { group.Model = stored.Model },
		Save: func() { unsaved.Save() },
		Say:  func(s string) { msg.SetText(core.WrapMessage(s)); widgets.SetVisible(msg, s != "") },
	})
}

// saveLeader saves the 组长 chosen for group; a conflict is asked about, and
// 继续编辑 opens the choice again over the saved version.
func (g *groupsSection) saveLeader(group data.PartyGroup) {
	err := g.app.Store.SaveGroup(&group)
	asked := core.AskAboutRecordConflict(g.app, err, core.RecordForm[data.PartyGroup]{
		Stored:   g.storedGroup(group.ID),
		Mine:     func() []widgets.FieldValue { return g.leaderField(group) },
		Theirs:   func(stored data.PartyGroup) ([]widgets.FieldValue, error) { return g.leaderField(stored), nil },
		Show:     g.askLeader,
		Keep:     func(stored data.PartyGroup) { group.Model = stored.Model },
		Continue: func() { g.askLeader(group) },
		Save:     func() { g.saveLeader(group) },
		Say:      func(string) {},
	})
	if !asked {
		g.commit("设置组长", err)
	}
}

// leaderField is the 组长 of group as the dialog names it.
func (g *groupsSection) leaderField(group data.PartyGroup) []widgets.FieldValue {
	return []widgets.FieldValue{{Field: "组长", Value: g.leaderName(group)}}
}

// askAboutConflict asks about a save of 支部信息 refused because someone
// else saved it since it was shown; false when err is another refusal.
func (s *branchSection) askAboutConflict(err error) bool {
	return core.AskAboutRecordConflict(s.app, err, core.RecordForm[data.Branch]{
		Stored: s.app.Store.Branch,
		Mine:   s.edits.Fields,
		Theirs: func(b data.Branch) ([]widgets.FieldValue, error) {
			e := newBranchEditor(true, s.editor.texts...)
			form := e.settingsForm()
			e.show(b)
			return widgets.FieldValues(form), nil
		},
		Show: func(data.Branch) { s.showStored() },
		Keep: func(b data.Branch) {
			mine := *s.editor.shown
			mine.Version, mine.UpdatedBy, mine.UpdatedAt = b.Version, b.UpdatedBy, b.UpdatedAt
			s.editor.shown = &mine
		},
		Save: func() { s.save() },
		Say:  s.status.SetText,
	})
}
