package core

import (
	"image/color"
	"math"
)

// MinContrast is WCAG AA's least contrast ratio for normal text; the app
// asks it of controls too (check box and radio outlines, legends).
const MinContrast = 4.5

// ContrastRatio is the WCAG 2 contrast ratio of two colours (1 to 21). A
// translucent fg is first blended onto bg, as the screen shows it; bg is
// taken as opaque.
func ContrastRatio(fg, bg color.Color) float64 {
	f, b := blend(fg, bg), opaque(bg)
	l1, l2 := luminance(f), luminance(b)
	if l1 < l2 {
		l1, l2 = l2, l1
	}
	return (l1 + 0.05) / (l2 + 0.05)
}

// Blend is fg painted over an opaque bg: what a translucent colour (a
// selection tint, a hover) looks like on screen.
func Blend(fg, bg color.Color) color.NRGBA { return blend(fg, bg) }

func blend(fg, bg color.Color) color.NRGBA {
	f := color.NRGBAModel.Convert(fg).(color.NRGBA)
	b := opaque(bg)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xFF}
}

func opaque(c color.Color) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = 0xFF
	return n
}

// luminance is the relative luminance of an sRGB colour.
func luminance(c color.NRGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}
