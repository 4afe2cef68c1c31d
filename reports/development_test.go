package reports

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/datatest"
	"partyoffice/data/rules"
)

// importable are the headers the import reads back.
func importable() map[string]bool {
	out := map[string]bool{}
	for _, c := range ActivistImportRegister().Columns {
		out[c.Header] = true
	}
	return out
}

// TestDevRoundTrip exports each register that can be imported from one
// store, imports it into another holding only the members, exports again
// and compares every column the import reads: people, step dates, results
// and the people named at the steps come back.
func TestDevRoundTrip(t *testing.T) {
	from, _ := devStore(t, true)
	to, toIDs := devStore(t, false)
	want := map[string]int{"applicants": 1, "activists": 1, "candidates": 2}
	for _, key := range []string{"applicants", "activists", "candidates"} {
		t.Run(key, func(t *testing.T) {
			e := devExportNamed(t, key)
			first := exportDev(t, from, e, DevExportOptions{})
			imp, res := importDev(t, to, first, data.ImportSkipExisting)
			if res.Imported != want[key] || len(imp.Rows) != want[key] {
				t.Fatalf("imported %d of %d rows, want %d", res.Imported, len(imp.Rows), want[key])
			}
			second := exportDev(t, to, e, DevExportOptions{})
			headers, rowsA := devTable(t, first, e.Title)
			_, rowsB := devTable(t, second, e.Title)
			if len(rowsA) != len(rowsB) {
				t.Fatalf("%d rows exported, %d after the round trip", len(rowsA), len(rowsB))
			}
			read := importable()
			for i := range rowsA {
				for _, h := range headers {
					if a, b := devCell(headers, rowsA[i], h), devCell(headers, rowsB[i], h); read[h] && a != b {
						t.Errorf("row %d %s: exported %q, after the round trip %q", i+1, h, a, b)
					}
				}
			}
		})
	}
	// The people named are the register's own, namesakes told apart.
	p := personNamed(t, to, "郭子轩")
	steps, err := to.DevSteps(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	intro := latestStep(steps, data.StepIntroducers)
	if intro == nil || len(intro.People) != 2 || *intro.People[0].PersonID != toIDs["李国强"] ||
		*intro.People[1].PersonID != toIDs["张伟#2"] {
		t.Errorf("introducers not matched to the register: %+v", intro)
	}
	if p.Stage != data.StageCandidate || p.Introducers != "李国强、张伟" {
		t.Errorf("郭子轩: stage %s, introducers %q", p.Stage, p.Introducers)
	}
	if got := personNamed(t, to, "徐嘉怡").Stage; got != data.StageCandidate {
		t.Errorf("a 不同意 approval came back as %s", got)
	}
	lin := personNamed(t, to, "林雨桐")
	steps, _ = to.DevSteps(lin.ID)
	if c := latestStep(steps, data.StepContacts); c == nil || *c.People[1].PersonID != toIDs["张伟#1"] {
		t.Errorf("contacts of 林雨桐: %+v", c)
	}
}

func personNamed(t *testing.T, s *data.Store, name string) data.Person {
	t.Helper()
	people, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("nobody named %s", name)
	return data.Person{}
}

func latestStep(steps []data.DevStep, n int) *data.DevStep {
	r := DevRow{Steps: steps}
	return r.latest(n)
}

func TestDevExportColumnsAndRows(t *testing.T) {
	s, _ := devStore(t, true)
	path := exportDev(t, s, devExportNamed(t, "activists"), DevExportOptions{})
	headers, rows := devTable(t, path, "入党积极分子名册")
	if headers[0] != "序号" || headers[1] != data.FieldName {
		t.Errorf("headers start %v", headers[:2])
	}
	if len(rows) != 1 {
		t.Fatalf("activists: %v", rows)
	}
	r := rows[0]
	for h, want := range map[string]string{
		data.FieldName: "林雨桐", hApplied: "2023-01-10", hTalkers: "赵建军、党委组织员马琳", hSource: data.SourceLeague,
		hLeague: "2023-07-15", hActivist: "2023-08-01", hActivistFiled: "2023-08-10",
		hContacts: "钱学敏、" + qualifiedName(&data.Person{Name: "张伟", IDNumber: datatest.IDNumber("19800505", 51)}),
		hReports:  "2", hLastReport: "2024-01-05", hLastAssessment: "2024-02-01", hStage: "入党积极分子",
	} {
		if got := devCell(headers, r, h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
	f := readBack(t, path)
	if title, _ := f.GetCellValue("入党积极分子名册", "A1"); title != "银川市第一小学党支部入党积极分子名册" {
		t.Errorf("title %q", title)
	}

	path = exportDev(t, s, devExportNamed(t, "candidates"), DevExportOptions{})
	headers, rows = devTable(t, path, "发展对象名册")
	if len(rows) != 2 || devCell(headers, rows[1], data.FieldName) != "徐嘉怡" {
		t.Fatalf("candidates by 确定为发展对象时间: %v", rows)
	}
	for h, want := range map[string]string{
		hPublicity: "2022-10-20至2022-10-26", hTraining: "2023-02-01至2023-02-03", hHours: "24",
		hTrainingResult: data.ResultCompleted, hPledgeNumber: "2023001234", hMeeting: "2023-04-10",
		hSuperiorTalker: "组织员马琳", hReviewResult: data.ResultPass,
	} {
		if got := devCell(headers, rows[0], h); got != want {
			t.Errorf("郭子轩 %s = %q, want %q", h, got, want)
		}
	}
	if got := devCell(headers, rows[1], hApprovalResult); got != data.ResultDisagree {
		t.Errorf("徐嘉怡 审批结果 %q", got)
	}
}

// A past year's register lists the pipeline as it stood then.
func TestDevExportPastYear(t *testing.T) {
	s, _ := devStore(t, true)
	// At the end of 2021 徐嘉怡 had applied; 郭子轩 was an activist since October.
	for key, want := range map[string][]string{"applicants": {"徐嘉怡"}, "activists": {"郭子轩"}, "candidates": nil} {
		e := devExportNamed(t, key)
		headers, rows := devTable(t, exportDev(t, s, e, DevExportOptions{Year: 2021}), e.Title)
		var got []string
		for _, r := range rows {
			got = append(got, devCell(headers, r, data.FieldName))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s of 2021: %v, want %v", key, got, want)
		}
		if key == "activists" && len(rows) == 1 {
			if c, f := devCell(headers, rows[0], hContacts), devCell(headers, rows[0], hCandidate); c != "李国强" || f != "" {
				t.Errorf("records after 2021 shown: contacts %q, 发展对象 %q", c, f)
			}
		}
	}
}

func TestDevPlanExport(t *testing.T) {
	s, ids := devStore(t, true)
	year := civil.Today().Year
	plans := []data.DevPlan{
		{Year: year, PersonID: ids["林雨桐"], Planned: civil.Date{Year: year, Month: 3}, Stage: data.StageCandidate},
		{Year: year, PersonID: ids["郭子轩"], Planned: civil.Date{Year: year, Month: 6}, Note: "已预审"},
		{Year: year, PersonID: ids["徐嘉怡"], Planned: civil.Date{Year: year, Month: 6}},
	}
	for i := range plans {
		if err := s.SaveDevPlan(&plans[i]); err != nil {
			t.Fatal(err)
		}
	}
	path := exportDev(t, s, devExportNamed(t, "devplan"), DevExportOptions{})
	headers, rows := devTable(t, path, "发展党员计划名册")
	stored, err := s.DevPlans(year)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(stored) {
		t.Fatalf("%d rows for %d plan lines", len(rows), len(stored))
	}
	for i, plan := range stored {
		p, _ := s.Person(plan.PersonID)
		got := []string{devCell(headers, rows[i], data.FieldName), devCell(headers, rows[i], hPlanned),
			devCell(headers, rows[i], hPlannedStage), devCell(headers, rows[i], data.FieldRemark),
			devCell(headers, rows[i], hStage)}
		want := []string{p.Name, dateText(plan.Planned), string(plan.Stage), plan.Note, string(p.Stage)}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("plan row %d: %v, want %v", i+1, got, want)
		}
	}

	headers, rows = devTable(t, path, "发展党员计划汇总表")
	if len(rows) != 1 {
		t.Fatalf("summary rows: %v", rows)
	}
	counts := map[data.Stage]int{}
	people, _ := s.People()
	for _, p := range people {
		counts[p.Stage]++
	}
	summary := map[string]string{
		"所在支部":       "银川市第一小学党支部",
		"已提交入党申请书数量": strconv.Itoa(counts[data.StageApplicant] + counts[data.StageActivist] + counts[data.StageCandidate]),
		"现有入党积极分子存量": strconv.Itoa(counts[data.StageActivist] + counts[data.StageCandidate]),
		"拟发展时间":      fmt.Sprintf("%d年6月（2人）", year),
		"拟发展计划数":     "2",
		"现有党员数（含预备）": strconv.Itoa(counts[data.StageFull] + counts[data.StageProbationer]),
		"其他":         "另计划确定发展对象 1 人",
	}
	for h, want := range summary {
		if got := devCell(headers, rows[0], h); got != want {
			t.Errorf("汇总表 %s = %q, want %q", h, got, want)
		}
	}
}

func TestProbationerExport(t *testing.T) {
	year := civil.Today().Year - 1
	in := func(y, m, d int) civil.Date { return civil.New(y, m, d) }
	member := func(name string, seq int, stage data.Stage, join, full, ext civil.Date) data.Person {
		return data.Person{Name: name, IDNumber: datatest.IDNumber("19900101", seq), Stage: stage, JoinDate: join,
			FullDate: full, ExtendedTo: ext, Standing: data.StandingNormal}
	}
	first := member("预备甲", 11, data.StageProbationer, in(year, 3, 10), civil.Date{}, civil.Date{})
	first.Introducers = "赵建军、钱学敏"
	s := storeWith(t, []data.Person{
		first,
		member("转正乙", 21, data.StageFull, in(year-1, 5, 1), in(year, 5, 1), civil.Date{}),
		member("老党员", 31, data.StageFull, in(2000, 1, 1), in(2001, 1, 1), civil.Date{}),
		member("延长丙", 41, data.StageProbationer, in(year-1, 2, 1), civil.Date{}, in(year, 8, 1)),
		member("明年丁", 51, data.StageProbationer, in(year+1, 1, 5), civil.Date{}, civil.Date{}),
	})
	path := exportDev(t, s, devExportNamed(t, "probationers"), DevExportOptions{Year: year})
	headers, rows := devTable(t, path, "预备党员名册")
	var got [][]string
	for _, r := range rows {
		got = append(got, []string{devCell(headers, r, data.FieldName), devCell(headers, r, hIntroducers), devCell(headers, r, hJoin),
			devCell(headers, r, hProbationEnd), devCell(headers, r, hExtended), devCell(headers, r, hFull)})
	}
	// Those who were 预备党员 in the year, by 入党时间, as stored.
	var want [][]string
	for _, name := range []string{"延长丙", "转正乙", "预备甲"} {
		p := personNamed(t, s, name)
		want = append(want, []string{p.Name, p.Introducers, cellDate(p.JoinDate), cellDate(p.ProbationEnd()),
			cellDate(p.ExtendedTo), cellDate(p.FullDate)})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("预备党员名册 %d:\n got %v\nwant %v", year, got, want)
	}
	if title, _ := readBack(t, path).GetCellValue("预备党员名册", "A1"); title != fmt.Sprintf("银川市第一小学党支部%d年预备党员名册", year) {
		t.Errorf("title %q", title)
	}
}

// cellDate is a day-precise date as the exported date cells show it.
func cellDate(d civil.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(time.DateOnly)
}

// devSheet writes a hand-made development register: a title row, then the
// header in row 2.
func devSheet(t *testing.T, headers []any, rows ...[]any) string {
	b := newSheet(t).row(1, "2025年入党积极分子情况统计")
	b.row(2, headers...)
	for i, r := range rows {
		b.row(3+i, r...)
	}
	return b.save(t.TempDir(), "积极分子.xlsx")
}

func readDev(t *testing.T, s *data.Store, path string) *ActivistImport {
	t.Helper()
	imp, err := ReadActivists(path, s, civil.Today(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return imp
}

func TestSplitNames(t *testing.T) {
	for in, want := range map[string][]string{
		"赵某、钱某":        {"赵某", "钱某"},
		"赵某，钱某":        {"赵某", "钱某"},
		"赵某,钱某;孙某":     {"赵某", "钱某", "孙某"},
		"赵某；钱某":        {"赵某", "钱某"},
		"赵某 钱某":        {"赵某", "钱某"},
		"赵某　　钱某":       {"赵某", "钱某"},
		"张　三、李 四":      {"张三", "李四"},
		"欧阳娜娜":         {"欧阳娜娜"},
		"张伟 （0031）、王五": {"张伟（0031）", "王五"},
		" 、赵某、 ":       {"赵某"},
	} {
		if got := SplitNames(in); !reflect.DeepEqual(got, want) {
			t.Errorf("SplitNames(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDevImportMatchesNames(t *testing.T) {
	s, ids := devStore(t, false)
	zhang1 := qualifiedName(&data.Person{Name: "张伟", IDNumber: datatest.IDNumber("19800505", 51)})
	headers := []any{"姓名", "身份证号", "申请入党时间", "确定为积极分子时间", "确定为发展对象时间", "介绍人"}
	row := func(name string, seq int, intro string) []any {
		return []any{name, datatest.IDNumber("19980101", seq), "2020.3.1", "2021.5.1", "2022.6.1", intro}
	}
	path := devSheet(t, headers,
		row("甲一", 11, "赵建军、钱学敏"),
		row("乙二", 13, "赵建军，钱学敏"),
		row("丙三", 15, "赵建军 钱学敏"),
		row("丁四", 17, "赵　建军; 钱学敏"),
		row("戊五", 19, "孙悟空、赵建军"),
		row("己六", 21, "张伟、赵建军"),
		row("庚七", 23, zhang1+"、赵建军"),
	)
	imp := readDev(t, s, path)
	want := []RowIssue{
		{Row: 7, Column: "介绍人"},
		{Row: 8, Column: "介绍人"},
	}
	errs := imp.Errors()
	if len(errs) != len(want) {
		t.Fatalf("errors:\n%s", issuesText(errs))
	}
	for i, w := range want {
		if errs[i].Row != w.Row || errs[i].Column != w.Column {
			t.Errorf("error %d at %d/%s, want %d/%s", i, errs[i].Row, errs[i].Column, w.Row, w.Column)
		}
	}
	if !strings.Contains(errs[0].Message, "孙悟空") {
		t.Errorf("unknown name: %s", errs[0].Message)
	}
	if !strings.Contains(errs[1].Message, "2 人叫“张伟”") || !strings.Contains(errs[1].Message, zhang1) {
		t.Errorf("ambiguous name: %s", errs[1].Message)
	}
	for _, r := range imp.Rows[:4] {
		intro := latestStep(r.Steps, data.StepIntroducers)
		if intro == nil || len(intro.People) != 2 || *intro.People[0].PersonID != ids["赵建军"] ||
			*intro.People[1].PersonID != ids["钱学敏"] {
			t.Errorf("row %d: introducers %+v", r.Row, intro)
		}
		if !intro.Date.Equal(civil.New(2022, 6, 1)) {
			t.Errorf("row %d: introducers dated %s, want the 确定为发展对象时间", r.Row, intro.Date)
		}
	}
	if intro := latestStep(imp.Rows[6].Steps, data.StepIntroducers); *intro.People[0].PersonID != ids["张伟#1"] {
		t.Errorf("qualified name matched %v", *intro.People[0].PersonID)
	}
	if got := imp.Rows[0].Stage; got != data.StageCandidate {
		t.Errorf("stage from the latest date: %s", got)
	}
}

// A flawed history imports as it is, and the rule engine reports it: an
// application at 16, a 发展对象 after five months as an activist, a 介绍人
// who was still a 预备党员.
func TestDevImportKeepsFlawedHistory(t *testing.T) {
	s, ids := devStore(t, false)
	young := datatest.IDNumber("20080101", 13)
	path := devSheet(t,
		[]any{"序号", "姓名", "公民身份号码", "申请入党时间", "谈话时间", "谈话人", "确定为入党积极分子时间",
			"培养联系人", "确定为发展对象时间", "入党介绍人"},
		[]any{1, "少年", young, "2024-03-01", "2024-03-10", "赵建军", "2024-06-01", "赵建军", "2024-11-01", "王预备、赵建军"})
	imp := readDev(t, s, path)
	if errs := imp.Errors(); len(errs) > 0 {
		t.Fatalf("a flawed history is not an import error:\n%s", issuesText(errs))
	}
	// The form refuses the same introducer.
	refused := data.DevStep{Step: data.StepIntroducers, Date: civil.New(2024, 11, 1), People: []data.DevStepPerson{
		{Role: data.RoleIntroducer, PersonID: ptr(ids["王预备"])}, {Role: data.RoleIntroducer, PersonID: ptr(ids["赵建军"])}}}
	if _, err := s.ImportDevelopment(imp.Good(), data.ImportSkipExisting, "积极分子.xlsx"); err != nil {
		t.Fatal(err)
	}
	p := personNamed(t, s, "少年")
	refused.PersonID = p.ID
	if err := s.SaveDevStep(&refused); err == nil {
		t.Error("SaveDevStep should refuse a 预备党员 as 介绍人")
	}
	if p.Stage != data.StageCandidate || p.Introducers != "王预备、赵建军" {
		t.Errorf("少年: %s, introducers %q", p.Stage, p.Introducers)
	}
	d, err := s.LoadDevData()
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, f := range rules.CheckAll(d, civil.Today(), rules.DefaultOptions()) {
		if f.Person == "少年" {
			found[f.Rule] = true
		}
	}
	for _, rule := range []string{"D1", "D4", "D7"} {
		if !found[rule] {
			t.Errorf("finding %s missing; found %v", rule, found)
		}
	}
}

func ptr(id uint) *uint { return &id }

func TestDevImportRowErrors(t *testing.T) {
	s, _ := devStore(t, false)
	future := civil.Today().AddDays(40)
	path := devSheet(t,
		[]any{"姓名", "公民身份号码", "申请入党时间", "确定为入党积极分子时间", "支部大会时间", "审批时间", "培养联系人", "公示日期"},
		[]any{"坏号码", "640106199801011234", "2020-01-01"},
		[]any{"坏日期", datatest.IDNumber("19980101", 31), "去年春天"},
		[]any{"没日期", datatest.IDNumber("19980101", 33)},
		[]any{"未来", datatest.IDNumber("19980101", 35), future.String()},
		[]any{"缺大会", datatest.IDNumber("19980101", 37), "2020-01-01", "", "", "2021-01-01"},
		[]any{"缺锚点", datatest.IDNumber("19980101", 39), "2020-01-01", "", "", "", "赵建军"},
		[]any{"重复", datatest.IDNumber("19980101", 31), "2020-01-01"},
		[]any{"公示一天", datatest.IDNumber("19980101", 41), "2020-01-01", "2020-09-01", "", "", "", "2021.3.1"},
	)
	imp := readDev(t, s, path)
	want := map[string]string{ // name → column of the error
		"坏号码": "公民身份号码", "坏日期": "申请入党时间", "没日期": "申请入党时间", "未来": "申请入党时间",
		"缺大会": "支部大会时间", "缺锚点": "指定培养联系人时间", "重复": "公民身份号码",
	}
	for _, r := range imp.Rows {
		col, bad := want[r.Person.Name]
		switch {
		case bad && (len(r.Errors) != 1 || r.Errors[0].Column != col):
			t.Errorf("%s: errors %v, want one in %s", r.Person.Name, r.Errors, col)
		case !bad && len(r.Errors) > 0:
			t.Errorf("%s: unexpected errors %v", r.Person.Name, r.Errors)
		}
	}
	one := imp.Rows[len(imp.Rows)-1]
	if len(one.Warnings) == 0 || one.Warnings[0].Column != "公示日期" {
		t.Errorf("a one-day 公示 should warn: %v", one.Warnings)
	}
	if imp.BadRows() != len(want) || len(imp.Good()) != 1 {
		t.Errorf("BadRows %d, Good %d", imp.BadRows(), len(imp.Good()))
	}
	notices := strings.Join(imp.Notices, "\n")
	if !strings.Contains(notices, "表格中没有“推荐方式”列：1 人的推荐方式未登记（不会推定）") {
		t.Errorf("the 推荐方式 left unrecorded should be noticed:\n%s", notices)
	}
}

// An existing person (same ID number) is skipped, or updated: the step
// already recorded changes in place, a new step is added.
func TestDevImportUpdatesOrSkips(t *testing.T) {
	s, ids := devStore(t, true)
	lin := personNamed(t, s, "林雨桐")
	path := devSheet(t, []any{"姓名", "公民身份号码", "申请入党时间", "谈话时间", "谈话人", "确定为入党积极分子时间", "确定为发展对象时间"},
		[]any{"林雨桐", lin.IDNumber, "2023-01-12", "2023-02-01", "孙晓燕", "2023-08-01", "2024-09-01"},
		[]any{"新人", datatest.IDNumber("19990101", 55), "2024-01-01"})
	imp := readDev(t, s, path)
	if imp.Rows[0].Existing == nil || imp.Rows[0].Existing.ID != ids["林雨桐"] {
		t.Fatalf("existing person not found: %+v", imp.Rows[0].Existing)
	}
	if n, u, k := imp.Predict(data.ImportSkipExisting); n != 1 || u != 0 || k != 1 {
		t.Errorf("Predict(skip) = %d, %d, %d", n, u, k)
	}
	if n, u, k := imp.Predict(data.ImportUpdateExisting); n != 1 || u != 1 || k != 0 {
		t.Errorf("Predict(update) = %d, %d, %d", n, u, k)
	}
	before, _ := s.DevSteps(lin.ID)
	res, err := s.ImportDevelopment(imp.Good(), data.ImportSkipExisting, "t.xlsx")
	if err != nil || res != (data.ImportResult{Imported: 1, Skipped: 1}) {
		t.Fatalf("skip: %+v %v", res, err)
	}
	if after, _ := s.DevSteps(lin.ID); !reflect.DeepEqual(stepDates(after), stepDates(before)) {
		t.Error("skipped person changed")
	}
	res, err = s.ImportDevelopment(imp.Good(), data.ImportUpdateExisting, "t.xlsx")
	if err != nil || res != (data.ImportResult{Updated: 2}) { // 新人 too, imported by the first run
		t.Fatalf("update: %+v %v", res, err)
	}
	after, _ := s.DevSteps(lin.ID)
	if len(after) != len(before)+1 {
		t.Errorf("%d records before, %d after; want one more (确定为发展对象)", len(before), len(after))
	}
	if apply := latestStep(after, data.StepApply); !apply.Date.Equal(civil.New(2023, 1, 12)) {
		t.Errorf("application date not updated: %s", apply.Date)
	}
	talk := latestStep(after, data.StepTalk)
	if talk.Names(data.RoleTalker) != "孙晓燕" {
		t.Errorf("talkers not updated: %s", talk.Names(data.RoleTalker))
	}
	if activist := latestStep(after, data.StepActivist); activist.Source != data.SourceLeague {
		t.Errorf("a field the sheet leaves empty must keep its value: source %q", activist.Source)
	}
	if p := personNamed(t, s, "林雨桐"); p.Stage != data.StageCandidate {
		t.Errorf("stage after the update: %s", p.Stage)
	}
}

func stepDates(steps []data.DevStep) []string {
	var out []string
	for _, st := range steps {
		out = append(out, fmt.Sprint(st.Step, st.Date, st.Names(data.RoleTalker)))
	}
	return out
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string][2]string{
		"2026.03.01至2026.03.07": {"2026-03-01", "2026-03-07"},
		"2026-03-01-2026-03-07": {"2026-03-01", "2026-03-07"},
		"2026.3.1-3.7":          {"2026-03-01", "2026-03-07"},
		"2026年3月1日—3月7日":        {"2026-03-01", "2026-03-07"},
		"2026.3.1～2026.3.7":     {"2026-03-01", "2026-03-07"},
		"2026-03-05":            {"", "2026-03-05"},
		"2026.03":               {"", "2026-03"},
		"46082":                 {"", "2026-03-01"},
		"2026.03.07至2026.03.01": {"error", ""},
		"三月初":                   {"error", ""},
	} {
		start, end, err := parsePeriod(in)
		got := [2]string{start.String(), end.String()}
		if err != nil {
			got = [2]string{"error", ""}
		}
		if got != want {
			t.Errorf("parsePeriod(%q) = %v (%v), want %v", in, got, err, want)
		}
	}
}

func TestDevExportRefusesBadYear(t *testing.T) {
	s, _ := devStore(t, false)
	err := ExportApplicants(t.TempDir()+"/a.xlsx", s, DevExportOptions{Year: 26})
	if err == nil || !strings.Contains(err.Error(), "四位年份") {
		t.Errorf("year 26: %v", err)
	}
}

// A dry run says what the import will report, in either mode, for a sheet
// listing people twice (the reader refuses the repeats as row errors).
func TestDevImportPredictsRepeatedRows(t *testing.T) {
	for _, mode := range []data.ImportMode{data.ImportSkipExisting, data.ImportUpdateExisting} {
		s, _ := devStore(t, true)
		lin := personNamed(t, s, "林雨桐")
		newID := datatest.IDNumber("19990101", 55)
		path := devSheet(t, []any{"姓名", "公民身份号码", "申请入党时间"},
			[]any{"林雨桐", lin.IDNumber, "2023-01-12"},
			[]any{"新人", newID, "2024-01-01"},
			[]any{"林雨桐", lin.IDNumber, "2023-01-12"},
			[]any{"新人", newID, "2024-01-01"})
		imp := readDev(t, s, path)
		n, u, k := imp.Predict(mode)
		res, err := s.ImportDevelopment(imp.Good(), mode, "t.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		if res != (data.ImportResult{Imported: n, Updated: u, Skipped: k}) {
			t.Errorf("mode %v: predicted %d/%d/%d, the import did %+v (bad rows %d)", mode, n, u, k, res, imp.BadRows())
		}
		if n != 1 || u+k != 1 || imp.BadRows() != 2 { // the sheet's repeats are row errors
			t.Errorf("mode %v: predicted %d new, %d updated, %d skipped; %d bad rows", mode, n, u, k, imp.BadRows())
		}
	}
}
