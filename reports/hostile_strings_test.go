package reports

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// stringsBomb is a small .xlsx whose sheet cells all point into a crafted
// shared-strings part: the header row, then rows×cols cells that each refer
// to one string of longLen characters (rich text, so a reader builds a new
// copy per cell), plus tiny extra strings nobody refers to.
func stringsBomb(t testing.TB, rows, cols, longLen, tiny int) []byte {
	t.Helper()
	var sst bytes.Buffer
	sst.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	for _, h := range []string{"姓名", "人员类别", "入党时间", "备注"} {
		fmt.Fprintf(&sst, `<si><t>%s</t></si>`, h)
	}
	fmt.Fprintf(&sst, `<si><r><t>%s</t></r><r><t>x</t></r></si>`, strings.Repeat("党", longLen))
	for range tiny {
		sst.WriteString(`<si><t>a</t></si>`)
	}
	sst.WriteString(`</sst>`)

	var sheet bytes.Buffer
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	sheet.WriteString(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>`)
	for r := 2; r <= rows+1; r++ {
		fmt.Fprintf(&sheet, `<row r="%d">`, r)
		for c := 1; c <= cols; c++ {
			fmt.Fprintf(&sheet, `<c r="%s" t="s"><v>4</v></c>`, cellName(c, r))
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData></worksheet>`)

	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet.String()},
		{"xl/sharedStrings.xml", sst.String()},
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// peakHeap runs fn while sampling the heap; it returns the most in use
// and the bytes allocated in all.
func peakHeap(fn func()) (peak, total uint64) {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan struct{})
	sampled := make(chan uint64)
	go func() {
		var m runtime.MemStats
		var top uint64
		for {
			select {
			case <-done:
				sampled <- top
				return
			default:
			}
			runtime.ReadMemStats(&m)
			top = max(top, m.HeapInuse)
			runtime.Gosched()
		}
	}()
	fn()
	close(done)
	peak = <-sampled
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	return peak, after.TotalAlloc - before.TotalAlloc
}

// TestSharedStringsBombs: files well under the size limit whose shared
// strings would inflate to gigabytes are answered quickly, in bounded
// memory, with a plain refusal or row errors.
func TestSharedStringsBombs(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name                      string
		rows, cols, longLen, tiny int
	}{
		{"one long string everywhere", 2000, 4, 30_000, 0},
		{"millions of tiny strings", 1, 1, 1, 3_000_000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw := stringsBomb(t, c.rows, c.cols, c.longLen, c.tiny)
			path := filepath.Join(dir, "bomb.xlsx")
			if err := os.WriteFile(path, raw, 0o644); err != nil {
				t.Fatal(err)
			}
			var err error
			var m *MemberImport
			peak, total := peakHeap(func() { m, err = ReadMembers(path, nil, civil.Date{Year: 2026, Month: 12, Day: 4}, nil) })
			t.Logf("%d KB file: peak heap %d MB, allocated %d MB, err=%v", len(raw)>>10, peak>>20, total>>20, err)
			if err == nil && len(m.Good()) > 0 {
				t.Errorf("%d rows of a hostile file accepted", len(m.Good()))
			}
			if total > 300<<20 {
				t.Errorf("reading allocated %d MB", total>>20)
			}
		})
	}
}

func TestOverlongCellIsARowError(t *testing.T) {
	dir := t.TempDir()
	path := newSheet(t).row(1, "姓名", "人员类别", "入党时间", "备注").
		row(2, strings.Repeat("名", 100_000), "正式党员", "2010.01", "好").
		row(3, "李四", "正式党员", "2010.01", strings.Repeat("备", 2001)).
		row(4, "王五", "正式党员", "2010.01", strings.Repeat("备", 2000)).save(dir, "long.xlsx")
	m, err := ReadMembers(path, nil, civil.Date{Year: 2026, Month: 12, Day: 4}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Rows) != 3 || len(m.Good()) != 1 || m.Good()[0].Name != "王五" {
		t.Fatalf("%d rows, good %v", len(m.Rows), m.Good())
	}
	for _, e := range m.Errors() {
		if !strings.Contains(e.Message, "内容过长") {
			t.Errorf("row %d: %s", e.Row, e.Message)
		}
	}
	if n := len(m.Rows[0].Person.Name); n > maxCellBytes {
		t.Errorf("a %d-byte cell kept in memory", n)
	}
}

// FuzzOpenWorkbook feeds raw bytes (mutated real workbooks and bombs) to the
// reader: it must answer with rows or a plain error, never panic or hang.
func FuzzOpenWorkbook(f *testing.F) {
	dir := f.TempDir()
	good := newSheet(f).row(1, "姓名", "人员类别", "入党时间").row(2, "张三", "正式党员", "2010.01").save(dir, "seed.xlsx")
	raw, _ := os.ReadFile(good)
	f.Add(raw)
	f.Add(stringsBomb(f, 3, 2, 50, 10))
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(t.TempDir(), "f.xlsx")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := ReadMembers(p, nil, civil.Date{Year: 2026, Month: 12, Day: 4}, nil)
		if err == nil && m == nil {
			t.Fatal("no result and no error")
		}
		if err != nil && englishFragment(err.Error()) {
			t.Errorf("message in English: %v", err)
		}
	})
}

// englishFragment spots a library's English error leaking into a message.
func englishFragment(msg string) bool {
	for _, f := range []string{"zip:", "flate", "EOF", "unexpected", "invalid", "no such", "permission denied", "xml"} {
		if strings.Contains(msg, f) {
			return true
		}
	}
	return false
}

// TestWorkbookTempFilesStayInTheDataFolder: a sheet too large for memory
// is spilled to a temporary file, which holds personal data: it goes into
// the data folder, never the system's temporary folder.
func TestWorkbookTempFilesStayInTheDataFolder(t *testing.T) {
	defer func(n int64) { unzipXMLSizeLimit = n }(unzipXMLSizeLimit)
	unzipXMLSizeLimit = 1 << 10
	b := newSheet(t).row(1, "姓名", "人员类别", "入党时间", "备注")
	for r := 2; r <= 60; r++ {
		b.row(r, fmt.Sprintf("张%d", r), "正式党员", "2010.01", strings.Repeat("备注", 60))
	}
	path := b.save(t.TempDir(), "big.xlsx")
	s := openStore(t)
	system := t.TempDir()
	t.Setenv("TMPDIR", system)
	var inSystem, inData int
	_, err := ReadMembers(path, s, civil.Date{Year: 2026, Month: 12, Day: 4}, func(done, total int) {
		// while the workbook is open: its temporary files exist now
		a, _ := os.ReadDir(system)
		b, _ := os.ReadDir(data.TempDir())
		inSystem, inData = max(inSystem, len(a)), max(inData, len(b))
	})
	if err != nil {
		t.Fatal(err)
	}
	if inSystem != 0 || inData == 0 {
		t.Errorf("temporary files: %d in the system's folder, %d in the data folder", inSystem, inData)
	}
}

func TestExportRefusesNamesWindowsCannotHold(t *testing.T) {
	s := openStore(t)
	dir := t.TempDir()
	for _, name := range []string{"CON.xlsx", "nul.xlsx", "名册.xlsx.", "名册 ", "COM1.xlsx"} {
		err := ExportMembers(filepath.Join(dir, name), s, ExportOptions{})
		if err == nil || !strings.Contains(err.Error(), "文件名") {
			t.Errorf("%q: %v", name, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("written: %v", entries)
	}
	if err := ExportMembers(filepath.Join(dir, "党员名册.xlsx"), s, ExportOptions{}); err != nil {
		t.Error(err)
	}
}
