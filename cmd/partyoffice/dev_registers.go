package main

// The 发展党员 registers of `export` and `import`. cli.go's export and
// import.go's import hand a REPORT other than members to the kinds listed in
// exportKinds and importKinds (commands.go); this file runs the development
// ones and says in the help what they are.

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

// devExportKinds are the 发展党员 registers of `export`, one per reports.DevExports.
func devExportKinds() map[string]registerKind {
	kinds := map[string]registerKind{}
	for _, e := range reports.DevExports {
		kinds[e.Key] = registerKind{title: e.Title, run: devExportCommand(e)}
	}
	return kinds
}

// devExportHelp is what export's help says about the 发展党员 registers.
func devExportHelp() []string {
	var keys []string
	for _, e := range reports.DevExports {
		keys = append(keys, e.Key)
	}
	return []string{
		"发展党员：partyoffice export " + strings.Join(keys, "|") + " [--year 年份] [--mask] --out 文件.xlsx",
		"  applicants    入党申请人名册",
		"  activists     入党积极分子名册（含培养联系人、思想汇报次数）",
		"  candidates    发展对象名册（含入党介绍人、政审、培训、预审、支部大会、审批）",
		"  devplan       发展党员计划名册，第二张工作表是汇总表",
		"  probationers  预备党员名册（入党时间、预备期满时间、延长预备期、转正时间）",
		"  --year        年度，例如 2025（默认：今年）：前三种名册列出该年12月31日（今年则为今天）处在该阶段的人，",
		"                预备党员名册列出该年内当过预备党员的人，计划名册是该年的计划",
	}
}

// devImportHelp is what import's help says about `import activists`.
var devImportHelp = []string{
	"发展党员：partyoffice import activists 文件.xlsx [--dry-run] [--skip-bad] [--update] [--json]",
	"  按表中最晚的日期确定每人所处的阶段；介绍人、联系人按姓名与名册中的人对应，",
	"  同名的请写成“张伟（0031）”（括号中是身份证号后四位）；不符合时限等规定的记录照样导入，",
	"  导入后用 partyoffice check 查看",
}

// devExportCommand runs `export KIND [--year Y] [--mask] --out FILE.xlsx`.
func devExportCommand(e reports.DevExport) func(c *cli, args []string) error {
	return func(c *cli, args []string) error {
		fs := newFlagSet("export")
		out := fs.String("out", "", "")
		yearText := fs.String("year", "", "")
		mask := fs.Bool("mask", false, "")
		if _, err := positionals("export", args, 1, fs); err != nil {
			return err
		}
		if err := checkOutArg(*out, e.Title); err != nil {
			return err
		}
		year, err := yearArg(*yearText)
		if err != nil {
			return err
		}
		return c.withStore(false, func(s *data.Store) error {
			opt := reports.DevExportOptions{Year: year, MaskPrivate: *mask}
			if err := e.Export(*out, s, opt); err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "已导出%d年%s：%s\n", year, e.Title, *out)
			return nil
		})
	}
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
