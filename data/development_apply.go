package data

import (
	"errors"
	"fmt"
	"strings"

	"partyoffice/data/civil"
)

// How step records move a Person along. The records are the dated history;
// the Person's Stage, JoinDate, FullDate, ExtendedTo and Roll are what the
// registers read, so they follow the records and nothing is typed twice.

// stageRank orders the stages on the way in ("" first).
func stageRank(s Stage) int {
	switch s {
	case StageApplicant:
		return 1
	case StageActivist:
		return 2
	case StageCandidate:
		return 3
	case StageProbationer:
		return 4
	case StageFull:
		return 5
	}
	return 0
}

// impliedStage is the stage the records alone put a person at, up to
// 预备党员 (转正 goes through a status event, see applyTransfers).
func (t *Timeline) impliedStage() Stage {
	switch {
	case t.Approved && t.Has(StepBranchMeeting):
		return StageProbationer
	case t.Has(StepCandidate):
		return StageCandidate
	case t.Has(StepActivist):
		return StageActivist
	case t.Has(StepApply):
		return StageApplicant
	}
	return ""
}

// checkPrerequisites refuses records whose effect could not be applied: an
// approval with no 支部大会 to date the 入党, a 转正 approval answering no
// meeting, a second extension of the 预备期 or one outside six to twelve
// months (党章第七条).
func checkPrerequisites(st *DevStep, p *Person, all []DevStep, version string) error {
	t := TimelineAsOf(p, all, civil.Date{}, version)
	switch st.Step {
	case StepApproval:
		if st.Result == ResultAgree && !t.Has(StepBranchMeeting) {
			return errors.New("请先登记第15步“支部大会讨论”：入党时间以支部大会通过之日为准，审批同意后据此确定")
		}
	case StepTransferMeeting:
		return checkTransferMeeting(st, &t)
	case StepTransferApproval:
		if len(t.Records(StepTransferApproval)) > len(t.Records(StepTransferMeeting)) {
			return errors.New("请先登记第23步“支部大会讨论转正”：上级党委审批的是支部大会的决定")
		}
	}
	return nil
}

func checkTransferMeeting(st *DevStep, t *Timeline) error {
	for i, tr := range t.Transfers {
		if i < len(t.Transfers)-1 && tr.Decision() != DecisionExtend {
			return fmt.Errorf("%s 的支部大会已作出“%s”的决定，之后不能再讨论转正", tr.Meeting.Date, tr.Decision())
		}
		if i > 0 && tr.Decision() == DecisionExtend {
			return errors.New("预备期只能延长一次（党章第七条），第二次讨论只能决定按期转正或取消预备党员资格")
		}
	}
	if st.Result != DecisionExtend || t.BranchMeeting.IsZero() {
		return nil
	}
	return ExtensionProblem(t.BranchMeeting, st.ExtendTo)
}

// ExtensionProblem refuses an extension of the 预备期 (党章第七条: 不少于半年、
// 不超过一年) that surely falls outside six to twelve months after the
// original end, the 入党 date + 12 months. With dates known only to the month
// or year it refuses only what no day inside them allows (docs/rules.md,
// "Partial dates").
func ExtensionProblem(joined, to civil.Date) error {
	if joined.IsZero() {
		return nil // no 入党 date to count from
	}
	lo, hi := monthsFrom(joined, 18), monthsAfter(joined, 24)
	if to.Last().Before(lo) || to.First().After(hi) {
		return fmt.Errorf("延长预备期应不少于半年、不超过一年：原预备期 %s 期满，延长至的日期应在 %s 到 %s 之间",
			joined.AddMonths(12), lo, hi)
	}
	return nil
}

// applyDevelopment brings the person in line with their records after a
// save: the stage (development stages only move forward), the 入党日期, the
// 入党介绍人 and the rule version, then the 转正 decisions approved.
// steps are all of the person's records, as now stored.
func (tx *Tx) applyDevelopment(p *Person, steps []DevStep, branchVersion string) error {
	t := TimelineAsOf(p, steps, civil.Date{}, branchVersion)
	before := *p
	advance(p, &t, branchVersion)
	if err := tx.savePersonChange(&before, p); err != nil {
		return err
	}
	return tx.applyTransfers(p, &t)
}

func advance(p *Person, t *Timeline, branchVersion string) {
	if p.RuleVersion == "" && t.Has(StepApply) {
		p.RuleVersion = RuleVersionFor(t.Applied, branchVersion)
	}
	if p.Roll == RollActive && !p.Stage.IsMember() {
		if s := t.impliedStage(); stageRank(s) > stageRank(p.Stage) {
			p.Stage = s
		}
		if p.Stage == StageProbationer {
			p.JoinDate = t.First(StepBranchMeeting).Date // 入党时间 = 支部大会 (党章第七条)
		}
	}
	if st := t.Latest(StepIntroducers); st != nil {
		p.Introducers = st.Names(RoleIntroducer)
	}
}

// savePersonChange saves and audits the person if the records changed them.
func (tx *Tx) savePersonChange(before, p *Person) error {
	changes := personChanges(before, p)
	if len(changes) == 0 {
		return nil
	}
	tx.stamp(&p.Model, before.Version)
	if err := tx.Save(p).Error; err != nil {
		return err
	}
	return tx.Audit("修改", entityPerson, p.ID, p.Name+"：按发展党员记录"+strings.Join(changes, "，"), before, p)
}

func personChanges(before, p *Person) []string {
	var out []string
	if before.Stage != p.Stage {
		out = append(out, fmt.Sprintf("人员类别由“%s”改为“%s”", before.Stage, p.Stage))
	}
	if !before.JoinDate.Equal(p.JoinDate) || before.JoinDate.Precision() != p.JoinDate.Precision() {
		out = append(out, "加入党组织日期为 "+p.JoinDate.String())
	}
	if before.Introducers != p.Introducers {
		out = append(out, "入党介绍人为 "+p.Introducers)
	}
	if before.RuleVersion != p.RuleVersion {
		out = append(out, "发展党员工作细则版本为 "+p.RuleVersion)
	}
	return out
}

// applyTransfers turns each approved 转正 decision into the status event
// the member status dialog would record: 转为正式党员 on the 预备期满之日 (D13,
// not the meeting or approval date), 延长预备期, 取消预备党员资格. An event
// already applied is not applied again, so editing a note is harmless.
func (tx *Tx) applyTransfers(p *Person, t *Timeline) error {
	for _, tr := range t.Transfers {
		if !tr.Approved() || p.Roll != RollActive || p.Stage != StageProbationer {
			continue
		}
		e, ok, err := transferEvent(p, t, tr, tx.today)
		if err != nil {
			return err
		}
		if !ok {
			continue // applied already
		}
		if err := ValidateEvent(p, &e, tx.today); err != nil {
			return err
		}
		before := *p
		SpecFor(e.Kind).Apply(p, &e)
		if err := tx.recordEvent(&before, p, &e); err != nil {
			return err
		}
	}
	return nil
}

func transferEvent(p *Person, t *Timeline, tr Transfer, today civil.Date) (StatusEvent, bool, error) {
	note := fmt.Sprintf("支部大会 %s 决定，上级党委 %s 批准", tr.Meeting.Date, tr.Approval.Date)
	switch tr.Decision() {
	case DecisionExtend:
		if !p.ExtendedTo.IsZero() {
			return StatusEvent{}, false, nil
		}
		return StatusEvent{Kind: EventExtend, Date: tr.Approval.Date, EndDate: tr.Meeting.ExtendTo, Note: note}, true, nil
	case DecisionConfirm:
		if t.ProbationEnd.IsZero() {
			return StatusEvent{}, false, fmt.Errorf("%s没有支部大会（入党）日期，无法确定预备期满之日；请先登记第15步或在名册中填写入党日期", p.Name)
		}
		if t.ProbationEnd.First().After(today) {
			return StatusEvent{}, false, fmt.Errorf("%s的预备期到 %s 才满：转正日期是预备期满之日，不能在此之前转为正式党员", p.Name, t.ProbationEnd)
		}
		return StatusEvent{Kind: EventConfirm, Date: t.ProbationEnd, Note: note}, true, nil
	case DecisionCancel:
		return StatusEvent{Kind: EventCancel, Date: tr.Approval.Date, Note: note}, true, nil
	}
	return StatusEvent{}, false, nil
}

// stepBack undoes the development stage a deleted record had given.
func (tx *Tx) stepBack(p *Person, deleted *DevStep, branchVersion string) error {
	if p.Stage.IsMember() || p.Roll != RollActive {
		return nil
	}
	steps, err := devStepsOf(tx.DB, p.ID)
	if err != nil {
		return err
	}
	after := TimelineAsOf(p, steps, civil.Date{}, branchVersion)
	was := TimelineAsOf(p, append(steps, *deleted), civil.Date{}, branchVersion)
	from, to := was.impliedStage(), after.impliedStage()
	if p.Stage != from || to == "" || stageRank(to) >= stageRank(from) {
		return nil
	}
	before := *p
	p.Stage = to
	return tx.savePersonChange(&before, p)
}
