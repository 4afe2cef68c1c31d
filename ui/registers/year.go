package registers

import (
	"fmt"

	"fyne.io/fyne/v2/widget"

	"partyoffice/ui/core"
)

// yearChoices are the years a yearly screen offers: this one and five before it.
const yearChoices = 6

// YearSelect is the 年度 choice at the top of a yearly screen.
type YearSelect struct {
	*widget.Select
	first int // the year of the first choice (this year)
}

// NewYearSelect offers this year and the five before it, this year chosen;
// changed runs when the user picks another (not for the first choice).
func NewYearSelect(a *core.App, changed func()) *YearSelect {
	y := &YearSelect{first: a.Today().Year}
	var years []string
	for i := range yearChoices {
		years = append(years, fmt.Sprintf("%d年", y.first-i))
	}
	y.Select = widget.NewSelect(years, nil)
	y.SetSelectedIndex(0)
	y.OnChanged = func(string) { changed() }
	return y
}

// Year is the year chosen.
func (y *YearSelect) Year() int { return y.first - max(y.SelectedIndex(), 0) }
