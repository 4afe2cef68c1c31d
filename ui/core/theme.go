package core

import (
	"image/color"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"partyoffice/resources"
)

// Theme is the application theme: Fyne's default theme in its light variant (the office
// prints what it sees, and a light screen matches the paper), the bundled Chinese font for
// every text style so no machine shows boxes, a slightly larger text size (hanzi at 14 px
// are hard to read on an old office monitor) and a restrained red as the primary colour.
//
// The zero value is ready to use: app.Settings().SetTheme(ui.Theme{}).
type Theme struct{}

var _ fyne.Theme = Theme{}

var (
	// PrimaryRed is the primary colour (#C8102E).
	PrimaryRed = color.NRGBA{R: 0xC8, G: 0x10, B: 0x2E, A: 0xFF}

	colorForeground = color.NRGBA{R: 0x26, G: 0x26, B: 0x26, A: 0xFF} // darker than Fyne's #565656: legible print-like text
	colorFocus      = color.NRGBA{R: 0xC8, G: 0x10, B: 0x2E, A: 0x66}
	colorSelection  = color.NRGBA{R: 0xC8, G: 0x10, B: 0x2E, A: 0x1C} // light enough for coloured text on a selected row
	colorSuccess    = color.NRGBA{R: 0x1E, G: 0x6B, B: 0x24, A: 0xFF} // Fyne's #43F436 is too loud for an office

	// Fyne's light palette puts hints (#888), quiet labels and disabled text
	// (#E3E3E3), check box and radio outlines (#E3E3E3), warnings (#FF9800)
	// and errors (#F44336) below the 4.5:1 contrast WCAG AA asks of text
	// against white or the input grey. These are the darkest shades that
	// still read as "secondary", "amber" and "red"; theme_contrast_test.go
	// checks every pair.
	colorPlaceholder = color.NRGBA{R: 0x5E, G: 0x5E, B: 0x5E, A: 0xFF}
	colorDisabled    = color.NRGBA{R: 0x62, G: 0x62, B: 0x62, A: 0xFF}
	colorInputBorder = color.NRGBA{R: 0x66, G: 0x66, B: 0x66, A: 0xFF}
	colorWarning     = color.NRGBA{R: 0x94, G: 0x4A, B: 0x00, A: 0xFF}
	colorError       = color.NRGBA{R: 0xB7, G: 0x1C, B: 0x1C, A: 0xFF}
)

// Color returns the light variant of every colour, whatever the OS prefers.
func (Theme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return PrimaryRed
	case theme.ColorNameForegroundOnPrimary:
		return color.White
	case theme.ColorNameFocus:
		return colorFocus
	case theme.ColorNameSelection:
		return colorSelection
	case theme.ColorNameForeground:
		return colorForeground
	case theme.ColorNameSuccess:
		return colorSuccess
	case theme.ColorNamePlaceHolder:
		return colorPlaceholder
	case theme.ColorNameDisabled:
		return colorDisabled
	case theme.ColorNameInputBorder:
		return colorInputBorder
	case theme.ColorNameWarning:
		return colorWarning
	case theme.ColorNameError:
		return colorError
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

// Font returns the bundled Noto Sans CJK SC subset. Italic has no Chinese form, so it uses
// the upright face; monospace text (rare here) also uses it, because the default monospace
// font has no hanzi. Only the symbol font (menu shortcut signs) stays Fyne's own.
func (Theme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	if s.Bold {
		return resources.FontBold
	}
	return resources.FontRegular
}

func (Theme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(n)
}

// Size makes text one point larger than Fyne's default (14 → 15, captions 11 → 12).
func (Theme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return 15
	case theme.SizeNameCaptionText:
		return 12
	}
	return theme.DefaultTheme().Size(n)
}

// UseChinese makes Fyne's built-in texts (取消, 确定, 保存, 打开, 是, 否, weekday names …)
// Chinese whatever the OS language is. Fyne picks a translation from the OS locale, so the
// Chinese table is registered under that locale as well as under "en" (the fallback) and the
// Chinese tags. Call it before building any window; later calls do nothing.
func UseChinese() { useChineseOnce.Do(useChinese) }

var useChineseOnce sync.Once

func useChinese() {
	sys := lang.SystemLocale()
	locales := []string{"en", "zh", "zh-Hans", "zh-CN", sys.String(), sys.LanguageString()}
	if base, _, _ := strings.Cut(sys.String(), "-"); base != "" {
		locales = append(locales, base)
	}
	seen := map[string]bool{}
	for _, l := range locales {
		if l == "" || seen[l] {
			continue
		}
		seen[l] = true
		if err := lang.AddTranslationsForLocale(resources.ZhHans, fyne.Locale(l)); err != nil {
			fyne.LogError("registering Chinese translations for locale "+l, err)
		}
	}
}
