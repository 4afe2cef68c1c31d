package main

// The 发展党员 registers of `import`, and what `export` and `import` share.
// cli.go's export and import.go's import hand a REPORT other than members to
// the kinds listed in exportKinds and importKinds (commands.go); every
// export runs through runExport (exports.go).

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/reports"
)

// otherKind finds the registered kind that args name: the first argument
// that is members or a registered name decides.
func otherKind(kinds map[string]registerKind, args []string) (registerKind, bool) {
	for _, a := range args {
		if a == "members" {
			return registerKind{}, false
		}
		if k, ok := kinds[a]; ok {
			return k, true
		}
	}
	return registerKind{}, false
}

// kindNames lists the REPORT arguments of a verb, for messages.
func kindNames(verb string) string {
	kinds := exportKinds()
	if verb == "import" {
		kinds = importKinds()
	}
	names := []string{"members"}
	for name := range kinds {
		names = append(names, name)
	}
	sort.Strings(names[1:])
	return strings.Join(names, "、")
}

// devImportHelp is what import's help says about `import activists`.
var devImportHelp = []string{
	"发展党员：partyoffice import activists 文件.xlsx [--dry-run] [--skip-bad] [--update] [--json]",
	"  按表中最晚的日期确定每人所处的阶段；介绍人、联系人按姓名与名册中的人对应，",
	"  同名的请写成“张伟（0031）”（括号中是身份证号后四位）；不符合时限等规定的记录照样导入，",
	"  导入后用 partyoffice check 查看",
}

func checkOutArg(out, title string) error {
	switch {
	case out == "":
		return usageError("请用 --out 指定保存到哪个文件，例如 --out %s.xlsx", title)
	case !strings.EqualFold(filepath.Ext(out), ".xlsx"):
		return usageError("导出的文件名必须以 .xlsx 结尾（现在是“%s”），WPS 和 Excel 才能直接打开", out)
	}
	return nil
}

// yearArg reads --year; empty is this year.
func yearArg(text string) (int, error) {
	if text == "" {
		return civil.Today().Year, nil
	}
	y, err := strconv.Atoi(strings.TrimSuffix(text, "年"))
	if err != nil || y < 2000 || y > 2100 {
		return 0, usageError("--year 应为四位年份，例如 %d（现在是“%s”）", civil.Today().Year, text)
	}
	return y, nil
}

// importActivists runs `import activists FILE.xlsx`.
func (c *cli) importActivists(args []string) error {
	var f importFlags
	pos, err := positionals("import", args, 2, f.flagSet())
	if err != nil {
		return err
	}
	path := pos[1]
	return c.withStore(true, func(s *data.Store) error {
		imp, err := reports.ReadActivists(path, s, s.Today(), nil)
		if err != nil {
			return err
		}
		good := imp.Good()
		rep, err := runImport(imp, sheetNotices(imp.Notices), len(good), f, func(mode data.ImportMode) (data.ImportResult, error) {
			return s.ImportDevelopment(good, mode, filepath.Base(path))
		})
		if rep.Errors != nil { // nil when the write itself failed: nothing to report
			c.printImport(rep, f)
			if err == nil && !f.json {
				fmt.Fprintln(c.stdout, stagesLine(imp, f.dryRun))
			}
		}
		return err
	})
}

// stagesLine tells where the imported rows put people, and where to look
// for what the rules find in their records.
func stagesLine(imp *reports.ActivistImport, dryRun bool) string {
	counts := map[data.Stage]int{}
	for _, r := range imp.Rows {
		if len(r.Errors) == 0 {
			counts[r.Stage]++
		}
	}
	var parts []string
	for _, st := range []data.Stage{data.StageApplicant, data.StageActivist, data.StageCandidate, data.StageProbationer} {
		if counts[st] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 人", st, counts[st]))
		}
	}
	line := "按表中的日期：" + strings.Join(parts, "，")
	if len(parts) == 0 {
		line = "没有可以导入的人"
	}
	if !dryRun {
		line += "。运行 partyoffice check 可查看这些记录是否符合发展党员的规定"
	}
	return line
}
