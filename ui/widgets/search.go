package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SearchEntry is a list's search field: the magnifier while empty, a clear
// (×) button once something is typed, Esc clears too.
type SearchEntry struct {
	FormEntry
	clear  *widget.Button
	search *widget.Icon
}

// NewSearchEntry is a search field with a short placeholder (it must fit the
// field at 1366 px: name the two or three things people search for most and
// end with "…") calling changed with every edit.
func NewSearchEntry(placeholder string, changed func(string)) *SearchEntry {
	s := &SearchEntry{search: widget.NewIcon(theme.SearchIcon())}
	s.ExtendBaseWidget(s)
	s.clear = widget.NewButtonWithIcon("", theme.CancelIcon(), func() { s.SetText("") })
	s.clear.Importance = widget.LowImportance
	s.SetPlaceHolder(placeholder)
	s.ActionItem = s.search
	s.OnChanged = func(text string) {
		s.showAction(text)
		if changed != nil {
			changed(text)
		}
	}
	s.SetKeys(FormKeys{Escape: func() { s.SetText("") }})
	return s
}

// SetKeys keeps Esc clearing the field whatever other keys the screen adds.
func (s *SearchEntry) SetKeys(k FormKeys) {
	if k.Escape == nil {
		k.Escape = func() { s.SetText("") }
	}
	s.FormEntry.SetKeys(k)
}

// ClearButton is the × shown while there is text (tests tap it).
func (s *SearchEntry) ClearButton() *widget.Button { return s.clear }

func (s *SearchEntry) showAction(text string) {
	want := fyne.CanvasObject(s.search)
	if text != "" {
		want = s.clear
	}
	if s.ActionItem != want {
		s.ActionItem = want
		s.Refresh()
	}
}
