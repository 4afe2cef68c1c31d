package data

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// meetingBranch is a small branch with the cases 应到 must handle: a
// committee named in the branch information or by 党内职务, a 预备党员, a
// member under 留党察看, one whose 党籍 is stopped, one who joined after and
// one who left before some meetings, in two 党小组.
type meetingBranch struct {
	s      *Store
	people map[string]*Person
	groups map[string]uint
}

func newMeetingBranch(t *testing.T) *meetingBranch {
	t.Helper()
	s := openTemp(t)
	b := &meetingBranch{s: s, people: map[string]*Person{}, groups: map[string]uint{}}
	for _, name := range []string{"一组", "二组"} {
		g := &PartyGroup{Name: name}
		if err := s.SaveGroup(g); err != nil {
			t.Fatal(err)
		}
		b.groups[name] = g.ID
	}
	add := func(name, group string, change func(p *Person)) {
		gid := b.groups[group]
		p := &Person{Name: name, Stage: StageFull, JoinDate: d("2005-07-01"), FullDate: d("2006-07-01"), GroupID: &gid}
		if change != nil {
			change(p)
		}
		if err := s.CreatePerson(p); err != nil {
			t.Fatal(err)
		}
		b.people[name] = p
	}
	add("王书记", "一组", func(p *Person) { p.PartyPost = "党支部书记" })
	add("李组织", "一组", nil)
	add("张宣传", "二组", func(p *Person) { p.PartyPost = "宣传委员" })
	add("赵党员", "二组", nil)
	add("钱预备", "一组", func(p *Person) {
		p.Stage, p.JoinDate, p.FullDate = StageProbationer, d("2025-09-01"), d("")
	})
	add("周新人", "二组", func(p *Person) {
		p.Stage, p.JoinDate, p.FullDate = StageProbationer, d("2026-03-01"), d("")
	})
	add("吴转出", "二组", func(p *Person) { p.Roll, p.RollDate = RollTransferred, d("2026-01-10") })
	add("郑察看", "一组", func(p *Person) { p.Disciplined, p.DisciplineEnd = true, d("2027-06-30") })
	add("冯停籍", "二组", func(p *Person) { p.Standing = StandingSuspended })
	add("陈组长", "一组", func(p *Person) { p.PartyPost = "党小组组长" })
	if err := s.SaveBranch(Branch{Name: "测试党支部", Secretary: "王书记", OrganizationMember: "李 组织"}); err != nil {
		t.Fatal(err)
	}
	return b
}

func (b *meetingBranch) basis(t *testing.T) AttendanceBasis {
	t.Helper()
	basis, err := b.s.AttendanceBasis()
	if err != nil {
		t.Fatal(err)
	}
	return basis
}

func (b *meetingBranch) id(name string) uint { return b.people[name].ID }

func (b *meetingBranch) idp(name string) *uint { id := b.id(name); return &id }

func attendeeNames(rows []MeetingAttendance, onlyExpected bool) string {
	var out []string
	for _, a := range rows {
		if a.Expected || !onlyExpected {
			out = append(out, a.Name)
		}
	}
	return strings.Join(out, " ")
}

func sameNames(got, want string) bool {
	g, w := strings.Fields(got), strings.Fields(want)
	if len(g) != len(w) {
		return false
	}
	set := map[string]bool{}
	for _, n := range g {
		set[n] = true
	}
	for _, n := range w {
		if !set[n] {
			return false
		}
	}
	return true
}

func TestExpectedAttendanceFollowsTypeAndRegister(t *testing.T) {
	b := newMeetingBranch(t)
	basis := b.basis(t)
	group1 := b.groups["一组"]
	cases := []struct {
		name  string
		types []MeetingType
		date  string
		group *uint
		want  string
	}{
		{"党员大会 before the transfer", []MeetingType{TypeMembersMeeting}, "2026-01-05", nil,
			"王书记 李组织 张宣传 赵党员 钱预备 吴转出 郑察看 陈组长"},
		{"党员大会 after the transfer, before the new member", []MeetingType{TypeMembersMeeting, TypeThemeDay}, "2026-02-10", nil,
			"王书记 李组织 张宣传 赵党员 钱预备 郑察看 陈组长"},
		{"党员大会 after the new member joined", []MeetingType{TypeMembersMeeting}, "2026-03-10", nil,
			"王书记 李组织 张宣传 赵党员 钱预备 周新人 郑察看 陈组长"},
		{"支委会: named in the branch or by post, not the 组长", []MeetingType{TypeCommittee}, "2026-03-10", nil,
			"王书记 李组织 张宣传"},
		{"党小组会", []MeetingType{TypeGroupMeeting}, "2026-03-10", &group1,
			"王书记 李组织 钱预备 郑察看 陈组长"},
		{"主题党日 held as a 党小组会 expects the group", []MeetingType{TypeGroupMeeting, TypeThemeDay}, "2026-03-10", &group1,
			"王书记 李组织 钱预备 郑察看 陈组长"},
		{"党课 alone expects everyone", []MeetingType{TypeLecture}, "2026-03-10", nil,
			"王书记 李组织 张宣传 赵党员 钱预备 周新人 郑察看 陈组长"},
		{"意识形态专题会议 expects the committee", []MeetingType{TypeIdeology}, "2026-03-10", nil,
			"王书记 李组织 张宣传"},
	}
	for _, c := range cases {
		m := basis.NewMeeting(c.types, d(c.date), c.group)
		if got := attendeeNames(m.Attendance, true); !sameNames(got, c.want) {
			t.Errorf("%s: expected %q, want %q", c.name, got, c.want)
		}
	}
	m := basis.NewMeeting([]MeetingType{TypeMembersMeeting}, d("2026-03-10"), nil)
	for _, a := range m.Attendance {
		wantVoter := a.Name != "钱预备" && a.Name != "周新人" && a.Name != "郑察看"
		if a.Voter != wantVoter || a.Status != Present {
			t.Errorf("%s: voter %v status %s", a.Name, a.Voter, a.Status)
		}
	}
	c := m.Counts()
	if c.Expected != 8 || c.Voters != 5 || c.Present != 8 || c.Probationers != 3 {
		t.Errorf("counts: %+v", c)
	}
	if v := m.SuggestedVote(); v.Expected != 5 || v.Present != 5 {
		t.Errorf("suggested vote: %+v", v)
	}
}

func TestBranchWithoutCommitteeHasOnlyItsSecretary(t *testing.T) {
	b := newMeetingBranch(t)
	br, _ := b.s.Branch()
	br.NoCommittee = true
	if err := b.s.SaveBranch(br); err != nil {
		t.Fatal(err)
	}
	basis := b.basis(t)
	m := basis.NewMeeting([]MeetingType{TypeCommittee}, d("2026-03-10"), nil)
	if got := attendeeNames(m.Attendance, true); got != "王书记" {
		t.Errorf("no 支委会: expected %q", got)
	}
}

// sitting is a 支部党员大会 of 2026-03-10 with everyone present but two.
func (b *meetingBranch) sitting(t *testing.T) Meeting {
	t.Helper()
	basis := b.basis(t)
	m := basis.NewMeeting([]MeetingType{TypeMembersMeeting, TypeThemeDay}, d("2026-03-10"), nil)
	m.Place, m.Start, m.End = "学校会议室", "14:30", "16点"
	m.HostID, m.RecorderID = b.idp("王书记"), b.idp("李组织")
	m.Agenda = "1. 学习党章\r\n2. 讨论接收预备党员  \n"
	for i := range m.Attendance {
		switch m.Attendance[i].Name {
		case "赵党员":
			m.Attendance[i].Status, m.Attendance[i].Reason = OnLeave, "外出培训"
		case "陈组长":
			m.Attendance[i].Status, m.Attendance[i].Reason = Absent, "　无故缺席 "
		}
	}
	m.Speeches = []MeetingSpeech{{PersonID: b.idp("张宣传"), Content: "同意。"}}
	return m
}

func TestSaveMeetingDerivesCountsAndAudits(t *testing.T) {
	b := newMeetingBranch(t)
	m := b.sitting(t)
	// Someone not expected who came is 列席, whatever was ticked.
	m.Attendance = append(m.Attendance, MeetingAttendance{PersonID: b.id("冯停籍"), Status: Present})
	if err := b.s.SaveMeeting(&m); err != nil {
		t.Fatal(err)
	}
	got, err := b.s.Meeting(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	c := got.Counts()
	if c.Expected != 8 || c.Present != 6 || c.OnLeave != 1 || c.Absent != 1 || c.Guests != 1 {
		t.Errorf("counts: %+v", c)
	}
	if a := got.AttendanceOf(b.id("冯停籍")); a == nil || a.Status != Attender || a.Expected {
		t.Errorf("冯停籍: %+v", a)
	}
	if got.Host != "王书记" || got.Recorder != "李组织" || got.Speeches[0].Speaker != "张宣传" {
		t.Errorf("names not resolved: %q %q %+v", got.Host, got.Recorder, got.Speeches)
	}
	if got.End != "16:00" || got.Agenda != "1. 学习党章\n2. 讨论接收预备党员" {
		t.Errorf("tidy: end %q agenda %q", got.End, got.Agenda)
	}
	if a := got.AttendanceOf(b.id("陈组长")); a.Reason != "无故缺席" {
		t.Errorf("reason %q", a.Reason)
	}
	if !got.HasType(TypeThemeDay) || got.TypeNames() != "支部党员大会、主题党日" {
		t.Errorf("types %v", got.Types)
	}
	log, _ := b.s.AuditLog(AuditFilter{Entity: entityMeeting})
	if len(log) != 1 || !strings.Contains(log[0].Summary, "应到 8 人，实到 6 人") {
		t.Errorf("audit: %+v", log)
	}
	list, err := b.s.Meetings(MeetingFilter{Type: TypeThemeDay})
	if err != nil || len(list) != 1 {
		t.Errorf("filter by type: %d %v", len(list), err)
	}
	if list, _ := b.s.Meetings(MeetingFilter{Type: TypeLecture}); len(list) != 0 {
		t.Errorf("党课 filter found %d", len(list))
	}
	// Searching ignores the case of Latin letters on both backends, and a
	// % is a percent sign.
	for text, want := range map[string]int{"会议室": 1, "学校会议室": 1, "%": 0, "图书馆": 0} {
		if list, _ := b.s.Meetings(MeetingFilter{Text: text}); len(list) != want {
			t.Errorf("search %q found %d, want %d", text, len(list), want)
		}
	}
	got.Place = "Room 101 会议室"
	if err := b.s.SaveMeeting(&got); err != nil {
		t.Fatal(err)
	}
	if list, _ := b.s.Meetings(MeetingFilter{Text: "room 101"}); len(list) != 1 {
		t.Errorf("search in another case found %d", len(list))
	}
}

func TestSaveMeetingRefusals(t *testing.T) {
	b := newMeetingBranch(t)
	cases := []struct {
		name   string
		change func(m *Meeting)
		want   string
	}{
		{"no types", func(m *Meeting) { m.Types = nil }, "会议类型"},
		{"unknown type", func(m *Meeting) { m.Types = append(m.Types, "联欢会") }, "不认识"},
		{"future", func(m *Meeting) { m.Date = d("2099-01-01") }, "今天之后"},
		{"month only", func(m *Meeting) { m.Date = d("2026-03") }, "不完整"},
		{"no host", func(m *Meeting) { m.HostID, m.Host = nil, "" }, "主持人"},
		{"end before start", func(m *Meeting) { m.End = "13:00" }, "晚于开始时间"},
		{"bad time", func(m *Meeting) { m.Start = "午后" }, "看不懂"},
		{"lecture without topic", func(m *Meeting) {
			m.Types = append(m.Types, TypeLecture)
			m.Lecturer = "王书记"
		}, "题目"},
		{"missing an expected person", func(m *Meeting) { m.Attendance = m.Attendance[1:] }, "还没有登记出席情况"},
		{"leave without reason", func(m *Meeting) {
			m.Attendance[0].Status, m.Attendance[0].Reason = OnLeave, ""
		}, "原因"},
		{"expected person as 列席", func(m *Meeting) { m.Attendance[0].Status = Attender }, "应到人员"},
		{"group meeting without group", func(m *Meeting) { m.Types = []MeetingType{TypeGroupMeeting} }, "哪个党小组"},
		{"committee and group", func(m *Meeting) { m.Types = []MeetingType{TypeCommittee, TypeGroupMeeting} }, "不能既是"},
		{"empty speech", func(m *Meeting) { m.Speeches[0].Content = " " }, "没有内容"},
		{"recorder on leave", func(m *Meeting) {
			a := m.AttendanceOf(*m.RecorderID)
			a.Status, a.Reason = OnLeave, "病假"
		}, "记录人李组织在考勤中登记为请假"},
		{"speaker absent", func(m *Meeting) {
			a := m.AttendanceOf(*m.Speeches[0].PersonID)
			a.Status, a.Reason = Absent, "未请假"
		}, "发言人张宣传"},
	}
	for _, c := range cases {
		m := b.sitting(t)
		c.change(&m)
		err := b.s.SaveMeeting(&m)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", c.name, err, c.want)
		}
	}
	if list, _ := b.s.Meetings(MeetingFilter{}); len(list) != 0 {
		t.Errorf("refused meetings were stored: %d", len(list))
	}
}

func TestCommitteeMeetingWithoutCommitteeSaysWhatToFill(t *testing.T) {
	s := openTemp(t)
	p := member("张三", "")
	p.JoinDate, p.FullDate = d("2000-01-01"), d("2001-01-01")
	if err := s.CreatePerson(p); err != nil {
		t.Fatal(err)
	}
	basis, _ := s.AttendanceBasis()
	m := basis.NewMeeting([]MeetingType{TypeCommittee}, d("2026-03-10"), nil)
	m.Host, m.Recorder = "张三", "张三"
	err := s.SaveMeeting(&m)
	if err == nil || !strings.Contains(err.Error(), "支部委员") {
		t.Errorf("got %v", err)
	}
}

func TestUpdateKeepsTheRecordedAttendees(t *testing.T) {
	b := newMeetingBranch(t)
	m := b.sitting(t)
	m.Types = []MeetingType{TypeCommittee}
	m.Attendance = nil
	basis := b.basis(t)
	m.Attendance = basis.PrepareAttendance(&m)
	if err := b.s.SaveMeeting(&m); err != nil {
		t.Fatal(err)
	}
	// The committee changes later: old minutes keep their 应到.
	br, _ := b.s.Branch()
	br.OrganizationMember = "赵党员"
	if err := b.s.SaveBranch(br); err != nil {
		t.Fatal(err)
	}
	stored, _ := b.s.Meeting(m.ID)
	stored.Place = "会议室二"
	if err := b.s.SaveMeeting(&stored); err != nil {
		t.Fatal(err)
	}
	got, _ := b.s.Meeting(m.ID)
	if n := attendeeNames(got.Attendance, true); !sameNames(n, "王书记 李组织 张宣传") || got.Place != "会议室二" {
		t.Errorf("after an edit: %q %q", n, got.Place)
	}
	// Changing the date asks the register again.
	got.Date = d("2026-03-11")
	basis = b.basis(t)
	got.Attendance = basis.PrepareAttendance(&got)
	if err := b.s.SaveMeeting(&got); err != nil {
		t.Fatal(err)
	}
	got, _ = b.s.Meeting(m.ID)
	if n := attendeeNames(got.Attendance, true); !sameNames(n, "王书记 赵党员 张宣传") {
		t.Errorf("after moving the date: %q", n)
	}
}

func TestOldMinutesStayEditableAfterAPersonIsDeleted(t *testing.T) {
	b := newMeetingBranch(t)
	m := b.sitting(t)
	if err := b.s.SaveMeeting(&m); err != nil {
		t.Fatal(err)
	}
	if err := b.s.DeletePerson(b.id("张宣传")); err != nil { // the speaker and an attendee
		t.Fatal(err)
	}
	got, _ := b.s.Meeting(m.ID)
	got.Note = "补记"
	if err := b.s.SaveMeeting(&got); err != nil {
		t.Fatalf("editing old minutes: %v", err)
	}
	got, _ = b.s.Meeting(m.ID)
	if got.Speeches[0].Speaker != "张宣传" || got.AttendanceOf(b.id("张宣传")) == nil {
		t.Errorf("the deleted person's name was lost: %+v", got.Speeches)
	}
	// A new sitting cannot name someone deleted.
	fresh := b.sitting(t)
	fresh.HostID = b.idp("张宣传")
	if err := b.s.SaveMeeting(&fresh); err == nil || !strings.Contains(err.Error(), "主持人") {
		t.Errorf("deleted host accepted: %v", err)
	}
}

func TestDeleteRestorePurgeMeeting(t *testing.T) {
	b := newMeetingBranch(t)
	m := b.sitting(t)
	if err := b.s.SaveMeeting(&m); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "签到表.jpg")
	os.WriteFile(file, []byte("scan"), 0o644)
	att, err := b.s.AddMeetingAttachment(m.ID, file, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := b.s.DeleteMeeting(m.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := b.s.Meetings(MeetingFilter{}); len(list) != 0 {
		t.Fatal("deleted meeting still listed")
	}
	if err := b.s.RestoreMeeting(m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := b.s.Meeting(m.ID); err != nil {
		t.Fatal(err)
	}
	if err := b.s.PurgeMeeting(m.ID); err == nil {
		t.Fatal("purged a meeting that is not in the bin")
	}
	b.s.DeleteMeeting(m.ID)
	if err := b.s.PurgeMeeting(m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(b.s.AttachmentPath(att)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("attachment file left after purge: %v", err)
	}
	var rows int64
	b.s.DB().Model(&MeetingAttendance{}).Count(&rows)
	if rows != 0 {
		t.Errorf("%d attendance rows left", rows)
	}
}

func TestAttachmentsAreCopiedAndChecked(t *testing.T) {
	b := newMeetingBranch(t)
	m := b.sitting(t)
	if err := b.s.SaveMeeting(&m); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "会议照片.JPG")
	if err := os.WriteFile(src, []byte("photo bytes"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := b.s.AddMeetingAttachment(m.ID, src, "", "会场")
	if err != nil {
		t.Fatal(err)
	}
	if a.Kind != "现场照片" || a.Size != 11 || len(a.SHA256) != 64 || a.Name != "会议照片.JPG" ||
		a.Path != "attachments/meetings/"+a.SHA256+".jpg" {
		t.Errorf("attachment: %+v", a)
	}
	if err := b.s.VerifyAttachment(a); err != nil {
		t.Errorf("fresh attachment: %v", err)
	}
	if _, err := b.s.AddMeetingAttachment(m.ID, src, "", ""); err == nil || !strings.Contains(err.Error(), "已经添加") {
		t.Errorf("same file twice: %v", err)
	}
	os.WriteFile(src, []byte("changed"), 0o644) // the original may change: we keep our copy
	if err := b.s.VerifyAttachment(a); err != nil {
		t.Errorf("copy affected by the original: %v", err)
	}
	os.WriteFile(b.s.AttachmentPath(a), []byte("tampered"), 0o644)
	if b.s.OnServer() { // this PC's copy is fetched again: the server's is the one that counts
		if err := b.s.VerifyAttachment(a); err != nil {
			t.Errorf("a damaged copy on this PC is not fetched again: %v", err)
		}
		b.s.DB().Exec("UPDATE stored_files SET data = ? WHERE path = ?", []byte("tampered"), a.Path)
		os.Remove(b.s.AttachmentPath(a))
	}
	if err := b.s.VerifyAttachment(a); !errors.Is(err, ErrAttachmentChanged) {
		t.Errorf("tampered copy: %v", err)
	}
	if _, err := b.s.AddMeetingAttachment(m.ID, filepath.Join(t.TempDir(), "none.pdf"), "", ""); err == nil {
		t.Error("missing file accepted")
	}
	got, _ := b.s.Meeting(m.ID)
	if len(got.Attachments) != 1 {
		t.Errorf("attachments preloaded: %d", len(got.Attachments))
	}
	if err := b.s.DeleteMeetingAttachment(a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := b.s.Meeting(m.ID); len(got.Attachments) != 0 {
		t.Error("deleted attachment still listed")
	}
}

func TestDecisionLinksTheDevelopmentStep(t *testing.T) {
	b := newMeetingBranch(t)
	cand := &Person{Name: "何发展"}
	if err := b.s.NewApplicant(cand, d("2023-03-01")); err != nil {
		t.Fatal(err)
	}
	m := b.sitting(t)
	vote := m.SuggestedVote()
	vote.For = vote.Present
	m.Decisions = []MeetingDecision{{Kind: DecideAdmission, PersonID: &cand.ID, Method: "无记名投票", Vote: vote}}
	if err := b.s.SaveMeeting(&m); err != nil {
		t.Fatal(err)
	}
	got, _ := b.s.Meeting(m.ID)
	dec := got.Decisions[0]
	if dec.Subject != "讨论接收何发展为中共预备党员" || dec.PersonName != "何发展" {
		t.Errorf("decision: %+v", dec)
	}
	st, err := b.s.LinkDecisionStep(dec.ID)
	if err != nil {
		t.Fatal(err)
	}
	if st.Step != StepBranchMeeting || st.Date != m.Date || st.Vote != vote || st.PersonID != cand.ID {
		t.Errorf("step: %+v", st)
	}
	got, _ = b.s.Meeting(m.ID)
	if got.Decisions[0].DevStepID == nil || *got.Decisions[0].DevStepID != st.ID {
		t.Fatalf("link not stored: %+v", got.Decisions[0])
	}
	// Saving the minutes again keeps the link; linking again changes nothing.
	if err := b.s.SaveMeeting(&got); err != nil {
		t.Fatal(err)
	}
	got, _ = b.s.Meeting(m.ID)
	before, _ := b.s.AuditLog(AuditFilter{Entity: entityDevStep})
	st2, err := b.s.LinkDecisionStep(got.Decisions[0].ID)
	if err != nil || st2.ID != st.ID {
		t.Fatalf("relink: %v %+v", err, st2)
	}
	after, _ := b.s.AuditLog(AuditFilter{Entity: entityDevStep})
	if len(after) != len(before) {
		t.Error("relinking an unchanged record wrote it again")
	}
	// A corrected vote updates the same record.
	got.Decisions[0].Vote.For--
	if err := b.s.SaveMeeting(&got); err != nil {
		t.Fatal(err)
	}
	got, _ = b.s.Meeting(m.ID)
	st3, err := b.s.LinkDecisionStep(got.Decisions[0].ID)
	if err != nil || st3.ID != st.ID || st3.Vote.For != vote.For-1 {
		t.Errorf("update: %v %+v", err, st3)
	}
	steps, _ := b.s.DevSteps(cand.ID)
	n := 0
	for _, s := range steps {
		if s.Step == StepBranchMeeting {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d step-15 records", n)
	}
}

func TestDecisionRefusals(t *testing.T) {
	b := newMeetingBranch(t)
	cand := &Person{Name: "何发展"}
	if err := b.s.NewApplicant(cand, d("2023-03-01")); err != nil {
		t.Fatal(err)
	}
	vote := Vote{Expected: 5, Present: 5, For: 5}
	cases := []struct {
		name string
		meet func(m *Meeting)
		dec  MeetingDecision
		want string
	}{
		{"admission at a 支委会", func(m *Meeting) {
			m.Types = []MeetingType{TypeCommittee}
			m.Attendance = nil
		}, MeetingDecision{Kind: DecideAdmission, PersonID: &cand.ID, Vote: vote}, "支部党员大会"},
		{"admission without a vote", nil, MeetingDecision{Kind: DecideAdmission, PersonID: &cand.ID}, "表决情况"},
		{"admission without a person", nil, MeetingDecision{Kind: DecideAdmission, Vote: vote}, "对象"},
		{"transfer without a decision", nil, MeetingDecision{Kind: DecideConfirmation, PersonID: &cand.ID, Vote: vote}, "决定"},
		{"extension without a date", nil, MeetingDecision{Kind: DecideConfirmation, PersonID: &cand.ID, Vote: vote, Result: DecisionExtend}, "延长预备期至"},
		{"impossible counts", nil, MeetingDecision{Kind: DecideGeneral, Subject: "x", Vote: Vote{Expected: 5, Present: 6}}, "对不上"},
		{"written opinions on a general vote", nil, MeetingDecision{Kind: DecideGeneral, Subject: "x", Vote: Vote{Expected: 6, Present: 5, For: 5, WrittenFor: 1}}, "书面意见"},
		{"general decision without subject", nil, MeetingDecision{Kind: DecideGeneral}, "事项内容"},
		{"unknown kind", nil, MeetingDecision{Kind: "表彰", Subject: "x"}, "事项类别"},
	}
	for _, c := range cases {
		m := b.sitting(t)
		if c.meet != nil {
			c.meet(&m)
			basis := b.basis(t)
			m.Attendance = basis.PrepareAttendance(&m)
		}
		m.Decisions = []MeetingDecision{c.dec}
		err := b.s.SaveMeeting(&m)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", c.name, err, c.want)
		}
	}
	// A general decision of a 支委会 may be recorded without counts, and
	// cannot be linked to anyone's development record.
	m := b.sitting(t)
	m.Decisions = []MeetingDecision{{Kind: DecideGeneral, Subject: "同意开展志愿服务"}}
	if err := b.s.SaveMeeting(&m); err != nil {
		t.Fatal(err)
	}
	got, _ := b.s.Meeting(m.ID)
	if _, err := b.s.LinkDecisionStep(got.Decisions[0].ID); err == nil {
		t.Error("linked a general decision")
	}
}

func TestClassLog(t *testing.T) {
	b := newMeetingBranch(t)
	c := &ClassLog{Date: d("2026-03-12"), Kind: ClassTeach, Class: "五（2）班", Topic: "我们的国家", Hours: 2}
	if err := b.s.SaveClassLog(c); err != nil {
		t.Fatal(err)
	}
	if c.Who != "王书记" {
		t.Errorf("Who defaults to the secretary: %q", c.Who)
	}
	for _, bad := range []ClassLog{
		{Date: d("2026-03"), Kind: ClassTeach, Topic: "x", Hours: 1},
		{Date: d("2026-03-12"), Kind: "讲座", Topic: "x", Hours: 1},
		{Date: d("2026-03-12"), Kind: ClassListen, Hours: 1},
		{Date: d("2026-03-12"), Kind: ClassListen, Topic: "x", Hours: 0},
		{Date: d("2099-03-12"), Kind: ClassListen, Topic: "x", Hours: 1},
	} {
		if err := b.s.SaveClassLog(&bad); err == nil {
			t.Errorf("accepted %+v", bad)
		}
	}
	list, _ := b.s.ClassLogs(d("2026-03-01"), d("2026-03-31"))
	if len(list) != 1 {
		t.Fatalf("%d logs", len(list))
	}
	if err := b.s.DeleteClassLog(c.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := b.s.ClassLogs(d(""), d("")); len(list) != 0 {
		t.Error("deleted log still listed")
	}
}

// MeetingsToJudge reads the attendance and decisions as Meetings does,
// without the speeches and attachments, on several sittings.
func TestMeetingsToJudgeIsMeetingsWithoutSpeechesAndAttachments(t *testing.T) {
	b := newMeetingBranch(t)
	cand := &Person{Name: "何发展"}
	if err := b.s.NewApplicant(cand, d("2023-03-01")); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		m := b.sitting(t)
		m.Date = m.Date.AddDays(-7 * i) // saved newest first: the order comes from the query
		if i == 1 {
			vote := m.SuggestedVote()
			vote.For = vote.Present
			m.Decisions = []MeetingDecision{{Kind: DecideAdmission, PersonID: &cand.ID, Method: "无记名投票", Vote: vote}}
		}
		if err := b.s.SaveMeeting(&m); err != nil {
			t.Fatal(err)
		}
	}
	want, err := b.s.Meetings(MeetingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := b.s.MeetingsToJudge()
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if len(want[i].Speeches) == 0 {
			t.Fatalf("sitting %d has no speeches: the test would not see them dropped", i)
		}
		want[i].Speeches, want[i].Attachments = nil, nil
		if len(want[i].Decisions) == 0 {
			want[i].Decisions = nil // Preload gives an empty slice, MeetingsToJudge none
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("MeetingsToJudge:\n%+v\nwant\n%+v", got, want)
	}
	if len(got) != 3 || len(got[1].Decisions) != 1 || len(got[0].Attendance) == 0 {
		t.Errorf("sittings %d, decisions of the second %d", len(got), len(got[1].Decisions))
	}
}

// TestPurgeRedactsTheMeetingFromTheAuditLog: like a purged person, a purged
// sitting leaves its audit entries (and its attachments') without content.
func TestPurgeRedactsTheMeetingFromTheAuditLog(t *testing.T) {
	b := newMeetingBranch(t)
	m := b.sitting(t)
	if err := b.s.SaveMeeting(&m); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "陈组长请假条.jpg")
	os.WriteFile(file, []byte("scan"), 0o644)
	if _, err := b.s.AddMeetingAttachment(m.ID, file, "", ""); err != nil {
		t.Fatal(err)
	}
	m.Speeches = append(m.Speeches, MeetingSpeech{PersonID: b.idp("李组织"), Content: "家里的难处不便公开"})
	if err := b.s.SaveMeeting(&m); err != nil {
		t.Fatal(err)
	}
	if err := b.s.DeleteMeeting(m.ID); err != nil {
		t.Fatal(err)
	}
	if err := b.s.PurgeMeeting(m.ID); err != nil {
		t.Fatal(err)
	}
	var all []AuditEntry
	b.s.db.Where("entity IN ?", []string{entityMeeting, entityAttachment}).Order("id").Find(&all)
	var kinds []string
	for _, e := range all {
		text := e.Summary + e.Before + e.After
		for _, secret := range []string{"外出培训", "无故缺席", "同意。", "家里的难处", "学习党章", "陈组长", "赵党员", "张宣传", "请假条"} {
			if strings.Contains(text, secret) {
				t.Errorf("entry %d (%s %s) still holds %s", e.ID, e.Action, e.Entity, secret)
			}
		}
		if e.Entity == entityMeeting {
			kinds = append(kinds, e.Action)
		}
	}
	if got := strings.Join(kinds, ","); got != "新增,修改,删除,彻底删除" {
		t.Errorf("kinds kept: %s", got)
	}
	if last := all[len(all)-1]; !strings.Contains(last.Summary, "抹去") || !strings.Contains(last.Summary, "2026-03-10") {
		t.Errorf("the purge entry says %q", last.Summary)
	}
}
