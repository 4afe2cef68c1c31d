package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDuesRecordsAreCheckedAuditedAndSoftDeleted(t *testing.T) {
	s := openTemp(t)
	p := member("张三", "")
	if err := s.CreatePerson(p); err != nil {
		t.Fatal(err)
	}
	long := DuesPayment{PersonID: p.ID, From: d("2026-01"), To: d("2026-07"), AmountFen: 7000, PaidOn: d("2026-01-05")}
	if err := SaveRecord(s, &long); err == nil || !strings.Contains(err.Error(), "支部同意") {
		t.Errorf("seven months without consent: %v", err)
	}
	long.ConsentOn = d("2026-01-04")
	if err := SaveRecord(s, &long); err != nil {
		t.Fatal(err)
	}
	if long.Name != "张三" {
		t.Errorf("name not filled from the register: %q", long.Name)
	}
	relief := DuesRelief{PersonID: p.ID, From: d("2026-02"), To: d("2026-03"), DiscussedOn: d("2026-01-10")}
	if err := SaveRecord(s, &relief); err == nil || !strings.Contains(err.Error(), "上级党委批准") {
		t.Errorf("relief without approval: %v", err)
	}
	stranger := DuesBase{PersonID: 999, From: d("2026-01"), Category: DuesEmployed, BaseFen: 100}
	if err := SaveRecord(s, &stranger); err == nil {
		t.Error("a base for someone not in the register was saved")
	}
	long.AmountFen = 7100
	if err := SaveRecord(s, &long); err != nil {
		t.Fatal(err)
	}
	if err := DeleteRecord[DuesPayment](s, long.ID); err != nil {
		t.Fatal(err)
	}
	if rows, _ := Records[DuesPayment](s, "id", ""); len(rows) != 0 {
		t.Errorf("deleted payment still listed: %v", rows)
	}
	if err := RestoreRecord[DuesPayment](s, long.ID); err != nil {
		t.Fatal(err)
	}
	entries, _, err := s.SearchAudit(AuditQuery{Entity: entityDuesPayment})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range entries {
		actions = append(actions, e.Action)
	}
	if got := strings.Join(actions, ","); !strings.Contains(got, "新增") || !strings.Contains(got, "修改") ||
		!strings.Contains(got, "删除") || !strings.Contains(got, "恢复") {
		t.Errorf("audit actions %s", got)
	}
}

func TestParseYuanIsExact(t *testing.T) {
	for in, want := range map[string]int64{"3456.78": 345678, "3,456.7": 345670, "￥12元": 1200, "0.05": 5, "-1.5": -150} {
		if got, err := ParseYuan(in); err != nil || got != want {
			t.Errorf("%q: %d %v, want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "1.234", "abc", "1.2.3", "."} {
		if _, err := ParseYuan(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}

func TestAppraisalExpulsionIsAStatusEvent(t *testing.T) {
	s := openTemp(t)
	p := member("李四", "")
	if err := s.CreatePerson(p); err != nil {
		t.Fatal(err)
	}
	a := AppraisalResult{Year: 2025, PersonID: p.ID, Grade: GradeFail, DecidedOn: d("2025-12-20")}
	if err := SaveRecord(s, &a); err != nil {
		t.Fatal(err)
	}
	a.FollowUp, a.FollowUpOn, a.FollowUpNote = "除名", d("2026-03-10"), "限期改正期满仍无转变，党工委批准"
	for range 2 { // saving again does not add a second event
		if err := SaveRecord(s, &a); err != nil {
			t.Fatal(err)
		}
	}
	events, err := s.StatusEvents(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 1 || events[0].Kind != EventExit || events[0].ExitKind != "除名" {
		t.Errorf("events %+v", events)
	}
	after, _ := s.Person(p.ID)
	if after.Roll != RollExpelled {
		t.Errorf("roll %s", after.Roll)
	}
	good := AppraisalResult{Year: 2026, PersonID: p.ID, Grade: GradeGood, DecidedOn: d("2026-12-20"), FollowUp: "劝退", FollowUpOn: d("2026-12-21")}
	if err := SaveRecord(s, &good); err == nil {
		t.Error("a follow-up for a 合格 member was saved")
	}
}

func TestCertificateAttachment(t *testing.T) {
	s := openTemp(t)
	c := TrainingCourse{Name: "集中轮训", Category: TrainingRotation, Start: d("2026-03-01"), Hours: 16}
	if err := SaveRecord(s, &c); err != nil {
		t.Fatal(err)
	}
	a := TrainingAttendance{CourseID: c.ID, Name: "陈思远"}
	if err := SaveRecord(s, &a); err != nil {
		t.Fatal(err)
	}
	dup := TrainingAttendance{CourseID: c.ID, Name: "陈思远"}
	if err := SaveRecord(s, &dup); err == nil {
		t.Error("the same person was added twice to one course")
	}
	src := filepath.Join(t.TempDir(), "结业证书.pdf")
	if err := os.WriteFile(src, []byte("%PDF-1.4 证书"), 0o644); err != nil {
		t.Fatal(err)
	}
	att, err := AddRecordAttachment[TrainingAttendance](s, a.ID, src, "结业证书")
	if err != nil {
		t.Fatal(err)
	}
	list, err := RecordAttachments[TrainingAttendance](s, a.ID)
	if err != nil || len(list) != 1 || list[0].Name != "结业证书.pdf" {
		t.Fatalf("attachments %v %v", list, err)
	}
	if got, err := os.ReadFile(s.RecordAttachmentPath(att)); err != nil || !strings.Contains(string(got), "证书") {
		t.Errorf("stored file: %v", err)
	}
	if _, err := AddRecordAttachment[TrainingAttendance](s, 999, src, ""); err == nil {
		t.Error("an attachment for a missing row was saved")
	}
}

// Saved reads one record as stored now (what a form refused as stale
// compares itself with); a deleted one says so in Chinese.
func TestSavedIsTheStoredRecordOrSaysItIsDeleted(t *testing.T) {
	s := openTemp(t)
	g := PartyGroup{Name: "第一党小组"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	g.Name = "语文组党小组"
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	got, err := Saved[PartyGroup](s, g.ID)
	if err != nil || got.Name != "语文组党小组" || got.Version != g.Version {
		t.Fatalf("Saved = %+v, %v; want the renamed group at version %d", got, err, g.Version)
	}
	if _, err := Saved[PartyGroup](s, g.ID+1); err == nil || !strings.Contains(err.Error(), "已被删除") {
		t.Errorf("a missing record: %v", err)
	}
}
