//go:build ci

package development

import (
	"strconv"
	"testing"

	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/ui/uitest"
	"partyoffice/ui/widgets"
)

// The person view lists the open errors at the top, each with a jump to its
// step; after saving a step the view stays scrolled where it was; 修改 and
// 删除 are icon buttons (issue 13).
func TestPersonViewSummarisesErrorsAndKeepsItsPlace(t *testing.T) {
	a := uitest.NewApp(t)
	p := uitest.Applicant(t, a, "孙申", civil.New(2021, 3, 1))
	uitest.SaveStep(t, a, data.DevStep{PersonID: p.ID, Step: data.StepActivist, Date: civil.New(2021, 9, 10), Source: data.SourceMembers})
	uitest.SaveStep(t, a, data.DevStep{PersonID: p.ID, Step: data.StepCandidate, Date: civil.New(2022, 3, 1)}) // under a year: D4
	uitest.Show(a, widget.NewLabel(""))
	v, err := newDevPersonView(a, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	v.dlg.Show()
	c := a.Window.Canvas()
	uitest.RequireShown(t, c, "处错误需要处理")

	jump, _ := uitest.ButtonNear(c, "还不满一年", "第"+strconv.Itoa(data.StepCandidate)+"步")
	if jump == nil {
		t.Fatalf("the error has no jump to its step; shown: %q", uitest.ShownTexts(c))
	}
	uitest.TapButtonNear(t, c, "还不满一年", "第"+strconv.Itoa(data.StepCandidate)+"步")
	if want := v.stepRows[data.StepCandidate].Position().Y; v.scroll.Offset.Y == 0 || v.scroll.Offset.Y > want {
		t.Fatalf("the jump left the steps at %v, step %d is at %v", v.scroll.Offset.Y, data.StepCandidate, want)
	}

	before := v.scroll.Offset
	v.changed() // what saving a step does
	if v.scroll.Offset != before {
		t.Errorf("after a save the view moved from %v to %v", before, v.scroll.Offset)
	}

	for _, o := range uitest.VisibleOnCanvas(c) {
		if b, ok := o.(*widgets.IconButton); ok && (b.Name == "修改" || b.Name == "删除") && b.Text != "" {
			t.Errorf("%s shows text %q; it is an icon button", b.Name, b.Text)
		}
	}
	if uitest.HasText(c, "修改") {
		t.Error("a text button 修改 is still on the rows")
	}
}
