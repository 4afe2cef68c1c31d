package reports

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/demo"
	"partyoffice/data/idcard"
)

// The checks every workbook must pass, run over every export in Exports()
// with each of its variants, on the demo branch. Each sheet is read a
// second way, from its raw XML, as the readers districts use (read-only
// modes, merging scripts) read it.

var demoOnce struct {
	sync.Once
	dir string
	err error
}

// demoStore is a copy of the demo branch filled today (filled once per
// test binary: it takes a few seconds).
func demoStore(t *testing.T) *data.Store {
	t.Helper()
	demoOnce.Do(func() {
		demoOnce.dir, demoOnce.err = os.MkdirTemp("", "reports-demo-")
		if demoOnce.err != nil {
			return
		}
		s, err := data.Open(demoOnce.dir)
		if err != nil {
			demoOnce.err = err
			return
		}
		defer s.Close()
		demoOnce.err = demo.Fill(s, civil.Today())
	})
	if demoOnce.err != nil {
		t.Fatal(demoOnce.err)
	}
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join(demoOnce.dir, data.DBFileName))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, data.DBFileName), src, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// exportVariant is one export with one set of options.
type exportVariant struct {
	name string
	e    Export
	opt  ReportOptions
}

// everyVariant is every export with its plain options and each of its
// switches on.
func everyVariant() []exportVariant {
	year := civil.Today().Year
	var out []exportVariant
	for _, e := range Exports() {
		base := ReportOptions{Year: year}
		out = append(out, exportVariant{e.Verb, e, base})
		if e.Has(OptMask) {
			o := base
			o.Mask = true
			out = append(out, exportVariant{e.Verb + " --mask", e, o})
		}
		if e.Has(OptPublicity) {
			o := base
			o.Publicity = true
			out = append(out, exportVariant{e.Verb + " --publicity", e, o})
		}
		if e.Has(OptQuarter) {
			o := base
			o.Quarter = 3
			out = append(out, exportVariant{e.Verb + " --quarter 3", e, o})
		}
	}
	return out
}

// exportAll writes every variant into a folder and returns the paths.
func exportAll(t *testing.T, s *data.Store) map[string]string {
	t.Helper()
	dir := t.TempDir()
	paths := map[string]string{}
	for i, v := range everyVariant() {
		path := filepath.Join(dir, fmt.Sprintf("%02d-%s.xlsx", i, v.e.Verb))
		if err := v.e.Write(path, s, v.opt); err != nil {
			t.Fatalf("export %s: %v", v.name, err)
		}
		paths[v.name] = path
	}
	return paths
}

func TestEveryExportListedOnce(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range Exports() {
		if e.Verb == "" || e.Name == "" || e.Help == "" || e.Write == nil || seen[e.Verb] {
			t.Errorf("export %+v: empty field or verb listed twice", e)
		}
		seen[e.Verb] = true
	}
}

// Each check is a test of its own, so that each fails on its own.
func TestEveryExportDeclaresItsUsedRange(t *testing.T) { checkEveryExport(t, checkRange) }
func TestEveryExportRowHeights(t *testing.T)           { checkEveryExport(t, checkHeights) }
func TestEveryExportFileProperties(t *testing.T)       { checkEveryExport(t, nil) }
func TestEveryExportPrintsNoDraftMarkers(t *testing.T) { checkEveryExport(t, checkNoDraftMarkers) }

// checkNoDraftMarkers: what a branch signs and sends upward never carries
// 待核对原文, an unverified-article star or a draft word (docs/rules.md,
// "Citations").
func checkNoDraftMarkers(f *excelize.File, sheet string, _ rawSheet) []string {
	rows, err := f.GetRows(sheet)
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	for i, row := range rows {
		for _, cell := range row {
			for _, marker := range []string{"待核对", "草稿", "DRAFT", "条*"} {
				if strings.Contains(cell, marker) {
					problems = append(problems, fmt.Sprintf("%s row %d: %q", sheet, i+1, marker))
				}
			}
		}
	}
	return problems
}

// sheetCheck returns the problems of one sheet.
type sheetCheck func(f *excelize.File, sheet string, raw rawSheet) []string

// checkEveryExport runs check over every sheet of every export; a nil
// check looks at the file properties instead.
func checkEveryExport(t *testing.T, check sheetCheck) {
	s := demoStore(t)
	for name, path := range exportAll(t, s) {
		for _, problem := range checkWorkbook(t, path, check) {
			t.Errorf("%s: %s", name, problem)
		}
	}
}

// rawSheet is the part of a worksheet's XML the checks read.
type rawSheet struct {
	Dimension struct {
		Ref string `xml:"ref,attr"`
	} `xml:"dimension"`
	Rows []struct {
		R     int     `xml:"r,attr"`
		Ht    float64 `xml:"ht,attr"`
		Cells []struct {
			R string   `xml:"r,attr"`
			V *string  `xml:"v"`
			I *xmlText `xml:"is"`
		} `xml:"c"`
	} `xml:"sheetData>row"`
}

type xmlText struct {
	T string `xml:"t"`
}

// checkWorkbook returns what a second reader would stumble on.
func checkWorkbook(t *testing.T, path string, check sheetCheck) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if check == nil {
		return checkProperties(f)
	}
	var problems []string
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for i, sheet := range f.GetSheetList() {
		raw := readRawSheet(t, &zr.Reader, fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1))
		for _, p := range check(f, sheet, raw) {
			problems = append(problems, "["+sheet+"] "+p)
		}
	}
	return problems
}

func readRawSheet(t *testing.T, zr *zip.Reader, name string) rawSheet {
	t.Helper()
	fh, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	b, err := io.ReadAll(fh)
	if err != nil {
		t.Fatal(err)
	}
	var raw rawSheet
	if err := xml.Unmarshal(b, &raw); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return raw
}

// checkProperties: author, title, dates of now, the app and its version.
func checkProperties(f *excelize.File) []string {
	var out []string
	p, err := f.GetDocProps()
	if err != nil {
		return []string{err.Error()}
	}
	if p.Creator == "" || p.Creator == "xuri" || p.Title == "" {
		out = append(out, fmt.Sprintf("author %q, title %q", p.Creator, p.Title))
	}
	for _, d := range []string{p.Created, p.Modified} {
		at, err := time.Parse(time.RFC3339, d)
		if err != nil || time.Since(at).Abs() > time.Hour {
			out = append(out, "created/modified "+d+" is not now")
		}
	}
	app, err := f.GetAppProps()
	if err != nil || !strings.Contains(app.Application, data.AppVersion) || !strings.Contains(app.Application, "党支部工作台") {
		out = append(out, fmt.Sprintf("application %q lacks the app and its version", app.Application))
	}
	return out
}

// checkRange compares the declared range with the cells really written.
func checkRange(_ *excelize.File, _ string, raw rawSheet) []string {
	var out []string
	maxCol, maxRow := 0, 0
	for _, r := range raw.Rows {
		for _, c := range r.Cells {
			if c.V == nil && c.I == nil {
				continue // a styled empty cell
			}
			col, row, err := excelize.CellNameToCoordinates(c.R)
			if err != nil {
				return []string{err.Error()}
			}
			maxCol, maxRow = max(maxCol, col), max(maxRow, row)
		}
	}
	if maxRow > 0 {
		_, lastCell, _ := strings.Cut(raw.Dimension.Ref, ":")
		col, row, err := excelize.CellNameToCoordinates(lastCell)
		if err != nil || col < maxCol || row < maxRow {
			out = append(out, fmt.Sprintf("declares %q but has values up to %s", raw.Dimension.Ref, cellName(maxCol, maxRow)))
		}
	}
	return out
}

// checkHeights: no row over Excel's 409 points, and each text cell's row
// tall enough for its lines (explicit breaks and wrapping at the width of
// the cell, merged cells included).
func checkHeights(f *excelize.File, sheet string, raw rawSheet) []string {
	var out []string
	widths := mergedWidths(f, sheet)
	for _, r := range raw.Rows {
		if r.Ht > 409 {
			out = append(out, fmt.Sprintf("row %d is %.0f points (Excel's limit is 409)", r.R, r.Ht))
		}
		height := r.Ht
		if height == 0 {
			height = 15 // Excel's default height of a row at 11 points
		}
		for _, c := range r.Cells {
			if c.V == nil && c.I == nil {
				continue // empty, or covered by a merged cell
			}
			text, _ := f.GetCellValue(sheet, c.R)
			w, ok := widths[c.R]
			if !ok {
				col, _, _ := excelize.CellNameToCoordinates(c.R)
				w, _ = f.GetColWidth(sheet, colName(col))
			}
			ratio := fontRatio(f, sheet, c.R)
			if lines := wrappedLines(text, w/ratio); text != "" && lines > 1 && height < lines*12*ratio && height < 409 {
				out = append(out, fmt.Sprintf("%s holds %.0f lines in a row of %.0f points", c.R, lines, height))
			}
		}
	}
	return out
}

// fontRatio is the cell's font size against the body's 11 points.
func fontRatio(f *excelize.File, sheet, cell string) float64 {
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		return 1
	}
	st, err := f.GetStyle(id)
	if err != nil || st.Font == nil || st.Font.Size == 0 {
		return 1
	}
	return st.Font.Size / 11
}

// mergedWidths is the width of each merged range, by its first cell.
func mergedWidths(f *excelize.File, sheet string) map[string]float64 {
	out := map[string]float64{}
	merged, _ := f.GetMergeCells(sheet)
	for _, m := range merged {
		c1, _, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, _, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		total := 0.0
		for c := c1; c <= c2; c++ {
			w, _ := f.GetColWidth(sheet, colName(c))
			total += w
		}
		out[m.GetStartAxis()] = total
	}
	return out
}

// TestLongFieldsNeverFailAnExport: a 备注 of 220 characters made the whole
// 党员名册 fail ("row height must be ≤ 409 points"); a very long one, and a
// long speech in the minutes, must still export with every row legal.
func TestLongFieldsNeverFailAnExport(t *testing.T) {
	s := demoStore(t)
	people, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range []int{220, data.FieldMaxLen[data.FieldRemark]} { // the longest 备注 the store takes
		p := people[i]
		p.Remark = strings.Repeat("长", n)
		if err := s.UpdatePerson(&p); err != nil {
			t.Fatal(err)
		}
	}
	ms, err := s.Meetings(data.MeetingFilter{})
	if err != nil || len(ms) == 0 {
		t.Fatal(ms, err)
	}
	m := ms[0]
	m.Speeches = append(m.Speeches, data.MeetingSpeech{Speaker: "张三", Content: strings.Repeat("发言第一段。\n", 40) + strings.Repeat("很长", 1500)})
	if err := s.SaveMeeting(&m); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, verb := range []string{"members", "minutes"} {
		e, _ := FindExport(verb)
		path := filepath.Join(dir, verb+".xlsx")
		if err := e.Write(path, s, ReportOptions{Year: m.Date.Year}); err != nil {
			t.Fatalf("%s: %v", verb, err)
		}
		for _, p := range checkWorkbook(t, path, checkHeights) {
			t.Errorf("%s: %s", verb, p)
		}
	}
}

// TestSummaryNeverSaysDoneBesideAShortfall: with --quarter 3, 讲思政课 0 of
// 4 and 听思政课 1 of 4 printed 已完成 (the spring semester, judged whole).
// A verdict is about the span the row shows, or names its period with that
// period's numbers.
func TestSummaryNeverSaysDoneBesideAShortfall(t *testing.T) {
	s := demoStore(t)
	today := civil.Today()
	for _, year := range []int{today.Year - 1, today.Year} {
		for q := 0; q <= 4; q++ {
			path := filepath.Join(t.TempDir(), "sum.xlsx")
			e, _ := FindExport("meetings-summary")
			if err := e.Write(path, s, ReportOptions{Year: year, Quarter: q}); err != nil {
				t.Fatal(err)
			}
			f := readBack(t, path)
			rows, err := f.GetRows(f.GetSheetName(0))
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			header := rows[headerRow-1]
			col := func(name string) int { return slices.Index(header, name) }
			for _, r := range rows[headerRow:] {
				if len(r) <= col("完成情况") {
					continue
				}
				verdict := r[col("完成情况")]
				held, _ := strconv.Atoi(r[col("合计")])
				required, _ := strconv.Atoi(r[col("应开展")])
				if strings.HasPrefix(verdict, "已完成") && held < required {
					t.Errorf("%d Q%d %s: 已完成 beside %d of %d", year, q, r[1], held, required)
				}
				for _, part := range strings.Split(verdict, "；") {
					var h, n int
					if _, err := fmt.Sscanf(part[strings.LastIndex(part, " ")+1:], "%d/%d", &h, &n); err == nil &&
						strings.Contains(part, "已完成") && h < n {
						t.Errorf("%d Q%d %s: %s", year, q, r[1], part)
					}
				}
			}
		}
	}
}

// TestMaskedExportsCannotBeRebuilt tries to rebuild each hidden value of
// every masked and 公示 export from the other columns of the same file:
// the masked ID number's hidden digits from the birth date and sex printed
// beside it, and the address, phones and 备注 from any cell in clear.
func TestMaskedExportsCannotBeRebuilt(t *testing.T) {
	s := demoStore(t)
	people, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]data.Person{}
	for _, p := range people {
		byName[p.Name] = p
	}
	paths := exportAll(t, s)
	for _, v := range everyVariant() {
		if !v.opt.Mask && !v.opt.Publicity {
			continue
		}
		f := readBack(t, paths[v.name])
		sheet := f.GetSheetName(0)
		rows, err := f.GetRows(sheet)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		header := rows[headerRow-1]
		if v.opt.Publicity {
			checkPublicity(t, rows, header)
		}
		at := func(r []string, name string) string {
			if i := slices.Index(header, name); i >= 0 && i < len(r) {
				return r[i]
			}
			return ""
		}
		checked := 0
		for _, r := range rows[headerRow:] {
			p, ok := byName[at(r, data.FieldName)]
			if !ok {
				continue
			}
			checked++
			for _, secret := range []string{p.IDNumber, p.Mobile, p.Phone, p.Address, p.Remark, p.BirthDate.String()} {
				if len([]rune(secret)) >= 6 && slices.ContainsFunc(r, func(c string) bool { return strings.Contains(c, secret) }) {
					t.Errorf("%s: %s's %q printed in clear", v.name, p.Name, secret)
				}
			}
			birth := at(r, data.FieldBirth) + at(r, publicityBirth)
			if id := at(r, data.FieldIDNumber); id != "" {
				if n := idCandidates(id, birth, at(r, data.FieldGender)); n < 10 {
					t.Errorf("%s: %s's ID %s rebuilt from the sheet (%d candidates)", v.name, p.Name, id, n)
				}
			}
		}
		if checked == 0 {
			t.Errorf("%s: no person checked", v.name)
		}
	}
}

// checkPublicity: a 公示 has only the columns the rules allow, the title
// says 公示, and the 公示期 and 监督电话 are under it.
func checkPublicity(t *testing.T, rows [][]string, header []string) {
	t.Helper()
	want := []string{"序号", "姓名", "性别", "出生年月", "学历", "工作岗位", "申请入党时间", "确定为入党积极分子时间", "培养联系人", "入党介绍人"}
	if !slices.Equal(header, want) {
		t.Errorf("公示 columns %q, want %q", header, want)
	}
	if !strings.Contains(rows[0][0], "公示") {
		t.Errorf("公示 title %q", rows[0][0])
	}
	last := rows[len(rows)-1]
	if len(last) == 0 || !strings.Contains(last[0], "公示期") || !strings.Contains(last[0], "监督电话") {
		t.Errorf("公示 ends with %q, want the 公示期 and 监督电话", last)
	}
}

// idCandidates counts the ID numbers that fit a masked one, the birth date
// printed beside it (yyyy-mm-dd, yyyy.mm or empty) and the sex.
func idCandidates(masked, birth, gender string) int {
	if len(masked) != 18 || !strings.Contains(masked, "*") {
		return 1 // in clear
	}
	var dates []string
	for d := civil.New(1940, 1, 1); d.Year < 2015; d = d.AddDays(1) {
		digits := fmt.Sprintf("%04d%02d%02d", d.Year, d.Month, d.Day)
		if fits(masked[6:14], digits) && (birth == "" || strings.HasPrefix(d.String(), strings.ReplaceAll(birth, ".", "-"))) {
			dates = append(dates, digits)
		}
	}
	var seqs []string
	for n := 0; n < 1000; n++ {
		seq := fmt.Sprintf("%03d", n)
		if fits(masked[14:17], seq) && (gender == "" || (n%2 == 1) == (gender == "男")) {
			seqs = append(seqs, seq)
		}
	}
	if masked[17] == '*' || len(dates)*len(seqs) > 20000 {
		return len(dates) * len(seqs) // the check digit does not narrow it below this much
	}
	n := 0
	for _, d := range dates {
		for _, seq := range seqs {
			first17 := masked[:6] + d + seq
			if fits(first17, first17) && string(idcard.CheckDigit(first17)) == masked[17:] {
				n++
			}
		}
	}
	return n
}

// fits reports whether digits matches the visible characters of masked.
func fits(masked, digits string) bool {
	for i := range masked {
		if masked[i] != '*' && masked[i] != digits[i] {
			return false
		}
	}
	return true
}

// TestTwoPagesWidePrintOverThenDown: the 党员名册 prints two pages wide;
// each row's halves follow each other, and the signature line stays on the
// left page.
func TestTwoPagesWidePrintOverThenDown(t *testing.T) {
	s := demoStore(t)
	path := filepath.Join(t.TempDir(), "members.xlsx")
	if err := ExportMembers(path, s, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	f := readBack(t, path)
	defer f.Close()
	layout, err := f.GetPageLayout("党员名册")
	if err != nil || layout.FitToWidth == nil || *layout.FitToWidth != 2 {
		t.Fatalf("not two pages wide: %+v %v", layout, err)
	}
	if layout.PageOrder == nil || *layout.PageOrder != "overThenDown" {
		t.Errorf("page order %v, want overThenDown", layout.PageOrder)
	}
	merged, _ := f.GetMergeCells("党员名册")
	widths := 0.0
	cols, _ := f.GetCols("党员名册")
	for i := range cols {
		w, _ := f.GetColWidth("党员名册", colName(i+1))
		widths += w
	}
	for _, m := range merged {
		if !strings.HasPrefix(m.GetCellValue(), "支部书记") {
			continue
		}
		start, _, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		if start <= 2 {
			t.Errorf("signature starts in %s, a column repeated on every page", m.GetStartAxis())
		}
		end, _, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		left := 0.0
		for c := 1; c <= end; c++ {
			w, _ := f.GetColWidth("党员名册", colName(c))
			left += w
		}
		if left > widths/2 {
			t.Errorf("signature spans %s (%.0f of %.0f characters): it reaches the right page", m.GetEndAxis(), left, widths)
		}
		return
	}
	t.Error("no signature line")
}

// TestAttendanceRateIsANumberAndLeaversAreMarked: 出席率 is a number shown
// as a percentage, and a person transferred out in the year says so.
func TestAttendanceRateIsANumberAndLeaversAreMarked(t *testing.T) {
	s := demoStore(t)
	ms, err := s.Meetings(data.MeetingFilter{})
	if err != nil || len(ms) == 0 {
		t.Fatal(ms, err)
	}
	year := ms[0].Date.Year
	var leaver *data.MeetingAttendance
	for i := range ms[0].Attendance {
		if a := &ms[0].Attendance[i]; a.PersonID != 0 && a.Expected {
			leaver = a
			break
		}
	}
	if leaver == nil {
		t.Fatal("no expected member at the first sitting")
	}
	out := civil.New(year, 12, 1)
	if civil.Today().Before(out) {
		out = civil.Today()
	}
	if err := s.AddStatusEvent(leaver.PersonID, data.StatusEvent{Kind: data.EventTransferOut, Date: out, Destination: "银川市第二小学党支部"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "attendance.xlsx")
	e, _ := FindExport("attendance")
	if err := e.Write(path, s, ReportOptions{Year: year}); err != nil {
		t.Fatal(err)
	}
	f := readBack(t, path)
	defer f.Close()
	sheet := f.GetSheetName(0)
	rows, _ := f.GetRows(sheet)
	header := rows[headerRow-1]
	rateCol, leftCol := slices.Index(header, "出席率")+1, slices.Index(header, "变动情况")+1
	if rateCol == 0 || leftCol == 0 {
		t.Fatalf("header %q", header)
	}
	marked := false
	for i, r := range rows[headerRow:] {
		row := headerRow + i + 1
		if len(r) < 2 || r[1] == "" {
			continue
		}
		if typ, _ := f.GetCellType(sheet, cellName(rateCol, row)); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("出席率 on row %d is %v", row, typ)
		}
		if r[1] == leaver.Name {
			left, _ := f.GetCellValue(sheet, cellName(leftCol, row))
			marked = strings.Contains(left, "已转出") && strings.Contains(left, fmt.Sprintf("%d.%02d", out.Year, out.Month))
		}
	}
	if !marked {
		t.Errorf("%s transferred out on %s is not marked", leaver.Name, out)
	}
}

// TestDevRecordHasEveryStep: the 全程纪实台账 has a column for each of the
// 25 steps (and their people), the version and the open findings, and a
// person's recorded steps all show.
func TestDevRecordHasEveryStep(t *testing.T) {
	s := demoStore(t)
	path := filepath.Join(t.TempDir(), "devrecord.xlsx")
	e, ok := FindExport("devrecord")
	if !ok {
		t.Fatal("no devrecord export")
	}
	if err := e.Write(path, s, ReportOptions{Year: civil.Today().Year}); err != nil {
		t.Fatal(err)
	}
	f := readBack(t, path)
	defer f.Close()
	rows, _ := f.GetRows(f.GetSheetName(0))
	header := rows[headerRow-1]
	for n := 1; n <= data.StepCount; n++ {
		def := data.StepDefFor(n)
		if !slices.Contains(header, fmt.Sprintf("%d.%s", n, def.Name)) {
			t.Errorf("no column for step %d %s", n, def.Name)
		}
		if len(def.People) > 0 && !slices.Contains(header, fmt.Sprintf("%d.%s人员", n, def.Name)) {
			t.Errorf("no people column for step %d %s", n, def.Name)
		}
	}
	for _, h := range []string{hRuleVersion, hFindings, data.FieldBranch} {
		if !slices.Contains(header, h) {
			t.Errorf("no column %s", h)
		}
	}
	dev, err := s.LoadDevData()
	if err != nil {
		t.Fatal(err)
	}
	people := 0
	for _, r := range rows[headerRow:] {
		if len(r) < 2 || r[1] == "" || !strings.ContainsAny(r[0], "0123456789") {
			continue
		}
		people++
		for _, p := range dev.People {
			if p.Name != r[1] {
				continue
			}
			for _, st := range dev.Steps[p.ID] {
				i := slices.Index(header, fmt.Sprintf("%d.%s", st.Step, data.StepDefFor(st.Step).Name))
				if i >= len(r) || r[i] == "" {
					t.Errorf("%s: step %d of %s is blank", p.Name, st.Step, st.Date)
				}
			}
		}
	}
	if people == 0 {
		t.Error("no one in the 台账")
	}
}

// TestChangesBalance: opening + increases − decreases = closing, the
// closing count is the register's, and a transfer out shows with its
// destination and 介绍信编号.
func TestChangesBalance(t *testing.T) {
	s := demoStore(t)
	today := civil.Today()
	people, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	register := data.FilterPeople(people, data.PersonFilter{View: data.ViewRegister})
	leaver := register[0]
	if err := s.AddStatusEvent(leaver.ID, data.StatusEvent{Kind: data.EventTransferOut, Date: today,
		Destination: "银川市第二小学党支部", Note: "介绍信编号：2026-015"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "changes.xlsx")
	e, _ := FindExport("changes")
	if err := e.Write(path, s, ReportOptions{Year: today.Year}); err != nil {
		t.Fatal(err)
	}
	f := readBack(t, path)
	defer f.Close()
	sum, _ := f.GetRows("增减汇总")
	value := map[string]int{}
	for _, r := range sum[headerRow:] {
		if len(r) >= 3 {
			n, _ := strconv.Atoi(r[2])
			value[r[1]] = n
		}
	}
	opening, plus, minus := value[fmt.Sprintf("%d年初党员数", today.Year)], value["本年增加"], value["本年减少"]
	closing := value["期末党员数"]
	if opening+plus-minus != closing || closing != len(register)-1 || opening == 0 {
		t.Errorf("年初 %d + %d − %d = 期末 %d; register now %d", opening, plus, minus, closing, len(register)-1)
	}
	rows, _ := f.GetRows("党员增减及组织关系转接登记表")
	found := false
	for _, r := range rows[headerRow:] {
		line := strings.Join(r, "|")
		if strings.Contains(line, leaver.Name) && strings.Contains(line, "减少") &&
			strings.Contains(line, "银川市第二小学党支部") && strings.Contains(line, "|2026-015|") {
			found = true
		}
	}
	if !found {
		t.Errorf("no 减少 line for %s's transfer out", leaver.Name)
	}
}

// personRegisters are the exports with one row per person.
var personRegisters = []string{"members", "applicants", "activists", "candidates", "devplan", "probationers",
	"devrecord", "attendance", "changes"}

// TestOneVocabularyForPersonRegisters: the same field has the same header
// everywhere (no other spelling the 党员名册 knows), 姓名 性别 民族 公民身份号码
// 出生日期 come in the 采集表's order, 所在党支部 is in every register, there
// is exactly one header row and no merged cell among the data rows.
func TestOneVocabularyForPersonRegisters(t *testing.T) {
	s := demoStore(t)
	paths := exportAll(t, s)
	order := []string{data.FieldName, data.FieldGender, data.FieldEthnicity, data.FieldIDNumber, data.FieldBirth}
	members := MemberRegister()
	for _, verb := range personRegisters {
		f := readBack(t, paths[verb])
		sheet := f.GetSheetName(0)
		rows, _ := f.GetRows(sheet)
		merged, _ := f.GetMergeCells(sheet)
		f.Close()
		header := rows[headerRow-1]
		if !slices.Contains(header, data.FieldBranch) {
			t.Errorf("%s: no %s column", verb, data.FieldBranch)
		}
		last := -1
		for _, h := range order {
			i := slices.Index(header, h)
			if i >= 0 && i < last {
				t.Errorf("%s: %s out of the 采集表 order: %q", verb, h, header)
			}
			last = max(last, i)
		}
		for _, h := range header {
			if i := members.column(h); i >= 0 && members.Columns[i].Header != h {
				t.Errorf("%s: header %q, the 党员名册 calls it %q", verb, h, members.Columns[i].Header)
			}
		}
		if len(rows) > headerRow && len(rows[headerRow]) > 0 && rows[headerRow][0] != "1" && rows[headerRow][0] != "" {
			t.Errorf("%s: the row under the header is %q, not the first data row", verb, rows[headerRow])
		}
		for _, m := range merged {
			_, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
			if r1 > headerRow && !strings.Contains(m.GetCellValue(), "：") {
				t.Errorf("%s: merged cells %s:%s among the data rows", verb, m.GetStartAxis(), m.GetEndAxis())
			}
		}
	}
}

// TestStageRegistersShowTheirSteps: the 发展对象名册 and 预备党员名册 carry
// the steps of their stage (14 志愿书, 18 备案, 20 宣誓, 22–25 转正 and 归档),
// filled where the person has the record.
func TestStageRegistersShowTheirSteps(t *testing.T) {
	s := demoStore(t)
	dev, err := s.LoadDevData()
	if err != nil {
		t.Fatal(err)
	}
	paths := exportAll(t, s)
	filled := 0
	for verb, steps := range map[string]map[int]string{
		"candidates":   {data.StepPledge: hPledgeDate, data.StepApprovalFiled: hApprovalFiled},
		"probationers": {data.StepOath: hOath, data.StepTransferApply: hTransferApply, data.StepTransferMeeting: hTransferMeeting, data.StepTransferApproval: hTransferApproval, data.StepArchive: hArchived},
	} {
		f := readBack(t, paths[verb])
		rows, _ := f.GetRows(f.GetSheetName(0))
		f.Close()
		header := rows[headerRow-1]
		for step, h := range steps {
			col := slices.Index(header, h)
			if col < 0 {
				t.Errorf("%s: no column %s", verb, h)
				continue
			}
			for _, r := range rows[headerRow:] {
				for _, p := range dev.People {
					if len(r) < 2 || p.Name != r[1] || data.LatestDevStep(dev.Steps[p.ID], step) == nil {
						continue
					}
					if col >= len(r) || r[col] == "" {
						t.Errorf("%s: %s has step %d but %s is blank", verb, p.Name, step, h)
					} else {
						filled++
					}
				}
			}
		}
	}
	if filled == 0 {
		t.Error("no step of these columns recorded in the demo: the test checks nothing")
	}
}
