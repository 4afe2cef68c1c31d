package core

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestAfterFirstFrameWaitsForTheFirstPaint(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("内容"))
	ran := make(chan struct{})
	AfterFirstFrame(w, func() { close(ran) })
	select {
	case <-ran:
		t.Fatal("ran before the window was drawn")
	default:
	}
	w.Canvas().Capture() // the test driver paints only when asked
	select {
	case <-ran:
	case <-time.After(10 * time.Second):
		t.Fatal("did not run after the first frame")
	}
}
