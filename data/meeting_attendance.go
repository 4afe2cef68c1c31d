package data

import (
	"fmt"
	"strings"

	"partyoffice/data/civil"
)

// Who is expected (应到) at a sitting follows from its types and the
// register on its date, never from a typed number: a 支部党员大会 expects the
// branch's members then, a 支委会 its committee, a 党小组会 that group's
// members. The forms decide when a sitting has one (a 组织生活会 held as a
// 党小组会 expects the group); otherwise each type's scope from the settings.

// AttendanceBasis is what deciding 应到 and 表决权 reads.
type AttendanceBasis struct {
	Branch   Branch
	People   []Person
	Events   map[uint][]StatusEvent // status history by person
	Settings MeetingSettings
}

// AttendanceBasis loads the branch, the people, their status history and the
// meeting settings.
func (s *Store) AttendanceBasis() (AttendanceBasis, error) {
	var b AttendanceBasis
	var err error
	if b.Branch, err = s.Branch(); err != nil {
		return b, err
	}
	if b.People, err = s.People(); err != nil {
		return b, err
	}
	if b.Events, err = allStatusEvents(s.db); err != nil {
		return b, err
	}
	b.Settings, err = s.MeetingSettings()
	return b, err
}

// Scopes are the attendee scopes of a sitting of these types: those of its
// forms when it has any, else those of each type (全体党员 for a type the
// settings do not know).
func (ms *MeetingSettings) Scopes(types []MeetingType) []AttendeeScope {
	var forms, others []AttendeeScope
	for _, t := range types {
		scope := ScopeMembers
		if r := ms.TypeRule(t); r != nil {
			scope = r.Scope
		}
		if t.IsForm() {
			forms = append(forms, scope)
		} else {
			others = append(others, scope)
		}
	}
	if len(forms) > 0 {
		return forms
	}
	return others
}

// NeedsGroup reports whether a sitting of these types expects a 党小组.
func (ms *MeetingSettings) NeedsGroup(types []MeetingType) bool {
	for _, s := range ms.Scopes(types) {
		if s == ScopeGroup {
			return true
		}
	}
	return false
}

// Expected lists the people expected at a sitting of the types on date, in
// register order. groupID names the 党小组 where a scope needs one.
func (b *AttendanceBasis) Expected(types []MeetingType, date civil.Date, groupID *uint) []Person {
	register := b.participantsOn(date)
	want := map[uint]bool{}
	for _, scope := range b.Settings.Scopes(types) {
		for i := range register {
			if b.inScope(&register[i], scope, groupID) {
				want[register[i].ID] = true
			}
		}
	}
	out := make([]Person, 0, len(want))
	for _, p := range register {
		if want[p.ID] {
			out = append(out, p)
		}
	}
	return out
}

// participantsOn is the register on the date without members whose 党籍
// was stopped then: they take no part in the branch's life.
func (b *AttendanceBasis) participantsOn(date civil.Date) []Person {
	register := RegisterAsOf(b.People, date)
	out := register[:0]
	for _, p := range register {
		if !suspendedOn(&p, b.Events[p.ID], date) {
			out = append(out, p)
		}
	}
	SortPeople(out, FieldName, false)
	return out
}

func suspendedOn(p *Person, history []StatusEvent, on civil.Date) bool {
	if hasEvent(history, EventSuspend) {
		_, _, covered := periodCovering(history, EventSuspend, EventReinstate, on)
		return covered
	}
	return p.Standing == StandingSuspended
}

func (b *AttendanceBasis) inScope(p *Person, scope AttendeeScope, groupID *uint) bool {
	switch scope {
	case ScopeCommittee:
		return IsCommitteeMember(&b.Branch, p)
	case ScopeGroup:
		return groupID != nil && p.GroupID != nil && *p.GroupID == *groupID
	}
	return true
}

// IsCommitteeMember reports whether p sits on the 支委会: named in the
// branch information (书记, 副书记, 组织委员, 宣传委员, 纪检委员), or holding
// such a post in the register (现任党内职务 ending in 书记 or 委员, not a
// 党小组's). A branch without a 支委会 has only its 书记 (and 副书记).
func IsCommitteeMember(b *Branch, p *Person) bool {
	name := strings.ReplaceAll(p.Name, " ", "")
	for _, n := range CommitteeNames(b) {
		if n == name {
			return true
		}
	}
	post := CleanText(p.PartyPost)
	switch {
	case post == "" || strings.Contains(post, "小组"):
		return false
	case strings.HasSuffix(post, "书记"):
		return true
	}
	return !b.NoCommittee && strings.HasSuffix(post, "委员")
}

// CommitteeNames are the names in the branch information, without blanks.
func CommitteeNames(b *Branch) []string {
	var out []string
	fields := []string{b.Secretary, b.DeputySecretary}
	if !b.NoCommittee {
		fields = append(fields, b.OrganizationMember, b.PropagandaMember, b.DisciplineMember)
	}
	for _, n := range fields {
		if n = strings.ReplaceAll(CleanText(n), " ", ""); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// PrepareAttendance brings m's attendance in line with the register and
// returns it: a row for every expected person (kept from m, or a new row
// 出席 — most people come; the recorder taps the others), the rows of other
// people kept as 列席 when they attended and dropped otherwise, Expected and
// Voter set. Forms call it when the date, types or 党小组 change.
func (b *AttendanceBasis) PrepareAttendance(m *Meeting) []MeetingAttendance {
	expected := b.Expected(m.Types, m.Date, m.GroupID)
	byPerson := map[uint]MeetingAttendance{}
	for _, a := range m.Attendance {
		byPerson[a.PersonID] = a
	}
	out := make([]MeetingAttendance, 0, len(expected))
	isExpected := map[uint]bool{}
	for i := range expected {
		p := &expected[i]
		isExpected[p.ID] = true
		a, ok := byPerson[p.ID]
		if !ok || a.Status == Attender {
			a = MeetingAttendance{PersonID: p.ID, Status: Present}
		}
		a.Name, a.Expected = p.Name, true
		a.Voter = EligibilityProblem(p, b.Events[p.ID], m.Date) == ""
		out = append(out, a)
	}
	for _, a := range m.Attendance {
		if isExpected[a.PersonID] || !a.Status.Attended() {
			continue
		}
		a.Status, a.Expected, a.Voter = Attender, false, false
		out = append(out, a)
	}
	for i := range out {
		out[i].Seq = i
	}
	return out
}

// NewMeeting is a blank sitting of the types on the date with its
// attendance prepared.
func (b *AttendanceBasis) NewMeeting(types []MeetingType, date civil.Date, groupID *uint) Meeting {
	m := Meeting{Types: types, Date: date, GroupID: groupID}
	m.Attendance = b.PrepareAttendance(&m)
	return m
}

// SuggestedVote fills 应到/实到有表决权 from the attendance: the expected
// voters, and those of them present. Exclusions from 应到 (docs/rules.md, votes;
// with 上级同意) are the user's to apply afterwards.
func (m *Meeting) SuggestedVote() Vote {
	c := m.Counts()
	return Vote{Expected: c.Voters, Present: c.VotersPresent}
}

// VoteDiffers says how a decision's 应到/实到有表决权 differ from the
// attendance ("" when they agree), for the form to show beside the vote.
func (m *Meeting) VoteDiffers(v Vote) string {
	c := m.Counts()
	var parts []string
	if v.Expected != c.Voters {
		parts = append(parts, fmt.Sprintf("应到有表决权 %d 人，而考勤中有表决权的应到党员是 %d 人", v.Expected, c.Voters))
	}
	if v.Present != c.VotersPresent {
		parts = append(parts, fmt.Sprintf("实到有表决权 %d 人，而考勤中出席的有表决权党员是 %d 人", v.Present, c.VotersPresent))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "；") + "（如有经上级同意不计入应到的人员，请在备注中说明）"
}
