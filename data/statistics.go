package data

import (
	"slices"

	"partyoffice/data/civil"
)

// Tally is one bar of a chart: a label and how many people it counts.
type Tally struct {
	Label string
	Count int
}

// Unrecorded labels the people whose value is not recorded.
const Unrecorded = "未登记"

// ageBands are the 党员结构 age bands (as 党内统计 groups ages).
var ageBands = []struct {
	label string
	upTo  int // inclusive; the last band has no upper end
}{
	{"30岁及以下", 30}, {"31-40岁", 40}, {"41-50岁", 50}, {"51-60岁", 60}, {"61岁及以上", 1 << 30},
}

// AgeBands counts the members in the register by age on the day; those
// without a birth date are counted under 未登记 (only when there are any).
func AgeBands(people []Person, on civil.Date) []Tally {
	out := make([]Tally, len(ageBands))
	for i, b := range ageBands {
		out[i].Label = b.label
	}
	unknown := 0
	for i := range people {
		p := &people[i]
		if !p.InRegister() {
			continue
		}
		if p.BirthDate.IsZero() {
			unknown++
			continue
		}
		age := p.Age(on)
		for j, b := range ageBands {
			if age <= b.upTo {
				out[j].Count++
				break
			}
		}
	}
	if unknown > 0 {
		out = append(out, Tally{Unrecorded, unknown})
	}
	return out
}

// EducationTally counts the members in the register by 学历 in the order of
// Educations; other spellings are counted as written, after them, and blanks
// under 未登记. Empty rows are left out.
func EducationTally(people []Person) []Tally {
	counts := map[string]int{}
	var others []string
	for i := range people {
		p := &people[i]
		if !p.InRegister() {
			continue
		}
		e := p.Education
		if e == "" {
			e = Unrecorded
		}
		if counts[e] == 0 && !slices.Contains(Educations, e) && e != Unrecorded {
			others = append(others, e)
		}
		counts[e]++
	}
	var out []Tally
	for _, e := range append(append(append([]string{}, Educations...), others...), Unrecorded) {
		if counts[e] > 0 {
			out = append(out, Tally{e, counts[e]})
		}
	}
	return out
}

// DevelopmentFunnel is the 发展党员 pipeline now: how many people stand at
// each stage, from 入党申请人 to 预备党员.
func DevelopmentFunnel(c RegisterCounts) []Tally {
	return []Tally{
		{string(StageApplicant), c.Applicants},
		{string(StageActivist), c.Activists},
		{string(StageCandidate), c.Candidates},
		{string(StageProbationer), c.Probationer},
	}
}
