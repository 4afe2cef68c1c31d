package core

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// placeWindow gives the shown window its remembered (or first) place. On
// Windows the system maximises and positions it (window_windows.go); on the
// other desktops the content is sized to the screen's work area the first
// time and a remembered size is shrunk to fit the screen there now. Fyne's
// test driver has no native window: nothing happens there.
func placeWindow(w fyne.Window, s WindowState) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	nw.RunNative(func(ctx any) {
		switch ctx := ctx.(type) {
		case driver.WindowsWindowContext:
			placeWindowsWindow(ctx.HWND, s)
		case driver.X11WindowContext, driver.MacWindowContext, driver.WaylandWindowContext:
			work, ok := primaryWorkArea(w.Canvas().Scale())
			switch {
			case !ok:
			case !s.Saved():
				w.Resize(WorkAreaSize(work))
			default:
				w.Resize(FitSize(StartSize(s), work))
			}
			w.CenterOnScreen()
		}
	})
}

// nativeState is the platform's view of the window: maximised, and its
// normal rectangle (Windows only).
func nativeState(w fyne.Window) (s WindowState, ok bool) {
	nw, isNative := w.(driver.NativeWindow)
	if !isNative {
		return s, false
	}
	nw.RunNative(func(ctx any) {
		if c, isWin := ctx.(driver.WindowsWindowContext); isWin && c.HWND != 0 {
			s, ok = windowsWindowState(c.HWND)
		}
	})
	return s, ok
}

// primaryWorkArea is the primary screen without its taskbar/panels, in Fyne
// units. GLFW is running whenever RunNative hands over a desktop context.
func primaryWorkArea(scale float32) (fyne.Size, bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, false
	}
	_, _, width, height := m.GetWorkarea()
	if width <= 0 || height <= 0 || scale <= 0 {
		return fyne.Size{}, false
	}
	return fyne.NewSize(float32(width)/scale, float32(height)/scale), true
}
