package rules

import (
	"strings"
	"testing"

	"partyoffice/data"
)

func TestEvaluateVote(t *testing.T) {
	cases := []struct {
		name           string
		kind           VoteKind
		v              data.Vote
		valid, quorum  bool
		passed         bool
		reasonFragment string
	}{
		// 接收预备党员 / 转正: strict majorities, of 应到, written opinions counted.
		{"admission passes", VoteAdmission, vote(10, 8, 6, 2, 0, 0, 0), true, true, true, "通过"},
		{"admission: exactly half present is no quorum", VoteAdmission, vote(10, 5, 5, 0, 0, 0, 0), true, false, false, "没有超过半数"},
		{"admission: one more than half present", VoteAdmission, vote(10, 6, 6, 0, 0, 0, 0), true, true, true, ""},
		{"admission: odd 应到, half rounded down is not enough", VoteAdmission, vote(11, 5, 5, 0, 0, 0, 0), true, false, false, ""},
		{"admission: odd 应到, 6 of 11 present", VoteAdmission, vote(11, 6, 6, 0, 0, 0, 0), true, true, true, ""},
		{"admission: exactly half in favour fails", VoteAdmission, vote(10, 8, 5, 3, 0, 0, 0), true, true, false, "至少需要 6 票"},
		{"admission: written opinion in favour counts", VoteAdmission, vote(10, 8, 5, 3, 0, 1, 0), true, true, true, "含书面意见 1 票"},
		{"admission: written opinion against does not help", VoteAdmission, vote(10, 8, 5, 2, 0, 0, 1), true, true, false, ""},
		{"admission: written opinions are not attendance", VoteAdmission, vote(10, 5, 5, 0, 0, 4, 0), true, false, false, "实到 5 人"},
		{"admission: majority of 实到 but not of 应到", VoteAdmission, vote(10, 6, 4, 2, 0, 0, 0), true, true, false, "应到 10 人"},
		// General 党员大会: 半数以上 present (half included), 赞成 > 应到/2, no written opinions.
		{"general: exactly half present is a quorum", VoteGeneral, vote(10, 5, 5, 0, 0, 0, 0), true, true, false, "达到半数以上"},
		{"general: 6 of 10 in favour", VoteGeneral, vote(10, 7, 6, 1, 0, 0, 0), true, true, true, ""},
		{"general: written opinions not counted", VoteGeneral, vote(10, 7, 5, 2, 0, 3, 0), true, true, false, ""},
		{"general: under half", VoteGeneral, vote(10, 4, 4, 0, 0, 0, 0), true, false, false, "不足半数"},
		// 支委会: 半数以上委员.
		{"committee: 3 of 5 members", VoteCommittee, vote(5, 3, 3, 0, 0, 0, 0), true, true, true, "委员"},
		{"committee: 2 of 5 members", VoteCommittee, vote(5, 2, 2, 0, 0, 0, 0), true, false, false, ""},
		{"committee: 2 of 4 members is half", VoteCommittee, vote(4, 2, 2, 0, 0, 0, 0), true, true, false, ""},
		// 选举: 4/5 present; elected by more than half of those present.
		{"election: exactly 4/5", VoteElection, vote(10, 8, 5, 3, 0, 0, 0), true, true, true, "达到五分之四"},
		{"election: under 4/5", VoteElection, vote(10, 7, 7, 0, 0, 0, 0), true, false, false, "不足五分之四"},
		{"election: half of 实到 is not elected", VoteElection, vote(10, 8, 4, 4, 0, 0, 0), true, true, false, "实到 8 人"},
		// Counts that cannot be true.
		{"more present than expected", VoteAdmission, vote(10, 11, 6, 0, 0, 0, 0), false, false, false, "多于应到"},
		{"more votes than present", VoteAdmission, vote(10, 6, 5, 2, 0, 0, 0), false, false, false, "多于实到"},
		{"written opinions from people present", VoteAdmission, vote(10, 9, 6, 0, 0, 2, 0), false, false, false, "多于未到会"},
		{"nothing entered", VoteAdmission, data.Vote{}, false, false, false, "应到"},
	}
	for _, c := range cases {
		r := EvaluateVote(c.kind, c.v)
		if VotePassed(c.kind, c.v) != r.Passed {
			t.Errorf("%s: VotePassed disagrees with EvaluateVote", c.name)
		}
		if r.Valid != c.valid || r.QuorumMet != c.quorum || r.Passed != c.passed || !strings.Contains(r.Reason, c.reasonFragment) {
			t.Errorf("%s: got %+v, want valid=%v quorum=%v passed=%v reason containing %q",
				c.name, r, c.valid, c.quorum, c.passed, c.reasonFragment)
		}
	}
}
