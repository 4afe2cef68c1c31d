//go:build !ci || !migrated_fynedo

package ui

import "testing"

// The UI tests drive real screens on Fyne's software test driver (tag ci: no
// display, no OpenGL) with Fyne's threading model (tag migrated_fynedo), so a
// plain `go test ./...` compiles none of them. Say so instead of passing
// silently. See docs/ARCHITECTURE.md, "Build tags".
func TestUITestsNeedTheirBuildTags(t *testing.T) {
	t.Fatal("the UI tests (ui/...) did not run: they need the build tags ci and migrated_fynedo:\n" +
		"\tgo test -tags ci,migrated_fynedo ./...\n(or make test)")
}
