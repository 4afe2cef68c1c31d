package data

import (
	"errors"
	"fmt"
	"strings"

	"partyoffice/data/civil"
)

// 三帐二单一图 (seed R11): 工作事项台账 (WorkItem), 问题清单 → 问题整改台账
// (Problem: one record from the moment a problem is found until the
// 整改 is verified), 优化前后对比台账 (Improvement), 一次性告知单
// (NoticeTemplate, filled from the branch information when printed) and the
// 工作流程图 (drawn from the step data, reports/flowchart.go).

// ProblemSources are where a problem comes from.
var ProblemSources = []string{"组织生活会", "民主评议", "书记述职评议", "上级检查", "巡察反馈", "自查", "其他"}

// WorkItem is one line of the 工作事项台账.
type WorkItem struct {
	Model
	Year     int `gorm:"index"`
	Item     string
	OwnerID  *uint
	Owner    string
	Start    civil.Date
	Due      civil.Date
	Progress string
	Status   string // TaskStatuses
	Note     string
}

func (w *WorkItem) recordID() uint  { return w.ID }
func (w *WorkItem) entity() string  { return "工作事项台账" }
func (w *WorkItem) summary() string { return fmt.Sprintf("%d年 %s（%s）", w.Year, w.Item, w.Owner) }

func (w *WorkItem) tidy(tx *Tx) error {
	if err := tx.resolveNames(personRef{&w.OwnerID, &w.Owner, "负责人"}); err != nil {
		return err
	}
	w.Item, w.Progress, w.Note = CleanText(w.Item), CleanLines(w.Progress), CleanLines(w.Note)
	if w.Status == "" {
		w.Status = TaskOpen
	}
	if err := checkYear(w.Year); err != nil {
		return err
	}
	if !oneOf(w.Status, TaskStatuses...) {
		return errors.New("请选择事项状态")
	}
	if !w.Due.IsZero() && !w.Start.IsZero() && w.Due.Before(w.Start) {
		return fmt.Errorf("完成时限 %s 早于开始日期 %s", w.Due, w.Start)
	}
	if err := requireText("工作事项", w.Item, 500); err != nil {
		return err
	}
	return limitText("进展情况", w.Progress, longText)
}

// Problem is a problem found (问题清单) and its 整改 (问题整改台账). It stays
// open until VerifiedOn is recorded: a 整改结果 alone does not close it.
type Problem struct {
	Model
	Year       int `gorm:"index"`
	Problem    string
	Source     string // ProblemSources
	PersonID   *uint  // the member concerned, nil for the 班子 or the branch
	Person     string // 姓名, or 班子
	MeetingID  *uint  // the 组织生活会 (or other sitting) where it was raised
	Measures   string // 整改措施
	OwnerID    *uint
	Owner      string // 责任人
	Deadline   civil.Date
	Result     string     // 整改结果
	VerifiedOn civil.Date // 验收 date
	VerifiedBy string
}

// Open reports whether the problem still awaits a verified 整改.
func (p *Problem) Open() bool { return p.VerifiedOn.IsZero() }

func (p *Problem) recordID() uint { return p.ID }
func (p *Problem) entity() string { return "问题整改台账" }
func (p *Problem) summary() string {
	return fmt.Sprintf("%d年 %s：%s", p.Year, p.Source, shorten(p.Problem, 40))
}

func (p *Problem) tidy(tx *Tx) error {
	if err := tx.resolveNames(personRef{&p.PersonID, &p.Person, "问题所涉党员"}, personRef{&p.OwnerID, &p.Owner, "责任人"}); err != nil {
		return err
	}
	p.Problem, p.Measures, p.Result = CleanLines(p.Problem), CleanLines(p.Measures), CleanLines(p.Result)
	p.Source, p.VerifiedBy = CleanText(p.Source), CleanText(p.VerifiedBy)
	if err := checkYear(p.Year); err != nil {
		return err
	}
	if p.Source == "" {
		p.Source = "自查"
	}
	if !oneOf(p.Source, ProblemSources...) {
		return fmt.Errorf("问题来源应为%s", strings.Join(ProblemSources, "、"))
	}
	if p.MeetingID != nil {
		var m Meeting
		if err := tx.First(&m, *p.MeetingID).Error; err != nil {
			return errors.New("所选的会议记录不存在或已被删除")
		}
	}
	if !p.VerifiedOn.IsZero() && p.Result == "" {
		return errors.New("验收前请填写整改结果")
	}
	if err := requireText("问题", p.Problem, longText); err != nil {
		return err
	}
	if err := limitText("整改措施", p.Measures, longText); err != nil {
		return err
	}
	return limitText("整改结果", p.Result, longText)
}

// Improvement is one line of the 优化前后对比台账.
type Improvement struct {
	Model
	Year   int `gorm:"index"`
	Item   string
	Before string // 优化前
	After  string // 优化后
	Date   civil.Date
	Owner  string
	Effect string // 成效
}

func (i *Improvement) recordID() uint  { return i.ID }
func (i *Improvement) entity() string  { return "优化前后对比台账" }
func (i *Improvement) summary() string { return fmt.Sprintf("%d年 %s", i.Year, i.Item) }

func (i *Improvement) tidy(*Tx) error {
	i.Item, i.Owner = CleanText(i.Item), CleanText(i.Owner)
	i.Before, i.After, i.Effect = CleanLines(i.Before), CleanLines(i.After), CleanLines(i.Effect)
	if err := checkYear(i.Year); err != nil {
		return err
	}
	if err := requireText("优化事项", i.Item, 500); err != nil {
		return err
	}
	if i.Before == "" || i.After == "" {
		return errors.New("请填写优化前和优化后的做法")
	}
	return limitText("优化前后", i.Before+i.After+i.Effect, 3*longText)
}

// NoticeTemplate is a 一次性告知单 the branch edits. Body may hold the
// placeholders of NoticeFields, filled from the branch information when
// printed.
type NoticeTemplate struct {
	Model
	Title string
	Body  string
}

// NoticeFields are the placeholders a 告知单 may use.
var NoticeFields = []string{"{支部名称}", "{上级党委}", "{学校}", "{书记}", "{组织委员}", "{联系电话}"}

// Fill replaces the placeholders with the branch's information; an empty
// field leaves a line to write on by hand.
func (n *NoticeTemplate) Fill(b *Branch) string {
	blank := func(s string) string {
		if s == "" {
			return "________"
		}
		return s
	}
	return strings.NewReplacer(
		"{支部名称}", blank(b.Name), "{上级党委}", blank(b.Superior), "{学校}", blank(b.Unit),
		"{书记}", blank(b.Secretary), "{组织委员}", blank(b.OrganizationMember), "{联系电话}", blank(b.Phone),
	).Replace(n.Body)
}

func (n *NoticeTemplate) recordID() uint  { return n.ID }
func (n *NoticeTemplate) entity() string  { return "一次性告知单" }
func (n *NoticeTemplate) summary() string { return n.Title }

func (n *NoticeTemplate) tidy(*Tx) error {
	n.Title, n.Body = CleanText(n.Title), CleanLines(n.Body)
	if err := requireText("告知单标题", n.Title, shortText); err != nil {
		return err
	}
	return requireText("告知内容", n.Body, longText)
}

// DefaultNotices are the 告知单 a new branch starts from (editable).
var DefaultNotices = []NoticeTemplate{
	{Title: "申请入党需要准备的材料（一次性告知单）", Body: "申请入党的同志，请准备以下材料，交{支部名称}：\n" +
		"1. 入党申请书（本人手写，写明对党的认识、入党动机、本人履历、家庭主要成员和主要社会关系情况）；\n" +
		"2. 本人居民身份证复印件；\n3. 学历证书复印件；\n4. 团员同志请附团组织推优材料；\n" +
		"5. 近期一寸免冠照片2张。\n" +
		"党支部在收到入党申请书后一个月内派人同申请人谈话。\n联系人：{组织委员}　联系电话：{联系电话}"},
	{Title: "组织关系转接需要的材料（一次性告知单）", Body: "转出组织关系的党员，请准备以下材料到{支部名称}办理：\n" +
		"1. 转入单位党组织的名称和联系方式（全国党员管理信息系统内可直接查询的写明全称）；\n" +
		"2. 党费交纳至转出当月的凭证；\n3. 预备党员须带入党志愿书等入党材料；\n" +
		"4. 跨{上级党委}系统转出的，按上级党委要求开具纸质介绍信。\n" +
		"转入本支部的党员，请在报到后一周内交组织关系介绍信回执并登记。\n联系人：{组织委员}　联系电话：{联系电话}"},
}

// TransferStep is one step of the 组织关系转接 flow: who acts (Side) and what.
type TransferStep struct{ Side, Name string }

// TransferSteps are the steps of a transfer out of and into a branch
// (党员教育管理工作条例第二十五条: the sender stays responsible until the
// receipt comes back), for the 工作流程图.
var TransferSteps = []TransferStep{
	{"转出", "党员提出转接申请，说明转入单位"},
	{"转出", "支部核对党员信息，党费交纳至转出当月"},
	{"转出", "在全国党员管理信息系统中发起转接（跨系统的开具纸质介绍信）"},
	{"转出", "上级党组织审核"},
	{"转入", "转入党组织接收，党员报到"},
	{"转入", "转入党组织回执，编入党支部和党小组"},
	{"转出", "收到回执后登记、归档，名册中登记转出"},
}

// RaiseProblems records the 查摆问题 of a sitting (a 组织生活会, a 民主评议)
// as 问题整改台账 items, in one transaction: each is linked to the sitting,
// dated in its year, and takes its source from the sitting's type. A
// problem of one member names them (PersonID); one of the 班子 leaves it nil
// with Person "班子".
func RaiseProblems(s *Store, meetingID uint, problems []Problem) error {
	return s.write(func(tx *Tx) error {
		var m Meeting
		if err := tx.First(&m, meetingID).Error; err != nil {
			return errors.New("找不到这次会议，它可能已被删除")
		}
		source := "其他"
		for _, t := range m.Types {
			switch t {
			case TypeLifeMeeting:
				source = "组织生活会"
			case TypeAppraisal:
				if source == "其他" {
					source = "民主评议"
				}
			}
		}
		for i := range problems {
			p := &problems[i]
			id := meetingID
			p.MeetingID, p.Year, p.Source = &id, m.Date.Year, source
			if p.PersonID == nil && p.Person == "" {
				p.Person = "班子"
			}
			if err := saveRecord[Problem](tx, p, (*Tx).saveOver); err != nil {
				return fmt.Errorf("第%d个问题：%w", i+1, err)
			}
		}
		return nil
	})
}
