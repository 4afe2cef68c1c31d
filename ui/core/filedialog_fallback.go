//go:build !windows && !darwin

package core

import "fyne.io/fyne/v2"

// nativeFileDialog: Linux has no system dialog reachable without cgo and
// GTK, so the app's own Chinese chooser (filechooser.go) is used.
func nativeFileDialog(fyne.Window, bool, string, string, []string, string, func(string)) bool {
	return false
}
