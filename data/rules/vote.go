package rules

import (
	"fmt"

	"partyoffice/data"
)

// VoteKind says which rule of domain.md §2.3 (docs/rules.md, D9) a vote follows. The meetings
// feature reuses EvaluateVote for its own votes.
type VoteKind string

const (
	// VoteAdmission is the 支部大会 on 接收预备党员 or 转正/延长/取消 (细则):
	// 实到有表决权 > 应到/2; 赞成 (written opinions of absent voters counted)
	// > 应到/2 — 应到, not 实到.
	VoteAdmission VoteKind = "接收预备党员/转正"
	// VoteGeneral is any other 党员大会 decision (支部条例第十一条): 半数以上
	// 有表决权党员到会; 赞成 > 应到/2. Written opinions are not counted.
	VoteGeneral VoteKind = "党员大会"
	// VoteCommittee is a 支委会 (支部条例第十二条): 半数以上委员到会; Expected
	// and Present count 委员. Passing by 赞成 > 应到委员/2 (党章第十条,
	// 少数服从多数; secondary reading, not in domain.md).
	VoteCommittee VoteKind = "支委会"
	// VoteElection is an election (换届): 到会有选举权 ≥ 4/5 of 应到; a
	// candidate is elected with 赞成 > 实到/2 (基层组织选举工作条例;
	// secondary reading, not in domain.md).
	VoteElection VoteKind = "选举"
)

// VoteResult is the verdict on a vote's counts.
type VoteResult struct {
	Valid     bool // the counts can be true (data.Vote.Problem)
	QuorumMet bool
	Passed    bool
	Reason    string // one Chinese sentence with the numbers
}

// EvaluateVote applies the quorum and majority of the kind to the counts.
// "半数以上" includes exactly half (domain.md: 以上 includes the number),
// "超过半数" does not: 10 expected, 5 present is a quorum for a general
// 党员大会 but not for an admission vote, and 5 votes in favour never pass.
func EvaluateVote(kind VoteKind, v data.Vote) VoteResult {
	if p := v.Problem(); p != "" {
		return VoteResult{Reason: "表决人数有误：" + p}
	}
	r := VoteResult{Valid: true, QuorumMet: quorumMet(kind, v)}
	counts := quorumText(kind, v)
	if !r.QuorumMet {
		r.Reason = counts + "，会议不能进行表决"
		return r
	}
	favour, base := favourAndBase(kind, v)
	r.Passed = 2*favour > base
	votes := fmt.Sprintf("赞成 %d 票", favour)
	if kind == VoteAdmission {
		votes = fmt.Sprintf("赞成 %d 票（含书面意见 %d 票）", favour, v.WrittenFor)
	}
	baseText := "应到"
	if kind == VoteElection {
		baseText = "实到"
	}
	if r.Passed {
		r.Reason = fmt.Sprintf("%s；%s，超过%s %d 人的半数，通过", counts, votes, baseText, base)
	} else {
		r.Reason = fmt.Sprintf("%s；%s，没有超过%s %d 人的半数（至少需要 %d 票），未通过",
			counts, votes, baseText, base, base/2+1)
	}
	return r
}

// VotePassed is EvaluateVote(kind, v).Passed without the sentence, for
// checks that only need the verdict.
func VotePassed(kind VoteKind, v data.Vote) bool {
	if v.Problem() != "" || !quorumMet(kind, v) {
		return false
	}
	favour, base := favourAndBase(kind, v)
	return 2*favour > base
}

// favourAndBase are the votes in favour and the number they must be more
// than half of.
func favourAndBase(kind VoteKind, v data.Vote) (favour, base int) {
	switch kind {
	case VoteAdmission:
		return v.For + v.WrittenFor, v.Expected
	case VoteElection:
		return v.For, v.Present
	}
	return v.For, v.Expected
}

// quorumMet: strictly more than half for admission votes, 4/5 for
// elections, half or more ("半数以上") otherwise.
func quorumMet(kind VoteKind, v data.Vote) bool {
	switch kind {
	case VoteAdmission:
		return 2*v.Present > v.Expected
	case VoteElection:
		return 5*v.Present >= 4*v.Expected
	}
	return 2*v.Present >= v.Expected
}

// quorumText is the attendance sentence: "应到会有表决权的党员 10 人，实到 8 人，超过半数".
func quorumText(kind VoteKind, v data.Vote) string {
	who, met, short := "有表决权的党员", "，达到半数以上", "，不足半数"
	switch kind {
	case VoteAdmission:
		met, short = "，超过半数", "，没有超过半数"
	case VoteCommittee:
		who = "委员"
	case VoteElection:
		who, met, short = "有选举权的党员", "，达到五分之四", "，不足五分之四"
	}
	s := fmt.Sprintf("应到会%s %d 人，实到 %d 人", who, v.Expected, v.Present)
	if quorumMet(kind, v) {
		return s + met
	}
	return s + short
}
