package dues

import (
	"fmt"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
)

// Rule IDs of the 党费 findings of `check`.
const (
	RuleArrears = "DUES-ARREARS" // 欠缴 3 months or more: reminder
	RuleLapse   = "DUES-LAPSE"   // 6 consecutive months unpaid (党章第九条): error
	RuleNoBase  = "DUES-NOBASE"  // a member with no 核定基数: reminder
)

// Arrears thresholds in months (党章第九条 for the second).
const (
	ArrearsReminderMonths = 3
	ArrearsErrorMonths    = 6
)

// RuleDoc documents a rule ID.
type RuleDoc struct{ ID, Text, Basis string }

// RuleDocs lists the 党费 rules.
var RuleDocs = []RuleDoc{
	{RuleArrears, "党员连续3个月（含）以上未交纳党费：提醒支部了解情况、督促交纳；已经支部讨论并报上级批准困难减免的月份不计", Source + "第四、五条"},
	{RuleLapse, "党员连续6个月未交纳党费：党章第九条规定，没有正当理由连续六个月不交纳党费的，按自行脱党处理，由支部讨论决定（软件只列出，不作结论）", "《中国共产党章程》第九条"},
	{RuleNoBase, "在册党员没有登记党费核定基数，无法计算月应缴", Source + "第一条"},
}

// Check lists the 党费 findings on the date: arrears counted through the
// month before on (a month's 党费 is due within the month).
func Check(s *data.Store, on civil.Date) ([]rules.Finding, error) {
	d, err := Load(s)
	if err != nil {
		return nil, err
	}
	return Findings(d, on), nil
}

// Findings are Check's results for loaded data.
func Findings(d *Data, on civil.Date) []rules.Finding {
	current := MonthOf(on)
	l := Compute(d, current)
	var out []rules.Finding
	for _, m := range l.Members {
		p := m.Person
		if p.Roll != data.RollActive {
			continue
		}
		f := rules.Finding{PersonID: p.ID, Person: p.Name, IDNumber: p.IDNumber}
		if c := m.Cell(current); c.Liable && !c.Based {
			f.Rule, f.Severity = RuleNoBase, rules.SeverityReminder
			f.Message = fmt.Sprintf("%s：没有登记党费核定基数（人员类别和税后工资收入），无法计算月应缴", p.Name)
			out = append(out, f)
		}
		run := m.UnpaidRun(current - 1)
		if run < ArrearsReminderMonths {
			continue
		}
		from := (current - Month(run)).Date()
		f.Rule, f.Severity = RuleArrears, rules.SeverityReminder
		f.Message = fmt.Sprintf("%s：自 %s 起已连续 %d 个月未交纳党费（缴至 %s），请了解情况、督促交纳",
			p.Name, from, run, throughText(m.PaidThrough))
		f.Due = (current - Month(run) + ArrearsErrorMonths - 1).Date().Last()
		if run >= ArrearsErrorMonths {
			f.Rule, f.Severity, f.Due = RuleLapse, rules.SeverityError, civil.Date{}
			f.Message = fmt.Sprintf("%s：自 %s 起已连续 %d 个月未交纳党费（缴至 %s）。党章第九条：没有正当理由连续六个月不交纳党费的，按自行脱党处理——请支部了解原因、讨论决定；确有困难的，按规定办理减免",
				p.Name, from, run, throughText(m.PaidThrough))
		}
		out = append(out, f)
	}
	return out
}

func throughText(m Month) string {
	if m == 0 {
		return "未交过"
	}
	return m.Date().String()
}
