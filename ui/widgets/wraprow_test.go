package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestWrapRowGoesOntoASecondLineInsteadOfWidening(t *testing.T) {
	test.NewTempApp(t)
	a, b, c := widget.NewButton("新增党员", nil), widget.NewButton("导入名册", nil), widget.NewButton("立即备份", nil)
	row := WrapRow(a, b, layout.NewSpacer(), c)
	one := a.MinSize()
	if got := row.MinSize().Width; got != max(one.Width, b.MinSize().Width, c.MinSize().Width) {
		t.Errorf("MinSize width = %v, want the widest button's", got)
	}

	row.Resize(fyne.NewSize(1000, one.Height)) // room for all: one line, 立即备份 at the right end
	if a.Position().Y != c.Position().Y || c.Position().X+c.Size().Width != 1000 {
		t.Errorf("wide: 立即备份 at %v, want on the first line at the right end", c.Position())
	}
	if row.MinSize().Height != one.Height {
		t.Errorf("wide: MinSize height = %v, want one line (%v)", row.MinSize().Height, one.Height)
	}

	narrow := a.MinSize().Width + b.MinSize().Width + 20 // 新增党员 and 导入名册 fit, 立即备份 does not
	row.Resize(fyne.NewSize(narrow, one.Height))
	if a.Position().Y != b.Position().Y || c.Position().Y <= b.Position().Y || c.Position().X != 0 {
		t.Errorf("narrow: positions %v %v %v, want 立即备份 alone on the second line", a.Position(), b.Position(), c.Position())
	}
	if row.MinSize().Height <= one.Height {
		t.Errorf("narrow: MinSize height = %v, want two lines", row.MinSize().Height)
	}
}
