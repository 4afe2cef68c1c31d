package core

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
)

func TestFallbackWindowFitsASmallLaptopWithTaskbar(t *testing.T) {
	// 1366×768 minus a 40 px taskbar, minus the frame.
	fit := FitSize(FallbackWindowSize, fyne.NewSize(1366, 728))
	if fit != FallbackWindowSize {
		t.Errorf("fallback %v does not fit a 1366×728 work area (fitted: %v)", FallbackWindowSize, fit)
	}
	if got := StartSize(WindowState{}); got != FallbackWindowSize {
		t.Errorf("first start size = %v, want the fallback %v", got, FallbackWindowSize)
	}
}

func TestFitSizeShrinksARememberedBigWindowToTheScreenNow(t *testing.T) {
	got := FitSize(fyne.NewSize(1900, 1040), fyne.NewSize(1366, 728))
	if got.Width > 1366-frameWidth || got.Height > 728-frameHeight {
		t.Errorf("FitSize = %v, larger than the work area", got)
	}
	if small := FitSize(fyne.NewSize(900, 600), fyne.NewSize(1920, 1040)); small != fyne.NewSize(900, 600) {
		t.Errorf("a window that fits was changed to %v", small)
	}
}

func TestStartSizeIgnoresATinyRememberedSize(t *testing.T) {
	got := StartSize(WindowState{Size: fyne.NewSize(120, 80)})
	if got.Width < minWindowSize.Width || got.Height < minWindowSize.Height {
		t.Errorf("StartSize = %v, smaller than %v", got, minWindowSize)
	}
}

func TestPlaceRectBringsAWindowBackFromAnUnpluggedMonitor(t *testing.T) {
	primary := Rect{X: 0, Y: 0, W: 1366, H: 728}
	second := Rect{X: 1366, Y: 0, W: 1920, H: 1040}
	onSecond := Rect{X: 1500, Y: 100, W: 1200, H: 800}

	if got := PlaceRect(onSecond, []Rect{primary, second}); got != onSecond {
		t.Errorf("with both monitors the window moved: %v, want %v", got, onSecond)
	}
	got := PlaceRect(onSecond, []Rect{primary}) // the second monitor is gone
	if got.X < 0 || got.Y < 0 || got.X+got.W > primary.W || got.Y+got.H > primary.H {
		t.Errorf("window placed at %v, not wholly on the primary screen %v", got, primary)
	}
	if got.W != 1200 || got.H != 728 {
		t.Errorf("size = %d×%d, want 1200×728 (width kept, height shrunk to the screen)", got.W, got.H)
	}
}

func TestFitRectPullsAHalfOffScreenWindowIn(t *testing.T) {
	work := Rect{X: 0, Y: 40, W: 1920, H: 1040} // taskbar on top
	got := FitRect(Rect{X: -300, Y: 0, W: 800, H: 600}, work)
	if got != (Rect{X: 0, Y: 40, W: 800, H: 600}) {
		t.Errorf("FitRect = %v", got)
	}
	got = FitRect(Rect{X: 1800, Y: 1000, W: 800, H: 600}, work)
	if got != (Rect{X: 1120, Y: 480, W: 800, H: 600}) {
		t.Errorf("FitRect = %v", got)
	}
}

func TestWindowStateSurvivesARestart(t *testing.T) {
	app := test.NewTempApp(t)
	store, err := data.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if err := store.SaveBranch(data.Branch{Name: "第一党支部"}); err != nil {
		t.Fatal(err)
	}
	shell := Shell{Screens: []Screen{{Title: "工作台", Build: func(*App) fyne.CanvasObject { return widget.NewLabel("") }}}}

	w := ShowMainWindow(app, store, shell)
	if got := w.Canvas().Size(); got != FallbackWindowSize {
		t.Fatalf("first start: size %v, want the fallback %v", got, FallbackWindowSize)
	}
	w.Resize(fyne.NewSize(1000, 640)) // the user drags the border
	w.Close()

	again := ShowMainWindow(app, store, shell)
	defer again.Close()
	if got := again.Canvas().Size(); got != fyne.NewSize(1000, 640) {
		t.Errorf("second start: size %v, want the size left last time 1000×640", got)
	}
	if s := LoadWindowState(app.Preferences()); s.Maximised {
		t.Error("state says maximised; the window was never maximised")
	}
}
