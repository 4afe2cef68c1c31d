//go:build ci

package ui

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"

	"partyoffice/data/demo"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/settings"
	"partyoffice/ui/uitest"
)

// exportSites opens, for each reports.Screen, the place in the window whose
// 导出 button offers that screen's exports. A screen of the navigation with
// the same title needs no entry; a section inside another screen does.
// 年度工作 is added by the yearly screens' own work (ScreenYear).
var exportSites = map[string]func(a *core.App) fyne.CanvasObject{
	reports.ScreenHandover: settings.NewSettingsScreen, // its 数据与备份 tab
}

// exportScreensNotYetInTheWindow are the reports.Screen values whose
// screens are built elsewhere; remove one when its screen is listed.
var exportScreensNotYetInTheWindow = map[string]bool{reports.ScreenYear: true}

// openExportSite shows the screen that offers screen's exports.
func openExportSite(t *testing.T, a *core.App, screen string) {
	t.Helper()
	if open, ok := exportSites[screen]; ok {
		uitest.Show(a, open(a))
		if screen == reports.ScreenHandover {
			uitest.SelectTab(t, a.Window.Canvas(), "数据与备份")
		}
		return
	}
	for _, s := range Shell().Screens {
		if s.Title == screen {
			uitest.Show(a, s.Build(a))
			return
		}
	}
	t.Fatalf("no screen %q in the navigation for its exports", screen)
}

// Every export of reports.Exports() is offered on the screen its Screen
// names, and writes its file from there (issue 9 §2: everything the
// command line exports, the window exports).
func TestEveryExportIsWrittenFromItsScreen(t *testing.T) {
	a := uitest.NewApp(t)
	if err := demo.Fill(a.Store, a.Today()); err != nil {
		t.Fatalf("demo: %v", err)
	}
	files := uitest.CatchExports(t)
	for _, e := range reports.Exports() {
		if exportScreensNotYetInTheWindow[e.Screen] {
			continue
		}
		t.Run(e.Verb, func(t *testing.T) {
			openExportSite(t, a, e.Screen)
			path := files.Export(t, a, e.Name)
			if st, err := os.Stat(path); err != nil || st.Size() == 0 {
				t.Fatalf("%s: no file written (%v)", e.Name, err)
			}
		})
	}
}
