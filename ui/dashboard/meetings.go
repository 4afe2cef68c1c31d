package dashboard

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/compliance"
	"partyoffice/data/rules"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// meetingsCardTitle heads the 工作台's 三会一课 card.
const meetingsCardTitle = "三会一课（本期完成情况）"

// meetingsCard is the 工作台's 三会一课 card: each required type in its
// running period, done or how many days are left (amber when the reminder
// time has come); beside it the 思政课 of the semester, the periods of the
// past year that ended without their meetings (red) and the members without
// 组织生活 for months.
func meetingsCard(today civil.Date, d *compliance.Data, err error) fyne.CanvasObject {
	if d == nil {
		l := widget.NewLabel("无法读取三会一课记录：" + err.Error())
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		return widget.NewCard(meetingsCardTitle, "", l)
	}
	if n := data.Count(d.People); n.Full+n.Probationer == 0 {
		return widget.NewCard(meetingsCardTitle, "", widgets.WrappedLabel(core.NoMembersYet))
	}
	c := compliance.New(d, today)
	return widget.NewCard(meetingsCardTitle, "",
		container.NewGridWithColumns(2, currentStatusRows(c, &d.Settings), meetingNotes(c, &d.Settings, today)))
}

func currentStatusRows(c *compliance.Compliance, ms *data.MeetingSettings) fyne.CanvasObject {
	rows := container.NewVBox()
	for _, st := range c.Current() {
		if st.State == compliance.NotRequired {
			continue
		}
		rows.Add(widgets.Columns([]float32{170, 150},
			widgets.TruncatedLabel(string(st.Type)),
			widgets.TruncatedLabel(st.Period.Label),
			statusLabel(st, ms.LeadDays[st.Period.Every])))
	}
	if len(rows.Objects) == 0 {
		return widgets.QuietLabel("设置中没有需要按期召开的会议。")
	}
	return rows
}

// statusLabel: ✓ 已完成 in green; 待召开 with the days left, amber once
// within the reminder days; 未完成 in red.
func statusLabel(st compliance.Status, leadDays int) *widget.Label {
	l := widgets.TruncatedLabel("")
	switch st.State {
	case compliance.Done:
		l.SetText("✓ 已完成")
		l.Importance = widget.SuccessImportance
	case compliance.Due:
		text := fmt.Sprintf("待召开，剩余 %d 天", st.DaysLeft)
		if len(st.MissingGroups) > 0 {
			text = fmt.Sprintf("%d 个党小组待召开，剩余 %d 天", len(st.MissingGroups), st.DaysLeft)
		}
		l.SetText(text)
		if st.DaysLeft <= leadDays {
			l.Importance = widget.WarningImportance
		}
	case compliance.Overdue:
		l.SetText("未完成")
		l.Importance = widget.DangerImportance
	default:
		l.SetText(string(st.State))
		l.Importance = widget.LowImportance
	}
	return l
}

// meetingNotes are the 思政课 of the semester, the misses of the past year
// and the long absences, one line each.
func meetingNotes(c *compliance.Compliance, ms *data.MeetingSettings, today civil.Date) fyne.CanvasObject {
	t := c.Classes(today)
	classes := widget.NewLabel(fmt.Sprintf("本学期思政课：听课 %d/%d 次，授课 %d/%d 课时", t.Listens, t.ListenTarget,
		t.TeachHours, t.TeachTarget))
	if !t.ListenMet() || !t.TeachMet() {
		classes.Importance = widget.WarningImportance
	} else {
		classes.Importance = widget.SuccessImportance
	}
	notes := container.NewVBox(classes)
	missed := 0
	for _, f := range c.Findings() {
		if f.Severity == rules.SeverityError && f.Rule != compliance.RuleListen && f.Rule != compliance.RuleTeach {
			missed++
		}
	}
	if missed > 0 {
		notes.Add(noteLabel(fmt.Sprintf("过去一年有 %d 期会议未按要求召开（见三会一课的完成情况）", missed), widget.DangerImportance))
	}
	past, near := 0, 0
	for _, ab := range c.Absences() {
		if today.Before(ab.Limit) {
			near++
		} else {
			past++
		}
	}
	if past > 0 {
		notes.Add(noteLabel(fmt.Sprintf("%d 名党员已连续 %d 个月未参加组织生活（见参加情况）", past, ms.AbsenceMonths), widget.DangerImportance))
	}
	if near > 0 {
		notes.Add(noteLabel(fmt.Sprintf("%d 名党员即将满 %d 个月未参加组织生活（见参加情况）", near, ms.AbsenceMonths), widget.WarningImportance))
	}
	return notes
}

func noteLabel(text string, importance widget.Importance) *widget.Label {
	l := widgets.WrappedLabel(text)
	l.Importance = importance
	return l
}
