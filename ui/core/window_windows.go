//go:build windows

package core

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

// The Win32 calls that maximise, position and read the main window
// (user32, no cgo). GetWindowPlacement/SetWindowPlacement are the system's
// own way to remember a window: the normal rectangle and whether it is
// maximised, restored as one.
var (
	user32                 = windows.NewLazySystemDLL("user32.dll")
	procShowWindow         = user32.NewProc("ShowWindow")
	procGetWindowPlacement = user32.NewProc("GetWindowPlacement")
	procSetWindowPlacement = user32.NewProc("SetWindowPlacement")
	procMonitorFromRect    = user32.NewProc("MonitorFromRect")
	procGetMonitorInfoW    = user32.NewProc("GetMonitorInfoW")
)

const (
	swShowNormal            = 1
	swShowMaximized         = 3
	monitorDefaultToNearest = 2
)

type winRect struct{ Left, Top, Right, Bottom int32 }

type winPoint struct{ X, Y int32 }

type windowPlacement struct {
	Length         uint32
	Flags          uint32
	ShowCmd        uint32
	MinPosition    winPoint
	MaxPosition    winPoint
	NormalPosition winRect
}

type monitorInfo struct {
	Size    uint32
	Monitor winRect
	Work    winRect
	Flags   uint32
}

func toRect(r winRect) Rect {
	return Rect{X: int(r.Left), Y: int(r.Top), W: int(r.Right - r.Left), H: int(r.Bottom - r.Top)}
}

func fromRect(r Rect) winRect {
	return winRect{Left: int32(r.X), Top: int32(r.Y), Right: int32(r.X + r.W), Bottom: int32(r.Y + r.H)}
}

// placeWindowsWindow maximises the window the first time; afterwards it puts
// back the remembered rectangle, moved onto the nearest monitor that exists
// now, maximised again if it was.
func placeWindowsWindow(hwnd uintptr, s WindowState) {
	if hwnd == 0 {
		return
	}
	if !s.Saved() || s.Normal.empty() {
		procShowWindow.Call(hwnd, swShowMaximized)
		return
	}
	r := s.Normal
	if work, ok := workAreaNear(r); ok {
		r = FitRect(r, work)
	}
	p := windowPlacement{ShowCmd: swShowNormal, NormalPosition: fromRect(r)}
	p.Length = uint32(unsafe.Sizeof(p))
	if s.Maximised {
		p.ShowCmd = swShowMaximized
	}
	procSetWindowPlacement.Call(hwnd, uintptr(unsafe.Pointer(&p)))
}

// workAreaNear is the work area (screen minus taskbar) of the monitor
// nearest to r: the one it is on, or the closest when that one is gone.
func workAreaNear(r Rect) (Rect, bool) {
	wr := fromRect(r)
	mon, _, _ := procMonitorFromRect.Call(uintptr(unsafe.Pointer(&wr)), monitorDefaultToNearest)
	if mon == 0 {
		return Rect{}, false
	}
	mi := monitorInfo{}
	mi.Size = uint32(unsafe.Sizeof(mi))
	if ok, _, _ := procGetMonitorInfoW.Call(mon, uintptr(unsafe.Pointer(&mi))); ok == 0 {
		return Rect{}, false
	}
	return toRect(mi.Work), true
}

// windowsWindowState reads the normal rectangle and the maximised state.
func windowsWindowState(hwnd uintptr) (WindowState, bool) {
	p := windowPlacement{}
	p.Length = uint32(unsafe.Sizeof(p))
	if ok, _, _ := procGetWindowPlacement.Call(hwnd, uintptr(unsafe.Pointer(&p))); ok == 0 {
		return WindowState{}, false
	}
	return WindowState{Normal: toRect(p.NormalPosition), Maximised: p.ShowCmd == swShowMaximized}, true
}
