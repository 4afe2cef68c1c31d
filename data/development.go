package data

import (
	"fmt"
	"strings"

	"partyoffice/data/civil"
)

// 发展党员: one record per step of the 25 (steps.go) for a Person, with the
// people involved and, for the two 支部大会, the vote. The Person's Stage,
// JoinDate and FullDate follow from these records (development_apply.go);
// the checks of docs/rules.md (D1–D15) live in package data/rules.

// Vote is the count of a 表决 as the minutes record it (docs/ARCHITECTURE.md#the-domain-in-brief):
// every number separately, so 通过/不通过 can be derived and re-checked.
// Written opinions are those of absent voters, given before the meeting.
type Vote struct {
	Expected       int // 应到会有表决权的党员
	Present        int // 实到会有表决权的党员 (written opinions do not count here)
	For            int // 赞成, at the meeting
	Against        int // 反对
	Abstain        int // 弃权
	WrittenFor     int // 书面意见：赞成
	WrittenAgainst int // 书面意见：反对
}

// Recorded reports whether the counts were entered at all.
func (v Vote) Recorded() bool { return v != Vote{} }

// Problem says why the counts cannot be right ("" when they can): nobody
// votes twice, nobody absent votes at the meeting, nobody present writes.
func (v Vote) Problem() string {
	switch {
	case v.Expected < 0 || v.Present < 0 || v.For < 0 || v.Against < 0 || v.Abstain < 0 ||
		v.WrittenFor < 0 || v.WrittenAgainst < 0:
		return "人数和票数不能是负数"
	case v.Expected == 0:
		return "请填写应到会有表决权的人数"
	case v.Present > v.Expected:
		return fmt.Sprintf("实到 %d 人多于应到 %d 人", v.Present, v.Expected)
	case v.For+v.Against+v.Abstain > v.Present:
		return fmt.Sprintf("赞成、反对、弃权共 %d 票，多于实到的 %d 人", v.For+v.Against+v.Abstain, v.Present)
	case v.WrittenFor+v.WrittenAgainst > v.Expected-v.Present:
		return fmt.Sprintf("书面意见共 %d 份，多于未到会的 %d 人", v.WrittenFor+v.WrittenAgainst, v.Expected-v.Present)
	}
	return ""
}

// DevStep is one record of a step for a person. A step that happens several
// times (half-yearly assessments, 思想汇报, an extended 预备期) has several.
// Which fields apply is said by the step's StepDef.
type DevStep struct {
	Model
	PersonID uint       `gorm:"index"`
	Step     int        `gorm:"index"` // 1–25
	Date     civil.Date // the day it happened (decision, meeting, approval …)
	Start    civil.Date // period: 公示期 (step 7), 培训时间 (step 11)
	End      civil.Date
	Hours    int    // 学时 (step 11)
	Result   string // 合格/不合格, 同意/不同意, or a step-23 decision, as entered
	Kind     string // 记录类型 at steps 6 and 21: 半年考察 / 思想汇报 / 其他
	Number   string // 入党志愿书编号 (step 14)
	Source   string // 推荐方式 (step 3): 党员推荐 / 群团组织推优
	// ExtendTo is the new end of the 预备期 with the decision 延长预备期.
	ExtendTo civil.Date
	Vote     Vote `gorm:"embedded;embeddedPrefix:vote_"`
	Note     string
	People   []DevStepPerson `gorm:"foreignKey:StepID"`
}

// Def is the step's definition (nil for an invalid step number).
func (st *DevStep) Def() *StepDef { return StepDefFor(st.Step) }

// PeopleIn lists the people of a role, in the order entered.
func (st *DevStep) PeopleIn(r Role) []DevStepPerson {
	var out []DevStepPerson
	for _, p := range st.People {
		if p.Role == r {
			out = append(out, p)
		}
	}
	return out
}

// Names joins the names of a role with 、 as registers print them.
func (st *DevStep) Names(r Role) string {
	var names []string
	for _, p := range st.PeopleIn(r) {
		names = append(names, p.Name)
	}
	return strings.Join(names, "、")
}

// DevStepPerson is a person at a step: a member of the register (PersonID)
// or someone outside it, by name only (the 上级党委's 组织员).
type DevStepPerson struct {
	ID       uint `gorm:"primaryKey"`
	StepID   uint `gorm:"index"`
	Role     Role
	PersonID *uint  `gorm:"index"`
	Name     string // the register name when saved, or the typed name
	Seq      int    // order of entry
}

// DevPlan is one line of the yearly 发展党员计划: who is planned to reach
// which stage in which month.
type DevPlan struct {
	Model
	Year     int        `gorm:"index"`
	PersonID uint       `gorm:"index"`
	Planned  civil.Date // 拟发展时间, month precision
	Stage    Stage      // the stage planned (usually 预备党员)
	Note     string
}

// PlannableStages are the stages a plan line may aim at.
var PlannableStages = []Stage{StageActivist, StageCandidate, StageProbationer}

// Rule versions of 《中国共产党发展党员工作细则》 (docs/ARCHITECTURE.md#the-domain-in-brief).
const (
	RuleVersion2014 = "2014"
	RuleVersion2026 = "2026.05"
)

// RuleVersionInfo describes a version of the 细则. The checks' texts per
// version are in package data/rules; the store needs only which versions
// exist and since when.
type RuleVersionInfo struct {
	ID         string
	Title      string
	Published  civil.Date
	Source     string
	Unverified bool // article numbers not yet checked against the official text (待核对原文)
}

// RuleVersions lists the versions, oldest first.
var RuleVersions = []RuleVersionInfo{
	{ID: RuleVersion2014, Title: "《中国共产党发展党员工作细则》（2014年）",
		Published: civil.New(2014, 5, 28), Source: "中办发〔2014〕，10章56条"},
	{ID: RuleVersion2026, Title: "《中国共产党发展党员工作细则》（2026年修订）",
		Published:  civil.New(2026, 5, 18),
		Source:     "12371.cn/2026/05/18/ARTI1779102179030620.shtml；moe.gov.cn …/202605/t20260520_1437115.html",
		Unverified: true},
}

// RuleVersionByID returns a version, or nil when unknown.
func RuleVersionByID(id string) *RuleVersionInfo {
	for i := range RuleVersions {
		if RuleVersions[i].ID == id {
			return &RuleVersions[i]
		}
	}
	return nil
}

// RuleVersionFor picks the version a new application follows: the branch's
// default when it had been published by the application date, else the
// latest one published by then (an application of 2025 follows 2014).
func RuleVersionFor(applied civil.Date, branchDefault string) string {
	if v := RuleVersionByID(branchDefault); v != nil && (applied.IsZero() || !applied.Before(v.Published)) {
		return v.ID
	}
	chosen := RuleVersions[0].ID
	for _, v := range RuleVersions {
		if !applied.IsZero() && !applied.Before(v.Published) {
			chosen = v.ID
		}
	}
	return chosen
}

// RecordVersion is the version a person's record follows (docs/rules.md,
// "Rule versions"): the person's own when set; else the one in force on the
// earliest date the record has (any step's date or period; for a member
// recorded without steps the 入党 or 转正 date), so people admitted in 2025
// are judged by the 2014 rules whatever the branch's default. A record's
// version governs all its steps, also those done after a newer version was
// published: a procedure is finished under the rules it began with
// (domain.md §0). With no date at all the branch's default is returned and
// known is false: the checks say so instead of guessing silently.
func RecordVersion(p *Person, steps []DevStep, branchDefault string) (version string, known bool) {
	if RuleVersionByID(p.RuleVersion) != nil {
		return p.RuleVersion, true
	}
	first := earliestDate(p, steps)
	if first.IsZero() {
		return BranchRuleVersion(branchDefault), false
	}
	return RuleVersionFor(first.First(), BranchRuleVersion(branchDefault)), true
}

// earliestDate is the earliest date in a person's record (zero when none).
func earliestDate(p *Person, steps []DevStep) civil.Date {
	var first civil.Date
	consider := func(d civil.Date) {
		if !d.IsZero() && (first.IsZero() || d.Before(first)) {
			first = d
		}
	}
	for i := range steps {
		consider(steps[i].Date)
		consider(steps[i].Start)
	}
	if len(steps) == 0 {
		consider(p.JoinDate)
		consider(p.FullDate)
	}
	return first
}

// VersionOf is the version a person's record follows as far as the person
// alone says: their own, else the branch's default. RecordVersion, which
// also reads the records' dates, is what the checks use.
func VersionOf(p *Person, branchDefault string) string {
	if RuleVersionByID(p.RuleVersion) != nil {
		return p.RuleVersion
	}
	return BranchRuleVersion(branchDefault)
}

// BranchRuleVersion is the branch's default version (Branch.RuleVersion),
// or DefaultRuleVersion when it is unset or unknown.
func BranchRuleVersion(branchDefault string) string {
	if RuleVersionByID(branchDefault) != nil {
		return branchDefault
	}
	return DefaultRuleVersion
}
