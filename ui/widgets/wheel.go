package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Fyne gives the mouse wheel to the innermost scrollable thing under the
// pointer. Every entry scrolls its own text (a one-line entry sideways), so
// over 议题, 决议 or any field the wheel stalled and the form did not move
// (issue 13). FormEntry and FormSelectEntry therefore put a wheelPass
// between their own scroll and their text: a multi-line entry scrolls its
// text while the text can move and the form around it (the nearest scroll
// container holding the entry) once it cannot, as a browser does; a one-line
// entry always passes the wheel on.

// wheelPass is the text of a multi-line entry inside the entry's scroll.
type wheelPass struct {
	widget.BaseWidget
	content fyne.CanvasObject // the entry's text
	inner   *container.Scroll // the entry's own scroll
	entry   fyne.CanvasObject
	lines   bool // a multi-line entry: its text scrolls first
}

func newWheelPass(inner *container.Scroll, entry fyne.CanvasObject, multiLine bool) *wheelPass {
	w := &wheelPass{content: inner.Content, inner: inner, entry: entry, lines: multiLine}
	w.ExtendBaseWidget(w)
	return w
}

func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return &wheelPassRenderer{w: w}
}

func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	if w.lines {
		before := w.inner.Offset
		w.inner.Scrolled(ev)
		if w.inner.Offset != before {
			return
		}
	}
	if outer := scrollHolding(w.entry); outer != nil {
		outer.Scrolled(ev)
	}
}

type wheelPassRenderer struct{ w *wheelPass }

func (r *wheelPassRenderer) Layout(size fyne.Size) {
	r.w.content.Move(fyne.NewPos(0, 0))
	r.w.content.Resize(size)
}
func (r *wheelPassRenderer) MinSize() fyne.Size           { return r.w.content.MinSize() }
func (r *wheelPassRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.w.content} }
func (r *wheelPassRenderer) Refresh()                     { r.w.content.Refresh() }
func (r *wheelPassRenderer) Destroy()                     {}

// passWheel puts a wheelPass into the entry's renderer r (an entry that
// wraps or clips has its text inside a scroll).
func passWheel(r fyne.WidgetRenderer, entry fyne.CanvasObject, multiLine bool) {
	for _, o := range r.Objects() {
		if s, ok := o.(*container.Scroll); ok && s.Content != nil {
			if _, done := s.Content.(*wheelPass); !done {
				s.Content = newWheelPass(s, entry, multiLine)
			}
		}
	}
}

// scrollHolding is the innermost scroll container around o on o's canvas
// (the window content or a dialog), or nil.
func scrollHolding(o fyne.CanvasObject) *container.Scroll {
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil {
		return nil
	}
	for _, root := range append(c.Overlays().List(), c.Content()) {
		if s, found := scrollAround(root, o, nil); found {
			return s
		}
	}
	return nil
}

// scrollAround searches root for target and reports the innermost scroll
// container on the way (within is the one around root).
func scrollAround(root, target fyne.CanvasObject, within *container.Scroll) (*container.Scroll, bool) {
	if root == nil {
		return nil, false
	}
	if root == target {
		return within, true
	}
	if s, ok := root.(*container.Scroll); ok {
		within = s
	}
	for _, child := range Holds(root) {
		if s, found := scrollAround(child, target, within); found {
			return s, true
		}
	}
	return nil, false
}

// Holder is a widget of the screens that shows others through its own
// renderer, which a walk outside Fyne cannot reach: it names them (Holds).
type Holder interface{ Held() []fyne.CanvasObject }

// Holds are the objects inside o that screens put there: a container's
// objects, a scroll's content, the content of the container widgets, a
// pop-up's (a dialog's) content, a Holder's. (A widget's own renderer is
// not reachable outside Fyne.)
func Holds(o fyne.CanvasObject) []fyne.CanvasObject {
	switch c := o.(type) {
	case Holder:
		return c.Held()
	case *fyne.Container:
		return c.Objects
	case *container.Scroll:
		return []fyne.CanvasObject{c.Content}
	case *widget.PopUp:
		return []fyne.CanvasObject{c.Content}
	case *widget.Form:
		var out []fyne.CanvasObject
		for _, item := range c.Items {
			out = append(out, item.Widget)
		}
		return out
	case *container.AppTabs:
		return tabContents(c.Items)
	case *container.DocTabs:
		return tabContents(c.Items)
	case *widget.Card:
		return []fyne.CanvasObject{c.Content}
	case *widget.Accordion:
		var out []fyne.CanvasObject
		for _, item := range c.Items {
			out = append(out, item.Detail)
		}
		return out
	case *container.Split:
		return []fyne.CanvasObject{c.Leading, c.Trailing}
	}
	return nil
}

func tabContents(items []*container.TabItem) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, it := range items {
		out = append(out, it.Content)
	}
	return out
}
