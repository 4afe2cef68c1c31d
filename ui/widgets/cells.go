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
	return widget.NewSimpleRenderer(container.NewStack(c.bg, c.Label))
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
