package data

import (
	"fmt"
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

// Match reports whether p passes the filter (f.Text already cleaned and
// upper-cased, as FilterPeople does).
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
	return f.Text == "" || matchesText(p, f.Text)
}

// prepared returns f with its search text cleaned once, not once per person.
func (f PersonFilter) prepared() PersonFilter {
	f.Text = strings.ToUpper(CleanText(f.Text))
	return f
}

// searchFields are the fields the search box looks in.
var searchFields = fieldsOf(PersonText, FieldName, FieldIDNumber, FieldPost, FieldMobile, FieldPhone,
	FieldNative, FieldRemark, FieldTitle, FieldPartyPost, FieldStaffNo)

// fieldsOf picks fields by name.
func fieldsOf[V any](all map[string]func(*Person) *V, names ...string) []func(*Person) *V {
	out := make([]func(*Person) *V, len(names))
	for i, n := range names {
		out[i] = all[n]
	}
	return out
}

// matchesText looks for t in the searchable fields. Chinese has no case; the
// only letter that matters is the X of ID numbers, stored upper-case, so the
// query is upper-cased once instead of every field on every keystroke.
func matchesText(p *Person, t string) bool {
	for _, field := range searchFields {
		if strings.Contains(*field(p), t) {
			return true
		}
	}
	return false
}

// FilterPeople returns the people that pass f, in their original order.
func FilterPeople(people []Person, f PersonFilter) []Person {
	out := make([]Person, 0, len(people))
	f = f.prepared()
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
	if get, ok := stringKeys[field]; ok {
		sortByKey(people, get, desc)
		return
	}
	get, ok := textFields[field]
	if !ok {
		get = textFields[FieldName]
	}
	var buf collate.Buffer
	sortByKey(people, func(p *Person) string {
		v := get(p)
		if v == "" {
			return ""
		}
		k := string(nameCollator.KeyFromString(&buf, v))
		buf.Reset()
		return k
	}, desc)
}

// textFields are sorted in pinyin order through collation keys, computed
// once per sort: comparing with the collator directly is ~10× slower.
var textFields = func() map[string]func(p *Person) string {
	out := map[string]func(p *Person) string{}
	for _, name := range []string{FieldName, FieldGender, FieldEthnicity, FieldIDNumber, FieldEducation,
		FieldStage, FieldPost, FieldMobile, FieldStanding, FieldNative, FieldPartyPost, FieldTitle} {
		field := PersonText[name]
		out[name] = func(p *Person) string { return *field(p) }
	}
	return out
}()

// sortByKey computes each person's key once, then sorts stably.
func sortByKey(people []Person, key func(p *Person) string, desc bool) {
	keys := make([]string, len(people))
	for i := range people {
		keys[i] = key(&people[i])
	}
	idx := make([]int, len(people))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return less(keys[idx[a]], keys[idx[b]], desc) })
	sorted := make([]Person, len(people))
	for i, j := range idx {
		sorted[i] = people[j]
	}
	copy(people, sorted)
}

// less orders two sort keys (collation keys or ISO dates); empty values go
// last in both directions, so blanks never crowd the top of a sorted table.
func less(a, b string, desc bool) bool {
	switch {
	case a == b || a == "":
		return false
	case b == "":
		return true
	case desc:
		return a > b
	}
	return a < b
}

// stringKeys sort by a plain string (ISO dates sort as text).
var stringKeys = func() map[string]func(p *Person) string {
	out := map[string]func(p *Person) string{
		FieldGroup: func(p *Person) string {
			if p.GroupID == nil {
				return ""
			}
			return fmt.Sprintf("%010d", *p.GroupID)
		},
	}
	for _, name := range []string{FieldBirth, FieldJoin, FieldFull, FieldWorkStart} {
		field := PersonDates[name]
		out[name] = func(p *Person) string { return field(p).String() }
	}
	return out
}()

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
