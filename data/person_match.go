package data

import (
	"fmt"
)

// MatchBy says how an imported row was found among the stored people.
type MatchBy string

const (
	MatchNone      MatchBy = ""
	MatchIDNumber  MatchBy = FieldIDNumber
	MatchStaffNo   MatchBy = FieldStaffNo
	MatchNameBirth MatchBy = "姓名和出生日期"
)

// PersonMatch is the stored person an imported row stands for.
type PersonMatch struct {
	Person *Person // nil: a new person
	By     MatchBy
	// Problem: the row cannot be matched safely (two candidates, or an
	// identifier that belongs to someone else). The row must not be saved.
	Problem string
	// Note: matched or kept apart on weaker evidence; the user should look.
	Note string
}

// PersonIndex finds the stored person an imported row stands for. The ID
// number decides; without one the 工号; without both, 姓名 with a
// day-precise 出生日期, and only when exactly one person fits. Two people are
// never merged on a name alone (同名 is common): such a row is refused.
type PersonIndex struct {
	people  []*Person
	byID    map[string]*Person
	byStaff map[string][]*Person
	byName  map[string][]*Person
}

// NewPersonIndex indexes the stored (live) people.
func NewPersonIndex(people []Person) *PersonIndex {
	x := &PersonIndex{byID: map[string]*Person{}, byStaff: map[string][]*Person{}, byName: map[string][]*Person{}}
	for i := range people {
		x.Add(&people[i])
	}
	return x
}

// Add indexes one more person (a row already taken from the same sheet).
func (x *PersonIndex) Add(p *Person) {
	x.people = append(x.people, p)
	if p.IDNumber != "" {
		x.byID[p.IDNumber] = p
	}
	if p.StaffNo != "" {
		x.byStaff[p.StaffNo] = append(x.byStaff[p.StaffNo], p)
	}
	x.byName[p.Name] = append(x.byName[p.Name], p)
}

// Match finds the stored person p stands for.
func (x *PersonIndex) Match(p *Person) PersonMatch {
	if p.IDNumber != "" {
		if old, ok := x.byID[p.IDNumber]; ok {
			return PersonMatch{Person: old, By: MatchIDNumber}
		}
		return x.matchStaffForID(p)
	}
	if p.StaffNo != "" {
		return x.matchStaff(p)
	}
	return x.matchNameBirth(p)
}

// matchStaffForID: a row with an unknown ID number whose 工号 is stored is
// that person only when the stored one has no ID number yet.
func (x *PersonIndex) matchStaffForID(p *Person) PersonMatch {
	olds := x.byStaff[p.StaffNo]
	switch {
	case p.StaffNo == "" || len(olds) == 0:
		return PersonMatch{}
	case len(olds) == 1 && olds[0].IDNumber == "" && olds[0].Name == p.Name:
		return PersonMatch{Person: olds[0], By: MatchStaffNo,
			Note: fmt.Sprintf("按工号 %s 对应到已登记的“%s”（已登记的信息里还没有身份证号）", p.StaffNo, olds[0].Name)}
	}
	return PersonMatch{Problem: fmt.Sprintf("工号 %s 已属于“%s”（身份证号不同），请核对工号和身份证号", p.StaffNo, olds[0].Name)}
}

func (x *PersonIndex) matchStaff(p *Person) PersonMatch {
	olds := x.byStaff[p.StaffNo]
	switch {
	case len(olds) == 0:
		return x.unmatchedWithoutID(p)
	case len(olds) > 1:
		return PersonMatch{Problem: fmt.Sprintf("工号 %s 登记在 %d 个人名下，无法确定是谁，请填写身份证号", p.StaffNo, len(olds))}
	case olds[0].Name != p.Name:
		return PersonMatch{Problem: fmt.Sprintf("工号 %s 已属于“%s”，与本行姓名不符，请核对", p.StaffNo, olds[0].Name)}
	}
	return PersonMatch{Person: olds[0], By: MatchStaffNo}
}

// matchNameBirth matches a row with neither ID number nor 工号.
func (x *PersonIndex) matchNameBirth(p *Person) PersonMatch {
	if !p.BirthDate.IsZero() && p.BirthDate.Day != 0 {
		var fits []*Person
		for _, old := range x.byName[p.Name] {
			if old.BirthDate == p.BirthDate {
				fits = append(fits, old)
			}
		}
		switch len(fits) {
		case 1:
			return PersonMatch{Person: fits[0], By: MatchNameBirth,
				Note: fmt.Sprintf("没有身份证号和工号，按姓名和出生日期（%s）对应到已登记的“%s”，请核对是否同一人", p.BirthDate, p.Name)}
		case 0:
		default:
			return PersonMatch{Problem: fmt.Sprintf("已有 %d 位姓名和出生日期都相同的“%s”，无法确定是谁，请填写身份证号或工号", len(fits), p.Name)}
		}
	}
	return x.unmatchedWithoutID(p)
}

// unmatchedWithoutID: a row without an ID number that matched nobody is new,
// unless someone of the same name is stored and nothing tells them apart.
func (x *PersonIndex) unmatchedWithoutID(p *Person) PersonMatch {
	for _, old := range x.byName[p.Name] {
		if distinct(p, old) {
			continue
		}
		return PersonMatch{Problem: fmt.Sprintf("已有同名的“%s”，本行没有身份证号，无法确认是否同一人：请填写身份证号、工号或完整的出生日期", p.Name)}
	}
	return PersonMatch{}
}

// distinct reports whether two people of the same name are certainly two:
// different 工号, or different day-precise birth dates.
func distinct(a, b *Person) bool {
	if a.StaffNo != "" && b.StaffNo != "" && a.StaffNo != b.StaffNo {
		return true
	}
	if a.IDNumber != "" && b.IDNumber != "" && a.IDNumber != b.IDNumber {
		return true
	}
	return a.BirthDate.Day != 0 && b.BirthDate.Day != 0 && a.BirthDate != b.BirthDate
}
