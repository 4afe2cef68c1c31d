package data

import (
	"reflect"
	"slices"
	"testing"

	"gorm.io/gorm"
)

// referenceColumns are the columns that hold another record's id, as decided
// by hand: a move up shifts them with the ids (move_ids.go). A model that
// gains an id-like column fails TestEveryIDFieldIsClassified until the
// column is listed here (a reference) or in notReferences (not one).
var referenceColumns = []string{
	"party_groups.leader_id", "people.group_id", "status_events.person_id", "audit_entries.entity_id",
	"dev_steps.person_id", "dev_step_people.step_id", "dev_step_people.person_id", "dev_plans.person_id",
	"meetings.host_id", "meetings.recorder_id", "meetings.group_id", "meetings.lecturer_id",
	"meeting_attendances.meeting_id", "meeting_attendances.person_id",
	"meeting_speeches.meeting_id", "meeting_speeches.person_id",
	"meeting_decisions.meeting_id", "meeting_decisions.person_id", "meeting_decisions.dev_step_id",
	"meeting_attachments.meeting_id", "dues_bases.person_id", "dues_payments.person_id", "dues_reliefs.person_id",
	"training_attendances.course_id", "training_attendances.person_id", "training_rosters.person_id",
	"talks.talker_id", "talks.subject_id", "duty_tasks.owner_id", "duty_tasks.meeting_id",
	"work_items.owner_id", "problems.person_id", "problems.meeting_id", "problems.owner_id",
	"vanguard_posts.person_id", "appraisal_results.person_id", "record_attachments.record_id",
}

func TestEveryIDFieldIsClassified(t *testing.T) {
	db, err := openSQLiteFile(t.TempDir() + "/x.db")
	if err != nil {
		t.Fatal(err)
	}
	defer closeGorm(db)
	var shifted []string
	for _, m := range tablesToCopy() {
		stmt := &gorm.Statement{DB: db}
		if err := stmt.Parse(m); err != nil {
			t.Fatal(err)
		}
		for _, f := range idFields(stmt.Schema) {
			if !f.PrimaryKey {
				shifted = append(shifted, stmt.Schema.Table+"."+f.DBName)
			}
		}
		for _, f := range stmt.Schema.Fields {
			key := stmt.Schema.Table + "." + f.DBName
			known := slices.Contains(referenceColumns, key) || notReferences[key] || keptKeys[key] ||
				(f.PrimaryKey && f.AutoIncrement)
			if f.DBName != "" && isIDLike(f) && !known {
				t.Errorf("%s (%s.%s) looks like an id: list it in referenceColumns (a move up renumbers it) or in notReferences", key, stmt.Schema.Name, f.Name)
			}
		}
	}
	slices.Sort(shifted)
	want := slices.Sorted(slices.Values(referenceColumns))
	if !slices.Equal(shifted, want) {
		t.Errorf("a move shifts %v,\nwant the references %v", shifted, want)
	}
}

// The shift adds the offset to ids and references, leaves "no reference"
// (zero, nil) and the branch's own key alone, and does not touch the rows it
// copies (their pointers are shared).
func TestShiftedIDs(t *testing.T) {
	db, _ := openSQLiteFile(t.TempDir() + "/x.db")
	defer closeGorm(db)
	parse := func(m any) *gorm.Statement {
		stmt := &gorm.Statement{DB: db}
		if err := stmt.Parse(m); err != nil {
			t.Fatal(err)
		}
		return stmt
	}
	group := uint(3)
	people := []Person{{Model: Model{ID: 7}, GroupID: &group}, {Model: Model{ID: 8}}}
	got := shiftedIDs(parse(&Person{}).Schema, reflect.ValueOf(people), 1000).Interface().([]Person)
	if got[0].ID != 1007 || *got[0].GroupID != 1003 || got[1].ID != 1008 || got[1].GroupID != nil {
		t.Errorf("shifted people: %+v %v, %+v", got[0].Model, *got[0].GroupID, got[1].Model)
	}
	if people[0].ID != 7 || group != 3 {
		t.Errorf("the original rows changed: id %d, group %d", people[0].ID, group)
	}
	audit := []AuditEntry{{ID: 1, Entity: entityBranch, EntityID: 1}, {ID: 2, Entity: entityPerson, EntityID: 7},
		{ID: 3, Entity: "数据", EntityID: 0}}
	a := shiftedIDs(parse(&AuditEntry{}).Schema, reflect.ValueOf(audit), 1000).Interface().([]AuditEntry)
	if a[0].EntityID != 1 || a[1].EntityID != 1007 || a[2].EntityID != 0 || a[2].ID != 1003 {
		t.Errorf("shifted audit entries: %+v", a)
	}
	b := shiftedIDs(parse(&Branch{}).Schema, reflect.ValueOf([]Branch{{ID: 1}}), 1000).Interface().([]Branch)
	if b[0].ID != 1 {
		t.Errorf("the branch's own record became %d", b[0].ID)
	}
}
