//go:build ci

package dashboard

import (
	"testing"

	"partyoffice/data"
	"partyoffice/ui/uitest"
)

func TestDashboardCardShowsTheRunningPeriods(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	uitest.HoldMeeting(t, a, uitest.MeetingDay, data.TypeMembersMeeting)
	uitest.Show(a, NewDashboard(a))
	c := a.Window.Canvas()
	uitest.RequireText(t, c, meetingsCardTitle)
	uitest.RequireText(t, c, "✓ 已完成")
	uitest.RequireText(t, c, "待召开，剩余 16 天") // 主题党日 of June, judged on 2026-06-15
}
