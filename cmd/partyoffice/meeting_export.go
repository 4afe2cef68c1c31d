package main

// The 三会一课 reports of `export`, listed in exportKinds (commands.go).

import (
	"fmt"
	"path/filepath"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/reports"
)

// meetingExportHelp is what export's help says about the 三会一课 reports.
var meetingExportHelp = []string{
	"三会一课：partyoffice export meetings-summary|attendance|minutes --year 年份 [--quarter 季度 | --month 月份] --out 文件.xlsx",
	"  meetings-summary  三会一课开展情况统计表：各类会议逐月召开次数、应开展次数和完成情况",
	"  attendance        党员参加组织生活考勤表：每名党员每次会议的出席情况和出席率",
	"  minutes           会议记录：每次会议一页（A4纵向），附签字栏，供打印装订",
	"  --year      年份，例如 2026（默认：今年）",
	"  --quarter   只导出某个季度（1-4）",
	"  --month     只导出某个月（1-12）",
}

func (c *cli) exportMeetings(kind *reports.MeetingReport, args []string) error {
	fs := newFlagSet("export")
	out := fs.String("out", "", "")
	year := fs.Int("year", civil.Today().Year, "")
	quarter := fs.Int("quarter", 0, "")
	month := fs.Int("month", 0, "")
	if _, err := positionals("export", args, 1, fs); err != nil {
		return err
	}
	switch {
	case *out == "":
		return usageError("请用 --out 指定保存到哪个文件，例如 --out %s.xlsx", kind.Title)
	case !strings.EqualFold(filepath.Ext(*out), ".xlsx"):
		return usageError("导出的文件名必须以 .xlsx 结尾（现在是“%s”），WPS 和 Excel 才能直接打开", *out)
	case *quarter < 0 || *quarter > 4:
		return usageError("--quarter 应为 1 到 4（现在是 %d）", *quarter)
	case *month < 0 || *month > 12:
		return usageError("--month 应为 1 到 12（现在是 %d）", *month)
	case *quarter != 0 && *month != 0:
		return usageError("--quarter 和 --month 只能写一个")
	}
	opt := reports.MeetingReportOptions{Year: *year, Quarter: *quarter, Month: *month}
	return c.withStore(false, func(s *data.Store) error {
		if err := kind.Write(*out, s, opt); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "已导出%s（%s）：%s\n", kind.Title, spanText(opt), *out)
		return nil
	})
}

func spanText(o reports.MeetingReportOptions) string {
	switch {
	case o.Quarter != 0:
		return fmt.Sprintf("%d年%s", o.Year, data.QuarterName(o.Quarter))
	case o.Month != 0:
		return fmt.Sprintf("%d年%d月", o.Year, o.Month)
	}
	return fmt.Sprintf("%d年", o.Year)
}
