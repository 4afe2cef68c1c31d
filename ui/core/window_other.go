//go:build !windows

package core

// On desktops other than Windows the window is sized through Fyne
// (window_native.go); these are never reached there.

func placeWindowsWindow(uintptr, WindowState) {}

func windowsWindowState(uintptr) (WindowState, bool) { return WindowState{}, false }
