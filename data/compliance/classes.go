package compliance

import (
	"fmt"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
)

// ClassTally is the 支部书记's 思政课 in one semester (docs/rules.md, local requirements R4, R5):
// 听课 counted by visits, 授课 by 课时.
type ClassTally struct {
	Period       data.Period // the semester, holidays before it included
	Listens      int         // 听课次数
	TeachHours   int         // 授课课时
	ListenTarget int
	TeachTarget  int
	Logs         []data.ClassLog
}

// ListenMet and TeachMet report whether the semester's targets are reached.
func (t *ClassTally) ListenMet() bool { return t.Listens >= t.ListenTarget }
func (t *ClassTally) TeachMet() bool  { return t.TeachHours >= t.TeachTarget }

// Classes tallies the semester that on counts for.
func (c *Compliance) Classes(on civil.Date) ClassTally {
	p := c.d.Settings.PeriodOf(data.EverySemester, on)
	t := ClassTally{Period: p, ListenTarget: c.d.Settings.ListenPerSemester,
		TeachTarget: c.d.Settings.TeachHoursPerSemester}
	for _, l := range c.d.ClassLogs {
		if !p.Contains(l.Date) {
			continue
		}
		t.Logs = append(t.Logs, l)
		switch l.Kind {
		case data.ClassListen:
			t.Listens++
		case data.ClassTeach:
			t.TeachHours += l.Hours
		}
	}
	return t
}

// ClassTallies lists the semesters overlapping [from, to].
func (c *Compliance) ClassTallies(from, to civil.Date) []ClassTally {
	var out []ClassTally
	for _, p := range c.d.Settings.PeriodsBetween(data.EverySemester, from, to) {
		out = append(out, c.Classes(p.Start))
	}
	return out
}

// classFindings remind of a semester ending short of its 思政课 and report
// the semesters of the last year that ended short.
func (c *Compliance) classFindings() []rules.Finding {
	var out []rules.Finding
	from := c.today.AddMonths(-lookBackMonths)
	lead := c.d.Settings.LeadDays[data.EverySemester]
	for _, t := range c.ClassTallies(from, c.today) {
		p := t.Period
		if !c.judged(p) {
			continue
		}
		ended := c.today.After(p.End)
		if !ended && p.DaysLeft(c.today) > lead {
			continue
		}
		sev, when := rules.SeverityReminder, fmt.Sprintf("本学期（%s）", p.Label)
		tail := fmt.Sprintf("，剩余 %d 天", p.DaysLeft(c.today))
		if ended {
			sev, when, tail = rules.SeverityError, p.Label, ""
		}
		if !t.ListenMet() {
			out = append(out, rules.Finding{Rule: RuleListen, Severity: sev, Due: p.End,
				Message: fmt.Sprintf(branchPrefix+"%s支部书记听思政课 %d 次，应不少于 %d 次%s（依据：金凤区教育党工委2022年党建工作要点）",
					when, t.Listens, t.ListenTarget, tail)})
		}
		if !t.TeachMet() {
			out = append(out, rules.Finding{Rule: RuleTeach, Severity: sev, Due: p.End,
				Message: fmt.Sprintf(branchPrefix+"%s支部书记讲思政课 %d 课时，应不少于 %d 课时%s（依据：金凤区教育党工委2022年党建工作要点）",
					when, t.TeachHours, t.TeachTarget, tail)})
		}
	}
	return out
}
