package rules

import (
	"fmt"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// Reminders of what is coming, as of the date of the check. A reminder
// appears when its date is within Options.Horizon days, and stays once the
// date has passed until the step is recorded.

// remindAssessment is R-ASSESS: an activist (or 发展对象 not yet admitted)
// is assessed every half year (细则第十一条).
func remindAssessment(x *personCheck) {
	stage := x.p.Stage
	if !x.t.Has(data.StepActivist) || !x.pending(data.StepBranchMeeting) ||
		stage != data.StageActivist && stage != data.StageCandidate {
		return
	}
	last := x.t.LastAssessed()
	due := deadline(last, 6)
	since := fmt.Sprintf("上次半年考察是 %s", last)
	if len(x.t.Assessments()) == 0 {
		since = fmt.Sprintf("%s 确定为入党积极分子，还没有登记半年考察", last)
	}
	switch {
	case x.overdue(due):
		x.remind(RuleAssessDue, due, "%s，已超过半年，应进行半年考察", since)
	case x.soon(due):
		x.remind(RuleAssessDue, due, "%s，应在 %s 前进行半年考察", since, due.Last())
	}
}

// remindCandidate is R-CANDIDATE: an activist of a year may be discussed as
// a 发展对象 (D4's date, as a reminder).
func remindCandidate(x *personCheck) {
	if !x.t.Has(data.StepActivist) || x.t.Has(data.StepCandidate) || x.p.Stage != data.StageActivist {
		return
	}
	eligible := earliest(x.t.Activist, 12)
	if !x.soon(eligible) {
		return
	}
	if x.on.Before(eligible) {
		x.remind(RuleCandidateDue, eligible, "%s 确定为入党积极分子，%s 满一年后，可以讨论确定为发展对象", x.t.Activist, eligible)
	} else {
		x.remind(RuleCandidateDue, eligible, "%s 确定为入党积极分子，已满一年，可以讨论确定为发展对象", x.t.Activist)
	}
	x.out[len(x.out)-1].DueIsEarliest = true
}

// remindOath is R-OATH (local, unverified): the 入党宣誓 normally within a
// month of the approval.
func remindOath(x *personCheck) {
	if !x.t.Approved || x.t.Has(data.StepOath) || x.p.Stage != data.StageProbationer {
		return
	}
	due := deadline(x.t.Approval, 1)
	switch {
	case x.overdue(due):
		x.remind(RuleOathDue, due, "上级党委 %s 批准入党，已超过一个月，还没有登记入党宣誓", x.t.Approval)
	case x.soon(due):
		x.remind(RuleOathDue, due, "上级党委 %s 批准入党，一般应在 %s 前组织入党宣誓", x.t.Approval, due.Last())
	}
}

// youngTeachers is R-YOUNG: the branch-wide yearly target of 优秀青年教师
// admitted (counted by the date of their 支部大会), with who is in the
// pipeline when the target is not met yet.
func (c *Checker) youngTeachers(on civil.Date) []Finding {
	target := c.d.YoungTeacherTarget
	r, ok := RuleFor(data.BranchRuleVersion(c.d.Branch.RuleVersion), RuleYoungTeacher)
	if target <= 0 || !ok || len(c.d.People) == 0 || c.d.NationalOnly {
		return nil // nothing to say of a branch not yet entered, or without the local requirements
	}
	received := 0
	var pipeline []string
	for i := range c.d.People {
		p := &c.d.People[i]
		if !p.YoungTeacher || p.Roll == data.RollStopped || p.Roll == data.RollCancelled {
			continue
		}
		t := c.Timeline(p, on)
		switch {
		case p.Stage.IsMember() && t.BranchMeeting.Year == on.Year && !t.BranchMeeting.After(on):
			received++
		case !p.Stage.IsMember() && p.Roll == data.RollActive:
			pipeline = append(pipeline, p.Name+"（"+string(p.Stage)+"）")
		}
	}
	if received >= target {
		return nil
	}
	msg := fmt.Sprintf("本支部：%d年已发展优秀青年教师 %d 人，年度目标 %d 人；", on.Year, received, target)
	if len(pipeline) == 0 {
		msg += "目前没有正在培养的优秀青年教师，请及早物色培养"
	} else {
		msg += "正在培养：" + strings.Join(pipeline, "、")
	}
	return []Finding{{Rule: RuleYoungTeacher, Severity: SeverityReminder, Due: civil.New(on.Year, 12, 31),
		Message: msg + "（依据：" + r.Basis() + "）", Printed: msg + "（依据：" + r.PrintedBasis() + "）"}}
}
