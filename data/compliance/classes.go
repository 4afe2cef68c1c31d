package compliance

import (
	"fmt"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
)

// ClassTally is the 支部书记's 思政课 in one semester (docs/rules.md, local requirements R4, R5):
// 听课 counted by visits, 授课 by 课时. Only the 书记 set in 支部信息 counts
// toward the targets; what others logged is listed (Others) but not
// counted (docs/rules.md, R-LISTEN and R-TEACH).
type ClassTally struct {
	Period       data.Period // the semester, holidays before it included
	Secretary    string      // the 书记 of 支部信息 ("" when not set: only records naming nobody count)
	Listens      int         // 听课次数 of the 书记
	TeachHours   int         // 授课课时 of the 书记
	ListenTarget int
	TeachTarget  int
	Logs         []data.ClassLog // every record of the semester, the 书记's and others'
	Others       []data.ClassLog // the records of others than the 书记: listed, not counted
}

// ListenMet and TeachMet report whether the semester's targets are reached.
func (t *ClassTally) ListenMet() bool { return t.Listens >= t.ListenTarget }
func (t *ClassTally) TeachMet() bool  { return t.TeachHours >= t.TeachTarget }

// Classes tallies the semester that on counts for.
func (c *Compliance) Classes(on civil.Date) ClassTally {
	p := c.d.Settings.PeriodOf(data.EverySemester, on)
	t := ClassTally{Period: p, Secretary: data.CleanText(c.d.Branch.Secretary),
		ListenTarget: c.d.Settings.ListenPerSemester, TeachTarget: c.d.Settings.TeachHoursPerSemester}
	for _, l := range c.d.ClassLogs {
		if !p.Contains(l.Date) {
			continue
		}
		t.Logs = append(t.Logs, l)
		if !bySecretary(t.Secretary, l) {
			t.Others = append(t.Others, l)
			continue
		}
		switch l.Kind {
		case data.ClassListen:
			t.Listens++
		case data.ClassTeach:
			t.TeachHours += l.Hours
		}
	}
	return t
}

// bySecretary reports whether a record is the 书记's own: it names the 书记
// (names compared without spaces, as offices align two-character names), or
// names nobody, which the form means as the 书记 (data.SaveClassLog fills in
// the 书记 of the day when one is set).
func bySecretary(secretary string, l data.ClassLog) bool {
	who := nameKey(l.Who)
	return who == "" || who == nameKey(secretary)
}

func nameKey(s string) string { return strings.Join(strings.Fields(data.CleanText(s)), "") }

// secretaryNote says why a semester's records may not count.
func (t *ClassTally) secretaryNote() string {
	switch {
	case len(t.Others) == 0:
		return ""
	case t.Secretary == "":
		return fmt.Sprintf("（支部信息中没有设置书记，注明了其他人的 %d 条记录不计入）", len(t.Others))
	}
	return fmt.Sprintf("（另有 %d 条非书记本人的记录，不计入）", len(t.Others))
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
				Message: fmt.Sprintf(branchPrefix+"%s支部书记听思政课 %d 次，应不少于 %d 次%s%s（依据：金凤区教育党工委2022年党建工作要点）",
					when, t.Listens, t.ListenTarget, tail, t.secretaryNote())})
		}
		if !t.TeachMet() {
			out = append(out, rules.Finding{Rule: RuleTeach, Severity: sev, Due: p.End,
				Message: fmt.Sprintf(branchPrefix+"%s支部书记讲思政课 %d 课时，应不少于 %d 课时%s%s（依据：金凤区教育党工委2022年党建工作要点）",
					when, t.TeachHours, t.TeachTarget, tail, t.secretaryNote())})
		}
	}
	return out
}
