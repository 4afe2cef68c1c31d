//go:build ci

package yearwork

import (
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/ui/core"
	"partyoffice/ui/registers"
	"partyoffice/ui/uitest"
)

// A 谈心谈话 row saved by someone else while it is open (the generic
// register form): 对比 lists 主要内容 with both texts, 用已保存的 opens theirs,
// 保留我的 saves mine over it.
func TestRegisterRowConflict(t *testing.T) {
	var id uint
	stored := func(t *testing.T, a *core.App) data.Talk {
		v, err := data.Saved[data.Talk](a.Store, id)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	uitest.CheckConflict(t, uitest.ConflictCase{
		Open: func(t *testing.T, a *core.App) func() {
			uitest.ThreeMembers(t, a)
			talk := data.Talk{Date: civil.New(2026, 4, 1), Talker: "王五", Subject: "张三", Kind: data.TalkToMember, Content: "教学情况"}
			if err := data.SaveRecord(a.Store, &talk); err != nil {
				t.Fatal(err)
			}
			id = talk.ID
			l := registers.NewList(a, talkSpec(), func() int { return 2026 })
			uitest.Show(a, l.Object())
			l.Reload()
			l.Table().SelectRow(0)
			uitest.TapButton(t, a.Window.Canvas(), "修改")
			return func() { uitest.TapButton(t, a.Window.Canvas(), "保存") }
		},
		Meanwhile: func(t *testing.T, a *core.App) {
			v := stored(t, a)
			v.Content = "思想动态"
			if err := data.SaveRecord(a.Store, &v); err != nil {
				t.Fatal(err)
			}
		},
		Stored: func(t *testing.T, a *core.App) string { return stored(t, a).Content },
		Field:  "主要内容", Same: "谈话对象", Mine: "家访安排", Theirs: "思想动态",
	})
}
