package reports

import (
	"slices"
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/datatest"
)

// historyStore is a branch of seven members, two of them namesakes (张伟),
// with a committee of two.
func historyStore(t *testing.T) *data.Store {
	t.Helper()
	s := openStore(t)
	g := &data.PartyGroup{Name: "第一党小组"}
	if err := s.SaveGroup(g); err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"王书记", "李委员", "赵一", "钱二", "孙三", "张伟", "张伟"} {
		p := &data.Person{Name: name, Stage: data.StageFull, JoinDate: civil.New(2005, 7, 1), FullDate: civil.New(2006, 7, 1),
			IDNumber: datatest.IDNumber("19800101", 10+i)}
		if i < 3 {
			p.GroupID = &g.ID
		}
		if err := s.CreatePerson(p); err != nil {
			t.Fatal(err)
		}
	}
	b, _ := s.Branch()
	b.Secretary, b.OrganizationMember = "王书记", "李委员"
	if err := s.SaveBranch(b); err != nil {
		t.Fatal(err)
	}
	return s
}

// writeMeetingHistory is a 三会一课 ledger as a branch keeps it in Excel:
// a title, an example row, free 活动名称, dates with times in several
// spellings, a date-time cell, lists of names, and a 说明 block.
func writeMeetingHistory(t *testing.T, dir string) string {
	b := newSheet(t)
	b.row(1, "2025年三会一课开展情况台账")
	b.row(2, "序号", "活动名称", "会议类型", "日期", "时长", "地点", "主要内容", "主持人", "记录人",
		"应到", "实到", "参会人员", "请假人员", "党小组")
	b.row(3, "示例", "XX专题党课", "党课", "2025-01-01 14:30", "1小时", "会议室", "……", "张三", "李四", 10, 9, "张三、李四", "王五（出差）")
	b.row(4, 1, "学习二十大精神专题党课", "", "2025年3月5日 14:30-16:00", "", "三楼会议室", "学习二十大报告第一部分",
		"王书记", "李委员", 7, 6, "王书记、李委员，赵一,钱二;孙三 张伟　刘老师", "")
	b.row(5, 2, "", "支委会、党员大会", "2025.4.10 下午2点", "90分钟", "会议室", "研究发展党员工作",
		"王书记", "", "", "", "", "赵一（出差）")
	b.row(6, 3, "四月主题党日", "", 45762.375, "2小时", "烈士陵园", "", "", "", "7人", "6", "", "")
	b.row(7, 4, "党小组学习", "", "2025-05-08", "", "", "", "", "", "", "", "", "", "第三党小组")
	b.row(8, 5, "迎新春联欢", "", "2025-01-20")
	b.row(9, 6, "第一党小组会", "", "2025-05-09 16:00", "", "", "", "", "", "", "", "赵一、钱二", "", "第一党小组")
	b.row(11, "说明：1. 日期写到日；\n2. 参会人员用顿号隔开。")
	b.f.MergeCell(b.sheet, "A11", "N12")
	return b.save(dir, "三会一课台账.xlsx")
}

func TestReadMeetingHistory(t *testing.T) {
	s := historyStore(t)
	path := writeMeetingHistory(t, t.TempDir())
	imp, err := ReadMeetings(path, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := meetingRowNumbers(imp); !slices.Equal(got, []int{4, 5, 6, 7, 8, 9}) {
		t.Fatalf("rows = %v", got)
	}
	if len(imp.Skipped) != 2 || imp.Skipped[0].Row != 3 || imp.Skipped[1].Row != 11 {
		t.Errorf("skipped = %v", imp.Skipped)
	}

	lecture := meetingRowAt(t, imp, 4)
	if m := lecture.Meeting; len(lecture.Errors) > 0 || !slices.Equal(m.Types, []data.MeetingType{data.TypeLecture}) ||
		m.Title != "学习二十大精神专题党课" || m.Date != civil.New(2025, 3, 5) || m.Start != "14:30" || m.End != "16:00" ||
		m.Place != "三楼会议室" || m.Agenda != "学习二十大报告第一部分" || m.Host != "王书记" || m.HostID == nil || m.Guests != "刘老师" {
		t.Errorf("党课 row = %+v, errors %s", m, issuesText(lecture.Errors))
	}
	if !hasIssue(lecture.Warnings, "参会人员", "张伟", "同名") || !hasIssue(lecture.Warnings, "参会人员", "刘老师", "名册里没有") {
		t.Errorf("党课 warnings = %s", issuesText(lecture.Warnings))
	}
	if c := lecture.Meeting.Counts(); c.Expected != 7 || c.Present != 5 || c.Absent != 2 {
		t.Errorf("党课 counts = %+v (namesakes must not be guessed present)", c)
	}

	committee := meetingRowAt(t, imp, 5)
	if m := committee.Meeting; len(committee.Errors) > 0 ||
		!slices.Equal(m.Types, []data.MeetingType{data.TypeMembersMeeting, data.TypeCommittee}) ||
		m.Start != "14:00" || m.End != "15:30" {
		t.Errorf("支委会 row = types %v %s–%s, errors %s", m.Types, m.Start, m.End, issuesText(committee.Errors))
	}
	if c := committee.Meeting.Counts(); c.Expected != 7 || c.OnLeave != 1 || c.Present != 6 {
		t.Errorf("only 请假 listed: the others came; counts = %+v", c)
	}
	if a := committee.Meeting.Attendance; !slices.ContainsFunc(a, func(x data.MeetingAttendance) bool {
		return x.Name == "赵一" && x.Status == data.OnLeave && x.Reason == "出差"
	}) {
		t.Errorf("赵一 请假（出差） missing: %+v", a)
	}

	themeDay := meetingRowAt(t, imp, 6)
	if m := themeDay.Meeting; len(themeDay.Errors) > 0 || !m.AttendanceUnrecorded || len(m.Attendance) != 0 ||
		m.Date != civil.New(2025, 4, 15) || m.Start != "09:00" || m.End != "11:00" || m.Counts().Expected != 7 || m.Counts().Present != 6 {
		t.Errorf("主题党日 row = %+v, errors %s", m, issuesText(themeDay.Errors))
	}
	if !hasIssue(themeDay.Warnings, "", "没有参会名单") {
		t.Errorf("主题党日 warnings = %s", issuesText(themeDay.Warnings))
	}
	if r := meetingRowAt(t, imp, 7); !hasIssue(r.Errors, "党小组", "第三党小组") {
		t.Errorf("unknown group: %s", issuesText(r.Errors))
	}
	if r := meetingRowAt(t, imp, 8); !hasIssue(r.Errors, "会议类型", "没有会议类型") {
		t.Errorf("no type: %s", issuesText(r.Errors))
	}
	group := meetingRowAt(t, imp, 9) // 钱二 is of no group: 列席
	if c := group.Meeting.Counts(); len(group.Errors) > 0 || c.Expected != 3 || c.Present != 1 || c.Absent != 2 || c.Guests != 1 {
		t.Errorf("党小组会: counts %+v errors %s", c, issuesText(group.Errors))
	}
	if !hasIssue(group.Warnings, "参会人员", "王书记", "李委员", "缺席") {
		t.Errorf("党小组会: the unlisted members must be named: %s", issuesText(group.Warnings))
	}

	if err := s.ImportMeetings(imp.Good()); err != nil {
		t.Fatal(err)
	}
	stored, _ := s.Meetings(data.MeetingFilter{})
	if len(stored) != 4 {
		t.Fatalf("stored %d sittings, want 4", len(stored))
	}
	again, err := ReadMeetings(path, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.ExistingCount() != 4 || len(again.Good()) != 0 {
		t.Errorf("second read: %d existing, %d new", again.ExistingCount(), len(again.Good()))
	}
}

// The preview reports what saving would refuse (a 主持人 listed as 请假)
// and a sitting listed twice.
func TestReadMeetingsChecksWithTheStore(t *testing.T) {
	s := historyStore(t)
	b := newSheet(t)
	b.row(1, "会议类型", "日期", "主持人", "请假人员")
	b.row(2, "党员大会", "2025-03-01", "王书记", "王书记（开会）")
	b.row(3, "党员大会", "2025-03-02", "王书记", "")
	b.row(4, "支部党员大会", "2025年3月2日", "", "")
	imp, err := ReadMeetings(b.save(t.TempDir(), "a.xlsx"), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r := meetingRowAt(t, imp, 2); !hasIssue(r.Errors, "", "主持人") {
		t.Errorf("row 2: %s", issuesText(r.Errors))
	}
	if r := meetingRowAt(t, imp, 3); len(r.Errors) > 0 {
		t.Errorf("row 3: %s", issuesText(r.Errors))
	}
	if r := meetingRowAt(t, imp, 4); !hasIssue(r.Errors, "", "第 3 行") {
		t.Errorf("row 4 repeats row 3: %s", issuesText(r.Errors))
	}
	if n, _ := s.Meetings(data.MeetingFilter{}); len(n) != 0 {
		t.Errorf("the preview stored %d sittings", len(n))
	}
}

func TestMeetingCellSpellings(t *testing.T) {
	when := []struct{ in, start, end string }{
		{"2025-03-05", "", ""},
		{"2025/3/5 14:30", "14:30", ""},
		{"2025年3月5日下午2:30-4:00", "14:30", "16:00"},
		{"2025.03.05 下午2点至4点", "14:00", "16:00"},
		{"2025年3月5日14时30分", "14:30", ""},
		{"２０２５－０３－０５ １４：３０～１６：００", "14:30", "16:00"},
	}
	for _, w := range when {
		var c meetingCells
		if err := c.setWhen(w.in); err != nil || c.Date != civil.New(2025, 3, 5) || c.Start != w.start || c.End != w.end {
			t.Errorf("%q → %v %q–%q, %v", w.in, c.Date, c.Start, c.End, err)
		}
	}
	var c meetingCells
	if err := c.setWhen("2025年3月"); err == nil || !strings.Contains(err.Error(), "哪一天") {
		t.Errorf("month-only date: %v", err)
	}
	for in, want := range map[string]int{"90分钟": 90, "1.5小时": 90, "1小时30分钟": 90, "2": 120, "45": 45, "2h": 120} {
		if got, err := readDuration(in); err != nil || got != want {
			t.Errorf("duration %q = %d, %v", in, got, err)
		}
	}
	names, err := splitNames("王书记、李委员，赵一,钱二;孙三 张伟\u3000赵六（病假）")
	if err != nil || len(names) != 7 || names[6] != (nameEntry{"赵六", "病假"}) {
		t.Errorf("names = %+v, %v", names, err)
	}
	if _, err := splitNames(strings.Repeat("张三、", maxListedNames+1)); err == nil {
		t.Error("an endless name list was accepted")
	}
}

func meetingRowNumbers(imp *MeetingImport) []int {
	var out []int
	for _, r := range imp.Rows {
		out = append(out, r.Row)
	}
	return out
}

func meetingRowAt(t *testing.T, imp *MeetingImport, row int) *MeetingRow {
	t.Helper()
	for i := range imp.Rows {
		if imp.Rows[i].Row == row {
			return &imp.Rows[i]
		}
	}
	t.Fatalf("no row %d (rows %v)", row, meetingRowNumbers(imp))
	return nil
}
