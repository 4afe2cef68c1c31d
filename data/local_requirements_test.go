package data

import "testing"

// A new branch starts with the national rules only; a branch set up before
// the setting existed keeps the local requirements; the switch is stored.
func TestLocalRequirementsSetting(t *testing.T) {
	s := openTemp(t)
	if err := s.SaveBranch(Branch{Name: "测试小学党支部"}); err != nil {
		t.Fatal(err)
	}
	if s.LocalRequirements() {
		t.Error("a new branch should start with the national rules only")
	}
	if d, _ := s.LoadDevData(); !d.NationalOnly {
		t.Error("LoadDevData does not say national only")
	}
	if err := s.SetLocalRequirements(true); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveBranch(Branch{Name: "测试小学党支部", Secretary: "王书记"}); err != nil {
		t.Fatal(err)
	}
	if !s.LocalRequirements() {
		t.Error("saving the branch again switched the local requirements off")
	}
	if d, _ := s.LoadDevData(); d.NationalOnly {
		t.Error("LoadDevData does not see the local requirements on")
	}
	// A branch set up before the setting existed: no value stored.
	if err := s.SetSetting(settingLocalRequirements, ""); err != nil {
		t.Fatal(err)
	}
	if !s.LocalRequirements() {
		t.Error("an existing branch keeps the local requirements it had")
	}
}

func TestNationalOnlySettings(t *testing.T) {
	ms := DefaultMeetingSettings()
	nat := ms.NationalOnly()
	for _, r := range nat.Types {
		if r.Local && r.Required() {
			t.Errorf("%s is local yet required", r.Type)
		}
		if !r.Local && !r.Required() && ms.TypeRule(r.Type).Required() {
			t.Errorf("%s is national yet no longer required", r.Type)
		}
	}
	if nat.ListenPerSemester != 0 || nat.TeachHoursPerSemester != 0 {
		t.Error("思政课 targets are local")
	}
	if !ms.TypeRule(TypeIdeology).Required() {
		t.Error("NationalOnly changed the original settings")
	}
}

func TestSettingsAreNamedInChineseInTheAuditLog(t *testing.T) {
	s := openTemp(t)
	if err := s.SetLocalRequirements(false); err != nil {
		t.Fatal(err)
	}
	entries, _, err := s.SearchAudit(AuditQuery{Entity: "设置", Limit: 1})
	if err != nil || len(entries) != 1 {
		t.Fatalf("audit: %v %v", entries, err)
	}
	if got := entries[0].Summary; got != "设置 区/市本地要求" {
		t.Errorf("summary = %q", got)
	}
}
