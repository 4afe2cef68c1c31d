package data

import (
	"errors"
	"fmt"

	"partyoffice/data/civil"
)

// 民主评议党员 results (支部工作条例第十九条; 党员教育管理工作条例第十八条,
// 第三十条) and the year's smaller records: 党建品牌 ("一校一品", R12), 党员
// 先锋岗 (R14) and 评星定级 (R13). The 等次 is the 支部's decision, entered;
// the vote counts beside it are shown, never turned into a verdict.

// Appraisal grades and follow-ups.
var (
	AppraisalGrades    = []string{GradeExcellent, GradeGood, GradeBasic, GradeFail}
	AppraisalFollowUps = []string{"限期改正", "劝退", "除名"}
)

const (
	GradeExcellent = "优秀"
	GradeGood      = "合格"
	GradeBasic     = "基本合格"
	GradeFail      = "不合格"
)

// Votes are the counts of one round (互评 or 测评) per grade.
type Votes struct {
	Excellent, Good, Basic, Fail int
}

// Total is the number of votes cast.
func (v Votes) Total() int { return v.Excellent + v.Good + v.Basic + v.Fail }

// AppraisalResult is one member's 民主评议 in a year.
type AppraisalResult struct {
	Model
	Year      int `gorm:"index"`
	PersonID  uint
	Name      string
	SelfGrade string // 个人自评
	Peer      Votes  `gorm:"embedded;embeddedPrefix:peer_"` // 党员互评
	Poll      Votes  `gorm:"embedded;embeddedPrefix:poll_"` // 民主测评
	Grade     string // 支部评定的等次 (decision)
	DecidedOn civil.Date
	// What follows a 不合格 (教育条例第三十条): 限期改正 (≤ 1 year), 劝退
	// or 除名. A 除名 changes membership: saving it records the 出党 status
	// event (afterSave); the 上级 approval belongs in FollowUpNote.
	FollowUp     string
	FollowUpOn   civil.Date
	FollowUpNote string
}

func (a *AppraisalResult) recordID() uint { return a.ID }
func (a *AppraisalResult) entity() string { return "民主评议党员结果" }
func (a *AppraisalResult) summary() string {
	return fmt.Sprintf("%d年 %s 民主评议：%s", a.Year, a.Name, a.Grade)
}

func (a *AppraisalResult) tidy(tx *Tx) error {
	if err := tx.memberRef(&a.PersonID, &a.Name); err != nil {
		return err
	}
	a.FollowUpNote = CleanLines(a.FollowUpNote)
	if err := checkYear(a.Year); err != nil {
		return err
	}
	for _, g := range []string{a.SelfGrade, a.Grade} {
		if g != "" && !oneOf(g, AppraisalGrades...) {
			return fmt.Errorf("等次“%s”应为优秀、合格、基本合格或不合格", g)
		}
	}
	for _, v := range []Votes{a.Peer, a.Poll} {
		if v.Excellent < 0 || v.Good < 0 || v.Basic < 0 || v.Fail < 0 || v.Total() > 10000 {
			return errors.New("票数不对")
		}
	}
	if a.Grade != "" && a.DecidedOn.IsZero() {
		return errors.New("请填写支部评定等次的日期（支部大会或支委会）")
	}
	if a.FollowUp != "" {
		if a.Grade != GradeFail {
			return errors.New("只有评定为不合格的党员才有限期改正、劝退或除名的处置")
		}
		if !oneOf(a.FollowUp, AppraisalFollowUps...) {
			return errors.New("处置应为限期改正、劝退或除名")
		}
		if a.FollowUpOn.IsZero() {
			return errors.New("请填写处置的日期")
		}
	}
	var dup int64
	if err := tx.Model(&AppraisalResult{}).Where("year = ? AND person_id = ? AND id <> ?", a.Year, a.PersonID, a.ID).
		Count(&dup).Error; err != nil {
		return err
	}
	if dup > 0 {
		return fmt.Errorf("%s %d 年的民主评议结果已经登记过了，请修改那一条", a.Name, a.Year)
	}
	return limitText("处置情况", a.FollowUpNote, longText)
}

// afterSave records a 除名 decided after a 不合格 as the person's 出党
// status event (教育条例第三十一条), once: a member already off the roll is
// left as is. 限期改正 and 劝退 change no membership by themselves.
func (a *AppraisalResult) afterSave(tx *Tx) error {
	if a.FollowUp != "除名" {
		return nil
	}
	var p Person
	if err := tx.First(&p, a.PersonID).Error; err != nil || p.Roll != RollActive {
		return err
	}
	return tx.addStatusEvent(a.PersonID, StatusEvent{Kind: EventExit, ExitKind: "除名", Date: a.FollowUpOn,
		Note: fmt.Sprintf("%d年民主评议不合格，%s", a.Year, a.FollowUpNote)})
}

// BrandRecord is the branch's 党建品牌 of a year.
type BrandRecord struct {
	Model
	Year       int `gorm:"index"`
	Name       string
	Meaning    string // 内涵
	Activities string // 主要活动 (meetings named by date and title)
	Milestones string
}

func (b *BrandRecord) recordID() uint { return b.ID }
func (b *BrandRecord) entity() string { return "党建品牌" }
func (b *BrandRecord) summary() string {
	return fmt.Sprintf("%d年 党建品牌“%s”", b.Year, b.Name)
}
func (b *BrandRecord) tidy(*Tx) error {
	b.Name, b.Meaning, b.Activities, b.Milestones = CleanText(b.Name), CleanLines(b.Meaning), CleanLines(b.Activities), CleanLines(b.Milestones)
	if err := checkYear(b.Year); err != nil {
		return err
	}
	if err := requireText("品牌名称", b.Name, shortText); err != nil {
		return err
	}
	return limitText("品牌内涵和活动", b.Meaning+b.Activities+b.Milestones, 3*longText)
}

// VanguardPost is one 党员先锋岗 and who holds it.
type VanguardPost struct {
	Model
	Year       int    `gorm:"index"`
	Post       string // 岗位名称
	PersonID   *uint
	Name       string
	Commitment string // 承诺/职责
	Note       string
}

func (v *VanguardPost) recordID() uint  { return v.ID }
func (v *VanguardPost) entity() string  { return "党员先锋岗" }
func (v *VanguardPost) summary() string { return fmt.Sprintf("%d年 %s：%s", v.Year, v.Post, v.Name) }
func (v *VanguardPost) tidy(tx *Tx) error {
	if err := tx.resolveNames(personRef{&v.PersonID, &v.Name, "党员"}); err != nil {
		return err
	}
	v.Post, v.Commitment, v.Note = CleanText(v.Post), CleanLines(v.Commitment), CleanLines(v.Note)
	if err := checkYear(v.Year); err != nil {
		return err
	}
	if err := requireText("先锋岗名称", v.Post, shortText); err != nil {
		return err
	}
	return requireText("党员姓名", v.Name, shortText)
}

// StarRating is the 评星定级 result of a year, as announced.
type StarRating struct {
	Model
	Year     int    `gorm:"index"`
	Level    string // e.g. 五星级党支部
	RatedOn  civil.Date
	RatedBy  string
	Evidence string
}

func (s *StarRating) recordID() uint  { return s.ID }
func (s *StarRating) entity() string  { return "评星定级" }
func (s *StarRating) summary() string { return fmt.Sprintf("%d年 评星定级：%s", s.Year, s.Level) }
func (s *StarRating) tidy(*Tx) error {
	s.Level, s.RatedBy, s.Evidence = CleanText(s.Level), CleanText(s.RatedBy), CleanLines(s.Evidence)
	if err := checkYear(s.Year); err != nil {
		return err
	}
	return requireText("星级", s.Level, shortText)
}
