// Package data holds the branch's records: GORM models, the Store that opens,
// migrates, audits and backs up the SQLite file, and the domain rules as plain
// functions. It knows nothing of Fyne or Excel.
package data

import (
	"time"

	"gorm.io/gorm"

	"partyoffice/data/civil"
)

// Stage is where a person stands on the way into the party. One Person moves
// through all of them; registers are queries over the stage, never copies.
type Stage string

const (
	StageApplicant   Stage = "入党申请人"
	StageActivist    Stage = "入党积极分子"
	StageCandidate   Stage = "发展对象"
	StageProbationer Stage = "预备党员"
	StageFull        Stage = "正式党员"
)

// MemberStages are the stages listed in the 党员名册 (人员类别).
var MemberStages = []Stage{StageFull, StageProbationer}

// DevelopmentStages are the stages before membership.
var DevelopmentStages = []Stage{StageApplicant, StageActivist, StageCandidate}

// IsMember reports whether the stage belongs in the 党员名册.
func (s Stage) IsMember() bool { return s == StageFull || s == StageProbationer }

// Standing is 党籍状态.
type Standing string

const (
	StandingNormal    Standing = "正常"
	StandingSuspended Standing = "停止党籍"
)

// Roll is 在册状态: whether the person is still counted by this branch.
type Roll string

const (
	RollActive      Roll = "在册"
	RollTransferred Roll = "已转出"
	RollExpelled    Roll = "已出党"
	RollCancelled   Roll = "取消预备资格"
	RollDeceased    Roll = "死亡"
	RollStopped     Roll = "停止培养" // a development candidate no longer pursued
)

// ExitKinds are the ways of leaving the party (出党).
var ExitKinds = []string{"开除党籍", "除名", "退党", "自行脱党"}

// Model is the common bookkeeping of every record: soft delete keeps a
// recycle bin until the user empties it.
type Model struct {
	ID        uint `gorm:"primaryKey"`
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt gorm.DeletedAt `gorm:"index"`
	// Version counts the saves of the record and UpdatedBy names the last
	// user: a stale form is refused (versioning.go).
	Version   int
	UpdatedBy string
}

// Branch is the 党支部 itself; the store holds exactly one (ID 1).
type Branch struct {
	ID                 uint `gorm:"primaryKey"`
	Name               string
	Superior           string // 上级党委（党工委）
	Unit               string // 所在单位（学校）
	Code               string // 党组织代码 (given by the 上级党委; the district keys its 汇总 by it)
	Secretary          string // 书记
	DeputySecretary    string // 副书记
	OrganizationMember string // 组织委员
	PropagandaMember   string // 宣传委员
	DisciplineMember   string // 纪检委员
	Phone              string
	NoCommittee        bool   // 不设支委会（正式党员不足7人）
	RuleVersion        string // default 发展党员工作细则 version for new applicants
	UpdatedAt          time.Time
	// Version and UpdatedBy guard the 支部信息 form as Model's do a record's
	// (versioning.go, SaveBranch).
	Version   int
	UpdatedBy string
	// Covers is how many branches the record describes when it stands for
	// every branch a server user reads (Store.Branch); 0 for one branch.
	Covers int `gorm:"-"`
}

// PartyGroup is a 党小组.
type PartyGroup struct {
	Model
	Name     string
	LeaderID *uint // 组长
	Note     string
}

// Person is one human being, from the 入党申请书 to leaving the branch.
// The first sixteen fields follow 中组部's 2017 党员基本信息采集表.
type Person struct {
	Model
	Name          string     // 1 姓名
	Gender        string     // 2 性别 男/女
	Ethnicity     string     // 3 民族
	IDNumber      string     `gorm:"index"` // 4 公民身份号码, 18 digits, X upper-case
	BirthDate     civil.Date // 5 出生日期
	Education     string     // 6 学历
	Stage         Stage      `gorm:"index"` // 7 人员类别 (and the development stage)
	BranchName    string     // 8 所在党支部
	JoinDate      civil.Date // 9 加入党组织日期 (= 支部大会 date)
	FullDate      civil.Date // 10 转为正式党员日期 (= 预备期满日)
	Post          string     // 11 工作岗位
	Mobile        string     // 12 联系电话: 手机
	Phone         string     // 12 联系电话: 固定电话
	Address       string     // 13 家庭住址
	Standing      Standing   // 14 党籍状态
	Lost          bool       // 15 是否为失联党员
	LostDate      civil.Date //    失去联系日期
	Floating      bool       // 16 是否为流动党员
	FloatTo       string     //    外出流向
	NativePlace   string     // 籍贯
	WorkStart     civil.Date // 参加工作日期
	Title         string     // 职务/职称
	PartyPost     string     // 现任党内职务
	Introducers   string     // 入党介绍人
	TransferIn    civil.Date // 组织关系转入日期
	Remark        string     // 备注
	GroupID       *uint      // 党小组
	Roll          Roll       `gorm:"index"` // 在册状态
	RollDate      civil.Date // date the person left the roll
	ExitKind      string     // how the person left the party, with Roll 已出党
	Destination   string     // 转往单位 with Roll 已转出
	ExtendedTo    civil.Date // 延长预备期 to this date (once only)
	Disciplined   bool       // 留党察看中 (no vote)
	DisciplineEnd civil.Date // 留党察看 end
	RuleVersion   string     // 发展党员工作细则 version the person's record follows
	YoungTeacher  bool       // counted as 优秀青年教师 (district target R3)
	// StaffNo is the school's 工号 (学工号 for students): how other systems
	// key people, and the match for an imported row without an ID number.
	StaffNo string `gorm:"index"`

	// GroupName carries a 党小组 by name through import and export; the
	// store resolves it to GroupID (creating the group if needed).
	GroupName string `gorm:"-"`
}

// InRegister reports whether the person is a member listed in the 党员名册.
func (p *Person) InRegister() bool { return p.Roll == RollActive && p.Stage.IsMember() }

// ProbationEnd is 预备期满日: one year after the 支部大会 (D11), or the
// extended end date (§1.2). Zero for people without a join date.
func (p *Person) ProbationEnd() civil.Date {
	if !p.ExtendedTo.IsZero() {
		return p.ExtendedTo
	}
	if p.JoinDate.IsZero() {
		return civil.Date{}
	}
	return p.JoinDate.AddMonths(12)
}

// Age in whole years on the given date.
func (p *Person) Age(on civil.Date) int { return p.BirthDate.YearsSince(on) }

// PartyYears is 党龄: whole years since 转正 (党章第七条), 0 for 预备党员.
func (p *Person) PartyYears(on civil.Date) int {
	if p.Stage != StageFull || p.FullDate.IsZero() {
		return 0
	}
	return p.FullDate.YearsSince(on)
}

// CanVote reports whether the person has 表决权 on the date: a 正式党员 in the
// register, not under 留党察看, 党籍 not stopped.
func (p *Person) CanVote(on civil.Date) bool {
	if p.Roll != RollActive || p.Standing == StandingSuspended {
		return false
	}
	if p.Stage != StageFull || p.FullDate.IsZero() || p.FullDate.After(on) {
		return false
	}
	return !(p.Disciplined && (p.DisciplineEnd.IsZero() || !p.DisciplineEnd.Before(on)))
}

// StatusEvent is one dated change of a person's status: the history from
// which any past register can be rebuilt.
type StatusEvent struct {
	ID          uint `gorm:"primaryKey"`
	CreatedAt   time.Time
	PersonID    uint       `gorm:"index"`
	Kind        EventKind  `gorm:"index"`
	Date        civil.Date // the date it took effect
	EndDate     civil.Date // 延长预备期 / 留党察看 end
	Destination string     // 转出 to / 流动 to / 转入 from
	ExitKind    string     // 出党 kind
	Note        string
}

// AuditEntry records one change: who, when, what, before and after (JSON).
type AuditEntry struct {
	ID       uint      `gorm:"primaryKey"`
	At       time.Time `gorm:"index"`
	Actor    string
	Action   string `gorm:"index"` // 新增 修改 删除 恢复 彻底删除 状态变更 导入 恢复备份 …
	Entity   string `gorm:"index"` // 党员 党小组 支部 …
	EntityID uint
	Summary  string // one line a person can read
	Before   string
	After    string
}

// Setting is a key/value preference kept with the data (not the PC), so it
// travels with a handover.
type Setting struct {
	Key   string `gorm:"primaryKey"`
	Value string
}

// SchemaMeta holds the schema version for ordered migrations.
type SchemaMeta struct {
	ID      uint `gorm:"primaryKey"`
	Version int
	App     string
}
