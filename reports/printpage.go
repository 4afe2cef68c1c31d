package reports

import (
	"bufio"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"partyoffice/resources/fonts"
)

// A printed page drawn as a PNG at 150 dpi, A4 portrait (the 工作流程图 and
// the 一次性告知单): every office PC prints an image at its size, with the
// bundled font, whatever fonts it has.

const (
	pageW, pageH = 1240, 1754 // A4 at 150 dpi
	pageMargin   = 90
)

var (
	inkBlack = color.RGBA{0x20, 0x20, 0x20, 0xff}
	inkRed   = color.RGBA{0xb0, 0x1e, 0x23, 0xff}
	inkGrey  = color.RGBA{0x66, 0x66, 0x66, 0xff}
	fillPale = color.RGBA{0xfb, 0xf1, 0xf0, 0xff}
)

// page is an A4 image being drawn.
type page struct {
	img         *image.RGBA
	faces       map[string]font.Face
	regular     *opentype.Font
	bold        *opentype.Font
	missingRune []rune // characters the bundled font lacks
}

func newPage() (*page, error) {
	regular, err := opentype.Parse(fonts.Regular)
	if err != nil {
		return nil, fmt.Errorf("读取内置字体失败：%w", err)
	}
	bold, err := opentype.Parse(fonts.Bold)
	if err != nil {
		return nil, fmt.Errorf("读取内置字体失败：%w", err)
	}
	p := &page{img: image.NewRGBA(image.Rect(0, 0, pageW, pageH)), faces: map[string]font.Face{}, regular: regular, bold: bold}
	draw.Draw(p.img, p.img.Bounds(), image.White, image.Point{}, draw.Src)
	return p, nil
}

// face is the font at a size in points (150 dpi).
func (p *page) face(size float64, bold bool) font.Face {
	key := fmt.Sprint(size, bold)
	if f, ok := p.faces[key]; ok {
		return f
	}
	src := p.regular
	if bold {
		src = p.bold
	}
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 150, Hinting: font.HintingFull})
	if err != nil {
		panic(err) // the embedded font parsed above; sizes are constants
	}
	p.faces[key] = f
	return f
}

// text draws s with its baseline at (x, y) and returns its width.
func (p *page) text(s string, x, y int, size float64, bold bool, c color.Color) int {
	f := p.face(size, bold)
	for _, r := range s {
		if _, ok := f.GlyphAdvance(r); !ok {
			p.missingRune = append(p.missingRune, r)
		}
	}
	d := font.Drawer{Dst: p.img, Src: image.NewUniform(c), Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
	return d.Dot.X.Round() - x
}

func (p *page) width(s string, size float64, bold bool) int {
	return font.MeasureString(p.face(size, bold), s).Round()
}

// centred draws s centred on x.
func (p *page) centred(s string, x, y int, size float64, bold bool, c color.Color) {
	p.text(s, x-p.width(s, size, bold)/2, y, size, bold, c)
}

// wrap breaks s into lines no wider than w (Chinese breaks anywhere).
func (p *page) wrap(s string, w int, size float64) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, r := range para {
			if p.width(line+string(r), size, false) > w && line != "" {
				lines = append(lines, line)
				line = ""
			}
			line += string(r)
		}
		lines = append(lines, line)
	}
	return lines
}

func (p *page) fill(r image.Rectangle, c color.Color) {
	draw.Draw(p.img, r, image.NewUniform(c), image.Point{}, draw.Src)
}

// box draws a rectangle outline of the given thickness.
func (p *page) box(r image.Rectangle, thick int, c color.Color) {
	p.fill(image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+thick), c)
	p.fill(image.Rect(r.Min.X, r.Max.Y-thick, r.Max.X, r.Max.Y), c)
	p.fill(image.Rect(r.Min.X, r.Min.Y, r.Min.X+thick, r.Max.Y), c)
	p.fill(image.Rect(r.Max.X-thick, r.Min.Y, r.Max.X, r.Max.Y), c)
}

// arrowDown draws a vertical arrow from (x, y0) to (x, y1).
func (p *page) arrowDown(x, y0, y1 int, c color.Color) {
	p.fill(image.Rect(x-1, y0, x+2, y1-6), c)
	for i := 0; i < 8; i++ { // the head: a small filled triangle
		p.fill(image.Rect(x-8+i, y1-8+i, x+9-i, y1-7+i), c)
	}
}

// save writes the page as PNG, atomically; a character the font lacks is
// an error rather than a blank box on paper.
func (p *page) save(path string) error {
	if !strings.EqualFold(filepath.Ext(path), ".png") {
		return fmt.Errorf("图片文件名应以 .png 结尾（现在是“%s”）", filepath.Base(path))
	}
	if len(p.missingRune) > 0 {
		return fmt.Errorf("内置字体缺少这些字：%s，请改用常用字或更新字体（make font）", string(p.missingRune))
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".page-*.png")
	if err != nil {
		return writeError(dir, err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(w, p.img)
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return writeError(dir, err)
	}
	return nil
}
