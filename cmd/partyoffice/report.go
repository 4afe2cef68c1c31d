package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
	"partyoffice/reports"
)

// report is `partyoffice report pack|archive`: the 上报 pack and the
// year-end archive PDF.
func (c *cli) report(args []string) error {
	if len(args) == 0 {
		return usageError("请写 report pack 或 report archive")
	}
	switch args[0] {
	case "pack":
		return c.reportPack(args[1:])
	case "archive":
		return c.reportArchive(args[1:])
	}
	return usageError("不认识“report %s”，可以写：report pack、report archive", args[0])
}

// reportHelp is one help line per option of `report`.
var reportHelp = []string{
	"report pack：上报材料（封面、汇总图表、各名册和统计表，另有供区里汇总用的隐藏校验页）",
	"  --year       年份，例如 2026（默认：今年）",
	"  --half       只报半年：1 上半年，2 下半年",
	"  --quarter    只报一个季度（1-4）",
	"  --as-of      报到这一天为止，例如 2026-06-30",
	"  --only       只包含这些材料，逗号隔开：" + strings.Join(reports.PackVerbs(), ","),
	"  --preparer   封面上的填报人",
	"  --out        以 .xlsx 结尾：写成一个工作簿；否则是文件夹，在其中建“<支部名称>_<期间>_上报”，每份材料一个文件",
	"  --json       以 JSON 输出：写出的文件、各材料及行数、尚未处理的错误",
	"report archive --year 年份 --out 文件.pdf：年度归档 PDF（全年会议记录、12月31日的党员名册、发展党员纪实台账、党内统计表）",
}

// periodFlags are the period options of report pack.
type periodFlags struct {
	year, half, quarter *int
	asOf                *string
}

func (p periodFlags) period(today civil.Date) (reports.Period, error) {
	out := reports.Period{Year: *p.year, Half: *p.half, Quarter: *p.quarter}
	if out.Year == 0 {
		out.Year = today.Year
	}
	if *p.asOf != "" {
		d, err := civil.ParseDay(*p.asOf)
		if err != nil {
			return out, usageError("--as-of：%v", err)
		}
		out.AsOf = d
		if *p.year == 0 {
			out.Year = d.Year
		}
	}
	if err := out.Check(); err != nil {
		return out, usageError("%v", err)
	}
	return out, nil
}

// packJSON is what report pack --json prints.
type packJSON struct {
	Out      string           `json:"out"`
	Period   string           `json:"period"`
	Reports  []packReportJSON `json:"reports"`
	Findings []rules.Finding  `json:"open_errors"`
}

type packReportJSON struct {
	Report string `json:"report"`
	Name   string `json:"name"`
	Rows   int    `json:"rows"`
	Unit   string `json:"unit"`
}

func (c *cli) reportPack(args []string) error {
	fs := newFlagSet("report")
	pf := periodFlags{year: fs.Int("year", 0, ""), half: fs.Int("half", 0, ""), quarter: fs.Int("quarter", 0, ""),
		asOf: fs.String("as-of", "", "")}
	only := fs.String("only", "", "")
	preparer := fs.String("preparer", "", "")
	out := fs.String("out", "", "")
	asJSON := fs.Bool("json", false, "")
	if _, err := positionals("report", args, 0, fs); err != nil {
		return err
	}
	if *out == "" {
		return usageError("请用 --out 指定保存到哪里：文件（.xlsx）或文件夹")
	}
	var verbs []string
	if *only != "" {
		verbs = strings.Split(*only, ",")
	}
	return c.withStore(false, func(s *data.Store) error {
		period, err := pf.period(s.Today())
		if err != nil {
			return err
		}
		pack, err := reports.PreparePack(s, reports.PackOptions{Period: period, Only: verbs, Preparer: *preparer})
		if err != nil {
			return err
		}
		defer pack.Close()
		written := *out
		if strings.EqualFold(filepath.Ext(*out), ".xlsx") {
			err = pack.WriteWorkbook(*out)
		} else {
			written, err = pack.WriteFolder(*out)
		}
		if err != nil {
			return err
		}
		if *asJSON {
			return printPackJSON(c, pack, written)
		}
		printPack(c, pack, written)
		return nil
	})
}

func printPackJSON(c *cli, p *reports.Pack, out string) error {
	res := packJSON{Out: out, Period: p.Period.Label(), Reports: []packReportJSON{}, Findings: p.Findings}
	for _, it := range p.Items {
		res.Reports = append(res.Reports, packReportJSON{Report: it.Verb, Name: it.Name, Rows: it.Count, Unit: it.Unit})
	}
	if res.Findings == nil {
		res.Findings = []rules.Finding{}
	}
	enc := json.NewEncoder(c.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

func printPack(c *cli, p *reports.Pack, out string) {
	fmt.Fprintf(c.stdout, "已生成%s上报材料：%s\n", p.Period.Label(), out)
	for i, it := range p.Items {
		fmt.Fprintf(c.stdout, "  %d. %s：%d %s\n", i+1, it.Name, it.Count, it.Unit)
	}
	for _, a := range p.ErrorsByArea() {
		fmt.Fprintf(c.stdout, "注意：%s（partyoffice check 查看）\n", a.Warning())
	}
}

func (c *cli) reportArchive(args []string) error {
	fs := newFlagSet("report")
	year := fs.Int("year", 0, "")
	out := fs.String("out", "", "")
	if _, err := positionals("report", args, 0, fs); err != nil {
		return err
	}
	if *out == "" || !strings.EqualFold(filepath.Ext(*out), ".pdf") {
		return usageError("请用 --out 指定归档 PDF 保存到哪个文件（以 .pdf 结尾）")
	}
	return c.withStore(false, func(s *data.Store) error {
		if *year == 0 {
			*year = s.Today().Year
		}
		a, err := reports.WriteArchive(*out, s, *year)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "已生成%d年度归档（共 %d 页，会议记录 %d 次）：%s\n", *year, a.Pages, len(a.MeetingPages), *out)
		for _, sec := range a.Sections {
			fmt.Fprintf(c.stdout, "  第 %d 页  %s %s\n", sec.Page, sec.Title, sec.Note)
		}
		return nil
	})
}
