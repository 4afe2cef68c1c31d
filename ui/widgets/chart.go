package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Bar is one bar of a small chart: its label, its share of the longest bar
// (0–1) and the number written beside it.
type Bar struct {
	Label string
	Share float32
	Text  string
}

// Shares turns counts into bars scaled to the largest count.
func Shares(labels []string, counts []int, text func(int) string) []Bar {
	most := 0
	for _, n := range counts {
		most = max(most, n)
	}
	bars := make([]Bar, len(labels))
	for i := range labels {
		bars[i] = Bar{Label: labels[i], Text: text(counts[i])}
		if most > 0 {
			bars[i].Share = float32(counts[i]) / float32(most)
		}
	}
	return bars
}

// chartLabelWidth is the width of a horizontal bar's label column.
const chartLabelWidth = 116

// HBarChart draws bars left to right, one row each (党员结构, the funnel),
// in the theme's primary colour. Text is the theme's foreground, so it
// keeps the contrast the theme test checks.
func HBarChart(bars []Bar) fyne.CanvasObject {
	rows := container.NewVBox()
	for _, b := range bars {
		rows.Add(Columns([]float32{chartLabelWidth}, TruncatedLabel(b.Label),
			container.NewBorder(nil, nil, nil, widget.NewLabel(b.Text), newBar(b.Share, false))))
	}
	return rows
}

// VBarChart draws bars bottom up, side by side, the label under each (三会一课
// by month); the text is written above the bar.
func VBarChart(bars []Bar, height float32) fyne.CanvasObject {
	cols := make([]fyne.CanvasObject, 0, len(bars))
	for _, b := range bars {
		value := canvas.NewText(b.Text, theme.Color(theme.ColorNameForeground))
		value.TextSize = theme.CaptionTextSize()
		value.Alignment = fyne.TextAlignCenter
		label := canvas.NewText(b.Label, theme.Color(theme.ColorNameForeground))
		label.TextSize = theme.CaptionTextSize()
		label.Alignment = fyne.TextAlignCenter
		space := canvas.NewRectangle(color.Transparent)
		space.SetMinSize(fyne.NewSize(0, height))
		cols = append(cols, container.NewBorder(value, label, nil, nil,
			container.NewStack(space, newBar(b.Share, true))))
	}
	return container.NewGridWithColumns(max(len(cols), 1), cols...)
}

// newBar is a filled bar taking share of its space, on a light track.
func newBar(share float32, vertical bool) fyne.CanvasObject {
	track := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	fill := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	return container.New(&barLayout{share: min(max(share, 0), 1), vertical: vertical}, track, fill)
}

type barLayout struct {
	share    float32
	vertical bool
}

func (l *barLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(16, 16) }

func (l *barLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	track, fill := objects[0], objects[1]
	if l.vertical {
		w := min(size.Width, 28)
		x := (size.Width - w) / 2
		track.Move(fyne.NewPos(x, 0))
		track.Resize(fyne.NewSize(w, size.Height))
		h := size.Height * l.share
		fill.Move(fyne.NewPos(x, size.Height-h))
		fill.Resize(fyne.NewSize(w, h))
		return
	}
	h := min(size.Height, 14)
	y := (size.Height - h) / 2
	track.Move(fyne.NewPos(0, y))
	track.Resize(fyne.NewSize(size.Width, h))
	fill.Move(fyne.NewPos(0, y))
	fill.Resize(fyne.NewSize(size.Width*l.share, h))
}

// FitGrid lays tiles out in as few rows as fit the width, spreading them
// evenly so no tile sits alone on a row (nine tiles at 1366 px: two rows of
// five and four, not eight and one).
func FitGrid(minTile fyne.Size, objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(&fitGrid{min: minTile}, objects...)
}

// WrapGrid is FitGrid for tiles of their own height (cards with charts): a
// tile is at least as wide as the widest tile needs, every row as tall as the
// tallest tile, and the tiles go onto more rows instead of widening the screen.
func WrapGrid(objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(&fitGrid{}, objects...)
}

type fitGrid struct {
	min   fyne.Size
	width float32
}

// columns is how many tiles at least tileWidth wide go on a row at width w.
func (g *fitGrid) columns(n int, tileWidth, w float32) int {
	if n == 0 {
		return 1
	}
	pad := theme.Padding()
	fit := max(int((w+pad)/(tileWidth+pad)), 1)
	if fit >= n {
		return n
	}
	rows := (n + fit - 1) / fit
	return (n + rows - 1) / rows
}

func (g *fitGrid) visible(objects []fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, o := range objects {
		if o.Visible() {
			out = append(out, o)
		}
	}
	return out
}

// tile is the size every tile gets at least: the fixed one of FitGrid, the
// largest tile's minimum of WrapGrid.
func (g *fitGrid) tile(objs []fyne.CanvasObject) fyne.Size {
	size := g.min
	if size.Height > 0 {
		return size
	}
	for _, o := range objs {
		size = size.Max(o.MinSize())
	}
	return size
}

func (g *fitGrid) MinSize(objects []fyne.CanvasObject) fyne.Size {
	objs := g.visible(objects)
	tile := g.tile(objs)
	w := g.width
	if w <= 0 {
		w = tile.Width * float32(len(objs))
	}
	cols := g.columns(len(objs), tile.Width, w)
	rows := (len(objs) + cols - 1) / cols
	pad := theme.Padding()
	return fyne.NewSize(tile.Width, float32(rows)*(tile.Height+pad)-pad)
}

func (g *fitGrid) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	g.width = size.Width
	objs := g.visible(objects)
	tile := g.tile(objs)
	cols := g.columns(len(objs), tile.Width, size.Width)
	pad := theme.Padding()
	w := (size.Width - float32(cols-1)*pad) / float32(cols)
	for i, o := range objs {
		r, c := i/cols, i%cols
		o.Move(fyne.NewPos(float32(c)*(w+pad), float32(r)*(tile.Height+pad)))
		o.Resize(fyne.NewSize(w, tile.Height))
	}
}
