// Package partyoffice holds what the whole program knows about itself: the
// name and version of FyneApp.toml, the single source that `fyne package`
// also reads when it writes the Windows file properties and the Linux
// .desktop file (see Makefile, target dist).
package partyoffice

import (
	_ "embed"
	"fmt"

	"github.com/BurntSushi/toml"
)

//go:embed FyneApp.toml
var fyneApp []byte

// Info is the [Details] table of FyneApp.toml.
type Info struct {
	Name    string
	ID      string
	Version string
	Build   int
}

// App is the program's FyneApp.toml, read once at start.
var App = mustParse(fyneApp)

func mustParse(b []byte) Info {
	var f struct{ Details Info }
	if _, err := toml.Decode(string(b), &f); err != nil || f.Details.Version == "" {
		panic(fmt.Sprintf("FyneApp.toml: no [Details] Version (%v)", err)) // a build defect, caught by every test
	}
	return f.Details
}
