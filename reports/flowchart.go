package reports

import (
	"errors"
	"fmt"
	"image"
	"strings"

	"partyoffice/data"
)

// The 工作流程图 of the 三帐二单一图 (seed R11): the 发展党员 flow drawn from
// data.StepDefs and the 组织关系转接 flow from data.TransferSteps, one A4
// page each, so a change to the step data changes the chart. And the
// 一次性告知单, printed from the branch's templates.

// FlowStep is one box of a flowchart.
type FlowStep struct {
	Label string // "第7步" or "1"
	Name  string
	Group string // the phase, shown when it changes
}

// DevelopmentFlow is the 25 steps of the rule version.
func DevelopmentFlow(version string) []FlowStep {
	out := make([]FlowStep, len(data.StepDefs))
	for i := range data.StepDefs {
		d := &data.StepDefs[i]
		name := d.NameIn(version)
		if a := d.ArticleIn(version); a != "" {
			name += "（" + a + "）"
		}
		out[i] = FlowStep{Label: fmt.Sprintf("第%d步", d.Number), Name: name, Group: data.Phases[d.Phase]}
	}
	return out
}

// TransferFlow is the 组织关系转接 steps.
func TransferFlow() []FlowStep {
	out := make([]FlowStep, len(data.TransferSteps))
	for i, s := range data.TransferSteps {
		out[i] = FlowStep{Label: fmt.Sprint(i + 1), Name: s.Name, Group: s.Side}
	}
	return out
}

// Flowcharts the CLI and the screen offer.
var Flowcharts = map[string]struct {
	Title string
	Steps func(b *data.Branch) []FlowStep
	Note  string
}{
	"development": {"发展党员工作流程图", func(b *data.Branch) []FlowStep { return DevelopmentFlow(ruleVersionOf(b)) },
		"依据《中国共产党发展党员工作细则》，括号内为条款"},
	"transfer": {"党员组织关系转接流程图", func(*data.Branch) []FlowStep { return TransferFlow() },
		"依据《中国共产党党员教育管理工作条例》第二十五条"},
}

func ruleVersionOf(b *data.Branch) string {
	if b.RuleVersion != "" {
		return b.RuleVersion
	}
	return data.DefaultRuleVersion
}

// WriteFlowchart draws one flowchart ("development" or "transfer") for the
// branch as an A4 PNG.
func WriteFlowchart(path string, s *data.Store, kind string) error {
	chart, ok := Flowcharts[kind]
	if !ok {
		return fmt.Errorf("没有“%s”这种流程图，可选 development（发展党员）或 transfer（组织关系转接）", kind)
	}
	b, err := s.Branch()
	if err != nil {
		return err
	}
	p, err := newPage()
	if err != nil {
		return err
	}
	drawFlow(p, b.Name+chart.Title, chart.Note, chart.Steps(&b))
	return p.save(path)
}

// drawFlow lays the steps out top to bottom in one or two columns (a long
// flow continues in the second column), with the group named where it
// changes.
func drawFlow(p *page, title, note string, steps []FlowStep) {
	p.centred(title, pageW/2, pageMargin+20, 20, true, inkRed)
	p.centred(note, pageW/2, pageMargin+70, 10, false, inkGrey)
	top, bottom := pageMargin+110, pageH-pageMargin
	cols := 1
	if len(steps) > 10 {
		cols = 2
	}
	perCol := (len(steps) + cols - 1) / cols
	groups := 0
	for i := range steps {
		if i == 0 || steps[i].Group != steps[i-1].Group {
			groups++
		}
	}
	slot := (bottom - top) / (perCol + (groups+cols-1)/cols)
	boxH := min(slot*2/3, 120)
	colW := (pageW - 2*pageMargin) / cols
	boxW := colW - 40
	for c := 0; c < cols; c++ {
		x := pageMargin + c*colW + (colW-boxW)/2
		y := top
		for i := c * perCol; i < min((c+1)*perCol, len(steps)); i++ {
			st := steps[i]
			if i == c*perCol || st.Group != steps[i-1].Group {
				if i > c*perCol {
					y += slot / 3
				}
				p.text("【"+st.Group+"】", x, y+24, 11, true, inkRed)
				y += slot / 3
			}
			r := image.Rect(x, y, x+boxW, y+boxH)
			p.fill(r, fillPale)
			p.box(r, 2, inkRed)
			label := st.Label + "  "
			lw := p.text(label, x+14, y+boxH/2+10, 11, true, inkRed)
			size := 11.0
			lines := p.wrap(st.Name, boxW-lw-28, size)
			if len(lines) > 1 {
				size = 9.5
				lines = p.wrap(st.Name, boxW-lw-28, size)
			}
			for j, line := range lines[:min(len(lines), 2)] {
				p.text(line, x+14+lw, y+boxH/2+8+(j*2-min(len(lines), 2)+1)*15, size, false, inkBlack)
			}
			next := y + slot
			if i+1 < min((c+1)*perCol, len(steps)) {
				end := next // the next box, or the label of the next group above it
				if steps[i+1].Group != st.Group {
					end += slot/3 - 2
				}
				p.arrowDown(x+boxW/2, y+boxH, end, inkRed)
			}
			y = next
		}
	}
}

// WriteNotice prints one 一次性告知单 (by title, or the first when title is
// empty) filled from the branch information, as an A4 PNG.
func WriteNotice(path string, s *data.Store, title string) error {
	b, err := s.Branch()
	if err != nil {
		return err
	}
	notices, err := data.Records[data.NoticeTemplate](s, "id", "")
	if err != nil {
		return err
	}
	if len(notices) == 0 {
		notices = data.DefaultNotices
	}
	var n *data.NoticeTemplate
	for i := range notices {
		if title == "" || strings.Contains(notices[i].Title, title) {
			n = &notices[i]
			break
		}
	}
	if n == nil {
		var titles []string
		for _, x := range notices {
			titles = append(titles, x.Title)
		}
		return errors.New("没有这个告知单；现有：" + strings.Join(titles, "；"))
	}
	p, err := newPage()
	if err != nil {
		return err
	}
	p.centred(n.Title, pageW/2, pageMargin+40, 18, true, inkRed)
	y := pageMargin + 140
	for _, line := range p.wrap(n.Fill(&b), pageW-2*pageMargin, 13) {
		p.text(line, pageMargin, y, 13, false, inkBlack)
		y += 52
	}
	p.text(b.Name, pageW-pageMargin-p.width(b.Name, 13, false), y+60, 13, false, inkBlack)
	return p.save(path)
}
