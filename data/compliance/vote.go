package compliance

import (
	"fmt"

	"partyoffice/data"
	"partyoffice/data/rules"
)

// VoteKindOf is the vote rule of docs/rules.md a decision's vote follows: the
// 发展党员 votes their own, elections theirs, any other decision a 党员大会's
// or, at a 支委会, a committee's.
func VoteKindOf(m *data.Meeting, d *data.MeetingDecision) rules.VoteKind {
	switch d.Kind {
	case data.DecideAdmission, data.DecideConfirmation:
		return rules.VoteAdmission
	case data.DecideElection:
		return rules.VoteElection
	}
	if !m.HasType(data.TypeMembersMeeting) && m.HasType(data.TypeCommittee) {
		return rules.VoteCommittee
	}
	return rules.VoteGeneral
}

// Verdict is what the minutes print for a decision.
type Verdict string

const (
	Passed    Verdict = "通过"
	NotPassed Verdict = "不通过"
	NoVote    Verdict = "未表决" // a general decision recorded without counts
)

// Evaluate judges a decision's vote with rules.EvaluateVote. A decision
// recorded without counts has no result (ok false).
func Evaluate(m *data.Meeting, d *data.MeetingDecision) (res rules.VoteResult, ok bool) {
	if !d.Vote.Recorded() {
		return rules.VoteResult{}, false
	}
	return rules.EvaluateVote(VoteKindOf(m, d), d.Vote), true
}

// VerdictOf is 通过/不通过/未表决 for a decision.
func VerdictOf(m *data.Meeting, d *data.MeetingDecision) Verdict {
	res, ok := Evaluate(m, d)
	switch {
	case !ok:
		return NoVote
	case res.Passed:
		return Passed
	}
	return NotPassed
}

// LinkOutcome says what became of one 发展党员 decision after a save.
type LinkOutcome struct {
	Decision data.MeetingDecision
	Linked   bool
	Message  string // a sentence for the user
}

// Save stores the sitting, then writes each 接收/转正 decision whose vote
// passed into the person's 发展党员 record (data.Store.LinkDecisionStep).
// The minutes are saved even when a record cannot be written; the outcomes
// say which were and why not, for the form to show.
func Save(s *data.Store, m *data.Meeting) ([]LinkOutcome, error) {
	if err := s.SaveMeeting(m); err != nil {
		return nil, err
	}
	return LinkDecisions(s, m), nil
}

// LinkDecisions is the second half of Save, for sittings saved otherwise
// (data.Store.SaveMeetings): each 接收/转正 decision whose vote passed is
// written into the person's 发展党员 record.
func LinkDecisions(s *data.Store, m *data.Meeting) []LinkOutcome {
	var out []LinkOutcome
	for _, d := range m.Decisions {
		if step := d.Kind.DevStep(); step != 0 && d.PersonID != nil {
			out = append(out, link(s, m, d, step))
		}
	}
	return out
}

func link(s *data.Store, m *data.Meeting, d data.MeetingDecision, step int) LinkOutcome {
	o := LinkOutcome{Decision: d}
	title := data.StepDefFor(step).Title(data.DefaultRuleVersion)
	if res, _ := Evaluate(m, &d); !res.Passed {
		o.Message = fmt.Sprintf("%s：表决%s（%s），未登记为%s的%s", d.Subject, NotPassed, res.Reason, d.PersonName, title)
		if d.DevStepID != nil {
			o.Message += "；此前据本次会议登记的发展党员记录仍在，请到发展党员中核对"
		}
		return o
	}
	if _, err := s.LinkDecisionStep(d.ID); err != nil {
		o.Message = fmt.Sprintf("会议记录已保存，但%s", err)
		return o
	}
	o.Linked = true
	o.Message = fmt.Sprintf("已登记为%s的%s（%s，表决通过）", d.PersonName, title, m.Date)
	return o
}
