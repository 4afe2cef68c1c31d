package compliance

import (
	"fmt"
	"slices"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
)

// Rule IDs of the meeting findings, beside D1–D14 and R-… of package rules.
// A type's ID does not name its frequency: the frequency is a setting.
const (
	RuleMembersMeeting = "M-DYDH"   // 支部党员大会 (national: 每季度1次, 支部工作条例第十一条)
	RuleCommittee      = "M-ZWH"    // 支部委员会 (每月1次, 第十二条; not with fewer than 7 正式党员)
	RuleGroupMeeting   = "M-DXZH"   // 党小组会, each 党小组 (每月1次, 第十三条)
	RuleLecture        = "M-DK"     // 党课 (local: 每季度1次)
	RuleThemeDay       = "M-ZTDR"   // 主题党日 (每月1次, 第十六条)
	RuleLifeMeeting    = "M-ZZSHH"  // 组织生活会 (每年1次, 第十七条)
	RuleAppraisal      = "M-MZPY"   // 民主评议党员 (每年1次, 第十九条)
	RuleIdeology       = "M-YSXT"   // 意识形态工作专题会议 (local R6: 每学期1次)
	RuleStudy          = "M-ZTYT"   // 集中学习/专题研讨 (local R9: 每月专题研讨)
	RuleOtherType      = "M-OTHER"  // a type added in the settings
	RuleListen         = "M-LISTEN" // 支部书记听思政课 (local R4: 每学期≥4次)
	RuleTeach          = "M-TEACH"  // 支部书记讲思政课 (local R5: 每学期≥4课时)
	RuleAbsence        = "M-ABSENT" // no 组织生活 for 6 consecutive months (党章第九条)
)

// RuleDoc documents a rule ID for `check` and the settings screen.
type RuleDoc struct {
	ID, Text, Basis string
}

// RuleDocs lists the meeting rules, documented.
var RuleDocs = []RuleDoc{
	{RuleMembersMeeting, "按设置的频次召开支部党员大会（默认每季度1次）；本期将结束时提醒，已结束未召开列为错误", "支部工作条例第十一条"},
	{RuleCommittee, "按设置的频次召开支部委员会（默认每月1次）；不设支委会或正式党员不足7人时不作要求", "支部工作条例第四、十二条"},
	{RuleGroupMeeting, "每个有党员的党小组按设置的频次召开党小组会（默认每月1次）", "支部工作条例第十三条"},
	{RuleLecture, "按设置的频次上党课（默认每季度1次）", "支部工作条例第十六条；本地要求"},
	{RuleThemeDay, "按设置的频次开展主题党日（默认每月1次）", "支部工作条例第十六条；党员教育管理工作条例第十六条"},
	{RuleLifeMeeting, "按设置的频次召开组织生活会（默认每年1次，一般在第四季度）", "支部工作条例第十七条"},
	{RuleAppraisal, "按设置的频次开展民主评议党员（默认每年1次）", "支部工作条例第十九条"},
	{RuleIdeology, "按设置的频次召开意识形态工作专题会议（默认每学期1次）", "金凤区教育党工委2022年党建工作要点"},
	{RuleStudy, "按设置的频次开展集中学习/专题研讨（默认每月1次）", "金凤区教育党工委2022年党建工作要点"},
	{RuleOtherType, "设置中新增的会议类型，按设置的频次召开", "本地要求"},
	{RuleListen, "支部书记每学期听思政课不少于设置的次数（默认4次）", "金凤区教育党工委2022年党建工作要点"},
	{RuleTeach, "支部书记每学期讲思政课不少于设置的课时（默认4课时）", "金凤区教育党工委2022年党建工作要点"},
	{RuleAbsence, "党员连续六个月（可设置）没有参加党的组织生活，提醒支部及时谈心谈话、了解情况（党章第九条：无正当理由连续六个月不参加党的组织生活的，按自行脱党处理；由支部讨论决定，软件只作提醒）", "党章第九条；党员教育管理工作条例第三十一条"},
}

var typeRules = map[data.MeetingType]string{
	data.TypeMembersMeeting: RuleMembersMeeting,
	data.TypeCommittee:      RuleCommittee,
	data.TypeGroupMeeting:   RuleGroupMeeting,
	data.TypeLecture:        RuleLecture,
	data.TypeThemeDay:       RuleThemeDay,
	data.TypeLifeMeeting:    RuleLifeMeeting,
	data.TypeAppraisal:      RuleAppraisal,
	data.TypeIdeology:       RuleIdeology,
	data.TypeStudy:          RuleStudy,
}

// RuleOf is the rule ID of a meeting type.
func RuleOf(t data.MeetingType) string {
	if id, ok := typeRules[t]; ok {
		return id
	}
	return RuleOtherType
}

// lookBack is how far back ended periods are reported as missed: a year,
// so `check` shows what can still be put right or explained, not every gap
// of the past five years.
const lookBackMonths = 12

// branchPrefix starts the findings about the branch as a whole, as package
// rules does: a message reads alone in a list.
const branchPrefix = "本支部："

// Findings are the gaps of the meeting record as of the day: periods about
// to end without their meetings (提醒), periods of the last year that ended
// without them (错误), the 书记's 思政课, and members without 组织生活 for six
// months (提醒). Most urgent first; none while the register is empty.
func (c *Compliance) Findings() []rules.Finding {
	if c.registerOn(c.today).members == 0 {
		return nil // a branch still being set up has nothing to judge
	}
	var out []rules.Finding
	for _, t := range c.d.Settings.TypeList() {
		out = append(out, c.typeFindings(t)...)
	}
	out = append(out, c.classFindings()...)
	out = append(out, c.absenceFindings()...)
	rules.Sort(out)
	return out
}

// Check loads the record from the store and returns its findings as of
// the day, leaving out what was recorded after it: the one call
// `partyoffice check` needs.
func Check(s *data.Store, day civil.Date) ([]rules.Finding, error) {
	d, err := Load(s)
	if err != nil {
		return nil, err
	}
	d.Meetings = slices.DeleteFunc(d.Meetings, func(m data.Meeting) bool { return m.Date.After(day) })
	d.ClassLogs = slices.DeleteFunc(d.ClassLogs, func(l data.ClassLog) bool { return l.Date.After(day) })
	return New(d, day).Findings(), nil
}

func (c *Compliance) typeFindings(t data.MeetingType) []rules.Finding {
	var out []rules.Finding
	from := c.today.AddMonths(-lookBackMonths)
	for _, s := range c.Periods(t, from, c.today) {
		switch {
		case s.State == Overdue && !s.Period.End.Before(from):
			out = append(out, c.finding(&s, rules.SeverityError, missedText(&s)))
		case s.State == Due && s.DaysLeft <= c.d.Settings.LeadDays[s.Period.Every]:
			out = append(out, c.finding(&s, rules.SeverityReminder, dueText(&s)))
		}
	}
	return out
}

func (c *Compliance) finding(s *Status, sev rules.Severity, msg string) rules.Finding {
	return rules.Finding{Rule: RuleOf(s.Type), Severity: sev, Due: s.Period.End,
		Message: branchPrefix + msg + "（依据：" + basisOf(s.Rule) + "）"}
}

func basisOf(r *data.MeetingTypeRule) string {
	basis := r.Basis
	if basis == "" {
		basis = "本地要求"
	}
	return r.Requirement() + "，" + basis
}

// periodWord is 本月/本季度/本学期/本年度 for the running period.
func periodWord(p data.Period) string { return "本" + p.Every.Name() }

// dueText: "本季度（2026年第四季度）尚未召开支部党员大会，剩余 12 天".
func dueText(s *Status) string {
	what := shortfall(s)
	return fmt.Sprintf("%s（%s）%s，剩余 %d 天", periodWord(s.Period), s.Period.Label, what, s.DaysLeft)
}

// missedText: "2026年第三季度未召开支部党员大会".
func missedText(s *Status) string {
	return s.Period.Label + strings.Replace(shortfall(s), "尚未", "未", 1)
}

// shortfall says what is missing: "尚未召开支部党员大会", "党课应召开2次，尚差1次",
// "语文组党小组、数理组党小组尚未召开党小组会".
func shortfall(s *Status) string {
	verb := verbFor(s.Type)
	switch {
	case len(s.MissingGroups) > 0:
		return strings.Join(s.MissingGroups, "、") + "尚未" + verb + string(s.Type)
	case s.Held == 0:
		return "尚未" + verb + string(s.Type)
	}
	return fmt.Sprintf("%s应%s%d次，已%s%d次，尚差%d次", s.Type, verb, s.Required, verb, s.Held, s.Required-s.Held)
}

// verbFor: 上党课, 开展主题党日/民主评议, 召开 the rest.
func verbFor(t data.MeetingType) string {
	switch t {
	case data.TypeLecture:
		return "上"
	case data.TypeThemeDay, data.TypeAppraisal, data.TypeStudy:
		return "开展"
	}
	return "召开"
}
