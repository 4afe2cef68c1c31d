package core

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

func TestContrastRatioKnownValues(t *testing.T) {
	black, white := color.Black, color.White
	if r := ContrastRatio(black, white); r < 20.9 || r > 21.1 {
		t.Errorf("black on white = %.2f, want 21", r)
	}
	if r := ContrastRatio(color.NRGBA{0x76, 0x76, 0x76, 0xFF}, white); r < 4.5 || r > 4.6 {
		t.Errorf("#767676 on white = %.2f, want 4.54 (the well-known AA threshold grey)", r)
	}
	if r := ContrastRatio(color.NRGBA{0x88, 0x88, 0x88, 0xFF}, white); r >= MinContrast {
		t.Errorf("Fyne's old hint grey #888 on white = %.2f, should fail AA", r)
	}
}

// TestThemeTextAndControlsMeetAA checks every colour the widgets draw text
// or a control's outline in against every background it is drawn on.
func TestThemeTextAndControlsMeetAA(t *testing.T) {
	th := Theme{}
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, theme.VariantLight) }
	white := c(theme.ColorNameBackground)
	// The surfaces text sits on; a selection or hover is a tint over the background.
	surfaces := map[string]color.Color{
		"background":        white,
		"input background":  c(theme.ColorNameInputBackground),
		"button":            c(theme.ColorNameButton),
		"header background": c(theme.ColorNameHeaderBackground),
		"menu background":   c(theme.ColorNameMenuBackground),
		"overlay":           c(theme.ColorNameOverlayBackground),
		"selected row":      Blend(c(theme.ColorNameSelection), white),
		"hovered":           Blend(c(theme.ColorNameHover), white),
	}
	inks := map[string]fyne.ThemeColorName{
		"text":                        theme.ColorNameForeground,
		"hint (placeholder)":          theme.ColorNamePlaceHolder,
		"quiet label, disabled text":  theme.ColorNameDisabled,
		"check box and radio outline": theme.ColorNameInputBorder,
		"ticked check box, link":      theme.ColorNamePrimary,
		"danger label (overdue, 未完成)": theme.ColorNameError,
		"warning label (reminders)":   theme.ColorNameWarning,
		"success label (✓ 已完成)":       theme.ColorNameSuccess,
	}
	for inkName, ink := range inks {
		for surfName, surf := range surfaces {
			if r := ContrastRatio(c(ink), surf); r < MinContrast {
				t.Errorf("%s on %s: %.2f:1, want ≥ %.1f:1", inkName, surfName, r, MinContrast)
			}
		}
	}
	// Text on the coloured buttons (HighImportance, DangerImportance …).
	onColour := map[fyne.ThemeColorName]fyne.ThemeColorName{
		theme.ColorNamePrimary: theme.ColorNameForegroundOnPrimary,
		theme.ColorNameError:   theme.ColorNameForegroundOnError,
		theme.ColorNameWarning: theme.ColorNameForegroundOnWarning,
		theme.ColorNameSuccess: theme.ColorNameForegroundOnSuccess,
	}
	for bg, fg := range onColour {
		if r := ContrastRatio(c(fg), c(bg)); r < MinContrast {
			t.Errorf("%s on %s: %.2f:1, want ≥ %.1f:1", fg, bg, r, MinContrast)
		}
	}
}
