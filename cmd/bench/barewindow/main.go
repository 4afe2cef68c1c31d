// Command barewindow is the baseline of the window measures of `make bench`:
// a bare Fyne window with a fixed title and nothing in it. Its stripped size
// is the baseline of the binary-size measure; with PARTYOFFICE_BENCH_FIRST_FRAME
// set it prints "first frame" when it has drawn, as the app does, and
// cmd/bench/benchrun reads its CPU time then.
package main

import (
	"fmt"
	"image"
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("cn.partyoffice.bench.barewindow")
	w := a.NewWindow("bare")
	content := fyne.CanvasObject(widget.NewLabel("bare"))
	if os.Getenv("PARTYOFFICE_BENCH_FIRST_FRAME") != "" {
		// The same signal as ui/core.AfterFirstFrame (not imported: the
		// baseline would then link the app's packages).
		var once sync.Once
		marker := canvas.NewRaster(func(_, _ int) image.Image {
			once.Do(func() { fmt.Println("first frame") })
			return image.NewNRGBA(image.Rect(0, 0, 1, 1))
		})
		marker.Resize(fyne.NewSize(1, 1))
		content = container.NewStack(container.NewWithoutLayout(marker), content)
	}
	w.SetContent(content)
	w.Resize(fyne.NewSize(1200, 760)) // the app's window size
	w.ShowAndRun()
}
