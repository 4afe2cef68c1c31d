//go:build !ci

package main

import "testing"

// The start-up window tests (gui_test.go, gui_startup_test.go) build only
// with -tags ci, Fyne's software driver. A plain `go test` must not pass
// quietly without them.
func TestNeedsTheCITag(t *testing.T) {
	t.Fatal("the window tests of this package did not run: use go test -tags ci,migrated_fynedo (or make test); see docs/ARCHITECTURE.md#build-tags")
}
