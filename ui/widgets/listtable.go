package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// ListColumn is one column of a read-only list table (meetings, 思政课
// records): its header, its width and the text of a row's cell.
type ListColumn[T any] struct {
	Title string
	Width float32
	Text  func(*T) string
}

// ShowListHeader gives t a bold header row with the columns' titles and sets
// their widths (Chinese text is wider than Fyne's template cell).
func ShowListHeader[T any](t *widget.Table, cols []ListColumn[T]) {
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return BoldLabel("") }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(cols) {
			o.(*widget.Label).SetText(cols[id.Col].Title)
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.Width)
	}
}
