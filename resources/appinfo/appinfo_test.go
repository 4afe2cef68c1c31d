package appinfo

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// TestGeneratedFromFyneAppToml fails when FyneApp.toml was edited without
// `go generate ./resources/appinfo` (make build runs it).
func TestGeneratedFromFyneAppToml(t *testing.T) {
	var f struct {
		Details struct{ Name, ID, Version string }
	}
	if _, err := toml.DecodeFile("../../FyneApp.toml", &f); err != nil {
		t.Fatal(err)
	}
	d := f.Details
	if d.Name != Name || d.ID != ID || d.Version != Version {
		t.Errorf("appinfo.go says %q %q %q, FyneApp.toml says %q %q %q: run go generate ./resources/appinfo",
			Name, ID, Version, d.Name, d.ID, d.Version)
	}
}
