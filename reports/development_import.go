package reports

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// Import of an office's own 入党申请人、积极分子和发展对象 spreadsheet: people
// with their step dates and the people named at the steps. The sheet is
// history as it was: a date too early, steps out of order, a 介绍人 who was
// still a 预备党员 are recorded, and data/rules reports them afterwards. Row
// errors are only what cannot be recorded at all: a cell that cannot be
// read, a bad ID number, a name that matches nobody or several people, a
// record without a date.

// ActivistRow is one person read from the sheet.
type ActivistRow struct {
	Row    int
	Person data.Person // normalised
	// Steps are the records the row gives, by step, with the people named
	// in them matched to the register.
	Steps []data.DevStep
	// Stage is where the records put the person (the latest step given).
	Stage    data.Stage
	Errors   []RowIssue
	Warnings []RowIssue
	Existing *data.Person // stored live person with the same ID number, or nil
}

// ActivistImport is the preview of an import. Nothing is saved until the
// caller passes Good() to store.ImportDevelopment.
type ActivistImport struct {
	File, Sheet string
	HeaderRow   int
	Columns     []string // recognised headers in sheet order
	Ignored     []string // headers not recognised (or shown by the exports only)
	Rows        []ActivistRow
	Notices     []string // about the sheet as a whole: a missing column and what was assumed
}

// Errors are all rows' errors, in row order.
func (m *ActivistImport) Errors() []RowIssue {
	return collectIssues(m.Rows, func(r *ActivistRow) []RowIssue { return r.Errors })
}

// Warnings are all rows' warnings, in row order.
func (m *ActivistImport) Warnings() []RowIssue {
	return collectIssues(m.Rows, func(r *ActivistRow) []RowIssue { return r.Warnings })
}

func collectIssues[R any](rows []R, issues func(*R) []RowIssue) []RowIssue {
	var out []RowIssue
	for i := range rows {
		out = append(out, issues(&rows[i])...)
	}
	return out
}

// Good are the people of the rows without errors, with their records.
func (m *ActivistImport) Good() []data.DevEntry {
	out := make([]data.DevEntry, 0, len(m.Rows))
	for _, r := range m.Rows {
		if len(r.Errors) == 0 {
			out = append(out, data.DevEntry{Person: r.Person, Steps: r.Steps})
		}
	}
	return out
}

// BadRows counts rows with at least one error.
func (m *ActivistImport) BadRows() int {
	n := 0
	for _, r := range m.Rows {
		if len(r.Errors) > 0 {
			n++
		}
	}
	return n
}

// ActivistImportRegister reads every development column that can be
// imported, in any order, under any of their usual spellings.
var ActivistImportRegister = sync.OnceValue(func() *Register[DevRow] {
	reg := &Register[DevRow]{Name: "入党申请人、积极分子和发展对象名册"}
	headers := make([]string, 0, len(devColumns()))
	for h, c := range devColumns() {
		if c.Set != nil {
			headers = append(headers, h)
		}
	}
	sort.Strings(headers) // a fixed order, for stable messages
	for _, h := range headers {
		reg.Columns = append(reg.Columns, devColumns()[h])
	}
	return reg
})

// ReadActivists reads an office's development register into a preview:
// each row's person checked, its records built and checked, the people
// named matched to the register in store. It writes nothing. store may be
// nil: then nobody can be matched by name or ID number. progress may be nil.
func ReadActivists(path string, store *data.Store, today civil.Date, progress func(done, total int)) (*ActivistImport, error) {
	res, err := ReadRegister(path, ActivistImportRegister(), ReadOptions[DevRow]{
		Progress: progress,
		Finish: func(r *DevRow) []data.FieldIssue {
			r.Person.Normalize()
			return r.Person.CheckApplicant(today)
		},
	})
	if err != nil {
		return nil, err
	}
	b, err := newDevImporter(res, store, today)
	if err != nil {
		return nil, fmt.Errorf("读取已有人员失败：%w", err)
	}
	imp := &ActivistImport{File: res.File, Sheet: res.Sheet, HeaderRow: res.HeaderRow,
		Columns: res.Columns, Ignored: res.Ignored, Rows: make([]ActivistRow, 0, len(res.Rows))}
	for i := range res.Rows {
		imp.Rows = append(imp.Rows, b.row(&res.Rows[i]))
	}
	imp.Notices = b.notices()
	return imp, nil
}

// devImporter turns the sheet's rows into people with records.
type devImporter struct {
	res           *RegisterImport[DevRow]
	names         nameIndex
	byIDNumber    map[string]data.Person
	branchVersion string
	today         civil.Date
	stored        map[uint][]data.DevStep // records of the people already stored
	firstRow      map[string]int          // ID number → the row it first appeared in
	assumed       map[string]int          // header of a missing column → rows given a default for it
	blank         map[string]int          // header of a missing decision column → rows left without it
}

func newDevImporter(res *RegisterImport[DevRow], store *data.Store, today civil.Date) (*devImporter, error) {
	b := &devImporter{res: res, today: today, firstRow: map[string]int{}, assumed: map[string]int{},
		blank: map[string]int{}, byIDNumber: map[string]data.Person{}}
	if store == nil {
		b.names = newNameIndex(nil)
		return b, nil
	}
	people, err := store.People()
	if err != nil {
		return nil, err
	}
	branch, err := store.Branch()
	if err != nil {
		return nil, err
	}
	if b.stored, err = store.AllDevSteps(); err != nil {
		return nil, err
	}
	b.names, b.branchVersion = newNameIndex(people), branch.RuleVersion
	for _, p := range people {
		if p.IDNumber != "" {
			b.byIDNumber[p.IDNumber] = p
		}
	}
	return b, nil
}

// rowCheck collects the issues of one row.
type rowCheck struct {
	b   *devImporter
	out *ActivistRow
}

func (c rowCheck) errorf(column, format string, args ...any) {
	c.out.Errors = append(c.out.Errors, RowIssue{c.out.Row, c.b.res.HeaderFor(column), fmt.Sprintf(format, args...)})
}

func (c rowCheck) warnf(column, format string, args ...any) {
	c.out.Warnings = append(c.out.Warnings, RowIssue{c.out.Row, c.b.res.HeaderFor(column), fmt.Sprintf(format, args...)})
}

func (b *devImporter) row(r *ImportedRow[DevRow]) ActivistRow {
	v := &r.Value
	out := ActivistRow{Row: r.Row, Person: v.Person, Errors: r.Errors, Warnings: r.Warnings}
	c := rowCheck{b, &out}
	b.matchExisting(c)
	if len(v.Steps) == 0 && v.league.IsZero() {
		if len(out.Errors) == 0 { // else a date cell may have been the one refused
			c.errorf(hApplied, "这一行没有任何发展党员的日期：请至少填写申请入党时间")
		}
		return out
	}
	b.keepLeagueDate(v)
	b.dateFromAnchors(c, v)
	b.readStep8(v)
	b.fillDefaults(c, v)
	b.matchPeople(c, v)
	b.checkRecords(c, v)
	sort.SliceStable(v.Steps, func(i, j int) bool { return v.Steps[i].Step < v.Steps[j].Step })
	out.Steps = v.Steps
	t := data.TimelineAsOf(&out.Person, v.Steps, civil.Date{}, b.branchVersion)
	out.Stage = t.ImpliedStage()
	if v.Stage != "" && out.Stage != "" && v.Stage != out.Stage {
		c.warnf(hStage, "表中写的是“%s”，按表中的日期应为“%s”，将按“%s”导入", v.Stage, out.Stage, out.Stage)
	}
	return out
}

// matchExisting finds the stored person with the row's ID number and
// refuses a number listed twice in the sheet.
func (b *devImporter) matchExisting(c rowCheck) {
	id := c.out.Person.IDNumber
	if id == "" {
		return
	}
	if first, dup := b.firstRow[id]; dup {
		c.errorf(data.FieldIDNumber, "公民身份号码 %s 与第 %d 行相同：同一个人只能登记一次，请删去重复的一行", id, first)
	} else {
		b.firstRow[id] = c.out.Row
	}
	p, ok := b.byIDNumber[id]
	if !ok {
		return
	}
	c.out.Existing = &p
	if p.Roll != data.RollActive {
		c.errorf(data.FieldIDNumber, "%s已登记，在册状态是“%s”，不能再导入发展党员的记录；如需继续培养，请先在程序中“恢复培养”",
			p.Name, p.Roll)
	}
}

// keepLeagueDate puts the 团组织推优时间 into the note of step 3 (recommended
// by the league) or, before that, of the application.
func (b *devImporter) keepLeagueDate(v *DevRow) {
	if v.league.IsZero() {
		return
	}
	n := data.StepApply
	if v.latest(data.StepActivist) != nil {
		n = data.StepActivist
		if st := v.record(n); st.Source == "" {
			st.Source = data.SourceLeague
		}
	}
	st := v.record(n)
	st.Note = leagueNote(v.league, st.Note)
}

// anchoredSteps are records registers seldom date: they take the date of
// the step they usually go with, and say so in their note.
var anchoredSteps = []struct {
	step, anchor int
	date         string // the column of the record's own date
	anchorDate   string // the column of the anchor's date
}{
	{data.StepContacts, data.StepActivist, hContactsDate, hActivist},
	{data.StepIntroducers, data.StepCandidate, hIntroDate, hCandidate},
	{data.StepPledge, data.StepPreReview, hPledgeDate, hPreReview},
}

func (b *devImporter) dateFromAnchors(c rowCheck, v *DevRow) {
	for _, a := range anchoredSteps {
		st := v.latest(a.step)
		if st == nil || !st.Date.IsZero() {
			continue
		}
		anchor := v.latest(a.anchor)
		if anchor == nil || anchor.Date.IsZero() {
			c.errorf(a.date, "%s没有日期：请填写“%s”或“%s”", stepTitle(a.step), a.date, a.anchorDate)
			continue
		}
		st.Date = anchor.Date
		st.Note = joinNote(fmt.Sprintf("导入时表中没有%s，按%s登记", a.date, a.anchorDate), st.Note)
	}
}

func stepTitle(n int) string { return data.StepDefFor(n).Title(data.DefaultRuleVersion) }

// unnamed stands for a 谈话人 the sheet does not name: the step needs one,
// and the office can put the right name in the development record later.
const unnamed = "未注明"

// fillIns are what a record needs that registers often leave out and that
// is no decision: the talker of a 谈话, recorded as 未注明 with a warning (or
// a notice for the sheet when the column is missing).
var fillIns = []struct {
	step   int
	column string
	value  string
	fill   func(st *data.DevStep) bool
}{
	{data.StepTalk, hTalkers, unnamed, fillTalker},
	{data.StepSuperiorTalk, hSuperiorTalker, unnamed, fillTalker},
}

// decisionColumns are the decisions a sheet may leave blank: they stay
// unrecorded, never inferred (domain.md §7.2), with a warning here and the
// rule engine's R-DECISION afterwards (docs/rules.md).
var decisionColumns = []struct {
	step   int
	column string
}{
	{data.StepActivist, hSource}, {data.StepPoliticalReview, hReviewResult},
	{data.StepPreReview, hPreReviewRes}, {data.StepApproval, hApprovalResult},
}

func fillTalker(st *data.DevStep) bool {
	if len(st.PeopleIn(data.RoleTalker)) > 0 {
		return false
	}
	st.People = append(st.People, data.DevStepPerson{Role: data.RoleTalker, Name: unnamed})
	return true
}

// asSaved is the record as the import will save it: for a person already
// stored, merged into the stored record of the step (data.MergeDevStep).
func (b *devImporter) asSaved(c rowCheck, st *data.DevStep) data.DevStep {
	out := *st
	out.People = append([]data.DevStepPerson(nil), st.People...)
	if e := c.out.Existing; e != nil {
		if old := data.RecordToUpdate(b.stored[e.ID], st); old != nil {
			data.MergeDevStep(&out, old)
		}
	}
	return out
}

// readStep8 records the 上级党委's answer of step 8 as the sheet dates it:
// in a 2026.05 record the date is that of its 同意 (the column is headed
// 上级党委同意时间 or 上级党委备案（同意）时间), in a 2014 record that of the
// 备案, which has no answer to record.
func (b *devImporter) readStep8(v *DevRow) {
	st := v.latest(data.StepCandidateFiled)
	if st == nil || st.Result != "" || st.Date.IsZero() {
		return
	}
	if version, _ := data.RecordVersion(&v.Person, v.Steps, b.branchVersion); version == data.RuleVersion2026 {
		st.Result = data.ResultAgree
	}
}

func (b *devImporter) fillDefaults(c rowCheck, v *DevRow) {
	for _, dc := range decisionColumns {
		n, column := dc.step, dc.column
		st := v.latest(n)
		if st == nil {
			continue
		}
		if saved := b.asSaved(c, st); data.BlankDecision(&saved) == "" {
			continue // given by the sheet, or kept from the stored record
		}
		if b.res.Has(column) {
			c.warnf(column, "没有填写：%s的%s不登记（不会推定），导入后请在发展记录中补登", stepTitle(n), column)
		} else {
			b.blank[column]++
		}
	}
	for _, f := range fillIns {
		st := v.latest(f.step)
		if st == nil {
			continue
		}
		if saved := b.asSaved(c, st); !f.fill(&saved) {
			continue // given by the sheet, or kept from the stored record
		}
		f.fill(st)
		if b.res.Has(f.column) {
			c.warnf(f.column, "没有填写，已按“%s”登记，请核对", f.value)
		} else {
			b.assumed[f.column]++
		}
	}
}

// notices say which columns the sheet lacks and what was assumed instead.
func (b *devImporter) notices() []string {
	var out []string
	if !b.res.Has(data.FieldIDNumber) {
		out = append(out, "表格中没有“公民身份号码”列：无法与已登记的人对应，重复导入会产生重复的人，建议补上这一列")
	}
	for _, f := range fillIns {
		if n := b.assumed[f.column]; n > 0 {
			out = append(out, fmt.Sprintf("表格中没有“%s”列：%d 人的%s已按“%s”登记，请导入后在发展记录中核对",
				f.column, n, f.column, f.value))
		}
	}
	columns := make([]string, 0, len(b.blank))
	for column := range b.blank {
		columns = append(columns, column)
	}
	sort.Strings(columns)
	for _, column := range columns {
		out = append(out, fmt.Sprintf("表格中没有“%s”列：%d 人的%s未登记（不会推定），请导入后在发展记录中补登",
			column, b.blank[column], column))
	}
	return out
}

// peopleColumns name the column of each step's people, for messages.
var peopleColumns = map[int]string{
	data.StepTalk: hTalkers, data.StepContacts: hContacts, data.StepIntroducers: hIntroducers,
	data.StepSuperiorTalk: hSuperiorTalker,
}

// matchPeople links the people named at each step to the register.
// Members (培养联系人, 入党介绍人) must match exactly one person; talkers may be
// from outside the branch and keep their name when they match nobody.
func (b *devImporter) matchPeople(c rowCheck, v *DevRow) {
	for i := range v.Steps {
		st := &v.Steps[i]
		def := st.Def()
		for j := range st.People {
			sp := &st.People[j]
			if sp.Name == unnamed {
				continue
			}
			need := def.Need(sp.Role)
			q, problem := b.names.match(sp.Name, string(sp.Role))
			switch {
			case q != nil && c.samePerson(q):
				c.errorf(peopleColumns[st.Step], "%s不能担任自己的%s", q.Name, sp.Role)
			case q != nil:
				id := q.ID
				sp.PersonID, sp.Name = &id, q.Name
				if need != nil && need.Members && !st.Date.IsZero() {
					// History is imported as it was; the rules report it
					// afterwards (D7, R-CONTACT), the preview says it now.
					if problem := data.EligibilityProblem(q, nil, st.Date); problem != "" {
						c.warnf(peopleColumns[st.Step], "%s：%s（将照表导入，检查时会提示）", sp.Role, problem)
					}
				}
			case need != nil && need.Members:
				c.errorf(peopleColumns[st.Step], "%s", problem)
			}
		}
	}
}

// samePerson reports whether q is the row's own person.
func (c rowCheck) samePerson(q *data.Person) bool {
	if e := c.out.Existing; e != nil {
		return e.ID == q.ID
	}
	return q.IDNumber != "" && q.IDNumber == c.out.Person.IDNumber
}

// checkRecords reports records that cannot be stored: no date, an approval
// with no 支部大会 to date the 入党, anything ValidateDevStep refuses.
func (b *devImporter) checkRecords(c rowCheck, v *DevRow) {
	version, _ := data.RecordVersion(&v.Person, v.Steps, b.branchVersion)
	for i := range v.Steps {
		st := &v.Steps[i]
		column := dateColumns[st.Step]
		if st.Kind == data.KindReport {
			column = hLastReport
		}
		if st.Date.IsZero() && st.End.IsZero() {
			if !isAnchored(st.Step) { // already reported by dateFromAnchors
				c.errorf(column, "%s没有日期：请填写“%s”", stepTitle(st.Step), column)
			}
			continue
		}
		if peopleUnmatched(st) {
			continue // reported by matchPeople
		}
		saved := b.asSaved(c, st)
		if err := data.ValidateImportedStep(&saved, version, b.today); err != nil {
			if col, ok := peopleColumns[st.Step]; ok && !peopleCountsFit(&saved) {
				column = col // too many or too few people: their column is the one to fix
			}
			c.errorf(column, "%s", err.Error())
		}
		if st.Date.IsZero() {
			st.Date = saved.Date // a period's record is dated by its end
		}
	}
	if st := v.latest(data.StepApproval); st != nil && st.Result != data.ResultDisagree && !b.hasMeeting(c, v) {
		c.errorf(hMeeting, "填写了审批时间，却没有支部大会时间：入党时间以支部大会通过之日为准，请补上支部大会时间")
	}
}

// hasMeeting reports whether the sheet or the stored record has the
// 支部大会 an approval needs.
func (b *devImporter) hasMeeting(c rowCheck, v *DevRow) bool {
	if v.latest(data.StepBranchMeeting) != nil {
		return true
	}
	e := c.out.Existing
	return e != nil && data.LatestDevStep(b.stored[e.ID], data.StepBranchMeeting) != nil
}

// dateColumns name the column of each step's date, for messages.
var dateColumns = map[int]string{
	data.StepApply: hApplied, data.StepTalk: hTalked, data.StepActivist: hActivist,
	data.StepActivistFiled: hActivistFiled, data.StepContacts: hContactsDate, data.StepCandidate: hCandidate,
	data.StepCandidateFiled: hCandidateFiled, data.StepIntroducers: hIntroDate, data.StepPoliticalReview: hReview,
	data.StepTraining: hTraining, data.StepCommitteeReview: hCommittee, data.StepPreReview: hPreReview,
	data.StepAssessment: hLastAssessment, data.StepPledge: hPledgeDate, data.StepBranchMeeting: hMeeting, data.StepSuperiorTalk: hSuperiorTalk,
	data.StepApproval: hApproval,
}

func isAnchored(n int) bool {
	for _, a := range anchoredSteps {
		if a.step == n {
			return true
		}
	}
	return false
}

func peopleCountsFit(st *data.DevStep) bool {
	for _, need := range st.Def().People {
		if n := len(st.PeopleIn(need.Role)); n < need.Min || n > need.Max {
			return false
		}
	}
	return true
}

func peopleUnmatched(st *data.DevStep) bool {
	def := st.Def()
	for _, sp := range st.People {
		if need := def.Need(sp.Role); need != nil && need.Members && sp.PersonID == nil {
			return true
		}
	}
	return false
}

// nameIndex finds people of the register by name.
type nameIndex struct {
	byName map[string][]*data.Person
	byID   map[uint]*data.Person
}

func newNameIndex(people []data.Person) nameIndex {
	idx := nameIndex{byName: map[string][]*data.Person{}, byID: map[uint]*data.Person{}}
	for i := range people {
		p := &people[i]
		idx.byName[nameKey(p.Name)] = append(idx.byName[nameKey(p.Name)], p)
		idx.byID[p.ID] = p
	}
	return idx
}

// nameKey folds the spaces offices put into names.
func nameKey(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return foldWidth(r)
	}, s)
}

// qualifiedName is 张伟（0031）: the name with the end of the ID number,
// which tells namesakes apart.
func qualifiedName(p *data.Person) string {
	if len(p.IDNumber) < 4 {
		return p.Name
	}
	return p.Name + "（" + p.IDNumber[len(p.IDNumber)-4:] + "）"
}

// qualifier reads 张伟（0031） or 张伟(0031) into the name and the end of
// the ID number.
var qualifier = regexp.MustCompile(`^(.+?)[(（]\s*([0-9]{3}[0-9Xx])\s*[)）]$`)

// match finds exactly one live person by name. Among namesakes a single
// member of the party is taken (introducers and contacts are members);
// otherwise the end of the ID number must tell them apart. The problem
// says what is wrong when nobody or several people match.
func (x nameIndex) match(written, role string) (*data.Person, string) {
	name, tail := nameKey(written), ""
	if m := qualifier.FindStringSubmatch(name); m != nil {
		name, tail = m[1], strings.ToUpper(m[2])
	}
	all := x.byName[name]
	candidates := all
	if tail != "" {
		candidates = nil
		for _, p := range all {
			if strings.HasSuffix(p.IDNumber, tail) {
				candidates = append(candidates, p)
			}
		}
	}
	if len(candidates) > 1 {
		var members []*data.Person
		for _, p := range candidates {
			if p.Stage.IsMember() {
				members = append(members, p)
			}
		}
		if len(members) == 1 {
			candidates = members
		}
	}
	switch len(candidates) {
	case 1:
		return candidates[0], ""
	case 0:
		if tail != "" && len(all) > 0 {
			return nil, fmt.Sprintf("名册中叫“%s”的人没有身份证号以 %s 结尾的，请核对括号中的号码", name, tail)
		}
		return nil, fmt.Sprintf("名册中没有“%s”：%s应是已登记的党员，请先在党员名册中录入此人，或核对姓名的写法", name, role)
	}
	var tails []string
	for _, p := range candidates {
		tails = append(tails, qualifiedName(p))
	}
	return nil, fmt.Sprintf("名册中有 %d 人叫“%s”，无法确定是哪一位：请写成%s这样，在括号中注明身份证号的后四位",
		len(candidates), name, quoteList(tails))
}
