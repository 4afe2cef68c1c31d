package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"partyoffice/data"
	"partyoffice/reports"
)

// importReport is what `import members` tells, as text or as JSON. The JSON
// field names are part of the command's contract for scripts.
type importReport struct {
	Imported int                `json:"imported"`
	Updated  int                `json:"updated"`
	Skipped  int                `json:"skipped"`
	Errors   []reports.RowIssue `json:"errors"`
	Warnings []reports.RowIssue `json:"warnings"`
	// Columns judged by their values (党籍状态 holding 正式党员 …), when any.
	Columns []reports.ColumnSuggestion `json:"column_suggestions,omitempty"`

	badRows int    // rows with errors, for the summary line
	unit    string // what is counted: 人 unless set
}

type importFlags struct {
	dryRun, skipBad, update, json bool
}

// flagSet parses the import options into f.
func (f *importFlags) flagSet() *flag.FlagSet {
	fs := newFlagSet("import")
	fs.BoolVar(&f.dryRun, "dry-run", false, "")
	fs.BoolVar(&f.skipBad, "skip-bad", false, "")
	fs.BoolVar(&f.update, "update", false, "")
	fs.BoolVar(&f.json, "json", false, "")
	return fs
}

func (c *cli) importMembers(args []string) error {
	if kind, ok := otherKind(importKinds(), args); ok { // registers of other files: dev_registers.go
		return kind.run(c, args)
	}
	var f importFlags
	pos, err := positionals("import", args, 2, f.flagSet())
	if err != nil {
		return err
	}
	if err := registerArg("import", pos[0]); err != nil {
		return err
	}
	path := pos[1]
	return c.withStore(true, func(s *data.Store) error {
		imp, err := reports.ReadMembers(path, s, s.Today(), nil)
		if err != nil {
			return err
		}
		good := imp.Good()
		rep, err := runImport(imp, imp.SheetIssues(), len(good), f, func(mode data.ImportMode) (data.ImportResult, error) {
			return s.ImportPeople(good, mode, filepath.Base(path))
		})
		rep.Columns = imp.Suggestions
		if rep.Errors != nil { // nil when the write itself failed: nothing to report
			c.printImport(rep, f)
		}
		return err
	})
}

// importPreview is what the preview of either register (党员名册,
// 发展党员) offers an import: its rows' issues and the dry-run counts.
type importPreview interface {
	Errors() []reports.RowIssue
	Warnings() []reports.RowIssue
	BadRows() int
	Predict(mode data.ImportMode) (imported, updated, skipped int)
}

// runImport decides what to write and writes it with write. Rows with errors
// stop the whole import unless --skip-bad; a dry run only counts what would
// happen. Issues about the whole sheet come first among the warnings.
func runImport(imp importPreview, sheetIssues []reports.RowIssue, good int, f importFlags,
	write func(data.ImportMode) (data.ImportResult, error)) (importReport, error) {
	warnings := append([]reports.RowIssue{}, sheetIssues...) // JSON [] rather than null
	rep := importReport{
		Errors:   nonNil(imp.Errors()),
		Warnings: append(warnings, imp.Warnings()...),
		badRows:  imp.BadRows(),
	}
	if err := refuseBadRows(rep.badRows, good, f); err != nil {
		return rep, err
	}
	if f.dryRun {
		rep.Imported, rep.Updated, rep.Skipped = imp.Predict(f.mode())
		return rep, nil
	}
	res, err := write(f.mode())
	if err != nil {
		return importReport{}, err
	}
	rep.Imported, rep.Updated, rep.Skipped = res.Imported, res.Updated, res.Skipped
	return rep, nil
}

// refuseBadRows stops an import whose sheet has rows with errors, unless
// --skip-bad asks for the good rows and there are some.
func refuseBadRows(badRows, good int, f importFlags) error {
	if badRows > 0 && !f.skipBad {
		return &exitErr{exitFailed, fmt.Errorf(
			"表格中有 %d 行有错误，没有导入任何数据：请改正后重新导入，或加 --skip-bad 只导入没有错误的行", badRows)}
	}
	if good == 0 && badRows > 0 {
		return &exitErr{exitFailed, fmt.Errorf("表格中的 %d 行都有错误，没有可以导入的行", badRows)}
	}
	if good == 0 {
		return &exitErr{exitFailed, errors.New("表头下面没有数据行，没有导入任何数据：请确认选对了文件和工作表")}
	}
	return nil
}

// mode is what to do with people already stored.
func (f importFlags) mode() data.ImportMode {
	if f.update {
		return data.ImportUpdateExisting
	}
	return data.ImportSkipExisting
}

func nonNil(issues []reports.RowIssue) []reports.RowIssue {
	if issues == nil {
		return []reports.RowIssue{} // JSON [] rather than null
	}
	return issues
}

// printImport writes the report: JSON on stdout, or the row errors on
// stderr and the warnings and the summary line on stdout.
func (c *cli) printImport(rep importReport, f importFlags) {
	if f.json {
		enc := json.NewEncoder(c.stdout)
		enc.SetEscapeHTML(false)
		enc.Encode(rep)
		return
	}
	for _, e := range rep.Errors {
		fmt.Fprintln(c.stderr, issueLine(e))
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(c.stdout, "提醒："+issueLine(w))
	}
	if f.dryRun {
		fmt.Fprintln(c.stdout, "试运行：只做了检查，没有写入任何数据")
	}
	if rep.unit != "" { // sittings are never updated
		fmt.Fprintf(c.stdout, "导入 %d %s，跳过 %d %s（已有记录），错误 %d 行\n",
			rep.Imported, rep.unit, rep.Skipped, rep.unit, rep.badRows)
		return
	}
	fmt.Fprintf(c.stdout, "导入 %d 人，更新 %d 人，跳过 %d 人，错误 %d 行\n",
		rep.Imported, rep.Updated, rep.Skipped, rep.badRows)
}

// issueLine is how a row issue reads on the terminal: 第12行 [身份证号]：…
func issueLine(i reports.RowIssue) string {
	line := ""
	if i.Row > 0 {
		line = fmt.Sprintf("第%d行", i.Row)
	}
	if i.Column != "" {
		line = strings.TrimSpace(line + " [" + i.Column + "]")
	}
	if line == "" {
		return i.Message
	}
	return line + "：" + i.Message
}

// sheetNotices turns notices about a whole sheet into issues without a row.
func sheetNotices(notices []string) []reports.RowIssue {
	issues := make([]reports.RowIssue, 0, len(notices))
	for _, n := range notices {
		issues = append(issues, reports.RowIssue{Message: n})
	}
	return issues
}
