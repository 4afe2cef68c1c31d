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

// A 思政课 record changed by someone else while its form is open.
func TestClassLogConflict(t *testing.T) {
	var id uint
	stored := func(t *testing.T, a *core.App) data.ClassLog {
		c, err := data.Saved[data.ClassLog](a.Store, id)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	uitest.CheckConflict(t, uitest.ConflictCase{
		Open: func(t *testing.T, a *core.App) func() {
			c := data.ClassLog{Date: uitest.MeetingDay, Kind: data.ClassListen, Class: "七年级（3）班", Topic: "中华民族一家亲", Hours: 1}
			if err := a.Store.SaveClassLog(&c); err != nil {
				t.Fatal(err)
			}
			id = c.ID
			showClassLogForm(a, &c)
			return func() { uitest.TapButton(t, a.Window.Canvas(), "保存") }
		},
		Meanwhile: func(t *testing.T, a *core.App) {
			c := stored(t, a)
			c.Topic = "我们的中国梦"
			if err := a.Store.SaveClassLog(&c); err != nil {
				t.Fatal(err)
			}
		},
		Stored: func(t *testing.T, a *core.App) string { return stored(t, a).Topic },
		Field:  "课题", Same: "班级", Mine: "红色家书", Theirs: "我们的中国梦",
	})
}
