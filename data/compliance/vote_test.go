package compliance

import (
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/rules"
)

func TestVoteKindAndVerdict(t *testing.T) {
	members := &data.Meeting{Types: []data.MeetingType{data.TypeMembersMeeting, data.TypeThemeDay}}
	committee := &data.Meeting{Types: []data.MeetingType{data.TypeCommittee}}
	cases := []struct {
		name string
		m    *data.Meeting
		d    data.MeetingDecision
		kind rules.VoteKind
		want Verdict
	}{
		// 接收预备党员: 赞成 counts the written opinions and must exceed half of 应到.
		{"admission passes with a written opinion", members,
			data.MeetingDecision{Kind: data.DecideAdmission, Vote: data.Vote{Expected: 10, Present: 6, For: 5, Abstain: 1, WrittenFor: 1}},
			rules.VoteAdmission, Passed},
		{"admission: half of 应到 is not enough", members,
			data.MeetingDecision{Kind: data.DecideAdmission, Vote: data.Vote{Expected: 10, Present: 6, For: 5, Against: 1}},
			rules.VoteAdmission, NotPassed},
		{"admission: 实到 must exceed half", members,
			data.MeetingDecision{Kind: data.DecideConfirmation, Vote: data.Vote{Expected: 10, Present: 5, For: 5, WrittenFor: 5}},
			rules.VoteAdmission, NotPassed},
		{"general decision of a 党员大会: half present is a quorum", members,
			data.MeetingDecision{Kind: data.DecideGeneral, Vote: data.Vote{Expected: 10, Present: 5, For: 5}},
			rules.VoteGeneral, NotPassed},
		{"general decision of a 党员大会 passes", members,
			data.MeetingDecision{Kind: data.DecideGeneral, Vote: data.Vote{Expected: 10, Present: 8, For: 6}},
			rules.VoteGeneral, Passed},
		{"a 支委会's decision is a committee vote", committee,
			data.MeetingDecision{Kind: data.DecideGeneral, Vote: data.Vote{Expected: 5, Present: 3, For: 3}},
			rules.VoteCommittee, Passed},
		{"election needs four fifths present", members,
			data.MeetingDecision{Kind: data.DecideElection, Vote: data.Vote{Expected: 10, Present: 7, For: 7}},
			rules.VoteElection, NotPassed},
		{"a decision without counts", committee,
			data.MeetingDecision{Kind: data.DecideGeneral}, rules.VoteCommittee, NoVote},
	}
	for _, c := range cases {
		if k := VoteKindOf(c.m, &c.d); k != c.kind {
			t.Errorf("%s: kind %s, want %s", c.name, k, c.kind)
		}
		if v := VerdictOf(c.m, &c.d); v != c.want {
			res, _ := Evaluate(c.m, &c.d)
			t.Errorf("%s: %s, want %s (%s)", c.name, v, c.want, res.Reason)
		}
	}
}

func TestSaveLinksOnlyPassedVotes(t *testing.T) {
	s, err := data.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, name := range []string{"甲", "乙", "丙", "丁"} {
		if err := s.CreatePerson(&data.Person{Name: name, Stage: data.StageFull,
			JoinDate: datatest.Day("2010-07-01"), FullDate: datatest.Day("2011-07-01")}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveBranch(data.Branch{Name: "测试党支部", Secretary: "甲"}); err != nil {
		t.Fatal(err)
	}
	pass, fail := &data.Person{Name: "通过者"}, &data.Person{Name: "未通过者"}
	for _, p := range []*data.Person{pass, fail} {
		if err := s.NewApplicant(p, datatest.Day("2023-03-01")); err != nil {
			t.Fatal(err)
		}
	}
	basis, err := s.AttendanceBasis()
	if err != nil {
		t.Fatal(err)
	}
	m := basis.NewMeeting([]data.MeetingType{data.TypeMembersMeeting}, datatest.Day("2026-06-20"), nil)
	m.Host, m.Recorder = "甲", "乙"
	v := m.SuggestedVote()
	m.Decisions = []data.MeetingDecision{
		{Kind: data.DecideAdmission, PersonID: &pass.ID, Vote: data.Vote{Expected: v.Expected, Present: v.Present, For: 4}},
		{Kind: data.DecideAdmission, PersonID: &fail.ID, Vote: data.Vote{Expected: v.Expected, Present: v.Present, For: 2, Against: 2}},
		{Kind: data.DecideGeneral, Subject: "通过年度工作计划"},
	}
	out, err := Save(s, &m)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || !out[0].Linked || out[1].Linked {
		t.Fatalf("outcomes: %+v", out)
	}
	if !strings.Contains(out[0].Message, "已登记为通过者的第15步“支部大会讨论”") ||
		!strings.Contains(out[1].Message, "表决不通过") {
		t.Errorf("messages: %q / %q", out[0].Message, out[1].Message)
	}
	steps, _ := s.DevSteps(pass.ID)
	found := false
	for _, st := range steps {
		if st.Step == data.StepBranchMeeting && st.Date == m.Date && st.Vote.For == 4 {
			found = true
		}
	}
	if !found {
		t.Errorf("step 15 not recorded for the passed vote: %+v", steps)
	}
	steps, _ = s.DevSteps(fail.ID)
	for _, st := range steps {
		if st.Step == data.StepBranchMeeting {
			t.Error("a failed vote was recorded as step 15")
		}
	}
}
