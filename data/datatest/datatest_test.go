package datatest

import (
	"testing"

	"partyoffice/data"
	"partyoffice/data/idcard"
)

// The builders make records the store accepts as they are.
func TestBuildersMakeStorableRecords(t *testing.T) {
	s := Store(t)
	if s.Today() != Today {
		t.Fatalf("store clock %s, want %s", s.Today(), Today)
	}
	id := IDNumber("19800315", 11)
	if _, err := idcard.Read(id); err != nil {
		t.Fatalf("IDNumber %s: %v", id, err)
	}
	ids := Create(t, s, Member("甲", id), Member("乙", IDNumber("19850101", 12)))
	if len(ids) != 2 || ids[0] == 0 {
		t.Fatalf("ids %v", ids)
	}
	m := Meeting(t, s, Day("2026-06-01"), nil, data.TypeMembersMeeting)
	if err := s.SaveMeeting(&m); err != nil {
		t.Fatalf("meeting: %v", err)
	}
	st := Step(data.StepApply, Day("2026-03-01"))
	st.PersonID = ids[0]
	if st.Step != data.StepApply || !st.Date.Equal(Day("2026-03-01")) {
		t.Errorf("step %+v", st)
	}
	if n := len(Step(data.StepTalk, Today, "甲").People); n != 1 {
		t.Errorf("step people: %d", n)
	}
}

func TestFolderHoldsTheBranchAndPeople(t *testing.T) {
	s := StoreIn(t, Folder(t, "甲", "乙"))
	b, _ := s.Branch()
	if n, _ := s.CountPeople(); n != 2 || b.Name != BranchName {
		t.Errorf("folder: %d people, branch %q", n, b.Name)
	}
}
