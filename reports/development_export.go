package reports

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// Exports of the 发展党员 registers, in the document style of the 党员名册.
//
// Which people a register lists for a year Y: the registers of a stage
// (申请人, 积极分子, 发展对象) list the people at that stage on the register's
// date, which is 31 December of Y, or today for the current year; records
// dated after it are left out, so a past year's register shows the pipeline
// as it stood then. The 预备党员名册 lists everyone who was a 预备党员 at some
// time in Y (up to that date), so that its 转正时间 column shows who was
// confirmed in the year. The 发展党员计划名册 is the plan of Y.

// DevExportOptions tune the exports of the 发展党员 registers.
type DevExportOptions struct {
	Year        int  // the register's year; 0 means this year
	MaskPrivate bool // mask ID numbers, for lists that are posted (公示)
	Publicity   bool // 发展对象名册 only: the 发展对象公示 (PublicityRegister)
	Progress    func(done, total int)
}

// DevExport is one of the 发展党员 registers that can be exported, for the
// command line and the 发展党员 screen's export menu.
type DevExport struct {
	Key       string // the command-line name: applicants, activists …
	Title     string // 入党申请人名册 …
	Help      string // one line for the help text
	Publicity string // the title of its 公示 version ("" = none; DevExportOptions.Publicity)
	Export    func(path string, store *data.Store, opt DevExportOptions) error
}

// DevExports lists them in the order of the way into the party.
var DevExports = []DevExport{
	{Key: "applicants", Title: "入党申请人名册", Help: "入党申请人名册", Export: ExportApplicants},
	{Key: "activists", Title: "入党积极分子名册", Help: "入党积极分子名册（含培养联系人、思想汇报次数）", Export: ExportActivists},
	{Key: "candidates", Title: "发展对象名册", Publicity: PublicityRegister().Name, Export: ExportCandidates,
		Help: "发展对象名册（含入党介绍人、政审、培训、预审、支部大会、审批）；--publicity 为发展对象公示"},
	{Key: "devplan", Title: "发展党员计划名册", Help: "发展党员计划名册，第二张工作表是汇总表", Export: ExportDevPlan},
	{Key: "probationers", Title: "预备党员名册", Help: "预备党员名册（入党时间、预备期满时间、延长预备期、转正时间）", Export: ExportProbationers},
	{Key: "changes", Title: "党员增减及组织关系转接登记表", Export: ExportChanges,
		Help: "党员增减及组织关系转接登记表：当年每一项增减和组织关系转接，第二张工作表是年初、增加、减少、期末的汇总"},
	{Key: "devrecord", Title: "发展党员全程纪实台账", Export: ExportDevRecord,
		Help: "发展党员全程纪实台账：当年在发展过程中或当年入党的每个人，25个步骤的日期和人员、细则版本、待处理问题"},
}

// The registers' columns, in the order the district registers use
// (docs/ARCHITECTURE.md#the-domain-in-brief).
var (
	ApplicantRegister = sync.OnceValue(func() *Register[DevRow] {
		return devRegister("入党申请人名册", personHeaders(data.FieldEducation, data.FieldNative, data.FieldPost, data.FieldBranch,
			hApplied, hTalked, hTalkers, hLeague, hStage, data.FieldRemark)...)
	})
	ActivistRegister = sync.OnceValue(func() *Register[DevRow] {
		return devRegister("入党积极分子名册", personHeaders(data.FieldEducation, data.FieldNative, data.FieldPost, data.FieldBranch,
			hApplied, hTalked, hTalkers, hSource, hLeague, hActivist, hActivistFiled, hContacts, hContactsDate,
			hReports, hLastReport, hLastAssessment, hStage, data.FieldRemark)...)
	})
	CandidateRegister = sync.OnceValue(func() *Register[DevRow] {
		return devRegister("发展对象名册", personHeaders(data.FieldEducation, data.FieldPost, data.FieldBranch,
			hApplied, hActivist, hCandidate, hPublicity, hCandidateFiled, hPlanned, hIntroducers, hIntroDate,
			hReview, hReviewResult, hTraining, hHours, hTrainingResult, hCommittee, hPreReview, hPreReviewRes,
			hPledgeDate, hPledgeNumber, hMeeting, hSuperiorTalk, hSuperiorTalker, hApproval, hApprovalResult,
			hApprovalFiled, data.FieldRemark)...)
	})
	DevPlanRegister = sync.OnceValue(func() *Register[DevRow] {
		reg := devRegister("发展党员计划名册", personHeaders(data.FieldEducation, data.FieldPost, data.FieldBranch, hStage,
			hApplied, hActivist, hCandidate, hPlanned, hPlannedStage, hYoungTeacher, hIntroducers, hPlanNote)...)
		reg.Columns[len(reg.Columns)-1].Header = data.FieldRemark // the plan line's note is this register's 备注
		return reg
	})
	ProbationerRegister = sync.OnceValue(func() *Register[DevRow] {
		return devRegister("预备党员名册", personHeaders(data.FieldEducation, data.FieldPost, data.FieldBranch, hIntroducers,
			hJoin, hOath, hProbationEnd, hExtended, hTransferApply, hTransferMeeting, hTransferApproval, hFull,
			hArchived, data.FieldRemark)...)
	})
)

// PublicityRegister is the 发展对象公示: only what a 公示 shows (中国共产党
// 发展党员工作细则 第十七条; domain.md §3.3), the birth date as a month.
var PublicityRegister = sync.OnceValue(func() *Register[DevRow] {
	reg := devRegister("发展对象公示", data.FieldName, data.FieldGender, data.FieldBirth, data.FieldEducation,
		data.FieldPost, hApplied, hActivist, hContacts, hIntroducers)
	reg.Columns[2].Header = publicityBirth
	reg.Portrait = true
	return reg
})

// publicityBirth is the 公示's name for the birth date: it shows only the month.
const publicityBirth = "出生年月"

// personHeaders are the first columns of every person-level register, in
// the order of the 党员基本信息采集表 (one vocabulary, README), then rest.
func personHeaders(rest ...string) []string {
	return append([]string{data.FieldName, data.FieldGender, data.FieldEthnicity, data.FieldIDNumber, data.FieldBirth}, rest...)
}

// ExportApplicants writes the 入党申请人名册 of the year.
func ExportApplicants(path string, store *data.Store, opt DevExportOptions) error {
	return exportStage(path, store, opt, data.StageApplicant, ApplicantRegister())
}

// ExportActivists writes the 入党积极分子名册 of the year.
func ExportActivists(path string, store *data.Store, opt DevExportOptions) error {
	return exportStage(path, store, opt, data.StageActivist, ActivistRegister())
}

// ExportCandidates writes the 发展对象名册 of the year, with each person's
// 拟发展时间 from the year's plan.
func ExportCandidates(path string, store *data.Store, opt DevExportOptions) error {
	return exportStage(path, store, opt, data.StageCandidate, CandidateRegister())
}

func exportStage(path string, store *data.Store, opt DevExportOptions, stage data.Stage, reg *Register[DevRow]) error {
	x, err := loadDevExport(store, opt)
	if err != nil {
		return err
	}
	rows := x.stageRows(stage)
	doc := x.document(reg.Name, false)
	reg = x.step8Named(reg, rows)
	if opt.Publicity && stage == data.StageCandidate {
		reg, doc = PublicityRegister(), x.publicityDocument(rows)
	}
	return WriteRegister(path, reg, doc, rows, opt.Progress)
}

// publicityDocument is the 公示's title block: masked, and under the table
// the 公示期 (from the people's step-7 records when they share one, blank to
// fill in otherwise) and the 监督电话 from the branch settings.
func (x *devExport) publicityDocument(rows []DevRow) Document {
	doc := x.document(PublicityRegister().Name, false)
	doc.Mask = true
	period := "　　　年　　月　　日至　　　年　　月　　日"
	periods := map[string]bool{}
	for i := range rows {
		if st := rows[i].latest(data.StepCandidate); st != nil && !st.Start.IsZero() {
			periods[st.Start.Chinese()+"至"+st.Date.Chinese()] = true
		}
	}
	if len(periods) == 1 {
		for p := range periods {
			period = p
		}
	}
	phone := x.d.Branch.Phone
	if phone == "" {
		phone = "　　　　　　　　"
	}
	doc.Signature = fmt.Sprintf("公示期：%s。公示期间，如有意见请向党支部反映。监督电话：%s　　　%s（盖章）", period, phone, x.d.Branch.Name)
	return doc
}

// step8Named is reg with the step-8 column named for the versions the rows
// follow (备案 in 2014, 同意 in 2026.05: candidateFiledHeader); reg itself
// when it has no such column.
func (x *devExport) step8Named(reg *Register[DevRow], rows []DevRow) *Register[DevRow] {
	for i, c := range reg.Columns {
		if c.Header != hCandidateFiled {
			continue
		}
		versions := map[string]bool{}
		for j := range rows {
			v, _ := data.RecordVersion(&rows[j].Person, x.d.Steps[rows[j].Person.ID], x.d.Branch.RuleVersion)
			versions[v] = true
		}
		out := &Register[DevRow]{Name: reg.Name, FreezeColumns: reg.FreezeColumns, Portrait: reg.Portrait,
			MinHeaderMatches: reg.MinHeaderMatches, Columns: append([]Column[DevRow](nil), reg.Columns...)}
		out.Columns[i].Header = candidateFiledHeader(versions)
		return out
	}
	return reg
}

// ExportDevPlan writes the year's 发展党员计划名册 with, on a second sheet,
// the branch's 汇总表 (docs/ARCHITECTURE.md#the-domain-in-brief).
func ExportDevPlan(path string, store *data.Store, opt DevExportOptions) error {
	x, err := loadDevExport(store, opt)
	if err != nil {
		return err
	}
	rows := x.planRows()
	members, err := memberList(store, x.asOf, x.today)
	if err != nil {
		return fmt.Errorf("读取党员名单失败：%w", err)
	}
	summary := x.planSummary(rows, len(members))
	sumDoc := x.document(PlanSummaryRegister().Name, true)
	sumDoc.Signature = SignatureLine
	return writeWorkbook(path, sumDoc.fileInfo(),
		registerSheet(DevPlanRegister(), x.document(DevPlanRegister().Name, true), rows, opt.Progress),
		registerSheet(PlanSummaryRegister(), sumDoc, []PlanSummary{summary}, nil))
}

// ExportProbationers writes the 预备党员名册: everyone who was a 预备党员 at
// some time in the year, with 入党时间, 预备期满时间, 延长预备期 and 转正时间.
func ExportProbationers(path string, store *data.Store, opt DevExportOptions) error {
	x, err := loadDevExport(store, opt)
	if err != nil {
		return err
	}
	rows := x.probationerRows()
	return WriteRegister(path, ProbationerRegister(), x.document(ProbationerRegister().Name, true), rows, opt.Progress)
}

// devExport is what the exports read, loaded once.
type devExport struct {
	year        int
	asOf, today civil.Date
	made        time.Time // storeNow
	mask        bool
	d           data.DevData
	plans       []data.DevPlan
	planOf      map[uint]*data.DevPlan
}

func loadDevExport(store *data.Store, opt DevExportOptions) (*devExport, error) {
	today := store.Today()
	x := &devExport{year: opt.Year, today: today, mask: opt.MaskPrivate, made: storeNow(store)}
	if x.year == 0 {
		x.year = today.Year
	}
	if x.year < 2000 || x.year > 2100 {
		return nil, fmt.Errorf("年度“%d”不对，请填写四位年份，例如 %d", x.year, today.Year)
	}
	x.asOf = civil.New(x.year, 12, 31)
	if today.Before(x.asOf) {
		x.asOf = today
	}
	var err error
	if x.d, err = store.LoadDevData(); err != nil {
		return nil, fmt.Errorf("读取发展党员记录失败：%w", err)
	}
	if x.plans, err = store.DevPlans(x.year); err != nil {
		return nil, fmt.Errorf("读取发展党员计划失败：%w", err)
	}
	x.planOf = make(map[uint]*data.DevPlan, len(x.plans))
	for i := range x.plans {
		x.planOf[x.plans[i].PersonID] = &x.plans[i]
	}
	data.SortPeople(x.d.People, data.FieldName, false) // pinyin order within each date
	return x, nil
}

// document is the title block: the branch's name and the register's, with
// the year for the registers of a year (the plan, the 预备党员).
func (x *devExport) document(name string, yearly bool) Document {
	b := x.d.Branch
	title := b.Name + name
	if yearly {
		title = fmt.Sprintf("%s%d年%s", b.Name, x.year, name)
	}
	return Document{
		Title:     title,
		Unit:      b.FilingUnit(),
		AsOf:      x.asOf,
		Signature: SignatureLine,
		Mask:      x.mask,
		Author:    b.Name,
		Made:      x.made,
	}
}

// row is a person with their records up to the register's date.
func (x *devExport) row(p *data.Person) DevRow {
	var steps []data.DevStep
	for _, st := range x.d.Steps[p.ID] {
		if !st.Date.First().After(x.asOf) {
			steps = append(steps, st)
		}
	}
	r := DevRow{Person: *p, Steps: steps, Plan: x.planOf[p.ID]}
	r.Stage = x.stageOf(p, steps)
	return r
}

// stageOf is the person's stage on the register's date: today the stored
// stage, on a past date the one the records dated by then give.
func (x *devExport) stageOf(p *data.Person, steps []data.DevStep) data.Stage {
	if !x.asOf.Before(x.today) {
		return p.Stage
	}
	t := data.TimelineAsOf(p, steps, x.asOf, x.d.Branch.RuleVersion)
	return t.ImpliedStage()
}

// inRoll reports whether the person was still followed by the branch on the
// date: not yet transferred out, stopped, cancelled …
func inRoll(p *data.Person, on civil.Date) bool {
	return p.Roll == data.RollActive || (!p.RollDate.IsZero() && p.RollDate.First().After(on))
}

// entrySteps date each development stage: a register lists its people in
// the order they reached the stage.
var entrySteps = map[data.Stage]int{
	data.StageApplicant: data.StepApply,
	data.StageActivist:  data.StepActivist,
	data.StageCandidate: data.StepCandidate,
}

func (x *devExport) stageRows(stage data.Stage) []DevRow {
	var rows []DevRow
	for i := range x.d.People {
		p := &x.d.People[i]
		if !inRoll(p, x.asOf) {
			continue
		}
		if r := x.row(p); r.Stage == stage {
			rows = append(rows, r)
		}
	}
	entry := entrySteps[stage]
	sortRows(rows, func(r *DevRow) civil.Date {
		if st := r.latest(entry); st != nil {
			return st.Date
		}
		return civil.Date{}
	})
	x.qualifyNamesakes(rows)
	return rows
}

// sortRows orders rows by a date, blanks last, keeping the pinyin order of
// names among equal dates.
func sortRows(rows []DevRow, key func(*DevRow) civil.Date) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := key(&rows[i]), key(&rows[j])
		if a.IsZero() || b.IsZero() {
			return !a.IsZero() && b.IsZero()
		}
		return a.First().Before(b.First())
	})
}

// qualifyNamesakes writes the people of the records as 张伟（0031） when two
// people of the branch share the name, with the last four characters of the
// ID number, so that the import can tell them apart again.
func (x *devExport) qualifyNamesakes(rows []DevRow) {
	idx := newNameIndex(x.d.People)
	for i := range rows {
		for j := range rows[i].Steps {
			st := &rows[i].Steps[j]
			people := append([]data.DevStepPerson(nil), st.People...) // the store's slices stay as loaded
			for k := range people {
				if q := idx.byID[idOf(people[k].PersonID)]; q != nil && len(idx.byName[nameKey(q.Name)]) > 1 {
					people[k].Name = qualifiedName(q)
				}
			}
			st.People = people
		}
	}
}

func idOf(id *uint) uint {
	if id == nil {
		return 0
	}
	return *id
}

func (x *devExport) planRows() []DevRow {
	people := make(map[uint]*data.Person, len(x.d.People))
	for i := range x.d.People {
		people[x.d.People[i].ID] = &x.d.People[i]
	}
	var rows []DevRow
	for _, plan := range x.plans { // by planned month already
		if p := people[plan.PersonID]; p != nil {
			rows = append(rows, x.row(p))
		}
	}
	x.qualifyNamesakes(rows)
	return rows
}

// probationerRows are the people who were 预备党员 at some time in the year,
// by 入党时间. The 转正时间 shows only when it came by the register's date;
// a departure from the roll is noted in 备注.
func (x *devExport) probationerRows() []DevRow {
	yearStart := civil.New(x.year, 1, 1)
	var rows []DevRow
	for i := range x.d.People {
		p := x.d.People[i]
		if !p.Stage.IsMember() || p.JoinDate.IsZero() || p.JoinDate.First().After(x.asOf) || !inRoll(&p, yearStart) {
			continue
		}
		full := p.FullDate
		if full.IsZero() && p.Stage == data.StageFull {
			full = p.ProbationEnd() // 转正日期 not entered: 预备期满 is when it was
		}
		if !full.IsZero() && !full.First().After(yearStart) {
			continue // a 正式党员 all year
		}
		if full.First().After(x.asOf) {
			p.FullDate = civil.Date{}
		}
		if !inRoll(&p, x.asOf) {
			p.Remark = joinNote(p.RollDate.String()+" "+string(p.Roll), p.Remark)
		}
		r := x.row(&p) // with the step records, for the 宣誓, 转正 and 归档 columns
		r.Stage = data.StageProbationer
		rows = append(rows, r)
	}
	sortRows(rows, func(r *DevRow) civil.Date { return r.Person.JoinDate })
	return rows
}

func joinNote(a, b string) string {
	if b == "" {
		return a
	}
	return a + "；" + b
}

// PlanSummary is the 发展党员计划 汇总表 of a branch (docs/ARCHITECTURE.md#the-domain-in-brief).
type PlanSummary struct {
	Branch     string
	Applicants int    // 已提交入党申请书数量: everyone on the way in
	Activists  int    // 现有入党积极分子存量, 发展对象 included (党内统计 counts them so)
	Months     string // 拟发展时间: the months planned, with how many each
	Planned    int    // 拟发展计划数: plan lines aiming at 预备党员
	Members    int    // 现有党员数（含预备）
	Other      string // the other plan lines, the 优秀青年教师 among them
}

// PlanSummaryRegister is the one-line 汇总表.
var PlanSummaryRegister = sync.OnceValue(func() *Register[PlanSummary] {
	number := func(header string, field func(*PlanSummary) int) Column[PlanSummary] {
		return Column[PlanSummary]{Header: header, Kind: KindNumber, Width: 14,
			Get: func(s *PlanSummary) any { return field(s) }}
	}
	text := func(header string, width float64, field func(*PlanSummary) *string) Column[PlanSummary] {
		c := TextColumn(header, field)
		c.Width = width
		return c
	}
	return &Register[PlanSummary]{Name: "发展党员计划汇总表", Portrait: false, Columns: []Column[PlanSummary]{
		text("所在支部", 24, func(s *PlanSummary) *string { return &s.Branch }),
		number("已提交入党申请书数量", func(s *PlanSummary) int { return s.Applicants }),
		number("现有入党积极分子存量", func(s *PlanSummary) int { return s.Activists }),
		text("拟发展时间", 24, func(s *PlanSummary) *string { return &s.Months }),
		number("拟发展计划数", func(s *PlanSummary) int { return s.Planned }),
		number("现有党员数（含预备）", func(s *PlanSummary) int { return s.Members }),
		text("其他", 30, func(s *PlanSummary) *string { return &s.Other }),
	}}
})

func (x *devExport) planSummary(rows []DevRow, members int) PlanSummary {
	s := PlanSummary{Branch: x.d.Branch.Name, Members: members}
	for i := range x.d.People {
		p := &x.d.People[i]
		if !inRoll(p, x.asOf) {
			continue
		}
		switch x.row(p).Stage {
		case data.StageApplicant:
			s.Applicants++
		case data.StageActivist, data.StageCandidate:
			s.Applicants++
			s.Activists++
		}
	}
	months := map[civil.Date]int{}
	var order []civil.Date
	others := map[data.Stage]int{}
	young := 0
	for _, r := range rows {
		if r.Person.YoungTeacher {
			young++
		}
		if r.Plan.Stage != data.StageProbationer {
			others[r.Plan.Stage]++
			continue
		}
		s.Planned++
		m := civil.Date{Year: r.Plan.Planned.Year, Month: r.Plan.Planned.Month}
		if months[m] == 0 {
			order = append(order, m)
		}
		months[m]++
	}
	s.Months = monthsText(order, months)
	s.Other = otherPlansText(others, young)
	return s
}

// monthsText is "2026年6月（2人）、2026年11月（1人）"; lines without a month
// read 月份未定.
func monthsText(order []civil.Date, counts map[civil.Date]int) string {
	sort.SliceStable(order, func(i, j int) bool { return !order[i].IsZero() && (order[j].IsZero() || order[i].Before(order[j])) })
	var parts []string
	for _, m := range order {
		label := m.Chinese()
		if m.IsZero() {
			label = "月份未定"
		}
		parts = append(parts, fmt.Sprintf("%s（%d人）", label, counts[m]))
	}
	return strings.Join(parts, "、")
}

func otherPlansText(others map[data.Stage]int, young int) string {
	var parts []string
	for _, st := range []data.Stage{data.StageCandidate, data.StageActivist} {
		if n := others[st]; n > 0 {
			parts = append(parts, fmt.Sprintf("另计划确定%s %d 人", st, n))
		}
	}
	if young > 0 {
		parts = append(parts, fmt.Sprintf("计划中有优秀青年教师 %d 人", young))
	}
	return strings.Join(parts, "；")
}
