package data

import (
	"errors"
	"fmt"

	"partyoffice/data/civil"
)

// 谈心谈话 (支部工作条例第十八条; domain.md §2.1, seed R15): one Talk per
// conversation. Which pairs a year must cover is TalkCoverage (data, with
// the local default below); the matrix is computed in data/yearwork.

// Talk kinds offered in the form.
const (
	TalkCommittee = "支委之间"
	TalkToMember  = "支委与党员"
	TalkMembers   = "党员之间"
	TalkJoining   = "入党谈话"
	TalkReminder  = "提醒谈话"
	TalkWarning   = "诫勉谈话"
	TalkOther     = "其他"
)

// TalkKinds are offered in the form, in this order.
var TalkKinds = []string{TalkCommittee, TalkToMember, TalkMembers, TalkJoining, TalkReminder, TalkWarning, TalkOther}

// Talk is one 谈心谈话. Either side is chosen from the register (ID set) or
// written in (an applicant's 入党谈话 by someone from the 党委).
type Talk struct {
	Model
	Date      civil.Date `gorm:"index"`
	TalkerID  *uint
	Talker    string
	SubjectID *uint
	Subject   string
	Kind      string
	Content   string // 主要内容
	FollowUp  string // 后续跟进
}

// TalkCoverage is which pairs must talk at least once a year. Local
// default (支部工作条例第十八条 asks for 谈心谈话 among 支委, between 支委
// and 党员 and among 党员, without numbers): every 支委 with every other
// 支委 and with every member; 党员之间 is not required pair by pair.
type TalkCoverage struct {
	CommitteePairs  bool
	CommitteeMember bool
	Basis           string
}

// DefaultTalkCoverage is the local default.
var DefaultTalkCoverage = TalkCoverage{CommitteePairs: true, CommitteeMember: true,
	Basis: "《中国共产党支部工作条例（试行）》第十八条；本地要求：每年至少一次"}

func (t *Talk) recordID() uint { return t.ID }
func (t *Talk) entity() string { return "谈心谈话" }
func (t *Talk) summary() string {
	return fmt.Sprintf("%s %s 与 %s（%s）", t.Date, t.Talker, t.Subject, t.Kind)
}

func (t *Talk) tidy(tx *Tx) error {
	if err := tx.resolveNames(personRef{&t.TalkerID, &t.Talker, "谈话人"}, personRef{&t.SubjectID, &t.Subject, "谈话对象"}); err != nil {
		return err
	}
	t.Content, t.FollowUp = CleanLines(t.Content), CleanLines(t.FollowUp)
	switch {
	case t.Date.IsZero():
		return errors.New("请填写谈话日期")
	case t.Date.First().After(tx.today):
		return fmt.Errorf("谈话日期 %s 在今天之后", t.Date)
	case !oneOf(t.Kind, TalkKinds...):
		return errors.New("请选择谈话类型")
	case t.Talker == "" || t.Subject == "":
		return errors.New("请填写谈话人和谈话对象")
	case t.Talker == t.Subject && t.TalkerID != nil && t.SubjectID != nil && *t.TalkerID == *t.SubjectID:
		return errors.New("谈话人和谈话对象是同一个人")
	}
	if err := limitText("主要内容", t.Content, longText); err != nil {
		return err
	}
	return limitText("后续跟进", t.FollowUp, longText)
}
