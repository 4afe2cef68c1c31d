package data

import (
	"strings"

	"partyoffice/data/civil"
)

// 三会一课, 主题党日, 组织生活会, 民主评议 (docs/ARCHITECTURE.md#the-domain-in-brief): one Meeting per
// sitting, with the minutes of §2.2, the attendance taken from the register,
// the speeches, the decisions and their votes, and attachments. Which
// meetings a period requires, and whether they were held, is worked out in
// package data/compliance from these records and MeetingSettings.

// MeetingType is a kind of sitting. One sitting may be of several types at
// once (支部党员大会 + 主题党日).
type MeetingType string

// The built-in types; the settings may add others (MeetingSettings.Types).
const (
	TypeMembersMeeting MeetingType = "支部党员大会"
	TypeCommittee      MeetingType = "支部委员会"
	TypeGroupMeeting   MeetingType = "党小组会"
	TypeLecture        MeetingType = "党课"
	TypeThemeDay       MeetingType = "主题党日"
	TypeLifeMeeting    MeetingType = "组织生活会"
	TypeAppraisal      MeetingType = "民主评议党员"
	TypeIdeology       MeetingType = "意识形态工作专题会议"
	TypeStudy          MeetingType = "集中学习/专题研讨"
)

// BuiltinMeetingTypes are the types every branch has, in the order forms
// and reports list them.
var BuiltinMeetingTypes = []MeetingType{TypeMembersMeeting, TypeCommittee, TypeGroupMeeting,
	TypeLecture, TypeThemeDay, TypeLifeMeeting, TypeAppraisal, TypeIdeology, TypeStudy}

// formTypes are the three forms a sitting takes; the other types are what
// it is about, held as one of these forms or on their own (支部条例第十七条:
// 组织生活会 "as a 党员大会, 支委会 or 党小组会").
var formTypes = []MeetingType{TypeMembersMeeting, TypeCommittee, TypeGroupMeeting}

// IsForm reports whether t is one of 支部党员大会, 支部委员会, 党小组会.
func (t MeetingType) IsForm() bool {
	for _, f := range formTypes {
		if t == f {
			return true
		}
	}
	return false
}

// Presence is how a person took part in a sitting.
type Presence string

const (
	Present  Presence = "出席"
	OnLeave  Presence = "请假"
	Absent   Presence = "缺席"
	Attender Presence = "列席" // present without being among those expected (应到)
)

// Presences lists the choices in the order the form offers them.
var Presences = []Presence{Present, OnLeave, Absent, Attender}

// Attended reports whether the person was in the room (出席 or 列席).
func (p Presence) Attended() bool { return p == Present || p == Attender }

// Meeting is one sitting and its minutes (会议记录, docs/ARCHITECTURE.md#the-domain-in-brief).
type Meeting struct {
	Model
	Title string        // 会议名称; MeetingTitle derives one when empty
	Types []MeetingType `gorm:"serializer:json"`
	Date  civil.Date    `gorm:"index"` // day precision
	Start string        // 开始时间 "14:30" (ParseClock)
	End   string        // 结束时间
	Place string        // 地点
	// 主持人 and 记录人 are chosen from the register (ID) or typed (name
	// only, e.g. a 上级党委 member chairing); the name is kept either way so
	// the minutes read the same after the person leaves.
	HostID     *uint
	Host       string
	RecorderID *uint
	Recorder   string
	GroupID    *uint  // the 党小组 of a 党小组会
	Agenda     string // 议题/议程
	Resolution string // 决议/决定事项
	LecturerID *uint  // 党课主讲人
	Lecturer   string
	Topic      string // 党课题目 (or the theme of a 主题党日)
	Guests     string // 列席人员 who are not in the register, as typed
	Note       string
	// Source is the spreadsheet a sitting was imported from ("" when entered
	// here). Such a record is a ledger line, not full minutes: 主持人, 记录人
	// and 党课主讲人 may be missing, as the old ledger had them or not.
	Source string
	// AttendanceUnrecorded: minutes imported (Source) from an old
	// spreadsheet that gave no names, only the 应到/实到 numbers kept here. Nobody's
	// attendance is made up for them (a decision is recorded, never
	// inferred); recording the attendance later clears the flag.
	AttendanceUnrecorded bool
	RecordedExpected     int // 应到 as the old record gives it
	RecordedPresent      int // 实到 as the old record gives it

	Attendance  []MeetingAttendance `gorm:"foreignKey:MeetingID"`
	Speeches    []MeetingSpeech     `gorm:"foreignKey:MeetingID"`
	Decisions   []MeetingDecision   `gorm:"foreignKey:MeetingID"`
	Attachments []MeetingAttachment `gorm:"foreignKey:MeetingID"`
}

// HasType reports whether the sitting is (also) of type t.
func (m *Meeting) HasType(t MeetingType) bool {
	for _, x := range m.Types {
		if x == t {
			return true
		}
	}
	return false
}

// TypeNames joins the types with 、 as the minutes print them.
func (m *Meeting) TypeNames() string {
	names := make([]string, len(m.Types))
	for i, t := range m.Types {
		names[i] = string(t)
	}
	return strings.Join(names, "、")
}

// DisplayTitle is the 会议名称, or "2026年3月5日支部党员大会、主题党日" when none
// was typed.
func (m *Meeting) DisplayTitle() string {
	if m.Title != "" {
		return m.Title
	}
	return m.Date.Chinese() + m.TypeNames()
}

// TimeSpan is "14:30—16:00", "14:30" or "".
func (m *Meeting) TimeSpan() string {
	switch {
	case m.Start != "" && m.End != "":
		return m.Start + "—" + m.End
	case m.Start != "":
		return m.Start
	}
	return m.End
}

// MeetingAttendance is one person's attendance. The store decides who is
// expected (应到) from the register and the types (ExpectedAttendees); the
// user says how each took part.
type MeetingAttendance struct {
	ID        uint `gorm:"primaryKey"`
	MeetingID uint `gorm:"index"`
	PersonID  uint `gorm:"index"`
	Name      string
	Status    Presence
	Reason    string // 请假/缺席 reason, or why someone 列席
	// Expected: counted in 应到 (set by the store, never typed).
	Expected bool
	// Voter: has 表决权 on the meeting date — a 正式党员, 党籍 not stopped,
	// not under 留党察看 (set by the store from the person's history).
	Voter bool
	Seq   int
}

// AttendanceCounts are the derived numbers of the minutes.
type AttendanceCounts struct {
	Expected int // 应到
	Present  int // 实到 (expected people present)
	OnLeave  int // 请假
	Absent   int // 缺席
	Guests   int // 列席 from the register (typed Guests not counted)
	// For the 发展党员 votes (docs/ARCHITECTURE.md#the-domain-in-brief): 到会有表决权 and the
	// 预备党员 attending.
	Voters        int // 应到会有表决权
	VotersPresent int // 实到会有表决权
	Probationers  int // 参加会议的预备党员
}

// Counts derives 应到/实到/请假/缺席 from the attendance: never typed.
func (m *Meeting) Counts() AttendanceCounts {
	var c AttendanceCounts
	if m.AttendanceUnrecorded {
		return AttendanceCounts{Expected: m.RecordedExpected, Present: m.RecordedPresent}
	}
	for _, a := range m.Attendance {
		if !a.Expected {
			if a.Status.Attended() {
				c.Guests++
			}
			continue
		}
		c.Expected++
		if a.Voter {
			c.Voters++
		}
		switch a.Status {
		case Present:
			c.Present++
			if a.Voter {
				c.VotersPresent++
			} else {
				c.Probationers++
			}
		case OnLeave:
			c.OnLeave++
		case Absent:
			c.Absent++
		}
	}
	return c
}

// NamesWith lists the names of the people with a presence, in order.
func (m *Meeting) NamesWith(p Presence) []string {
	var out []string
	for _, a := range m.Attendance {
		if a.Status == p {
			out = append(out, a.Name)
		}
	}
	return out
}

// AttendanceOf returns the person's attendance row, or nil.
func (m *Meeting) AttendanceOf(personID uint) *MeetingAttendance {
	for i := range m.Attendance {
		if m.Attendance[i].PersonID == personID {
			return &m.Attendance[i]
		}
	}
	return nil
}

// MeetingSpeech is one speaker's words as the 记录人 took them down.
type MeetingSpeech struct {
	ID        uint `gorm:"primaryKey"`
	MeetingID uint `gorm:"index"`
	Seq       int
	PersonID  *uint // from the register, or nil for a typed name
	Speaker   string
	Content   string
}

// DecisionKind is what a decision of the meeting is about; it says which
// vote rule of docs/rules.md its vote follows and which 发展党员 step it fills.
type DecisionKind string

const (
	// DecideAdmission: 支部大会 discusses 接收预备党员 (发展党员 step 15).
	DecideAdmission DecisionKind = "接收预备党员"
	// DecideConfirmation: 支部大会 discusses the 转正 of a 预备党员 (step 23),
	// with the decision 按期转正/延长预备期/取消预备党员资格 as Result.
	DecideConfirmation DecisionKind = "预备党员转正"
	// DecideGeneral: any other 决议 (a 党员大会's or a 支委会's).
	DecideGeneral DecisionKind = "决议"
	// DecideElection: an election (换届, 补选).
	DecideElection DecisionKind = "选举"
)

// DecisionKinds lists the kinds in the order the form offers them.
var DecisionKinds = []DecisionKind{DecideGeneral, DecideAdmission, DecideConfirmation, DecideElection}

// DevStep is the 发展党员 step the decision records for its person (0 for
// decisions about no one).
func (k DecisionKind) DevStep() int {
	switch k {
	case DecideAdmission:
		return StepBranchMeeting
	case DecideConfirmation:
		return StepTransferMeeting
	}
	return 0
}

// NeedsVote reports whether the decision is taken by a vote whose counts
// must be recorded (the 发展党员 votes and elections); a general 决议 may be
// recorded without counts (a 支委会 agreeing unanimously, say).
func (k DecisionKind) NeedsVote() bool { return k != DecideGeneral }

// MeetingDecision is one item decided, with its vote.
type MeetingDecision struct {
	ID        uint `gorm:"primaryKey"`
	MeetingID uint `gorm:"index"`
	Seq       int
	Kind      DecisionKind
	Subject   string // 事项, e.g. 讨论接收张三为预备党员
	// PersonID is the person a 接收/转正 decision is about.
	PersonID   *uint `gorm:"index"`
	PersonName string
	// Result is the 转正 decision (DecisionConfirm/Extend/Cancel), with
	// ExtendTo for 延长预备期.
	Result   string
	ExtendTo civil.Date
	Method   string // 表决形式: 举手表决 / 无记名投票 …
	Vote     Vote   `gorm:"embedded;embeddedPrefix:vote_"`
	// DevStepID is the 发展党员 record this decision filled (LinkDecisionStep).
	DevStepID *uint
	Note      string
}

// VoteMethods are the usual 表决形式.
var VoteMethods = []string{"无记名投票", "举手表决", "鼓掌通过"}

// MeetingAttachment is a file kept with the minutes (a photo, the scanned
// sign-in sheet, a PDF): copied into the data folder's attachments/ and
// checked against its SHA-256 when opened.
type MeetingAttachment struct {
	Model
	MeetingID uint   `gorm:"index"`
	Path      string // relative to the data folder, with forward slashes
	Name      string // the original file name
	Size      int64
	SHA256    string // hex
	Kind      string // AttachmentKinds
	Note      string
}

// AttachmentKinds are the kinds offered; AddMeetingAttachment guesses one
// from the file name when none is given.
var AttachmentKinds = []string{"现场照片", "签到表", "会议材料", "其他"}

// Kinds of 思政课 record of the 支部书记 (docs/rules.md, local requirements R4, R5).
const (
	ClassListen = "听课"
	ClassTeach  = "授课"
)

// ClassLog is one 思政课 the 支部书记 attended (听课) or taught (授课).
type ClassLog struct {
	Model
	Date    civil.Date `gorm:"index"`
	Kind    string     // ClassListen / ClassTeach
	Who     string     // the 书记 (the branch's when saved, unless typed)
	Class   string     // 班级
	Topic   string     // 课题
	Hours   int        // 课时
	Teacher string     // the teacher of a 听课
	Note    string
}
