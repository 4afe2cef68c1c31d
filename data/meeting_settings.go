package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"partyoffice/data/civil"
)

// The branch's editable rules for meetings: the types with who attends them
// and how often each must be held (docs/rules.md: national defaults and the
// local requirements), the semester calendar, and the 思政课 targets. Stored as
// one JSON setting, so it travels with the data.

// Frequency is how often a type of meeting is required.
type Frequency string

const (
	// EveryWeek is judged per ISO week, Monday to Sunday (每周党员学习):
	// a week is counted for the year it belongs to by ISO 8601.
	EveryWeek     Frequency = "每周"
	EveryMonth    Frequency = "每月"
	EveryQuarter  Frequency = "每季度"
	EverySemester Frequency = "每学期"
	EveryYear     Frequency = "每年"
	NotRequired   Frequency = "不作要求"
)

// Frequencies lists the choices of the settings form.
var Frequencies = []Frequency{EveryWeek, EveryMonth, EveryQuarter, EverySemester, EveryYear, NotRequired}

// AttendeeScope says who is expected (应到) at a type of meeting.
type AttendeeScope string

const (
	ScopeMembers   AttendeeScope = "全体党员"
	ScopeCommittee AttendeeScope = "支部委员"
	ScopeGroup     AttendeeScope = "本党小组党员"
)

// AttendeeScopes lists the choices of the settings form.
var AttendeeScopes = []AttendeeScope{ScopeMembers, ScopeCommittee, ScopeGroup}

// MeetingTypeRule is one type of meeting with its attendees and frequency.
type MeetingTypeRule struct {
	Type  MeetingType
	Scope AttendeeScope
	Every Frequency
	Times int  // at least this many per period
	Local bool // a local requirement (本地要求), not a national one
	Basis string
}

// Required reports whether the type has a frequency at all.
func (r *MeetingTypeRule) Required() bool { return r.Every != NotRequired && r.Times > 0 }

// Requirement is "每季度1次".
func (r *MeetingTypeRule) Requirement() string {
	if !r.Required() {
		return string(NotRequired)
	}
	return fmt.Sprintf("%s%d次", r.Every, r.Times)
}

// TermSpec is a semester of every school year, by month and day: the
// autumn semester runs from 9月1日 to 次年1月31日 (End before Start: it
// crosses the new year).
type TermSpec struct {
	Name                 string // 春季学期 / 秋季学期
	StartMonth, StartDay int
	EndMonth, EndDay     int
}

// CrossesYear reports whether the term ends in the year after it starts.
func (t TermSpec) CrossesYear() bool {
	return t.EndMonth < t.StartMonth || (t.EndMonth == t.StartMonth && t.EndDay < t.StartDay)
}

// Semester is one dated semester ("2025年秋季学期", 2025-09-01 to 2026-01-31).
type Semester struct {
	Name       string
	Start, End civil.Date
}

// MeetingSettings are the editable rules of the 三会一课 module.
type MeetingSettings struct {
	// Types lists every type of meeting, the built-in ones first. A built-in
	// type cannot be removed; the forms (党员大会, 支委会, 党小组会) keep their
	// attendees.
	Types []MeetingTypeRule
	// Terms are the usual semesters of a school year; Semesters are dated
	// ones set for particular years, which replace the usual ones they
	// overlap (a spring semester starting on 2月24日 this year).
	Terms     []TermSpec
	Semesters []Semester
	// LeadDays: how many days before the end of a period an unmet
	// requirement is reminded of (本季度尚未召开支部党员大会，剩余 12 天).
	LeadDays map[Frequency]int
	// The 支部书记's 思政课 per semester (docs/rules.md, local requirements R4, R5).
	ListenPerSemester     int // 听课次数
	TeachHoursPerSemester int // 授课课时
	// AbsenceMonths: warn about a member with no 组织生活 for this many
	// consecutive months (党章第九条: six).
	AbsenceMonths int
	// TrackFrom: the record begins here. A period that began before it is
	// reminded of while it runs, never reported as missed. Zero: the first
	// day of the month of the first sitting recorded.
	TrackFrom civil.Date
}

const settingMeetings = "meetings.settings"

// DefaultMeetingSettings are the national frequencies of docs/rules.md
// and its local requirements R1, R4–R6, R9.
func DefaultMeetingSettings() MeetingSettings {
	return MeetingSettings{
		Types: []MeetingTypeRule{
			{Type: TypeMembersMeeting, Scope: ScopeMembers, Every: EveryQuarter, Times: 1, Basis: "支部工作条例第十一条"},
			{Type: TypeCommittee, Scope: ScopeCommittee, Every: EveryMonth, Times: 1, Basis: "支部工作条例第十二条"},
			{Type: TypeGroupMeeting, Scope: ScopeGroup, Every: EveryMonth, Times: 1, Basis: "支部工作条例第十三条"},
			{Type: TypeLecture, Scope: ScopeMembers, Every: EveryQuarter, Times: 1, Local: true,
				Basis: "支部工作条例第十六条；本地要求每季度至少1次"},
			{Type: TypeThemeDay, Scope: ScopeMembers, Every: EveryMonth, Times: 1, Basis: "支部工作条例第十六条；党员教育管理工作条例第十六条"},
			{Type: TypeLifeMeeting, Scope: ScopeMembers, Every: EveryYear, Times: 1, Basis: "支部工作条例第十七条（一般在第四季度）"},
			{Type: TypeAppraisal, Scope: ScopeMembers, Every: EveryYear, Times: 1, Basis: "支部工作条例第十九条；党员教育管理工作条例第十八条"},
			{Type: TypeIdeology, Scope: ScopeCommittee, Every: EverySemester, Times: 1, Local: true,
				Basis: "金凤区教育党工委2022年党建工作要点：每学期至少1次"},
			{Type: TypeStudy, Scope: ScopeMembers, Every: EveryMonth, Times: 1, Local: true,
				Basis: "金凤区教育党工委2022年党建工作要点：每月专题研讨"},
		},
		Terms: []TermSpec{
			{Name: "春季学期", StartMonth: 3, StartDay: 1, EndMonth: 7, EndDay: 31},
			{Name: "秋季学期", StartMonth: 9, StartDay: 1, EndMonth: 1, EndDay: 31},
		},
		LeadDays:              map[Frequency]int{EveryWeek: 2, EveryMonth: 7, EveryQuarter: 20, EverySemester: 30, EveryYear: 60},
		ListenPerSemester:     4,
		TeachHoursPerSemester: 4,
		AbsenceMonths:         6,
	}
}

// TypeRule returns the rule of a type, or nil for a type not in the list.
func (ms *MeetingSettings) TypeRule(t MeetingType) *MeetingTypeRule {
	for i := range ms.Types {
		if ms.Types[i].Type == t {
			return &ms.Types[i]
		}
	}
	return nil
}

// TypeList is every type, in order.
func (ms *MeetingSettings) TypeList() []MeetingType {
	out := make([]MeetingType, len(ms.Types))
	for i, r := range ms.Types {
		out[i] = r.Type
	}
	return out
}

// MeetingSettings returns the stored settings, completed with the defaults
// for anything missing (a built-in type added by a later version).
func (s *Store) MeetingSettings() (MeetingSettings, error) {
	raw := s.Setting(settingMeetings)
	if raw == "" {
		return DefaultMeetingSettings(), nil
	}
	var ms MeetingSettings
	if err := json.Unmarshal([]byte(raw), &ms); err != nil {
		return DefaultMeetingSettings(), fmt.Errorf("三会一课的设置无法读取（%v），已暂用默认设置；请在设置中重新保存", err)
	}
	ms.complete()
	return ms, nil
}

// SaveMeetingSettings checks and stores the settings (audited).
func (s *Store) SaveMeetingSettings(ms MeetingSettings) error {
	ms.complete()
	if err := ms.Validate(); err != nil {
		return err
	}
	b, err := json.Marshal(ms)
	if err != nil {
		return err
	}
	return s.SetSetting(settingMeetings, string(b))
}

// complete adds what an older or hand-made value lacks: missing built-in
// types, the fixed attendees of the forms, and default numbers left at zero.
func (ms *MeetingSettings) complete() {
	def := DefaultMeetingSettings()
	for _, r := range def.Types {
		if ms.TypeRule(r.Type) == nil {
			ms.Types = append(ms.Types, r)
		}
	}
	for i := range ms.Types {
		r := &ms.Types[i]
		r.Type = MeetingType(CleanText(string(r.Type)))
		if r.Type.IsForm() {
			r.Scope = def.TypeRule(r.Type).Scope
		}
		if r.Scope == "" {
			r.Scope = ScopeMembers
		}
		if r.Every == "" {
			r.Every = NotRequired
		}
	}
	if len(ms.Terms) == 0 {
		ms.Terms = def.Terms
	}
	if ms.LeadDays == nil {
		ms.LeadDays = map[Frequency]int{}
	}
	for f, n := range def.LeadDays {
		if _, ok := ms.LeadDays[f]; !ok {
			ms.LeadDays[f] = n // a frequency added by a later version (每周)
		}
	}
	if ms.AbsenceMonths == 0 {
		ms.AbsenceMonths = def.AbsenceMonths
	}
}

// Validate says what is wrong with the settings, in words for the form.
func (ms *MeetingSettings) Validate() error {
	for _, check := range []func() error{ms.validateTypes, ms.validateTerms, ms.validateSemesters, ms.validateNumbers} {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

func (ms *MeetingSettings) validateTypes() error {
	seen := map[MeetingType]bool{}
	for _, r := range ms.Types {
		switch {
		case r.Type == "":
			return errors.New("会议类型的名称不能为空")
		case seen[r.Type]:
			return fmt.Errorf("会议类型“%s”重复了", r.Type)
		case !oneOf(string(r.Every), frequencyNames()...):
			return fmt.Errorf("“%s”的频次“%s”不对，应为%s", r.Type, r.Every, strings.Join(frequencyNames(), "、"))
		case r.Every != NotRequired && (r.Times < 1 || r.Times > 31):
			return fmt.Errorf("“%s”%s应开的次数应为1到31之间的整数，现在是%d", r.Type, r.Every, r.Times)
		case r.Every == NotRequired && r.Times != 0:
			return fmt.Errorf("“%s”不作要求时，次数应为0", r.Type)
		case !oneOf(string(r.Scope), string(ScopeMembers), string(ScopeCommittee), string(ScopeGroup)):
			return fmt.Errorf("“%s”的应到人员“%s”不对", r.Type, r.Scope)
		}
		seen[r.Type] = true
	}
	for _, t := range BuiltinMeetingTypes {
		if !seen[t] {
			return fmt.Errorf("“%s”是规定的会议类型，不能删除；不需要考核时请把频次设为“%s”", t, NotRequired)
		}
	}
	return nil
}

func frequencyNames() []string {
	out := make([]string, len(Frequencies))
	for i, f := range Frequencies {
		out[i] = string(f)
	}
	return out
}

func (ms *MeetingSettings) validateTerms() error {
	if len(ms.Terms) == 0 {
		return errors.New("请至少设置一个学期")
	}
	for _, t := range ms.Terms {
		if CleanText(t.Name) == "" {
			return errors.New("学期名称不能为空，例如“春季学期”")
		}
		for _, md := range [][2]int{{t.StartMonth, t.StartDay}, {t.EndMonth, t.EndDay}} {
			if md[0] < 1 || md[0] > 12 || md[1] < 1 || md[1] > civil.DaysIn(2024, md[0]) {
				return fmt.Errorf("“%s”的日期 %d月%d日 不存在", t.Name, md[0], md[1])
			}
		}
	}
	// The usual terms of three consecutive years must not overlap.
	var all []Semester
	for y := 2001; y <= 2003; y++ {
		all = append(all, termsOf(ms.Terms, y)...)
	}
	return overlapProblem(sortSemesters(all), "学期")
}

func (ms *MeetingSettings) validateSemesters() error {
	for _, s := range ms.Semesters {
		switch {
		case CleanText(s.Name) == "":
			return errors.New("学期名称不能为空，例如“2026年春季学期”")
		case s.Start.Precision() != civil.DayPrecision || s.End.Precision() != civil.DayPrecision:
			return fmt.Errorf("“%s”请填写完整的开始和结束日期（年月日）", s.Name)
		case s.End.Before(s.Start):
			return fmt.Errorf("“%s”的结束日期 %s 早于开始日期 %s", s.Name, s.End, s.Start)
		case s.Start.DaysUntil(s.End) > 366:
			return fmt.Errorf("“%s”从 %s 到 %s，超过了一年，请核对", s.Name, s.Start, s.End)
		}
	}
	return overlapProblem(sortSemesters(append([]Semester(nil), ms.Semesters...)), "学期")
}

func overlapProblem(sorted []Semester, what string) error {
	for i := 1; i < len(sorted); i++ {
		if !sorted[i].Start.After(sorted[i-1].End) {
			return fmt.Errorf("%s“%s”（%s 至 %s）与“%s”（%s 至 %s）重叠了", what,
				sorted[i-1].Name, sorted[i-1].Start, sorted[i-1].End, sorted[i].Name, sorted[i].Start, sorted[i].End)
		}
	}
	return nil
}

func (ms *MeetingSettings) validateNumbers() error {
	for f, d := range ms.LeadDays {
		if d < 0 || d > 366 {
			return fmt.Errorf("%s的提前提醒天数应为0到366，现在是%d", f, d)
		}
	}
	switch {
	case ms.ListenPerSemester < 0 || ms.ListenPerSemester > 100:
		return fmt.Errorf("每学期听课次数应为0到100，现在是%d", ms.ListenPerSemester)
	case ms.TeachHoursPerSemester < 0 || ms.TeachHoursPerSemester > 200:
		return fmt.Errorf("每学期授课课时应为0到200，现在是%d", ms.TeachHoursPerSemester)
	case ms.AbsenceMonths < 1 || ms.AbsenceMonths > 24:
		return fmt.Errorf("连续未参加组织生活的提醒月数应为1到24，现在是%d", ms.AbsenceMonths)
	case !ms.TrackFrom.IsZero() && ms.TrackFrom.Precision() != civil.DayPrecision:
		return errors.New("“开始考核日期”请填写完整的年月日")
	}
	return nil
}
