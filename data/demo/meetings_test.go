package demo

import (
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/compliance"
)

func TestDemoYearOfMeetings(t *testing.T) {
	s, _ := filledStore(t, testToday)
	d, err := compliance.Load(s)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Meetings); n < 60 {
		t.Fatalf("%d sittings in the demo year", n)
	}
	if d.Meetings[0].Date.Before(testToday.AddMonths(-13)) || d.Meetings[len(d.Meetings)-1].Date.After(testToday) {
		t.Errorf("sittings from %s to %s", d.Meetings[0].Date, d.Meetings[len(d.Meetings)-1].Date)
	}
	c := compliance.New(d, testToday)
	fs := c.Findings()
	for _, f := range fs {
		t.Log(f.Line())
	}
	rulesSeen := map[string]int{}
	for _, f := range fs {
		rulesSeen[f.Rule]++
	}
	// The deliberate gaps: a 支委会, a 党小组会, a quarter's 党课.
	for _, rule := range []string{compliance.RuleCommittee, compliance.RuleGroupMeeting, compliance.RuleLecture} {
		if rulesSeen[rule] == 0 {
			t.Errorf("no %s finding: the demo should show a missed meeting", rule)
		}
	}
	for _, rule := range []string{compliance.RuleMembersMeeting, compliance.RuleLifeMeeting, compliance.RuleIdeology} {
		for _, f := range fs {
			if f.Rule == rule && f.Severity == "error" {
				t.Errorf("unexpected: %s", f.Line())
			}
		}
	}
	// The member out of contact and the one in 新疆 are reminded of.
	absent := map[string]bool{}
	for _, f := range fs {
		if f.Rule == compliance.RuleAbsence {
			absent[f.Person] = true
		}
	}
	if !absent["蒋鹏"] || !absent["田小军"] || len(absent) > 3 {
		t.Errorf("absence warnings for %v", absent)
	}
}

func TestDemoAdmissionMinutesFillTheVote(t *testing.T) {
	s, people := filledStore(t, testToday)
	list, err := s.Meetings(data.MeetingFilter{Type: data.TypeMembersMeeting})
	if err != nil {
		t.Fatal(err)
	}
	linked := 0
	for _, m := range list {
		for _, dec := range m.Decisions {
			if dec.Kind != data.DecideAdmission {
				continue
			}
			if dec.DevStepID == nil {
				t.Errorf("%s: %s not linked", m.Date, dec.Subject)
				continue
			}
			steps, _ := s.DevSteps(*dec.PersonID)
			for _, st := range steps {
				if st.Step == data.StepBranchMeeting && (st.Vote != dec.Vote || st.Date != m.Date) {
					t.Errorf("%s: step 15 %s %+v, minutes %s %+v", dec.PersonName, st.Date, st.Vote, m.Date, dec.Vote)
				}
			}
			if compliance.VerdictOf(&m, &dec) != compliance.Passed {
				t.Errorf("%s: vote did not pass", dec.Subject)
			}
			linked++
		}
	}
	if linked < 2 {
		t.Errorf("%d admissions in the demo year", linked)
	}
	for _, p := range people {
		if p.Stage == data.StageProbationer && strings.Contains(p.Remark, "转正") {
			continue
		}
	}
	logs, _ := s.ClassLogs(testToday.AddMonths(-13), testToday)
	if len(logs) < 6 {
		t.Errorf("%d 思政课 records", len(logs))
	}
}
