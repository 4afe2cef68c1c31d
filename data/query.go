package data

import (
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"partyoffice/data/civil"
)

// View selects which part of the people a register screen shows.
type View int

const (
	ViewRegister    View = iota // members in the register (在册正式/预备党员)
	ViewLeft                    // no longer in the register: 转出, 出党, 死亡, 取消资格
	ViewDevelopment             // 申请人, 积极分子, 发展对象 still being developed
	ViewAll
)

// NoGroup as PersonFilter.GroupID selects people in no 党小组.
const NoGroup = ^uint(0)

// PersonFilter narrows a list of people; zero values mean "any".
type PersonFilter struct {
	View     View
	Text     string // matches 姓名, 身份证号, 岗位, 手机, 籍贯, 备注
	Stage    Stage
	Standing Standing
	GroupID  uint
}

// Match reports whether p passes the filter.
func (f PersonFilter) Match(p *Person) bool {
	switch f.View {
	case ViewRegister:
		if !p.InRegister() {
			return false
		}
	case ViewLeft:
		if p.Roll == RollActive || (!p.Stage.IsMember() && p.Roll == RollStopped) {
			return false
		}
	case ViewDevelopment:
		if p.Stage.IsMember() || p.Roll != RollActive {
			return false
		}
	}
	if f.Stage != "" && p.Stage != f.Stage {
		return false
	}
	if f.Standing != "" && p.Standing != f.Standing {
		return false
	}
	if f.GroupID == NoGroup && p.GroupID != nil {
		return false
	}
	if f.GroupID != 0 && f.GroupID != NoGroup && (p.GroupID == nil || *p.GroupID != f.GroupID) {
		return false
	}
	return f.Text == "" || matchesText(p, strings.ToUpper(CleanText(f.Text)))
}

func matchesText(p *Person, t string) bool {
	for _, s := range []string{p.Name, p.IDNumber, p.Post, p.Mobile, p.Phone, p.NativePlace, p.Remark, p.Title, p.PartyPost} {
		if strings.Contains(strings.ToUpper(s), t) {
			return true
		}
	}
	return false
}

// FilterPeople returns the people that pass f, in their original order.
func FilterPeople(people []Person, f PersonFilter) []Person {
	out := make([]Person, 0, len(people))
	for i := range people {
		if f.Match(&people[i]) {
			out = append(out, people[i])
		}
	}
	return out
}

// nameCollator orders Chinese names by pinyin, as offices expect.
var nameCollator = collate.New(language.SimplifiedChinese)

// SortPeople sorts by a field (one of the Field* names); text fields in
// pinyin order, dates chronologically, empty values last.
func SortPeople(people []Person, field string, desc bool) {
	key := sortKeys[field]
	if key == nil {
		key = sortKeys[FieldName]
	}
	sort.SliceStable(people, func(i, j int) bool {
		c := key(&people[i], &people[j])
		if desc {
			return c > 0
		}
		return c < 0
	})
}

func textOrder(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return nameCollator.CompareString(a, b)
}

type personOrder func(a, b *Person) int

func byText(get func(p *Person) string) personOrder {
	return func(a, b *Person) int { return textOrder(get(a), get(b)) }
}

var sortKeys = map[string]personOrder{
	FieldName:      byText(func(p *Person) string { return p.Name }),
	FieldGender:    byText(func(p *Person) string { return p.Gender }),
	FieldEthnicity: byText(func(p *Person) string { return p.Ethnicity }),
	FieldIDNumber:  byText(func(p *Person) string { return p.IDNumber }),
	FieldEducation: byText(func(p *Person) string { return p.Education }),
	FieldStage:     byText(func(p *Person) string { return string(p.Stage) }),
	FieldPost:      byText(func(p *Person) string { return p.Post }),
	FieldMobile:    byText(func(p *Person) string { return p.Mobile }),
	FieldStanding:  byText(func(p *Person) string { return string(p.Standing) }),
	FieldNative:    byText(func(p *Person) string { return p.NativePlace }),
	FieldPartyPost: byText(func(p *Person) string { return p.PartyPost }),
	FieldTitle:     byText(func(p *Person) string { return p.Title }),
	FieldBirth:     func(a, b *Person) int { return dateOrder(a.BirthDate.String(), b.BirthDate.String()) },
	FieldJoin:      func(a, b *Person) int { return dateOrder(a.JoinDate.String(), b.JoinDate.String()) },
	FieldFull:      func(a, b *Person) int { return dateOrder(a.FullDate.String(), b.FullDate.String()) },
	FieldWorkStart: func(a, b *Person) int { return dateOrder(a.WorkStart.String(), b.WorkStart.String()) },
	FieldGroup: func(a, b *Person) int {
		return cmpUintPtr(a.GroupID, b.GroupID)
	},
}

// dateOrder compares ISO date strings; empty last.
func dateOrder(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	case a < b:
		return -1
	}
	return 1
}

func cmpUintPtr(a, b *uint) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	case *a < *b:
		return -1
	case *a > *b:
		return 1
	}
	return 0
}

// RegisterCounts summarises the register for the 工作台.
type RegisterCounts struct {
	Full, Probationer         int
	Applicants, Activists     int
	Candidates                int
	Suspended, Lost, Floating int
	ByGroup                   map[uint]int // NoGroup key for the ungrouped
}

// Count tallies people (only those in the roll).
func Count(people []Person) RegisterCounts {
	c := RegisterCounts{ByGroup: map[uint]int{}}
	for i := range people {
		p := &people[i]
		if p.Roll != RollActive {
			continue
		}
		switch p.Stage {
		case StageFull:
			c.Full++
		case StageProbationer:
			c.Probationer++
		case StageApplicant:
			c.Applicants++
		case StageActivist:
			c.Activists++
		case StageCandidate:
			c.Candidates++
		}
		if !p.Stage.IsMember() {
			continue
		}
		if p.Standing == StandingSuspended {
			c.Suspended++
		}
		if p.Lost {
			c.Lost++
		}
		if p.Floating {
			c.Floating++
		}
		if p.GroupID == nil {
			c.ByGroup[NoGroup]++
		} else {
			c.ByGroup[*p.GroupID]++
		}
	}
	return c
}

// ProbationEndingWithin lists 预备党员 in the register whose 预备期 ends
// within days of on, or has ended without 转正, soonest first.
func ProbationEndingWithin(people []Person, on civil.Date, days int) []Person {
	limit := on.AddDays(days)
	var out []Person
	for _, p := range people {
		if p.Stage != StageProbationer || p.Roll != RollActive {
			continue
		}
		if end := p.ProbationEnd(); !end.IsZero() && !end.After(limit) {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ProbationEnd().Before(out[j].ProbationEnd()) })
	return out
}
