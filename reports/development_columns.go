package reports

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// The columns of the 发展党员 registers (docs/ARCHITECTURE.md#the-domain-in-brief), described once:
// the exports pick from them in the order of each register, and the import
// of applicants, activists and 发展对象 reads every column that can be read
// back. A step column shows the step's latest record (the one that counts
// when a step was redone) and, on import, builds the step's record.

// DevRow is one person of a 发展党员 register: the person with their step
// records. An export fills Steps with the records dated up to the
// register's date, in the store's order; an import builds one record per
// step from the cells (step 6: one per kind, 半年考察 and 思想汇报).
type DevRow struct {
	Person data.Person
	Steps  []data.DevStep
	// Stage is the 发展阶段: as of the register's date on export, as written
	// in the sheet on import (only compared with what the dates give).
	Stage data.Stage
	Plan  *data.DevPlan // the person's line of the year's 发展党员计划, if any
	// league is the 团组织推优时间 read from the sheet, kept in a record's
	// note by the import (see leagueNote).
	league civil.Date
}

// latest is the latest record of step n, or nil.
func (r *DevRow) latest(n int) *data.DevStep { return data.LatestDevStep(r.Steps, n) }

// record is the import's record of step n, added on first use. The pointer
// is valid until the next record is added.
func (r *DevRow) record(n int) *data.DevStep {
	if st := r.latest(n); st != nil {
		return st
	}
	r.Steps = append(r.Steps, data.DevStep{Step: n})
	return &r.Steps[len(r.Steps)-1]
}

// stepValue reads a field of the latest record of step n (nil when none).
func (r *DevRow) stepValue(n int, field func(*data.DevStep) any) any {
	if st := r.latest(n); st != nil {
		return field(st)
	}
	return nil
}

// Headers of the development columns. Person columns use the data.Field*
// names of the 党员名册, so their checks' messages name the same column.
const (
	hApplied        = "申请入党时间"
	hTalked         = "谈话时间"
	hTalkers        = "谈话人"
	hSource         = "推荐方式"
	hLeague         = "团组织推优时间"
	hActivist       = "确定为入党积极分子时间"
	hActivistFiled  = "备案时间"
	hContacts       = "培养联系人"
	hContactsDate   = "指定培养联系人时间"
	hReports        = "思想汇报次数"
	hLastReport     = "最近一次思想汇报"
	hLastAssessment = "最近一次考察"
	hStage          = "发展阶段"
	hCandidate      = "确定为发展对象时间"
	hPublicity      = "公示日期"
	hCandidateFiled = "发展对象备案时间"
	hPlanned        = "拟发展时间"
	hPlannedStage   = "拟发展为"
	hYoungTeacher   = "优秀青年教师"
	hIntroducers    = data.FieldIntroducers
	hIntroDate      = "确定入党介绍人时间"
	hReview         = "政审时间"
	hReviewResult   = "政审结论"
	hTraining       = "集中培训时间"
	hHours          = "培训学时"
	hTrainingResult = "结业情况"
	hCommittee      = "支委会审查时间"
	hPreReview      = "上级党委预审时间"
	hPreReviewRes   = "预审结果"
	hPledgeDate     = "填写入党志愿书时间"
	hPledgeNumber   = "志愿书编号"
	hMeeting        = "支部大会时间"
	hSuperiorTalk   = "上级党委谈话时间"
	hSuperiorTalker = "上级党委谈话人"
	hApproval       = "审批时间"
	hApprovalResult = "审批结果"
	hJoin           = data.FieldJoin // one name in every register (README)
	hProbationEnd   = "预备期满时间"
	hExtended       = "延长预备期至"
	hFull           = data.FieldFull
	hPlanNote       = "计划备注"
)

// devColumns is every development column by header.
var devColumns = sync.OnceValue(func() map[string]Column[DevRow] {
	out := map[string]Column[DevRow]{}
	for _, list := range [][]Column[DevRow]{personColumns(), stepColumns(), derivedColumns(), laterStepColumns()} {
		for _, c := range list {
			if _, dup := out[c.Header]; dup {
				panic("reports: development column " + c.Header + " defined twice")
			}
			out[c.Header] = c
		}
	}
	return out
})

// devRegister is a register of the development columns named in order.
func devRegister(name string, headers ...string) *Register[DevRow] {
	all := devColumns()
	reg := &Register[DevRow]{Name: name, FreezeColumns: 1}
	for _, h := range headers {
		c, ok := all[h]
		if !ok {
			panic("reports: no development column " + h)
		}
		reg.Columns = append(reg.Columns, c)
	}
	return reg
}

// personColumns are columns of the 党员名册 on the row's person: the same
// spellings, cell reading and checks.
func personColumns() []Column[DevRow] {
	person := func(r *DevRow) *data.Person { return &r.Person }
	var out []Column[DevRow]
	for _, h := range []string{data.FieldName, data.FieldGender, data.FieldEthnicity, data.FieldBirth,
		data.FieldIDNumber, data.FieldEducation, data.FieldNative, data.FieldPost, data.FieldBranch,
		data.FieldRemark} {
		out = append(out, liftColumn(memberColumn(h), person))
	}
	// 优秀青年教师 is read back, so the yearly target (R-YOUNG) counts
	// imported people.
	out = append(out, BoolColumn(hYoungTeacher, func(r *DevRow) *bool { return &r.Person.YoungTeacher },
		"是否优秀青年教师", "优秀青年教师(是/否)"))
	// The 预备党员名册 says 入党时间 and 转正时间, as 党支部工作手册 do.
	join := liftColumn(memberColumn(data.FieldJoin), person)
	full := liftColumn(memberColumn(data.FieldFull), person)
	join.Header, join.Set = hJoin, nil
	full.Header, full.Set = hFull, nil
	return append(out, join, full)
}

// memberColumn is the 党员名册's column with that header.
func memberColumn(header string) Column[data.Person] {
	for _, c := range MemberRegister().Columns {
		if c.Header == header {
			return c
		}
	}
	panic("reports: the 党员名册 has no column " + header)
}

// liftColumn makes a column of U a column of T, which holds a U.
func liftColumn[T, U any](c Column[U], part func(*T) *U) Column[T] {
	out := Column[T]{Header: c.Header, Aliases: c.Aliases, Width: c.Width, Kind: c.Kind,
		Center: c.Center, Choices: c.Choices, Required: c.Required, Mask: c.Mask,
		Private: c.Private, MonthOnly: c.MonthOnly,
		Get: func(v *T) any { return c.Get(part(v)) }}
	if c.Set != nil {
		out.Set = func(v *T, s string) error { return c.Set(part(v), s) }
	}
	return out
}

func stepColumns() []Column[DevRow] {
	return []Column[DevRow]{
		stepDate(hApplied, data.StepApply, "递交入党申请书时间", "提交书面申请书时间", "提交入党申请书时间",
			"入党申请时间", "申请时间", "递交申请书时间", "申请入党日期", "递交入党申请书日期"),
		stepDate(hTalked, data.StepTalk, "谈话日期", "党组织派人谈话时间", "谈话时间(党组织派人谈话)"),
		stepPeople(hTalkers, data.StepTalk, data.RoleTalker, "谈话人员", "党组织谈话人"),
		sourceColumn(),
		leagueColumn(),
		stepDate(hActivist, data.StepActivist, "确定为积极分子时间", "确定积极分子时间", "确定入党积极分子时间",
			"列为入党积极分子时间", "确定为入党积极分子日期", "确定为积极分子日期"),
		stepDate(hActivistFiled, data.StepActivistFiled, "积极分子备案时间", "上级党委备案时间", "备案日期"),
		stepPeople(hContacts, data.StepContacts, data.RoleContact, "联系人", "培养人", "培养联系人姓名"),
		stepDate(hContactsDate, data.StepContacts, "确定培养联系人时间", "指定培养联系人日期"),
		lastOfKind(hLastReport, data.KindReport, "最近思想汇报时间", "最近一次思想汇报时间", "思想汇报时间"),
		lastOfKind(hLastAssessment, data.KindAssessment, "最近考察时间", "最近一次考察时间", "半年考察时间", "考察时间"),
		stepDate(hCandidate, data.StepCandidate, "确定发展对象时间", "列为发展对象时间", "确定为发展对象日期"),
		stepPeriod(hPublicity, data.StepCandidate, true, "公示时间", "公示期", "公示起止日期", "发展对象公示时间"),
		candidateFiledColumn(),
		introducersColumn(),
		stepDate(hIntroDate, data.StepIntroducers, "确定入党介绍人日期", "确定介绍人时间"),
		stepDate(hReview, data.StepPoliticalReview, "政审日期", "政治审查时间", "政审完成时间"),
		stepResult(hReviewResult, data.StepPoliticalReview, readPass, "政审结果", "政治审查结论", "政审意见"),
		stepPeriod(hTraining, data.StepTraining, false, "培训时间", "发展对象培训时间", "集中培训日期", "培训日期"),
		hoursColumn(),
		stepResult(hTrainingResult, data.StepTraining, readCompleted, "培训结业情况", "是否结业", "结业"),
		stepDate(hCommittee, data.StepCommitteeReview, "支部委员会审查时间", "支委会审查日期"),
		stepDate(hPreReview, data.StepPreReview, "预审时间", "预审日期", "上级党委预审日期"),
		stepResult(hPreReviewRes, data.StepPreReview, readPass, "预审结论", "预审意见"),
		stepDate(hPledgeDate, data.StepPledge, "志愿书填写时间", "填写志愿书时间"),
		numberColumn(),
		stepDate(hMeeting, data.StepBranchMeeting, "支部大会讨论时间", "支部大会日期", "支部大会通过时间",
			"支部大会讨论日期"),
		stepDate(hSuperiorTalk, data.StepSuperiorTalk, "上级党委派人谈话时间", "上级党委谈话日期", "党委谈话时间"),
		stepPeople(hSuperiorTalker, data.StepSuperiorTalk, data.RoleTalker, "上级党委谈话人员"),
		stepDate(hApproval, data.StepApproval, "上级党委审批时间", "审批日期", "党委审批时间", "上级党委审批日期"),
		stepResult(hApprovalResult, data.StepApproval, readAgree, "审批意见", "上级党委审批结果"),
		voteColumn(hVoteExpected, func(v *data.Vote) *int { return &v.Expected }, "应到人数", "应到会有表决权党员数", "应到会人数"),
		voteColumn(hVotePresent, func(v *data.Vote) *int { return &v.Present }, "实到人数", "实到会有表决权党员数", "实到会人数"),
		voteColumn(hVoteFor, func(v *data.Vote) *int { return &v.For }, "赞成票", "赞成人数", "赞成票数"),
		voteColumn(hVoteAgainst, func(v *data.Vote) *int { return &v.Against }, "反对票", "反对人数", "反对票数"),
		voteColumn(hVoteAbstain, func(v *data.Vote) *int { return &v.Abstain }, "弃权票", "弃权人数", "弃权票数"),
		stageColumnDev(),
	}
}

// derivedColumns are shown by the exports only: counts, the plan, and the
// 预备期 dates that follow from the person's record.
func derivedColumns() []Column[DevRow] {
	plan := func(field func(*data.DevPlan) any) func(*DevRow) any {
		return func(r *DevRow) any {
			if r.Plan == nil {
				return nil
			}
			return field(r.Plan)
		}
	}
	return []Column[DevRow]{
		{Header: hReports, Kind: KindNumber, Width: 8, Get: func(r *DevRow) any { return len(r.ofKind(data.KindReport)) }},
		{Header: hPlanned, Kind: KindDate, Width: 10, Center: true,
			Get: plan(func(p *data.DevPlan) any { return p.Planned })},
		{Header: hPlannedStage, Width: 10, Center: true,
			Get: plan(func(p *data.DevPlan) any { return string(p.Stage) })},
		{Header: hPlanNote, Get: plan(func(p *data.DevPlan) any { return p.Note })},
		{Header: hProbationEnd, Kind: KindDate, Width: 11, Center: true,
			Get: func(r *DevRow) any { return r.Person.ProbationEnd() }},
		{Header: hExtended, Kind: KindDate, Width: 11, Center: true,
			Get: func(r *DevRow) any { return r.Person.ExtendedTo }},
	}
}

// ofKind are the records of step 6 (培养教育考察) of a kind, oldest first.
func (r *DevRow) ofKind(kind string) []*data.DevStep {
	var out []*data.DevStep
	for i := range r.Steps {
		if st := &r.Steps[i]; st.Step == data.StepAssessment && st.Kind == kind {
			out = append(out, st)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// lastOfKind is the date of the latest step-6 record of a kind: the latest
// 思想汇报 or 半年考察. On import it is a record of its own.
func lastOfKind(header, kind string, aliases ...string) Column[DevRow] {
	c := DateColumn(header, func(r *DevRow) *civil.Date {
		if list := r.ofKind(kind); len(list) > 0 {
			return &list[len(list)-1].Date
		}
		r.Steps = append(r.Steps, data.DevStep{Step: data.StepAssessment, Kind: kind})
		return &r.Steps[len(r.Steps)-1].Date
	}, aliases...)
	c.Get = func(r *DevRow) any {
		if list := r.ofKind(kind); len(list) > 0 {
			return list[len(list)-1].Date
		}
		return nil
	}
	return c
}

// stepDate is the date of step n.
func stepDate(header string, n int, aliases ...string) Column[DevRow] {
	c := DateColumn(header, func(r *DevRow) *civil.Date { return &r.record(n).Date }, aliases...)
	c.Get = func(r *DevRow) any { return r.stepValue(n, func(st *data.DevStep) any { return st.Date }) }
	return c
}

// stepPeople are the people of a role at step n, written 赵某、钱某. On import
// the names are kept as written; the import matches them to the register.
func stepPeople(header string, n int, role data.Role, aliases ...string) Column[DevRow] {
	return Column[DevRow]{
		Header: header, Aliases: aliases, Kind: KindText,
		Get: func(r *DevRow) any { return r.stepValue(n, func(st *data.DevStep) any { return st.Names(role) }) },
		Set: func(r *DevRow, s string) error {
			st := r.record(n)
			for _, name := range SplitNames(s) {
				st.People = append(st.People, data.DevStepPerson{Role: role, Name: name})
			}
			return nil
		},
	}
}

// introducersColumn are the 入党介绍人 of step 9; members recorded without
// the steps show the 入党介绍人 of their register entry.
func introducersColumn() Column[DevRow] {
	c := stepPeople(hIntroducers, data.StepIntroducers, data.RoleIntroducer, "介绍人", "入党介绍人姓名")
	fromSteps := c.Get
	c.Get = func(r *DevRow) any {
		if r.latest(data.StepIntroducers) == nil {
			return r.Person.Introducers
		}
		return fromSteps(r)
	}
	return c
}

// stepResult is the result of step n, read by read ("" when not accepted).
func stepResult(header string, n int, read resultReader, aliases ...string) Column[DevRow] {
	c := ChoiceColumn(header, func(r *DevRow) *string { return &r.record(n).Result },
		data.StepDefFor(n).Results, read.value, aliases...)
	c.Width = 8
	c.Get = func(r *DevRow) any { return r.stepValue(n, func(st *data.DevStep) any { return st.Result }) }
	return c
}

// resultReader maps the spellings offices use to a step's results.
type resultReader map[string]string

func (m resultReader) value(s string) string { return m[strings.TrimRight(s, "。.")] }

var (
	readPass = resultReader{"合格": data.ResultPass, "通过": data.ResultPass, "不合格": data.ResultFail,
		"未通过": data.ResultFail, "不通过": data.ResultFail}
	readCompleted = resultReader{"结业": data.ResultCompleted, "已结业": data.ResultCompleted, "是": data.ResultCompleted,
		"合格": data.ResultCompleted, "未结业": data.ResultNotCompleted, "否": data.ResultNotCompleted,
		"不合格": data.ResultNotCompleted}
	readAgree = resultReader{"同意": data.ResultAgree, "批准": data.ResultAgree, "通过": data.ResultAgree,
		"不同意": data.ResultDisagree, "不批准": data.ResultDisagree, "未通过": data.ResultDisagree}
)

// sourceColumn is the 推荐方式 of an activist (step 3).
func sourceColumn() Column[DevRow] {
	read := func(s string) string {
		switch s {
		case data.SourceMembers, "党员推荐入党积极分子", "党员":
			return data.SourceMembers
		case data.SourceLeague, "团组织推优", "团员推优", "推优", "群团推优":
			return data.SourceLeague
		}
		return ""
	}
	c := ChoiceColumn(hSource, func(r *DevRow) *string { return &r.record(data.StepActivist).Source },
		[]string{data.SourceMembers, data.SourceLeague}, read, "推荐方式(党员推荐或团组织推优)", "推荐途径")
	c.Width = 12
	c.Get = func(r *DevRow) any {
		return r.stepValue(data.StepActivist, func(st *data.DevStep) any { return st.Source })
	}
	return c
}

// The 团组织推优时间 has no field of its own: the import keeps it at the head
// of the note of the activist's step 3 (or, before that, the application),
// where the development record shows it and the export reads it back.
const leagueNotePrefix = hLeague + "："

func leagueNote(d civil.Date, note string) string {
	line := leagueNotePrefix + d.String()
	if note == "" {
		return line
	}
	return line + "；" + note
}

var leagueNoteDate = regexp.MustCompile(`^` + hLeague + `：(\d{4}(-\d{2}(-\d{2})?)?)`)

// leagueDate reads the 团组织推优时间 back from the record that keeps it.
func (r *DevRow) leagueDate() any {
	for _, n := range []int{data.StepActivist, data.StepApply} {
		if st := r.latest(n); st != nil {
			if m := leagueNoteDate.FindStringSubmatch(st.Note); m != nil {
				d, err := civil.ParseISO(m[1])
				if err == nil {
					return d
				}
			}
		}
	}
	return nil
}

func leagueColumn() Column[DevRow] {
	c := DateColumn(hLeague, func(r *DevRow) *civil.Date { return &r.league },
		"推优时间", "团员推优时间", "团组织推优日期", "推优日期")
	c.Get = func(r *DevRow) any { return r.leagueDate() }
	return c
}

// stepPeriod is the period of step n: 公示 (step 7) or 集中培训 (step 11),
// written 2026-03-01至2026-03-07. A single date is the training's date; for
// the 公示, whose start and end are both needed, it stands for both, with a
// warning.
func stepPeriod(header string, n int, needsBoth bool, aliases ...string) Column[DevRow] {
	return Column[DevRow]{
		Header: header, Aliases: aliases, Kind: KindText, Width: 23, Center: true,
		Get: func(r *DevRow) any {
			return r.stepValue(n, func(st *data.DevStep) any {
				if st.Start.IsZero() {
					if needsBoth {
						return nil
					}
					return st.Date
				}
				return dateText(st.Start) + "至" + dateText(st.End)
			})
		},
		Set: func(r *DevRow, s string) error {
			start, end, err := parsePeriod(s)
			if err != nil {
				return err
			}
			st := r.record(n)
			switch {
			case !start.IsZero():
				st.Start, st.End = start, end
			case needsBoth:
				st.Start, st.End = end, end
				return &CellWarning{fmt.Sprintf("只写了一天（%s），已按起止都是这一天登记；请在发展记录中补上%s的起止日期", end, header)}
			default:
				st.Date = end
			}
			return nil
		},
	}
}

// periodSeparators join the two ends of a period.
var periodSeparators = []string{"至", "到", "~", "～", "——", "—", "–", "－"}

// parsePeriod reads "2026.3.1至2026.3.7", "2026-03-01-2026-03-07" or
// "2026.3.1-3.7" (the end's year taken from the start). A single date
// comes back as end, with a zero start.
func parsePeriod(s string) (start, end civil.Date, err error) {
	for _, sep := range periodSeparators {
		if a, b, ok := strings.Cut(s, sep); ok {
			return periodEnds(s, a, b)
		}
	}
	// A plain hyphen after a full date: 2026-03-01-2026-03-07, 2026.3.1-3.7.
	for i := 1; i < len(s)-1; i++ {
		if s[i] == '-' {
			if _, err := civil.ParseDay(s[:i]); err == nil {
				return periodEnds(s, s[:i], s[i+1:])
			}
		}
	}
	end, err = parseDateCell(s)
	if isWarning(err) {
		err = nil
	}
	return civil.Date{}, end, err
}

func periodEnds(in, a, b string) (start, end civil.Date, err error) {
	a, b = cleanCell(a), cleanCell(b)
	if start, err = civil.Parse(a); err != nil || start.IsZero() {
		return start, end, periodProblem(in)
	}
	if end, err = civil.Parse(b); err != nil {
		// The end without its year: 3.7, 3月7日.
		if end, err = civil.Parse(strconv.Itoa(start.Year) + "." + strings.NewReplacer("月", ".", "日", "", "号", "").Replace(b)); err != nil {
			return start, end, periodProblem(in)
		}
	}
	return checkPeriod(in, start, end)
}

func checkPeriod(in string, start, end civil.Date) (civil.Date, civil.Date, error) {
	if end.IsZero() || end.Before(start) {
		return start, end, periodProblem(in)
	}
	return start, end, nil
}

func periodProblem(in string) error {
	return fmt.Errorf("“%s”看不懂：起止日期请写成 2026.03.01至2026.03.07 这样的格式", in)
}

func hoursColumn() Column[DevRow] {
	return Column[DevRow]{
		Header: hHours, Aliases: []string{"学时", "培训学时数", "集中培训学时"}, Kind: KindNumber, Width: 8,
		Get: func(r *DevRow) any {
			return r.stepValue(data.StepTraining, func(st *data.DevStep) any {
				if st.Hours == 0 {
					return nil
				}
				return st.Hours
			})
		},
		Set: func(r *DevRow, s string) error {
			f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSuffix(s, "学时"), "课时"), 64)
			if err != nil || f < 0 || f > 2000 || f != float64(int(f)) {
				return fmt.Errorf("“%s”不是学时数：请填写整数，例如 24", s)
			}
			r.record(data.StepTraining).Hours = int(f)
			return nil
		},
	}
}

func numberColumn() Column[DevRow] {
	c := CodeColumn(hPledgeNumber, 14, func(r *DevRow) *string { return &r.record(data.StepPledge).Number },
		"入党志愿书编号", "志愿书号")
	c.Get = func(r *DevRow) any {
		return r.stepValue(data.StepPledge, func(st *data.DevStep) any { return st.Number })
	}
	return c
}

// stageColumnDev is the 发展阶段. The import does not take it as given: the
// stage follows from the dates, and a different 发展阶段 is only a warning.
func stageColumnDev() Column[DevRow] {
	choices := []string{string(data.StageApplicant), string(data.StageActivist), string(data.StageCandidate)}
	return Column[DevRow]{
		Header: hStage, Aliases: []string{"所处阶段", "发展阶段(申请人积极分子发展对象)", "类别", "人员类别"},
		Kind: KindText, Width: 12, Center: true, Choices: choices,
		Get: func(r *DevRow) any { return string(r.Stage) },
		Set: func(r *DevRow, s string) error {
			switch s {
			case "入党申请人", "申请人", "申请入党":
				r.Stage = data.StageApplicant
			case "入党积极分子", "积极分子":
				r.Stage = data.StageActivist
			case "发展对象":
				r.Stage = data.StageCandidate
			case "预备党员":
				r.Stage = data.StageProbationer
			default:
				return &CellWarning{fmt.Sprintf("“%s”不是发展阶段，已忽略：阶段按表中的日期确定", s)}
			}
			return nil
		},
	}
}

// nameSeparators split a cell naming several people: 赵某、钱某.
var nameSeparators = regexp.MustCompile(`[、，,;；\n/]+`)

// spaceBeforeBracket joins "张伟 （0031）" into one name.
var spaceBeforeBracket = regexp.MustCompile(`[\s\x{3000}]+([(（])`)

// SplitNames splits a cell naming several people on 、，, ; and spaces.
// Spaces that only align a two-character name (张　三) are not separators:
// a piece of a single character is never a name on its own.
func SplitNames(s string) []string {
	s = spaceBeforeBracket.ReplaceAllString(s, "$1")
	var out []string
	for _, part := range nameSeparators.Split(s, -1) {
		words := strings.Fields(mapSpaces(part))
		if len(words) == 0 {
			continue
		}
		split := true
		for _, w := range words {
			if len([]rune(w)) < 2 {
				split = false
			}
		}
		if split {
			out = append(out, words...)
		} else {
			out = append(out, strings.Join(words, ""))
		}
	}
	return out
}

// Headers of step 8 by version and of the 支部大会's vote counts.
const (
	hCandidateAgree  = "上级党委同意时间"     // step 8 in 2026.05 records
	hCandidateEither = "上级党委备案（同意）时间" // step 8 when rows follow both versions
	hVoteExpected    = "应到"
	hVotePresent     = "实到"
	hVoteFor         = "赞成"
	hVoteAgainst     = "反对"
	hVoteAbstain     = "弃权"
)

// candidateFiledColumn is step 8: the 上级党委's 备案 of the 发展对象 (2014)
// or its 同意 (2026.05). The import reads any of the three usual headers
// and records 备案 or 同意 by the row's version (devImporter.readStep8); an
// export names it by the version of its rows (candidateFiledHeader). A
// 2026.05 record whose answer was not 同意 shows the answer, not a date.
func candidateFiledColumn() Column[DevRow] {
	c := stepDate(hCandidateFiled, data.StepCandidateFiled, hCandidateAgree, hCandidateEither,
		"上级党委备案(同意)时间", "报上级党委备案时间", "发展对象备案日期", "上级党委同意日期")
	c.Get = func(r *DevRow) any {
		return r.stepValue(data.StepCandidateFiled, func(st *data.DevStep) any {
			if st.Result != "" && st.Result != data.ResultAgree {
				return st.Result
			}
			return st.Date
		})
	}
	return c
}

// candidateFiledHeader is the step-8 header for rows of these versions:
// 发展对象备案时间 (2014), 上级党委同意时间 (2026.05), 上级党委备案（同意）时间
// when the rows follow both.
func candidateFiledHeader(versions map[string]bool) string {
	switch {
	case len(versions) > 1:
		return hCandidateEither
	case versions[data.RuleVersion2026]:
		return hCandidateAgree
	}
	return hCandidateFiled
}

// voteColumn is a count of the vote of the 支部大会 (step 15), read back so
// imported history carries it.
func voteColumn(header string, field func(*data.Vote) *int, aliases ...string) Column[DevRow] {
	return Column[DevRow]{
		Header: header, Aliases: aliases, Kind: KindNumber, Width: 6,
		Get: func(r *DevRow) any {
			return r.stepValue(data.StepBranchMeeting, func(st *data.DevStep) any {
				if !st.Vote.Recorded() {
					return nil
				}
				return *field(&st.Vote)
			})
		},
		Set: func(r *DevRow, s string) error {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(s, "人"), "票"))
			if err != nil || n < 0 || n > 10000 {
				return fmt.Errorf("“%s”不是人数：请填写整数，例如 12", s)
			}
			*field(&r.record(data.StepBranchMeeting).Vote) = n
			return nil
		},
	}
}
