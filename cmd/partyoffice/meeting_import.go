package main

// `import meetings`: meeting history kept in a spreadsheet (三会一课台账),
// with the preview, all-or-nothing write and report of `import members`.

import (
	"fmt"

	"partyoffice/data"
	"partyoffice/reports"
)

// meetingImportHelp is the help text of `import meetings`.
var meetingImportHelp = []string{
	"会议台账：partyoffice import meetings 文件.xlsx [--dry-run] [--skip-bad] [--json]",
	"  每行一次会议：会议类型（或写在活动名称里，可以几种，如“支委会、党员大会”）、日期和时间（2025-03-05 14:30-16:00、",
	"  2025年3月5日下午2点等写法都可以）、地点、主要内容、时长、主持人、记录人、应到、实到；",
	"  有参会人员、请假人员、缺席人员列时按姓名与名册中的人对应（用顿号、逗号、分号或空格隔开，",
	"  原因可写在括号里）；没有名单的只记下应到、实到人数；已有同一天同类型记录的行跳过",
}

func (c *cli) importMeetings(args []string) error {
	var f importFlags
	pos, err := positionals("import", args, 2, f.flagSet())
	if err != nil {
		return err
	}
	if f.update {
		return usageError("import meetings 不支持 --update：已登记的会议记录请在窗口的三会一课中修改")
	}
	path := pos[1]
	return c.withStore(true, func(s *data.Store) error {
		imp, err := reports.ReadMeetings(path, s, nil)
		if err != nil {
			return err
		}
		rep, err := runMeetingImport(s, imp, f)
		if rep.Errors != nil { // nil when the write itself failed: nothing to report
			c.printImport(rep, f)
		}
		return err
	})
}

// runMeetingImport is runImport for sittings: rows repeating a stored
// sitting are skipped, never updated.
func runMeetingImport(s *data.Store, imp *reports.MeetingImport, f importFlags) (importReport, error) {
	rep := importReport{
		Errors:   nonNil(imp.Errors()),
		Warnings: nonNil(imp.Warnings()),
		Skipped:  imp.ExistingCount(),
		badRows:  imp.BadRows(),
		unit:     "次会议",
	}
	good := imp.Good()
	if err := refuseBadRows(rep.badRows, len(good)+rep.Skipped, f); err != nil {
		return rep, err
	}
	if !f.dryRun && len(good) > 0 {
		if err := s.ImportMeetings(good); err != nil {
			return importReport{}, fmt.Errorf("没有导入任何会议记录：%w", err)
		}
	}
	rep.Imported = len(good)
	return rep, nil
}
