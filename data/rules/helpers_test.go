package rules

import (
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/holidays"
)

func d(s string) civil.Date {
	v, err := civil.ParseISO(s)
	if err != nil {
		panic(err)
	}
	return v
}

func uintp(n uint) *uint { return &n }

// The register of the fixtures: two long-standing 正式党员 who introduce, a
// 预备党员, and a member under 留党察看 for a year from 2025-06-01.
const (
	introA uint = 101 + iota
	introB
	probationer
	disciplined
	transferred
	subject uint = 1
)

func register() []data.Person {
	full := func(id uint, name string) data.Person {
		return data.Person{Model: data.Model{ID: id}, Name: name, Stage: data.StageFull, Roll: data.RollActive,
			Standing: data.StandingNormal, JoinDate: d("2005-07-01"), FullDate: d("2006-07-01")}
	}
	p := []data.Person{full(introA, "王志刚"), full(introB, "李慧敏"), full(probationer, "白浩然"),
		full(disciplined, "周文博"), full(transferred, "潘文静")}
	p[2].Stage, p[2].JoinDate, p[2].FullDate = data.StageProbationer, d("2025-03-01"), civil.Date{}
	p[4].Roll, p[4].RollDate = data.RollTransferred, d("2025-09-01")
	return p
}

// registerEvents dates the 留党察看 of 周文博: 2025-06-01 to 2026-06-01.
func registerEvents() map[uint][]data.StatusEvent {
	return map[uint][]data.StatusEvent{
		disciplined: {{PersonID: disciplined, Kind: data.EventDiscipline, Date: d("2025-06-01"), EndDate: d("2026-06-01")},
			{PersonID: disciplined, Kind: data.EventDisciplineEnd, Date: d("2026-06-01")}},
		transferred: {{PersonID: transferred, Kind: data.EventTransferOut, Date: d("2025-09-01")}},
	}
}

// subjectPerson is the person whose records the tests check: a 正式党员 at
// the end of the full path (born 1995-03-15).
func subjectPerson(version string) data.Person {
	return data.Person{Model: data.Model{ID: subject}, Name: "张三", IDNumber: "", BirthDate: d("1995-03-15"),
		Stage: data.StageFull, Roll: data.RollActive, Standing: data.StandingNormal,
		JoinDate: d("2025-10-10"), FullDate: d("2026-10-10"), RuleVersion: version}
}

func vote(expected, present, favour, against, abstain, writtenFor, writtenAgainst int) data.Vote {
	return data.Vote{Expected: expected, Present: present, For: favour, Against: against, Abstain: abstain,
		WrittenFor: writtenFor, WrittenAgainst: writtenAgainst}
}

// fullPath is a clean record of all 25 steps under either version: no
// finding as of 2026-11-28.
func fullPath() []data.DevStep {
	intro := []data.DevStepPerson{{Role: data.RoleIntroducer, PersonID: uintp(introA), Name: "王志刚"},
		{Role: data.RoleIntroducer, PersonID: uintp(introB), Name: "李慧敏"}}
	steps := []data.DevStep{
		{Step: 1, Date: d("2024-01-10")},
		{Step: 2, Date: d("2024-01-25"), People: []data.DevStepPerson{{Role: data.RoleTalker, Name: "张静"}}},
		{Step: 3, Date: d("2024-07-15"), Source: data.SourceLeague},
		{Step: 4, Date: d("2024-07-20")},
		{Step: 5, Date: d("2024-07-20"), People: []data.DevStepPerson{{Role: data.RoleContact, PersonID: uintp(introA), Name: "王志刚"}}},
		{Step: 6, Date: d("2025-01-10"), Kind: data.KindAssessment},
		{Step: 6, Date: d("2025-04-10"), Kind: data.KindReport},
		{Step: 6, Date: d("2025-07-10"), Kind: data.KindAssessment},
		// 2025-07-10 is a Thursday: Thu, Fri, Mon, Tue, Wed are five working days.
		{Step: 7, Date: d("2025-07-20"), Start: d("2025-07-10"), End: d("2025-07-16")},
		{Step: 8, Date: d("2025-07-25"), Result: data.ResultAgree},
		{Step: 9, Date: d("2025-08-01"), People: intro},
		{Step: 10, Date: d("2025-08-20"), Result: data.ResultPass},
		{Step: 11, Date: d("2025-09-03"), Start: d("2025-09-01"), End: d("2025-09-03"), Hours: 24, Result: data.ResultCompleted},
		{Step: 12, Date: d("2025-09-10"), Result: data.ResultAgree},
		{Step: 13, Date: d("2025-09-20"), Result: data.ResultPass},
		{Step: 14, Date: d("2025-09-25"), Number: "6401060001"},
		{Step: 15, Date: d("2025-10-10"), Vote: vote(10, 8, 7, 1, 0, 1, 0)},
		{Step: 16, Date: d("2025-11-01"), People: []data.DevStepPerson{{Role: data.RoleTalker, Name: "党工委组织员马琳"}}},
		{Step: 17, Date: d("2025-12-01"), Result: data.ResultAgree},
		{Step: 18, Date: d("2025-12-10")},
		{Step: 19, Date: d("2025-12-15")},
		{Step: 20, Date: d("2025-12-20")},
		{Step: 21, Date: d("2026-04-10"), Kind: data.KindAssessment},
		{Step: 22, Date: d("2026-09-20")},
		{Step: 23, Date: d("2026-10-10"), Result: data.DecisionConfirm, Vote: vote(11, 9, 9, 0, 0, 0, 0)},
		{Step: 24, Date: d("2026-11-01"), Result: data.ResultAgree},
		{Step: 25, Date: d("2026-11-10")},
	}
	for i := range steps {
		steps[i].ID, steps[i].PersonID = uint(i+1), subject
	}
	return steps
}

// upTo keeps the steps numbered up to n.
func upTo(steps []data.DevStep, n int) []data.DevStep {
	var out []data.DevStep
	for _, st := range steps {
		if st.Step <= n {
			out = append(out, st)
		}
	}
	return out
}

// edit changes the (first) record of step n.
func edit(steps []data.DevStep, n int, fn func(st *data.DevStep)) []data.DevStep {
	for i := range steps {
		if steps[i].Step == n {
			fn(&steps[i])
			return steps
		}
	}
	panic("no step")
}

// drop removes every record of step n.
func drop(steps []data.DevStep, n int) []data.DevStep {
	var out []data.DevStep
	for _, st := range steps {
		if st.Step != n {
			out = append(out, st)
		}
	}
	return out
}

// checkOne checks the subject as of on, with the fixture register.
func checkOne(p data.Person, reg []data.Person, steps []data.DevStep, on string, opt Options) []Finding {
	people := append([]data.Person{p}, reg...)
	dd := data.DevData{People: people, Steps: map[uint][]data.DevStep{subject: steps}, Events: registerEvents(),
		Branch: data.Branch{RuleVersion: data.DefaultRuleVersion}}
	return NewChecker(dd, opt).Person(subject, d(on))
}

func findingsOf(fs []Finding, rule string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func describe(fs []Finding) string {
	var lines []string
	for _, f := range fs {
		lines = append(lines, f.Line())
	}
	return strings.Join(lines, "\n")
}

func assertNone(t *testing.T, name string, fs []Finding) {
	t.Helper()
	if len(fs) > 0 {
		t.Errorf("%s: want no findings, got\n%s", name, describe(fs))
	}
}

func holidayTable(text string) holidays.Table {
	t, err := holidays.Parse(text)
	if err != nil {
		panic(err)
	}
	return t
}
