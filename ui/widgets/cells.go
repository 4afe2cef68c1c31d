package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SelectableCell is a table cell: its text on a background that marks the
// selected row. A tap selects, a double tap opens. Importance colours the
// text (the participation matrix marks 请假 and 缺席).
type SelectableCell struct {
	widget.BaseWidget
	id          widget.TableCellID
	Label       *widget.Label
	bg          *canvas.Rectangle
	onTap       func(widget.TableCellID)
	onDoubleTap func(widget.TableCellID)
	// compact, when set and true, makes the cell less tall (a table's 紧凑行高).
	compact *bool
}

func NewSelectableCell(tap, doubleTap func(widget.TableCellID)) *SelectableCell {
	c := &SelectableCell{Label: widget.NewLabel(""), bg: canvas.NewRectangle(theme.Color(theme.ColorNameSelection)),
		onTap: tap, onDoubleTap: doubleTap}
	c.Label.Truncation = fyne.TextTruncateEllipsis
	c.bg.Hide()
	c.ExtendBaseWidget(c)
	return c
}

// Row is the table row the cell shows now.
func (c *SelectableCell) Row() int { return c.id.Row }

func (c *SelectableCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(centredRow{}, c.bg, c.Label))
}

// MinSize is the label's, less the inner padding above and below in a
// compact table (about a quarter more rows on the screen).
func (c *SelectableCell) MinSize() fyne.Size {
	s := c.BaseWidget.MinSize()
	if c.compact != nil && *c.compact {
		s.Height -= compactSaving()
	}
	return s
}

// compactSaving is what a compact row leaves out of the text's padding.
func compactSaving() float32 { return theme.InnerPadding() }

// centredRow fills the cell with the first object (the selection background)
// and centres the others vertically at their own height, so text stays whole
// and centred in a row less tall than a label.
type centredRow struct{}

func (centredRow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		s = s.Max(o.MinSize())
	}
	return s
}

func (centredRow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for i, o := range objects {
		if i == 0 {
			o.Move(fyne.NewPos(0, 0))
			o.Resize(size)
			continue
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, (size.Height-h)/2))
		o.Resize(fyne.NewSize(size.Width, h))
	}
}

func (c *SelectableCell) Set(id widget.TableCellID, text string, selected bool) {
	c.SetStyled(id, text, selected, widget.MediumImportance)
}

func (c *SelectableCell) SetStyled(id widget.TableCellID, text string, selected bool, importance widget.Importance) {
	c.id = id
	if c.Label.Text != text || c.Label.Importance != importance {
		c.Label.Importance = importance
		c.Label.SetText(text)
	}
	if selected != c.bg.Visible() {
		c.bg.Hidden = !selected
		c.bg.Refresh()
	}
}

func (c *SelectableCell) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap(c.id)
	}
}

func (c *SelectableCell) DoubleTapped(*fyne.PointEvent) {
	if c.onDoubleTap != nil {
		c.onDoubleTap(c.id)
	}
}

// TapArea is content that opens something when tapped: a board card, a line
// of the 待办 list. It shows a hover highlight and a pointer, as a link does.
type TapArea struct {
	widget.BaseWidget
	Content fyne.CanvasObject
	fill    fyne.ThemeColorName
	onTap   func()
	hover   *canvas.Rectangle
}

func NewTapArea(content fyne.CanvasObject, fill fyne.ThemeColorName, onTap func()) *TapArea {
	t := &TapArea{Content: content, fill: fill, onTap: onTap}
	t.ExtendBaseWidget(t)
	return t
}

func (t *TapArea) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(t.fill))
	bg.CornerRadius = theme.InputRadiusSize()
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	t.hover = canvas.NewRectangle(color.Transparent)
	t.hover.CornerRadius = bg.CornerRadius
	return widget.NewSimpleRenderer(container.NewStack(bg, t.hover, container.NewPadded(t.Content)))
}

// Tapped opens what the area stands for.
func (t *TapArea) Tapped(*fyne.PointEvent) {
	if t.onTap != nil {
		t.onTap()
	}
}

func (t *TapArea) MouseIn(*desktop.MouseEvent) { t.setHover(theme.Color(theme.ColorNameHover)) }

func (t *TapArea) MouseMoved(*desktop.MouseEvent) {}

func (t *TapArea) MouseOut() { t.setHover(color.Transparent) }

func (t *TapArea) setHover(c color.Color) {
	if t.hover == nil {
		return
	}
	t.hover.FillColor = c
	t.hover.Refresh()
}

// Cursor is the pointing hand: the area opens something.
func (t *TapArea) Cursor() desktop.Cursor { return desktop.PointerCursor }
