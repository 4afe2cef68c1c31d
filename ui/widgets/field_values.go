package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// A form's fields by label, as it shows them: what a conflict's 对比 lists
// (ui/core/conflict.go). Every FormField's row says its label through its
// layout (labelledRow), so any form built with the kit can be read field by
// field without the form listing its fields again.

// FieldValue is one labelled field and what it shows.
type FieldValue struct{ Field, Value string }

// Named is an input that names its field itself, laid out without a
// FormField (the 议题 of the minutes under its section heading).
type Named interface{ FieldName() string }

// FieldChange is one field that differs between two readings of a form.
type FieldChange struct{ Field, Mine, Theirs string }

// labelledRow lays a FormField's row out as a Border and names its field.
type labelledRow struct {
	border fyne.Layout
	field  string
}

func (r *labelledRow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	r.border.Layout(objects, size)
}

func (r *labelledRow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return r.border.MinSize(objects)
}

// newLabelledRow is the row of field: label on the left, input and hint.
func newLabelledRow(field string, label, body fyne.CanvasObject) *fyne.Container {
	return container.New(&labelledRow{border: layout.NewBorderLayout(nil, nil, label, nil), field: field}, body, label)
}

// FieldValues are the labelled fields inside root in layout order (the
// kit's FormFields, Named inputs and the items of a widget.Form), hidden
// ones too, each with what its inputs show (several inputs joined by “、”,
// a ticked box by its text). A field inside another field's row belongs to
// the inner one.
func FieldValues(root fyne.CanvasObject) []FieldValue {
	var out []FieldValue
	var visit func(o fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		if c, ok := o.(*fyne.Container); ok {
			if row, ok := c.Layout.(*labelledRow); ok && !holdsField(c.Objects[0]) {
				out = append(out, FieldValue{row.field, shownValue(c.Objects[0])})
				return
			}
		}
		if n, ok := o.(Named); ok && n.FieldName() != "" {
			out = append(out, FieldValue{n.FieldName(), shownValue(o)})
			return
		}
		if form, ok := o.(*widget.Form); ok {
			for _, item := range form.Items {
				out = append(out, formItemValue(item))
			}
			return
		}
		for _, child := range Holds(o) {
			visit(child)
		}
	}
	if root != nil {
		visit(root)
	}
	return out
}

// holdsField reports whether o has a labelled field inside (a group of fields
// under one label is read field by field).
func holdsField(o fyne.CanvasObject) bool {
	if c, ok := o.(*fyne.Container); ok {
		if _, ok := c.Layout.(*labelledRow); ok {
			return true
		}
	}
	for _, child := range Holds(o) {
		if holdsField(child) {
			return true
		}
	}
	return false
}

// shownValue is what the inputs inside o show, as a reader would say it.
func shownValue(o fyne.CanvasObject) string {
	var parts []string
	var visit func(o fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok {
			if c.Checked {
				parts = append(parts, checkedText(c))
			}
			return
		}
		if v, ok := inputValue(o); ok {
			if v = strings.TrimSpace(v); v != "" {
				parts = append(parts, v)
			}
			return
		}
		for _, child := range Holds(o) {
			visit(child)
		}
	}
	visit(o)
	return strings.Join(parts, "、")
}

// formItemValue is a widget.Form item as a field; an item without a label
// that is a box to tick is named by its text and says 是 or 否.
func formItemValue(item *widget.FormItem) FieldValue {
	if c, ok := item.Widget.(*widget.Check); ok && item.Text == "" {
		v := "否"
		if c.Checked {
			v = "是"
		}
		return FieldValue{c.Text, v}
	}
	return FieldValue{item.Text, shownValue(item.Widget)}
}

func checkedText(c *widget.Check) string {
	if c.Text == "" {
		return "是"
	}
	return c.Text
}

// ChangedFields are the fields whose values differ between mine and theirs
// (two readings of the same form), in mine's order, then those only theirs
// has.
func ChangedFields(mine, theirs []FieldValue) []FieldChange {
	stored := map[string]string{}
	for _, v := range theirs {
		stored[v.Field] = joinValue(stored[v.Field], v.Value)
	}
	typed := map[string]string{}
	var order []string
	for _, v := range mine {
		if _, seen := typed[v.Field]; !seen {
			order = append(order, v.Field)
		}
		typed[v.Field] = joinValue(typed[v.Field], v.Value)
	}
	for _, v := range theirs {
		if _, seen := typed[v.Field]; !seen {
			typed[v.Field] = ""
			order = append(order, v.Field)
		}
	}
	var out []FieldChange
	for _, f := range order {
		if typed[f] != stored[f] {
			out = append(out, FieldChange{Field: f, Mine: typed[f], Theirs: stored[f]})
		}
	}
	return out
}

// joinValue adds v to a field's value (a label used twice, such as 日期 of
// two parts of one form, is compared as one).
func joinValue(have, v string) string {
	if have == "" || v == "" {
		return have + v
	}
	return have + "；" + v
}
