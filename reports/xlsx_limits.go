package reports

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
)

// Limits on the text of an untrusted workbook. A cell may point into the
// shared-strings part, so a 35 KB file whose cells all point at one
// 30,000-character string reads as gigabytes of text, and millions of tiny
// shared strings cost a gigabyte before the first row. The part is
// measured from the zip before the spreadsheet library reads it, and the
// text handed out while reading is counted.
const (
	maxSharedStringsBytes = 32 << 20 // ~1 million distinct texts of 30 characters
	maxSharedStrings      = 400_000  // 100,000 rows × 4 distinct texts
	maxTextBytes          = 64 << 20 // all cells read from one workbook
)

// maxCellBytes: a longer cell is cut to this many bytes while reading. It
// still holds more characters than any field allows, so the row gets the
// field's “内容过长” error; only the copy in memory is bounded.
var maxCellBytes = 4 * (data.MaxFieldLen() + 1)

func tooMuchText() error {
	return problem(ErrTooLarge, "文件中的文字过多（可能是损坏或恶意构造的文件），没有读取：请确认选对了文件，或在 WPS/Excel 中只保留党员名册这一张表后另存再导入")
}

// checkSharedStrings measures the shared-strings part(s) of the zip: the
// size it unpacks to and the number of strings, counted while streaming.
func checkSharedStrings(zr *zip.Reader) error {
	for _, f := range zr.File {
		if !strings.Contains(strings.ToLower(f.Name), "sharedstrings") {
			continue
		}
		if f.UncompressedSize64 > maxSharedStringsBytes {
			return tooMuchText()
		}
		rc, err := f.Open()
		if err != nil {
			return damaged()
		}
		n, err := countStringItems(io.LimitReader(rc, maxSharedStringsBytes+1))
		rc.Close()
		if err != nil {
			return damaged()
		}
		if n > maxSharedStrings {
			return tooMuchText()
		}
	}
	return nil
}

// countStringItems counts the <si> elements (with any namespace prefix) of
// a shared-strings part without parsing it.
func countStringItems(r io.Reader) (int, error) {
	buf := make([]byte, 64<<10)
	var carry []byte
	n := 0
	for {
		k, err := r.Read(buf)
		chunk := append(carry, buf[:k]...)
		// The last bytes may begin an item cut by the chunk's end: they are
		// looked at again with the next chunk, one byte before them kept as
		// context (a start at position 0 never counts).
		end := len(chunk) - 3
		if err == io.EOF {
			end = len(chunk)
		}
		if end >= 1 {
			n += countItemsIn(chunk[:end], chunk)
			carry = append([]byte(nil), chunk[end-1:]...)
		} else {
			carry = chunk
		}
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// countItemsIn counts "si" start tags starting in head (a prefix of all).
func countItemsIn(head, all []byte) int {
	n := 0
	for i := 0; ; {
		j := bytes.Index(head[i:], []byte("si"))
		if j < 0 {
			return n
		}
		at := i + j
		i = at + 1
		if at == 0 || (all[at-1] != '<' && all[at-1] != ':') || at+2 >= len(all) {
			continue
		}
		if c := all[at+2]; c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			n++
		}
	}
}

// boundedRows reads a sheet's rows within the workbook's text budget.
type boundedRows struct {
	*excelize.Rows
	budget *int // bytes of text still allowed for the whole workbook
}

// Columns is excelize's Columns, with every cell cut to maxCellBytes and
// the text counted against the budget.
func (r *boundedRows) Columns(opts ...excelize.Options) ([]string, error) {
	cells, err := r.Rows.Columns(opts...)
	if err != nil {
		return nil, err
	}
	for i, c := range cells {
		*r.budget -= len(c)
		if len(c) > maxCellBytes {
			cells[i] = cutUTF8(c, maxCellBytes)
		}
	}
	if *r.budget < 0 {
		return nil, tooMuchText()
	}
	return cells, nil
}

// cutUTF8 copies the first n bytes of s, backing off to a whole character.
func cutUTF8(s string, n int) string {
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.Clone(s[:n])
}

// readFailed keeps the message of a limit reached while reading; anything
// else the spreadsheet library reports means a damaged file.
func readFailed(err error) error {
	var fe *fileError
	if errors.As(err, &fe) {
		return err
	}
	return damaged()
}
