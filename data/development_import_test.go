package data

import (
	"strings"
	"testing"
)

func introduced(by ...*Person) []DevStepPerson {
	var out []DevStepPerson
	for _, p := range by {
		id := p.ID
		out = append(out, DevStepPerson{Role: RoleIntroducer, PersonID: &id})
	}
	return out
}

// The import records what the form refuses: a 预备党员 as 介绍人.
func TestImportDevelopmentKeepsHistoryTheFormRefuses(t *testing.T) {
	b := newDevBranch(t)
	entry := DevEntry{
		Person: Person{Name: "刘晓", IDNumber: "640106199805040023", Gender: "女"},
		Steps: []DevStep{ // out of order on purpose: saved by step
			{Step: StepIntroducers, Date: d("2026-04-01"), People: introduced(b.bai, b.wang)},
			{Step: StepApply, Date: d("2023-03-01")},
			{Step: StepCandidate, Date: d("2026-03-20")},
			{Step: StepActivist, Date: d("2024-01-10"), Source: SourceMembers},
		},
	}
	res, err := b.s.ImportDevelopment([]DevEntry{entry}, ImportSkipExisting, "积极分子.xlsx")
	if err != nil || res.Imported != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	people, _ := b.s.People()
	p := people[len(people)-1]
	if p.Stage != StageCandidate || p.Introducers != "白浩然、王志刚" || p.RuleVersion != RuleVersion2014 || p.Roll != RollActive {
		t.Errorf("imported person: %s %q %s %s", p.Stage, p.Introducers, p.RuleVersion, p.Roll)
	}
	steps, _ := b.s.DevSteps(p.ID)
	if len(steps) != 4 {
		t.Errorf("%d records", len(steps))
	}
	again := DevStep{PersonID: p.ID, Step: StepIntroducers, Date: d("2026-04-01"), People: introduced(b.bai, b.wang)}
	if err := b.s.SaveDevStep(&again); err == nil {
		t.Error("the form should still refuse a 预备党员 as 介绍人")
	}
	log, err := b.s.AuditLog(AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	imported := 0
	for _, e := range log {
		if e.Action == "导入" {
			imported++
		}
	}
	if imported != 5 { // the person and four records
		t.Errorf("%d 导入 audit entries, want 5", imported)
	}
}

// One refused record stops the whole import: nobody lands.
func TestImportDevelopmentIsAllOrNothing(t *testing.T) {
	b := newDevBranch(t)
	good := DevEntry{Person: Person{Name: "甲"}, Steps: []DevStep{{Step: StepApply, Date: d("2024-01-01")}}}
	bad := DevEntry{Person: Person{Name: "乙"}, Steps: []DevStep{{Step: StepTalk, Date: d("2024-01-01")}}} // no talker
	before, _ := b.s.CountPeople()
	_, err := b.s.ImportDevelopment([]DevEntry{good, bad}, ImportSkipExisting, "x.xlsx")
	if err == nil || !strings.Contains(err.Error(), "“乙”") || !strings.Contains(err.Error(), "未导入任何数据") {
		t.Fatalf("error: %v", err)
	}
	if after, _ := b.s.CountPeople(); after != before {
		t.Errorf("%d people written by a failed import", after-before)
	}
}

// Updating an existing person changes the latest record of a step in
// place, keeps what the sheet leaves empty, and adds the records it lacks.
func TestImportDevelopmentUpdates(t *testing.T) {
	b := newDevBranch(t)
	p := b.applicant(t, "陈晨", "2024-02-01")
	p.IDNumber = "640106199805040023"
	if err := b.s.UpdatePerson(p); err != nil {
		t.Fatal(err)
	}
	talk := b.save(t, DevStep{PersonID: p.ID, Step: StepTalk, Date: d("2024-02-20"), Note: "在校长室",
		People: []DevStepPerson{{Role: RoleTalker, Name: "张书记"}}})
	entry := DevEntry{Person: Person{Name: "陈晨", IDNumber: p.IDNumber, Post: "数学教师"}, Steps: []DevStep{
		{Step: StepTalk, Date: d("2024-02-25")},
		{Step: StepActivist, Date: d("2024-09-01"), Source: SourceLeague},
	}}
	for _, mode := range []ImportMode{ImportSkipExisting, ImportUpdateExisting} {
		if _, err := b.s.ImportDevelopment([]DevEntry{entry}, mode, "x.xlsx"); err != nil {
			t.Fatal(err)
		}
	}
	steps, _ := b.s.DevSteps(p.ID)
	got := LatestDevStep(steps, StepTalk)
	if len(steps) != 3 || got.ID != talk.ID || !got.Date.Equal(d("2024-02-25")) || got.Note != "在校长室" ||
		got.Names(RoleTalker) != "张书记" {
		t.Errorf("%d records; talk %+v", len(steps), got)
	}
	if q := b.person(t, p.ID); q.Stage != StageActivist || q.Post != "数学教师" || q.Gender != "女" {
		t.Errorf("person after the update: %s %q %q", q.Stage, q.Post, q.Gender)
	}
}

// A decision the sheet leaves blank stays unrecorded on import (the rule
// engine reports it, R-DECISION); the form still asks for it.
func TestImportKeepsBlankDecisionsBlank(t *testing.T) {
	b := newDevBranch(t)
	entry := DevEntry{
		Person: Person{Name: "马丽", IDNumber: "640106199805040023", Gender: "女"},
		Steps: []DevStep{
			{Step: StepApply, Date: d("2023-03-01")},
			{Step: StepActivist, Date: d("2024-01-10")}, // 推荐方式 blank
			{Step: StepCandidate, Date: d("2025-03-20")},
			{Step: StepPoliticalReview, Date: d("2025-04-01")}, // 政审结论 blank
			{Step: StepPreReview, Date: d("2025-05-01")},       // 预审结果 blank
		},
	}
	if res, err := b.s.ImportDevelopment([]DevEntry{entry}, ImportSkipExisting, "发展对象.xlsx"); err != nil || res.Imported != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	people, _ := b.s.People()
	p := people[len(people)-1]
	steps, _ := b.s.DevSteps(p.ID)
	for _, st := range steps {
		if st.Result != "" || st.Source != "" {
			t.Errorf("step %d: a blank decision was recorded as %q%q", st.Step, st.Result, st.Source)
		}
	}
	typed := DevStep{PersonID: p.ID, Step: StepPoliticalReview, Date: d("2025-04-02")}
	if err := b.s.SaveDevStep(&typed); err == nil || !strings.Contains(err.Error(), "请填写结果") {
		t.Errorf("the form should ask for the 政审结论, got %v", err)
	}
	bad := DevStep{Step: StepPoliticalReview, Date: d("2025-04-02"), Result: "大概合格"}
	if err := ValidateImportedStep(&bad, RuleVersion2014, d("2026-01-01")); err == nil {
		t.Error("an unknown result is refused on import too")
	}
}
