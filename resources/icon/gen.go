//go:build ignore

// Command gen draws the application icon, resources/icon.png (512×512): a restrained red
// rounded square with a gold star above an open book. Our own design, no text, no official
// emblem. Standard library only; anti-aliased by supersampling.
//
//	go run resources/icon/gen.go [-o resources/icon.png]
package main

import (
	"flag"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

const (
	size = 512
	ss   = 4 // supersamples per axis
)

var (
	red      = rgb(0xC8, 0x10, 0x2E)
	redDark  = rgb(0xA8, 0x0A, 0x24)
	gold     = rgb(0xF4, 0xC4, 0x30)
	goldDeep = rgb(0xD9, 0xA0, 0x1C)
	paper    = rgb(0xFF, 0xFB, 0xF0)
	line     = rgb(0xF0, 0xC9, 0xC4)
)

type rgba struct{ r, g, b, a float64 }

func rgb(r, g, b uint8) rgba { return rgba{float64(r), float64(g), float64(b), 1} }

func mix(a, b rgba, t float64) rgba {
	return rgba{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t, a.a + (b.a-a.a)*t}
}

// A layer paints its colour wherever inside reports true; later layers cover earlier ones.
type layer struct {
	inside func(x, y float64) bool
	paint  func(x, y float64) rgba
}

func solid(c rgba) func(x, y float64) rgba { return func(x, y float64) rgba { return c } }

func roundedSquare(margin, radius float64) func(x, y float64) bool {
	lo, hi := margin, size-margin
	return func(x, y float64) bool {
		if x < lo || x > hi || y < lo || y > hi {
			return false
		}
		cx := math.Max(lo+radius, math.Min(x, hi-radius))
		cy := math.Max(lo+radius, math.Min(y, hi-radius))
		return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= radius*radius
	}
}

type pt struct{ x, y float64 }

// polygon uses the even-odd rule, enough for the convex and star shapes here.
func polygon(p []pt) func(x, y float64) bool {
	return func(x, y float64) bool {
		in := false
		for i, j := 0, len(p)-1; i < len(p); j, i = i, i+1 {
			a, b := p[i], p[j]
			if (a.y > y) != (b.y > y) && x < (b.x-a.x)*(y-a.y)/(b.y-a.y)+a.x {
				in = !in
			}
		}
		return in
	}
}

func star(cx, cy, outer, inner float64) []pt {
	var p []pt
	for i := 0; i < 10; i++ {
		r := outer
		if i%2 == 1 {
			r = inner
		}
		a := -math.Pi/2 + float64(i)*math.Pi/5
		p = append(p, pt{cx + r*math.Cos(a), cy + r*math.Sin(a)})
	}
	return p
}

// The open book: two pages whose top and bottom edges rise from the spine towards the
// outer corners in a gentle curve, like a book lying open and seen slightly from above.
const (
	spineX   = 256.0
	spineTop = 318.0 // top of the pages at the spine
	pageW    = 150.0 // width of one page
	pageH    = 104.0 // height of a page at the spine
	rise     = 26.0  // how much the outer corners rise above the spine
	gap      = 5.0   // half the gap at the spine
)

// edge gives the y of a page edge at horizontal distance d (0..pageW) from the spine.
func edge(base, d float64) float64 {
	t := d / pageW
	return base - rise*math.Sin(t*math.Pi/2)
}

func page(left bool, grow, drop float64) func(x, y float64) bool {
	return func(x, y float64) bool {
		d := x - spineX
		if left {
			d = -d
		}
		if d < gap-grow || d > pageW+grow {
			return false
		}
		dd := math.Max(d, 0)
		top := edge(spineTop, dd) - grow + drop
		bottom := edge(spineTop+pageH, dd) + grow + drop
		return y >= top && y <= bottom
	}
}

// pageLines draws a few text lines on a page, following the page curve.
func pageLines(left bool) func(x, y float64) bool {
	return func(x, y float64) bool {
		d := x - spineX
		if left {
			d = -d
		}
		if d < 26 || d > pageW-22 {
			return false
		}
		for i := 1; i <= 4; i++ {
			ly := edge(spineTop+float64(i)*pageH/5, d)
			// a short last line, like the end of a paragraph; text runs left to right, so
			// the line starts at the outer edge of the left page and at the spine of the right
			if i == 4 && ((left && d < pageW*0.45) || (!left && d > pageW*0.6)) {
				continue
			}
			if math.Abs(y-ly) <= 3.2 {
				return true
			}
		}
		return false
	}
}

func main() {
	out := flag.String("o", "resources/icon.png", "output PNG file")
	flag.Parse()

	layers := []layer{
		{roundedSquare(16, 100), func(x, y float64) rgba { // soft top-left to bottom-right shade
			return mix(red, redDark, math.Min(1, math.Max(0, (x+y-300)/900)))
		}},
		// the cover, a gold band showing under the pages
		{page(true, 9, 12), solid(goldDeep)},
		{page(false, 9, 12), solid(goldDeep)},
		{polygon([]pt{{spineX - 14, spineTop + pageH + 4}, {spineX + 14, spineTop + pageH + 4},
			{spineX + 10, spineTop + pageH + 28}, {spineX - 10, spineTop + pageH + 28}}), solid(goldDeep)},
		{page(true, 0, 0), solid(paper)},
		{page(false, 0, 0), solid(paper)},
		{pageLines(true), solid(line)},
		{pageLines(false), solid(line)},
		{polygon(star(256, 168, 108, 108*0.382)), func(x, y float64) rgba {
			return mix(gold, goldDeep, math.Min(1, math.Max(0, (y-90)/190)))
		}},
	}

	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var acc rgba
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := float64(px) + (float64(sx)+0.5)/ss
					y := float64(py) + (float64(sy)+0.5)/ss
					var c rgba
					for _, l := range layers {
						if l.inside(x, y) {
							c = l.paint(x, y)
						}
					}
					// accumulate premultiplied so transparent samples do not darken edges
					acc.r += c.r * c.a
					acc.g += c.g * c.a
					acc.b += c.b * c.a
					acc.a += c.a
				}
			}
			if acc.a == 0 {
				continue
			}
			img.SetNRGBA(px, py, color.NRGBA{
				R: uint8(math.Round(acc.r / acc.a)),
				G: uint8(math.Round(acc.g / acc.a)),
				B: uint8(math.Round(acc.b / acc.a)),
				A: uint8(math.Round(255 * acc.a / (ss * ss))),
			})
		}
	}

	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
