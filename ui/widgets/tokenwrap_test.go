//go:build ci

package widgets_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"partyoffice/ui/uitest"
	"partyoffice/ui/widgets"
)

// At any width, dates stay whole on one line and no line starts with a
// closing mark or ends with an opening one (issue 13: "19|90-03-07", a lone "）").
func TestTokenWrapKeepsDatesAndMarksTogether(t *testing.T) {
	a := uitest.NewApp(t)
	text := "2026-09-05 确定为发展对象时，确定为入党积极分子（2025-10-10）还不满一年，最早应为 2026-10-10（依据：细则第十三条）"
	w := widgets.NewTokenWrap(&widget.TextSegment{Text: text, Style: widget.RichTextStyleInline})
	uitest.Show(a, w)
	dates := []string{"2026-09-05", "2025-10-10", "2026-10-10"}
	for width := float32(90); width < 700; width += 7 {
		w.Resize(fyne.NewSize(width, 400))
		shown := uitest.RichTextOf(w)
		squeeze := strings.NewReplacer("\n", "", " ", "") // a space may go at a line break
		if squeeze.Replace(shown) != squeeze.Replace(text) {
			t.Fatalf("width %.0f: the text changed: %q", width, shown)
		}
		lines := strings.Split(shown, "\n")
		for _, d := range dates {
			whole := false
			for _, l := range lines {
				whole = whole || strings.Contains(l, d)
			}
			if !whole {
				t.Errorf("width %.0f: %s is split: %q", width, d, lines)
			}
		}
		for _, l := range lines[1:] {
			if strings.HasPrefix(l, "）") || strings.HasPrefix(l, "，") {
				t.Errorf("width %.0f: a line starts with a closing mark: %q", width, l)
			}
		}
		for _, l := range lines {
			if strings.HasSuffix(l, "（") {
				t.Errorf("width %.0f: a line ends with an opening mark: %q", width, l)
			}
		}
	}
	if w.Resize(fyne.NewSize(300, 400)); strings.Count(uitest.RichTextOf(w), "\n") == 0 {
		t.Error("at 300 px the long text was not wrapped")
	}
}
