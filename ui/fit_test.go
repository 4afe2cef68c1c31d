//go:build ci

package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

// fitArea is what the main window's content may need: a 1024×768 screen less
// the taskbar, the window's title bar and its menu bar. School office PCs
// still have 1024×768 and 1366×768 monitors; a window whose content needs more
// cannot shrink to the screen and its right edge (立即备份) is cut off.
var fitArea = fyne.NewSize(1000, 660)

func TestEveryScreenAndTabFitsA1024x768Screen(t *testing.T) {
	a := uitest.NewDemoApp(t)
	m := core.NewMainContent(a, Shell().Screens)
	content := m.Object()
	uitest.Show(a, content)
	for i, e := range Shell().Screens {
		m.Nav.Select(i)
		uitest.EachTab(m.Screens[i], func(tab string) {
			name := e.Title
			if tab != "" {
				name += " › " + tab
			}
			got := content.MinSize()
			if got.Width > fitArea.Width {
				t.Errorf("%s needs %.0f wide, more than %.0f; too wide: %s", name, got.Width, fitArea.Width,
					uitest.WidestPath(content, fitArea.Width))
			}
			if got.Height > fitArea.Height {
				t.Errorf("%s needs %.0f high, more than %.0f; too high: %s", name, got.Height, fitArea.Height,
					uitest.TallestPath(content, fitArea.Height))
			}
			t.Logf("%s: %.0f×%.0f", name, got.Width, got.Height)
		})
	}
}
