package core

import (
	"fyne.io/fyne/v2"
)

// The main window opens maximised the first time (Fyne 2.7 has no call for it;
// the platform does it, see window_native*.go), and afterwards as it was left:
// size, position and maximised state, kept in the app's preferences. A window
// remembered on a monitor since unplugged comes back on one that is there.

// Rect is a rectangle on the screen in the platform's pixels.
type Rect struct{ X, Y, W, H int }

func (r Rect) empty() bool { return r.W <= 0 || r.H <= 0 }

// overlap is the area r and o share.
func (r Rect) overlap(o Rect) int {
	w := min(r.X+r.W, o.X+o.W) - max(r.X, o.X)
	h := min(r.Y+r.H, o.Y+o.H) - max(r.Y, o.Y)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

// WindowState is how the main window was left.
type WindowState struct {
	// Size is the content size in Fyne units (what Window.Resize takes).
	Size fyne.Size
	// Normal is the window's rectangle when not maximised, in screen pixels;
	// empty where the platform does not tell (Fyne itself has no window position).
	Normal    Rect
	Maximised bool
}

// Saved tells whether there is a state to restore (false on the first start).
func (s WindowState) Saved() bool { return s.Size.Width > 0 && s.Size.Height > 0 }

// FallbackWindowSize is the size when nothing better is known: it fits a
// 1366×768 screen with a taskbar (≈40 px) and a title bar (≈30 px).
var FallbackWindowSize = fyne.NewSize(1320, 660)

// minWindowSize is the smallest size restored; anything smaller was a mistake
// and would hide the navigation.
var minWindowSize = fyne.NewSize(800, 500)

const (
	prefWindowWidth     = "window.width"
	prefWindowHeight    = "window.height"
	prefWindowX         = "window.x"
	prefWindowY         = "window.y"
	prefWindowNormalW   = "window.normalWidth"
	prefWindowNormalH   = "window.normalHeight"
	prefWindowMaximised = "window.maximised"
)

// LoadWindowState reads the remembered state; a zero state when there is none.
func LoadWindowState(p fyne.Preferences) WindowState {
	return WindowState{
		Size: fyne.NewSize(float32(p.Float(prefWindowWidth)), float32(p.Float(prefWindowHeight))),
		Normal: Rect{X: p.Int(prefWindowX), Y: p.Int(prefWindowY),
			W: p.Int(prefWindowNormalW), H: p.Int(prefWindowNormalH)},
		Maximised: p.Bool(prefWindowMaximised),
	}
}

// SaveWindowState remembers s for the next start.
func SaveWindowState(p fyne.Preferences, s WindowState) {
	if !s.Saved() {
		return
	}
	p.SetFloat(prefWindowWidth, float64(s.Size.Width))
	p.SetFloat(prefWindowHeight, float64(s.Size.Height))
	p.SetInt(prefWindowX, s.Normal.X)
	p.SetInt(prefWindowY, s.Normal.Y)
	p.SetInt(prefWindowNormalW, s.Normal.W)
	p.SetInt(prefWindowNormalH, s.Normal.H)
	p.SetBool(prefWindowMaximised, s.Maximised)
}

// StartSize is the size the window is given before it is shown: the
// remembered one (never below minWindowSize), else the fallback.
func StartSize(s WindowState) fyne.Size {
	if !s.Saved() {
		return FallbackWindowSize
	}
	return fyne.NewSize(max(s.Size.Width, minWindowSize.Width), max(s.Size.Height, minWindowSize.Height))
}

// FitSize shrinks size to what fits in work (both in Fyne units), keeping
// room for the window frame.
func FitSize(size, work fyne.Size) fyne.Size {
	if work.Width <= 0 || work.Height <= 0 {
		return size
	}
	return fyne.NewSize(min(size.Width, work.Width-frameWidth), min(size.Height, work.Height-frameHeight))
}

// The window frame around the content (title bar, borders), roughly, in
// Fyne units: what the work area must hold beyond the content.
const (
	frameWidth  = 16
	frameHeight = 40
)

// WorkAreaSize is the content size that fills a work area (Fyne units).
func WorkAreaSize(work fyne.Size) fyne.Size {
	return fyne.NewSize(work.Width-frameWidth, work.Height-frameHeight)
}

// NearestArea is the work area r overlaps most; the first (the primary
// screen) when r overlaps none, e.g. its monitor has been unplugged.
func NearestArea(r Rect, areas []Rect) Rect {
	best, most := Rect{}, 0
	for _, a := range areas {
		if n := r.overlap(a); n > most {
			best, most = a, n
		}
	}
	if most == 0 && len(areas) > 0 {
		return areas[0]
	}
	return best
}

// FitRect keeps r wholly on work: no larger than it and moved inside. An
// empty work area leaves r as it is.
func FitRect(r, work Rect) Rect {
	if work.empty() {
		return r
	}
	r.W, r.H = min(r.W, work.W), min(r.H, work.H)
	r.X = min(max(r.X, work.X), work.X+work.W-r.W)
	r.Y = min(max(r.Y, work.Y), work.Y+work.H-r.H)
	return r
}

// PlaceRect is where a remembered normal rectangle goes among the work areas
// present now: on the area it overlaps most, fitted into it.
func PlaceRect(r Rect, areas []Rect) Rect {
	return FitRect(r, NearestArea(r, areas))
}

// windowTracker keeps the window's state in the preferences as it changes:
// on every resize of the content (Fyne tells nothing else) and on close.
type windowTracker struct {
	w     fyne.Window
	prefs fyne.Preferences
	last  fyne.Size
}

// rememberWindowState makes w save its state from now on.
func rememberWindowState(w fyne.Window, prefs fyne.Preferences) *windowTracker {
	t := &windowTracker{w: w, prefs: prefs}
	w.SetOnClosed(t.save)
	return t
}

// save writes the current state: the content size from Fyne, position and
// maximised state from the platform where it tells them.
func (t *windowTracker) save() {
	s := LoadWindowState(t.prefs)
	size := t.w.Canvas().Size()
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	native, ok := nativeState(t.w)
	s.Maximised = ok && native.Maximised
	if ok && !native.Normal.empty() {
		s.Normal = native.Normal
	}
	if !s.Maximised || !s.Saved() {
		s.Size = size // a maximised size is not the size to restore to
	}
	SaveWindowState(t.prefs, s)
}

// resized is called by the content's layout with the new size.
func (t *windowTracker) resized(size fyne.Size) {
	if size == t.last {
		return
	}
	t.last = size
	t.save()
}

// trackedLayout is the main window's content layout (a stack) that tells the
// tracker about every new size.
type trackedLayout struct{ t *windowTracker }

func (l trackedLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		s = s.Max(o.MinSize())
	}
	return s
}

func (l trackedLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
	if l.t != nil {
		l.t.resized(size)
	}
}
