package widgets

import (
	"encoding/json"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Edits tells whether a form holds typed work that is not saved: it compares
// the values of the form's inputs (and whatever state the form keeps outside
// them) now with what they were when the form was loaded or last saved. Typing
// something and deleting it again is therefore no change. Every form uses it
// the same way: NewEdits after building, Mark after loading or saving, and
// Dirty before anything could throw the work away (the App's unsaved-work
// guard asks it; see docs/ARCHITECTURE.md, "Unsaved work").
type Edits struct {
	root  fyne.CanvasObject
	extra func() any
	saved string
}

// NewEdits watches the inputs inside root. extra (may be nil) is state the
// inputs do not show, such as the attendance taps of the minutes; it is
// compared by value (as JSON), so return copies or plain values.
func NewEdits(root fyne.CanvasObject, extra func() any) *Edits {
	e := &Edits{root: root, extra: extra}
	e.Mark()
	return e
}

// Mark takes what the form holds now as saved.
func (e *Edits) Mark() { e.saved = e.Fingerprint() }

// Unsaved makes the form count as changed until the next Mark, whatever it
// holds: it was filled from a draft, not from what is saved.
func (e *Edits) Unsaved() { e.saved = "" }

// Dirty reports whether anything changed since Mark.
func (e *Edits) Dirty() bool { return e.Fingerprint() != e.saved }

// Fingerprint is every input value and the extra state in one string.
func (e *Edits) Fingerprint() string {
	state := struct {
		Inputs []string
		Extra  any `json:",omitempty"`
	}{Inputs: InputValues(e.root)}
	if e.extra != nil {
		state.Extra = e.extra()
	}
	raw, err := json.Marshal(state)
	if err != nil { // extra state that cannot be encoded: count it as changed
		return "unencodable:" + err.Error()
	}
	return string(raw)
}

// Valued is an input of its own kind (not an Entry, Select, Check or
// RadioGroup) that says its value for Edits.
type Valued interface{ FormValue() string }

// InputValues are the values of every input inside root, hidden ones too, in
// layout order. Entries are read by their text, Selects and RadioGroups by the
// choice, Checks as true/false, Valued widgets by FormValue. Containers and the
// container widgets (Scroll, Form, AppTabs, Card, Accordion, Split) are
// searched inside; other widgets are not (their parts are not inputs).
func InputValues(root fyne.CanvasObject) []string {
	var out []string
	var visit func(o fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		if o == nil {
			return
		}
		if v, ok := inputValue(o); ok {
			out = append(out, v)
			return
		}
		for _, child := range Holds(o) {
			visit(child)
		}
	}
	visit(root)
	return out
}

func inputValue(o fyne.CanvasObject) (string, bool) {
	switch v := o.(type) {
	case Valued:
		return v.FormValue(), true
	case *FormEntry:
		return v.Text, true
	case *FormSelectEntry:
		return v.Text, true
	case *widget.Entry:
		return v.Text, true
	case *widget.SelectEntry:
		return v.Text, true
	case *widget.Select:
		return v.Selected, true
	case *widget.RadioGroup:
		return v.Selected, true
	case *widget.Check:
		return strconv.FormatBool(v.Checked), true
	}
	return "", false
}

// OnAnyChange makes every input inside o (as InputValues finds them) call
// changed after its own OnChanged, so a form can follow each edit (revalidate).
// Call it after the form set its inputs' own OnChanged.
func OnAnyChange(o fyne.CanvasObject, changed func()) {
	then := func(f func(string)) func(string) {
		return func(s string) {
			if f != nil {
				f(s)
			}
			changed()
		}
	}
	switch v := o.(type) {
	case *DateField:
		prev := v.Entry.OnChanged
		v.Entry.OnChanged = then(prev)
	case *FormEntry:
		v.OnChanged = then(v.OnChanged)
	case *FormSelectEntry:
		v.OnChanged = then(v.OnChanged)
	case *widget.Entry:
		v.OnChanged = then(v.OnChanged)
	case *widget.SelectEntry:
		v.OnChanged = then(v.OnChanged)
	case *widget.Select:
		v.OnChanged = then(v.OnChanged)
	case *widget.RadioGroup:
		v.OnChanged = then(v.OnChanged)
	case *widget.Check:
		prev := v.OnChanged
		v.OnChanged = func(b bool) {
			if prev != nil {
				prev(b)
			}
			changed()
		}
	case *fyne.Container:
		for _, child := range v.Objects {
			OnAnyChange(child, changed)
		}
	}
}

// Fields are the form's labelled fields as they show now (FieldValues), for
// comparing the form with the record as saved by someone else.
func (e *Edits) Fields() []FieldValue { return FieldValues(e.root) }
