package rules

import (
	"testing"

	"partyoffice/data"
)

// Partial dates (docs/rules.md, "Partial dates"): a date known only to the
// month or the year is never accused when some day inside it would satisfy
// the rule, and is flagged only when every day inside it breaks the rule.
// Each D-rule is tried with a month-only and a year-only date on each side
// of the comparison, once just inside (not accused) and once just outside
// (flagged), under both versions unless the rule has only one.

func noLocalWait(o *Options) { o.ActivistWaitMonths = 0 }

func fullDate(date string) func(p *data.Person) { return func(p *data.Person) { p.FullDate = d(date) } }
func joinDate(date string) func(p *data.Person) { return func(p *data.Person) { p.JoinDate = d(date) } }

var partialDateCases = []ruleCase{
	// D1: birth and application, each side imprecise.
	{name: "D1 born year only, may be 18", person: born("2006"), rule: "D1", absent: true},
	{name: "D1 born year only, surely 17", person: born("2007"), rule: "D1", sev: SeverityError},
	{name: "D1 applied month only, 18 on its last day", person: born("2006-01-31"), steps: setDate(1, "2024-01"),
		rule: "D1", absent: true},
	{name: "D1 applied month only, 18 the day after", person: born("2006-02-01"), steps: setDate(1, "2024-01"),
		rule: "D1", sev: SeverityError},
	{name: "D1 applied year only, 18 on 31 Dec", person: born("2006-12-31"), steps: setDate(1, "2024"),
		rule: "D1", absent: true},
	{name: "D1 applied year only, 18 next year", person: born("2007-01-01"), steps: setDate(1, "2024"),
		rule: "D1", sev: SeverityError},

	// D2: the talk within a month of the application.
	{name: "D2 applied year only, talk 10 Jan next year (issue 11)", steps: then(setDate(1, "2024"), setDate(2, "2025-01-10")),
		rule: "D2", absent: true},
	{name: "D2 applied year only, talk on 31 Jan next year", steps: then(setDate(1, "2024"), setDate(2, "2025-01-31")),
		rule: "D2", absent: true},
	{name: "D2 applied year only, talk on 1 Feb next year", steps: then(setDate(1, "2024"), setDate(2, "2025-02-01")),
		rule: "D2", sev: SeverityReminder, due: "2025-01-31"},
	{name: "D2 applied month only, talk at month end + 1 month", steps: then(setDate(1, "2024-01"), setDate(2, "2024-02-29")),
		rule: "D2", absent: true},
	{name: "D2 applied month only, talk a day later", steps: then(setDate(1, "2024-01"), setDate(2, "2024-03-01")),
		rule: "D2", sev: SeverityReminder, due: "2024-02-29"},
	{name: "D2 talk month only, may be in time", steps: then(setDate(1, "2024-01-10"), setDate(2, "2024-02")),
		rule: "D2", absent: true},
	{name: "D2 talk month only, surely late", steps: then(setDate(1, "2023-12-31"), setDate(2, "2024-02")),
		rule: "D2", sev: SeverityReminder},
	{name: "D2 talk year only, may be in time", steps: then(setDate(1, "2023-12-01"), setDate(2, "2024")),
		rule: "D2", absent: true},
	{name: "D2 talk year only, surely late", steps: then(setDate(1, "2023-11-30"), setDate(2, "2024")),
		rule: "D2", sev: SeverityReminder},

	// D3: the activist after the application (error), six months (local reminder).
	{name: "D3 activist month only, may be after", steps: setDate(3, "2024-01"), opt: noLocalWait, rule: "D3", absent: true},
	{name: "D3 activist month only, surely not after", steps: then(setDate(1, "2024-01-31"), setDate(2, "2024-02-01"),
		setDate(3, "2024-01")), opt: noLocalWait, rule: "D3", sev: SeverityError},
	{name: "D3 applied month only, may be before", steps: then(setDate(1, "2024-07"), setDate(2, "2024-07-01"),
		setDate(3, "2024-07-15")), opt: noLocalWait, rule: "D3", absent: true},
	{name: "D3 applied month only, activist on its first day", steps: then(setDate(1, "2024-07"), setDate(2, "2024-07-01"),
		setDate(3, "2024-07-01")), opt: noLocalWait, rule: "D3", sev: SeverityError},
	{name: "D3 applied year only, may be before", steps: then(setDate(1, "2024"), setDate(2, "2024-01-01"),
		setDate(3, "2024-01-02")), opt: noLocalWait, rule: "D3", absent: true},
	{name: "D3 applied year only, activist on 1 Jan", steps: then(setDate(1, "2024"), setDate(2, "2024-01-01"),
		setDate(3, "2024-01-01")), opt: noLocalWait, rule: "D3", sev: SeverityError},
	{name: "D3 local: applied year only, six months possible", steps: then(setDate(1, "2024"), setDate(2, "2024-01-01"),
		setDate(3, "2024-07-01")), rule: "D3", absent: true},
	{name: "D3 local: applied year only, surely short", steps: then(setDate(1, "2024"), setDate(2, "2024-01-01"),
		setDate(3, "2024-06-30")), rule: "D3", sev: SeverityReminder},
	{name: "D3 local: applied month only, six months possible", steps: then(setDate(1, "2024-01"), setDate(3, "2024-07-01")),
		rule: "D3", absent: true},
	{name: "D3 local: applied month only, surely short", steps: then(setDate(1, "2024-01"), setDate(3, "2024-06-30")),
		rule: "D3", sev: SeverityReminder},

	// D4: a year as an activist before 发展对象.
	{name: "D4 activist year only, a year possible", steps: then(setDate(3, "2024"), setDate(7, "2025-01-01")),
		rule: "D4", absent: true},
	{name: "D4 activist year only, surely short", steps: then(setDate(3, "2024"), setDate(7, "2024-12-31")),
		rule: "D4", sev: SeverityError},
	{name: "D4 candidate month only, a year possible", steps: setDate(7, "2025-07"), rule: "D4", absent: true},
	{name: "D4 candidate month only, surely short", steps: setDate(7, "2025-06"), rule: "D4", sev: SeverityError},
	{name: "D4 candidate year only, a year possible", steps: then(setDate(3, "2024-12-31"), setDate(7, "2025")),
		rule: "D4", absent: true},
	{name: "D4 candidate year only, surely short", steps: then(setDate(3, "2025-01-01"), setDate(7, "2025")),
		rule: "D4", sev: SeverityError},
	{name: "D4 month end: activist 31 Aug, candidate 31 Aug next year", steps: then(setDate(3, "2024-08-31"),
		setDate(7, "2025-08-31")), rule: "D4", absent: true},

	// D5 (2026.05): the 公示 ends by the decision; five working days.
	{name: "D5 公示 end month only, may end in time", version: data.RuleVersion2026,
		steps: withStep(7, func(st *data.DevStep) { st.End = d("2025-07") }), rule: "D5", absent: true},
	{name: "D5 公示 end month only, surely after", version: data.RuleVersion2026,
		steps: withStep(7, func(st *data.DevStep) { st.End = d("2025-08") }), rule: "D5", sev: SeverityError, frag: "晚于"},
	{name: "D5 公示 end year only, may end in time", version: data.RuleVersion2026,
		steps: withStep(7, func(st *data.DevStep) { st.End = d("2025") }), rule: "D5", absent: true},
	{name: "D5 公示 end year only, surely after", version: data.RuleVersion2026,
		steps: withStep(7, func(st *data.DevStep) { st.End = d("2026") }), rule: "D5", sev: SeverityError, frag: "晚于"},
	{name: "D5 decision month only, 公示 ends on its last day", version: data.RuleVersion2026,
		steps: withStep(7, func(st *data.DevStep) { st.Date, st.End = d("2025-07"), d("2025-07-31") }), rule: "D5", absent: true},
	{name: "D5 decision month only, 公示 ends the next month", version: data.RuleVersion2026,
		steps: withStep(7, func(st *data.DevStep) { st.Date, st.End = d("2025-07"), d("2025-08-01") }),
		rule:  "D5", sev: SeverityError, frag: "晚于"},
	{name: "D5 公示 start month only, five working days possible", version: data.RuleVersion2026,
		steps: withStep(7, func(st *data.DevStep) { st.Start, st.End = d("2025-07"), d("2025-07-14") }), rule: "D5", absent: true},
	{name: "D5 three working days", version: data.RuleVersion2026,
		steps: withStep(7, func(st *data.DevStep) { st.Start, st.End = d("2025-07-14"), d("2025-07-16") }),
		rule:  "D5", sev: SeverityError, frag: "只有 3 个工作日"},

	// D6: 政审 and training before the 支部大会.
	{name: "D6 政审 month only, may be before", steps: setDate(10, "2025-10"), rule: "D6", absent: true},
	{name: "D6 政审 month only, surely after", steps: setDate(10, "2025-11"), rule: "D6", sev: SeverityError, frag: "之后"},
	{name: "D6 政审 year only, may be before", steps: setDate(10, "2025"), rule: "D6", absent: true},
	{name: "D6 政审 year only, surely after", steps: setDate(10, "2026"), rule: "D6", sev: SeverityError, frag: "之后"},
	{name: "D6 meeting month only, 政审 on its last day", steps: then(setDate(15, "2025-10"), setDate(10, "2025-10-31")),
		rule: "D6", absent: true},
	{name: "D6 meeting month only, 政审 the next month", steps: then(setDate(15, "2025-10"), setDate(10, "2025-11-01")),
		rule: "D6", sev: SeverityError, frag: "之后"},
	{name: "D6 meeting year only, training ends 31 Dec", steps: then(setDate(15, "2025"),
		withStep(11, func(st *data.DevStep) { st.End = d("2025-12-31") })), rule: "D6", absent: true},
	{name: "D6 meeting year only, training ends next year", steps: then(setDate(15, "2025"),
		withStep(11, func(st *data.DevStep) { st.End = d("2026-01-01") })), rule: "D6", sev: SeverityError, frag: "才结束"},

	// D7: the introducer a 正式党员 on the day chosen and of the meeting.
	{name: "D7 chosen month only, may be after 转正", steps: then(introducers(introA, introB), setDate(9, "2025-08")),
		register: func(reg []data.Person) { reg[1].JoinDate, reg[1].FullDate = d("2024-08-31"), d("2025-08-31") },
		rule:     "D7", absent: true},
	{name: "D7 chosen month only, surely before 转正", steps: then(introducers(introA, introB), setDate(9, "2025-08")),
		register: func(reg []data.Person) { reg[1].JoinDate, reg[1].FullDate = d("2024-09-01"), d("2025-09-01") },
		rule:     "D7", sev: SeverityError, frag: "还是预备党员"},
	{name: "D7 转正 month only, may be before the choice", steps: introducers(introA, introB),
		register: func(reg []data.Person) { reg[1].JoinDate, reg[1].FullDate = d("2024-08"), d("2025-08") },
		rule:     "D7", absent: true},
	{name: "D7 转正 year only, surely after the meeting", steps: introducers(introA, introB),
		register: func(reg []data.Person) { reg[1].JoinDate, reg[1].FullDate = d("2025"), d("2026") },
		rule:     "D7", sev: SeverityError},

	// D8 (2026.05): the 支部大会 within a month of the 预审.
	{name: "D8 预审 month only, meeting at month end + 1", version: data.RuleVersion2026,
		steps: then(setDate(13, "2025-09"), setDate(15, "2025-10-30")), rule: "D8", absent: true},
	{name: "D8 预审 month only, meeting a day later", version: data.RuleVersion2026,
		steps: then(setDate(13, "2025-09"), setDate(15, "2025-10-31")), rule: "D8", sev: SeverityReminder, due: "2025-10-30"},
	{name: "D8 预审 year only, meeting 31 Jan next year", version: data.RuleVersion2026,
		steps: then(setDate(13, "2025"), setDate(15, "2026-01-31")), rule: "D8", absent: true},
	{name: "D8 预审 year only, meeting 1 Feb next year", version: data.RuleVersion2026,
		steps: then(setDate(13, "2025"), setDate(15, "2026-02-01")), rule: "D8", sev: SeverityReminder},
	{name: "D8 meeting month only, may be in time", version: data.RuleVersion2026,
		steps: then(setDate(13, "2025-09-20"), setDate(15, "2025-10")), rule: "D8", absent: true},
	{name: "D8 meeting month only, surely late", version: data.RuleVersion2026,
		steps: then(setDate(13, "2025-08-31"), setDate(15, "2025-10")), rule: "D8", sev: SeverityReminder},

	// D10: approval within three months, six at most.
	{name: "D10 meeting month only, approval at +3 months", steps: then(setDate(15, "2025-10"), setDate(17, "2026-01-31")),
		rule: "D10", absent: true},
	{name: "D10 meeting month only, approval a day later", steps: then(setDate(15, "2025-10"), setDate(17, "2026-02-01")),
		rule: "D10", sev: SeverityReminder},
	{name: "D10 meeting month only, approval at +6 months", steps: then(setDate(15, "2025-10"), setDate(17, "2026-04-30")),
		rule: "D10", sev: SeverityReminder},
	{name: "D10 meeting month only, approval past six months", steps: then(setDate(15, "2025-10"), setDate(17, "2026-05-01")),
		rule: "D10", sev: SeverityError},
	{name: "D10 meeting year only, approval 31 Mar next year", steps: then(setDate(15, "2025"), setDate(17, "2026-03-31")),
		rule: "D10", absent: true},
	{name: "D10 meeting year only, approval 1 Apr next year", steps: then(setDate(15, "2025"), setDate(17, "2026-04-01")),
		rule: "D10", sev: SeverityReminder},
	{name: "D10 approval month only, may be in time", steps: setDate(17, "2026-01"), rule: "D10", absent: true},
	{name: "D10 approval month only, surely late", steps: setDate(17, "2026-02"), rule: "D10", sev: SeverityReminder},
	{name: "D10 approval year only, may be in time", steps: setDate(17, "2026"), rule: "D10", absent: true},

	// D11: an extension of six to twelve months.
	{name: "D11 extended to a month, may be six months", person: stage(data.StageProbationer), steps: extended("2027-04"),
		rule: "D11", absent: true},
	{name: "D11 extended to a month, surely under six", person: stage(data.StageProbationer), steps: extended("2027-03"),
		rule: "D11", sev: SeverityError},
	{name: "D11 extended to a month, may be a year", person: stage(data.StageProbationer), steps: extended("2027-10"),
		rule: "D11", absent: true},
	{name: "D11 extended to a month, surely over a year", person: stage(data.StageProbationer), steps: extended("2027-11"),
		rule: "D11", sev: SeverityError},
	{name: "D11 extended to a year, may fit", person: stage(data.StageProbationer), steps: extended("2027"),
		rule: "D11", absent: true},
	{name: "D11 extended to a year, surely over", person: stage(data.StageProbationer), steps: extended("2028"),
		rule: "D11", sev: SeverityError},
	{name: "D11 meeting year only, extension may fit", person: stage(data.StageProbationer),
		steps: then(setDate(15, "2025"), extended("2027-03")), rule: "D11", absent: true},
	{name: "D11 meeting year only, extension surely short", person: stage(data.StageProbationer),
		steps: then(setDate(15, "2025"), extended("2026-06")), rule: "D11", sev: SeverityError},
	{name: "D11 meeting month only, extension at its last day + 24 months", person: stage(data.StageProbationer),
		steps: then(setDate(15, "2025-10"), extended("2027-10-31")), rule: "D11", absent: true},
	{name: "D11 meeting month only, a day later", person: stage(data.StageProbationer),
		steps: then(setDate(15, "2025-10"), extended("2027-11-01")), rule: "D11", sev: SeverityError},

	// D12: the 转正 meeting not before 预备期满; its approval within three months.
	{name: "D12 转正 meeting month only, may be after", steps: setDate(23, "2026-10"), rule: "D12", absent: true},
	{name: "D12 转正 meeting month only, surely before", steps: then(setDate(22, "2026-08-01"), setDate(23, "2026-09")),
		rule: "D12", sev: SeverityError},
	{name: "D12 支部大会 month only, 转正 meeting on the 1st", steps: then(setDate(15, "2025-10"), setDate(23, "2026-10-01")),
		rule: "D12", absent: true},
	{name: "D12 支部大会 month only, 转正 meeting a month early", steps: then(setDate(15, "2025-10"), setDate(23, "2026-09-30")),
		rule: "D12", sev: SeverityError},
	{name: "D12 转正 meeting year only, may be after", steps: setDate(23, "2026"), rule: "D12", absent: true},
	{name: "D12 支部大会 year only, 转正 meeting the year before", steps: then(setDate(15, "2025"), setDate(23, "2025-12-31")),
		rule: "D12", sev: SeverityError},
	{name: "D12 转正 meeting month only, approval at +3 months", steps: then(setDate(23, "2026-10"), setDate(24, "2027-01-31")),
		on: "2027-02-01", rule: "D12", absent: true},
	{name: "D12 转正 meeting month only, approval a day later", steps: then(setDate(23, "2026-10"), setDate(24, "2027-02-01")),
		on: "2027-02-01", rule: "D12", sev: SeverityReminder},

	// D13 and R-JOIN: the register's dates agree with the records.
	{name: "D13 转正日期 month only, may agree", person: fullDate("2026-10"), rule: "D13", absent: true},
	{name: "D13 转正日期 month only, surely differs", person: fullDate("2026-11"), rule: "D13", sev: SeverityError},
	{name: "D13 转正日期 year only, may agree", person: fullDate("2026"), rule: "D13", absent: true},
	{name: "D13 转正日期 year only, surely differs", person: fullDate("2027"), rule: "D13", sev: SeverityError},
	{name: "R-JOIN month only, may agree", person: joinDate("2025-10"), rule: RuleJoinDate, absent: true},
	{name: "R-JOIN year only, surely differs", person: joinDate("2024"), rule: RuleJoinDate, sev: SeverityError},
}

func TestPartialDatesAreJudgedInTheRecordsFavour(t *testing.T) { runRuleCases(t, partialDateCases) }
