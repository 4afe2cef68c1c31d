package reports

import (
	"fmt"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/yearwork"
)

// The year's other registers: 培训台账, 谈心谈话记录, 工作责任清单, 问题整改台账,
// 工作事项台账, 优化前后对比台账, 民主评议党员登记表 and the small records. Each
// register is declared once below and serves the export, the import and
// the screen's table; reports computed from them (学时统计, 谈话覆盖,
// 民主评议统计表) are extra sheets of the same workbooks.

// computed is a column shown in exports and ignored on import.
func computed[T any](header string, width float64, get func(*T) any) Column[T] {
	return Column[T]{Header: header, Width: width, Center: true, Get: get,
		Set: func(*T, string) error { return nil }}
}

// statusText is 问题整改 progress in words.
func statusText(p *data.Problem) string {
	switch {
	case !p.Open():
		return "已验收"
	case p.Result != "":
		return "已整改待验收"
	case p.Measures != "":
		return "整改中"
	}
	return "未整改"
}

// --- 培训台账 ---

// TrainingRow is one person at one course.
type TrainingRow = data.TrainingEntry

// TrainingRegister is the 培训台账: a row per person and course.
func TrainingRegister() *Register[TrainingRow] {
	course := func(r *TrainingRow) *data.TrainingCourse { return &r.Course }
	return &Register[TrainingRow]{
		Name: "培训台账", FreezeColumns: 1,
		Columns: []Column[TrainingRow]{
			TextColumn("姓名", func(r *TrainingRow) *string { return &r.Attendance.Name }, "参训人员"),
			TextColumn("培训名称", func(r *TrainingRow) *string { return &course(r).Name }, "课程名称", "培训内容", "培训班名称"),
			textChoice("组织单位", func(r *TrainingRow) *string { return &course(r).Organizer }, data.TrainingOrganizers, "举办单位"),
			textChoice("培训类别", func(r *TrainingRow) *string { return &course(r).Category }, data.TrainingCategories, "类别"),
			DateColumn("开始日期", func(r *TrainingRow) *civil.Date { return &course(r).Start }, "培训日期", "日期"),
			DateColumn("结束日期", func(r *TrainingRow) *civil.Date { return &course(r).End }),
			NumberColumn("课程学时", 8, func(r *TrainingRow) *float64 { return &course(r).Hours }, "学时"),
			NumberColumn("本人学时", 8, func(r *TrainingRow) *float64 { return &r.Attendance.Hours }, "个人学时"),
			BoolColumn("结业", func(r *TrainingRow) *bool { return &r.Attendance.Passed }, "取得证书"),
			TextColumn("备注", func(r *TrainingRow) *string { return &r.Attendance.Note }),
		},
	}
}

// TrainingRows are the year's attendance rows with their courses.
func TrainingRows(d *yearwork.Data, year int) []TrainingRow {
	courses := map[uint]data.TrainingCourse{}
	for _, c := range d.Courses {
		courses[c.ID] = c
	}
	var out []TrainingRow
	for _, c := range d.Courses { // in course order
		if c.Start.Year != year {
			continue
		}
		for _, a := range d.Attendance {
			if a.CourseID == c.ID {
				out = append(out, TrainingRow{Course: courses[c.ID], Attendance: a})
			}
		}
	}
	return out
}

// HoursRow is one person's line of the 学时统计.
type HoursRow struct {
	Target, Name string
	Hours, Need  float64
	Courses      int
	Met          string
}

// HoursRegister is the 学时统计 sheet: each target's people and hours.
func HoursRegister() *Register[HoursRow] {
	return &Register[HoursRow]{
		Name: "学时统计",
		Columns: []Column[HoursRow]{
			{Header: "培训要求", Width: 34, Get: func(r *HoursRow) any { return r.Target }},
			{Header: "姓名", Get: func(r *HoursRow) any { return r.Name }},
			{Header: "参训次数", Kind: KindNumber, Width: 8, Get: func(r *HoursRow) any { return r.Courses }},
			{Header: "已完成学时", Kind: KindNumber, Width: 9, Get: func(r *HoursRow) any { return r.Hours }},
			{Header: "要求学时", Kind: KindNumber, Width: 8, Get: func(r *HoursRow) any { return r.Need }},
			{Header: "是否达到", Center: true, Width: 8, Get: func(r *HoursRow) any { return r.Met }},
		},
	}
}

// HoursRows are the 学时统计 lines of the year (the sheet and the screen).
func HoursRows(d *yearwork.Data, year int, today civil.Date) []HoursRow {
	var out []HoursRow
	for _, p := range yearwork.TrainingProgress(d, year, today) {
		for _, t := range p.Trainees {
			met := "未达到"
			if t.Met {
				met = "达到"
			}
			out = append(out, HoursRow{Target: p.Target.Title, Name: t.Name, Hours: t.Hours, Need: p.Target.MinHours,
				Courses: t.Courses, Met: met})
		}
	}
	return out
}

// ExportTraining writes the 培训台账 of the year and its 学时统计.
func ExportTraining(path string, s *data.Store, opt YearOptions) error {
	d, err := loadYear(s, &opt)
	if err != nil {
		return err
	}
	doc := yearDocument(&d.Branch, "培训台账", opt.Year, asOfYear(opt.Year, opt.Today))
	stats := yearDocument(&d.Branch, "党员和思政课教师培训学时统计", opt.Year, asOfYear(opt.Year, opt.Today))
	return writeWorkbook(path, doc.fileInfo(), registerSheet(TrainingRegister(), doc, TrainingRows(d, opt.Year), nil),
		registerSheet(HoursRegister(), stats, HoursRows(d, opt.Year, opt.Today), nil))
}

// ReadTraining reads a 培训台账; attendees are matched to the register by
// name where exactly one member has it, and kept as written otherwise.
func ReadTraining(path string, s *data.Store) (*ImportPreview[TrainingRow], error) {
	find, err := newPersonFinder(s)
	if err != nil {
		return nil, err
	}
	return readPreview(path, TrainingRegister(), func(r *TrainingRow) []data.FieldIssue {
		r.Attendance.PersonID = find.optional(r.Attendance.Name)
		if r.Course.End.IsZero() {
			r.Course.End = r.Course.Start
		}
		return nil
	}, nil)
}

// optional is the register's person of a name when exactly one matches.
func (f *personFinder) optional(name string) *uint {
	if name == "" {
		return nil
	}
	if p, _ := f.names.match(name, ""); p != nil {
		id := p.ID
		return &id
	}
	return nil
}

// loadYear reads the yearly registers for a report of opt's year.
func loadYear(s *data.Store, opt *YearOptions) (*yearwork.Data, error) {
	if err := opt.check(s); err != nil {
		return nil, err
	}
	d, err := yearwork.Load(s)
	if err != nil {
		return nil, fmt.Errorf("读取台账失败：%w", err)
	}
	return d, nil
}

// ofYear keeps the rows of a year.
func ofYear[T any](rows []T, year func(*T) int, y int) []T {
	var out []T
	for i := range rows {
		if year(&rows[i]) == y {
			out = append(out, rows[i])
		}
	}
	return out
}

// --- 谈心谈话 ---

// TalkRegister is the 谈心谈话记录.
func TalkRegister() *Register[data.Talk] {
	return &Register[data.Talk]{
		Name: "谈心谈话记录", FreezeColumns: 1,
		Columns: []Column[data.Talk]{
			DateColumn("谈话日期", func(t *data.Talk) *civil.Date { return &t.Date }, "日期", "时间"),
			TextColumn("谈话人", func(t *data.Talk) *string { return &t.Talker }),
			TextColumn("谈话对象", func(t *data.Talk) *string { return &t.Subject }),
			textChoice("谈话类型", func(t *data.Talk) *string { return &t.Kind }, data.TalkKinds, "类型"),
			TextColumn("主要内容", func(t *data.Talk) *string { return &t.Content }, "谈话内容"),
			TextColumn("后续跟进", func(t *data.Talk) *string { return &t.FollowUp }, "跟进情况"),
		},
	}
}

// CoverageRow is one 支委's line of the coverage matrix.
type CoverageRow struct {
	Name  string
	Cells []string
}

// CoverageRegister is the matrix sheet: 支委 down, everyone across; a cell
// holds the number of talks, "—" where the rule asks nothing, "未谈" where a
// required pair has not talked.
func CoverageRegister(m *yearwork.TalkMatrix) *Register[CoverageRow] {
	cols := []Column[CoverageRow]{{Header: "支委", Width: 10, Get: func(r *CoverageRow) any { return r.Name }}}
	for i, name := range m.Columns {
		cols = append(cols, Column[CoverageRow]{Header: name, Width: 5, Center: true,
			Get: func(r *CoverageRow) any { return r.Cells[i] }})
	}
	return &Register[CoverageRow]{Name: "谈话覆盖情况", Columns: cols, FreezeColumns: 1}
}

// CoverageRows are the matrix lines, one per 支委 (the sheet and the screen).
func CoverageRows(m *yearwork.TalkMatrix, rule data.TalkCoverage) []CoverageRow {
	var out []CoverageRow
	for _, a := range m.Committee {
		r := CoverageRow{Name: a}
		for _, b := range m.Columns {
			cell := "—"
			if n := m.Count(a, b); n > 0 && a != b {
				cell = fmt.Sprint(n)
			} else if m.Needed(a, b, rule) {
				cell = "未谈"
			}
			r.Cells = append(r.Cells, cell)
		}
		out = append(out, r)
	}
	return out
}

// ExportTalks writes the year's 谈心谈话记录 and the coverage matrix.
func ExportTalks(path string, s *data.Store, opt YearOptions) error {
	d, err := loadYear(s, &opt)
	if err != nil {
		return err
	}
	m := yearwork.Talks(d, opt.Year, opt.Today)
	doc := yearDocument(&d.Branch, "谈心谈话记录", opt.Year, asOfYear(opt.Year, opt.Today))
	cov := yearDocument(&d.Branch, "谈心谈话覆盖情况", opt.Year, asOfYear(opt.Year, opt.Today))
	cov.Title += "（" + m.Text() + "）"
	return writeWorkbook(path, doc.fileInfo(), registerSheet(TalkRegister(), doc, ofYear(d.Talks, func(t *data.Talk) int { return t.Date.Year }, opt.Year), nil),
		registerSheet(CoverageRegister(m), cov, CoverageRows(m, d.Coverage), nil))
}

// ReadTalks reads a 谈心谈话记录.
func ReadTalks(path string, s *data.Store) (*ImportPreview[data.Talk], error) {
	find, err := newPersonFinder(s)
	if err != nil {
		return nil, err
	}
	return readPreview(path, TalkRegister(), func(t *data.Talk) []data.FieldIssue {
		t.TalkerID, t.SubjectID = find.optional(t.Talker), find.optional(t.Subject)
		return nil
	}, nil)
}

// --- 工作责任清单 and 书记述职评议 ---

// TaskRegister is the 工作责任清单.
func TaskRegister() *Register[data.DutyTask] {
	return &Register[data.DutyTask]{
		Name: "工作责任清单", FreezeColumns: 2,
		Columns: []Column[data.DutyTask]{
			YearColumn(func(t *data.DutyTask) *int { return &t.Year }),
			TextColumn("任务", func(t *data.DutyTask) *string { return &t.Task }, "工作任务", "任务内容"),
			textChoice("分工", func(t *data.DutyTask) *string { return &t.Division }, data.TaskDivisions),
			TextColumn("责任人", func(t *data.DutyTask) *string { return &t.Owner }),
			DateColumn("时限", func(t *data.DutyTask) *civil.Date { return &t.Deadline }, "完成时限"),
			textChoice("状态", func(t *data.DutyTask) *string { return &t.Status }, data.TaskStatuses),
			TextColumn("完成情况", func(t *data.DutyTask) *string { return &t.Result }),
			TextColumn("佐证材料", func(t *data.DutyTask) *string { return &t.Evidence }, "佐证"),
		},
	}
}

// ReviewRegister is the 书记抓党建工作述职评议 record.
func ReviewRegister() *Register[data.SecretaryReview] {
	count := func(h string, f func(r *data.SecretaryReview) *int) Column[data.SecretaryReview] {
		return CountColumn(h, f)
	}
	return &Register[data.SecretaryReview]{
		Name: "书记述职评议",
		Columns: []Column[data.SecretaryReview]{
			YearColumn(func(r *data.SecretaryReview) *int { return &r.Year }),
			TextColumn("书记", func(r *data.SecretaryReview) *string { return &r.Secretary }, "述职人"),
			DateColumn("述职日期", func(r *data.SecretaryReview) *civil.Date { return &r.Date }),
			TextColumn("评议单位", func(r *data.SecretaryReview) *string { return &r.Reviewer }),
			count("好", func(r *data.SecretaryReview) *int { return &r.Good }),
			count("较好", func(r *data.SecretaryReview) *int { return &r.Fair }),
			count("一般", func(r *data.SecretaryReview) *int { return &r.Average }),
			count("差", func(r *data.SecretaryReview) *int { return &r.Poor }),
			textChoice("评议等次", func(r *data.SecretaryReview) *string { return &r.Rating }, data.ReviewRatings),
			TextColumn("指出的问题", func(r *data.SecretaryReview) *string { return &r.Problems }),
			TextColumn("备注", func(r *data.SecretaryReview) *string { return &r.Note }),
		},
	}
}

// ExportTasks writes the year's 工作责任清单 and the 书记述职评议.
func ExportTasks(path string, s *data.Store, opt YearOptions) error {
	d, err := loadYear(s, &opt)
	if err != nil {
		return err
	}
	doc := yearDocument(&d.Branch, "党建工作责任清单", opt.Year, asOfYear(opt.Year, opt.Today))
	rev := yearDocument(&d.Branch, "书记抓党建工作述职评议", opt.Year, asOfYear(opt.Year, opt.Today))
	return writeWorkbook(path, doc.fileInfo(),
		registerSheet(TaskRegister(), doc, ofYear(d.Tasks, func(t *data.DutyTask) int { return t.Year }, opt.Year), nil),
		registerSheet(ReviewRegister(), rev, ofYear(d.Reviews, func(r *data.SecretaryReview) int { return r.Year }, opt.Year), nil))
}

// ReadTasks reads a 工作责任清单; without 年度 a task belongs to year.
func ReadTasks(path string, s *data.Store, year int) (*ImportPreview[data.DutyTask], error) {
	find, err := newPersonFinder(s)
	if err != nil {
		return nil, err
	}
	return readPreview(path, TaskRegister(), func(t *data.DutyTask) []data.FieldIssue {
		t.OwnerID = find.optional(t.Owner)
		if t.Year == 0 {
			t.Year = year
		}
		return nil
	}, nil)
}

// --- 问题清单 / 问题整改台账 ---

// ProblemRegister is the 问题整改台账 (and, with its first columns, the 问题清单).
func ProblemRegister() *Register[data.Problem] {
	return &Register[data.Problem]{
		Name: "问题整改台账", FreezeColumns: 2,
		Columns: []Column[data.Problem]{
			YearColumn(func(p *data.Problem) *int { return &p.Year }),
			TextColumn("问题", func(p *data.Problem) *string { return &p.Problem }, "存在问题", "查摆问题", "问题描述"),
			textChoice("来源", func(p *data.Problem) *string { return &p.Source }, data.ProblemSources, "问题来源"),
			TextColumn("涉及对象", func(p *data.Problem) *string { return &p.Person }, "党员", "对象"),
			TextColumn("整改措施", func(p *data.Problem) *string { return &p.Measures }),
			TextColumn("责任人", func(p *data.Problem) *string { return &p.Owner }),
			DateColumn("整改时限", func(p *data.Problem) *civil.Date { return &p.Deadline }, "时限"),
			TextColumn("整改结果", func(p *data.Problem) *string { return &p.Result }, "整改情况"),
			DateColumn("验收日期", func(p *data.Problem) *civil.Date { return &p.VerifiedOn }),
			TextColumn("验收人", func(p *data.Problem) *string { return &p.VerifiedBy }),
			computed("状态", 10, func(p *data.Problem) any { return statusText(p) }),
		},
	}
}

// ExportProblems writes the year's 问题整改台账 (every problem of the year,
// open or verified, and the open ones of earlier years).
func ExportProblems(path string, s *data.Store, opt YearOptions) error {
	d, err := loadYear(s, &opt)
	if err != nil {
		return err
	}
	var rows []data.Problem
	for _, p := range d.Problems {
		if p.Year == opt.Year || p.Year < opt.Year && p.Open() {
			rows = append(rows, p)
		}
	}
	doc := yearDocument(&d.Branch, "问题整改台账", opt.Year, asOfYear(opt.Year, opt.Today))
	return WriteRegister(path, ProblemRegister(), doc, rows, nil)
}

// ReadProblems reads a 问题清单 or 问题整改台账.
func ReadProblems(path string, s *data.Store, year int) (*ImportPreview[data.Problem], error) {
	find, err := newPersonFinder(s)
	if err != nil {
		return nil, err
	}
	return readPreview(path, ProblemRegister(), func(p *data.Problem) []data.FieldIssue {
		p.PersonID, p.OwnerID = find.optional(p.Person), find.optional(p.Owner)
		if p.Year == 0 {
			p.Year = year
		}
		return nil
	}, nil)
}

// --- 工作事项台账 and 优化前后对比台账 ---

// WorkItemRegister is the 工作事项台账.
func WorkItemRegister() *Register[data.WorkItem] {
	return &Register[data.WorkItem]{
		Name: "工作事项台账", FreezeColumns: 2,
		Columns: []Column[data.WorkItem]{
			YearColumn(func(w *data.WorkItem) *int { return &w.Year }),
			TextColumn("工作事项", func(w *data.WorkItem) *string { return &w.Item }, "事项"),
			TextColumn("负责人", func(w *data.WorkItem) *string { return &w.Owner }, "责任人"),
			DateColumn("开始日期", func(w *data.WorkItem) *civil.Date { return &w.Start }),
			DateColumn("完成时限", func(w *data.WorkItem) *civil.Date { return &w.Due }, "时限"),
			TextColumn("进展情况", func(w *data.WorkItem) *string { return &w.Progress }, "进展"),
			textChoice("状态", func(w *data.WorkItem) *string { return &w.Status }, data.TaskStatuses),
			TextColumn("备注", func(w *data.WorkItem) *string { return &w.Note }),
		},
	}
}

// ImprovementRegister is the 优化前后对比台账.
func ImprovementRegister() *Register[data.Improvement] {
	return &Register[data.Improvement]{
		Name: "优化前后对比台账", FreezeColumns: 2,
		Columns: []Column[data.Improvement]{
			YearColumn(func(i *data.Improvement) *int { return &i.Year }),
			TextColumn("优化事项", func(i *data.Improvement) *string { return &i.Item }, "事项"),
			TextColumn("优化前", func(i *data.Improvement) *string { return &i.Before }, "优化前做法"),
			TextColumn("优化后", func(i *data.Improvement) *string { return &i.After }, "优化后做法"),
			DateColumn("优化日期", func(i *data.Improvement) *civil.Date { return &i.Date }, "日期"),
			TextColumn("负责人", func(i *data.Improvement) *string { return &i.Owner }),
			TextColumn("成效", func(i *data.Improvement) *string { return &i.Effect }),
		},
	}
}

// ExportLedgers writes the 工作事项台账 and the 优化前后对比台账 of the year.
func ExportLedgers(path string, s *data.Store, opt YearOptions) error {
	d, err := loadYear(s, &opt)
	if err != nil {
		return err
	}
	asOf := asOfYear(opt.Year, opt.Today)
	items := yearDocument(&d.Branch, "工作事项台账", opt.Year, asOf)
	return writeWorkbook(path, items.fileInfo(),
		registerSheet(WorkItemRegister(), items,
			ofYear(d.WorkItems, func(w *data.WorkItem) int { return w.Year }, opt.Year), nil),
		registerSheet(ImprovementRegister(), yearDocument(&d.Branch, "优化前后对比台账", opt.Year, asOf),
			ofYear(d.Improvement, func(i *data.Improvement) int { return i.Year }, opt.Year), nil))
}

// ReadWorkItems reads a 工作事项台账.
func ReadWorkItems(path string, s *data.Store, year int) (*ImportPreview[data.WorkItem], error) {
	find, err := newPersonFinder(s)
	if err != nil {
		return nil, err
	}
	return readPreview(path, WorkItemRegister(), func(w *data.WorkItem) []data.FieldIssue {
		w.OwnerID = find.optional(w.Owner)
		if w.Year == 0 {
			w.Year = year
		}
		return nil
	}, nil)
}

// ReadImprovements reads an 优化前后对比台账.
func ReadImprovements(path string, year int) (*ImportPreview[data.Improvement], error) {
	return readPreview(path, ImprovementRegister(), func(i *data.Improvement) []data.FieldIssue {
		if i.Year == 0 {
			i.Year = year
		}
		return nil
	}, nil)
}
