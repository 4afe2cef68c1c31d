//go:build ci

package meetings

import (
	"testing"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

// The minutes as someone else saved them meanwhile: 对比 lists 地点 with both
// places, 用已保存的 opens theirs, 保留我的 saves mine over it.
func TestMinutesConflict(t *testing.T) {
	var id uint
	place := func(t *testing.T, a *core.App) data.Meeting {
		m, err := a.Store.Meeting(id)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	uitest.CheckConflict(t, uitest.ConflictCase{
		Open: func(t *testing.T, a *core.App) func() {
			uitest.ThreeMembers(t, a)
			id = uitest.HoldMeeting(t, a, uitest.MeetingDay, data.TypeMembersMeeting).ID
			m := place(t, a)
			ShowMeetingForm(a, &m)
			return func() { uitest.TapButton(t, a.Window.Canvas(), "保存（Ctrl+S）") }
		},
		Meanwhile: func(t *testing.T, a *core.App) {
			m := place(t, a)
			m.Place = "党员活动室"
			if err := a.Store.SaveMeeting(&m); err != nil {
				t.Fatal(err)
			}
		},
		Stored: func(t *testing.T, a *core.App) string { return place(t, a).Place },
		Field:  "地点", Same: "主持人", Mine: "三楼会议室", Theirs: "党员活动室",
	})
}
