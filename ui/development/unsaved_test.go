//go:build ci

package development

import (
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

// The step form and the plan form ask 放弃修改？ before typed work could be
// lost (issue 12).
func TestStepFormAsksBeforeLosingTypedWork(t *testing.T) {
	uitest.RequireAsksBeforeLosingWork(t, uitest.LeavePaths,
		func(t *testing.T, a *core.App) {
			p := uitest.Applicant(t, a, "孙申", civil.New(2021, 3, 1))
			ShowDevelopmentPerson(a, p.ID)
			uitest.TapButtonNear(t, a.Window.Canvas(), stepTitle(data.StepActivist), "登记")
		},
		func(t *testing.T, a *core.App) string {
			uitest.FillField(t, a.Window.Canvas(), "日期", "2021-09-10")
			return "2021-09-10"
		})
}

func TestPlanFormAsksBeforeLosingTypedWork(t *testing.T) {
	uitest.RequireAsksBeforeLosingWork(t, uitest.LeavePaths,
		func(t *testing.T, a *core.App) {
			newDevPlanTab(a).showPlanForm(nil) // as 新增计划 does
		},
		func(t *testing.T, a *core.App) string {
			uitest.FillField(t, a.Window.Canvas(), "备注", "暑期前谈话")
			return "暑期前谈话"
		})
}

// 停止培养 (a date and the reason) asks too.
func TestStopDevelopmentAsksBeforeLosingTheReason(t *testing.T) {
	uitest.RequireAsksBeforeLosingWork(t, uitest.LeavePaths[:2],
		func(t *testing.T, a *core.App) {
			p := uitest.Applicant(t, a, "孙申", civil.New(2021, 3, 1))
			ShowDevelopmentPerson(a, p.ID)
			uitest.TapButton(t, a.Window.Canvas(), "停止培养")
		},
		func(t *testing.T, a *core.App) string {
			uitest.FillField(t, a.Window.Canvas(), "原因", "本人申请暂缓")
			return "本人申请暂缓"
		})
}
