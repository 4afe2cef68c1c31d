//go:build ci

package core

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"partyoffice/resources"
)

// The folders whose string literals can reach the screen (reports/ and data/ produce error
// messages and labels shown in dialogs).
var glyphSourceDirs = []string{"ui", "cmd", "data", "reports"}

// runeUses maps a character to the places ("ui/members.go:42") that use it.
type runeUses map[rune][]string

func (u runeUses) add(r rune, where string) {
	// Control and format characters (BOM, zero-width space) are never drawn.
	if r <= 0x7F || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
		return
	}
	u[r] = append(u[r], where)
}

// ignoreMarker in a comment on the same line exempts that line's literals from the check:
// for strings that are never drawn, such as the spellings an importer accepts
// ("✔", "✘" are not in Noto Sans CJK).
const ignoreMarker = "glyphs:ignore"

// collectGoRunes parses every non-test .go file under root/dir for each dir and records each
// non-ASCII character of every string and rune literal, except on lines marked glyphs:ignore.
func collectGoRunes(root string, dirs []string) (runeUses, error) {
	uses := runeUses{}
	fset := token.NewFileSet()
	for _, dir := range dirs {
		top := filepath.Join(root, dir)
		if _, err := os.Stat(top); os.IsNotExist(err) {
			continue // not written yet
		}
		err := filepath.WalkDir(top, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != top && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			file, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			rel = filepath.ToSlash(rel)
			ignored := map[int]bool{} // lines marked glyphs:ignore
			for _, cg := range file.Comments {
				for _, c := range cg.List {
					if strings.Contains(c.Text, ignoreMarker) {
						ignored[fset.Position(c.Pos()).Line] = true
					}
				}
			}
			ast.Inspect(file, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || (lit.Kind != token.STRING && lit.Kind != token.CHAR) {
					return true
				}
				if ignored[fset.Position(lit.Pos()).Line] {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					return true
				}
				where := fmt.Sprintf("%s:%d", rel, fset.Position(lit.Pos()).Line)
				for _, r := range s {
					uses.add(r, where)
				}
				return true
			})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return uses, nil
}

// collectJSONRunes records the characters of every string value of a translation table.
func collectJSONRunes(data []byte, name string, uses runeUses) error {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	var visit func(key string, v any)
	visit = func(key string, v any) {
		switch x := v.(type) {
		case string:
			for _, r := range x {
				uses.add(r, name+" "+key)
			}
		case map[string]any:
			for k, e := range x {
				visit(k, e)
			}
		case []any:
			for _, e := range x {
				visit(key, e)
			}
		}
	}
	visit("", v)
	return nil
}

type namedFont struct {
	name string
	font *sfnt.Font
}

func loadBundledFonts(t *testing.T) []namedFont {
	t.Helper()
	var fonts []namedFont
	for _, r := range []interface {
		Name() string
		Content() []byte
	}{resources.FontRegular, resources.FontBold} {
		f, err := sfnt.Parse(r.Content())
		if err != nil {
			t.Fatalf("parse %s: %v", r.Name(), err)
		}
		fonts = append(fonts, namedFont{r.Name(), f})
	}
	return fonts
}

// missingGlyphs lists, one line per character, every used character that some font lacks,
// with the fonts that lack it and where it is used.
func missingGlyphs(fonts []namedFont, uses runeUses) ([]string, error) {
	var buf sfnt.Buffer
	var out []string
	for r, where := range uses {
		var lacking []string
		for _, f := range fonts {
			gi, err := f.font.GlyphIndex(&buf, r)
			if err != nil {
				return nil, fmt.Errorf("%s: glyph index of %U: %w", f.name, r, err)
			}
			if gi == 0 {
				lacking = append(lacking, f.name)
			}
		}
		if len(lacking) == 0 {
			continue
		}
		places := append([]string(nil), where...)
		sort.Strings(places)
		if len(places) > 5 {
			places = append(places[:5], fmt.Sprintf("… (%d places)", len(where)))
		}
		out = append(out, fmt.Sprintf("%q %U missing in %s; used at %s",
			r, r, strings.Join(lacking, ", "), strings.Join(places, ", ")))
	}
	sort.Strings(out)
	return out, nil
}

// TestGlyphsCoverAllUIText fails when a character used in the app's strings is not in the
// bundled fonts: it would be drawn from a system font or as a box. Fix: run `make font`
// (resources/fonts/make-font.sh picks up every character used in the sources).
func TestGlyphsCoverAllUIText(t *testing.T) {
	fonts := loadBundledFonts(t)

	t.Run("app strings", func(t *testing.T) {
		uses, err := collectGoRunes("../..", glyphSourceDirs) // the module root, from ui/core
		if err != nil {
			t.Fatal(err)
		}
		if err := collectJSONRunes(resources.ZhHans, "resources/zh_Hans.json", uses); err != nil {
			t.Fatal(err)
		}
		if len(uses) == 0 {
			t.Fatal("no non-ASCII characters found at all; is the source walk broken?")
		}
		missing, err := missingGlyphs(fonts, uses)
		if err != nil {
			t.Fatal(err)
		}
		if len(missing) > 0 {
			t.Errorf("%d characters are not in the bundled fonts; run `make font`, use another character, or mark a line whose strings are never shown with a // glyphs:ignore comment:\n%s",
				len(missing), strings.Join(missing, "\n"))
		}
		t.Logf("%d distinct non-ASCII characters checked", len(uses))
	})

	// The checker must be able to fail: a rare CJK Extension B character (U+20000) is
	// certainly not in a GB2312 subset, a common one certainly is.
	t.Run("absent rune is reported", func(t *testing.T) {
		root := t.TempDir()
		if err := os.MkdirAll(filepath.Join(root, "ui"), 0o755); err != nil {
			t.Fatal(err)
		}
		src := "package ui\n\nconst ok = \"党支部\"\n\nvar rare = []string{\"\", \"甲\U00020000乙\"}\n\n" +
			"var parsed = \"\U00020001\" // glyphs:ignore: parse input, never shown\n"
		if err := os.WriteFile(filepath.Join(root, "ui", "rare.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		uses, err := collectGoRunes(root, glyphSourceDirs)
		if err != nil {
			t.Fatal(err)
		}
		missing, err := missingGlyphs(fonts, uses)
		if err != nil {
			t.Fatal(err)
		}
		if len(missing) != 1 || !strings.Contains(missing[0], "U+20000") || !strings.Contains(missing[0], "ui/rare.go:5") {
			t.Fatalf("want exactly U+20000 reported at ui/rare.go:5, got %q", missing)
		}
		for _, f := range fonts {
			if !strings.Contains(missing[0], f.name) {
				t.Errorf("report %q does not name %s", missing[0], f.name)
			}
		}
	})

	t.Run("absent rune in translations is reported", func(t *testing.T) {
		uses := runeUses{}
		if err := collectJSONRunes([]byte(`{"OK": "确定", "x": {"other": "\ud840\udc00"}}`), "t.json", uses); err != nil {
			t.Fatal(err)
		}
		missing, err := missingGlyphs(fonts, uses)
		if err != nil {
			t.Fatal(err)
		}
		if len(missing) != 1 || !strings.Contains(missing[0], "U+20000") || !strings.Contains(missing[0], "t.json other") {
			t.Fatalf("want U+20000 reported in t.json other, got %q", missing)
		}
	})
}
