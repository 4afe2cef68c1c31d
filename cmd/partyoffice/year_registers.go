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
	"partyoffice/data/civil"
	"partyoffice/reports"
)

// yearExport is one yearly report of `export KIND --year Y --out FILE`.
type yearExport struct {
	name, title, help string
	months            bool // takes --month
	write             func(path string, s *data.Store, opt reports.YearOptions) error
}

var yearExports = []yearExport{
	{"dues", "党费收缴登记表", "党费收缴登记表：每月一张工作表，逐人列出核定基数、比例、月应缴、实缴、缴至（--month 只导出一个月）", true, reports.ExportDuesMonthly},
	{"dues-year", "党费收缴汇总表", "党费收缴年度汇总：逐人逐月实缴、全年应缴和实缴、缴至、连续未缴月数", false, reports.ExportDuesYear},
	{"dues-publicity", "党费收缴情况公示", "党费公示：只有姓名、月应缴、实缴、缴至（不含基数和身份证号）", false, reports.ExportDuesPublicity},
	{"dues-bases", "党费核定基数表", "党费核定基数：可改后用 import dues-bases 导回", false,
		func(path string, s *data.Store, _ reports.YearOptions) error { return reports.ExportDuesBases(path, s) }},
	{"dues-payments", "党费缴纳记录", "党费缴纳记录（该年缴纳的）：可用 import dues-payments 导入", false,
		func(path string, s *data.Store, o reports.YearOptions) error {
			return reports.ExportDuesPayments(path, s, o.Year)
		}},
	{"training", "培训台账", "培训台账（每人每次培训一行）和学时统计（思政课教师24学时、书记和党务工作者轮训、党员32学时）", false, reports.ExportTraining},
	{"talks", "谈心谈话记录", "谈心谈话记录和覆盖情况（支委×党员矩阵，“未谈”为尚未谈话的）", false, reports.ExportTalks},
	{"tasks", "党建工作责任清单", "工作责任清单（任务、分工、责任人、时限、状态、完成情况）和书记述职评议", false, reports.ExportTasks},
	{"rectification", "问题整改台账", "问题清单和问题整改台账（验收后才算整改完成；含往年未验收的问题）", false, reports.ExportProblems},
	{"ledger", "工作事项台账", "工作事项台账和优化前后对比台账", false, reports.ExportLedgers},
	{"appraisal", "民主评议党员情况", "民主评议党员情况统计表（各等次人数和比例）和登记表", false, reports.ExportAppraisal},
	{"brand", "党建品牌", "党建品牌、党员先锋岗和评星定级", false, reports.ExportBrand},
}

// yearImport is one register of `import KIND FILE`.
type yearImport struct {
	name, title, help string
	// read returns the preview; save writes the good rows in one transaction.
	read func(path string, s *data.Store) (preview, error)
}

// preview is what a yearly import read, before it is saved.
type preview interface {
	Errors() []reports.RowIssue
	Warnings() []reports.RowIssue
	counts() (good, bad, updates int)
	save(s *data.Store) error
}

// recordPreview adapts a reports.ImportPreview to preview.
type recordPreview[R any] struct {
	*reports.ImportPreview[R]
	isUpdate func(*R) bool
	store    func(s *data.Store, rows []R) error
}

func (p recordPreview[R]) counts() (good, bad, updates int) {
	for _, r := range p.Rows {
		if len(r.Errors) > 0 {
			bad++
			continue
		}
		good++
		if p.isUpdate != nil && p.isUpdate(&r.Value) {
			updates++
		}
	}
	return good, bad, updates
}

func (p recordPreview[R]) save(s *data.Store) error { return p.store(s, p.GoodRows()) }

// saved wraps a register's preview whose rows are records as they are.
func saved[T any](p *reports.ImportPreview[T], err error, save func(*data.Store, []T) error) (preview, error) {
	if err != nil {
		return nil, err
	}
	return recordPreview[T]{p, nil, save}, nil
}

var yearImports = []yearImport{
	{"dues-bases", "党费核定基数", "党费核定基数（财务室的表也可以：按姓名或身份证号对应党员，没有起始月份的从本月起执行；同一人同一起始月份已有的基数会被更新）",
		func(path string, s *data.Store) (preview, error) {
			p, err := reports.ReadDuesBases(path, s, civil.Today(), nil)
			if err != nil {
				return nil, err
			}
			return recordPreview[reports.DuesBaseRow]{p, func(r *reports.DuesBaseRow) bool { return r.ID != 0 },
				func(s *data.Store, rows []reports.DuesBaseRow) error {
					out := make([]data.DuesBase, len(rows))
					for i := range rows {
						out[i] = rows[i].DuesBase
					}
					return data.SaveRecords(s, out)
				}}, nil
		}},
	{"dues-payments", "党费缴纳记录", "党费缴纳记录：每行一次缴纳",
		func(path string, s *data.Store) (preview, error) {
			p, err := reports.ReadDuesPayments(path, s, nil)
			if err != nil {
				return nil, err
			}
			return recordPreview[reports.DuesPaymentRow]{p, nil,
				func(s *data.Store, rows []reports.DuesPaymentRow) error {
					out := make([]data.DuesPayment, len(rows))
					for i := range rows {
						out[i] = rows[i].DuesPayment
					}
					return data.SaveRecords(s, out)
				}}, nil
		}},
	{"training", "培训台账", "培训台账：同名同开始日期的培训合并为一次，参训人员按姓名对应名册（非党员照写）",
		func(path string, s *data.Store) (preview, error) {
			p, err := reports.ReadTraining(path, s)
			return saved(p, err, data.SaveTrainingEntries)
		}},
	{"talks", "谈心谈话记录", "谈心谈话记录",
		func(path string, s *data.Store) (preview, error) {
			p, err := reports.ReadTalks(path, s)
			return saved(p, err, data.SaveRecords[data.Talk])
		}},
	{"tasks", "工作责任清单", "工作责任清单（没有年度列的算今年）",
		func(path string, s *data.Store) (preview, error) {
			p, err := reports.ReadTasks(path, s, civil.Today().Year)
			return saved(p, err, data.SaveRecords[data.DutyTask])
		}},
	{"rectification", "问题整改台账", "问题清单或问题整改台账（没有年度列的算今年）",
		func(path string, s *data.Store) (preview, error) {
			p, err := reports.ReadProblems(path, s, civil.Today().Year)
			return saved(p, err, data.SaveRecords[data.Problem])
		}},
	{"work-items", "工作事项台账", "工作事项台账",
		func(path string, s *data.Store) (preview, error) {
			p, err := reports.ReadWorkItems(path, s, civil.Today().Year)
			return saved(p, err, data.SaveRecords[data.WorkItem])
		}},
	{"improvements", "优化前后对比台账", "优化前后对比台账",
		func(path string, s *data.Store) (preview, error) {
			p, err := reports.ReadImprovements(path, civil.Today().Year)
			return saved(p, err, data.SaveRecords[data.Improvement])
		}},
	{"appraisal", "民主评议党员登记表", "民主评议党员登记表（每行一名党员；同一人同一年只能有一条）",
		func(path string, s *data.Store) (preview, error) {
			p, err := reports.ReadAppraisal(path, s, civil.Today().Year)
			return saved(p, err, data.SaveRecords[data.AppraisalResult])
		}},
}

func init() {
	var names []string
	for i := range yearExports {
		e := &yearExports[i]
		exportKinds[e.name] = registerKind{title: e.title, run: func(c *cli, args []string) error { return c.exportYear(e, args) }}
		names = append(names, e.name)
	}
	for i := range yearImports {
		im := &yearImports[i]
		importKinds[im.name] = registerKind{title: im.title, run: func(c *cli, args []string) error { return c.importYear(im, args) }}
	}
	commands = insertBefore(commands, "version", command{name: "print", args: "development|transfer|notice --out 文件.png [--title 标题]",
		summary: "生成可打印的A4图片：发展党员工作流程图、组织关系转接流程图（按步骤数据绘制），或一次性告知单（用支部信息填写）",
		options: []string{"--title      notice：告知单标题中的几个字，例如 入党（默认：第一张）"},
		run:     (*cli).printYear})
	if cmd := findCommand("export"); cmd != nil {
		cmd.summary += "；以及党费、培训、谈心谈话、工作责任清单、三帐二单、民主评议等年度台账"
		cmd.options = append(cmd.options, "年度台账：partyoffice export "+strings.Join(names, "|")+" --year 年份 [--month 月份] --out 文件.xlsx")
		for _, e := range yearExports {
			cmd.options = append(cmd.options, fmt.Sprintf("  %-15s %s", e.name, e.help))
		}
	}
	if cmd := findCommand("import"); cmd != nil {
		for _, im := range yearImports {
			cmd.options = append(cmd.options, fmt.Sprintf("partyoffice import %s 文件.xlsx [--dry-run] [--skip-bad] [--json]：%s", im.name, im.help))
		}
	}
}

func (c *cli) exportYear(e *yearExport, args []string) error {
	fs := newFlagSet("export")
	out := fs.String("out", "", "")
	yearText := fs.String("year", "", "")
	month := fs.Int("month", 0, "")
	if _, err := positionals("export", args, 1, fs); err != nil {
		return err
	}
	if err := checkOutArg(*out, e.title); err != nil {
		return err
	}
	year, err := yearArg(*yearText)
	if err != nil {
		return err
	}
	if *month != 0 && (!e.months || *month < 0 || *month > 12) {
		return usageError("--month 只用于 dues，应为 1 到 12")
	}
	return c.withStore(false, func(s *data.Store) error {
		if err := e.write(*out, s, reports.YearOptions{Year: year, Month: *month}); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "已导出%d年%s：%s\n", year, e.title, *out)
		return nil
	})
}

// importYear runs `import KIND FILE.xlsx`: all good rows in one
// transaction, none when a row has errors (unless --skip-bad).
func (c *cli) importYear(im *yearImport, args []string) error {
	var f importFlags
	pos, err := positionals("import", args, 2, f.flagSet())
	if err != nil {
		return err
	}
	path := pos[1]
	return c.withStore(false, func(s *data.Store) error {
		p, err := im.read(path, s)
		if err != nil {
			return err
		}
		good, bad, updates := p.counts()
		rep := importReport{Errors: nonNil(p.Errors()), Warnings: nonNil(p.Warnings()), badRows: bad,
			Imported: good - updates, Updated: updates}
		if err := refuseBadRows(bad, good, f); err != nil {
			c.printImport(rep, f)
			return err
		}
		if !f.dryRun {
			if err := p.save(s); err != nil {
				return fmt.Errorf("导入%s（%s）失败，没有写入任何数据：%w", im.title, filepath.Base(path), err)
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
