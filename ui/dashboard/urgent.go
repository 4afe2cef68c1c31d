package dashboard

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/compliance"
	"partyoffice/data/rules"
	"partyoffice/ui/core"
	"partyoffice/ui/development"
	"partyoffice/ui/members"
	"partyoffice/ui/widgets"
)

// The 工作台 opens on what is late, then on what falls due this month, and
// only then on the numbers: the serious items (a meeting not held, a member
// absent for six months, an overdue 转正) used to sit on the third screen.

// urgency is the band an item belongs to.
type urgency int

const (
	overdue   urgency = iota // 逾期: the deadline has passed
	thisMonth                // 本月要做: due by the end of this month
	later                    // the rest: the 待办 card below
)

// urgentItem is one line of a band: who or what, the text in full and where
// a tap leads.
type urgentItem struct {
	band urgency
	who  string
	text string
	open func()
}

// findingBand places a 发展党员 finding: past its deadline, due this month, or later.
func findingBand(f rules.Finding, today civil.Date) urgency {
	switch {
	case f.Due.IsZero() || f.DueIsEarliest:
		return later
	case today.After(f.Due.Last()):
		return overdue
	case !monthEnd(today).Before(f.Due.Last()):
		return thisMonth
	}
	return later
}

// monthEnd is the last day of today's month.
func monthEnd(today civil.Date) civil.Date {
	return civil.New(today.Year, today.Month, civil.DaysIn(today.Year, today.Month))
}

// urgentItems gathers the late and this month's items of every feature:
// 发展党员 deadlines (预备期 ends among them: the rules report them, the
// 预备期 card below lists them all), 三会一课 periods missed or ending, long
// absences.
func urgentItems(a *core.App, f dashboardFacts, findings []rules.Finding, c *compliance.Compliance, ms *data.MeetingSettings) []urgentItem {
	var items []urgentItem
	for _, fd := range findings {
		band := findingBand(fd, f.today)
		if band == later {
			continue
		}
		who := fd.Person
		if who == "" {
			who = "本支部"
		}
		item := urgentItem{band: band, who: who,
			text: development.FindingText(fd, false, false) + development.FindingDue(fd)}
		if id := fd.PersonID; id != 0 {
			item.open = func() { development.ShowDevelopmentPerson(a, id) }
		} else {
			item.open = func() { a.ShowScreen("发展党员") }
		}
		items = append(items, item)
	}
	if c == nil {
		return items
	}
	toMeetings := func() { a.ShowScreen("三会一课") }
	for _, fd := range c.Findings() {
		if fd.Severity == rules.SeverityError && fd.Rule != compliance.RuleListen && fd.Rule != compliance.RuleTeach {
			items = append(items, urgentItem{overdue, "三会一课", fd.Message, toMeetings})
		}
	}
	for _, ab := range c.Absences() {
		if !f.today.Before(ab.Limit) {
			items = append(items, urgentItem{overdue, ab.Person.Name,
				fmt.Sprintf("已连续 %d 个月未参加组织生活（上次 %s）", ab.Months, ab.Since), toMeetings})
		}
	}
	for _, st := range c.Current() {
		if st.State == compliance.Due && !monthEnd(f.today).Before(st.Period.End) {
			text := fmt.Sprintf("%s（%s）还未召开，剩余 %d 天", st.Type, st.Period.Label, st.DaysLeft)
			items = append(items, urgentItem{thisMonth, "三会一课", text, toMeetings})
		}
	}
	return items
}

// urgentBandShown is how many lines a band shows before “查看全部”.
const urgentBandShown = 5

// urgentBand is the 逾期 (red) or 本月要做 band; nil when it has nothing.
func urgentBand(items []urgentItem, band urgency) fyne.CanvasObject {
	var mine []urgentItem
	for _, it := range items {
		if it.band == band {
			mine = append(mine, it)
		}
	}
	if len(mine) == 0 {
		return nil
	}
	title, tag := fmt.Sprintf("逾期（%d 项）", len(mine)), "逾期"
	if band == thisMonth {
		title, tag = fmt.Sprintf("本月要做（%d 项）", len(mine)), "本月"
	}
	list := expandableList(len(mine), urgentBandShown, func(i int) fyne.CanvasObject {
		return urgentLine(mine[i], tag)
	})
	return widget.NewCard(title, "点一行查看详情", list)
}

// urgentLine is a tag (逾期 in red, 本月 in amber), who, and the text in
// full, wrapped rather than cut off; a tap opens what it is about.
func urgentLine(it urgentItem, tag string) fyne.CanvasObject {
	mark := widget.NewLabelWithStyle("● "+tag, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	mark.Importance = widget.DangerImportance
	if it.band == thisMonth {
		mark.Importance = widget.WarningImportance
	}
	row := widgets.Columns([]float32{80, 110}, mark, widgets.TruncatedLabel(it.who), widgets.WrappedLabel(it.text))
	return widgets.NewTapArea(row, theme.ColorNameBackground, it.open)
}

// firstSteps replaces the bands while the register is empty: the first
// thing to do, with its buttons (the same words as the 三会一课 screen).
func firstSteps(a *core.App, f dashboardFacts) fyne.CanvasObject {
	if f.counts.Full+f.counts.Probationer > 0 {
		return nil
	}
	imp := widget.NewButtonWithIcon("导入党员名册…", theme.UploadIcon(), func() { members.ShowImportMembers(a) })
	imp.Importance = widget.HighImportance
	add := widget.NewButtonWithIcon("新增党员", theme.ContentAddIcon(), func() { members.ShowMemberForm(a, nil) })
	return widget.NewCard("从这里开始", "", container.NewVBox(widgets.WrappedLabel(core.NoMembersYet),
		container.NewHBox(imp, add)))
}
