package reports

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partyoffice/data"
)

func TestFlowchartsAreA4PagesFromTheStepData(t *testing.T) {
	s := openStore(t)
	dir := t.TempDir()
	for kind := range Flowcharts {
		path := filepath.Join(dir, kind+".png")
		if err := WriteFlowchart(path, s, kind); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != pageW || cfg.Height != pageH {
			t.Errorf("%s: %v %dx%d, want A4 at 150 dpi", kind, err, cfg.Width, cfg.Height)
		}
	}
	steps := DevelopmentFlow(data.RuleVersion2014)
	if len(steps) != data.StepCount || !strings.HasPrefix(steps[14].Name, data.StepDefs[14].NameIn(data.RuleVersion2014)) {
		t.Errorf("flow %+v", steps[14])
	}
	if err := WriteFlowchart(filepath.Join(dir, "x.png"), s, "other"); err == nil {
		t.Error("an unknown chart was drawn")
	}
}

func TestPrintedPageRefusesMissingGlyphs(t *testing.T) {
	p, err := newPage()
	if err != nil {
		t.Fatal(err)
	}
	p.text("党支部\U00020000", 10, 10, 10, false, inkBlack) // a CJK Extension B character the subset lacks
	if err := p.save(filepath.Join(t.TempDir(), "x.png")); err == nil || !strings.Contains(err.Error(), "字体缺少") {
		t.Errorf("missing glyph not reported: %v", err)
	}
}

func TestNoticeFilledFromTheBranch(t *testing.T) {
	s := openStore(t)
	n := data.DefaultNotices[0]
	b, _ := s.Branch()
	text := n.Fill(&b)
	if !strings.Contains(text, "银川市第一小学党支部") || strings.Contains(text, "{") || !strings.Contains(text, "________") {
		t.Errorf("filled notice: %s", text)
	}
	if err := WriteNotice(filepath.Join(t.TempDir(), "告知单.png"), s, "转接"); err != nil {
		t.Fatal(err)
	}
}
