// Command benchdata writes the inputs of `make bench`:
//
//	benchdata members FILE N        a 党员名册 workbook of N members, as the app exports it
//	benchdata activists FILE N      an 入党积极分子 sheet of N people with 8 step dates each
//	benchdata contacts FILE 3       a 党员名册 of the 谈话人 and 培养联系人 the activists sheet names
//	benchdata store DIR N YEARS     a data folder with N members and YEARS of 三会一课
//
// The people are deterministic, valid and distinct (ID numbers with correct
// check digits), spread over four 党小组.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/idcard"
	"partyoffice/reports"
)

const branchName = "银川市第一小学党支部"

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "benchdata:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) < 3 {
		return fmt.Errorf("usage: benchdata members|activists FILE N | store DIR N YEARS")
	}
	n, err := strconv.Atoi(args[2])
	if err != nil {
		return err
	}
	switch args[0] {
	case "members":
		return membersFile(args[1], people(n))
	case "contacts":
		return membersFile(args[1], contacts())
	case "activists":
		return activistsFile(args[1], n)
	case "store":
		if len(args) < 4 {
			return fmt.Errorf("store needs YEARS")
		}
		years, err := strconv.Atoi(args[3])
		if err != nil {
			return err
		}
		return bigStore(args[1], n, years)
	}
	return fmt.Errorf("unknown kind %q", args[0])
}

// people are n distinct valid members.
func people(n int) []data.Person {
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
	given := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂")
	out := make([]data.Person, n)
	for i := range out {
		birth := fmt.Sprintf("19%02d%02d%02d", 50+i/(12*28)%30, 1+i/28%12, 1+i%28)
		first17 := fmt.Sprintf("640106%s%03d", birth, (11+2*(i/10080))%1000)
		out[i] = data.Person{
			Name: string([]rune{surnames[i%len(surnames)], given[i/len(surnames)%len(given)],
				given[i/(len(surnames)*len(given))%len(given)]}), // distinct for the first 11,520
			IDNumber:  first17 + string(idcard.CheckDigit(first17)),
			Ethnicity: "汉族", Education: "大学本科", Stage: data.StageFull, BranchName: branchName,
			JoinDate: civil.New(2000+i%20, 1+i%12, 0), FullDate: civil.New(2001+i%20, 1+i%12, 0),
			Post: "语文教师", Mobile: fmt.Sprintf("138%08d", i), Address: "银川市金凤区北京中路1号",
			Standing: data.StandingNormal, WorkStart: civil.New(1995+i%20, 9, 1), Title: "一级教师",
			GroupName: fmt.Sprintf("第%d党小组", 1+i%4), Remark: "导入测试",
		}
		out[i].Normalize()
	}
	return out
}

func openStore(dir string) (*data.Store, error) {
	s, err := data.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := s.SaveBranch(data.Branch{Name: branchName, Superior: "金凤区教育党工委"}); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// membersFile exports n members from a scratch store: the file an office
// would import is the one the app writes.
func membersFile(path string, members []data.Person) error {
	dir, err := os.MkdirTemp("", "benchdata")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	s, err := openStore(dir)
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.ImportPeople(members, data.ImportSkipExisting, "benchdata"); err != nil {
		return err
	}
	return reports.ExportMembers(path, s, reports.ExportOptions{})
}

// contactNames are the members the activists sheet names.
var contactNames = []string{"赵建军", "钱学敏", "孙晓燕"}

// contacts are the members named by the activists sheet, with people's
// ID numbers from far past the generated ones.
func contacts() []data.Person {
	all := people(11000)
	out := make([]data.Person, len(contactNames))
	for i, name := range contactNames {
		out[i] = all[10500+i]
		out[i].Name = name
	}
	return out
}

// activistsFile writes n people as an office's own 积极分子 register lists
// them: 申请, 谈话, 确定为积极分子, 备案, 培养联系人, 思想汇报, 考察 and the
// 团组织推优 — eight step dates each.
func activistsFile(path string, n int) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	header := []any{"姓名", "公民身份号码", "申请入党时间", "谈话时间", "谈话人", "推荐方式", "团组织推优时间",
		"确定为入党积极分子时间", "备案时间", "培养联系人", "指定培养联系人时间", "思想汇报次数",
		"最近一次思想汇报", "最近一次考察"}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	for i, p := range people(n) {
		row := []any{p.Name, p.IDNumber, "2023.3.1", "2023.3.20", "赵建军", "党员推荐", "2023.9.1",
			"2023.10.1", "2023.10.15", "钱学敏、孙晓燕", "2023.10.8", 3, "2024.3.1", "2024.4.1"}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// bigStore fills dir with n members and years of 三会一课 up to last month:
// a monthly 支委会 and a quarterly 支部党员大会 with 党课, everyone expected
// present (years × 4 × n attendance rows).
func bigStore(dir string, n, years int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	s, err := openStore(filepath.Clean(dir))
	if err != nil {
		return err
	}
	defer s.Close()
	members := people(n)
	if _, err := s.ImportPeople(members, data.ImportSkipExisting, "benchdata"); err != nil {
		return err
	}
	if err := s.SaveBranch(data.Branch{Name: branchName, Superior: "金凤区教育党工委",
		Secretary: members[0].Name, OrganizationMember: members[1].Name, PropagandaMember: members[2].Name}); err != nil {
		return err
	}
	basis, err := s.AttendanceBasis()
	if err != nil {
		return err
	}
	today := civil.Today()
	var ms []*data.Meeting
	for m := years * 12; m >= 1; m-- {
		month := today.AddMonths(-m)
		day := func(d int) civil.Date { return civil.New(month.Year, month.Month, d) }
		ms = append(ms, sitting(&basis, day(5), "支部委员会会议", data.TypeCommittee))
		if month.Month%3 == 0 {
			ms = append(ms, sitting(&basis, day(20), "支部党员大会", data.TypeMembersMeeting, data.TypeLecture))
		}
	}
	return s.SaveMeetings(ms)
}

func sitting(b *data.AttendanceBasis, d civil.Date, title string, types ...data.MeetingType) *data.Meeting {
	m := &data.Meeting{Title: title, Types: types, Date: d, Start: "14:30", End: "16:00",
		Place: "会议室", Host: "赵建军", Recorder: "钱学敏", Agenda: "学习", Resolution: "无",
		Lecturer: "赵建军", Topic: "党章学习"}
	for _, p := range b.Expected(types, d, nil) {
		m.Attendance = append(m.Attendance, data.MeetingAttendance{PersonID: p.ID, Name: p.Name, Status: data.Present})
	}
	return m
}
