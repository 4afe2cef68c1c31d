package reports

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// oleFile builds a minimal compound file (the container of .xls, .doc and
// encrypted .xlsx files) holding one stream of the given name.
func oleFile(stream string) []byte {
	const sector = 512
	const (
		freeSect  = 0xFFFFFFFF
		endChain  = 0xFFFFFFFE
		fatSect   = 0xFFFFFFFD
		noStream  = 0xFFFFFFFF
		dataSects = 8 // 4096 bytes: at the mini-stream cutoff, so no mini FAT is needed
	)
	le := binary.LittleEndian
	header := make([]byte, sector)
	copy(header, oleMagic)
	le.PutUint16(header[24:], 0x003E) // minor version
	le.PutUint16(header[26:], 3)      // major version 3: 512-byte sectors
	le.PutUint16(header[28:], 0xFFFE) // byte order
	le.PutUint16(header[30:], 9)      // sector shift
	le.PutUint16(header[32:], 6)      // mini sector shift
	le.PutUint32(header[44:], 1)      // FAT sectors
	le.PutUint32(header[48:], 1)      // first directory sector
	le.PutUint32(header[56:], 4096)   // mini stream cutoff
	le.PutUint32(header[60:], endChain)
	le.PutUint32(header[68:], endChain)
	le.PutUint32(header[76:], 0) // DIFAT[0]: the FAT is sector 0
	for i := 1; i < 109; i++ {
		le.PutUint32(header[76+4*i:], freeSect)
	}
	fat := make([]byte, sector)
	for i := range sector / 4 {
		le.PutUint32(fat[4*i:], freeSect)
	}
	le.PutUint32(fat[0:], fatSect)
	le.PutUint32(fat[4:], endChain) // directory
	for i := range dataSects {
		next := uint32(3 + i)
		if i == dataSects-1 {
			next = endChain
		}
		le.PutUint32(fat[4*(2+i):], next)
	}
	dir := make([]byte, sector)
	entry := func(n int, name string, typ byte, child, start, size uint32) {
		e := dir[128*n : 128*(n+1)]
		u := utf16.Encode([]rune(name))
		for i, c := range u {
			le.PutUint16(e[2*i:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1 // type, black
		le.PutUint32(e[68:], noStream)
		le.PutUint32(e[72:], noStream)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], start)
		le.PutUint32(e[120:], size)
	}
	entry(0, "Root Entry", 5, 1, endChain, 0)
	entry(1, stream, 2, noStream, 2, dataSects*sector)
	for n := 2; n < 4; n++ {
		entry(n, "", 0, noStream, 0, 0)
	}
	out := append(append(header, fat...), dir...)
	return append(out, bytes.Repeat([]byte{0x09, 0x08}, dataSects*sector/2)...)
}

// zipBomb is an .xlsx-shaped zip whose worksheet inflates to size bytes of
// XML. The deflate data is made by compressing one chunk of zeros and
// repeating the middle blocks, which refer only to the zeros before them, so
// building a 300 MB bomb takes milliseconds.
func zipBomb(t *testing.T, size int) []byte {
	t.Helper()
	const chunk = 1 << 20
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	zeros := make([]byte, chunk)
	fw.Write(zeros)
	fw.Flush()
	head := comp.Len()
	fw.Write(zeros)
	fw.Flush()
	mid := comp.Len()
	fw.Close()
	raw := comp.Bytes()
	var body bytes.Buffer
	body.Write(raw[:head])
	for range size/chunk - 1 {
		body.Write(raw[head:mid])
	}
	body.Write(raw[mid:])
	crc := crc32.NewIEEE()
	for range size / chunk {
		crc.Write(zeros)
	}

	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for name, content := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"xl/workbook.xml":     `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>`,
	} {
		w, _ := zw.Create(name)
		io.WriteString(w, content)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(body.Len()), UncompressedSize64: uint64(size / chunk * chunk),
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(body.Bytes())
	zw.Close()
	return out.Bytes()
}

func TestZipBombInflatesAsClaimed(t *testing.T) {
	if testing.Short() {
		t.Skip("inflates 32 MB")
	}
	const size = 32 << 20
	bomb := zipBomb(t, size)
	zr, err := zip.NewReader(bytes.NewReader(bomb), int64(len(bomb)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		n, err := io.Copy(io.Discard, rc) // the zip reader checks the CRC at the end
		if err != nil || n != size {
			t.Fatalf("inflated %d bytes, %v; want %d", n, err, size)
		}
	}
}

func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, content []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := newSheet(t).row(1, "姓名", "人员类别", "入党时间").row(2, "张三", "正式党员", "2010.01").save(dir, "good.xlsx")
	goodBytes, _ := os.ReadFile(good)
	encrypted := filepath.Join(dir, "encrypted.xlsx")
	{
		f, _ := excelize.OpenFile(good)
		if err := f.SaveAs(encrypted, excelize.Options{Password: "123456"}); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	noHeader := newSheet(t).row(1, "会议记录").row(2, "时间", "地点", "主持人").row(3, "2026-01-05", "会议室", "张三").save(dir, "minutes.xlsx")
	var docx bytes.Buffer
	{
		zw := zip.NewWriter(&docx)
		w, _ := zw.Create("word/document.xml")
		io.WriteString(w, `<w:document/>`)
		zw.Close()
	}
	var plainZip bytes.Buffer
	{
		zw := zip.NewWriter(&plainZip)
		w, _ := zw.Create("照片/1.jpg")
		w.Write([]byte{0xff, 0xd8})
		zw.Close()
	}
	huge := filepath.Join(dir, "huge.xlsx")
	if err := os.WriteFile(huge, goodBytes, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, maxFileBytes+1); err != nil { // sparse: instant
		t.Fatal(err)
	}

	cases := []struct {
		name, path string
		kind       error
		fragment   string
	}{
		{"text renamed", write("notes.xlsx", []byte("姓名,性别\n张三,男\n")), ErrNotWorkbook, "纯文本"},
		{"Word .doc renamed", write("letter.xlsx", oleFile("WordDocument")), ErrNotWorkbook, "Word"},
		{"Word .docx renamed", write("letter2.xlsx", docx.Bytes()), ErrNotWorkbook, "Word"},
		{"zip archive renamed", write("photos.xlsx", plainZip.Bytes()), ErrNotWorkbook, "没有工作表"},
		{"HTML saved as .xls", write("web.xls", []byte("\ufeff<html><table><tr><td>姓名</td></tr></table></html>")), ErrNotWorkbook, "另存为"},
		{"random bytes", write("noise.xlsx", bytes.Repeat([]byte{1, 2, 3, 250}, 300)), ErrNotWorkbook, "不是 Excel 工作簿"},
		{"empty file", write("empty.xlsx", nil), ErrEmptyFile, "空的"},
		{"Excel 97-2003", write("old.xls", oleFile("Workbook")), ErrOldExcel, "另存为"},
		{"encrypted", encrypted, ErrEncrypted, "密码"},
		{"no header", noHeader, ErrNoHeader, "“姓名”"},
		{"zip bomb", write("bomb.xlsx", zipBomb(t, 300<<20)), ErrTooLarge, "文件过大或已损坏"},
		{"truncated", write("cut.xlsx", goodBytes[:len(goodBytes)/2]), ErrTooLarge, "已损坏"},
		{"over 50 MB", huge, ErrTooLarge, "50 MB"},
		{"missing", filepath.Join(dir, "nope.xlsx"), nil, "找不到文件"},
		{"a folder", dir, nil, "文件夹"},
	}
	s := openStore(t)
	createOneByOne(t, s, samplePeople(today)[:1])
	before := countPeople(t, s)
	for _, c := range cases {
		imp, err := ReadMembers(c.path, s, today, nil)
		if err == nil {
			t.Errorf("%s: read without error (%d rows)", c.name, len(imp.Rows))
			continue
		}
		if c.kind != nil && !errors.Is(err, c.kind) {
			t.Errorf("%s: error %q is not %q", c.name, err, c.kind)
		}
		if !strings.Contains(err.Error(), c.fragment) {
			t.Errorf("%s: message %q lacks %q", c.name, err, c.fragment)
		}
	}
	if after := countPeople(t, s); after != before {
		t.Errorf("store changed: %d people before, %d after", before, after)
	}
}

func TestNoHeaderMessageNamesTheBestCandidate(t *testing.T) {
	path := newSheet(t).row(1, "名单").row(2, "姓名", "单位").row(3, "张三", "一小").save(t.TempDir(), "x.xlsx")
	_, err := ReadMembers(path, nil, today, nil)
	if !errors.Is(err, ErrNoHeader) || !strings.Contains(err.Error(), "第 2 行最像表头") || !strings.Contains(err.Error(), "“姓名”") {
		t.Errorf("message = %v", err)
	}
}
