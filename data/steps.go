package data

import "strconv"

// The 25 steps of 发展党员 (docs/ARCHITECTURE.md#the-domain-in-brief) are data: what each step records
// (people, a period, 学时, a vote, a result, the 志愿书编号), whether it may be
// recorded more than once, and its article in each version of the 细则. The
// form shows exactly the fields a step names; the store refuses the others.

// Role is what a person does at a step.
type Role string

const (
	RoleTalker     Role = "谈话人"
	RoleContact    Role = "培养联系人"
	RoleIntroducer Role = "入党介绍人"
)

// RoleNeed says how many people of a role a step needs. Members must be
// chosen from the register among people eligible on the step's date (正式党员,
// not under 留党察看); others may be typed in, like the 上级党委's 组织员.
type RoleNeed struct {
	Role     Role
	Min, Max int
	Members  bool // chosen from the register, eligible on the step's date
}

// Results a person enters; the software never infers them (docs/ARCHITECTURE.md#the-domain-in-brief).
const (
	ResultPass         = "合格"
	ResultFail         = "不合格"
	ResultAgree        = "同意"
	ResultDisagree     = "不同意"
	ResultCompleted    = "结业"
	ResultNotCompleted = "未结业"
)

// Decisions of the 支部大会 on a 预备党员 (step 23, 党章第七条).
const (
	DecisionConfirm = "按期转正"
	DecisionExtend  = "延长预备期"
	DecisionCancel  = "取消预备党员资格"
)

// Sources of a 入党积极分子 recommendation (step 3).
const (
	SourceMembers = "党员推荐"
	SourceLeague  = "群团组织推优" // 团员推优 and the like
)

// Kinds of record at the repeating steps 6 and 21.
const (
	KindAssessment = "半年考察"
	KindReport     = "思想汇报"
	KindOther      = "其他"
)

// IsNegative reports whether a result stops the way forward.
func IsNegative(result string) bool {
	return result == ResultFail || result == ResultDisagree || result == ResultNotCompleted
}

// Phases are the five stages of the chart (docs/ARCHITECTURE.md#the-domain-in-brief), numbered 1–5.
var Phases = []string{
	"",
	"申请入党",
	"入党积极分子的确定和培养教育",
	"发展对象的确定和考察",
	"预备党员的接收",
	"预备党员的教育考察和转正",
}

// Step numbers the code refers to by name.
const (
	StepApply            = 1
	StepTalk             = 2
	StepActivist         = 3
	StepActivistFiled    = 4
	StepContacts         = 5
	StepAssessment       = 6
	StepCandidate        = 7
	StepCandidateFiled   = 8
	StepIntroducers      = 9
	StepPoliticalReview  = 10
	StepTraining         = 11
	StepCommitteeReview  = 12
	StepPreReview        = 13
	StepPledge           = 14
	StepBranchMeeting    = 15
	StepSuperiorTalk     = 16
	StepApproval         = 17
	StepApprovalFiled    = 18
	StepGrouped          = 19
	StepOath             = 20
	StepProbation        = 21
	StepTransferApply    = 22
	StepTransferMeeting  = 23
	StepTransferApproval = 24
	StepArchive          = 25
	StepCount            = 25
)

// StepDef describes one step.
type StepDef struct {
	Number int
	Phase  int // 1–5, index into Phases
	Name   string
	// VersionNames overrides Name where a version words the step differently.
	VersionNames map[string]string
	// Articles is the 细则 article per rule version ("" when it has none).
	Articles map[string]string
	People   []RoleNeed
	// PeriodLabel names the start–end period ("" = none): 公示期, 培训时间.
	PeriodLabel string
	HasHours    bool // 学时 (training)
	HasVote     bool // 应到/实到/书面意见/赞成/反对/弃权
	HasNumber   bool // 志愿书编号
	HasSource   bool // 推荐方式
	HasExtendTo bool // 延长预备期至, with the decision 延长预备期
	// Results are the allowed results; ResultRequired says one must be chosen.
	Results        []string
	ResultRequired bool
	Kinds          []string // 记录类型 of a repeating step
	// MaxRecords is how many records a person may have of the step; 0 means
	// any number (half-yearly assessments, a replaced 培养联系人, a repeated 政审).
	MaxRecords int
}

// NameIn is the step's name in a rule version.
func (d *StepDef) NameIn(version string) string {
	if n, ok := d.VersionNames[version]; ok {
		return n
	}
	return d.Name
}

// Title is "第7步 确定发展对象", as messages and forms show a step.
func (d *StepDef) Title(version string) string {
	return "第" + strconv.Itoa(d.Number) + "步“" + d.NameIn(version) + "”"
}

// ArticleIn is the article of the step in a version, "" when none is known.
func (d *StepDef) ArticleIn(version string) string { return d.Articles[version] }

// Need returns the need for a role, or nil when the step has no such role.
func (d *StepDef) Need(r Role) *RoleNeed {
	for i := range d.People {
		if d.People[i].Role == r {
			return &d.People[i]
		}
	}
	return nil
}

// Repeats reports whether the step may be recorded more than once.
func (d *StepDef) Repeats() bool { return d.MaxRecords != 1 }

func articles(v2014, v2026 string) map[string]string {
	return map[string]string{RuleVersion2014: v2014, RuleVersion2026: v2026}
}

var (
	agreeResults    = []string{ResultAgree, ResultDisagree}
	passResults     = []string{ResultPass, ResultFail}
	decisionResults = []string{DecisionConfirm, DecisionExtend, DecisionCancel}
	recordKinds     = []string{KindAssessment, KindReport, KindOther}
	talkers         = []RoleNeed{{Role: RoleTalker, Min: 1, Max: 2}}
)

// StepDefs lists the 25 national steps in order; StepDefs[i].Number == i+1.
var StepDefs = []StepDef{
	{Number: 1, Phase: 1, Name: "递交入党申请书", Articles: articles("第五、六条", "第五、六条"), MaxRecords: 1},
	{Number: 2, Phase: 1, Name: "党组织派人谈话", Articles: articles("第七条", "第七条"), People: talkers, MaxRecords: 1},
	{Number: 3, Phase: 2, Name: "推荐和确定入党积极分子", Articles: articles("第八条", "第八条"),
		HasSource: true, MaxRecords: 1},
	{Number: 4, Phase: 2, Name: "上级党委备案", Articles: articles("第八条", "第八条"), MaxRecords: 1},
	{Number: 5, Phase: 2, Name: "指定培养联系人", Articles: articles("第九条", "第九条"),
		People: []RoleNeed{{Role: RoleContact, Min: 1, Max: 2, Members: true}}},
	{Number: 6, Phase: 2, Name: "培养教育考察", Articles: articles("第十一条", "第十一条"), Kinds: recordKinds},
	{Number: 7, Phase: 3, Name: "确定发展对象", Articles: articles("第十三条", "第十三条"),
		PeriodLabel: "公示期", MaxRecords: 1},
	{Number: 8, Phase: 3, Name: "报上级党委备案", VersionNames: map[string]string{RuleVersion2026: "报上级党委同意"},
		Articles: articles("第十三条", "第十三条"), Results: agreeResults, MaxRecords: 1},
	{Number: 9, Phase: 3, Name: "确定入党介绍人", Articles: articles("第十四条", "第十四条"),
		People: []RoleNeed{{Role: RoleIntroducer, Min: 2, Max: 2, Members: true}}},
	{Number: 10, Phase: 3, Name: "进行政治审查", Articles: articles("第十六条", "第十六条"),
		Results: passResults, ResultRequired: true},
	{Number: 11, Phase: 3, Name: "开展集中培训", Articles: articles("第十七条", "第十七条"),
		PeriodLabel: "培训时间", HasHours: true, Results: []string{ResultCompleted, ResultNotCompleted}},
	{Number: 12, Phase: 4, Name: "支部委员会审查", Articles: articles("第十九条", "第十八条"),
		Results: agreeResults, MaxRecords: 1},
	{Number: 13, Phase: 4, Name: "上级党委预审", Articles: articles("第十九条", "第十八条"),
		Results: passResults, ResultRequired: true},
	{Number: 14, Phase: 4, Name: "填写入党志愿书", Articles: articles("第二十条", ""), HasNumber: true, MaxRecords: 1},
	{Number: 15, Phase: 4, Name: "支部大会讨论", Articles: articles("第二十、二十一条", "第十九、二十条"),
		HasVote: true, MaxRecords: 1},
	{Number: 16, Phase: 4, Name: "上级党委派人谈话", People: talkers, MaxRecords: 1},
	{Number: 17, Phase: 4, Name: "上级党委审批", Articles: articles("第二十五条", "第二十五条"),
		Results: agreeResults, ResultRequired: true, MaxRecords: 1},
	{Number: 18, Phase: 4, Name: "再上一级党委组织部门备案", Articles: articles("第二十五条", "第二十五条"), MaxRecords: 1},
	{Number: 19, Phase: 5, Name: "编入党支部和党小组", MaxRecords: 1},
	{Number: 20, Phase: 5, Name: "入党宣誓", Articles: articles("", "第二十九条"), MaxRecords: 1},
	{Number: 21, Phase: 5, Name: "继续教育考察", Articles: articles("第三十二条", "第三十一条"), Kinds: recordKinds},
	// 22–24 may be recorded twice: once for an extension of the 预备期 and
	// once for the final decision after it (党章第七条: one extension only).
	{Number: 22, Phase: 5, Name: "提出转正申请", Articles: articles("第三十三条", "第三十二条"), MaxRecords: 2},
	{Number: 23, Phase: 5, Name: "支部大会讨论转正", Articles: articles("第三十三条", "第三十二条"),
		HasVote: true, Results: decisionResults, ResultRequired: true, HasExtendTo: true, MaxRecords: 2},
	{Number: 24, Phase: 5, Name: "上级党委审批转正", Articles: articles("第三十三条", "第三十三条"),
		Results: agreeResults, ResultRequired: true, MaxRecords: 2},
	{Number: 25, Phase: 5, Name: "材料归档", Articles: articles("第三十六条", ""), MaxRecords: 1},
}

// StepDefFor returns the definition of step n (1–25), or nil.
func StepDefFor(n int) *StepDef {
	if n < 1 || n > len(StepDefs) {
		return nil
	}
	return &StepDefs[n-1]
}

// StepsOfPhase lists the steps of one of the five stages.
func StepsOfPhase(phase int) []*StepDef {
	var out []*StepDef
	for i := range StepDefs {
		if StepDefs[i].Phase == phase {
			out = append(out, &StepDefs[i])
		}
	}
	return out
}
