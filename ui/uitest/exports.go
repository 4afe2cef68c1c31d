//go:build ci

package uitest

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/reports"
	"partyoffice/ui/core"
)

// ExportCatcher answers every export's save dialog with a file in a
// temporary folder, under the suggested name, and hears when it is written.
type ExportCatcher struct {
	Dir  string
	done chan exportResult
}

type exportResult struct {
	path string
	err  error
}

// CatchExports replaces the export save dialog for the test.
func CatchExports(t *testing.T) *ExportCatcher {
	c := &ExportCatcher{Dir: t.TempDir(), done: make(chan exportResult, 1)}
	choose, written := core.ChooseExportFile, core.ExportWritten
	core.ChooseExportFile = func(_ *core.App, suggested, _ string, then func(string)) {
		then(filepath.Join(c.Dir, suggested))
	}
	core.ExportWritten = func(path string, err error) { c.done <- exportResult{path, err} }
	t.Cleanup(func() { core.ChooseExportFile, core.ExportWritten = choose, written })
	return c
}

// exportWait bounds a hung export so the test fails instead of hanging; it
// measures nothing.
const exportWait = 2 * time.Minute

// Wait is the path of the next export written; an export that failed fails the test.
func (c *ExportCatcher) Wait(t *testing.T) string {
	t.Helper()
	select {
	case r := <-c.done:
		if r.err != nil {
			t.Fatalf("export %s: %v", filepath.Base(r.path), r.err)
		}
		return r.path
	case <-time.After(exportWait):
		t.Fatal("the export never finished")
		return ""
	}
}

// Export opens the export named name from the screen's 导出 menu, accepts
// its options as offered and waits for the file.
func (c *ExportCatcher) Export(t *testing.T, a *core.App, name string) string {
	t.Helper()
	cv := a.Window.Canvas()
	if HasText(cv, "导出"+name+"…") { // a screen with this one export
		TapButton(t, cv, "导出"+name+"…")
	} else {
		TapButton(t, cv, "导出")
		if !TapMenuItem(cv, name+"…") {
			t.Fatalf("no %q in the 导出 menu; shown: %q", name, ShownTexts(cv))
		}
	}
	// An export without options starts writing at once: the window is
	// not looked at again until it is done (the writing updates it).
	if exportHasOptions(name) {
		TapButton(t, cv, "选择保存位置…")
	}
	path := c.Wait(t)
	dismissTop(cv)
	return path
}

func exportHasOptions(name string) bool {
	for _, e := range reports.Exports() {
		if e.Name == name {
			return len(e.Options) > 0
		}
	}
	return false
}

// TapMenuItem taps the pop-up menu item showing text (the smallest tappable
// holding it: the pop-up itself is tappable too, and closes); false when
// none shows it.
func TapMenuItem(c fyne.Canvas, text string) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	var best fyne.Tappable
	bestSize := 0
	for _, o := range VisibleObjects(top) {
		item, ok := o.(fyne.Tappable)
		if _, isButton := o.(*widget.Button); !ok || isButton {
			continue
		}
		inside := VisibleObjects(o)
		for _, x := range inside {
			if x != o && textOfObject(x) == text && (best == nil || len(inside) < bestSize) {
				best, bestSize = item, len(inside)
			}
		}
	}
	if best != nil {
		test.Tap(best)
	}
	return best != nil
}

// dismissTop closes the topmost dialog (the 已导出到 message).
func dismissTop(c fyne.Canvas) {
	if top := c.Overlays().Top(); top != nil {
		c.Overlays().Remove(top)
	}
}

// CatchPreviews hands over every import preview shown during the test.
func CatchPreviews(t *testing.T) <-chan *core.ImportDialog {
	ch := make(chan *core.ImportDialog, 4)
	old := core.PreviewShown
	core.PreviewShown = func(d *core.ImportDialog) { ch <- d }
	t.Cleanup(func() { core.PreviewShown = old })
	return ch
}

// WaitForPreview is the next preview shown.
func WaitForPreview(t *testing.T, previews <-chan *core.ImportDialog) *core.ImportDialog {
	t.Helper()
	select {
	case d := <-previews:
		return d
	case <-time.After(exportWait):
		t.Fatal("no import preview was shown")
		return nil
	}
}
