//go:build ci

package widgets_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partyoffice/data"
	"partyoffice/ui/uitest"
	"partyoffice/ui/widgets"
)

// A field with a maximum length (data.FieldMaxLen) takes no more, typed or
// pasted, and says so under itself (issue 12).
func TestFormFieldTakesItsMaximumLength(t *testing.T) {
	a := uitest.NewApp(t)
	e := widgets.NewFormEntry()
	field := widgets.NewFormField(data.FieldName, e)
	uitest.Show(a, field.Row)
	limit := data.FieldMaxLen[data.FieldName]

	a.Window.Canvas().Focus(e)
	test.Type(e, strings.Repeat("张", limit+5))
	if n := utf8.RuneCountInString(e.Text); n != limit {
		t.Errorf("typed %d characters into 姓名, it holds %d, want %d", limit+5, n, limit)
	}
	if !field.Hint.Visible() || !strings.Contains(field.Hint.Text, "最多") {
		t.Errorf("the field did not say why it stopped: %q", field.Hint.Text)
	}

	e.SetText("王")
	clip := a.Window.Clipboard()
	clip.SetContent(strings.Repeat("李", 2*limit))
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if n := utf8.RuneCountInString(e.Text); n != limit {
		t.Errorf("after a long paste 姓名 holds %d characters, want %d", n, limit)
	}
	if clip.Content() != strings.Repeat("李", 2*limit) {
		t.Error("the paste changed the clipboard")
	}
}
