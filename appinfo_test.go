package partyoffice

import "testing"

func TestAppInfoReadsFyneAppToml(t *testing.T) {
	if App.Name != "党支部工作台" || App.ID != "cn.partyoffice.desktop" || App.Version == "" {
		t.Fatalf("FyneApp.toml read as %+v", App)
	}
}

func TestMustParseRefusesATomlWithoutVersion(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("no panic for a toml without Version")
		}
	}()
	mustParse([]byte("[Details]\n  Name = \"x\"\n"))
}
