package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// listColumn is one column of a read-only list table (meetings, 思政课
// records): its header, its width and the text of a row's cell.
type listColumn[T any] struct {
	title string
	width float32
	text  func(*T) string
}

// showListHeader gives t a bold header row with the columns' titles and sets
// their widths (Chinese text is wider than Fyne's template cell).
func showListHeader[T any](t *widget.Table, cols []listColumn[T]) {
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return boldLabel("") }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(cols) {
			o.(*widget.Label).SetText(cols[id.Col].title)
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
}
