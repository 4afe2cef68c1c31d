package yearwork

import (
	"fmt"
	"slices"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// TalkMatrix is the year's 谈心谈话 coverage: the 支委 (rows) against the
// 支委 and the members (columns), with the talks of each pair. A pair is
// covered by a talk in either direction.
type TalkMatrix struct {
	Year      int
	Committee []string // 支委, in the branch information's order
	Columns   []string // the 支委, then the other members of the register
	Talks     map[[2]string]int
	Required  int // pairs the coverage rule asks for
	Covered   int
}

// pairKey orders two names so a pair has one key.
func pairKey(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

// Count is how many talks a pair had in the year.
func (m *TalkMatrix) Count(a, b string) int { return m.Talks[pairKey(a, b)] }

// Needed reports whether the rule asks for the pair (a is a 支委).
func (m *TalkMatrix) Needed(a, b string, rule data.TalkCoverage) bool {
	if a == b {
		return false
	}
	if m.isCommittee(b) {
		return rule.CommitteePairs
	}
	return rule.CommitteeMember
}

func (m *TalkMatrix) isCommittee(name string) bool { return slices.Contains(m.Committee, name) }

// Percent is the share of required pairs covered, rounded down.
func (m *TalkMatrix) Percent() int {
	if m.Required == 0 {
		return 100
	}
	return m.Covered * 100 / m.Required
}

// Missing lists, for a 支委, the required partners not yet talked with.
func (m *TalkMatrix) Missing(a string, rule data.TalkCoverage) []string {
	var out []string
	for _, b := range m.Columns {
		if m.Needed(a, b, rule) && m.Count(a, b) == 0 {
			out = append(out, b)
		}
	}
	return out
}

// Talks builds the matrix of the year with the register as of on (or the
// year's end).
func Talks(d *Data, year int, on civil.Date) *TalkMatrix {
	m := &TalkMatrix{Year: year, Committee: data.CommitteeNames(&d.Branch), Talks: map[[2]string]int{}}
	m.Columns = append(m.Columns, m.Committee...)
	for _, p := range data.RegisterAsOf(d.People, yearEnd(year, on)) {
		if !m.isCommittee(p.Name) {
			m.Columns = append(m.Columns, p.Name)
		}
	}
	for _, t := range d.Talks {
		if t.Date.Year == year {
			m.Talks[pairKey(t.Talker, t.Subject)]++
		}
	}
	seen := map[[2]string]bool{}
	for _, a := range m.Committee {
		for _, b := range m.Columns {
			k := pairKey(a, b)
			if !m.Needed(a, b, d.Coverage) || seen[k] {
				continue
			}
			seen[k] = true
			m.Required++
			if m.Talks[k] > 0 {
				m.Covered++
			}
		}
	}
	return m
}

// Text is the card line: "谈心谈话覆盖 80%（120/150 对）".
func (m *TalkMatrix) Text() string {
	return fmt.Sprintf("谈心谈话覆盖 %d%%（%d/%d 对）", m.Percent(), m.Covered, m.Required)
}

// missingText lists names, at most n, then "等 k 人".
func missingText(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, "、")
	}
	return fmt.Sprintf("%s等 %d 人", strings.Join(names[:n], "、"), len(names))
}
