package rules

import (
	"strings"
	"testing"

	"partyoffice/data"
)

func blankResult(n int) func(s []data.DevStep) []data.DevStep {
	return withStep(n, func(st *data.DevStep) { st.Result = "" })
}

var decisionCases = []ruleCase{
	{name: "R-DECISION all recorded", rule: RuleDecision, absent: true},
	{name: "R-DECISION blank 政审结论", steps: blankResult(10), rule: RuleDecision, sev: SeverityError,
		frag: "没有登记第10步“进行政治审查”（2025-08-20）的结果（合格、不合格）"},
	{name: "R-DECISION blank 预审 and 审批 in one finding", steps: then(blankResult(13), blankResult(17)),
		rule: RuleDecision, sev: SeverityError, frag: "第13步“上级党委预审”（2025-09-20）的结果（合格、不合格），第17步"},
	{name: "R-DECISION blank 推荐方式", steps: withStep(3, func(st *data.DevStep) { st.Source = "" }),
		rule: RuleDecision, sev: SeverityError, frag: "的推荐方式（党员推荐或群团组织推优）"},
	{name: "R-DECISION a blank optional result is not a decision missing", steps: blankResult(12), rule: RuleDecision, absent: true},
}

func TestBlankDecisionsAreReportedNotInferred(t *testing.T) { runRuleCases(t, decisionCases) }

// Imported 支部大会 without counts: one D9 reminder per person naming every
// meeting, not one per meeting.
func TestUnrecordedVotesOneReminderPerPerson(t *testing.T) {
	steps := then(withVote(data.Vote{}), withStep(23, func(st *data.DevStep) { st.Vote = data.Vote{} }))(fullPath())
	for _, v := range []string{data.RuleVersion2014, data.RuleVersion2026} {
		fs := findingsOf(checkOne(subjectPerson(v), register(), steps, "2026-11-28", DefaultOptions()), "D9")
		if len(fs) != 1 || fs[0].Severity != SeverityReminder ||
			!strings.Contains(fs[0].Message, "2025-10-10（讨论接收预备党员）、2026-10-10（讨论按期转正）") {
			t.Errorf("%s: want one D9 reminder naming both meetings, got\n%s", v, describe(fs))
		}
	}
}
