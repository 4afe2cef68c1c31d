package settings

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// The 区/市 local requirements are one switch (data.Store.SetLocalRequirements;
// docs/rules.md, "Local requirements"). The screen says what each of them
// asks, with the numbers as set in 三会一课 → 设置 and 发展党员计划, so the
// user knows what turning them on adds to the checks.

const localSwitchText = "检查区/市的本地要求"

// localRequirementLines describe each local requirement with its current
// numbers: the meeting types marked local, the 书记's 思政课 and the yearly
// 优秀青年教师 target. The first-run wizard can show the same lines.
func localRequirementLines(ms data.MeetingSettings, youngTeachers int) []string {
	var lines []string
	for _, r := range ms.Types {
		if r.Local {
			lines = append(lines, fmt.Sprintf("%s：%s，%s（%s）", r.Type, r.Scope, r.Requirement(), r.Basis))
		}
	}
	lines = append(lines, fmt.Sprintf("书记思政课：支部书记每学期听思政课不少于 %d 次、讲思政课不少于 %d 课时，"+
		"只计支部信息中设置的书记本人的记录（金凤区教育党工委2022年党建工作要点）", ms.ListenPerSemester, ms.TeachHoursPerSemester))
	young := "优秀青年教师：每年发展优秀青年教师入党"
	if youngTeachers > 0 {
		young += fmt.Sprintf("不少于 %d 名", youngTeachers)
	}
	lines = append(lines, young+"（金凤区教育党工委2022年党建工作要点）")
	return lines
}

type localSection struct {
	app     *core.App
	on      *widget.Check
	details *widget.Label
	status  *widget.Label
}

func newLocalSection(a *core.App) fyne.CanvasObject {
	s := &localSection{app: a, on: widget.NewCheck(localSwitchText, nil),
		details: widgets.WrappedLabel(""), status: widgets.HiddenMessage(widget.DangerImportance)}
	s.reload()
	s.on.OnChanged = s.switched
	a.OnChange(s.reload)
	explain := widgets.WrappedLabel("全国性的规定（《中国共产党支部工作条例（试行）》《中国共产党发展党员工作细则》等）总是检查。" +
		"下面这些是区、市党组织另外提出的要求：打开后，“工作台”“三会一课”“发展党员计划”按它们提醒和统计；" +
		"关闭后，它们不再提醒，也不算未完成。开关不改动任何记录和次数设置，随时可以再打开。")
	where := widgets.WrappedLabel("次数和目标可在“三会一课 → 设置”和“发展党员 → 发展党员计划”中修改。")
	return container.NewVScroll(container.NewVBox(
		widget.NewCard("区/市本地要求", "", container.NewVBox(explain, s.on, s.status)),
		widget.NewCard("包括哪些要求", "", container.NewVBox(s.details, where)),
	))
}

// reload shows the stored switch and the numbers the requirements use now.
func (s *localSection) reload() {
	ms, err := s.app.Store.MeetingSettings()
	if err != nil {
		s.say(err)
		return
	}
	lines := localRequirementLines(ms, s.app.Store.YoungTeacherTarget())
	s.details.SetText("· " + strings.Join(lines, "\n· "))
	on := s.app.Store.LocalRequirements()
	if s.on.Checked != on {
		handler := s.on.OnChanged
		s.on.OnChanged = nil // showing the stored value is not a change
		s.on.SetChecked(on)
		s.on.OnChanged = handler
	}
}

func (s *localSection) switched(on bool) {
	if err := s.app.Store.SetLocalRequirements(on); err != nil {
		s.say(err)
		s.reload()
		return
	}
	s.status.Hide()
	s.app.NotifyChanged()
}

func (s *localSection) say(err error) {
	s.status.SetText("本地要求的设置没有保存：" + err.Error())
	s.status.Show()
}
