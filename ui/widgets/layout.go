package widgets

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SectionHeading is a bold title over a rule, with an optional action on the right.
func SectionHeading(text string, action fyne.CanvasObject) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if action == nil {
		return container.NewVBox(widget.NewSeparator(), title)
	}
	return container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, action, title))
}

// Sized gives an input a fixed width (an Entry is otherwise as narrow as its placeholder).
func Sized(width float32, o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(fixedColumns{width}, o, layout.NewSpacer())
}

// SetVisible shows or hides o, refreshing only on a change.
func SetVisible(o fyne.CanvasObject, on bool) {
	if on == o.Visible() {
		return
	}
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

// WrappedLabel is a label that breaks long Chinese text (which has no spaces
// to wrap at) anywhere, so it never widens its container.
func WrappedLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapBreak
	return l
}

// BoldLabel is a label in bold: a column or card heading.
func BoldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// CountRow is a name and a number of people, aligned in columns.
func CountRow(name string, n int) fyne.CanvasObject {
	return Columns([]float32{200}, TruncatedLabel(name), widget.NewLabel(fmt.Sprintf("%d 人", n)))
}

// QuietLabel is the grey text of an empty list.
func QuietLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	return l
}

// TruncatedLabel ends long text with an ellipsis instead of widening its row.
func TruncatedLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// Columns lays objects out in a row with fixed widths, so the rows of a list
// line up; the last object takes the rest of the row.
func Columns(widths []float32, objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(fixedColumns(widths), objects...)
}

type fixedColumns []float32

func (c fixedColumns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for i, o := range objects {
		m := o.MinSize()
		if i < len(c) {
			size.Width += c[i]
		} else {
			size.Width += m.Width
		}
		size.Height = max(size.Height, m.Height)
	}
	return size
}

func (c fixedColumns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objects {
		w := size.Width - x
		if i < len(c) && i < len(objects)-1 {
			w = c[i]
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(max(w, 0), size.Height))
		x += w
	}
}

// FormScroll is the vertical scroll of a form's page. Fyne draws the
// scrollbar over the right edge of the content, so the page keeps a gutter
// of the scrollbar's width there: buttons at the right end of a row
// (添加决定事项, 按考勤填入人数) are never under it (issue 13).
func FormScroll(page fyne.CanvasObject) *container.Scroll {
	return container.NewVScroll(withGutter(page))
}

func withGutter(page fyne.CanvasObject) fyne.CanvasObject {
	gutter := canvas.NewRectangle(color.Transparent)
	gutter.SetMinSize(fyne.NewSize(ScrollGutter(), 0))
	return container.NewBorder(nil, nil, nil, gutter, page)
}

// ScrollGutter is the width a vertical scrollbar takes when the pointer is
// over it, plus a little air.
func ScrollGutter() float32 {
	return theme.Size(theme.SizeNameScrollBar) + theme.Padding()
}

// IconButton is a small button showing only an icon (修改, 删除 on every
// row of a list would otherwise be a column of words). Name says what it
// does, for the reader of the code and for tests.
type IconButton struct {
	widget.Button
	Name string
}

// NewIconButton is an icon button named name.
func NewIconButton(icon fyne.Resource, name string, tapped func()) *IconButton {
	b := &IconButton{Name: name}
	b.Icon, b.OnTapped = icon, tapped
	b.Importance = widget.LowImportance
	b.ExtendBaseWidget(b)
	return b
}

// ReplaceScrollPage puts page into a FormScroll in place of its page,
// keeping the scroll where it was (a view rebuilt after a save stays on the
// step the user looked at).
func ReplaceScrollPage(s *container.Scroll, page fyne.CanvasObject) {
	offset := s.Offset
	s.Content = withGutter(page)
	s.Content.Resize(fyne.NewSize(s.Size().Width, s.Content.MinSize().Height))
	s.Refresh()
	s.ScrollToOffset(offset)
}
