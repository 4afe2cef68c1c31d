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

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
)

// The 上报 pack: the registers and statistics a branch sends upward twice a
// year, in one workbook (封面, 汇总 with charts, one sheet per report, a
// hidden _meta the district reads) or one file per report in a folder
// <支部名称>_<期间>_上报. Each report is written by its own export (the list
// in exports.go), so a register looks the same in the pack as on its own.

// PackReport is a report a pack can hold.
type PackReport struct {
	Verb    string // the export's command-line name (Exports)
	Default bool   // ticked unless the user unticks it
	Unit    string // what its count counts: 人, 行, 次会议, 项
}

// PackReports are the reports a pack offers, in the order it encloses them.
var PackReports = []PackReport{
	{"members", true, "人"},
	{"statistics", true, "项"},
	{"devplan", true, "人"},
	{"devrecord", true, "人"},
	{"meetings-summary", true, "行"},
	{"attendance", true, "人"},
	{"changes", true, "条"},
	{"minutes", false, "次会议"},
	{"audit", false, "条"},
}

// PackVerbs are the pack's report names, for messages and --only.
func PackVerbs() []string {
	out := make([]string, len(PackReports))
	for i, r := range PackReports {
		out[i] = r.Verb
	}
	return out
}

// PackOptions choose what a pack holds.
type PackOptions struct {
	Period   Period
	Only     []string // export verbs; nil = the ticked-by-default ones
	Preparer string   // 填报人; "" leaves the line to be filled in by hand
	Progress func(done, total int)
}

// PackItem is one enclosed report.
type PackItem struct {
	Verb, Name string
	Count      int    // rows (people, events, sittings …) it holds
	Unit       string // what Count counts
	Missing    string // why the report is not enclosed (its export's message); "" when it is
	file       string // the report written on its own, in the pack's work folder
	sheets     []string
}

// Pack is a prepared 上报 pack: every report written and counted, the open
// errors of the period found, nothing in the user's folders yet.
type Pack struct {
	Branch   data.Branch
	Period   Period
	AsOf     civil.Date // the registers' day: the period's end, or today
	Made     time.Time
	Preparer string
	Items    []PackItem
	Stats    *Stats
	Meetings []MonthMeetings
	Findings []rules.Finding // open errors of the period, most urgent first
	work     string          // folder of the single reports; Close removes it
}

// PreparePack writes every chosen report into a work folder, counts their
// rows and finds the period's open errors, so the user sees both before
// anything is written where it is kept. Close the pack when done.
func PreparePack(store *data.Store, opt PackOptions) (*Pack, error) {
	if err := opt.Period.Check(); err != nil {
		return nil, err
	}
	chosen, err := chosenReports(opt.Only)
	if err != nil {
		return nil, err
	}
	branch, err := store.Branch()
	if err != nil {
		return nil, err
	}
	p := &Pack{Branch: branch, Period: opt.Period, AsOf: opt.Period.asOf(store.Today()),
		Made: storeNow(store), Preparer: opt.Preparer}
	if p.work, err = os.MkdirTemp("", "partyoffice-pack-*"); err != nil {
		return nil, fmt.Errorf("无法建立临时文件夹：%w", err)
	}
	if err := p.prepare(store, chosen, opt.Progress); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

func chosenReports(only []string) ([]PackReport, error) {
	if len(only) == 0 {
		return slices.DeleteFunc(slices.Clone(PackReports), func(r PackReport) bool { return !r.Default }), nil
	}
	var out []PackReport
	for _, r := range PackReports {
		if slices.Contains(only, r.Verb) {
			out = append(out, r)
		}
	}
	for _, v := range only {
		if !slices.ContainsFunc(PackReports, func(r PackReport) bool { return r.Verb == v }) {
			return nil, fmt.Errorf("上报材料中没有“%s”，可以选：%s", v, strings.Join(PackVerbs(), "、"))
		}
	}
	if len(out) == 0 {
		return nil, errNoItems
	}
	return out, nil
}

func (p *Pack) prepare(store *data.Store, chosen []PackReport, progress func(done, total int)) error {
	from, to := p.Period.Span()
	opt := ReportOptions{AsOf: p.AsOf, Year: p.Period.Year, Quarter: p.Period.Quarter, Half: p.Period.Half,
		From: from, To: to}
	steps := len(chosen) + 2
	for i, r := range chosen {
		exp, ok := FindExport(r.Verb)
		if !ok {
			return fmt.Errorf("上报材料“%s”无法生成", r.Verb)
		}
		item := PackItem{Verb: r.Verb, Name: exp.Name, Unit: r.Unit, file: filepath.Join(p.work, fmt.Sprintf("%02d.xlsx", i+1))}
		if err := exp.Write(item.file, store, opt); err != nil {
			// Nothing to report (no meetings in the period): the cover says
			// so in 备注 rather than the whole pack failing.
			item.Missing, item.file = err.Error(), ""
		} else if err := item.count(); err != nil {
			return err
		}
		p.Items = append(p.Items, item)
		report(progress, i+1, steps)
	}
	var err error
	if p.Stats, err = Statistics(store, p.AsOf); err != nil {
		return err
	}
	for i := range p.Items {
		if p.Items[i].Verb == "statistics" { // tables, not a numbered list
			p.Items[i].Count = p.Stats.Lines()
		}
	}
	if p.Meetings, err = meetingsByMonth(store, from, p.AsOf); err != nil {
		return err
	}
	report(progress, steps-1, steps)
	findings, err := CheckFindings(store, p.AsOf)
	if err != nil {
		return err
	}
	p.Findings = slices.DeleteFunc(findings, func(f rules.Finding) bool { return f.Severity != rules.SeverityError })
	report(progress, steps, steps)
	return nil
}

func report(progress func(done, total int), done, total int) {
	if progress != nil {
		progress(done, total)
	}
}

// count reads the written report back: the numbered rows of its first
// sheet (序号 1, 2, 3 … under the header), or its sheets for the 会议记录
// (one sitting each).
func (it *PackItem) count() error {
	f, err := excelize.OpenFile(it.file)
	if err != nil {
		return err
	}
	defer f.Close()
	it.sheets = f.GetSheetList()
	if it.Verb == "minutes" {
		it.Count = len(it.sheets)
		if len(it.sheets) == 1 && isEmptyMinutes(f, it.sheets[0]) {
			it.Count = 0
		}
		return nil
	}
	it.Count, err = numberedRows(f, it.sheets[0])
	return err
}

// isEmptyMinutes: a year without meetings still gets one sheet saying so.
func isEmptyMinutes(f *excelize.File, sheet string) bool {
	rows, _ := f.GetRows(sheet)
	return len(rows) < 4
}

// numberedRows counts the rows whose first cell is the next 序号.
func numberedRows(f *excelize.File, sheet string) (int, error) {
	rows, err := f.GetRows(sheet)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, r := range rows {
		if len(r) > 0 && r[0] == strconv.Itoa(n+1) {
			n++
		}
	}
	return n, nil
}

// ErrorsByArea counts the open errors per area, in FindingAreaNames order.
func (p *Pack) ErrorsByArea() []AreaCount {
	var out []AreaCount
	for _, area := range FindingAreaNames() {
		n := 0
		for _, f := range p.Findings {
			if FindingArea(f) == area {
				n++
			}
		}
		if n > 0 {
			out = append(out, AreaCount{Area: area, Count: n})
		}
	}
	return out
}

// AreaCount is a number of open errors in one area.
type AreaCount struct {
	Area  string
	Count int
}

// Warning is the sentence the user reads before writing:
// "2 项发展党员错误尚未处理"; "" when there is none.
func (a AreaCount) Warning() string {
	return fmt.Sprintf("%d 项%s错误尚未处理", a.Count, a.Area)
}

// Close removes the pack's work folder.
func (p *Pack) Close() {
	if p.work != "" {
		os.RemoveAll(p.work)
		p.work = ""
	}
}

// FolderName is <支部名称>_<期间>_上报, safe as a file name.
func (p *Pack) FolderName() string {
	return safeName(p.Branch.Name) + "_" + p.Period.FileLabel() + "_上报"
}

// safeName drops what Windows refuses in a file name.
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || r < 32 {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if s == "" {
		return "党支部"
	}
	return s
}

// Sheet names of the pack itself.
const (
	CoverSheet   = "封面"
	SummarySheet = "汇总"
	MetaSheet    = "_meta"
)

// WriteWorkbook writes the pack as one workbook: 封面, 汇总, every report's
// sheets, and the hidden _meta; atomically.
func (p *Pack) WriteWorkbook(path string) error {
	if err := checkOutputPath(path); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := p.fill(f, p.Items); err != nil {
		return exportFailed(err)
	}
	return saveAtomically(f, path)
}

// fill writes the cover, the summary, the items' sheets and _meta into f.
func (p *Pack) fill(f *excelize.File, items []PackItem) error {
	if err := f.SetSheetName(defaultSheet, CoverSheet); err != nil {
		return err
	}
	if err := p.writeCover(f); err != nil {
		return err
	}
	if err := p.writeSummary(f); err != nil {
		return err
	}
	var placed []placedSheet
	used := map[string]bool{CoverSheet: true, SummarySheet: true, MetaSheet: true}
	for _, it := range items {
		if it.Missing != "" {
			continue
		}
		src, err := excelize.OpenFile(it.file)
		if err != nil {
			return err
		}
		for _, sheet := range it.sheets {
			name := uniqueSheetName(sheet, it.Name, used)
			if err := copySheet(src, sheet, f, name); err != nil {
				src.Close()
				return err
			}
			placed = append(placed, placedSheet{name: name, verb: it.Verb})
		}
		src.Close()
	}
	if err := p.writeMeta(f, placed); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return setFileInfo(f, fileInfo{Title: p.title(), Author: p.Branch.Name, Made: p.Made})
}

// placedSheet is a sheet of the pack with the report it belongs to.
type placedSheet struct{ name, verb string }

// uniqueSheetName keeps a report's sheet name when free, else prefixes the
// report's name (two reports may both call a sheet 汇总表), within Excel's 31
// characters.
func uniqueSheetName(sheet, report string, used map[string]bool) string {
	name := sheet
	for n := 2; used[name]; n++ {
		name = truncateRunes(report, 20) + "-" + sheet
		if n > 2 || used[name] {
			name = truncateRunes(sheet, 26) + fmt.Sprintf("(%d)", n)
		}
	}
	name = truncateRunes(name, 31)
	used[name] = true
	return name
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

func (p *Pack) title() string {
	return p.Branch.Name + p.Period.Label() + "上报材料"
}

// WriteFolder writes the pack as files in parent/<FolderName>: 00_封面及汇总
// (with _meta) and one workbook per report, numbered in the cover's order.
// It returns the folder.
func (p *Pack) WriteFolder(parent string) (string, error) {
	dir := filepath.Join(parent, p.FolderName())
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", writeError(parent, err)
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := p.fill(f, nil); err != nil {
		return "", exportFailed(err)
	}
	if err := saveAtomically(f, filepath.Join(dir, "00_封面及汇总.xlsx")); err != nil {
		return "", err
	}
	for i, it := range p.Items {
		if it.Missing != "" {
			continue
		}
		if err := copyFile(it.file, filepath.Join(dir, fmt.Sprintf("%02d_%s.xlsx", i+1, it.Name))); err != nil {
			return "", err
		}
	}
	return dir, nil
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		return writeError(filepath.Dir(to), err)
	}
	return nil
}

// errNoItems is returned when a pack would hold no report.
var errNoItems = errors.New("请至少选择一份上报材料")
