package reports

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// District consolidation: a district office reads the packs its branches
// send and writes one 汇总 workbook: every file with its status, one row per
// branch of the 党内统计 with exact totals, each person-level register
// stacked with 所在党支部, and a 问题 sheet. Nothing is merged silently.

// PackFile is one file given to the merge, as read.
type PackFile struct {
	Path   string
	Branch string // 支部名称 from _meta
	Code   string // 党组织代码
	Period string // 期间 label
	Format int
	Made   string
	Merged bool     // counted in the totals and registers
	Status string   // 已汇总, 已汇总（有问题）, 未汇总：…
	Notes  []string // what is wrong with it, for the 问题 sheet
	stats  []packStat
	sheets []packSheet
}

type packStat struct {
	table, label string
	count        int
}

// packSheet is a sheet of a pack with its rows, for stacking.
type packSheet struct {
	name string
	rows [][]string
}

// Problem is one line of the 问题 sheet.
type Problem struct {
	Kind string // 重复身份证号, 期间不同, 内容被修改, 格式较旧, 不是上报包, 重复上报
	File string
	Text string
}

// Merge is the result of reading the packs.
type Merge struct {
	Period   string // the period most packs are for
	Files    []PackFile
	Problems []Problem
	Items    []StatKey // statistics in the order of the first pack
	Totals   map[StatKey]int
}

// StatKey names one statistic: its table and line.
type StatKey struct{ Table, Label string }

// maxPacks bounds the files of one merge (a district has dozens of branches).
const maxPacks = 2000

// ReadPacks reads and checks every file; it writes nothing.
func ReadPacks(paths []string, progress func(done, total int)) (*Merge, error) {
	if len(paths) == 0 {
		return nil, errors.New("请选择要汇总的上报材料（.xlsx 文件或它们所在的文件夹）")
	}
	if len(paths) > maxPacks {
		return nil, fmt.Errorf("一次最多汇总 %d 个文件（现在是 %d 个），请分批汇总", maxPacks, len(paths))
	}
	m := &Merge{Totals: map[StatKey]int{}}
	for i, p := range paths {
		m.Files = append(m.Files, readPackFile(p))
		report(progress, i+1, len(paths))
	}
	m.judge()
	return m, nil
}

// readPackFile reads one file; every problem ends up in its Notes/Status.
func readPackFile(path string) PackFile {
	pf := PackFile{Path: path}
	f, err := openWorkbook(path)
	if err != nil {
		pf.refuse("不是上报包", plainReason(err))
		return pf
	}
	defer f.Close()
	if err := pf.read(f); err != nil {
		pf.refuse("不是上报包", err.Error())
	}
	return pf
}

func plainReason(err error) string {
	var fe *fileError
	if errors.As(err, &fe) {
		return fe.msg
	}
	return err.Error()
}

func (pf *PackFile) refuse(kind, why string) {
	pf.Merged = false
	pf.Status = "未汇总：" + why
	pf.Notes = append(pf.Notes, kind+"："+why)
}

var errNotPack = errors.New("这个工作簿不是本程序生成的上报材料（没有 _meta 校验页），请让支部用“报表中心 → 生成上报材料”重新生成")

// read parses _meta, checks each sheet's checksum and keeps the sheets.
func (pf *PackFile) read(f *excelize.File) error {
	if !slices.Contains(f.GetSheetList(), MetaSheet) {
		if slices.Contains(f.GetSheetList(), CoverSheet) {
			return errors.New("这是分文件上报的封面，汇总需要单个工作簿形式的上报材料")
		}
		return errNotPack
	}
	budget := maxPackText
	meta, err := sheetRows(f, MetaSheet, &budget)
	if err != nil {
		return err
	}
	head, sums, err := pf.parseMeta(meta)
	if err != nil {
		return err
	}
	pf.Branch, pf.Code, pf.Period, pf.Made = head[metaBranch], head[metaCode], head[metaPeriod], madeText(head[metaMade])
	pf.Merged, pf.Status = true, "已汇总"
	if pf.Format < PackFormat {
		pf.note("格式较旧", fmt.Sprintf("由较早版本的程序生成（格式版本 %d），已按该格式读取", pf.Format))
	}
	for _, s := range sums {
		if !slices.Contains(f.GetSheetList(), s.name) {
			pf.note("内容被修改", fmt.Sprintf("工作表“%s”被删除了", s.name))
			continue
		}
		rows, err := sheetRows(f, s.name, &budget)
		if err != nil {
			return err
		}
		if rowsChecksum(rows) != s.sum {
			pf.note("内容被修改", fmt.Sprintf("工作表“%s”在生成后被修改过（校验值不符），数字可能与支部的记录不一致，请向支部核实", s.name))
		}
		pf.sheets = append(pf.sheets, packSheet{name: s.name, rows: rows})
	}
	return nil
}

func (pf *PackFile) note(kind, text string) {
	pf.Notes = append(pf.Notes, kind+"："+text)
	if pf.Merged {
		pf.Status = "已汇总（有问题，见“问题”表）"
	}
}

type sheetSum struct{ name, sum string }

// parseMeta reads the head, the sheet checksums and the statistics.
func (pf *PackFile) parseMeta(rows [][]string) (map[string]string, []sheetSum, error) {
	cell := func(r []string, i int) string {
		if i < len(r) {
			return strings.TrimSpace(r[i])
		}
		return ""
	}
	head := map[string]string{}
	var sums []sheetSum
	part := "head"
	for _, r := range rows {
		key := cell(r, 0)
		switch {
		case key == metaSheets:
			part = "sheets"
		case key == metaStats:
			part = "stats"
		case part == "head":
			head[key] = cell(r, 1)
		case part == "sheets" && key != "":
			sums = append(sums, sheetSum{name: key, sum: cell(r, 3)})
		case part == "stats":
			n, err := strconv.Atoi(cell(r, 3))
			if err != nil {
				return nil, nil, fmt.Errorf("校验页中的统计数“%s”不是整数", cell(r, 3))
			}
			pf.stats = append(pf.stats, packStat{table: cell(r, 1), label: cell(r, 2), count: n})
		}
	}
	if head[metaMagic] != packMagic {
		return nil, nil, errNotPack
	}
	format, err := strconv.Atoi(head[metaFormat])
	switch {
	case err != nil || format < 1:
		return nil, nil, errors.New("校验页的格式版本无法识别")
	case format > PackFormat:
		return nil, nil, fmt.Errorf("由较新版本的程序生成（格式版本 %d），请先升级本程序再汇总", format)
	}
	pf.Format = format
	return head, sums, nil
}

// judge finds the period most packs are for, the packs of another period,
// a branch sent twice and the same person in two branches, then adds up.
func (m *Merge) judge() {
	m.Period = m.commonPeriod()
	kept := map[string]int{} // branch key → the file counted for it
	for i := range m.Files {
		pf := &m.Files[i]
		if !pf.Merged {
			continue
		}
		if pf.Period != m.Period {
			pf.refuse("期间不同", fmt.Sprintf("这份材料的期间是“%s”，其他材料是“%s”", pf.Period, m.Period))
			continue
		}
		key := pf.Code + "|" + pf.Branch
		j, ok := kept[key]
		if !ok {
			kept[key] = i
			continue
		}
		// A branch sent twice: count the untouched copy, else the newer one.
		if other := &m.Files[j]; len(pf.Notes) < len(other.Notes) || (len(pf.Notes) == len(other.Notes) && pf.Made > other.Made) {
			kept[key] = i
			refuseRepeat(other, pf)
			continue
		}
		refuseRepeat(pf, &m.Files[j])
	}
	m.duplicateIDs()
	for i := range m.Files {
		pf := &m.Files[i]
		for _, n := range pf.Notes {
			kind, text, _ := strings.Cut(n, "：")
			m.Problems = append(m.Problems, Problem{Kind: kind, File: filepath.Base(pf.Path), Text: text})
		}
		if !pf.Merged {
			continue
		}
		for _, s := range pf.stats {
			k := StatKey{s.table, s.label}
			if _, ok := m.Totals[k]; !ok {
				m.Items = append(m.Items, k)
			}
			m.Totals[k] += s.count
		}
	}
}

// refuseRepeat leaves out a second pack of the branch counted from kept.
func refuseRepeat(pf, kept *PackFile) {
	pf.refuse("重复上报", fmt.Sprintf("“%s”已经按 %s 汇总，这一份没有重复计入", pf.Branch, filepath.Base(kept.Path)))
}

func (m *Merge) commonPeriod() string {
	votes := map[string]int{}
	best := ""
	for _, pf := range m.Files {
		if !pf.Merged {
			continue
		}
		votes[pf.Period]++
		if votes[pf.Period] > votes[best] {
			best = pf.Period
		}
	}
	return best
}

// memberSheet is the register whose ID numbers must not repeat across branches.
const memberSheet = "党员名册"

// duplicateIDs: a person on two branches' 党员名册 (a transfer recorded on
// one side only, or a typing error) is named with both branches.
func (m *Merge) duplicateIDs() {
	type where struct{ file, branch, name string }
	byID := map[string][]where{}
	for i := range m.Files {
		pf := &m.Files[i]
		if !pf.Merged {
			continue
		}
		for _, s := range pf.sheets {
			if s.name != memberSheet {
				continue
			}
			hdr, body := splitRegister(s.rows)
			idCol, nameCol := slices.Index(hdr, "公民身份号码"), slices.Index(hdr, "姓名")
			if idCol < 0 {
				continue
			}
			for _, r := range body {
				if id := at(r, idCol); id != "" {
					byID[id] = append(byID[id], where{pf.Path, pf.Branch, at(r, nameCol)})
				}
			}
		}
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		ws := byID[id]
		if len(ws) < 2 {
			continue
		}
		var names []string
		for _, w := range ws {
			names = append(names, fmt.Sprintf("%s（%s）", w.branch, w.name))
		}
		m.Problems = append(m.Problems, Problem{Kind: "重复身份证号",
			File: filepath.Base(ws[0].file),
			Text: fmt.Sprintf("身份证号 %s 同时出现在：%s，请核实组织关系", id, strings.Join(names, "、"))})
	}
}

func at(r []string, i int) string {
	if i >= 0 && i < len(r) {
		return strings.TrimSpace(r[i])
	}
	return ""
}

// splitRegister finds a register's header row (序号 first, 姓名 in it) and
// returns it with the numbered rows under it.
func splitRegister(rows [][]string) (header []string, body [][]string) {
	for i, r := range rows {
		if at(r, 0) == numberHeader && slices.Contains(r, "姓名") {
			header = r
			for _, b := range rows[i+1:] {
				if _, err := strconv.Atoi(at(b, 0)); err == nil {
					body = append(body, b)
				}
			}
			return header, body
		}
	}
	return nil, nil
}

// PacksIn lists the workbooks of a folder (not its subfolders, not Excel's
// ~$ lock files), by name: the packs a district collected in one place.
func PacksIn(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("无法读取文件夹“%s”：%w", dir, err)
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".xlsx") && !strings.HasPrefix(e.Name(), "~") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(out)
	return out, nil
}

// madeText is _meta's 生成时间 as the office reads it (local time); a value
// that is not a time is shown as written.
func madeText(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.Local().Format("2006-01-02 15:04")
}
