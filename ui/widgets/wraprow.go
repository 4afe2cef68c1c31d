package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// WrapRow is a toolbar row that goes onto a second line where the window is
// too narrow for it (a 1024×768 screen), instead of making the window wider
// than the screen. It is as narrow as its widest item. A layout.Spacer takes
// the room left on its line, so what follows it sits at the right end, as in
// an HBox, while the line has room for it.
func WrapRow(objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(&wrapRow{}, objects...)
}

type wrapRow struct {
	width float32 // of the last layout: the lines depend on it
}

// line is the objects on one line and the room left on it.
type line struct {
	objects []fyne.CanvasObject
	spacers int
	left    float32
}

// lines breaks the visible objects into lines of at most width.
func (r *wrapRow) lines(objects []fyne.CanvasObject, width float32) []line {
	pad := theme.Padding()
	var out []line
	cur, x := line{}, float32(0)
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		if _, ok := o.(layout.SpacerObject); ok {
			cur.objects = append(cur.objects, o)
			cur.spacers++
			continue
		}
		w := o.MinSize().Width
		if x > 0 && x+pad+w > width {
			cur.left = width - x
			out = append(out, cur)
			cur, x = line{}, 0
		}
		if x > 0 {
			x += pad
		}
		x += w
		cur.objects = append(cur.objects, o)
	}
	cur.left = width - x
	return append(out, cur)
}

func (r *wrapRow) lineHeight(objects []fyne.CanvasObject) float32 {
	var h float32
	for _, o := range objects {
		if o.Visible() {
			h = max(h, o.MinSize().Height)
		}
	}
	return h
}

// MinSize is the widest item wide and, at the width of the last layout (one
// line before the first), as high as its lines.
func (r *wrapRow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var widest float32
	for _, o := range objects {
		if o.Visible() {
			widest = max(widest, o.MinSize().Width)
		}
	}
	n := 1
	if r.width > 0 {
		n = len(r.lines(objects, r.width))
	}
	h := r.lineHeight(objects)
	return fyne.NewSize(widest, float32(n)*h+float32(n-1)*theme.Padding())
}

func (r *wrapRow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	r.width = size.Width
	pad := theme.Padding()
	h := r.lineHeight(objects)
	for i, l := range r.lines(objects, size.Width) {
		x, y := float32(0), float32(i)*(h+pad)
		for _, o := range l.objects {
			w := o.MinSize().Width
			if _, ok := o.(layout.SpacerObject); ok {
				w = max(l.left, 0) / float32(l.spacers)
			} else if x > 0 {
				x += pad
			}
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(w, h))
			x += w
		}
	}
}
