package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
)

// The hidden _meta sheet of a pack: what the district side reads instead of
// guessing (format, program, branch, period), the 党内统计 as numbers, and a
// SHA-256 of each sheet's cell values, so a pack edited after it was made
// is noticed (docs/ARCHITECTURE.md, "The 上报 pack").
//
// Layout, column A a key and B… its values:
//
//	格式 | 党支部工作台上报包
//	格式版本 | 1
//	… one line per metaKey …
//	工作表 | 报表 | 行数 | SHA-256      (one line per sheet after it)
//	统计 | 表 | 项目 | 人数          (one line per statistic after it)

// PackFormat is the version of the _meta layout. A reader reads every
// version up to its own and says when a pack is older.
const PackFormat = 1

// packMagic marks a workbook as a pack.
const packMagic = "党支部工作台上报包"

// The keys of _meta's head, in order.
const (
	metaMagic    = "格式"
	metaFormat   = "格式版本"
	metaApp      = "程序版本"
	metaBranch   = "支部名称"
	metaCode     = "党组织代码"
	metaSuperior = "上级党委"
	metaPeriod   = "期间"
	metaFrom     = "期间开始"
	metaTo       = "期间结束"
	metaAsOf     = "截至日期"
	metaMade     = "生成时间"
	metaSheets   = "工作表"
	metaStats    = "统计"
)

func (p *Pack) writeMeta(f *excelize.File, placed []placedSheet) error {
	if _, err := f.NewSheet(MetaSheet); err != nil {
		return err
	}
	from, to := p.Period.Span()
	rows := [][]any{
		{metaMagic, packMagic},
		{metaFormat, PackFormat},
		{metaApp, AppName + " " + data.AppVersion},
		{metaBranch, p.Branch.Name},
		{metaCode, p.Branch.Code},
		{metaSuperior, p.Branch.Superior},
		{metaPeriod, p.Period.Label()},
		{metaFrom, from.String()},
		{metaTo, to.String()},
		{metaAsOf, p.AsOf.String()},
		{metaMade, p.Made.Format(time.RFC3339)},
		{metaSheets, "报表", "行数", "SHA-256"},
	}
	counts := map[string]int{}
	for _, it := range p.Items {
		counts[it.Verb] = it.Count
	}
	for _, s := range append([]placedSheet{{name: CoverSheet}, {name: SummarySheet}}, placed...) {
		sum, err := SheetChecksum(f, s.name)
		if err != nil {
			return err
		}
		rows = append(rows, []any{s.name, s.verb, counts[s.verb], sum})
	}
	rows = append(rows, []any{metaStats, "表", "项目", "人数"})
	for _, t := range p.Stats.Tables {
		for _, r := range t.Rows {
			rows = append(rows, []any{"", statTableKey(t.Title), r.Label, r.Count})
		}
	}
	for i, r := range rows {
		if err := f.SetSheetRow(MetaSheet, cellName(1, i+1), &r); err != nil {
			return err
		}
	}
	return f.SetSheetVisible(MetaSheet, false)
}

// statTableKey is a table's title without its date, so the same table of
// two branches has the same key: 2026年发展党员情况（截至…） → 2026年发展党员情况.
func statTableKey(title string) string {
	key, _, _ := strings.Cut(title, "（截至")
	return key
}

// SheetChecksum is the SHA-256 of a sheet's cell values, row by row: what
// a person reads, not how the file stores it, so opening and saving a pack
// unchanged in Excel or WPS keeps it, and any edited cell changes it.
// Numbers with a fraction count to 12 significant digits (a program may
// save 0.1 as 0.10000000000000001).
func SheetChecksum(f *excelize.File, sheet string) (string, error) {
	budget := maxPackText
	rows, err := sheetRows(f, sheet, &budget)
	if err != nil {
		return "", err
	}
	return rowsChecksum(rows), nil
}

// rowsChecksum is SheetChecksum over rows already read.
func rowsChecksum(rows [][]string) string {
	h := sha256.New()
	for i, r := range rows {
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		if len(r) == 0 {
			continue
		}
		fmt.Fprintf(h, "%d", i+1)
		for _, v := range r {
			h.Write([]byte{0x1f})
			h.Write([]byte(normalNumber(v)))
		}
		h.Write([]byte{0x1e})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Bounds for reading a pack, which comes from anyone: rows per sheet and
// text per pack (the file itself is bounded by openWorkbook).
const (
	maxPackRows = 20000
	maxPackText = 64 << 20
)

var errPackTooBig = errors.New("工作表过大，不像是一个支部的上报材料")

// sheetRows reads a sheet's raw cell values row by row (empty rows kept, so
// row numbers stay), within the row bound and the text budget.
func sheetRows(f *excelize.File, sheet string, budget *int) ([][]string, error) {
	return readRows(f, sheet, budget, excelize.Options{RawCellValue: true})
}

// shownRows is sheetRows with the values as the sheet shows them (dates
// formatted), for drawing.
func shownRows(f *excelize.File, sheet string, budget *int) ([][]string, error) {
	return readRows(f, sheet, budget, excelize.Options{})
}

func readRows(f *excelize.File, sheet string, budget *int, opt excelize.Options) ([][]string, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out [][]string
	for it.Next() {
		if len(out) >= maxPackRows {
			return nil, errPackTooBig
		}
		r, err := it.Columns(opt)
		if err != nil {
			return nil, err
		}
		for _, v := range r {
			*budget -= len(v)
		}
		if *budget < 0 {
			return nil, errPackTooBig
		}
		out = append(out, r)
	}
	return out, it.Error()
}

func normalNumber(v string) string {
	if !strings.ContainsAny(v, ".eE") {
		return v
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	return strconv.FormatFloat(x, 'g', 12, 64)
}

// Lines counts the lines of all tables.
func (st *Stats) Lines() int {
	n := 0
	for _, t := range st.Tables {
		n += len(t.Rows)
	}
	return n
}
