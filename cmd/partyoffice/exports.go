package main

// `partyoffice export VERB`: every export of reports.Exports (exportKinds,
// commands.go), with the options it lists, and the help built from the same
// list — so the command line offers exactly what the window's 导出 menus offer.

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/reports"
)

// optionHelp is the help line and the synopsis of each option.
var optionHelp = map[reports.Option]struct{ synopsis, help string }{
	reports.OptAsOf:      {"[--as-of 日期]", "--as-of      截至的日期，例如 2026-06-30（默认：今天）"},
	reports.OptYear:      {"[--year 年份]", "--year       年度，例如 2026（默认：今年）"},
	reports.OptQuarter:   {"[--quarter 季度]", "--quarter    只导出某个季度（1-4）"},
	reports.OptMonth:     {"[--month 月份]", "--month      只导出某个月（1-12），与 --quarter 只能写一个"},
	reports.OptFrom:      {"[--from 日期]", "--from       从哪一天起（含），例如 2026-01-01（默认：最早的记录）"},
	reports.OptTo:        {"[--to 日期]", "--to         到哪一天止（含）（默认：今天）"},
	reports.OptMask:      {"[--mask]", "--mask       外发用：身份证号只留前6位，出生日期只写年月，手机号隐去中间4位，不印家庭住址、固定电话和备注"},
	reports.OptPublicity: {"[--publicity]", "--publicity  印发展对象公示：只含公示所需的各项，附公示期和监督电话（取自支部信息中的电话）"},
	reports.OptSearch:    {"[--search 文字]", "--search     只导出姓名、身份证号、岗位、手机号、籍贯或备注含这些文字的人（同名册的搜索）"},
	reports.OptStage:     {"[--stage 人员类别]", "--stage      只导出这一人员类别，例如 预备党员"},
}

// optionOrder is the order options are listed in the help.
var optionOrder = []reports.Option{reports.OptAsOf, reports.OptYear, reports.OptQuarter, reports.OptMonth,
	reports.OptFrom, reports.OptTo, reports.OptMask, reports.OptPublicity, reports.OptSearch, reports.OptStage}

// exportHelp lists every export with its options, then what each option
// means.
func exportHelp() []string {
	var lines []string
	for _, e := range reports.Exports() {
		synopsis := []string{e.Verb}
		for _, o := range optionOrder {
			if e.Has(o) {
				synopsis = append(synopsis, optionHelp[o].synopsis)
			}
		}
		lines = append(lines, "  "+strings.Join(synopsis, " "), "      "+e.Help)
	}
	lines = append(lines, "--out        保存到哪个文件（必须以 .xlsx 结尾）",
		"--branch     （区管理员用，需 --db）导出服务器上这个编号的支部（编号见 branches），只读")
	for _, o := range optionOrder {
		lines = append(lines, optionHelp[o].help)
	}
	return lines
}

// exportFlags are the options of one export, parsed.
type exportFlags struct {
	out, asOf, year, from, to string
	search, stage             string
	quarter, month            int
	branch                    int // --branch: a branch of the server, read through its view
	mask, publicity           bool
}

// flagSet declares the options e takes, and --out.
func (x *exportFlags) flagSet(e *reports.Export) *flag.FlagSet {
	fs := newFlagSet("export")
	fs.StringVar(&x.out, "out", "", "")
	fs.IntVar(&x.branch, "branch", 0, "")
	for _, o := range e.Options {
		switch o {
		case reports.OptAsOf:
			fs.StringVar(&x.asOf, string(o), "", "")
		case reports.OptYear:
			fs.StringVar(&x.year, string(o), "", "")
		case reports.OptQuarter:
			fs.IntVar(&x.quarter, string(o), 0, "")
		case reports.OptMonth:
			fs.IntVar(&x.month, string(o), 0, "")
		case reports.OptFrom:
			fs.StringVar(&x.from, string(o), "", "")
		case reports.OptTo:
			fs.StringVar(&x.to, string(o), "", "")
		case reports.OptMask:
			fs.BoolVar(&x.mask, string(o), false, "")
		case reports.OptPublicity:
			fs.BoolVar(&x.publicity, string(o), false, "")
		case reports.OptSearch:
			fs.StringVar(&x.search, string(o), "", "")
		case reports.OptStage:
			fs.StringVar(&x.stage, string(o), "", "")
		}
	}
	return fs
}

// options checks the parsed flags and turns them into the export's options.
func (x *exportFlags) options() (reports.ReportOptions, error) {
	var o reports.ReportOptions
	var err error
	switch {
	case x.quarter < 0 || x.quarter > 4:
		return o, usageError("--quarter 应为 1 到 4（现在是 %d）", x.quarter)
	case x.month < 0 || x.month > 12:
		return o, usageError("--month 应为 1 到 12（现在是 %d）", x.month)
	case x.quarter != 0 && x.month != 0:
		return o, usageError("--quarter 和 --month 只能写一个")
	case x.stage != "" && !slices.Contains(data.MemberStageChoices, x.stage):
		return o, usageError("--stage：名册中的人员类别是 %s", strings.Join(data.MemberStageChoices, "、"))
	}
	o.Quarter, o.Month, o.Mask, o.Publicity = x.quarter, x.month, x.mask, x.publicity
	o.Search, o.Stage = x.search, data.Stage(x.stage)
	if x.year != "" { // otherwise the store's year (runExport)
		if o.Year, err = yearArg(x.year); err != nil {
			return o, err
		}
	}
	for _, d := range []struct {
		name, text string
		to         *civil.Date
	}{{"as-of", x.asOf, &o.AsOf}, {"from", x.from, &o.From}, {"to", x.to, &o.To}} {
		if d.text == "" {
			continue
		}
		if *d.to, err = civil.ParseDay(d.text); err != nil {
			return o, usageError("--%s：%v", d.name, err)
		}
	}
	if !o.From.IsZero() && !o.To.IsZero() && o.To.Before(o.From) {
		return o, usageError("--to（%s）在 --from（%s）之前", o.To, o.From)
	}
	return o, nil
}

// runExport runs `export VERB --out FILE.xlsx [options]`.
func (c *cli) runExport(e reports.Export, args []string) error {
	var x exportFlags
	if _, err := positionals("export", args, 1, x.flagSet(&e)); err != nil {
		return err
	}
	if err := checkOutArg(x.out, e.Name); err != nil {
		return err
	}
	opt, err := x.options()
	if err != nil {
		return err
	}
	return c.withBranch(x.branch, func(s *data.Store) error {
		if opt.Year == 0 {
			opt.Year = s.Today().Year
		}
		if err := e.Write(x.out, s, opt); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "已导出%s：%s\n", e.Title(opt), x.out)
		return nil
	})
}
