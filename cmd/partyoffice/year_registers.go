package main

// The year's registers of `export` and `import` (党费, training, 谈心谈话,
// 工作责任清单, 三帐二单, 民主评议; listed in reports.YearReports and
// YearImports, wired in commands.go) and `print`.

import (
	"fmt"
	"path/filepath"
	"strings"

	"partyoffice/data"
	"partyoffice/reports"
)

// yearImportHelp is the help of the yearly registers of `import`.
func yearImportHelp() []string {
	var out []string
	for _, im := range reports.YearImports {
		out = append(out, fmt.Sprintf("年度台账：partyoffice import %s 文件.xlsx [--dry-run] [--skip-bad] [--json]：%s（%s）", im.Kind, im.Title, im.Note))
	}
	return out
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
	return c.withStoreToRead(func(s *data.Store) error {
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
