package rules

import (
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/idcard"
)

const both = ""

// ruleCase changes the clean full path and says what the checks must say.
type ruleCase struct {
	name     string
	version  string                                // both, or one version
	person   func(p *data.Person)                  // changes the subject
	register func(reg []data.Person)               // changes the other people
	steps    func(s []data.DevStep) []data.DevStep // changes the records
	on       string                                // default 2026-11-28
	opt      func(o *Options)                      // changes the options
	rule     string                                // the rule expected ("" with absent: no finding at all)
	absent   bool                                  // the rule must NOT be reported
	sev      Severity                              // expected severity
	frag     string                                // in the message
	due      string                                // expected due date
}

func withStep(n int, fn func(st *data.DevStep)) func(s []data.DevStep) []data.DevStep {
	return func(s []data.DevStep) []data.DevStep { return edit(s, n, fn) }
}

func setDate(n int, date string) func(s []data.DevStep) []data.DevStep {
	return withStep(n, func(st *data.DevStep) { st.Date = d(date) })
}

func only(n int) func(s []data.DevStep) []data.DevStep {
	return func(s []data.DevStep) []data.DevStep { return upTo(s, n) }
}

func then(fns ...func(s []data.DevStep) []data.DevStep) func(s []data.DevStep) []data.DevStep {
	return func(s []data.DevStep) []data.DevStep {
		for _, fn := range fns {
			s = fn(s)
		}
		return s
	}
}

func stage(s data.Stage) func(p *data.Person) {
	return func(p *data.Person) {
		p.Stage = s
		if !s.IsMember() {
			p.JoinDate = civil.Date{}
		}
		if s != data.StageFull {
			p.FullDate = civil.Date{}
		}
	}
}

func born(date string) func(p *data.Person) { return func(p *data.Person) { p.BirthDate = d(date) } }

func withVote(v data.Vote) func(s []data.DevStep) []data.DevStep {
	return withStep(data.StepBranchMeeting, func(st *data.DevStep) { st.Vote = v })
}

func introducers(ids ...uint) func(s []data.DevStep) []data.DevStep {
	return withStep(data.StepIntroducers, func(st *data.DevStep) {
		st.People = nil
		for _, id := range ids {
			st.People = append(st.People, data.DevStepPerson{Role: data.RoleIntroducer, PersonID: uintp(id)})
		}
	})
}

// extended replaces steps 23–24 by an extension to the given date, approved.
func extended(to string) func(s []data.DevStep) []data.DevStep {
	return func(s []data.DevStep) []data.DevStep {
		s = drop(drop(drop(s, 23), 24), 25)
		return append(s,
			data.DevStep{Model: data.Model{ID: 90}, Step: 23, Date: d("2026-10-10"), Result: data.DecisionExtend,
				ExtendTo: d(to), Vote: vote(11, 9, 9, 0, 0, 0, 0)},
			data.DevStep{Model: data.Model{ID: 91}, Step: 24, Date: d("2026-11-01"), Result: data.ResultAgree})
	}
}

func idBornOn(date string) string {
	first17 := "640106" + strings.ReplaceAll(date, "-", "") + "002"
	return first17 + string(idcard.CheckDigit(first17))
}

var ruleCases = []ruleCase{
	{name: "clean full path", rule: ""},

	// D1 年满18周岁
	{name: "D1 application on the 18th birthday", person: born("2006-01-10"), rule: "D1", absent: true},
	{name: "D1 one day before the 18th birthday", person: born("2006-01-11"), rule: "D1", sev: SeverityError,
		frag: "2024-01-11 才满18周岁"},
	{name: "D1 born on a leap day: 18 on 28 February", person: born("2004-02-29"),
		steps: then(only(1), setDate(1, "2022-02-28")), on: "2022-03-01", rule: "D1", absent: true},
	{name: "D1 born on a leap day, a day early", person: born("2004-02-29"),
		steps: then(only(1), setDate(1, "2022-02-27")), on: "2022-03-01", rule: "D1", sev: SeverityError},
	{name: "D1 birth month only: may be 18", person: born("2006-01"), rule: "D1", absent: true},
	{name: "D1 birth month only: surely 17", person: born("2006-02"), rule: "D1", sev: SeverityError},
	{name: "D1 birth date from the ID number", person: func(p *data.Person) {
		p.BirthDate, p.IDNumber = civil.Date{}, idBornOn("2007-01-15")
	}, rule: "D1", sev: SeverityError, frag: "出生于 2007-01-15"},

	// D2 谈话 within a month; R-TALK
	{name: "D2 talk exactly a month later", steps: setDate(2, "2024-02-10"), rule: "D2", absent: true},
	{name: "D2 talk a month and a day later", steps: setDate(2, "2024-02-11"), rule: "D2",
		sev: SeverityReminder, frag: "超过了一个月", due: "2024-02-10"},
	{name: "D2 month end clamps: 31 Jan + 1 month = 29 Feb", steps: then(setDate(1, "2024-01-31"), setDate(2, "2024-02-29")),
		rule: "D2", absent: true},
	{name: "D2 month end, a day late", steps: then(setDate(1, "2024-01-31"), setDate(2, "2024-03-01")),
		rule: "D2", sev: SeverityReminder, due: "2024-02-29"},
	{name: "R-TALK due on the last day", person: stage(data.StageApplicant), steps: only(1), on: "2024-02-10",
		rule: RuleTalkDue, sev: SeverityReminder, frag: "应在 2024-02-10 前派人谈话", due: "2024-02-10"},
	{name: "D2 talk overdue, not recorded", person: stage(data.StageApplicant), steps: only(1), on: "2024-02-11",
		rule: "D2", sev: SeverityReminder, frag: "还没有登记党组织派人谈话"},
	{name: "R-TALK beyond the horizon", person: stage(data.StageApplicant), steps: only(1), on: "2024-01-10",
		opt: func(o *Options) { o.Horizon = 20 }, rule: RuleTalkDue, absent: true},

	// D3 activist after the application (local: six months)
	{name: "D3 activist on the application day", steps: setDate(3, "2024-01-10"), rule: "D3", sev: SeverityError},
	{name: "D3 activist a day short of six months", steps: setDate(3, "2024-07-09"), rule: "D3",
		sev: SeverityReminder, frag: "不满6个月"},
	{name: "D3 activist at six months", steps: setDate(3, "2024-07-10"), rule: "D3", absent: true},
	{name: "D3 local rule off", steps: setDate(3, "2024-07-09"), opt: func(o *Options) { o.ActivistWaitMonths = 0 },
		rule: "D3", absent: true},

	// D4 发展对象 after a year as an activist
	{name: "D4 exactly one year", steps: then(setDate(3, "2024-07-20")), rule: "D4", absent: true},
	{name: "D4 one day short", steps: setDate(3, "2024-07-21"), rule: "D4", sev: SeverityError, frag: "最早应为 2025-07-21"},
	{name: "D4 leap day + 1 year = 28 February", steps: then(setDate(3, "2024-02-29"), setDate(7, "2025-02-28")),
		rule: "D4", absent: true},
	{name: "D4 leap day, a day short", steps: then(setDate(3, "2024-02-29"), setDate(7, "2025-02-27")),
		rule: "D4", sev: SeverityError},
	{name: "D4 activist month only: not accused", steps: then(setDate(3, "2024-07"), setDate(7, "2025-07-01")),
		rule: "D4", absent: true},
	{name: "D4 activist month only: surely short", steps: then(setDate(3, "2024-07"), setDate(7, "2025-06-30")),
		rule: "D4", sev: SeverityError},

	// D5 公示 and 上级党委同意 (2026.05)
	{name: "D5 公示 over a weekend: 4 working days", version: data.RuleVersion2026,
		steps: withStep(7, func(st *data.DevStep) { st.Start = d("2025-07-11") }),
		opt:   func(o *Options) { o.Calendar = Weekdays{} },
		rule:  "D5", sev: SeverityError, frag: "只有 4 个工作日（2025年的节假日安排未收录，暂按周一至周五计算）"},
	{name: "D5 not in the 2014 rules", version: data.RuleVersion2014,
		steps: withStep(7, func(st *data.DevStep) { st.Start = d("2025-07-11") }), rule: "D5", absent: true},
	{name: "D5 holiday table: a Monday holiday", version: data.RuleVersion2026,
		opt: func(o *Options) {
			o.Calendar = holidayTable("年份 2025\n2025-07-14 休")
		}, rule: "D5", sev: SeverityError, frag: "只有 4 个工作日，"},
	{name: "D5 公示 ends after the decision", version: data.RuleVersion2026,
		steps: withStep(7, func(st *data.DevStep) { st.End = d("2025-07-21") }), rule: "D5", sev: SeverityError, frag: "晚于"},
	{name: "D5 no 公示", version: data.RuleVersion2026,
		steps: withStep(7, func(st *data.DevStep) { st.Start, st.End = civil.Date{}, civil.Date{} }),
		rule:  "D5", sev: SeverityError, frag: "没有登记公示期"},
	{name: "D5 no 上级党委同意 but later steps", version: data.RuleVersion2026,
		steps: func(s []data.DevStep) []data.DevStep { return drop(s, 8) }, rule: "D5", sev: SeverityError,
		frag: "还没有登记上级党委同意"},
	{name: "D5 同意 still to come", version: data.RuleVersion2026, person: stage(data.StageCandidate),
		steps: only(7), on: "2025-07-21", rule: "D5", sev: SeverityReminder},

	// D6 政审 and 集中培训 before the 支部大会
	{name: "D6 no 政审", steps: func(s []data.DevStep) []data.DevStep { return drop(s, 10) }, rule: "D6",
		sev: SeverityError, frag: "没有登记政治审查"},
	{name: "D6 政审 不合格", steps: withStep(10, func(st *data.DevStep) { st.Result = data.ResultFail }),
		rule: "D6", sev: SeverityError, frag: "不合格"},
	{name: "D6 政审 after the meeting", steps: setDate(10, "2025-10-11"), rule: "D6", sev: SeverityError, frag: "之后"},
	{name: "D6 training 2 days and 16 hours", steps: withStep(11, func(st *data.DevStep) {
		st.Start, st.Hours = d("2025-09-02"), 16
	}), rule: "D6", sev: SeverityError, frag: "2天、16学时"},
	{name: "D6 training 2 days but 24 hours", steps: withStep(11, func(st *data.DevStep) { st.Start = d("2025-09-02") }),
		rule: "D6", absent: true},
	{name: "D6 training 3 days, hours not given", steps: withStep(11, func(st *data.DevStep) { st.Hours = 0 }),
		rule: "D6", absent: true},
	{name: "D6 training length unknown", steps: withStep(11, func(st *data.DevStep) {
		st.Start, st.End, st.Hours = civil.Date{}, civil.Date{}, 0
	}), rule: "D6", sev: SeverityReminder, frag: "无法核对"},
	{name: "D6 training month only: not accused", steps: withStep(11, func(st *data.DevStep) {
		st.Start, st.End, st.Date, st.Hours = d("2025-09"), d("2025-09"), d("2025-09"), 0
	}), rule: "D6", absent: true},
	{name: "D6 no training", steps: func(s []data.DevStep) []data.DevStep { return drop(s, 11) }, rule: "D6",
		sev: SeverityError, frag: "没有登记集中培训"},

	// D7 two eligible 入党介绍人
	{name: "D7 introducer is a 预备党员", steps: introducers(introA, probationer), rule: "D7", sev: SeverityError,
		frag: "白浩然是预备党员"},
	{name: "D7 introducer under 留党察看 on the meeting date", steps: introducers(introA, disciplined), rule: "D7",
		sev: SeverityError, frag: "留党察看"},
	{name: "D7 introducer 转正 after the meeting", steps: introducers(introA, introB),
		register: func(reg []data.Person) { reg[1].JoinDate, reg[1].FullDate = d("2024-11-01"), d("2025-11-01") },
		rule:     "D7", sev: SeverityError, frag: "2025-11-01 才转为正式党员"},
	{name: "D7 introducer 转正 on the meeting day, chosen that day", steps: then(introducers(introA, introB), setDate(9, "2025-10-10")),
		register: func(reg []data.Person) { reg[1].JoinDate, reg[1].FullDate = d("2024-10-10"), d("2025-10-10") },
		rule:     "D7", absent: true},
	{name: "D7 introducer transferred out before the meeting", steps: introducers(introA, transferred),
		rule: "D7", sev: SeverityError, frag: "已不在本支部"},
	{name: "D7 one introducer", steps: introducers(introA), rule: "D7", sev: SeverityError, frag: "登记了1人"},
	{name: "D7 no introducers", steps: func(s []data.DevStep) []data.DevStep { return drop(s, 9) }, rule: "D7",
		sev: SeverityError, frag: "没有登记入党介绍人"},
	{name: "D7 no introducers, admitted elsewhere", steps: func(s []data.DevStep) []data.DevStep { return drop(s, 9) },
		person: func(p *data.Person) { p.TransferIn = d("2025-12-20") }, rule: "D7", absent: true},

	// D8 支部大会 within a month of the 预审 (2026.05); R-MEETING
	{name: "D8 meeting exactly a month after the 预审", version: data.RuleVersion2026, steps: setDate(13, "2025-09-10"),
		rule: "D8", absent: true},
	{name: "D8 meeting a month and a day after", version: data.RuleVersion2026, steps: setDate(13, "2025-09-09"),
		rule: "D8", sev: SeverityReminder, due: "2025-10-09"},
	{name: "D8 not in the 2014 rules", version: data.RuleVersion2014, steps: setDate(13, "2025-09-09"),
		rule: "D8", absent: true},
	{name: "R-MEETING due", version: data.RuleVersion2026, person: stage(data.StageCandidate), steps: only(14),
		on: "2025-10-20", rule: RuleMeetingDue, sev: SeverityReminder, due: "2025-10-20"},
	{name: "D8 meeting overdue", version: data.RuleVersion2026, person: stage(data.StageCandidate), steps: only(14),
		on: "2025-10-21", rule: "D8", sev: SeverityReminder, frag: "还没有召开支部大会"},

	// D9 quorum and majority (§2.3)
	{name: "D9 exactly half present is no quorum", steps: withVote(vote(10, 5, 5, 0, 0, 0, 0)), rule: "D9",
		sev: SeverityError, frag: "没有超过半数"},
	{name: "D9 exactly half in favour does not pass", steps: withVote(vote(10, 8, 5, 3, 0, 0, 0)), rule: "D9",
		sev: SeverityError, frag: "未通过"},
	{name: "D9 a written opinion counts in favour", steps: withVote(vote(10, 8, 5, 2, 0, 1, 1)), rule: "D9", absent: true},
	{name: "D9 written opinions do not make a quorum", steps: withVote(vote(10, 5, 5, 0, 0, 3, 0)), rule: "D9",
		sev: SeverityError, frag: "实到 5 人"},
	{name: "D9 majority of 实到 is not enough", steps: withVote(vote(10, 6, 4, 1, 1, 0, 0)), rule: "D9",
		sev: SeverityError, frag: "没有超过应到 10 人的半数"},
	{name: "D9 vote not recorded", steps: withVote(data.Vote{}), rule: "D9", sev: SeverityReminder},
	{name: "D9 the 转正 vote too", steps: withStep(23, func(st *data.DevStep) { st.Vote = vote(11, 9, 5, 4, 0, 0, 0) }),
		rule: "D9", sev: SeverityError, frag: "讨论按期转正"},

	// D10 approval within three months, six at most; R-APPROVAL
	{name: "D10 approval at +3 months", steps: setDate(17, "2026-01-10"), rule: "D10", absent: true},
	{name: "D10 approval at +3 months + 1 day", steps: setDate(17, "2026-01-11"), rule: "D10",
		sev: SeverityReminder, due: "2026-01-10"},
	{name: "D10 approval at +6 months", steps: setDate(17, "2026-04-10"), rule: "D10", sev: SeverityReminder},
	{name: "D10 approval at +6 months + 1 day", steps: setDate(17, "2026-04-11"), rule: "D10", sev: SeverityError,
		frag: "六个月"},
	{name: "D10 month end: 30 Nov + 3 months = 28 Feb", steps: then(setDate(15, "2025-11-30"), setDate(16, "2025-12-01"),
		setDate(17, "2026-02-28"), setDate(18, "2026-03-01"), setDate(19, "2026-03-02"), setDate(20, "2026-03-03")),
		rule: "D10", absent: true},
	{name: "D10 not approved after +3 months", person: stage(data.StageCandidate), steps: only(16), on: "2026-01-11",
		rule: "D10", sev: SeverityReminder, frag: "还没有审批"},
	{name: "D10 not approved after +6 months", person: stage(data.StageCandidate), steps: only(16), on: "2026-04-11",
		rule: "D10", sev: SeverityError, due: "2026-04-10"},
	{name: "R-APPROVAL due", person: stage(data.StageCandidate), steps: only(16), on: "2025-12-01",
		rule: RuleApprovalDue, sev: SeverityReminder, due: "2026-01-10"},
	{name: "R-APPROVAL not after a failed vote", person: stage(data.StageCandidate),
		steps: then(only(16), withVote(vote(10, 8, 4, 4, 0, 0, 0))), on: "2025-12-01", rule: RuleApprovalDue, absent: true},

	// D11 one extension, six to twelve months
	{name: "D11 extension of five months", person: stage(data.StageProbationer), steps: extended("2027-03-10"),
		rule: "D11", sev: SeverityError, frag: "不在半年到一年之间"},
	{name: "D11 extension of six months", person: stage(data.StageProbationer), steps: extended("2027-04-10"),
		rule: "D11", absent: true},
	{name: "D11 extension of a year", person: stage(data.StageProbationer), steps: extended("2027-10-10"),
		rule: "D11", absent: true},
	{name: "D11 extension of a year and a day", person: stage(data.StageProbationer), steps: extended("2027-10-11"),
		rule: "D11", sev: SeverityError},

	// D12 the 转正 meeting not before 预备期满; R-TRANSFER, R-CONFIRM
	{name: "D12 meeting a day before 预备期满", steps: then(setDate(22, "2026-09-01"), setDate(23, "2026-10-09")),
		rule: "D12", sev: SeverityError, frag: "早于预备期满之日（2026-10-10）"},
	{name: "D12 meeting on the day 预备期满", rule: "D12", absent: true},
	{name: "D12 meeting before the extended end", person: stage(data.StageProbationer),
		steps: then(extended("2027-04-10"), func(s []data.DevStep) []data.DevStep {
			return append(s, data.DevStep{Model: data.Model{ID: 92}, Step: 23, Date: d("2027-04-09"),
				Result: data.DecisionConfirm, Vote: vote(11, 9, 9, 0, 0, 0, 0)})
		}), on: "2027-04-20", rule: "D12", sev: SeverityError, frag: "2027-04-10"},
	{name: "D12 转正 approval after three months", steps: setDate(24, "2027-01-11"), on: "2027-02-01",
		rule: "D12", sev: SeverityReminder, due: "2027-01-10"},
	{name: "R-TRANSFER coming", person: stage(data.StageProbationer), steps: only(22), on: "2026-09-21",
		rule: RuleTransferDue, sev: SeverityReminder, due: "2026-10-10", frag: "应及时召开支部大会"},
	{name: "R-TRANSFER overdue", person: stage(data.StageProbationer), steps: only(22), on: "2026-10-11",
		rule: RuleTransferDue, sev: SeverityReminder, frag: "已于 2026-10-10 期满"},
	{name: "R-CONFIRM due", person: stage(data.StageProbationer), steps: only(23), on: "2026-12-01",
		rule: RuleConfirmDue, sev: SeverityReminder, due: "2027-01-10"},
	{name: "D12 转正 approval overdue", person: stage(data.StageProbationer), steps: only(23), on: "2027-01-11",
		rule: "D12", sev: SeverityReminder, frag: "还没有审批"},

	// D13 and R-JOIN: the register agrees with the records
	{name: "D13 转正日期 is the approval date", person: func(p *data.Person) { p.FullDate = d("2026-11-01") },
		rule: "D13", sev: SeverityError, frag: "应为预备期满之日 2026-10-10"},
	{name: "R-JOIN 入党日期 is the approval date", person: func(p *data.Person) { p.JoinDate = d("2025-12-01") },
		rule: RuleJoinDate, sev: SeverityError},

	// D14 order
	{name: "D14 talk before the application", steps: setDate(2, "2024-01-05"), rule: "D14", sev: SeverityError,
		frag: "第2步“党组织派人谈话”（2024-01-05）早于第1步"},
	{name: "D14 talk on the day of the activist", steps: setDate(2, "2024-07-15"), rule: "D14", absent: true},
	{name: "D14 approval before the meeting", steps: setDate(17, "2025-10-09"), rule: "D14", sev: SeverityError},
	{name: "D14 approval on the meeting day", steps: setDate(17, "2025-10-10"), rule: "D14", sev: SeverityError},

	// R-RESULT, R-MISSING
	{name: "R-RESULT 预审 不合格 then a meeting", steps: withStep(13, func(st *data.DevStep) { st.Result = data.ResultFail }),
		rule: RuleNegative, sev: SeverityError, frag: "之后却登记了第14步"},
	{name: "R-MISSING no 支部委员会审查", steps: func(s []data.DevStep) []data.DevStep { return drop(s, 12) },
		rule: RuleMissingStep, sev: SeverityError, frag: "第12步“支部委员会审查”"},

	// Reminders
	{name: "R-CANDIDATE coming", person: stage(data.StageActivist), steps: only(6), on: "2025-06-01",
		rule: RuleCandidateDue, sev: SeverityReminder, due: "2025-07-15", frag: "满一年后"},
	{name: "R-CANDIDATE beyond the horizon", person: stage(data.StageActivist), steps: only(6), on: "2025-04-01",
		rule: RuleCandidateDue, absent: true},
	{name: "R-CANDIDATE eligible", person: stage(data.StageActivist), steps: only(6), on: "2025-08-01",
		rule: RuleCandidateDue, sev: SeverityReminder, frag: "已满一年"},
	{name: "R-ASSESS first assessment", person: stage(data.StageActivist), steps: only(5), on: "2025-01-10",
		rule: RuleAssessDue, sev: SeverityReminder, due: "2025-01-15", frag: "还没有登记半年考察"},
	{name: "R-ASSESS after the last one", person: stage(data.StageActivist), steps: only(6), on: "2025-12-01",
		rule: RuleAssessDue, sev: SeverityReminder, due: "2026-01-10"},
	{name: "R-ASSESS not yet", person: stage(data.StageActivist), steps: only(6), on: "2025-09-01",
		rule: RuleAssessDue, absent: true},
	{name: "R-OATH coming", person: stage(data.StageProbationer), steps: only(19), on: "2025-12-15",
		rule: RuleOathDue, sev: SeverityReminder, due: "2026-01-01", frag: "未核实"},
	{name: "R-OATH overdue", person: stage(data.StageProbationer), steps: only(19), on: "2026-01-02",
		rule: RuleOathDue, sev: SeverityReminder, frag: "已超过一个月"},
}

func TestRules(t *testing.T) { runRuleCases(t, ruleCases) }

// runRuleCases runs each case under its version, or both.
func runRuleCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		versions := []string{data.RuleVersion2014, data.RuleVersion2026}
		if c.version != both {
			versions = []string{c.version}
		}
		for _, v := range versions {
			runRuleCase(t, c, v)
		}
	}
}

func runRuleCase(t *testing.T, c ruleCase, version string) {
	t.Helper()
	name := c.name + " [" + version + "]"
	p := subjectPerson(version)
	if c.person != nil {
		c.person(&p)
	}
	reg := register()
	if c.register != nil {
		c.register(reg)
	}
	steps := fullPath()
	if c.steps != nil {
		steps = c.steps(steps)
	}
	opt := DefaultOptions()
	if c.opt != nil {
		c.opt(&opt)
	}
	on := c.on
	if on == "" {
		on = "2026-11-28"
	}
	fs := checkOne(p, reg, steps, on, opt)
	if c.rule == "" {
		assertNone(t, name, fs)
		return
	}
	got := findingsOf(fs, c.rule)
	if c.absent {
		if len(got) > 0 {
			t.Errorf("%s: %s must not be reported, got\n%s", name, c.rule, describe(got))
		}
		return
	}
	for _, f := range got {
		if f.Severity == c.sev && strings.Contains(f.Message, c.frag) &&
			(c.due == "" || f.Due.Last().String() == c.due) && strings.HasPrefix(f.Message, p.Name+"：") {
			return
		}
	}
	t.Errorf("%s: want %s %s containing %q due %q; all findings:\n%s", name, c.sev, c.rule, c.frag, c.due, describe(fs))
}

func TestFindingsCiteTheVersion(t *testing.T) {
	steps := setDate(3, "2024-07-21")(fullPath())
	for version, cite := range map[string]string{
		data.RuleVersion2014: "细则（2014）第十三条）",
		data.RuleVersion2026: "细则（2026.05）第十三条，条文序号待核对原文）",
	} {
		fs := findingsOf(checkOne(subjectPerson(version), register(), steps, "2026-11-28", DefaultOptions()), "D4")
		if len(fs) != 1 || !strings.HasSuffix(fs[0].Message, cite) {
			t.Errorf("%s: D4 should cite %q, got\n%s", version, cite, describe(fs))
		}
	}
}

func TestPeopleOutOfTheRollAreNotChecked(t *testing.T) {
	p := subjectPerson(data.RuleVersion2014)
	p.Stage, p.Roll = data.StageActivist, data.RollStopped
	if fs := checkOne(p, register(), only(3)(fullPath()), "2026-11-28", DefaultOptions()); len(fs) > 0 {
		t.Errorf("a person no longer developed was checked:\n%s", describe(fs))
	}
}

func TestAsOfIgnoresLaterRecords(t *testing.T) {
	p := subjectPerson(data.RuleVersion2014)
	p.Stage = data.StageApplicant
	// As of 2024-01-20 the talk of 2024-01-25 has not happened: R-TALK, not D2.
	fs := checkOne(p, register(), only(2)(fullPath()), "2024-01-20", DefaultOptions())
	if len(findingsOf(fs, RuleTalkDue)) != 1 {
		t.Errorf("as of 2024-01-20 the talk is still due:\n%s", describe(fs))
	}
}
