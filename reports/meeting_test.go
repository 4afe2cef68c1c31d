package reports

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/compliance"
)

// meetingStore is a branch of eight members in two groups with a first
// half-year of sittings: a 党员大会 + 主题党日 with a vote, a 支委会, the
// groups' meetings, a 党课, some absences, and formula-like text.
func meetingStore(t *testing.T) (*data.Store, []data.Meeting) {
	t.Helper()
	s := openStore(t)
	groups := map[string]uint{}
	for _, name := range []string{"第一党小组", "第二党小组"} {
		g := &data.PartyGroup{Name: name}
		if err := s.SaveGroup(g); err != nil {
			t.Fatal(err)
		}
		groups[name] = g.ID
	}
	posts := map[string]string{"王书记": "党支部书记", "李委员": "组织委员", "张委员": "宣传委员"}
	for i, name := range []string{"王书记", "李委员", "张委员", "赵一", "钱二", "孙三", "周四", "吴五"} {
		g := groups["第一党小组"]
		if i%2 == 1 {
			g = groups["第二党小组"]
		}
		p := &data.Person{Name: name, Stage: data.StageFull, JoinDate: civil.New(2005, 7, 1), FullDate: civil.New(2006, 7, 1),
			GroupID: &g, PartyPost: posts[name]}
		if name == "吴五" {
			p.Stage, p.JoinDate, p.FullDate = data.StageProbationer, civil.New(2025, 12, 1), civil.Date{}
		}
		if err := s.CreatePerson(p); err != nil {
			t.Fatal(err)
		}
	}
	b, _ := s.Branch()
	b.Secretary = "王书记"
	if err := s.SaveBranch(b); err != nil {
		t.Fatal(err)
	}
	basis, err := s.AttendanceBasis()
	if err != nil {
		t.Fatal(err)
	}
	people, _ := s.People()
	id := func(name string) *uint {
		for _, p := range people {
			if p.Name == name {
				return &p.ID
			}
		}
		t.Fatalf("no %s", name)
		return nil
	}
	g1, g2 := groups["第一党小组"], groups["第二党小组"]
	type sitting struct {
		date    civil.Date
		types   []data.MeetingType
		group   *uint
		absent  map[string]data.Presence
		prepare func(m *data.Meeting)
	}
	plan := []sitting{
		{civil.New(2026, 1, 8), []data.MeetingType{data.TypeCommittee}, nil, nil, nil},
		{civil.New(2026, 2, 14), []data.MeetingType{data.TypeMembersMeeting, data.TypeThemeDay}, nil,
			map[string]data.Presence{"赵一": data.OnLeave, "孙三": data.Absent}, func(m *data.Meeting) {
				m.Agenda = "=SUM(A1) 学习党章\n讨论年度计划"
				m.Speeches = []data.MeetingSpeech{{PersonID: id("李委员"), Content: "同意年度计划。\n建议增加志愿服务。"}}
				v := m.SuggestedVote()
				v.For, v.Abstain = v.Present-1, 1
				m.Decisions = []data.MeetingDecision{{Kind: data.DecideGeneral, Subject: "通过2026年度工作计划",
					Method: "举手表决", Vote: v}}
				m.Resolution = "通过2026年度工作计划。"
			}},
		{civil.New(2026, 3, 12), []data.MeetingType{data.TypeGroupMeeting}, &g1, nil, nil},
		{civil.New(2026, 3, 13), []data.MeetingType{data.TypeGroupMeeting}, &g2,
			map[string]data.Presence{"孙三": data.Absent}, nil},
		{civil.New(2026, 3, 26), []data.MeetingType{data.TypeLecture}, nil, nil, func(m *data.Meeting) {
			m.LecturerID, m.Topic = id("王书记"), "学习贯彻党的二十届四中全会精神"
		}},
		{civil.New(2026, 5, 20), []data.MeetingType{data.TypeMembersMeeting}, nil, map[string]data.Presence{"赵一": data.OnLeave}, nil},
	}
	for _, sp := range plan {
		m := basis.NewMeeting(sp.types, sp.date, sp.group)
		m.Place, m.Start, m.End = "学校会议室", "15:30", "17:00"
		m.HostID, m.RecorderID = id("王书记"), id("李委员")
		for name, presence := range sp.absent {
			a := m.AttendanceOf(*id(name))
			a.Status, a.Reason = presence, "外出学习"
		}
		if sp.prepare != nil {
			sp.prepare(&m)
		}
		if err := s.SaveMeeting(&m); err != nil {
			t.Fatalf("%s: %v", sp.date, err)
		}
	}
	if err := s.SaveClassLog(&data.ClassLog{Date: civil.New(2026, 3, 5), Kind: data.ClassListen, Class: "五（1）班", Topic: "道德与法治", Hours: 1}); err != nil {
		t.Fatal(err)
	}
	list, err := s.Meetings(data.MeetingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return s, list
}

var meetingToday = civil.New(2026, 6, 30)

// sheetTable reads a register sheet as header → column and the data rows.
func sheetTable(t *testing.T, path string) (map[string]int, [][]string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string]int{}
	for i, h := range rows[headerRow-1] {
		cols[h] = i
	}
	var body [][]string
	for _, r := range rows[firstRow-1:] {
		if len(r) > 1 { // the signature row has one cell
			body = append(body, r)
		}
	}
	return cols, body
}

func cellOf(r []string, i int) string {
	if i < len(r) {
		return r[i]
	}
	return ""
}

func TestExportMeetingSummaryMatchesTheStore(t *testing.T) {
	s, list := meetingStore(t)
	path := filepath.Join(t.TempDir(), "统计表.xlsx")
	if err := ExportMeetingSummary(path, s, MeetingReportOptions{Year: 2026, Quarter: 1, Today: meetingToday}); err != nil {
		t.Fatal(err)
	}
	cols, body := sheetTable(t, path)
	for _, h := range []string{"项目", "要求", "1月", "2月", "3月", "合计", "应开展", "完成情况"} {
		if _, ok := cols[h]; !ok {
			t.Fatalf("no column %s in %v", h, cols)
		}
	}
	byLabel := map[string][]string{}
	for _, r := range body {
		byLabel[r[cols["项目"]]] = r
	}
	for _, typ := range data.BuiltinMeetingTypes {
		r := byLabel[string(typ)]
		if r == nil {
			t.Errorf("no row for %s", typ)
			continue
		}
		total := 0
		for month := 1; month <= 3; month++ {
			want := 0
			for _, m := range list {
				if m.HasType(typ) && m.Date.Month == month && m.Date.Year == 2026 {
					want++
				}
			}
			total += want
			if got := cellOf(r, cols[fmt.Sprintf("%d月", month)]); got != strconv.Itoa(want) {
				t.Errorf("%s %d月: %q, want %d", typ, month, got, want)
			}
		}
		if got := cellOf(r, cols["合计"]); got != strconv.Itoa(total) {
			t.Errorf("%s 合计 %q, want %d", typ, got, total)
		}
	}
	if r := byLabel[string(data.TypeMembersMeeting)]; cellOf(r, cols["应开展"]) != "1" || cellOf(r, cols["完成情况"]) != "已完成" {
		t.Errorf("党员大会 Q1: %v", r)
	}
	if r := byLabel[string(data.TypeThemeDay)]; cellOf(r, cols["完成情况"]) != "未完成：1月、3月" {
		t.Errorf("主题党日 Q1: %v", r)
	}
	if r := byLabel["支部书记听思政课（次）"]; cellOf(r, cols["3月"]) != "1" {
		t.Errorf("听课 row: %v", r)
	}
}

func TestExportMeetingAttendanceMatchesTheStore(t *testing.T) {
	s, list := meetingStore(t)
	path := filepath.Join(t.TempDir(), "考勤表.xlsx")
	if err := ExportMeetingAttendance(path, s, MeetingReportOptions{Year: 2026, Quarter: 1, Today: meetingToday}); err != nil {
		t.Fatal(err)
	}
	cols, body := sheetTable(t, path)
	var inSpan []data.Meeting
	for _, m := range list {
		if m.Date.Month <= 3 {
			inSpan = append(inSpan, m)
		}
	}
	if len(body) != 8 {
		t.Fatalf("%d rows, want 8 members", len(body))
	}
	people, _ := s.People()
	byName := map[string]data.Person{}
	for _, p := range people {
		byName[p.Name] = p
	}
	for _, r := range body {
		p := byName[r[cols[data.FieldName]]]
		expected, present := 0, 0
		for _, m := range inSpan {
			header := SittingHeader(&m, groupNames(t, s))
			j, ok := cols[header]
			if !ok {
				t.Fatalf("no column %q in %v", header, cols)
			}
			want := ""
			if a := m.AttendanceOf(p.ID); a != nil {
				want = PresenceMark(a.Status)
				if a.Expected {
					expected++
					if a.Status == data.Present {
						present++
					}
				}
			}
			if got := cellOf(r, j); got != want {
				t.Errorf("%s at %s: %q, want %q", p.Name, header, got, want)
			}
		}
		if cellOf(r, cols["应参加"]) != strconv.Itoa(expected) || cellOf(r, cols["出席"]) != strconv.Itoa(present) {
			t.Errorf("%s totals: %v (want %d/%d)", p.Name, r, present, expected)
		}
	}
}

func groupNames(t *testing.T, s *data.Store) map[uint]string {
	groups, err := s.Groups()
	if err != nil {
		t.Fatal(err)
	}
	out := map[uint]string{}
	for _, g := range groups {
		out[g.ID] = g.Name
	}
	return out
}

func TestAttendanceOfAYearShowsMonths(t *testing.T) {
	d := &compliance.Data{Settings: data.DefaultMeetingSettings()}
	for i := 0; i < 30; i++ {
		d.Meetings = append(d.Meetings, data.Meeting{Model: data.Model{ID: uint(i + 1)},
			Date: civil.New(2026, i%12+1, 2), Types: []data.MeetingType{data.TypeThemeDay},
			Attendance: []data.MeetingAttendance{{PersonID: 1, Name: "甲", Status: data.Present, Expected: true}}})
	}
	d.People = []data.Person{{Model: data.Model{ID: 1}, Name: "甲", Stage: data.StageFull, Roll: data.RollActive,
		JoinDate: civil.New(2000, 1, 1), FullDate: civil.New(2001, 1, 1)}}
	mx := compliance.New(d, civil.New(2026, 12, 31)).Participation(civil.New(2026, 1, 1), civil.New(2026, 12, 31))
	reg, legend := AttendanceRegister(mx)
	if legend != monthlyLegend || reg.Columns[3].Header != "1月" {
		t.Fatalf("a year of 30 sittings should show months: %s / %s", legend, reg.Columns[3].Header)
	}
	if got := reg.Columns[3].Get(&mx.Rows[0]); got != "3/3" {
		t.Errorf("January: %v", got)
	}
}

// minutesSheet reads one minutes page as label → value (column A → B, and
// C → D on paired rows).
func minutesSheet(t *testing.T, f *excelize.File, sheet string) (map[string]string, [][]string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 && r[0] != "" {
			out[r[0]] += r[1]
		}
		if len(r) >= 4 && r[2] != "" {
			out[r[2]] = r[3]
		}
	}
	return out, rows
}

func TestExportMinutesMatchesTheStore(t *testing.T) {
	s, list := meetingStore(t)
	path := filepath.Join(t.TempDir(), "会议记录.xlsx")
	if err := ExportMinutes(path, s, MeetingReportOptions{Year: 2026, Today: meetingToday}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != len(list) {
		t.Fatalf("%d sheets for %d sittings: %v", len(sheets), len(list), sheets)
	}
	for i, m := range list {
		got, rows := minutesSheet(t, f, sheets[i])
		c := m.Counts()
		want := map[string]string{
			"会议名称": m.DisplayTitle(), "会议类型": m.TypeNames(), "时　　间": m.Date.Chinese() + " " + m.TimeSpan(),
			"地　　点": m.Place, "主 持 人": m.Host, "记 录 人": m.Recorder,
			"应到人数": strconv.Itoa(c.Expected), "实到人数": strconv.Itoa(c.Present),
			"出席人员": PeopleWithReasons(&m, data.Present),
			"请假人员": PeopleWithReasons(&m, data.OnLeave), "缺席人员": PeopleWithReasons(&m, data.Absent),
			"决议事项": orNone(m.Resolution),
		}
		// A 党课 or 主题党日 prints its 议题 as the 内容摘要 of its 内容 section.
		if m.HasType(data.TypeLecture) || m.HasType(data.TypeThemeDay) {
			want["内容摘要"], want["主 讲 人"], want["题　　目"] = orNone(m.Agenda), orNone(m.Lecturer), orNone(m.Topic)
		} else {
			want["议　　题"] = orNone(m.Agenda)
		}
		for label, w := range want {
			if got[label] != w {
				t.Errorf("%s %s: %q, want %q", sheets[i], label, got[label], w)
			}
		}
		for _, sp := range m.Speeches {
			// A speech is its own row, speaker then content (the label map
			// above can be overwritten by a paired row naming the same person).
			if !slices.ContainsFunc(rows, func(r []string) bool { return len(r) >= 2 && r[0] == sp.Speaker && r[1] == sp.Content }) {
				t.Errorf("%s: no row with the speech of %s (%q): %q", sheets[i], sp.Speaker, sp.Content, rows)
			}
		}
		if len(m.Decisions) > 0 && !strings.Contains(got["表决事项"], "表决结果：通过") {
			t.Errorf("%s decision: %q", sheets[i], got["表决事项"])
		}
		for label, count := range map[string]int{"应到人数": c.Expected, "实到人数": c.Present} {
			cells, _ := f.SearchSheet(sheets[i], label)
			if len(cells) != 1 {
				t.Fatalf("%s: %s found at %v", sheets[i], label, cells)
			}
			{
				col, row, _ := excelize.CellNameToCoordinates(cells[0])
				if typ, _ := f.GetCellType(sheets[i], cellName(col+1, row)); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
					t.Errorf("%s %s (%d) is not a number: %v", sheets[i], label, count, typ)
				}
			}
		}
		last := rows[len(rows)-1]
		if len(last) == 0 || last[0] != MinutesSignature {
			t.Errorf("%s: no signature line at the foot: %v", sheets[i], last)
		}
		layout, err := f.GetPageLayout(sheets[i])
		if err != nil || layout.Orientation == nil || *layout.Orientation != "portrait" || *layout.Size != 9 {
			t.Errorf("%s: page layout %+v %v", sheets[i], layout, err)
		}
	}
	// Text that looks like a formula stays text.
	for i, m := range list {
		if !strings.HasPrefix(m.Agenda, "=") {
			continue
		}
		cells, _ := f.SearchSheet(sheets[i], "学习党章", true)
		if len(cells) != 1 {
			t.Fatalf("agenda cell not found: %v", cells)
		}
		if formula, _ := f.GetCellFormula(sheets[i], cells[0]); formula != "" {
			t.Errorf("agenda written as a formula: %q", formula)
		}
	}
}

func TestMeetingExportRefusals(t *testing.T) {
	s, _ := meetingStore(t)
	dir := t.TempDir()
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"no sittings", ExportMinutes(filepath.Join(dir, "a.xlsx"), s, MeetingReportOptions{Year: 2025, Today: meetingToday}), "没有会议记录"},
		{"bad year", ExportMeetingSummary(filepath.Join(dir, "b.xlsx"), s, MeetingReportOptions{Year: 26}), "年份"},
		{"bad quarter", ExportMeetingAttendance(filepath.Join(dir, "c.xlsx"), s, MeetingReportOptions{Year: 2026, Quarter: 5}), "季度"},
		{"not xlsx", ExportMinutes(filepath.Join(dir, "d.xls"), s, MeetingReportOptions{Year: 2026}), ".xlsx"},
		{"empty quarter attendance", ExportMeetingAttendance(filepath.Join(dir, "e.xlsx"), s, MeetingReportOptions{Year: 2026, Quarter: 4, Today: meetingToday}), "没有会议记录"},
	}
	for _, c := range cases {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", c.name, c.err, c.want)
		}
	}
}
