package reportcenter

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// branchesView is the district's 各支部: the branches on the server with
// their people, and the chosen branch's 党员名册 read live through a
// read-only view of it (data.Store.BranchView), with that branch's exports
// (the CLI: branches, export … --branch N).
type branchesView struct {
	a        *core.App
	list     *widgets.Table[data.ServerBranch]
	count    *widget.Label
	title    *widget.Label
	people   *widgets.Table[data.Person]
	groups   []data.PartyGroup
	exports  *fyne.Container
	branch   *core.App // the chosen branch over its view; nil before a choice
	chosenID uint
}

func newBranchesView(a *core.App) (*branchesView, fyne.CanvasObject) {
	v := &branchesView{a: a, count: widget.NewLabel(""), exports: container.NewHBox()}
	v.list = widgets.NewTable(widgets.TableConfig[data.ServerBranch]{
		Columns: []reports.Column[data.ServerBranch]{
			{Header: "编号", ScreenWidth: 56, Get: func(b *data.ServerBranch) any { return int(b.ID) }},
			{Header: "支部名称", ScreenWidth: 240, Get: func(b *data.ServerBranch) any { return b.Label() }},
			{Header: "在册党员", ScreenWidth: 72, Get: func(b *data.ServerBranch) any { return b.Members }},
		},
		ID:       func(b *data.ServerBranch) uint { return b.ID },
		OnSelect: v.chosen,
	})
	v.people = widgets.NewTable(widgets.TableConfig[data.Person]{
		Columns: v.memberColumns(), Numbered: true, Sticky: 2,
		ID: func(p *data.Person) uint { return p.ID },
	})
	v.title = widget.NewLabelWithStyle("在左边选一个支部，这里只读显示它的党员名册（服务器上的实时数据）",
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	refresh := widget.NewButtonWithIcon("刷新", theme.ViewRefreshIcon(), v.reload)
	left := container.NewBorder(container.NewBorder(nil, nil, nil, refresh, v.count), nil, nil, nil, v.list.Widget())
	right := container.NewBorder(container.NewBorder(nil, nil, nil, v.exports, v.title), nil, nil, nil, v.people.Widget())
	split := container.NewHSplit(left, right)
	split.Offset = 0.3
	v.reload()
	return v, split
}

// memberColumns are the 党员名册's own columns (as its export describes
// them), the 党小组 by name.
func (v *branchesView) memberColumns() []reports.Column[data.Person] {
	cols := reports.Pick(reports.MemberRegister(), data.FieldName, data.FieldGender, data.FieldBirth,
		data.FieldEducation, data.FieldStage, data.FieldGroup, data.FieldJoin, data.FieldFull, data.FieldPost)
	for i := range cols {
		if cols[i].Header == data.FieldGroup {
			cols[i].Text = func(p *data.Person) string { return widgets.GroupName(v.groups, p.GroupID, "") }
		}
	}
	return cols
}

// reload lists the branches again (off the UI goroutine).
func (v *branchesView) reload() {
	v.a.Background(func() {
		list, err := v.a.Store.ServerBranches()
		fyne.Do(func() {
			if err != nil {
				v.a.ShowError("无法读取各支部", err)
				return
			}
			members := 0
			for _, b := range list {
				members += b.Members
			}
			v.count.SetText(fmt.Sprintf("共 %d 个支部，在册党员 %d 人", len(list), members))
			v.list.SetRows(list)
		})
	})
}

// chosen opens the selected branch's view and shows its register.
func (v *branchesView) chosen() {
	b, ok := v.list.Selected()
	if !ok || b.ID == v.chosenID {
		return
	}
	v.chosenID = b.ID
	chosen := *b
	v.title.SetText("正在读取" + chosen.Label() + "……")
	v.a.Background(func() {
		view, people, groups, err := v.read(chosen.ID)
		fyne.Do(func() { v.show(chosen, view, people, groups, err) })
	})
}

// read opens a view of branch id and reads its register.
func (v *branchesView) read(id uint) (*data.Store, []data.Person, []data.PartyGroup, error) {
	view, err := v.a.Store.BranchView(id)
	if err != nil {
		return nil, nil, nil, err
	}
	people, err := view.People()
	var groups []data.PartyGroup
	if err == nil {
		groups, err = view.Groups()
	}
	if err != nil {
		view.Close()
		return nil, nil, nil, err
	}
	return view, data.FilterPeople(people, data.PersonFilter{View: data.ViewRegister}), groups, nil
}

// show puts the chosen branch on screen: its register and its exports on
// an App over its view, which replaces (and closes) the previous one.
func (v *branchesView) show(b data.ServerBranch, view *data.Store, people []data.Person, groups []data.PartyGroup, err error) {
	if b.ID != v.chosenID { // another branch was chosen meanwhile
		if view != nil {
			view.Close()
		}
		return
	}
	if v.branch != nil {
		v.branch.Store.Close()
		v.branch = nil
	}
	v.exports.RemoveAll()
	if err != nil {
		v.chosenID = 0
		v.people.SetRows(nil)
		v.title.SetText(b.Label() + "：无法读取")
		v.a.ShowError("无法查看这个支部", err)
		return
	}
	v.branch = core.NewApp(view, v.a.Window)
	v.branch.Now = v.a.Now
	v.groups = groups
	v.people.SetRows(people)
	v.title.SetText(fmt.Sprintf("%s　党员名册（只读，%d 人在册）", b.Label(), len(people)))
	for _, screen := range []string{reports.ScreenMembers, reports.ScreenStatistics} {
		v.exports.Add(core.NewExportButton(v.branch, screen, nil))
	}
}
