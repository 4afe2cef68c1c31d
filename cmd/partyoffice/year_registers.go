package main

// The year's registers of `export` and `import` (党费, training, 谈心谈话,
// 工作责任清单, 三帐二单, 民主评议), registered in exportKinds and importKinds
// (dev_registers.go) by this file's init, which runs after the inits of
// cli.go and dev_registers.go ("year_…" sorts after both).

import (
	"fmt"
	"path/filepath"
	"strings"

	"partyoffice/data"
	"partyoffice/reports"
)

func init() {
	var names []string
	for i := range reports.YearReports {
		e := &reports.YearReports[i]
		exportKinds[e.Kind] = registerKind{title: e.Title, run: func(c *cli, args []string) error { return c.exportYear(e, args) }}
		names = append(names, e.Kind)
	}
	for i := range reports.YearImports {
		im := &reports.YearImports[i]
		importKinds[im.Kind] = registerKind{title: im.Title, run: func(c *cli, args []string) error { return c.importYear(im, args) }}
	}
	commands = insertBefore(commands, "version", command{name: "print", args: "development|transfer|notice --out 文件.png [--title 标题]",
		summary: "生成可打印的A4图片：发展党员工作流程图、组织关系转接流程图（按步骤数据绘制），或一次性告知单（用支部信息填写）",
		options: []string{"--title      notice：告知单标题中的几个字，例如 入党（默认：第一张）"},
		run:     (*cli).printYear})
	if cmd := findCommand("export"); cmd != nil {
		cmd.summary += "；以及党费、培训、谈心谈话、工作责任清单、三帐二单、民主评议等年度台账"
		cmd.options = append(cmd.options, "年度台账：partyoffice export "+strings.Join(names, "|")+" --year 年份 [--month 月份] --out 文件.xlsx")
		for _, e := range reports.YearReports {
			cmd.options = append(cmd.options, fmt.Sprintf("  %-15s %s：%s", e.Kind, e.Title, e.Note))
		}
	}
	if cmd := findCommand("import"); cmd != nil {
		for _, im := range reports.YearImports {
			cmd.options = append(cmd.options, fmt.Sprintf("partyoffice import %s 文件.xlsx [--dry-run] [--skip-bad] [--json]：%s（%s）", im.Kind, im.Title, im.Note))
		}
	}
}

func (c *cli) exportYear(e *reports.YearReport, args []string) error {
	fs := newFlagSet("export")
	out := fs.String("out", "", "")
	yearText := fs.String("year", "", "")
	month := fs.Int("month", 0, "")
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
	if *month != 0 && (!e.Months || *month < 0 || *month > 12) {
		return usageError("--month 只用于 dues，应为 1 到 12")
	}
	return c.withStore(false, func(s *data.Store) error {
		if err := e.Write(*out, s, reports.YearOptions{Year: year, Month: *month}); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "已导出%d年%s：%s\n", year, e.Title, *out)
		return nil
	})
}

// importYear runs `import KIND FILE.xlsx`: all good rows in one
// transaction, none when a row has errors (unless --skip-bad).
func (c *cli) importYear(im *reports.YearImport, args []string) error {
	var f importFlags
	pos, err := positionals("import", args, 2, f.flagSet())
	if err != nil {
		return err
	}
	path := pos[1]
	return c.withStore(false, func(s *data.Store) error {
		p, err := im.Read(path, s)
		if err != nil {
			return err
		}
		good, bad, updates := p.Counts()
		rep := importReport{Errors: nonNil(p.Errors()), Warnings: nonNil(p.Warnings()), badRows: bad,
			Imported: good - updates, Updated: updates}
		if err := refuseBadRows(bad, good, f); err != nil {
			c.printImport(rep, f)
			return err
		}
		if !f.dryRun {
			if err := p.Save(s); err != nil {
				return fmt.Errorf("导入%s（%s）失败，没有写入任何数据：%w", im.Title, filepath.Base(path), err)
			}
		}
		c.printImport(rep, f)
		return nil
	})
}

// printYear runs `print development|transfer|notice [--title 标题] --out FILE.png`.
func (c *cli) printYear(args []string) error {
	fs := newFlagSet("print")
	out := fs.String("out", "", "")
	title := fs.String("title", "", "")
	pos, err := positionals("print", args, 1, fs)
	if err != nil {
		return err
	}
	if *out == "" || !strings.EqualFold(filepath.Ext(*out), ".png") {
		return usageError("请用 --out 指定保存的图片文件，以 .png 结尾")
	}
	return c.withStore(false, func(s *data.Store) error {
		kind := pos[0]
		var err error
		if kind == "notice" {
			err = reports.WriteNotice(*out, s, *title)
		} else {
			err = reports.WriteFlowchart(*out, s, kind)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "已生成：%s\n", *out)
		return nil
	})
}
