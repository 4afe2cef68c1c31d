package reports

import (
	"partyoffice/data"
)

// YearReport is one of the yearly workbooks (党费, training, 谈心谈话, 工作责任
// 清单, 三帐二单, 民主评议, 党建品牌), listed once for the window's export
// dialog and for `partyoffice export`.
type YearReport struct {
	Kind   string // the CLI's name for it: partyoffice export <Kind>
	Title  string // what it is called: file names, messages
	Note   string // what it holds, said where it is offered
	Months bool   // takes a month (the 收缴登记表 of one month)
	Write  func(path string, s *data.Store, opt YearOptions) error
}

// YearReports are the yearly workbooks, in the order they are offered.
var YearReports = []YearReport{
	{"dues", "党费收缴登记表", "每月一张工作表，逐人列出核定基数、比例、月应缴、实缴、缴至", true, ExportDuesMonthly},
	{"dues-year", "党费收缴汇总表", "逐人逐月实缴、全年应缴和实缴、缴至、连续未缴月数", false, ExportDuesYear},
	{"dues-publicity", "党费收缴情况公示", "只有姓名、月应缴、实缴、缴至（不含基数和身份证号）", false, ExportDuesPublicity},
	{"dues-bases", "党费核定基数表", "全部核定基数，可修改后导回", false,
		func(path string, s *data.Store, _ YearOptions) error { return ExportDuesBases(path, s) }},
	{"dues-payments", "党费缴纳记录", "该年的每一次缴纳，可导入", false,
		func(path string, s *data.Store, o YearOptions) error { return ExportDuesPayments(path, s, o.Year) }},
	{"training", "培训台账", "每人每次培训一行，另附学时统计（思政课教师24学时、书记和党务工作者轮训、党员32学时）", false, ExportTraining},
	{"talks", "谈心谈话记录", "另附覆盖情况（支委×党员，“未谈”为尚未谈话的）", false, ExportTalks},
	{"tasks", "党建工作责任清单", "任务、分工、责任人、时限、状态、完成情况，另附书记述职评议", false, ExportTasks},
	{"rectification", "问题整改台账", "问题清单和整改情况，验收后才算完成；含往年未验收的问题", false, ExportProblems},
	{"ledger", "工作事项台账", "另附优化前后对比台账", false, ExportLedgers},
	{"appraisal", "民主评议党员情况", "统计表（各等次人数和比例）和登记表", false, ExportAppraisal},
	{"brand", "党建品牌", "党建品牌、党员先锋岗和评星定级", false, ExportBrand},
}

// Offered is the report's title as a list offers it, with its note.
func (r YearReport) Offered() string { return r.Title + "（" + r.Note + "）" }

// Preview is a yearly register read from a workbook, before it is saved:
// what the import dialog shows and what `partyoffice import` reports.
type Preview interface {
	Errors() []RowIssue
	Warnings() []RowIssue
	// Counts are the rows without errors, those with errors, and how many
	// of the good ones update a stored row rather than add one.
	Counts() (good, bad, updates int)
	// Save writes the good rows in one transaction, all or none.
	Save(s *data.Store) error
}

// YearImport is a yearly register that can be read from Excel.
type YearImport struct {
	Kind, Title, Note string
	Read              func(path string, s *data.Store) (Preview, error)
}

// YearImports are the yearly registers that import, in the order offered.
var YearImports = []YearImport{
	{"dues-bases", "党费核定基数", "财务室的表也可以：按姓名或身份证号对应党员，没有起始月份的从本月起执行；同一人同一起始月份已有的基数会被更新",
		func(path string, s *data.Store) (Preview, error) {
			p, err := ReadDuesBases(path, s, s.Today(), nil)
			return preview(p, err, func(r *DuesBaseRow) bool { return r.ID != 0 },
				func(s *data.Store, rows []DuesBaseRow) error {
					return data.SaveRecords(s, unwrap(rows, func(r *DuesBaseRow) data.DuesBase { return r.DuesBase }))
				})
		}},
	{"dues-payments", "党费缴纳记录", "每行一次缴纳",
		func(path string, s *data.Store) (Preview, error) {
			p, err := ReadDuesPayments(path, s, nil)
			return preview(p, err, nil,
				func(s *data.Store, rows []DuesPaymentRow) error {
					return data.SaveRecords(s, unwrap(rows, func(r *DuesPaymentRow) data.DuesPayment { return r.DuesPayment }))
				})
		}},
	{"training", "培训台账", "同名同开始日期的培训合并为一次，参训人员按姓名对应名册（非党员照写）",
		func(path string, s *data.Store) (Preview, error) {
			p, err := ReadTraining(path, s)
			return preview(p, err, nil, data.SaveTrainingEntries)
		}},
	{"talks", "谈心谈话记录", "谈话人、谈话对象按姓名对应名册",
		func(path string, s *data.Store) (Preview, error) {
			p, err := ReadTalks(path, s)
			return preview(p, err, nil, data.SaveRecords[data.Talk])
		}},
	{"tasks", "工作责任清单", "没有年度列的算今年",
		func(path string, s *data.Store) (Preview, error) {
			p, err := ReadTasks(path, s, s.Today().Year)
			return preview(p, err, nil, data.SaveRecords[data.DutyTask])
		}},
	{"rectification", "问题整改台账", "问题清单或问题整改台账，没有年度列的算今年",
		func(path string, s *data.Store) (Preview, error) {
			p, err := ReadProblems(path, s, s.Today().Year)
			return preview(p, err, nil, data.SaveRecords[data.Problem])
		}},
	{"work-items", "工作事项台账", "没有年度列的算今年",
		func(path string, s *data.Store) (Preview, error) {
			p, err := ReadWorkItems(path, s, s.Today().Year)
			return preview(p, err, nil, data.SaveRecords[data.WorkItem])
		}},
	{"improvements", "优化前后对比台账", "没有年度列的算今年",
		func(path string, s *data.Store) (Preview, error) {
			p, err := ReadImprovements(path, s.Today().Year)
			return preview(p, err, nil, data.SaveRecords[data.Improvement])
		}},
	{"appraisal", "民主评议党员登记表", "每行一名党员；同一人同一年只能有一条",
		func(path string, s *data.Store) (Preview, error) {
			p, err := ReadAppraisal(path, s, s.Today().Year)
			return preview(p, err, nil, data.SaveRecords[data.AppraisalResult])
		}},
}

// recordPreview is an ImportPreview with the way its rows are saved.
type recordPreview[R any] struct {
	*ImportPreview[R]
	isUpdate func(*R) bool
	save     func(s *data.Store, rows []R) error
}

func preview[R any](p *ImportPreview[R], err error, isUpdate func(*R) bool, save func(*data.Store, []R) error) (Preview, error) {
	if err != nil {
		return nil, err
	}
	return recordPreview[R]{p, isUpdate, save}, nil
}

func (p recordPreview[R]) Counts() (good, bad, updates int) {
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

func (p recordPreview[R]) Save(s *data.Store) error { return p.save(s, p.GoodRows()) }

func unwrap[R, T any](rows []R, get func(*R) T) []T {
	out := make([]T, len(rows))
	for i := range rows {
		out[i] = get(&rows[i])
	}
	return out
}
