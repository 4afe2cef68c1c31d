package reports

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The 封面 of a pack: what a secretary signs and stamps, on one A4 page.
// Columns: A 序号, B 材料名称, C 数量, D 备注.

type coverStyles struct{ title, label, value, head, cell, number, stamp, sign int }

func newCoverStyles(f *excelize.File) (coverStyles, error) {
	var st coverStyles
	charset := gbCharset
	font := func(family string, size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: family, Size: size, Bold: bold, Charset: &charset}
	}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	specs := []styleSpec{
		{&st.title, excelize.Style{Font: font(fontTitle, 20, true), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.label, excelize.Style{Font: font(fontBody, 12, true), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}},
		{&st.value, excelize.Style{Font: font(fontBody, 12, false), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true},
			Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}}},
		{&st.head, excelize.Style{Font: font(fontBody, 12, true), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}}},
		{&st.cell, excelize.Style{Font: font(fontBody, 12, false), Border: border, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}}},
		{&st.number, excelize.Style{Font: font(fontBody, 12, false), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&st.stamp, excelize.Style{Font: font(fontBody, 12, false), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}}},
		{&st.sign, excelize.Style{Font: font(fontBody, 12, false), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "bottom"}}},
	}
	for _, s := range specs {
		id, err := f.NewStyle(&s.style)
		if err != nil {
			return st, err
		}
		*s.id = id
	}
	return st, nil
}

// coverWriter puts the cover's rows one after another.
type coverWriter struct {
	f   *excelize.File
	st  coverStyles
	row int
	err error
}

func (w *coverWriter) set(cell string, value any, style int) {
	if w.err == nil {
		w.err = w.f.SetCellValue(CoverSheet, cell, value)
	}
	if w.err == nil {
		w.err = w.f.SetCellStyle(CoverSheet, cell, cell, style)
	}
}

// span writes value across columns from..to of the current row.
func (w *coverWriter) span(from, to string, value any, style int) {
	a, b := fmt.Sprintf("%s%d", from, w.row), fmt.Sprintf("%s%d", to, w.row)
	w.set(a, value, style)
	if w.err == nil {
		w.err = w.f.SetCellStyle(CoverSheet, a, b, style)
	}
	if w.err == nil && a != b {
		w.err = w.f.MergeCell(CoverSheet, a, b)
	}
}

func (w *coverWriter) next(height float64) {
	w.row++
	if w.err == nil {
		w.err = w.f.SetRowHeight(CoverSheet, w.row, height)
	}
}

// field is one labelled line: 支部名称：……
func (w *coverWriter) field(label, value string) {
	w.next(26)
	w.set(fmt.Sprintf("A%d", w.row), label+"：", w.st.label)
	w.span("B", "D", value, w.st.value)
}

func (p *Pack) writeCover(f *excelize.File) error {
	st, err := newCoverStyles(f)
	if err != nil {
		return err
	}
	w := &coverWriter{f: f, st: st}
	for col, width := range map[string]float64{"A": 14, "B": 40, "C": 14, "D": 22} {
		if err := f.SetColWidth(CoverSheet, col, col, width); err != nil {
			return err
		}
	}
	w.next(30)
	w.next(60)
	w.span("A", "D", p.Branch.Name+"\n"+p.Period.Label()+"上报材料", st.title)
	w.next(16)
	w.field("党支部", p.Branch.Name)
	w.field("上级党委", p.Branch.Superior)
	if p.Branch.Code != "" {
		w.field("党组织代码", p.Branch.Code)
	}
	w.field("报送期间", p.Period.Label())
	w.field("截至日期", p.AsOf.Chinese())
	w.next(16)
	w.next(24)
	for i, h := range []string{"序号", "材料名称", "数量", "备注"} {
		w.set(fmt.Sprintf("%c%d", 'A'+i, w.row), h, st.head)
	}
	for i, it := range p.Items {
		w.next(24)
		w.set(fmt.Sprintf("A%d", w.row), i+1, st.number)
		w.set(fmt.Sprintf("B%d", w.row), it.Name, st.cell)
		w.set(fmt.Sprintf("C%d", w.row), fmt.Sprintf("%d %s", it.Count, it.Unit), st.number)
		w.set(fmt.Sprintf("D%d", w.row), missingNote(it.Missing), st.cell)
	}
	w.next(16)
	w.field("填报人", p.Preparer)
	w.field("联系电话", p.Branch.Phone)
	w.field("填报日期", p.Made.Format("2006年1月2日"))
	w.next(20)
	// The stamp box: an empty bordered area with room for a 4.2 cm seal.
	w.next(24)
	top := w.row
	w.span("C", "D", "党组织（盖章）", st.stamp)
	for i := 0; i < 4; i++ {
		w.next(24)
	}
	w.span("C", "D", "年　　月　　日", st.stamp)
	if w.err == nil {
		w.err = f.MergeCell(CoverSheet, fmt.Sprintf("C%d", top), fmt.Sprintf("D%d", w.row-1))
	}
	if w.err == nil {
		w.err = f.SetCellStyle(CoverSheet, fmt.Sprintf("C%d", top), fmt.Sprintf("D%d", w.row), st.stamp)
	}
	w.row = top + 2
	w.span("A", "B", "支部书记（签字）：＿＿＿＿＿＿＿＿＿＿", st.sign)
	if w.err != nil {
		return w.err
	}
	return onePortraitPage(f, CoverSheet, fmt.Sprintf("D%d", top+5))
}

// onePortraitPage fits the sheet, used up to last, on one A4 portrait page.
func onePortraitPage(f *excelize.File, sheet, last string) error {
	if err := portraitPage(f, sheet, last, 0.6, ""); err != nil {
		return err
	}
	one := 1
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{FitToHeight: &one})
}

// missingNote is the 备注 of a report not enclosed: its export's reason,
// without the advice meant for the person at the computer.
func missingNote(why string) string {
	if why == "" {
		return ""
	}
	reason, _, _ := strings.Cut(why, "：")
	return "未附：" + reason
}
