// Package widgets holds the building blocks screens share and that know no App:
// the data table, the form kit (entries with keys, labelled fields with a
// message line), the date field, selectable cells and layout helpers.
package widgets

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
)

// FormKeys are the keys a dialog (or screen) takes from whichever of its entries has the
// focus. Fyne hands a shortcut only to the focused widget, so without this Ctrl+S typed
// into a field would never reach the form, nor Esc the dialog.
type FormKeys struct {
	Ctrl   map[fyne.KeyName]func() // Ctrl+key (Cmd+key on a Mac)
	Escape func()
}

func (k FormKeys) typedShortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != fyne.KeyModifierShortcutDefault {
		return false
	}
	f := k.Ctrl[cs.KeyName]
	if f != nil {
		f()
	}
	return f != nil
}

func (k FormKeys) typedKey(ev *fyne.KeyEvent) bool {
	if ev.Name == fyne.KeyEscape && k.Escape != nil {
		k.Escape()
		return true
	}
	return false
}

// CtrlShortcut is Ctrl+key on Windows and Linux (Cmd+key on a Mac).
func CtrlShortcut(key fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// Keyed is an input that passes its dialog's keys up.
type Keyed interface{ SetKeys(FormKeys) }

// FormEntry is an Entry that passes its dialog's keys up, says when it loses the focus
// and holds at most MaxLen characters (0: no limit).
type FormEntry struct {
	widget.Entry
	FormKeys
	OnFocusLost func()
	lengthLimit
	// Field names the entry's field when no FormField row does (Named).
	Field string
}

// FieldName is the entry's own field name (FieldValues), "" for none.
func (e *FormEntry) FieldName() string { return e.Field }

func NewFormEntry() *FormEntry {
	e := &FormEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func NewMultiLineFormEntry() *FormEntry {
	e := NewFormEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// NewPasswordFormEntry is a FormEntry that hides what is typed (the eye
// shows it), as widget.NewPasswordEntry.
func NewPasswordFormEntry() *FormEntry {
	e := NewFormEntry()
	e.Password = true
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	return e
}

func (e *FormEntry) SetKeys(k FormKeys) { e.FormKeys = k }

// CreateRenderer is the Entry's, with the mouse wheel passed on to the form
// (wheel.go).
func (e *FormEntry) CreateRenderer() fyne.WidgetRenderer {
	r := e.Entry.CreateRenderer()
	passWheel(r, e, e.MultiLine)
	return r
}

func (e *FormEntry) TypedShortcut(s fyne.Shortcut) {
	if !e.typedShortcut(s) {
		e.Entry.TypedShortcut(e.limitPaste(s, e.Text, e.SelectedText()))
	}
}

func (e *FormEntry) TypedRune(r rune) {
	if e.allows(e.Text, e.SelectedText()) {
		e.Entry.TypedRune(r)
	}
}

func (e *FormEntry) TypedKey(ev *fyne.KeyEvent) {
	if !e.typedKey(ev) {
		e.Entry.TypedKey(ev)
	}
}

func (e *FormEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.OnFocusLost != nil {
		e.OnFocusLost()
	}
}

// FormSelectEntry is a SelectEntry (a list to pick from, or free text) that passes its
// dialog's keys up and holds at most MaxLen characters (0: no limit).
type FormSelectEntry struct {
	widget.SelectEntry
	FormKeys
	lengthLimit
}

func NewFormSelectEntry(options []string) *FormSelectEntry {
	e := &FormSelectEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetOptions(options)
	return e
}

func (e *FormSelectEntry) SetKeys(k FormKeys) { e.FormKeys = k }

// CreateRenderer is the SelectEntry's, with the mouse wheel passed on to the
// form (wheel.go).
func (e *FormSelectEntry) CreateRenderer() fyne.WidgetRenderer {
	r := e.SelectEntry.CreateRenderer()
	passWheel(r, e, false)
	return r
}

func (e *FormSelectEntry) TypedShortcut(s fyne.Shortcut) {
	if !e.typedShortcut(s) {
		e.SelectEntry.TypedShortcut(e.limitPaste(s, e.Text, e.SelectedText()))
	}
}

func (e *FormSelectEntry) TypedRune(r rune) {
	if e.allows(e.Text, e.SelectedText()) {
		e.SelectEntry.TypedRune(r)
	}
}

func (e *FormSelectEntry) TypedKey(ev *fyne.KeyEvent) {
	if !e.typedKey(ev) {
		e.SelectEntry.TypedKey(ev)
	}
}

// LabelWidth fits the longest label (转为正式党员日期, eight hanzi).
const LabelWidth = 140

// FormField is one labelled input with a hint line under it for its problems.
type FormField struct {
	name  string // the data.Field* label, which FieldIssue.Field names
	Label *widget.Label
	Input fyne.CanvasObject
	Hint  *widget.Label
	Row   fyne.CanvasObject
}

// NewFormField lays input out under name. A field with a maximum length
// (data.FieldMaxLen, by the same label) gets it on its entry, which then
// takes no more and says so under itself.
func NewFormField(name string, input fyne.CanvasObject) *FormField {
	hint := HiddenMessage(widget.MediumImportance)
	label := widget.NewLabel(name)
	label.Alignment = fyne.TextAlignTrailing
	labelBox := container.NewGridWrap(fyne.NewSize(LabelWidth, label.MinSize().Height), label)
	f := &FormField{name: name, Label: label, Input: input, Hint: hint,
		Row: newLabelledRow(name, labelBox, container.NewVBox(input, hint))}
	if limit, ok := data.FieldMaxLen[name]; ok {
		if l, ok := input.(Limited); ok {
			l.SetMaxLen(limit, func() { f.Say(TooLongMessage(limit), widget.WarningImportance) })
		}
	}
	return f
}

// say shows msg under the field; importance picks the colour (danger for errors,
// warning for what may be saved, success for what the form filled in itself).
func (f *FormField) Say(msg string, importance widget.Importance) {
	f.Hint.Importance = importance
	f.Hint.SetText(msg)
	f.Hint.Show()
}

func (f *FormField) Clear() {
	if f.Hint.Visible() {
		f.Hint.SetText("")
		f.Hint.Hide()
	}
}

// HiddenMessage is a wrapping label for a message that shows only when there is one.
func HiddenMessage(importance widget.Importance) *widget.Label {
	l := widget.NewLabel("")
	l.Importance = importance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

func Heading(text string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(widget.NewSeparator(), l)
}

// ReadCount is a whole number ≥ 0 as typed, full-width digits too (empty is 0).
func ReadCount(s string) (int, error) {
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("“%s”不是整数", s)
	}
	return n, nil
}

// Limited is an input with a maximum length: it takes no more characters
// (typed or pasted) and calls reached when it refused some.
type Limited interface {
	SetMaxLen(limit int, reached func())
}

// TooLongMessage is what a field says when it refused characters.
func TooLongMessage(limit int) string {
	return fmt.Sprintf("最多 %d 字，多出的部分没有输入", limit)
}

// lengthLimit is the maximum length of an entry and what to do on reaching it.
type lengthLimit struct {
	MaxLen  int
	reached func()
}

func (l *lengthLimit) SetMaxLen(limit int, reached func()) { l.MaxLen, l.reached = limit, reached }

// room is how many characters may still go into text (replacing selected).
func (l *lengthLimit) room(text, selected string) int {
	return l.MaxLen - utf8.RuneCountInString(text) + utf8.RuneCountInString(selected)
}

// allows reports whether one more character may be typed.
func (l *lengthLimit) allows(text, selected string) bool {
	if l.MaxLen <= 0 || l.room(text, selected) > 0 {
		return true
	}
	l.say()
	return false
}

func (l *lengthLimit) say() {
	if l.reached != nil {
		l.reached()
	}
}

// limitPaste is s, with a paste cut to the room left (the clipboard itself
// is left alone).
func (l *lengthLimit) limitPaste(s fyne.Shortcut, text, selected string) fyne.Shortcut {
	p, ok := s.(*fyne.ShortcutPaste)
	if !ok || l.MaxLen <= 0 || p.Clipboard == nil {
		return s
	}
	content := []rune(p.Clipboard.Content())
	room := max(l.room(text, selected), 0)
	if len(content) <= room {
		return s
	}
	l.say()
	return &fyne.ShortcutPaste{Clipboard: fixedClipboard(string(content[:room]))}
}

// fixedClipboard is a clipboard holding one text, for a cut-down paste.
type fixedClipboard string

func (c fixedClipboard) Content() string   { return string(c) }
func (c fixedClipboard) SetContent(string) {}
