package rules

import (
	"testing"

	"partyoffice/data"
	"partyoffice/data/holidays"
)

// D14 over the whole chain, each pair just in order and just out of it
// (also on the same day and with month-only dates), under both versions;
// R-MISSING for admitted people; R-CONTACT.

func dropSteps(ns ...int) func(s []data.DevStep) []data.DevStep {
	return func(s []data.DevStep) []data.DevStep {
		for _, n := range ns {
			s = drop(s, n)
		}
		return s
	}
}

func contact(id uint) func(s []data.DevStep) []data.DevStep {
	return withStep(data.StepContacts, func(st *data.DevStep) {
		st.People = []data.DevStepPerson{{Role: data.RoleContact, PersonID: uintp(id)}}
	})
}

var orderCases = []ruleCase{
	// 申请 ≤ 谈话: the same day is allowed (细则: within a month of receiving it).
	{name: "D14 talk on the application day", steps: setDate(2, "2024-01-10"), rule: "D14", absent: true},
	{name: "D14 talk the day before the application", steps: setDate(2, "2024-01-09"), rule: "D14", sev: SeverityError,
		frag: "第2步“党组织派人谈话”（2024-01-09）早于第1步“递交入党申请书”（2024-01-10）"},
	{name: "D14 talk month only, same month as the application", steps: setDate(2, "2024-01"), rule: "D14", absent: true},
	{name: "D14 talk month only, the month before", steps: setDate(2, "2023-12"), rule: "D14", sev: SeverityError},
	// 支委会审查 (≥ 发展对象) < 预审 < 志愿书 < 支部大会 < 上级党委谈话 < 审批 < 宣誓
	{name: "D14 committee on the 发展对象 day", steps: setDate(12, "2025-07-20"), rule: "D14", absent: true},
	{name: "D14 committee before the 发展对象", steps: setDate(12, "2025-07-19"), rule: "D14", sev: SeverityError,
		frag: "第12步“支部委员会审查”（2025-07-19）早于第7步"},
	{name: "D14 预审 on the committee day", steps: setDate(13, "2025-09-10"), rule: "D14", sev: SeverityError,
		frag: "第13步“上级党委预审”（2025-09-10）不晚于第12步“支部委员会审查”（2025-09-10）"},
	{name: "D14 预审 a day after the committee", steps: setDate(13, "2025-09-11"), rule: "D14", absent: true},
	{name: "D14 志愿书 on the 预审 day", steps: setDate(14, "2025-09-20"), rule: "D14", sev: SeverityError, frag: "第14步"},
	{name: "D14 志愿书 month only, may follow the 预审", steps: setDate(14, "2025-09"), rule: "D14", absent: true},
	{name: "D14 meeting on the 志愿书 day", steps: setDate(15, "2025-09-25"), rule: "D14", sev: SeverityError,
		frag: "第15步“支部大会讨论”（2025-09-25）不晚于第14步"},
	{name: "D14 上级党委谈话 on the meeting day", steps: setDate(16, "2025-10-10"), rule: "D14", sev: SeverityError,
		frag: "第16步“上级党委派人谈话”（2025-10-10）不晚于第15步"},
	{name: "D14 上级党委谈话 the day after the meeting", steps: setDate(16, "2025-10-11"), rule: "D14", absent: true},
	{name: "D14 approval on the 上级党委谈话 day", steps: setDate(17, "2025-11-01"), rule: "D14", sev: SeverityError,
		frag: "第17步“上级党委审批”（2025-11-01）不晚于第16步"},
	{name: "D14 oath on the approval day", steps: setDate(20, "2025-12-01"), rule: "D14", sev: SeverityError,
		frag: "第20步“入党宣誓”（2025-12-01）不晚于第17步"},
	{name: "D14 oath month only, may follow the approval", steps: setDate(20, "2025-12"), rule: "D14", absent: true},
	// 政审 and training after the 发展对象; 预备期 steps after the approval.
	{name: "D14 政审 before the 发展对象", steps: setDate(10, "2025-07-19"), rule: "D14", sev: SeverityError,
		frag: "第10步“进行政治审查”（2025-07-19）早于第7步“确定发展对象”（2025-07-20）"},
	{name: "D14 政审 on the 发展对象 day", steps: setDate(10, "2025-07-20"), rule: "D14", absent: true},
	{name: "D14 training starts before the 发展对象", steps: withStep(11, func(st *data.DevStep) { st.Start = d("2025-07-19") }),
		rule: "D14", sev: SeverityError, frag: "第11步"},
	{name: "D14 备案 before the approval", steps: setDate(18, "2025-11-30"), rule: "D14", sev: SeverityError, frag: "第18步"},
	{name: "D14 编入党小组 on the approval day", steps: setDate(19, "2025-12-01"), rule: "D14", absent: true},
	{name: "D14 预备期教育 month only before the approval", steps: setDate(21, "2025-11"), rule: "D14", sev: SeverityError,
		frag: "第21步"},
	// 转正申请 < 转正讨论 < 转正审批
	{name: "D14 转正申请 on the meeting day", steps: setDate(22, "2026-10-10"), rule: "D14", sev: SeverityError,
		frag: "第23步“支部大会讨论转正”（2026-10-10）不晚于第22步"},
	{name: "D14 转正审批 on the meeting day", steps: setDate(24, "2026-10-10"), rule: "D14", sev: SeverityError,
		frag: "第24步"},
	{name: "D14 转正审批 a day later", steps: setDate(24, "2026-10-11"), rule: "D14", absent: true},

	// R-MISSING: admitted (审批 recorded) without 谈话, 培养联系人, 备案/同意, 上级党委谈话.
	{name: "R-MISSING admitted without four steps", steps: dropSteps(2, 5, 8, 16), rule: RuleMissingStep, sev: SeverityError,
		frag: "上级党委审批，但没有登记第2步“党组织派人谈话”、第5步“指定培养联系人”、第8步"},
	{name: "R-MISSING admitted without the 上级党委谈话", steps: dropSteps(16), rule: RuleMissingStep, sev: SeverityError,
		frag: "没有登记第16步“上级党委派人谈话”"},
	{name: "R-MISSING 2014 names step 8 备案", version: data.RuleVersion2014, steps: dropSteps(8), rule: RuleMissingStep,
		sev: SeverityError, frag: "第8步“报上级党委备案”"},
	{name: "R-MISSING 2026 names step 8 同意", version: data.RuleVersion2026, steps: dropSteps(8), rule: RuleMissingStep,
		sev: SeverityError, frag: "第8步“报上级党委同意”"},
	{name: "R-MISSING before the approval the four are not asked", person: stage(data.StageCandidate),
		steps: then(only(16), dropSteps(2, 5, 8, 16)), on: "2025-10-20", rule: RuleMissingStep, absent: true},
	{name: "R-MISSING admitted elsewhere", steps: dropSteps(2, 5),
		person: func(p *data.Person) { p.TransferIn = d("2025-12-20") }, rule: RuleMissingStep, absent: true},
	{name: "R-MISSING one finding for meeting and approval gaps", steps: dropSteps(12, 16), rule: RuleMissingStep,
		sev: SeverityError, frag: "第12步“支部委员会审查”、第16步"},

	// R-CONTACT: the 培养联系人 a 正式党员 on the day assigned.
	{name: "R-CONTACT a 正式党员", rule: RuleContact, absent: true},
	{name: "R-CONTACT a 预备党员", steps: contact(probationer), rule: RuleContact, sev: SeverityError,
		frag: "培养联系人白浩然不符合条件：白浩然是预备党员"},
	{name: "R-CONTACT 转正 the day after assigned", steps: contact(introB),
		register: func(reg []data.Person) { reg[1].JoinDate, reg[1].FullDate = d("2023-07-21"), d("2024-07-21") },
		rule:     RuleContact, sev: SeverityError, frag: "还是预备党员"},
	{name: "R-CONTACT 转正 on the day assigned", steps: contact(introB),
		register: func(reg []data.Person) { reg[1].JoinDate, reg[1].FullDate = d("2023-07-20"), d("2024-07-20") },
		rule:     RuleContact, absent: true},
	{name: "R-CONTACT assigned month only, may be after 转正", steps: then(contact(introB), setDate(5, "2024-07")),
		register: func(reg []data.Person) { reg[1].JoinDate, reg[1].FullDate = d("2023-07-31"), d("2024-07-31") },
		rule:     RuleContact, absent: true},
	{name: "R-CONTACT under 留党察看", steps: then(contact(disciplined), setDate(5, "2025-07-01")),
		rule: RuleContact, sev: SeverityError, frag: "留党察看"},
}

func TestOrderMissingStepsAndContacts(t *testing.T) { runRuleCases(t, orderCases) }

// D5 with the official holiday table (the default): a 公示 over 国庆 counts
// only working days; a year without a table says 暂按周一至周五计算.
var publicityCases = []ruleCase{
	{name: "D5 公示 over 国庆 2025: 4 working days", version: data.RuleVersion2026,
		steps: withStep(7, func(st *data.DevStep) { st.Start, st.End, st.Date = d("2025-09-30"), d("2025-10-11"), d("2025-10-12") }),
		rule:  "D5", sev: SeverityError, frag: "只有 4 个工作日，少于5个工作日"},
	{name: "D5 公示 over 国庆 2025 to the Monday: 5", version: data.RuleVersion2026,
		steps: withStep(7, func(st *data.DevStep) { st.Start, st.End, st.Date = d("2025-09-30"), d("2025-10-13"), d("2025-10-14") }),
		rule:  "D5", absent: true},
	{name: "D5 公示 in a year without a table", version: data.RuleVersion2026,
		steps: withStep(7, func(st *data.DevStep) { st.Start, st.End, st.Date = d("2027-10-01"), d("2027-10-06"), d("2027-10-08") }),
		on:    "2027-11-01", rule: "D5", sev: SeverityError, frag: "（2027年的节假日安排未收录，暂按周一至周五计算）"},
	{name: "D5 the branch's table covers 2027", version: data.RuleVersion2026,
		steps: withStep(7, func(st *data.DevStep) { st.Start, st.End, st.Date = d("2027-10-01"), d("2027-10-06"), d("2027-10-08") }),
		opt: func(o *Options) {
			o.Calendar = holidays.Official().Merge(holidayTable("年份 2027\n2027-10-01..2027-10-07 休"))
		},
		on: "2027-11-01", rule: "D5", sev: SeverityError, frag: "只有 0 个工作日，"},
}

func TestPublicityWorkingDays(t *testing.T) { runRuleCases(t, publicityCases) }
