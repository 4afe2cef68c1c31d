package core

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/resources"
)

func TestThemeFontIsBundledForEveryTextStyle(t *testing.T) {
	th := Theme{}
	cases := []struct {
		name  string
		style fyne.TextStyle
		want  fyne.Resource
	}{
		{"regular", fyne.TextStyle{}, resources.FontRegular},
		{"italic", fyne.TextStyle{Italic: true}, resources.FontRegular},
		{"bold", fyne.TextStyle{Bold: true}, resources.FontBold},
		{"bold italic", fyne.TextStyle{Bold: true, Italic: true}, resources.FontBold},
		{"monospace", fyne.TextStyle{Monospace: true}, resources.FontRegular},
		{"bold monospace", fyne.TextStyle{Monospace: true, Bold: true}, resources.FontBold},
	}
	for _, c := range cases {
		if got := th.Font(c.style); got != c.want {
			t.Errorf("%s: Font() = %v, want %v", c.name, got.Name(), c.want.Name())
		}
	}
	for _, r := range []fyne.Resource{resources.FontRegular, resources.FontBold} {
		// A .ttc collection starts with "ttcf" and makes Fyne panic; we ship single OpenType faces.
		if c := r.Content(); len(c) < 4 || string(c[:4]) != "OTTO" {
			t.Errorf("%s is not a single CFF OpenType face (starts %q)", r.Name(), c[:4])
		}
	}
}

func TestThemeIsLightWhateverTheVariant(t *testing.T) {
	th := Theme{}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		if got, want := th.Color(theme.ColorNameBackground, v), theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight); got != want {
			t.Errorf("variant %d: background %v, want the light %v", v, got, want)
		}
		if got := th.Color(theme.ColorNamePrimary, v); got != PrimaryRed {
			t.Errorf("variant %d: primary %v, want %v", v, got, PrimaryRed)
		}
		if got := th.Color(theme.ColorNameForegroundOnPrimary, v); got != color.White {
			t.Errorf("variant %d: foreground on primary %v, want white", v, got)
		}
		r, g, b, _ := th.Color(theme.ColorNameForeground, v).RGBA()
		if r > 0x6000 || g > 0x6000 || b > 0x6000 {
			t.Errorf("variant %d: foreground %v is not a dark text colour", v, th.Color(theme.ColorNameForeground, v))
		}
	}
	if th.Size(theme.SizeNameText) < theme.DefaultTheme().Size(theme.SizeNameText) {
		t.Errorf("text size %v smaller than Fyne's default", th.Size(theme.SizeNameText))
	}
	if th.Size(theme.SizeNamePadding) != theme.DefaultTheme().Size(theme.SizeNamePadding) {
		t.Errorf("padding changed; only text sizes should differ from the default theme")
	}
	if th.Icon(theme.IconNameConfirm) == nil {
		t.Error("no confirm icon")
	}
}

func TestUseChineseTranslatesFyneStrings(t *testing.T) {
	UseChinese()
	for en, zh := range map[string]string{
		"Cancel": "取消", "OK": "确定", "Save": "保存", "Open": "打开", "Yes": "是", "No": "否",
		"Copy": "复制", "Paste": "粘贴", "Select all": "全选",
	} {
		if got := lang.L(en); got != zh {
			t.Errorf("lang.L(%q) = %q, want %q", en, got, zh)
		}
	}
	if got := lang.X("monday.short", "Mon"); got != "周一" {
		t.Errorf("monday.short = %q, want 周一", got)
	}
}

func TestConfirmDialogButtonsAreChinese(t *testing.T) {
	UseChinese()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(Theme{})
	w := test.NewTempWindow(t, widget.NewLabel("党支部工作台"))
	w.Resize(fyne.NewSize(600, 400))

	dialog.ShowConfirm("删除", "确实要删除这条记录吗？", func(bool) {}, w)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the dialog did not open")
	}
	var texts []string
	walk(top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			texts = append(texts, b.Text)
		}
	})
	want := map[string]bool{"是": false, "否": false}
	for _, s := range texts {
		if _, ok := want[s]; ok {
			want[s] = true
		}
	}
	for s, found := range want {
		if !found {
			t.Errorf("no %q button in the confirm dialog; buttons: %q", s, texts)
		}
	}
}

// walk visits o and everything drawn inside it.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walk(c, visit)
		}
	}
}
