package settings

import "fyne.io/fyne/v2/widget"

// listSelection is a list of a settings page with the row chosen in it,
// the buttons that act on that row (enabled only while one is chosen) and
// the line shown instead of an empty list (党小组, 服务器用户).
type listSelection struct {
	list     *widget.List
	selected int // -1 for none
	acting   []*widget.Button
	empty    *widget.Label
}

func newListSelection(list *widget.List, empty *widget.Label, acting ...*widget.Button) *listSelection {
	l := &listSelection{list: list, selected: -1, acting: acting, empty: empty}
	list.OnSelected = func(id widget.ListItemID) { l.selected = id; l.enable(true) }
	list.OnUnselected = func(widget.ListItemID) { l.selected = -1; l.enable(false) }
	return l
}

// reset follows a reload of n rows: nothing chosen, the buttons off.
func (l *listSelection) reset(n int) {
	l.list.UnselectAll()
	l.selected = -1
	l.enable(false)
	l.empty.Hidden = n > 0
	l.empty.Refresh()
	l.list.Refresh()
}

func (l *listSelection) enable(on bool) {
	for _, b := range l.acting {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// chosen is the item of the chosen row, ok false when none is.
func chosen[T any](l *listSelection, items []T) (item T, ok bool) {
	if l.selected < 0 || l.selected >= len(items) {
		return item, false
	}
	return items[l.selected], true
}
