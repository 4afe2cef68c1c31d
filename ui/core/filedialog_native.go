//go:build windows || darwin

package core

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"github.com/sqweek/dialog"
)

// On Windows and macOS the file dialogs are the system's own (the ones WPS
// and Excel show: 桌面, 此电脑, U盘, a path bar, in the system's language),
// through github.com/sqweek/dialog (no cgo on Windows). Linux would need GTK
// through cgo, so it keeps the app's own chooser (filedialog_fallback.go).

// nativeFileDialog asks the system; ok is false when there is no system
// dialog and the app's own chooser must be used.
func nativeFileDialog(_ fyne.Window, save bool, title, suggested string, exts []string, start string, then func(string)) bool {
	b := dialog.File().Title(title).SetStartDir(start)
	if save {
		b = b.SetStartFile(suggested)
	}
	if len(exts) > 0 {
		var plain []string
		for _, e := range exts {
			plain = append(plain, strings.TrimPrefix(e, "."))
		}
		b = b.Filter(fileTypeName(exts), plain...)
	}
	// The system dialog is modal and blocks its thread: run it off the UI
	// goroutine and hand the answer back through fyne.Do.
	go func() {
		var path string
		var err error
		if save {
			path, err = b.Save()
		} else {
			path, err = b.Load()
		}
		if err != nil || path == "" {
			if err != nil && !errors.Is(err, dialog.ErrCancelled) {
				fyne.LogError("system file dialog", err)
			}
			return
		}
		fyne.Do(func() { then(path) })
	}()
	return true
}
