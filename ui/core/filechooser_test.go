package core

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// chooserTexts are the texts the chooser shows.
func chooserTexts(c fyne.Canvas) string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *widget.Button:
			out = append(out, v.Text)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	for _, o := range c.Overlays().List() {
		walk(o)
	}
	return strings.Join(out, "|")
}

func TestFileChooserIsChineseWithShortcutsAndATypedPath(t *testing.T) {
	test.NewTempApp(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	for _, d := range []string{"Desktop", "Documents", "Downloads", "名册"} {
		if err := os.Mkdir(filepath.Join(home, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"党员名册.xlsx", "旧名册.xls", "金山.et", "说明.txt"} {
		os.WriteFile(filepath.Join(home, "名册", f), []byte("x"), 0o644)
	}
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1200, 760))

	var saved string
	f := showFileChooser(w, true, "", "名册.xlsx", []string{".xlsx"}, "", func(p string) { saved = p })
	texts := chooserTexts(w.Canvas())
	for _, want := range []string{"保存文件", "桌面", "文档", "下载", "位置", "文件名", "保存", "取消"} {
		if !strings.Contains(texts, want) {
			t.Errorf("the save chooser does not show %q; shows %s", want, texts)
		}
	}
	for _, english := range []string{"Home", "Computer", "保存 文件", "Desktop|"} {
		if strings.Contains(texts, english) {
			t.Errorf("the save chooser shows %q", english)
		}
	}
	// A typed path: the folder opens, the name is kept.
	test.Type(f.path, "")
	f.path.SetText(filepath.Join(home, "名册", "新名册.xlsx"))
	f.typedPath(f.path.Text)
	if f.dir != filepath.Join(home, "名册") || f.name.Text != "新名册.xlsx" {
		t.Errorf("typed path: folder %q, name %q", f.dir, f.name.Text)
	}
	f.confirm()
	if saved != filepath.Join(home, "名册", "新名册.xlsx") {
		t.Errorf("saved to %q", saved)
	}

	// The import lists .xlsx and the old .xls/.et it will explain, not .txt.
	open := showFileChooser(w, false, "选择要导入的党员名册（.xlsx）", "", importExts, filepath.Join(home, "名册"), func(string) {})
	var names []string
	for _, e := range open.entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, ","); got != "党员名册.xlsx,金山.et,旧名册.xls" && got != "党员名册.xlsx,旧名册.xls,金山.et" {
		t.Errorf("import lists %s", got)
	}
}

func TestOldSpreadsheetsAreRecognised(t *testing.T) {
	for p, want := range map[string]bool{"a.xls": true, "b.ET": true, "c.xlsx": false, "d.csv": false} {
		if IsOldSpreadsheet(p) != want {
			t.Errorf("IsOldSpreadsheet(%q) = %v", p, !want)
		}
	}
}
