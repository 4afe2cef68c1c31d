// Package rules checks the 发展党员 records against the rules as
// implemented in docs/rules.md: the dates and ages (D1–D14, with the
// computed D11, D13, D15 in data.Timeline), the votes (D9) and the reminders
// of what is coming. Everything here is a pure function of values (people,
// step records, status history, a date, a holiday table): no database, no
// clock, no GORM.
//
// The rules themselves are data (rulebook): per version of the 细则, each
// rule's ID, article, text and source, and whether the article is verified
// (docs/rules.md, "Citations"). A rule that a version does not have (the
// 公示 of D5 before 2026) is simply not checked for records following that
// version; which version a record follows is docs/rules.md, "Rule
// versions"; how month- and year-only dates are judged, "Partial dates".
package rules

import "partyoffice/data"

// Rule is one checked requirement in one version of the rules.
type Rule struct {
	ID      string // D1…D15 or R-… (docs/rules.md lists them all)
	Version string // data.RuleVersion2014 / data.RuleVersion2026
	Article string // "第十三条"; "" for local practice
	Source  string // the document: 细则, 党章, 本地要求 …
	Text    string // the requirement, in Chinese
	// Unverified marks article numbers not yet checked against the official
	// text (待核对原文): all of 2026.05, and the few 2014 numbers inferred.
	Unverified bool
	Local      bool // a local practice (docs/rules.md, "Local requirements"), not a national rule
}

// Basis is the citation printed in messages: "细则（2014）第十三条".
func (r Rule) Basis() string {
	s := r.Source
	if r.Source == sourceRules {
		s += "（" + r.Version + "）"
	}
	s += r.Article
	switch {
	case r.Local && r.Unverified:
		s += "，未核实"
	case r.Unverified:
		s += "，" + UnverifiedArticle
	}
	return s
}

// UnverifiedArticle ends the on-screen citation of an article number not yet
// checked against the official text (Basis); the window may show a small
// marker in its place, and paper never shows it (PrintedBasis).
const UnverifiedArticle = "条文序号待核对原文"

// Verified reports that the rule's article number has been checked
// against the official text: only then is it printed (docs/rules.md,
// "Citations").
func (r Rule) Verified() bool { return !r.Unverified }

// PrintedBasis is the citation on paper (移交清单, anything signed): the
// document's full name, and the article only where verified. Never the
// on-screen marker 待核对原文.
func (r Rule) PrintedBasis() string {
	s := r.Source
	switch r.Source {
	case sourceRules:
		s = "《中国共产党发展党员工作细则》"
		if v := data.RuleVersionByID(r.Version); v != nil {
			s = v.Title
		}
	case sourceCharter:
		s = "《中国共产党章程》"
	}
	if r.Verified() && !r.Local {
		s += r.Article
	}
	return s
}

// Our own rule IDs, beside D1–D15 (docs/rules.md, 发展党员 rules):
const (
	RuleTalkDue      = "R-TALK"      // 谈话 due within a month of the application (coming)
	RuleAssessDue    = "R-ASSESS"    // half-yearly assessment of an activist due
	RuleCandidateDue = "R-CANDIDATE" // activist a year: may become 发展对象
	RuleMeetingDue   = "R-MEETING"   // (2026.05) 支部大会 within a month of the 预审 (coming)
	RuleApprovalDue  = "R-APPROVAL"  // 上级党委审批 within three months of the 支部大会 (coming)
	RuleOathDue      = "R-OATH"      // (local, unverified) 入党宣誓 within a month of approval
	RuleTransferDue  = "R-TRANSFER"  // 预备期满: the 转正 支部大会 is due
	RuleConfirmDue   = "R-CONFIRM"   // 转正审批 within three months of the meeting (coming)
	RuleMissingStep  = "R-MISSING"   // a step required before the 支部大会 or by the approval is not recorded
	RuleContact      = "R-CONTACT"   // a 培养联系人 not a 正式党员 on the day assigned
	RuleDecision     = "R-DECISION"  // a decision (结果, 推荐方式) left blank, e.g. by an import
	RuleNegative     = "R-RESULT"    // later steps recorded after a 不合格/不同意
	RuleJoinDate     = "R-JOIN"      // the register's 入党日期 differs from the 支部大会
	RuleYoungTeacher = "R-YOUNG"     // (local) yearly 优秀青年教师 target (docs/rules.md)
)

const (
	sourceRules   = "细则"
	sourceCharter = "党章"
	sourceDues    = "党费规定（中组发〔2008〕3号）"
	sourceLocal   = "本地要求"
	sourceR3      = "金凤区教育党工委2022年党建工作要点"
)

// common lists the rules worded alike in both versions, with the article
// of each version ("" = the version does not have the rule).
var common = []struct {
	id, a2014, a2026, source, text string
	unverified, local              bool // unverified: the 2014 article inferred, or a local practice not verified
}{
	{"D1", "第五条", "第五条", sourceRules, "入党申请人应年满十八周岁（以递交入党申请书之日计）", false, false},
	{"D2", "第七条", "第七条", sourceRules, "党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话", false, false},
	{RuleTalkDue, "第七条", "第七条", sourceRules, "收到入党申请书后一个月内派人谈话", false, false},
	{"D3", "第八条", "第八条", sourceRules, "入党积极分子从递交入党申请书的人中确定，确定日期应晚于申请日期（本地：一般申请满半年）", false, false},
	{RuleContact, "第九条", "第九条", sourceRules, "党组织应指定一至两名正式党员作入党积极分子的培养联系人；预备党员和受留党察看处分、尚未恢复党员权利的党员不能作培养联系人", false, false},
	{RuleAssessDue, "第十一条", "第十一条", sourceRules, "党支部每半年对入党积极分子进行一次考察", false, false},
	{"D4", "第十三条", "第十三条", sourceRules, "入党积极分子经过一年以上培养教育和考察，方可列为发展对象", false, false},
	{RuleCandidateDue, "第十三条", "第十三条", sourceRules, "入党积极分子培养考察满一年后，可讨论确定为发展对象", false, false},
	{"D5", "", "第十三条", sourceRules, "确定发展对象前应公示不少于5个工作日，并报上级党委同意", false, false},
	{"D6", "第十六、十七条", "第十六、十七条", sourceRules, "未经政治审查或政审不合格的，不能发展入党；集中培训一般不少于3天或24学时，未经培训的，除个别特殊情况外不能发展入党；二者均应在支部大会之前完成", false, false},
	{"D7", "第十四条", "第十四条", sourceRules, "发展对象应有两名正式党员作入党介绍人；预备党员和受留党察看处分、尚未恢复党员权利的党员不能作入党介绍人", false, false},
	{RuleMissingStep, "第十三至二十条", "第十三至十九条", sourceRules, "支部大会讨论前，应已确定发展对象、经支部委员会审查和上级党委预审合格、填写入党志愿书；审批前，应已派人谈话、指定培养联系人、确定发展对象报上级党委备案（2026年修订：同意），并由上级党委派人谈话", true, false},
	{RuleDecision, "第八、十六、十九、二十五条", "第八、十六、十八、二十五条", sourceRules, "推荐方式、政审结论、预审结果、审批结果等由党组织决定并如实登记，不得推定", true, false},
	{"D8", "", "第十八、十九条", sourceRules, "上级党委预审合格后，党支部应在一个月内召开支部大会讨论", false, false},
	{RuleMeetingDue, "", "第十八、十九条", sourceRules, "预审合格后一个月内召开支部大会", false, false},
	{"D9", "第二十、二十一条", "第十九、二十条", sourceRules, "有表决权的到会人数必须超过应到会有表决权人数的半数；赞成人数超过应到会有表决权的正式党员的半数才能通过，会前正式提出的书面意见统计在票数内", false, false},
	{"D10", "第二十五条", "第二十五条", sourceRules, "上级党委应在支部大会后三个月内审批，特殊情况可适当延长，但不得超过六个月", false, false},
	{RuleApprovalDue, "第二十五条", "第二十五条", sourceRules, "支部大会后三个月内报上级党委审批", false, false},
	{RuleNegative, "第十六、十九、二十五条", "第十六、十八、二十五条", sourceRules, "审查、预审或审批的结果为不合格、不同意的，不能进入后续程序", true, false},
	{"D11", "第三十二条", "第三十一条", sourceRules, "预备期为一年，从支部大会通过之日算起；延长预备期只能一次，不少于半年、最长不超过一年（党章第七条）", false, false},
	{"D12", "第三十三条", "第三十二、三十三条", sourceRules, "预备期满后方可召开支部大会讨论转正；上级党委应在三个月内审批", true, false},
	{RuleTransferDue, "第三十三条", "第三十二条", sourceRules, "预备期满，党支部应及时讨论其能否转为正式党员", false, false},
	{RuleConfirmDue, "第三十三条", "第三十三条", sourceRules, "讨论转正的支部大会后三个月内报上级党委审批", true, false},
	{"D13", "第七条", "第七条", sourceCharter, "预备党员转为正式党员，转正日期为预备期满之日（不是支部大会或审批的日期）", false, false},
	{RuleJoinDate, "第七条", "第七条", sourceCharter, "入党时间（加入党组织日期）为支部大会通过其为预备党员之日", false, false},
	{"D14", "第五至三十三条", "第五至三十三条", sourceRules, "申请、谈话、确定积极分子、确定发展对象、支委会审查、上级党委预审、填写志愿书、支部大会、上级党委谈话、审批、宣誓、转正申请、转正讨论、转正审批应依次进行；政审、集中培训在确定发展对象之后，预备期的各步在审批之后", true, false},
	{"D15", "", "", sourceDues, "预备党员从支部大会通过之月起交纳党费", false, false},
	{RuleOathDue, "", "", sourceLocal, "新党员一般在批准后一个月内面向党旗进行入党宣誓（宣誓见细则2026年修订第二十九条；一个月的时限为本地做法）", true, true},
	{RuleYoungTeacher, "", "", sourceR3, "每个中小学校党支部每年至少发展1名优秀青年教师入党", false, true},
}

// rulebook is every rule of every version, by version and ID.
var rulebook = buildRulebook()

type ruleKey struct{ version, id string }

func buildRulebook() map[ruleKey]Rule {
	out := map[ruleKey]Rule{}
	for _, v := range data.RuleVersions {
		for _, c := range common {
			r := Rule{ID: c.id, Version: v.ID, Article: c.a2014, Source: c.source, Text: c.text, Local: c.local}
			switch {
			case c.source == sourceLocal:
				r.Unverified = c.unverified // local practice: verified or not, whatever the version
			case c.source != sourceRules:
			case v.ID == data.RuleVersion2014:
				r.Unverified = c.unverified
			default:
				r.Article, r.Unverified = c.a2026, v.Unverified
			}
			if c.source == sourceRules && r.Article == "" {
				continue // the version does not have this rule
			}
			out[ruleKey{v.ID, c.id}] = r
		}
	}
	return out
}

// RuleFor returns a rule of a version; ok is false when the version does
// not have it (then it is not checked).
func RuleFor(version, id string) (Rule, bool) {
	r, ok := rulebook[ruleKey{version, id}]
	return r, ok
}

// Rules lists the rules of a version in the order of docs/rules.md, for a
// settings screen that shows them.
func Rules(version string) []Rule {
	var out []Rule
	for _, c := range common {
		if r, ok := RuleFor(version, c.id); ok {
			out = append(out, r)
		}
	}
	return out
}
