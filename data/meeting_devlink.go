package data

import (
	"errors"
	"fmt"
)

// A 支部党员大会 that decides on a 发展对象 (接收预备党员) or a 预备党员 (转正)
// is that person's 发展党员 step 15 or 23: the meeting's date and vote are
// the step's. LinkDecisionStep writes them into the person's record, so the
// vote is typed once, in the minutes.
//
// Whether the vote passed is judged by package data/rules (EvaluateVote),
// which sits above this package; the caller links only decisions that passed
// (package data/compliance does, in Save). A failed vote leaves the person's
// record alone: the step did not happen, and a later meeting may decide it.

// LinkDecisionStep creates or updates the 发展党员 record of a decision of a
// saved sitting and returns it. An existing record is updated rather than a
// second one created: the one this decision filled before, else the
// person's step-15 record, else a step-23 record of the same date. Nothing
// is written when the record already says what the minutes say.
func (s *Store) LinkDecisionStep(decisionID uint) (DevStep, error) {
	var st DevStep
	err := s.write(func(tx *Tx) error {
		var err error
		st, err = tx.linkDecisionStep(decisionID)
		return err
	})
	return st, err
}

func (tx *Tx) linkDecisionStep(decisionID uint) (DevStep, error) {
	var d MeetingDecision
	if err := tx.First(&d, decisionID).Error; err != nil {
		return DevStep{}, errors.New("找不到这项决定事项，会议记录可能已被修改或删除，请重新打开")
	}
	var m Meeting
	if err := tx.First(&m, d.MeetingID).Error; err != nil {
		return DevStep{}, errors.New("这项决定所在的会议记录已被删除")
	}
	step := d.Kind.DevStep()
	switch {
	case step == 0 || d.PersonID == nil:
		return DevStep{}, fmt.Errorf("“%s”不是关于某个人的发展党员事项，无需登记到发展党员记录", d.Subject)
	case !m.HasType(TypeMembersMeeting):
		return DevStep{}, errors.New("只有支部党员大会的决定才能登记为发展党员的步骤")
	case !d.Vote.Recorded() || d.Vote.Problem() != "":
		return DevStep{}, errors.New("表决情况不完整或对不上，无法登记到发展党员记录：请先在会议记录中改正")
	}
	st, found, err := tx.recordForDecision(&d, &m, step)
	if err != nil {
		return DevStep{}, err
	}
	if found && recordMatches(&st, &d, &m) {
		return st, tx.setDecisionLink(&d, &m, st.ID)
	}
	st.PersonID, st.Step, st.Date, st.Vote = *d.PersonID, step, m.Date, d.Vote
	if step == StepTransferMeeting {
		st.Result, st.ExtendTo = d.Result, d.ExtendTo
	}
	if st.Note == "" {
		st.Note = fmt.Sprintf("据 %s %s会议记录", m.Date, m.TypeNames())
	}
	if err := tx.SaveDevStep(&st); err != nil {
		return DevStep{}, fmt.Errorf("登记%s的发展党员记录失败：%w", d.PersonName, err)
	}
	return st, tx.setDecisionLink(&d, &m, st.ID)
}

// recordForDecision finds the record the decision should fill, or a new
// one (found false).
func (tx *Tx) recordForDecision(d *MeetingDecision, m *Meeting, step int) (DevStep, bool, error) {
	var st DevStep
	if d.DevStepID != nil {
		res := withPeople(tx.DB).Limit(1).Find(&st, *d.DevStepID)
		if res.Error != nil {
			return st, false, res.Error
		}
		if res.RowsAffected > 0 && st.PersonID == *d.PersonID && st.Step == step {
			return st, true, nil
		}
		st = DevStep{}
	}
	q := withPeople(tx.DB).Where("person_id = ? AND step = ?", *d.PersonID, step)
	if step == StepTransferMeeting {
		q = q.Where("date = ?", m.Date.String())
	}
	res := q.Order("id").Limit(1).Find(&st)
	return st, res.RowsAffected > 0, res.Error
}

func recordMatches(st *DevStep, d *MeetingDecision, m *Meeting) bool {
	if !st.Date.Equal(m.Date) || st.Date.Precision() != m.Date.Precision() || st.Vote != d.Vote {
		return false
	}
	return st.Step != StepTransferMeeting || (st.Result == d.Result && st.ExtendTo.Equal(d.ExtendTo))
}

func (tx *Tx) setDecisionLink(d *MeetingDecision, m *Meeting, stepID uint) error {
	if d.DevStepID != nil && *d.DevStepID == stepID {
		return nil
	}
	if err := tx.Model(d).Update("dev_step_id", stepID).Error; err != nil {
		return err
	}
	return tx.Audit("修改", entityMeeting, m.ID,
		fmt.Sprintf("%s %s：“%s”已登记到%s的发展党员记录", m.Date, m.TypeNames(), d.Subject, d.PersonName),
		nil, map[string]uint{"decision": d.ID, "dev_step": stepID})
}
