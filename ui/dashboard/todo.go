package dashboard

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
	"partyoffice/ui/core"
	"partyoffice/ui/development"
	"partyoffice/ui/widgets"
)

// todoShown is how many 待办 lines the 工作台 shows before “查看全部”: enough
// for the urgent ones, few enough to leave room for the rest of the page.
const todoShown = 8

// loadTodo is everything the rule engine reports as of today, errors first,
// then by due date (rules.Sort).
func loadTodo(s *data.Store, today civil.Date) ([]rules.Finding, error) {
	d, err := s.LoadDevData()
	if err != nil {
		return nil, err
	}
	return rules.CheckAll(d, today, rules.DefaultOptions()), nil
}

// laterFindings are the findings the bands above do not show: no deadline,
// or one after this month.
func laterFindings(findings []rules.Finding, today civil.Date) []rules.Finding {
	var out []rules.Finding
	for _, f := range findings {
		if findingBand(f, today) == later {
			out = append(out, f)
		}
	}
	return out
}

// newTodoCard is the 工作台's 待办 card: what the 发展党员 rules say needs
// doing beyond the 逾期 and 本月要做 bands, most urgent first. A line opens the
// person's development record.
func newTodoCard(a *core.App, today civil.Date, findings []rules.Finding, err error) fyne.CanvasObject {
	const title = "待办（发展党员）"
	if err != nil {
		return widget.NewCard(title, "", widgets.QuietLabel("无法检查发展党员记录："+err.Error()))
	}
	if len(findings) == 0 {
		return widget.NewCard(title, "", widgets.QuietLabel("没有其他待办事项（逾期和本月要做的见上方）。"))
	}
	errs, reminders := rules.Count(findings)
	list := expandableList(len(findings), todoShown, func(i int) fyne.CanvasObject {
		return todoLine(a, findings[i], today)
	})
	subtitle := fmt.Sprintf("错误 %d 项，提醒 %d 项；点一行查看此人的发展记录", errs, reminders)
	return widget.NewCard(title, subtitle, list)
}

// todoWidths are the columns of a 待办 line: mark, person, due date, then the message.
var todoWidths = []float32{72, 96, 150}

// todoLine is one finding: severity mark, person, due date (red once past)
// and message; it opens the person's record when tapped (branch-wide
// findings open nothing).
func todoLine(a *core.App, f rules.Finding, today civil.Date) fyne.CanvasObject {
	mark := widget.NewLabelWithStyle("● "+f.Severity.Label(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	mark.Importance = widget.WarningImportance
	if f.Severity == rules.SeverityError {
		mark.Importance = widget.DangerImportance
	}
	person := f.Person
	if person == "" {
		person = "本支部"
	}
	due := development.FindingDue(f)
	if len(due) > 0 {
		due = due[len("（") : len(due)-len("）")]
	}
	dueLabel := widget.NewLabel(due)
	if !f.Due.IsZero() && !f.DueIsEarliest && today.After(f.Due.Last()) {
		dueLabel.Importance = widget.DangerImportance
	}
	row := widgets.Columns(todoWidths, mark, widgets.TruncatedLabel(person), dueLabel,
		widgets.TruncatedLabel(development.FindingText(f, false, false)))
	if f.PersonID == 0 {
		return row
	}
	id := f.PersonID
	return widgets.NewTapArea(row, theme.ColorNameBackground, func() { development.ShowDevelopmentPerson(a, id) })
}

// expandableList shows the first shown of n lines and a “查看全部 N 条”
// button that shows them all (then “收起”); line(i) builds line i.
func expandableList(n, shown int, line func(i int) fyne.CanvasObject) fyne.CanvasObject {
	rows := container.NewVBox()
	more := widget.NewButton("", nil)
	more.Importance = widget.LowImportance
	expanded := false
	show := func() {
		count := n
		if !expanded {
			count = min(n, shown)
		}
		rows.Objects = nil
		for i := range count {
			rows.Add(line(i))
		}
		rows.Refresh()
		switch {
		case n <= shown:
			more.Hide()
		case expanded:
			more.SetText("收起")
		default:
			more.SetText(fmt.Sprintf("查看全部 %d 条", n))
		}
	}
	more.OnTapped = func() { expanded = !expanded; show() }
	show()
	return container.NewVBox(rows, container.NewHBox(more))
}
