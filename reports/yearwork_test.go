package reports

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// yearStore is samplePeople (ids 1 张三, 2 李红, 3 王小明, 4 欧阳娜娜) with a
// row or two in every yearly register, covering free-text people, month
// dates, line breaks and formula-like text.
func yearStore(t *testing.T) *data.Store {
	t.Helper()
	s := decemberStore(t)
	one, four := uint(1), uint(4)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(data.SaveTrainingEntries(s, []data.TrainingEntry{
		{Course: data.TrainingCourse{Name: "思政课教师暑期集中培训", Organizer: "上级党组织", Category: data.TrainingTeacher,
			Start: civil.New(2026, 7, 10), End: civil.New(2026, 7, 11), Hours: 16},
			Attendance: data.TrainingAttendance{PersonID: &one, Name: "张三", Passed: true}},
		{Course: data.TrainingCourse{Name: "思政课教师暑期集中培训", Organizer: "上级党组织", Category: data.TrainingTeacher,
			Start: civil.New(2026, 7, 10), End: civil.New(2026, 7, 11), Hours: 16},
			Attendance: data.TrainingAttendance{Name: "陈思远", Hours: 7.5, Note: "=请假半天"}},
	}))
	must(data.SaveRecords(s, []data.Talk{
		{Date: civil.New(2026, 3, 5), TalkerID: &one, Talker: "张三", SubjectID: &four, Subject: "欧阳娜娜", Kind: data.TalkToMember,
			Content: "了解思想情况\n听取意见", FollowUp: "无"},
		{Date: civil.New(2026, 4, 1), Talker: "党工委书记", SubjectID: &one, Subject: "张三", Kind: data.TalkWarning, Content: "-提醒"},
	}))
	must(data.SaveRecords(s, []data.DutyTask{
		{Year: 2026, Task: "按月收缴党费", Division: "组织委员", OwnerID: &one, Owner: "张三", Deadline: civil.New(2026, 12, 31), Status: data.TaskDoing},
		{Year: 2026, Task: "意识形态排查", Division: "宣传委员", Owner: "外聘专家", Deadline: civil.New(2026, 6, 0), Status: data.TaskDone, Result: "已完成", Evidence: "会议记录 2026-06-03"},
	}))
	must(data.SaveRecords(s, []data.Problem{
		{Year: 2026, Problem: "学习不够系统", Source: "组织生活会", Person: "班子", Measures: "制定计划", OwnerID: &one, Owner: "张三",
			Deadline: civil.New(2026, 3, 31), Result: "已制定", VerifiedOn: civil.New(2026, 4, 2), VerifiedBy: "党工委"},
		{Year: 2026, Problem: "联系群众不主动", Source: "民主评议", PersonID: &four, Person: "欧阳娜娜", Deadline: civil.New(2026, 12, 31)},
	}))
	must(data.SaveRecords(s, []data.WorkItem{{Year: 2026, Item: "七一表彰", OwnerID: &one, Owner: "张三", Start: civil.New(2026, 6, 1), Due: civil.New(2026, 7, 1), Progress: "已完成", Status: data.TaskDone}}))
	must(data.SaveRecords(s, []data.Improvement{{Year: 2026, Item: "党费收缴", Before: "现金", After: "微信", Date: civil.New(2026, 3, 0), Owner: "张三", Effect: "及时"}}))
	must(data.SaveRecords(s, []data.AppraisalResult{
		{Year: 2026, PersonID: 1, SelfGrade: data.GradeGood, Peer: data.Votes{Excellent: 3, Good: 1}, Poll: data.Votes{Excellent: 2, Good: 2},
			Grade: data.GradeExcellent, DecidedOn: civil.New(2026, 12, 1)},
		{Year: 2026, PersonID: 4, SelfGrade: data.GradeGood, Peer: data.Votes{Good: 2, Fail: 2}, Poll: data.Votes{Basic: 1, Fail: 3},
			Grade: data.GradeFail, DecidedOn: civil.New(2026, 12, 1), FollowUp: "限期改正", FollowUpOn: civil.New(2026, 12, 2), FollowUpNote: "限期半年"},
	}))
	return s
}

// roundTrip exports with write, reads the file into a fresh store with the
// same people through read/save, and compares the stored rows.
func roundTrip[T any](t *testing.T, name string, s *data.Store, write func(string, *data.Store, YearOptions) error,
	read func(string, *data.Store) (*ImportPreview[T], error), save func(*data.Store, []T) error, compare ...func(*data.Store) any) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".xlsx")
	if err := write(path, s, YearOptions{Year: 2026, Today: civil.New(2026, 12, 4)}); err != nil {
		t.Fatal(err)
	}
	empty := decemberStore(t)
	p, err := read(path, empty)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Errors()) > 0 {
		t.Fatalf("%s: %v", name, p.Errors())
	}
	if err := save(empty, p.GoodRows()); err != nil {
		t.Fatal(err)
	}
	for _, c := range compare {
		if want, got := c(s), c(empty); !reflect.DeepEqual(want, got) {
			t.Errorf("%s differs after the round trip:\nwant %+v\n got %+v", name, want, got)
		}
	}
}

// rowsOf lists a register in the order the exports write it.
func rowsOf[T any](t *testing.T, order ...string) func(*data.Store) any {
	by := "id"
	if len(order) > 0 {
		by = order[0]
	}
	return func(s *data.Store) any {
		rows, err := data.Records[T](s, by, "")
		if err != nil {
			t.Fatal(err)
		}
		return withoutModel(rows)
	}
}

func TestYearRegistersRoundTrip(t *testing.T) {
	s := yearStore(t)
	const year = 2026
	roundTrip(t, "培训台账", s, ExportTraining, ReadTraining, data.SaveTrainingEntries,
		rowsOf[data.TrainingCourse](t), rowsOf[data.TrainingAttendance](t))
	roundTrip(t, "谈心谈话", s, ExportTalks, ReadTalks, data.SaveRecords[data.Talk], rowsOf[data.Talk](t))
	roundTrip(t, "工作责任清单", s, ExportTasks,
		func(p string, s *data.Store) (*ImportPreview[data.DutyTask], error) { return ReadTasks(p, s, year) },
		data.SaveRecords[data.DutyTask], rowsOf[data.DutyTask](t, "year, deadline, id"))
	roundTrip(t, "问题整改台账", s, ExportProblems,
		func(p string, s *data.Store) (*ImportPreview[data.Problem], error) { return ReadProblems(p, s, year) },
		data.SaveRecords[data.Problem], rowsOf[data.Problem](t, "year, deadline, id"))
	roundTrip(t, "工作事项台账", s, ExportLedgers,
		func(p string, s *data.Store) (*ImportPreview[data.WorkItem], error) { return ReadWorkItems(p, s, year) },
		data.SaveRecords[data.WorkItem], rowsOf[data.WorkItem](t, "year, due, id"))
	roundTrip(t, "民主评议", s, ExportAppraisal,
		func(p string, s *data.Store) (*ImportPreview[data.AppraisalResult], error) {
			return ReadAppraisal(p, s, year)
		},
		data.SaveRecords[data.AppraisalResult], rowsOf[data.AppraisalResult](t))
}

func TestImprovementsRoundTrip(t *testing.T) {
	s := yearStore(t)
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	if err := ExportLedgers(path, s, YearOptions{Year: 2026}); err != nil {
		t.Fatal(err)
	}
	// The workbook's first sheet is the 工作事项台账; the reader finds the
	// sheet whose header matches the 优化前后对比台账.
	p, err := ReadImprovements(path, 2026)
	if err != nil || len(p.Errors()) > 0 {
		t.Fatal(err, p.Errors())
	}
	empty := decemberStore(t)
	if err := data.SaveRecords(empty, p.GoodRows()); err != nil {
		t.Fatal(err)
	}
	if want, got := rowsOf[data.Improvement](t)(s), rowsOf[data.Improvement](t)(empty); !reflect.DeepEqual(want, got) {
		t.Errorf("want %+v\n got %+v", want, got)
	}
}

func TestAppraisalStatisticsAndTalkMatrix(t *testing.T) {
	s := yearStore(t)
	if err := s.SaveBranch(data.Branch{Name: "测试党支部", Secretary: "张三", OrganizationMember: "欧阳娜娜"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	opt := YearOptions{Year: 2026, Today: civil.New(2026, 12, 4)}
	appraisal, talks := filepath.Join(dir, "评议.xlsx"), filepath.Join(dir, "谈话.xlsx")
	if err := ExportAppraisal(appraisal, s, opt); err != nil {
		t.Fatal(err)
	}
	h, rows := devTable(t, appraisal, "民主评议统计表")
	got := map[string]string{}
	for _, r := range rows {
		got[devCell(h, r, "等次")] = devCell(h, r, "人数") + " " + devCell(h, r, "占参评人数比例")
	}
	if got["优秀"] != "1 50.0%" || got["不合格"] != "1 50.0%" || got["合计"] != "2 100.0%" {
		t.Errorf("统计表 %v", got)
	}
	if err := ExportTalks(talks, s, opt); err != nil {
		t.Fatal(err)
	}
	h, rows = devTable(t, talks, "谈话覆盖情况")
	// The committee is 张三 and 欧阳娜娜, who talked once; 张三 has not
	// talked with 王小明, a member; nobody is asked to talk with themself.
	byName := map[string][]string{}
	for _, r := range rows {
		byName[devCell(h, r, "支委")] = r
	}
	zhang := byName["张三"]
	if devCell(h, zhang, "欧阳娜娜") != "1" || devCell(h, zhang, "张三") != "—" || devCell(h, zhang, "王小明") != "未谈" {
		t.Errorf("matrix row %v (headers %v)", zhang, h)
	}
	f := readBack(t, talks)
	title, _ := f.GetCellValue("谈话覆盖情况", "A1")
	if !strings.Contains(title, "谈心谈话覆盖") {
		t.Errorf("title %q", title)
	}
}
