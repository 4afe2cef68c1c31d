// Command barewindow is the baseline of the window measures of `make bench`:
// a bare Fyne window with a fixed title and nothing in it. Its stripped size
// is the baseline of the binary-size measure; phase 2 adds the time to its
// first frame and its resident memory under Xvfb (see cmd/bench/benchrun).
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("cn.partyoffice.bench.barewindow")
	w := a.NewWindow("bare")
	w.SetContent(widget.NewLabel("bare"))
	w.ShowAndRun()
}
