package data

import (
	"fmt"
	"unicode/utf8"

	"gorm.io/gorm"
)

// Every text a person types or imports has a longest allowed length, in
// characters, declared here once: the store refuses longer text (the GORM
// hooks below run on every save, typed or imported), the import reports it
// as a row error (CheckMember, CheckApplicant) and the forms limit their
// entries with the same numbers. Without them one pasted or hostile cell of
// two million characters lands in the register, every export and every
// backup.
//
// Labels not in fields.go are the meeting and step fields as the forms
// name them.
const (
	FieldMeetingTitle = "会议名称"
	FieldPlace        = "地点"
	FieldHost         = "主持人"
	FieldRecorder     = "记录人"
	FieldAgenda       = "议题"
	FieldResolution   = "决议"
	FieldLecturer     = "主讲人"
	FieldTopic        = "题目"
	FieldGuests       = "列席人员"
	FieldSpeech       = "发言内容"
	FieldReason       = "原因"
	FieldResult       = "结果"
	FieldOther        = "其他内容" // short texts: 记录类型, 编号, 推荐方式, 去向 …
)

// FieldMaxLen is the longest text of each field, in characters.
var FieldMaxLen = map[string]int{
	FieldName: 50, FieldGender: 10, FieldEthnicity: 20, FieldIDNumber: 30, FieldEducation: 30,
	FieldStage: 20, FieldBranch: 100, FieldPost: 100, FieldMobile: 30, FieldPhone: 30,
	FieldAddress: 200, FieldStanding: 20, FieldFloatTo: 200, FieldNative: 100, FieldTitle: 100,
	FieldPartyPost: 100, FieldIntroducers: 100, FieldGroup: 50, FieldRemark: 2000,

	FieldMeetingTitle: 200, FieldPlace: 200, FieldHost: 50, FieldRecorder: 50,
	FieldAgenda: 10000, FieldResolution: 10000, FieldLecturer: 50, FieldTopic: 200,
	FieldGuests: 1000, FieldSpeech: 10000, FieldReason: 200, FieldResult: 200, FieldOther: 200,
}

// MaxFieldLen is the longest any field may be: no cell an import needs is
// longer, so a reader may cut longer ones short (the check still fails).
func MaxFieldLen() int {
	n := 0
	for _, m := range FieldMaxLen {
		n = max(n, m)
	}
	return n
}

// textField is one text of a record with its field label.
type textField struct {
	field string
	value string
}

// lengthIssues lists the fields longer than their maximum.
func lengthIssues(fields []textField) []FieldIssue {
	var out []FieldIssue
	for _, f := range fields {
		limit, ok := FieldMaxLen[f.field]
		if !ok || len(f.value) <= limit { // bytes ≥ characters: cheap test first
			continue
		}
		if n := utf8.RuneCountInString(f.value); n > limit {
			out = append(out, FieldIssue{Field: f.field,
				Message: fmt.Sprintf("内容过长（%d 字），最多 %d 字", n, limit)})
		}
	}
	return out
}

// lengthError is the store's refusal of over-long text.
func lengthError(fields []textField) error {
	if issues := lengthIssues(fields); len(issues) > 0 {
		return issues[0]
	}
	return nil
}

func (p *Person) textFields() []textField {
	return []textField{
		{FieldName, p.Name}, {FieldGender, p.Gender}, {FieldEthnicity, p.Ethnicity},
		{FieldIDNumber, p.IDNumber}, {FieldEducation, p.Education}, {FieldStage, string(p.Stage)},
		{FieldBranch, p.BranchName}, {FieldPost, p.Post}, {FieldMobile, p.Mobile}, {FieldPhone, p.Phone},
		{FieldAddress, p.Address}, {FieldStanding, string(p.Standing)}, {FieldFloatTo, p.FloatTo},
		{FieldNative, p.NativePlace}, {FieldTitle, p.Title}, {FieldPartyPost, p.PartyPost},
		{FieldIntroducers, p.Introducers}, {FieldRemark, p.Remark}, {FieldGroup, p.GroupName},
		{FieldOther, p.ExitKind}, {FieldOther, p.Destination}, {FieldOther, p.RuleVersion},
	}
}

// LengthIssues lists the person's fields that are too long.
func (p *Person) LengthIssues() []FieldIssue { return lengthIssues(p.textFields()) }

// BeforeSave refuses over-long text on every save of a person.
func (p *Person) BeforeSave(*gorm.DB) error { return lengthError(p.textFields()) }

func (m *Meeting) textFields() []textField {
	return []textField{
		{FieldMeetingTitle, m.Title}, {FieldOther, m.Start}, {FieldOther, m.End}, {FieldPlace, m.Place},
		{FieldHost, m.Host}, {FieldRecorder, m.Recorder}, {FieldAgenda, m.Agenda},
		{FieldResolution, m.Resolution}, {FieldLecturer, m.Lecturer}, {FieldTopic, m.Topic},
		{FieldGuests, m.Guests}, {FieldRemark, m.Note},
	}
}

// BeforeSave refuses over-long text on every save of a meeting.
func (m *Meeting) BeforeSave(*gorm.DB) error { return lengthError(m.textFields()) }

// BeforeSave refuses over-long text in an attendance line.
func (a *MeetingAttendance) BeforeSave(*gorm.DB) error {
	return lengthError([]textField{{FieldName, a.Name}, {FieldReason, a.Reason}})
}

// BeforeSave refuses over-long text in a speech.
func (sp *MeetingSpeech) BeforeSave(*gorm.DB) error {
	return lengthError([]textField{{FieldName, sp.Speaker}, {FieldSpeech, sp.Content}})
}

// BeforeSave refuses over-long text in a decision.
func (d *MeetingDecision) BeforeSave(*gorm.DB) error {
	return lengthError([]textField{{FieldResolution, d.Subject}, {FieldName, d.PersonName},
		{FieldResult, d.Result}, {FieldOther, d.Method}})
}

func (st *DevStep) textFields() []textField {
	return []textField{{FieldResult, st.Result}, {FieldOther, st.Kind}, {FieldOther, st.Number},
		{FieldOther, st.Source}, {FieldRemark, st.Note}}
}

// BeforeSave refuses over-long text on every save of a step record.
func (st *DevStep) BeforeSave(*gorm.DB) error { return lengthError(st.textFields()) }

// BeforeSave refuses an over-long name of a person in a step.
func (sp *DevStepPerson) BeforeSave(*gorm.DB) error {
	return lengthError([]textField{{FieldName, sp.Name}})
}
