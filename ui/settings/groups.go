package settings

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// groupsSection edits the 党小组: create, rename, set the 组长, delete.
type groupsSection struct {
	app     *core.App
	groups  []data.PartyGroup
	members []data.Person // the register, to pick a 组长 from
	counts  data.RegisterCounts
	rows    *listSelection // the chosen group, and the buttons that act on it
}

func newGroupsSection(a *core.App) fyne.CanvasObject {
	g := &groupsSection{app: a}
	list := widget.NewList(func() int { return len(g.groups) }, newGroupRow, g.updateGroupRow)
	empty := widgets.QuietLabel("还没有党小组。点“新增”建立第一个党小组。")
	acting := []*widget.Button{
		widget.NewButtonWithIcon("改名", theme.DocumentCreateIcon(), g.rename),
		widget.NewButtonWithIcon("设组长", theme.AccountIcon(), g.setLeader),
		widget.NewButtonWithIcon("删除", theme.DeleteIcon(), g.delete),
	}
	g.rows = newListSelection(list, empty, acting...)
	g.reload()
	a.OnChange(g.reload)

	toolbar := container.NewHBox(widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), g.add))
	for _, b := range acting {
		toolbar.Add(b)
	}
	header := widgets.Columns(groupColumns, widgets.BoldLabel("党小组"), widgets.BoldLabel("组长"), widgets.BoldLabel("党员人数"))
	return widget.NewCard("", "删除党小组不会删除党员：组里的党员变为未分组。",
		container.NewBorder(container.NewVBox(toolbar, header), nil, nil, nil, container.NewStack(list, empty)))
}

var groupColumns = []float32{220, 180}

func newGroupRow() fyne.CanvasObject {
	return widgets.Columns(groupColumns, widgets.TruncatedLabel(""), widgets.TruncatedLabel(""), widget.NewLabel(""))
}

func (g *groupsSection) updateGroupRow(id widget.ListItemID, o fyne.CanvasObject) {
	group := g.groups[id]
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(group.Name)
	cells[1].(*widget.Label).SetText(g.leaderName(group))
	cells[2].(*widget.Label).SetText(fmt.Sprintf("%d 人", g.counts.ByGroup[group.ID]))
}

func (g *groupsSection) leaderName(group data.PartyGroup) string {
	if group.LeaderID == nil {
		return "未设"
	}
	for _, p := range g.members {
		if p.ID == *group.LeaderID {
			return p.Name
		}
	}
	return "（已不在党员名册中）"
}

func (g *groupsSection) reload() {
	groups, err := g.app.Store.Groups()
	if err != nil {
		g.app.ShowError("无法读取党小组", err)
		return
	}
	people, err := g.app.Store.People()
	if err != nil {
		g.app.ShowError("无法读取党员名册", err)
		return
	}
	g.groups = groups
	g.members = data.FilterPeople(people, data.PersonFilter{View: data.ViewRegister})
	data.SortPeople(g.members, data.FieldName, false)
	g.counts = data.Count(people)
	g.rows.reset(len(groups))
}

// current is a copy of the selected group.
func (g *groupsSection) current() (data.PartyGroup, bool) { return chosen(g.rows, g.groups) }

func (g *groupsSection) add() {
	g.askName("新增党小组", nil, func(name string) error {
		return g.app.Store.SaveGroup(&data.PartyGroup{Name: name})
	})
}

func (g *groupsSection) rename() {
	if group, ok := g.current(); ok {
		g.renameGroup(group)
	}
}

func (g *groupsSection) renameGroup(group data.PartyGroup) {
	g.askName("党小组改名", &group, func(name string) error {
		group.Name = name
		return g.app.Store.SaveGroup(&group)
	})
}

// askName asks for the name of group (nil: a new one) and hands it to save.
// A name typed is asked about before Esc, 取消 or closing the window throws
// it away.
func (g *groupsSection) askName(title string, group *data.PartyGroup, save func(name string) error) {
	entry := widgets.NewFormEntry()
	if group != nil {
		entry.SetText(group.Name)
	}
	entry.SetPlaceHolder("例如：第一党小组、语文组党小组")
	msg := widgets.HiddenMessage(widget.DangerImportance)
	content := container.NewVBox(widgets.NewFormField("名称", entry).Row, msg)
	d := dialog.NewCustomWithoutButtons(title, content, g.app.Window)
	var unsaved *core.Unsaved
	trySave := func() bool {
		name := data.CleanText(entry.Text)
		err := errors.New("请填写党小组名称")
		if name != "" {
			err = save(name)
		}
		if err != nil {
			msg.SetText(core.WrapMessage(err.Error()))
			msg.Show()
			if group != nil {
				g.nameRefused(err, group, d, unsaved, msg)
			}
			return false
		}
		d.Hide()
		g.app.NotifyChanged()
		return true
	}
	unsaved = core.DialogForm("党小组名称", d, content, nil, trySave)
	cancel := func() { g.app.AskLeave(unsaved) }
	entry.SetKeys(widgets.FormKeys{Ctrl: map[fyne.KeyName]func(){fyne.KeyS: func() { trySave() }}, Escape: cancel})
	entry.OnSubmitted = func(string) { trySave() }
	saveButton := widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), func() { trySave() })
	saveButton.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), cancel), saveButton})
	d.Resize(fyne.NewSize(420, 0))
	g.app.ShowForm(d, unsaved, nil)
	g.app.Window.Canvas().Focus(entry)
}

// commit reports a failed write, or reloads every screen after a good one.
func (g *groupsSection) commit(what string, err error) {
	if err != nil {
		g.app.ShowError(what+"没有成功", err)
		return
	}
	g.app.NotifyChanged()
}

// noLeader is the 组长 choice that clears the 组长.
const noLeader = "（不设组长）"

func (g *groupsSection) setLeader() {
	if group, ok := g.current(); ok {
		g.askLeader(group)
	}
}

// askLeader asks for the 组长 of group, its choice first.
func (g *groupsSection) askLeader(group data.PartyGroup) {
	labels, ids := g.leaderChoices(group.ID)
	pick := widget.NewSelect(labels, nil)
	pick.SetSelectedIndex(0)
	for i, id := range ids {
		if group.LeaderID != nil && id == *group.LeaderID {
			pick.SetSelectedIndex(i)
		}
	}
	item := widget.NewFormItem("组长", pick)
	item.HintText = "本组党员排在前面；括号里是其所在的党小组"
	title := "设置“" + group.Name + "”的组长"
	d := dialog.NewForm(title, "保存", "取消", []*widget.FormItem{item}, func(ok bool) {
		if !ok {
			return
		}
		group.LeaderID = nil
		if i := pick.SelectedIndex(); i > 0 {
			id := ids[i]
			group.LeaderID = &id
		}
		g.saveLeader(group)
	}, g.app.Window)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// leaderChoices lists the register's members for the 组长 Select of group
// groupID, its own members first, each with the group they belong to;
// labels[0] clears the 组长 (ids[0] is 0).
func (g *groupsSection) leaderChoices(groupID uint) (labels []string, ids []uint) {
	names := map[uint]string{}
	for _, group := range g.groups {
		names[group.ID] = group.Name
	}
	labels, ids = []string{noLeader}, []uint{0}
	seen := map[string]bool{}
	add := func(p data.Person) {
		label := p.Name
		if p.GroupID != nil && names[*p.GroupID] != "" {
			label += "（" + names[*p.GroupID] + "）"
		}
		if seen[label] { // two members with one name in one group: the Select needs distinct labels
			label += fmt.Sprintf(" #%d", p.ID)
		}
		seen[label] = true
		labels = append(labels, label)
		ids = append(ids, p.ID)
	}
	inGroup := func(p data.Person) bool { return p.GroupID != nil && *p.GroupID == groupID }
	for _, p := range g.members {
		if inGroup(p) {
			add(p)
		}
	}
	for _, p := range g.members {
		if !inGroup(p) {
			add(p)
		}
	}
	return labels, ids
}

func (g *groupsSection) delete() {
	group, ok := g.current()
	if !ok {
		return
	}
	msg := fmt.Sprintf("删除党小组“%s”吗？\n组里 %d 名党员的记录都会保留，只是变为未分组。",
		group.Name, g.counts.ByGroup[group.ID])
	dialog.ShowConfirm("删除党小组", msg, func(ok bool) {
		if ok {
			g.commit("删除党小组", g.app.Store.DeleteGroup(group.ID))
		}
	}, g.app.Window)
}
