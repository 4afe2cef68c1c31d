package reports

import (
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/datatest"
	"partyoffice/data/rules"
)

func findingsFor(t *testing.T, s *data.Store, name string) map[string][]rules.Finding {
	t.Helper()
	d, err := s.LoadDevData()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]rules.Finding{}
	for _, f := range rules.CheckAll(d, civil.Today(), rules.DefaultOptions()) {
		if f.Person == name {
			out[f.Rule] = append(out[f.Rule], f)
		}
	}
	return out
}

func stepOf(t *testing.T, s *data.Store, p data.Person, n int) *data.DevStep {
	t.Helper()
	steps, err := s.DevSteps(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return data.LatestDevStep(steps, n)
}

// Step 8 is read under each of its headers and recorded as 备案 (2014) or
// 同意 (2026.05) by the record's version: an imported 2026 发展对象 gets no
// D5 error for a missing 同意.
func TestDevImportStep8ByVersion(t *testing.T) {
	for _, header := range []string{"发展对象备案时间", "上级党委同意时间", "上级党委备案（同意）时间"} {
		s, _ := devStore(t, false)
		s.SetClock(func() civil.Date { return civil.New(2026, 12, 1) }) // after the 2026 record's last step
		path := devSheet(t,
			[]any{"姓名", "公民身份号码", "申请入党时间", "谈话时间", "谈话人", "推荐方式", "确定为入党积极分子时间",
				"确定为发展对象时间", "公示日期", header},
			[]any{"新版", datatest.IDNumber("19990101", 61), "2026-05-20", "2026-05-25", "赵建军", "党员推荐", "2026-06-01",
				"2026-11-02", "2026.10.23至2026.10.29", "2026-11-10"},
			[]any{"旧版", datatest.IDNumber("19990101", 63), "2023-01-10", "2023-01-20", "赵建军", "党员推荐", "2023-07-15",
				"2024-07-20", "", "2024-07-25"})
		importDev(t, s, path, data.ImportSkipExisting)
		for name, want := range map[string]string{"新版": data.ResultAgree, "旧版": ""} {
			p := personNamed(t, s, name)
			st := stepOf(t, s, p, data.StepCandidateFiled)
			if st == nil || st.Result != want {
				t.Errorf("%s under %q: step 8 %+v, want result %q", name, header, st, want)
			}
		}
		for _, f := range findingsFor(t, s, "新版")["D5"] {
			if strings.Contains(f.Message, "上级党委同意") {
				t.Errorf("under %q the imported 同意 is not seen: %s", header, f.Line())
			}
		}
	}
}

// The 发展对象名册's step-8 header follows the version of its rows.
func TestCandidateFiledHeaderByVersion(t *testing.T) {
	for _, c := range []struct {
		versions map[string]bool
		want     string
	}{
		{map[string]bool{data.RuleVersion2014: true}, "发展对象备案时间"},
		{map[string]bool{data.RuleVersion2026: true}, "上级党委同意时间"},
		{map[string]bool{data.RuleVersion2014: true, data.RuleVersion2026: true}, "上级党委备案（同意）时间"},
	} {
		if got := candidateFiledHeader(c.versions); got != c.want {
			t.Errorf("%v: %q, want %q", c.versions, got, c.want)
		}
	}
}

// Blank decisions stay blank, with a warning naming the column; the rule
// engine reports them (R-DECISION).
func TestDevImportLeavesBlankDecisionsUnrecorded(t *testing.T) {
	s, _ := devStore(t, false)
	path := devSheet(t,
		[]any{"姓名", "公民身份号码", "申请入党时间", "谈话时间", "谈话人", "推荐方式", "确定为入党积极分子时间",
			"确定为发展对象时间", "政审时间", "政审结论", "上级党委预审时间", "预审结果"},
		[]any{"空结论", datatest.IDNumber("19990101", 65), "2023-01-10", "2023-01-20", "赵建军", "", "2023-07-15",
			"2024-07-20", "2024-08-01", "", "2024-09-01", ""})
	imp, _ := importDev(t, s, path, data.ImportSkipExisting)
	warned := map[string]bool{}
	for _, w := range imp.Warnings() {
		if strings.Contains(w.Message, "不登记（不会推定）") {
			warned[w.Column] = true
		}
	}
	for _, col := range []string{"推荐方式", "政审结论", "预审结果"} {
		if !warned[col] {
			t.Errorf("no warning for the blank %s: %v", col, imp.Warnings())
		}
	}
	p := personNamed(t, s, "空结论")
	for _, n := range []int{data.StepActivist, data.StepPoliticalReview, data.StepPreReview} {
		if st := stepOf(t, s, p, n); st == nil || st.Result != "" || st.Source != "" {
			t.Errorf("step %d: %+v, want the decision unrecorded", n, st)
		}
	}
	if fs := findingsFor(t, s, "空结论")[rules.RuleDecision]; len(fs) != 1 {
		t.Errorf("want one R-DECISION finding, got %v", fs)
	}
}

// The vote columns carry an imported 支部大会's counts; without them the
// person gets one D9 reminder. 优秀青年教师 is imported and counted by R-YOUNG.
func TestDevImportVotesAndYoungTeachers(t *testing.T) {
	s, _ := devStore(t, false)
	if err := s.SetYoungTeacherTarget(1); err != nil {
		t.Fatal(err)
	}
	year := civil.Today().Year
	meeting := civil.New(year, 1, 10).String()
	approval := civil.New(year, 2, 10).String()
	path := devSheet(t,
		[]any{"姓名", "公民身份号码", "申请入党时间", "确定为入党积极分子时间", "确定为发展对象时间", "支部大会时间",
			"应到", "实到", "赞成", "反对", "弃权", "审批时间", "审批结果", "优秀青年教师"},
		[]any{"有票数", datatest.IDNumber("19990101", 67), "2023-01-10", "2023-07-15", "2024-07-20", meeting,
			10, 8, 7, 1, 0, approval, "同意", "是"},
		[]any{"无票数", datatest.IDNumber("19990101", 69), "2023-01-10", "2023-07-15", "2024-07-20", meeting,
			"", "", "", "", "", approval, "同意", "否"})
	importDev(t, s, path, data.ImportSkipExisting)
	p := personNamed(t, s, "有票数")
	if st := stepOf(t, s, p, data.StepBranchMeeting); st == nil || st.Vote != (data.Vote{Expected: 10, Present: 8, For: 7, Against: 1}) {
		t.Errorf("vote not imported: %+v", st)
	}
	if !p.YoungTeacher || personNamed(t, s, "无票数").YoungTeacher {
		t.Error("优秀青年教师 not imported as written")
	}
	if fs := findingsFor(t, s, "有票数")["D9"]; len(fs) != 0 {
		t.Errorf("counts imported, yet D9: %v", fs)
	}
	if fs := findingsFor(t, s, "无票数")["D9"]; len(fs) != 1 {
		t.Errorf("want one D9 reminder for the meeting without counts, got %v", fs)
	}
	if fs := findingsFor(t, s, "")[rules.RuleYoungTeacher]; len(fs) != 0 {
		t.Errorf("the imported 优秀青年教师 should meet the target of 1: %v", fs)
	}
}

// An imported 培养联系人 who was a 预备党员 on the day is reported (R-CONTACT).
func TestDevImportContactIsChecked(t *testing.T) {
	s, _ := devStore(t, false)
	path := devSheet(t,
		[]any{"姓名", "公民身份号码", "申请入党时间", "确定为入党积极分子时间", "培养联系人", "指定培养联系人时间"},
		[]any{"联系人不符", datatest.IDNumber("19990101", 71), "2024-03-01", "2024-09-01", "王预备", "2024-09-01"})
	imp, _ := importDev(t, s, path, data.ImportSkipExisting)
	if w := imp.Warnings(); len(w) != 1 || w[0].Column != "培养联系人" || !strings.Contains(w[0].Message, "王预备是预备党员") {
		t.Errorf("the preview should warn of the 培养联系人: %v", w)
	}
	if fs := findingsFor(t, s, "联系人不符")[rules.RuleContact]; len(fs) != 1 || !strings.Contains(fs[0].Message, "王预备是预备党员") {
		t.Errorf("want R-CONTACT for 王预备, got %v", fs)
	}
}

// The 发展对象名册 names step 8 by the version of its people: an imported
// 2026.05 发展对象 alone gives 上级党委同意时间, and the export reads back.
func TestCandidateRegisterNamesStep8ByVersion(t *testing.T) {
	s, _ := devStore(t, false)
	s.SetClock(func() civil.Date { return civil.New(2026, 12, 1) }) // after the 2026 record's last step
	path := devSheet(t,
		[]any{"姓名", "公民身份号码", "申请入党时间", "推荐方式", "确定为入党积极分子时间", "确定为发展对象时间", "公示日期", "上级党委同意时间"},
		[]any{"新版", datatest.IDNumber("19990101", 61), "2026-05-20", "党员推荐", "2026-06-01", "2026-11-02", "2026.10.23至2026.10.29", "2026-11-10"})
	importDev(t, s, path, data.ImportSkipExisting)
	out := exportDev(t, s, devExportNamed(t, "candidates"), DevExportOptions{})
	headers, rows := devTable(t, out, "发展对象名册")
	if len(rows) != 1 || devCell(headers, rows[0], "上级党委同意时间") == "" {
		t.Errorf("want the column 上级党委同意时间 filled; headers %v rows %v", headers, rows)
	}
	back := readDev(t, s, out)
	if len(back.Errors()) > 0 {
		t.Errorf("the export does not read back: %v", back.Errors())
	}
}
