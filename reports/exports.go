package reports

import (
	"partyoffice/data"
	"partyoffice/data/civil"
)

// Every workbook the program writes, listed once: the command line builds
// `partyoffice export VERB` and its help from this list, the window builds
// its 导出 menus from it, and the tests run every check over every entry.

// Option is an option an export takes, named as on the command line.
type Option string

const (
	OptAsOf      Option = "as-of"     // 截至日期
	OptYear      Option = "year"      // 年度
	OptQuarter   Option = "quarter"   // 季度
	OptMonth     Option = "month"     // 月份
	OptFrom      Option = "from"      // 起始日期
	OptTo        Option = "to"        // 截止日期
	OptMask      Option = "mask"      // hide private values (ID, phone, address)
	OptPublicity Option = "publicity" // the 公示 version of the register
	OptSearch    Option = "search"    // only the people the 党员名册's search finds
	OptStage     Option = "stage"     // only one 人员类别
)

// ReportOptions are the options of any export; each export reads those it
// lists in Export.Options and ignores the others.
type ReportOptions struct {
	AsOf                 civil.Date
	Year, Quarter, Month int
	Half                 int // 1 上半年, 2 下半年 (the 上报 pack; the 三会一课 workbooks read it)
	From, To             civil.Date
	Mask                 bool
	Publicity            bool
	// Search and Stage narrow the 党员名册 as its screen does ("导出当前筛选的 N 人").
	Search   string
	Stage    data.Stage
	Progress func(done, total int)
}

// Export is one workbook the program writes.
type Export struct {
	Verb    string // command-line name: partyoffice export VERB
	Name    string // what it is called on paper and in menus
	Help    string // one line for the help text and the menu's tooltip
	Screen  string // the screen whose 导出 menu offers it
	Options []Option
	Write   func(path string, store *data.Store, opt ReportOptions) error
	// PublicityName is what the 公示 version (OptPublicity) is called.
	PublicityName string
}

// Title is what the workbook written with opt is called: the 公示's own
// name when the 公示 version is asked for (messages name what was written).
func (e *Export) Title(opt ReportOptions) string {
	if opt.Publicity && e.Has(OptPublicity) && e.PublicityName != "" {
		return e.PublicityName
	}
	return e.Name
}

// Has reports whether the export takes the option.
func (e *Export) Has(o Option) bool {
	for _, x := range e.Options {
		if x == o {
			return true
		}
	}
	return false
}

// Screens the exports belong to.
const (
	ScreenMembers     = "党员名册"
	ScreenDevelopment = "发展党员"
	ScreenMeetings    = "三会一课"
	ScreenStatistics  = "党内统计"
	ScreenAudit       = "操作日志"
	ScreenHandover    = "工作移交"
	ScreenYear        = "年度工作" // 党费, 培训, 谈心谈话, 责任清单, 台账, 民主评议
)

// Exports lists every export in menu order.
func Exports() []Export {
	out := []Export{{
		Verb: "members", Name: "党员名册", Screen: ScreenMembers,
		Help:    "党员名册（中组部16项信息及学校补充项）",
		Options: []Option{OptAsOf, OptMask, OptSearch, OptStage},
		Write: func(path string, s *data.Store, o ReportOptions) error {
			opt := ExportOptions{AsOf: o.AsOf, MaskPrivate: o.Mask, Progress: o.Progress}
			if o.Search != "" || o.Stage != "" {
				opt.Filter = &data.PersonFilter{Text: o.Search, Stage: o.Stage}
			}
			return ExportMembers(path, s, opt)
		},
	}}
	for _, d := range DevExports {
		out = append(out, Export{Verb: d.Key, Name: d.Title, PublicityName: d.Publicity, Screen: ScreenDevelopment,
			Help: d.Help, Options: d.options(), Write: d.write})
	}
	for _, m := range MeetingReports {
		out = append(out, Export{Verb: m.Kind, Name: m.Title, Screen: ScreenMeetings, Help: m.Title + "：" + m.Help,
			Options: []Option{OptYear, OptQuarter, OptMonth},
			Write: func(path string, s *data.Store, o ReportOptions) error {
				return m.Write(path, s, MeetingReportOptions{Year: o.Year, Quarter: o.Quarter, Month: o.Month, Half: o.Half, Progress: o.Progress})
			}})
	}
	for _, y := range YearReports {
		opts := []Option{OptYear}
		if y.Months {
			opts = append(opts, OptMonth)
		}
		out = append(out, Export{Verb: y.Kind, Name: y.Title, Screen: ScreenYear, Help: y.Title + "：" + y.Note,
			Options: opts,
			Write: func(path string, s *data.Store, o ReportOptions) error {
				return y.Write(path, s, YearOptions{Year: o.Year, Month: o.Month, Today: s.Today()})
			}})
	}
	return append(out,
		Export{Verb: "statistics", Name: "党内统计表", Screen: ScreenStatistics,
			Help:    "党内统计表：党员总数、性别、民族、年龄、学历、党龄、工作岗位，当年发展党员和转正情况",
			Options: []Option{OptAsOf}, Write: ExportStatistics},
		Export{Verb: "audit", Name: "操作日志", Screen: ScreenAudit,
			Help:    "操作日志：每一次修改的时间、操作人和改动的内容",
			Options: []Option{OptFrom, OptTo},
			Write: func(path string, s *data.Store, o ReportOptions) error {
				return ExportAudit(path, s, data.AuditQuery{From: o.From, To: o.To}, o.Progress)
			}},
		Export{Verb: "handover-list", Name: "工作移交清单", Screen: ScreenHandover,
			Help: "工作移交清单：移交的名册和记录、待办提醒和记录问题，附移交人、接收人签字栏",
			Write: func(path string, s *data.Store, o ReportOptions) error {
				return ExportHandoverList(path, s, HandoverListOptions{Progress: o.Progress})
			}},
	)
}

// FindExport is the export with the command-line name verb.
func FindExport(verb string) (Export, bool) {
	for _, e := range Exports() {
		if e.Verb == verb {
			return e, true
		}
	}
	return Export{}, false
}

func (d DevExport) options() []Option {
	opts := []Option{OptYear, OptMask}
	if d.Publicity != "" {
		opts = append(opts, OptPublicity)
	}
	return opts
}

func (d DevExport) write(path string, s *data.Store, o ReportOptions) error {
	return d.Export(path, s, DevExportOptions{Year: o.Year, MaskPrivate: o.Mask, Publicity: o.Publicity, Progress: o.Progress})
}
