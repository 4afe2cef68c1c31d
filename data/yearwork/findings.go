package yearwork

import (
	"fmt"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
)

// Rule IDs of the yearly registers' findings (besides the training targets').
const (
	RuleTalks         = "Y-TALK"               // 谈心谈话 pairs not yet covered
	RuleTaskOwner     = "Y-TASK-OWNER"         // a 工作责任清单 task without 分工 or 责任人
	RuleTaskOverdue   = "Y-TASK-OVERDUE"       // a task past its 时限, not done
	RuleRectification = "Y-RECT-OVERDUE"       // a 整改 past its 时限, not verified
	RuleAppraisalNext = "Y-APPRAISAL-FOLLOWUP" // a 不合格 without its follow-up
)

// yearEndLead: the year-end reminders (training targets, 谈心谈话) start
// this many months before the year ends, when there is still time to act.
const yearEndLead = 3

// RuleDoc documents a rule ID.
type RuleDoc struct{ ID, Text, Basis string }

// RuleDocs lists the rules of this package.
var RuleDocs = []RuleDoc{
	{RuleTeacherHours, "思政课教师本年度集中培训不足24学时（10月1日起提醒）", "金凤区教育党工委2022年党建工作要点（R7）"},
	{RuleRotation, "党组织书记、党务工作者、党建指导员本年度尚未参加集中轮训（10月1日起提醒）", "金凤区教育党工委2022年党建工作要点（R8）"},
	{RuleMemberHours, "党员本年度集中学习培训不足32学时（10月1日起提醒，全支部一条）", "《中国共产党党员教育管理工作条例》第二十条"},
	{RuleTalks, "支委与支委、支委与党员本年度尚未谈心谈话（10月1日起提醒，每名支委一条）", "《中国共产党支部工作条例（试行）》第十八条；本地要求（R15）"},
	{RuleTaskOwner, "工作责任清单中的任务没有分工或责任人（错误）", "金凤区教育党工委2022年党建工作要点（R10）"},
	{RuleTaskOverdue, "工作责任清单中的任务已过时限仍未完成", "金凤区教育党工委2022年党建工作要点（R10）"},
	{RuleRectification, "问题整改台账中的问题已过整改时限仍未验收（验收后才算整改完成）", "金凤区教育党工委2022年党建工作要点（R11）"},
	{RuleAppraisalNext, "民主评议评定为不合格的党员，尚未登记限期改正、劝退或除名的处置", "《中国共产党党员教育管理工作条例》第三十条"},
}

// Check lists the findings of the yearly registers on the date.
func Check(s *data.Store, on civil.Date) ([]rules.Finding, error) {
	d, err := Load(s)
	if err != nil {
		return nil, err
	}
	return Findings(d, on), nil
}

// Findings are Check's results for loaded data.
func Findings(d *Data, on civil.Date) []rules.Finding {
	var out []rules.Finding
	if on.Month > 12-yearEndLead {
		out = append(out, trainingFindings(d, on)...)
		out = append(out, talkFindings(d, on)...)
	}
	out = append(out, taskFindings(d, on)...)
	out = append(out, problemFindings(d, on)...)
	return append(out, appraisalFindings(d, on)...)
}

func reminder(rule string, personID *uint, name, msg string, due civil.Date) rules.Finding {
	f := rules.Finding{Person: name, Rule: rule, Severity: rules.SeverityReminder, Message: msg, Due: due}
	if personID != nil {
		f.PersonID = *personID
	}
	return f
}

func trainingFindings(d *Data, on civil.Date) []rules.Finding {
	var out []rules.Finding
	end := civil.New(on.Year, 12, 31)
	for _, p := range TrainingProgress(d, on.Year, on) {
		short := p.Short()
		if len(short) == 0 {
			continue
		}
		if p.Target.Group == GroupMembers {
			names := make([]string, len(short))
			for i, t := range short {
				names[i] = t.Name
			}
			out = append(out, reminder(p.Target.ID, nil, "", fmt.Sprintf("党员集中学习培训：本年度有 %d 名党员不足 %g 学时（%s）",
				len(short), p.Target.MinHours, missingText(names, 8)), end))
			continue
		}
		for _, t := range short {
			msg := fmt.Sprintf("%s：%d年尚未参加集中轮训（%s）", t.Name, on.Year, p.Target.Basis)
			if p.Target.MinHours > 0 {
				msg = fmt.Sprintf("%s：%d年%s集中培训 %g 学时，不足 %g 学时（%s）", t.Name, on.Year, p.Target.Group, t.Hours, p.Target.MinHours, p.Target.Basis)
			}
			out = append(out, reminder(p.Target.ID, t.PersonID, t.Name, msg, end))
		}
	}
	return out
}

func talkFindings(d *Data, on civil.Date) []rules.Finding {
	m := Talks(d, on.Year, on)
	var out []rules.Finding
	for _, a := range m.Committee {
		if missing := m.Missing(a, d.Coverage); len(missing) > 0 {
			out = append(out, reminder(RuleTalks, nil, a, fmt.Sprintf("%s：%d年尚未与 %d 人谈心谈话：%s", a, on.Year, len(missing),
				missingText(missing, 6)), civil.New(on.Year, 12, 31)))
		}
	}
	return out
}

func taskFindings(d *Data, on civil.Date) []rules.Finding {
	var out []rules.Finding
	for _, t := range d.Tasks {
		if t.Year != on.Year || t.Status == "已取消" {
			continue
		}
		if t.Division == "" || t.Owner == "" {
			out = append(out, rules.Finding{Rule: RuleTaskOwner, Severity: rules.SeverityError,
				Message: fmt.Sprintf("工作责任清单：任务“%s”没有%s", t.Task, missingPart(t))})
		}
		if t.Open() && !t.Deadline.IsZero() && t.Deadline.Last().Before(on) {
			out = append(out, reminder(RuleTaskOverdue, t.OwnerID, t.Owner,
				fmt.Sprintf("%s：工作责任清单“%s”时限 %s 已过，仍为%s", t.Owner, t.Task, t.Deadline, t.Status), t.Deadline))
		}
	}
	return out
}

func missingPart(t data.DutyTask) string {
	switch {
	case t.Division == "" && t.Owner == "":
		return "分工和责任人"
	case t.Division == "":
		return "分工"
	}
	return "责任人"
}

func problemFindings(d *Data, on civil.Date) []rules.Finding {
	var out []rules.Finding
	for _, p := range d.Problems {
		if !p.Open() || p.Deadline.IsZero() || !p.Deadline.Last().Before(on) {
			continue
		}
		state := "尚未整改"
		if p.Result != "" {
			state = "已整改，尚未验收"
		}
		out = append(out, reminder(RuleRectification, p.OwnerID, p.Owner,
			fmt.Sprintf("%s：问题“%s”（%s）整改时限 %s 已过，%s", p.Owner, shortText(p.Problem), p.Source, p.Deadline, state), p.Deadline))
	}
	return out
}

func appraisalFindings(d *Data, on civil.Date) []rules.Finding {
	var out []rules.Finding
	for _, a := range d.Appraisals {
		if a.Grade == data.GradeFail && a.FollowUp == "" {
			id := a.PersonID
			out = append(out, reminder(RuleAppraisalNext, &id, a.Name,
				fmt.Sprintf("%s：%d年民主评议评定为不合格，尚未登记处置（限期改正、劝退或除名）", a.Name, a.Year), civil.Date{}))
		}
	}
	return out
}

func shortText(s string) string {
	r := []rune(s)
	if len(r) <= 30 {
		return s
	}
	return string(r[:30]) + "…"
}
