//go:build ci

package settings

import (
	"testing"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

// 支部信息 saved by someone else while the screen shows it: the save keeps
// the version it showed, so it meets the change; 对比 lists 联系电话 with both
// numbers, 用已保存的 shows theirs, 保留我的 saves mine over it.
func TestBranchInformationConflict(t *testing.T) {
	branch := func(t *testing.T, a *core.App) data.Branch {
		b, err := a.Store.Branch()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	uitest.CheckConflict(t, uitest.ConflictCase{
		Open: func(t *testing.T, a *core.App) func() {
			b := branch(t, a)
			b.Name, b.Secretary, b.Phone = "银川市第一小学党支部", "王五", "0951-5000000"
			if err := a.Store.SaveBranch(b); err != nil {
				t.Fatal(err)
			}
			uitest.Show(a, newBranchSection(a))
			return func() { uitest.TapButton(t, a.Window.Canvas(), "保存") }
		},
		Meanwhile: func(t *testing.T, a *core.App) {
			b := branch(t, a)
			b.Phone = "0951-6000000"
			if err := a.Store.SaveBranch(b); err != nil {
				t.Fatal(err)
			}
		},
		Stored: func(t *testing.T, a *core.App) string { return branch(t, a).Phone },
		Field:  "联系电话", Same: "书记", Mine: "0951-7000000", Theirs: "0951-6000000",
	})
}

// A 党小组 renamed by someone else while its 改名 dialog is open.
func TestGroupNameConflict(t *testing.T) {
	var id uint
	group := func(t *testing.T, a *core.App) data.PartyGroup {
		g, err := data.Saved[data.PartyGroup](a.Store, id)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	uitest.CheckConflict(t, uitest.ConflictCase{
		Open: func(t *testing.T, a *core.App) func() {
			g := data.PartyGroup{Name: "第一党小组"}
			if err := a.Store.SaveGroup(&g); err != nil {
				t.Fatal(err)
			}
			id = g.ID
			(&groupsSection{app: a}).renameGroup(g)
			return func() { uitest.TapButton(t, a.Window.Canvas(), "保存") }
		},
		Meanwhile: func(t *testing.T, a *core.App) {
			g := group(t, a)
			g.Name = "数学组党小组"
			if err := a.Store.SaveGroup(&g); err != nil {
				t.Fatal(err)
			}
		},
		Stored: func(t *testing.T, a *core.App) string { return group(t, a).Name },
		Field:  "名称", Mine: "语文组党小组", Theirs: "数学组党小组",
	})
}
