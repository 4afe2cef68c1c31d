package reports

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// MemberRow is one person read from a 党员名册 sheet.
type MemberRow struct {
	Row      int
	Person   data.Person // normalised; GroupName set from the 党小组 column
	Errors   []RowIssue
	Warnings []RowIssue
	Existing *data.Person // the stored live person this row stands for (data.PersonIndex), or nil
}

// MemberImport is the preview of a 党员名册 import. Nothing is saved until
// the caller passes Good() to store.ImportPeople.
type MemberImport struct {
	File, Sheet string
	HeaderRow   int
	Columns     []string // recognised headers in sheet order
	Ignored     []string // headers not recognised
	Rows        []MemberRow
	// Notices are about the sheet as a whole: a missing ID column, columns
	// read by their values (Suggestions), rows left out (Skipped).
	Notices []string
	// Skipped are 填写说明 and 示例 rows left out, one issue each.
	Skipped []RowIssue
	// Suggestions are columns judged by their values (ColumnSuggestion);
	// re-read with ReadMembersWith and the user's ColumnChoices.
	Suggestions []ColumnSuggestion

	sheetIssues []RowIssue // Notices as issues, with the skipped rows' numbers
}

// SheetIssues are the Notices as row issues: those about the whole sheet
// without a row, the skipped rows with theirs.
func (m *MemberImport) SheetIssues() []RowIssue { return m.sheetIssues }

// Errors are all rows' errors, in row order.
func (m *MemberImport) Errors() []RowIssue {
	var out []RowIssue
	for _, r := range m.Rows {
		out = append(out, r.Errors...)
	}
	return out
}

// Warnings are all rows' warnings, in row order (Notices sum up the sheet).
func (m *MemberImport) Warnings() []RowIssue {
	var out []RowIssue
	for _, r := range m.Rows {
		out = append(out, r.Warnings...)
	}
	return out
}

// Good are the people of the rows without errors.
func (m *MemberImport) Good() []data.Person {
	out := make([]data.Person, 0, len(m.Rows))
	for _, r := range m.Rows {
		if len(r.Errors) == 0 {
			out = append(out, r.Person)
		}
	}
	return out
}

// BadRows counts rows with at least one error.
func (m *MemberImport) BadRows() int {
	return countRows(m.Rows, func(r *MemberRow) bool { return len(r.Errors) > 0 })
}

// ExistingCount counts good rows whose person is already stored (the caller
// chooses to update or skip them).
func (m *MemberImport) ExistingCount() int {
	return countRows(m.Rows, func(r *MemberRow) bool { return r.Existing != nil && len(r.Errors) == 0 })
}

// countRows counts the rows that pass.
func countRows[R any](rows []R, pass func(*R) bool) int {
	n := 0
	for i := range rows {
		if pass(&rows[i]) {
			n++
		}
	}
	return n
}

// ReadMembers reads a 党员名册 workbook into a preview: every row
// normalised and checked as the member form checks it. It writes nothing.
// store may be nil (no lookup of existing people). progress may be nil.
func ReadMembers(path string, store *data.Store, today civil.Date, progress func(done, total int)) (*MemberImport, error) {
	return ReadMembersWith(path, store, today, MemberReadOptions{Progress: progress})
}

// MemberReadOptions tune ReadMembersWith.
type MemberReadOptions struct {
	Progress func(done, total int)
	// ColumnChoices: the user's answers to MemberImport.Suggestions (sheet
	// header → register column header, "" = 不导入).
	ColumnChoices map[string]string
}

// ReadMembersWith is ReadMembers with the preview's choices.
func ReadMembersWith(path string, store *data.Store, today civil.Date, opt MemberReadOptions) (*MemberImport, error) {
	res, err := ReadRegister(path, MemberRegister(), ReadOptions[data.Person]{
		Progress:      opt.Progress,
		Finish:        func(p *data.Person) []data.FieldIssue { return checkMember(p, today) },
		ColumnChoices: opt.ColumnChoices,
	})
	if err != nil {
		return nil, err
	}
	stored, err := storedPeople(store)
	if err != nil {
		return nil, fmt.Errorf("读取已有党员失败：%w", err)
	}
	m := &MemberImport{File: res.File, Sheet: res.Sheet, HeaderRow: res.HeaderRow,
		Columns: res.Columns, Ignored: res.Ignored, Rows: make([]MemberRow, 0, len(res.Rows)),
		Skipped: res.Skipped, Suggestions: res.Suggestions}
	m.sheetIssues = sheetIssues(res)
	for _, is := range m.sheetIssues {
		if is.Row == 0 {
			m.Notices = append(m.Notices, is.Message)
		} else {
			m.Notices = append(m.Notices, is.String())
		}
	}
	matcher := newMemberMatcher(res, stored)
	for _, r := range res.Rows {
		row := MemberRow{Row: r.Row, Person: r.Value, Errors: r.Errors, Warnings: r.Warnings}
		matcher.match(&row)
		m.Rows = append(m.Rows, row)
	}
	return m, nil
}

// sheetIssues say how rows are matched to stored people when the sheet
// lacks the ID number column, which columns were read by their values, and
// which rows were left out: what the preview shows above the rows.
func sheetIssues(res *RegisterImport[data.Person]) []RowIssue {
	var out []RowIssue
	switch {
	case res.Has(data.FieldIDNumber):
	case res.Has(data.FieldStaffNo):
		out = append(out, RowIssue{Message: "表格中没有“公民身份号码”列：按工号与已登记的人对应，没有工号的行按姓名和出生日期对应；建议导入后补上身份证号"})
	default:
		out = append(out, RowIssue{Message: "表格中没有“公民身份号码”列：只能按姓名和出生日期与已登记的人对应，同名又没有完整出生日期的行无法导入，建议补上这一列"})
	}
	for _, s := range res.Suggestions {
		out = append(out, RowIssue{Message: s.Message}) // the message names the column
	}
	return append(out, res.Skipped...)
}

// memberMatcher finds each row's stored person the way data.ImportPeople
// will (data.PersonIndex over the stored people and the rows before it), so
// the preview predicts the write, and refuses a person listed twice.
type memberMatcher struct {
	index                          *data.PersonIndex
	idHeader, noHeader, nameHeader string
	firstID, firstNo               map[string]int // ID number / 工号 → the row it first appeared in
}

func newMemberMatcher(res *RegisterImport[data.Person], stored []data.Person) *memberMatcher {
	return &memberMatcher{index: data.NewPersonIndex(stored),
		idHeader: res.HeaderFor(data.FieldIDNumber), noHeader: res.HeaderFor(data.FieldStaffNo),
		nameHeader: res.HeaderFor(data.FieldName),
		firstID:    map[string]int{}, firstNo: map[string]int{}}
}

func (mm *memberMatcher) match(row *MemberRow) {
	p := &row.Person
	mm.once(row, mm.firstID, p.IDNumber, mm.idHeader, "公民身份号码")
	mm.once(row, mm.firstNo, p.StaffNo, mm.noHeader, "工号")
	if len(row.Errors) > 0 {
		return
	}
	found := mm.index.Match(p)
	switch {
	case found.Problem != "":
		row.Errors = append(row.Errors, RowIssue{row.Row, mm.nameHeader, found.Problem})
		return
	case found.Person != nil && found.Person.ID == 0:
		row.Errors = append(row.Errors, RowIssue{row.Row, mm.nameHeader,
			"与表中前面一行的姓名和出生日期相同：同一个人只能登记一次，请删去重复的一行，或填写身份证号、工号以示区别"})
		return
	case found.Note != "":
		row.Warnings = append(row.Warnings, RowIssue{row.Row, "", found.Note})
	}
	if found.Person != nil {
		old := *found.Person
		row.Existing = &old
		return
	}
	added := *p
	mm.index.Add(&added)
}

// once refuses a second row with the same identifier.
func (mm *memberMatcher) once(row *MemberRow, first map[string]int, key, header, what string) {
	if key == "" {
		return
	}
	if at, dup := first[key]; dup {
		row.Errors = append(row.Errors, RowIssue{row.Row, header,
			fmt.Sprintf("%s %s 与第 %d 行相同：同一个人只能登记一次，请删去重复的一行", what, key, at)})
		return
	}
	first[key] = row.Row
}

func storedPeople(store *data.Store) ([]data.Person, error) {
	if store == nil {
		return nil, nil
	}
	return store.People()
}

// checkMember is the import's per-row check: the member form's checks, after
// filling 人员类别 when the sheet leaves it out.
func checkMember(p *data.Person, today civil.Date) []data.FieldIssue {
	p.Normalize()
	var out []data.FieldIssue
	if p.Stage == "" {
		out = append(out, inferStage(p, today)...)
	}
	return append(out, p.CheckMember(today)...)
}

// inferStage fills a missing 人员类别 from the dates: a 转正 date means
// 正式党员; otherwise the 预备期 decides, with a warning to check it.
func inferStage(p *data.Person, today civil.Date) []data.FieldIssue {
	switch {
	case !p.FullDate.IsZero():
		p.Stage = data.StageFull
		return nil
	case !p.JoinDate.IsZero() && p.ProbationEnd().After(today):
		p.Stage = data.StageProbationer
	default:
		p.Stage = data.StageFull
	}
	return []data.FieldIssue{{Field: data.FieldStage, Warning: true,
		Message: fmt.Sprintf("没有填写人员类别，已按“%s”导入，请核对", p.Stage)}}
}

// ExportOptions tune ExportMembers.
type ExportOptions struct {
	AsOf        civil.Date // 截至日期; zero = today
	MaskPrivate bool       // mask ID and phone numbers, for lists that are posted (公示)
	// Filter, when set, keeps only the people it matches (search text,
	// 人员类别, 党籍状态, 党小组), as the 党员名册 screen filters: "导出当前筛选的
	// N 人". Its View is ignored: the list is the register on AsOf.
	Filter   *data.PersonFilter
	Progress func(done, total int)
}

// ExportMembers writes the 党员名册 (people in the register on opt.AsOf,
// sorted by 党小组 then pinyin name) as a printable workbook at path.
func ExportMembers(path string, store *data.Store, opt ExportOptions) error {
	today := store.Today()
	asOf := opt.AsOf
	if asOf.IsZero() {
		asOf = today
	}
	branch, err := store.Branch()
	if err != nil {
		return fmt.Errorf("读取支部信息失败：%w", err)
	}
	people, err := memberList(store, asOf, today)
	if err != nil {
		return fmt.Errorf("读取党员名单失败：%w", err)
	}
	if opt.Filter != nil {
		f := *opt.Filter
		f.View = data.ViewAll
		people = data.FilterPeople(people, f)
	}
	for i := range people {
		if people[i].BranchName == "" {
			people[i].BranchName = branch.Name
		}
	}
	doc := Document{
		Title:     branch.Name + "党员名册",
		Unit:      branch.FilingUnit(),
		AsOf:      asOf,
		Signature: SignatureLine,
		Mask:      opt.MaskPrivate,
		Author:    branch.Name,
		Made:      storeNow(store),
	}
	return WriteRegister(path, MemberRegister(), doc, people, opt.Progress)
}

// memberList is the register on asOf, with group names, in print order.
// Today's register is the people in the roll now; a past date rebuilds it
// from the people's dates (data.RegisterAsOf).
func memberList(store *data.Store, asOf, today civil.Date) ([]data.Person, error) {
	all, err := store.People()
	if err != nil {
		return nil, err
	}
	var people []data.Person
	if asOf.Before(today) {
		people = data.RegisterAsOf(all, asOf)
	} else {
		people = data.FilterPeople(all, data.PersonFilter{View: data.ViewRegister})
	}
	groups, err := store.Groups()
	if err != nil {
		return nil, err
	}
	names := make(map[uint]string, len(groups))
	for _, g := range groups {
		names[g.ID] = g.Name
	}
	for i := range people {
		if id := people[i].GroupID; id != nil {
			people[i].GroupName = names[*id]
		}
	}
	// Stable sorts: by name first, then by group, so names stay in pinyin
	// order within each group.
	data.SortPeople(people, data.FieldName, false)
	data.SortPeople(people, data.FieldGroup, false)
	return people, nil
}

// MemberRegister is the 党员名册: 中组部's 16 items in order (联系电话 as
// 手机号 and 固定电话; 失联 and 流动 each with their detail), then the school's
// extra columns.
var MemberRegister = sync.OnceValue(func() *Register[data.Person] {
	cols := memberColumns()
	for i := range cols {
		cols[i].ScreenWidth = memberScreenWidths[cols[i].Header]
	}
	return &Register[data.Person]{Name: "党员名册", Columns: cols, ImportOnly: memberImportOnly(), FreezeColumns: 1}
})

// memberScreenWidths are the least widths in pixels of the columns the
// 党员名册 screen shows (Chinese text is wider than Fyne's template cell).
var memberScreenWidths = map[string]float32{
	data.FieldName: 96, data.FieldGender: 64, data.FieldEthnicity: 90, data.FieldBirth: 116,
	data.FieldEducation: 100, data.FieldStage: 100, data.FieldGroup: 110, data.FieldJoin: 150,
	data.FieldFull: 170, data.FieldPost: 150, data.FieldMobile: 130, data.FieldStanding: 100,
	data.FieldIDNumber: 200,
}

type person = data.Person

func memberColumns() []Column[person] {
	name := TextColumn(data.FieldName, data.PersonText[data.FieldName], "党员姓名")
	name.Required = true
	ethnicity := TextColumn(data.FieldEthnicity, data.PersonText[data.FieldEthnicity])
	ethnicity.Center = true
	education := TextColumn(data.FieldEducation, data.PersonText[data.FieldEducation],
		"文化程度", "最高学历", "学历学位", "全日制学历")
	education.Center, education.Choices = true, data.Educations
	gender := ChoiceColumn(data.FieldGender, data.PersonText[data.FieldGender], data.Genders, readGender)
	gender.Looks = func(s string) bool { return readGender(s) != "" }
	standing := ChoiceColumn(data.FieldStanding, data.PersonText[data.FieldStanding], data.Standings, readStanding, "党籍")
	standing.Looks = func(s string) bool { return readStanding(s) != "" }
	birth := DateColumn(data.FieldBirth, data.PersonDates[data.FieldBirth],
		"出生年月", "出生年月日", "出生时间", "生日")
	birth.MonthOnly = true
	phone := CodeColumn(data.FieldPhone, 13, data.PersonText[data.FieldPhone],
		"座机", "办公电话", "固话", "固定电话号码", "联系电话(固定电话)", "联系电话(座机)")
	address := TextColumn(data.FieldAddress, data.PersonText[data.FieldAddress],
		"住址", "家庭地址", "现居住地", "现住址", "居住地址")
	remark := remarkColumn()
	phone.Private, address.Private, remark.Private = true, true, true
	return []Column[person]{
		name,
		gender,
		ethnicity,
		idNumberColumn(),
		birth,
		education,
		stageColumn(),
		TextColumn(data.FieldBranch, data.PersonText[data.FieldBranch],
			"所在支部", "支部", "党支部", "所在党组织", "支部名称", "党支部名称", "所在党支部名称"),
		DateColumn(data.FieldJoin, data.PersonDates[data.FieldJoin],
			"入党时间", "入党日期", "入党年月", "加入党组织时间", "入党年月日"),
		DateColumn(data.FieldFull, data.PersonDates[data.FieldFull],
			"转正时间", "转正日期", "转为正式党员时间", "转正年月"),
		postColumn(),
		mobileColumn(),
		phone,
		address,
		standing,
		BoolColumn(data.FieldLost, data.PersonFlags[data.FieldLost],
			"是否失联党员", "失联党员", "是否失联", "失联"),
		DateColumn(data.FieldLostDate, data.PersonDates[data.FieldLostDate],
			"失联日期", "失联时间", "失去联系时间"),
		BoolColumn(data.FieldFloating, data.PersonFlags[data.FieldFloating],
			"是否流动党员", "流动党员", "是否流动", "流动"),
		TextColumn(data.FieldFloatTo, data.PersonText[data.FieldFloatTo],
			"流向", "流动去向", "外出去向", "流动党员外出流向"),
		TextColumn(data.FieldNative, data.PersonText[data.FieldNative]),
		DateColumn(data.FieldWorkStart, data.PersonDates[data.FieldWorkStart],
			"参加工作时间", "参加工作年月"),
		TextColumn(data.FieldTitle, data.PersonText[data.FieldTitle],
			"职务", "职称", "专业技术职务", "行政职务"),
		TextColumn(data.FieldPartyPost, data.PersonText[data.FieldPartyPost],
			"现任党内职务", "党内职务名称"),
		TextColumn(data.FieldIntroducers, data.PersonText[data.FieldIntroducers], "介绍人"),
		DateColumn(data.FieldTransferIn, data.PersonDates[data.FieldTransferIn],
			"转入时间", "转入日期", "组织关系转入时间", "关系转入时间"),
		TextColumn(data.FieldGroup, data.PersonText[data.FieldGroup],
			"所在党小组", "党小组名称"),
		CodeColumn(data.FieldStaffNo, 10, data.PersonText[data.FieldStaffNo],
			"学工号", "职工号", "教工号", "工号学号", "学号", "人员编号"),
		remark,
	}
}

// memberImportOnly are columns of other systems' member sheets that have no
// column of their own in the 党员名册 (see README, 导入其他系统的名册).
func memberImportOnly() []Column[person] {
	kind := TextColumn(personKindHeader, data.PersonText[data.FieldPost], "人员身份", "身份类别", "人员性质")
	kind.Looks = isPersonKind
	// 教职工/学生 is what 党内统计 counts under 工作岗位; beside a post from
	// another column it is kept in brackets, whichever column comes first.
	kind.Set = func(p *person, s string) error { p.Post = joinPost(p.Post, s); return nil }
	tags := TextColumn("标签", data.PersonText[data.FieldRemark], "人员标签")
	tags.Set = func(p *person, s string) error { p.Remark = joinRemark(p.Remark, "标签："+s); return nil }
	return []Column[person]{kind, tags}
}

// personKindHeader is the import-only column of 教职工/学生.
const personKindHeader = "人员身份（记入工作岗位）"

var personKinds = []string{"教职工", "教师", "职工", "教工", "在职教职工", "学生", "本科生", "研究生",
	"硕士研究生", "博士研究生", "专科生", "离退休", "离退休教职工", "退休", "离休", "退休教职工", "工勤", "管理人员"}

func isPersonKind(s string) bool { return slices.Contains(personKinds, s) }

// postColumn is 工作岗位; a 人员身份 column read before it stays in brackets.
func postColumn() Column[person] {
	c := TextColumn(data.FieldPost, data.PersonText[data.FieldPost],
		"岗位", "职务岗位", "任教学科", "工作岗位及任教学科")
	c.Set = func(p *person, s string) error { p.Post = joinPost(s, p.Post); return nil }
	return c
}

// joinPost writes 语文教师（教职工）; either part may be empty.
func joinPost(post, kind string) string {
	switch {
	case post == "":
		return kind
	case kind == "":
		return post
	}
	return post + "（" + kind + "）"
}

// remarkColumn is 备注; 标签 read before it stay on the lines below.
func remarkColumn() Column[person] {
	c := TextColumn(data.FieldRemark, data.PersonText[data.FieldRemark])
	c.Set = func(p *person, s string) error { p.Remark = joinRemark(s, p.Remark); return nil }
	return c
}

func joinRemark(first, then string) string {
	if first == "" || then == "" {
		return first + then
	}
	return first + "\n" + then
}

func idNumberColumn() Column[person] {
	return Column[person]{
		Header: data.FieldIDNumber, Kind: KindCode, Width: 20, Center: true, Mask: maskIDForPrint,
		Aliases: []string{"公民身份证号", "公民身份证号码", "身份证号码", "身份证号", "身份证",
			"身份证件号码", "证件号码", "居民身份证号码"},
		Get: func(p *person) any { return p.IDNumber },
		Set: func(p *person, s string) error {
			id, err := parseIDCell(s)
			p.IDNumber = id
			return err
		},
	}
}

// mobileColumn takes 联系电话 too; a number starting with 0 is a landline
// (mobiles never start with 0) and goes to 固定电话 when that is still empty.
func mobileColumn() Column[person] {
	c := CodeColumn(data.FieldMobile, 13, data.PersonText[data.FieldMobile],
		"手机", "手机号码", "联系电话", "联系方式", "移动电话", "电话", "电话号码")
	c.Mask = MaskPhone
	c.Set = func(p *person, s string) error {
		s = numberAsText(s)
		if strings.HasPrefix(s, "0") && p.Phone == "" {
			p.Phone = s
			return nil
		}
		p.Mobile = s
		return nil
	}
	return c
}

func stageColumn() Column[person] {
	choices := data.MemberStageChoices
	return Column[person]{
		Header: data.FieldStage, Kind: KindText, Width: 10, Center: true, Choices: choices,
		Aliases: []string{"党员类别", "类别", "党员类型", "人员类型", "党员身份"},
		Looks:   func(s string) bool { return readStage(s) != "" },
		Get:     func(p *person) any { return string(p.Stage) },
		Set: func(p *person, s string) error {
			if p.Stage = readStage(s); p.Stage == "" {
				return fmt.Errorf("“%s”不是党员名册的人员类别，请填%s（入党积极分子、发展对象不在党员名册里）", s, quoteList(choices))
			}
			return nil
		},
	}
}

func readStage(s string) data.Stage {
	switch s {
	case "正式党员", "正式", "中共党员":
		return data.StageFull
	case "预备党员", "预备", "中共预备党员":
		return data.StageProbationer
	}
	return ""
}

func readGender(s string) string {
	switch strings.ToLower(s) {
	case "男", "男性", "m":
		return "男"
	case "女", "女性", "f":
		return "女"
	}
	return ""
}

func readStanding(s string) string {
	switch s {
	case "正常", "正常党籍":
		return string(data.StandingNormal)
	case "停止党籍", "停止", "停籍":
		return string(data.StandingSuspended)
	}
	return ""
}
