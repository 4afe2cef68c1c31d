package reports

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// The 汇总 workbook a district writes from the packs (district.go).

// Sheet names of the district's 汇总 workbook.
const (
	MergeFilesSheet    = "上报情况"
	MergeStatsSheet    = "统计汇总"
	MergeProblemsSheet = "问题"
	branchColumn       = "所在党支部"
)

// row is a line of a table built at run time.
type row []any

// tableRegister describes a table whose columns are known only at run time.
func tableRegister(name string, headers []string, numeric func(i int) bool) *Register[row] {
	reg := &Register[row]{Name: name}
	for i, h := range headers {
		c := Column[row]{Header: h, Get: func(r *row) any {
			if i < len(*r) {
				return (*r)[i]
			}
			return nil
		}}
		if numeric != nil && numeric(i) {
			c.Kind = KindNumber
		}
		reg.Columns = append(reg.Columns, c)
	}
	return reg
}

// WriteMerge writes the 汇总 workbook at path (.xlsx), atomically.
func WriteMerge(m *Merge, path, district string) error {
	doc := func(title string) Document {
		return Document{Title: district + title, Unit: district, Signature: SignatureLine}
	}
	sheets := []sheetWriter{m.filesSheet(doc), m.statsSheet(doc)}
	sheets = append(sheets, m.registerSheets(doc)...)
	info := fileInfo{Title: district + "上报材料汇总（" + m.Period + "）", Author: district, Made: time.Now()}
	return writeWorkbook(path, info, append(sheets, m.problemsSheet(doc))...)
}

func (m *Merge) filesSheet(doc func(string) Document) sheetWriter {
	reg := tableRegister(MergeFilesSheet, []string{"文件", "支部名称", "党组织代码", "期间", "生成时间", "状态"}, nil)
	var rows []row
	for _, pf := range m.Files {
		rows = append(rows, row{filepath.Base(pf.Path), pf.Branch, pf.Code, pf.Period, pf.Made, pf.Status})
	}
	return registerSheet(reg, doc(fmt.Sprintf("上报材料汇总情况（%s）", m.Period)), rows, nil)
}

// statsSheet: one row per branch, one column per statistic, and 合计.
func (m *Merge) statsSheet(doc func(string) Document) sheetWriter {
	headers := []string{"支部名称", "党组织代码"}
	for _, k := range m.Items {
		headers = append(headers, k.Table+"："+k.Label)
	}
	reg := tableRegister(MergeStatsSheet, headers, func(i int) bool { return i >= 2 })
	reg.FreezeColumns = 1
	var rows []row
	for _, pf := range m.Files {
		if !pf.Merged {
			continue
		}
		counts := map[StatKey]int{}
		for _, s := range pf.stats {
			counts[StatKey{s.table, s.label}] += s.count
		}
		r := row{pf.Branch, pf.Code}
		for _, k := range m.Items {
			r = append(r, counts[k])
		}
		rows = append(rows, r)
	}
	total := row{"合计", ""}
	for _, k := range m.Items {
		total = append(total, m.Totals[k])
	}
	return registerSheet(reg, doc(fmt.Sprintf("党内统计汇总表（%s）", m.Period)), append(rows, total), nil)
}

// registerSheets stack each person-level register of the merged packs, in
// the order they first appear, with 所在党支部.
func (m *Merge) registerSheets(doc func(string) Document) []sheetWriter {
	var names []string
	headers := map[string][]string{}
	for _, pf := range m.Files {
		for _, s := range pf.sheets {
			if h, _ := splitRegister(s.rows); h != nil && headers[s.name] == nil && pf.Merged {
				names = append(names, s.name)
				headers[s.name] = trimmedHeader(h)
			}
		}
	}
	var out []sheetWriter
	for _, name := range names {
		out = append(out, m.stacked(name, headers[name], doc))
	}
	return out
}

func trimmedHeader(h []string) []string {
	h = slices.Clone(h[1:]) // 序号 is written again
	for len(h) > 0 && h[len(h)-1] == "" {
		h = h[:len(h)-1]
	}
	if !slices.Contains(h, branchColumn) {
		h = append(h, branchColumn)
	}
	return h
}

// stacked is one register of every merged pack, its columns matched by
// header name (a pack of an older format may lack some).
func (m *Merge) stacked(name string, header []string, doc func(string) Document) sheetWriter {
	var rows []row
	for _, pf := range m.Files {
		if !pf.Merged {
			continue
		}
		for _, s := range pf.sheets {
			if s.name != name {
				continue
			}
			h, body := splitRegister(s.rows)
			for _, b := range body {
				r := make(row, len(header))
				for i, col := range header {
					v := at(b, slices.Index(h, col))
					if col == branchColumn && v == "" {
						v = pf.Branch
					}
					r[i] = v
				}
				rows = append(rows, r)
			}
		}
	}
	return registerSheet(tableRegister(name, header, nil), doc(name+"（汇总）"), rows, nil)
}

func (m *Merge) problemsSheet(doc func(string) Document) sheetWriter {
	reg := tableRegister(MergeProblemsSheet, []string{"问题", "文件", "说明"}, nil)
	var rows []row
	for _, p := range m.Problems {
		rows = append(rows, row{p.Kind, p.File, p.Text})
	}
	if len(rows) == 0 {
		rows = append(rows, row{"无", "", "所有文件都已汇总，没有发现问题"})
	}
	return registerSheet(reg, doc("汇总问题清单"), rows, nil)
}

// MergedCount counts the files that went into the totals.
func (m *Merge) MergedCount() int {
	return countRows(m.Files, func(pf *PackFile) bool { return pf.Merged })
}

// ProblemBranch is the branch a problem is about, as a list on screen
// names it: the 支部名称 of its file, else the file's name (a file that is
// no pack names no branch).
func (m *Merge) ProblemBranch(p Problem) string {
	for _, pf := range m.Files {
		if filepath.Base(pf.Path) == p.File && pf.Branch != "" {
			return pf.Branch
		}
	}
	return p.File
}

// Headline is the totals of the first statistics table in one line, e.g.
// 党员总数（按人员类别）：正式党员 310、预备党员 12 ("" before any total).
func (m *Merge) Headline() string {
	if len(m.Items) == 0 {
		return ""
	}
	table := m.Items[0].Table
	var parts []string
	for _, k := range m.Items {
		if k.Table == table {
			parts = append(parts, fmt.Sprintf("%s %d", k.Label, m.Totals[k]))
		}
	}
	return table + "：" + strings.Join(parts, "、")
}
