package data_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/pgtest"
)

// twoBranchUsers makes a server with two sign-ins of branch one (the
// 书记's and the 组织委员's PCs, each with its own local folder) and one of
// branch two.
func twoBranchUsers(t *testing.T) (first, second, other *data.Store) {
	t.Helper()
	dsn := pgtest.Database(t)
	admin := datatest.ServerStoreOn(t, dsn)
	shuji, zuzhi, er := pgtest.Login(t, "shuji"), pgtest.Login(t, "zuzhi"), pgtest.Login(t, "erxiao")
	datatest.AddUsers(t, admin,
		data.ServerUser{Login: shuji, Password: "pw1", BranchID: 1, Role: data.RoleBranch, Name: "张静"},
		data.ServerUser{Login: zuzhi, Password: "pw2", BranchID: 1, Role: data.RoleBranch, Name: "李明"},
		data.ServerUser{Login: er, Password: "pw3", BranchID: 2, Role: data.RoleBranch, Name: "王强"},
	)
	first = datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, shuji, "pw1"))
	second = datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, zuzhi, "pw2"))
	other = datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, er, "pw3"))
	if err := first.SaveBranch(data.Branch{Name: "一小党支部"}); err != nil {
		t.Fatal(err)
	}
	return first, second, other
}

// sittingWithPhoto saves a sitting on s and attaches a photo to it.
func sittingWithPhoto(t *testing.T, s *data.Store, photo []byte) (data.Meeting, data.MeetingAttachment) {
	t.Helper()
	datatest.Create(t, s, datatest.Member("王芳", datatest.IDNumber("19800101", 2)))
	m := datatest.Meeting(t, s, datatest.Day("2026-03-05"), nil, data.TypeMembersMeeting)
	if err := s.SaveMeeting(&m); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "签到表.jpg")
	if err := os.WriteFile(src, photo, 0o600); err != nil {
		t.Fatal(err)
	}
	a, err := s.AddMeetingAttachment(m.ID, src, "", "")
	if err != nil {
		t.Fatalf("attach: %v", err)
	}
	return m, a
}

// An attachment added on one PC of a branch opens on the other (fetched
// from the server into that PC's own folder, fetched again when the copy
// there was damaged), travels in a 移交包 made there, and is gone from the
// server when its sitting is purged. Another branch cannot read it.
func TestServerAttachmentsReachTheBranchOnly(t *testing.T) {
	first, second, other := twoBranchUsers(t)
	photo := bytes.Repeat([]byte("签到表扫描件"), 1000)
	m, att := sittingWithPhoto(t, first, photo)

	got, err := second.Meeting(m.ID)
	if err != nil || len(got.Attachments) != 1 {
		t.Fatalf("the second PC reads the sitting: %v, %d attachments", err, len(got.Attachments))
	}
	a := got.Attachments[0]
	if err := second.VerifyAttachment(a); err != nil {
		t.Fatalf("the second PC verifies the attachment: %v", err)
	}
	local := second.AttachmentPath(a)
	if raw, _ := os.ReadFile(local); !bytes.Equal(raw, photo) || filepath.Dir(filepath.Dir(filepath.Dir(local))) != second.Dir() {
		t.Fatalf("the second PC's copy at %s holds %d bytes, want the photo in its own folder", local, len(raw))
	}
	if err := os.WriteFile(local, []byte("损坏"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := second.VerifyAttachment(a); err != nil {
		t.Fatalf("a damaged local copy is fetched again: %v", err)
	}

	// A register's evidence (台账附件) travels the same way.
	task := data.DutyTask{Year: 2026, Task: "落实三会一课"}
	if err := data.SaveRecord(first, &task); err != nil {
		t.Fatal(err)
	}
	evidence := filepath.Join(t.TempDir(), "佐证.pdf")
	if err := os.WriteFile(evidence, []byte("%PDF-1.4 佐证"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := data.AddRecordAttachment[data.DutyTask](first, task.ID, evidence, ""); err != nil {
		t.Fatal(err)
	}
	files, err := data.RecordAttachments[data.DutyTask](second, task.ID)
	if err != nil || len(files) != 1 {
		t.Fatalf("the second PC lists %d files of the task (%v)", len(files), err)
	}
	if raw, _ := os.ReadFile(second.RecordAttachmentPath(files[0])); string(raw) != "%PDF-1.4 佐证" {
		t.Errorf("the second PC's copy of the evidence holds %q", raw)
	}

	// Branch two sees neither the record nor the file, even by SQL.
	if _, err := other.Meeting(m.ID); err == nil {
		t.Error("branch two read branch one's sitting")
	}
	var n int64
	if err := other.DB().Raw("SELECT count(*) FROM stored_files").Scan(&n).Error; err != nil || n != 0 {
		t.Errorf("branch two's SQL sees %d of branch one's files (%v)", n, err)
	}
	if err := other.VerifyAttachment(att); err == nil {
		t.Error("branch two fetched branch one's attachment")
	}
	if files, size, err := second.AttachmentStats(); err != nil || files != 2 || size != int64(len(photo)+len("%PDF-1.4 佐证")) {
		t.Errorf("branch one's attachment stats: %d files, %d bytes (%v)", files, size, err)
	}

	// A 移交包 made on the second PC carries the file; a new PC receives it.
	pkg := filepath.Join(t.TempDir(), "移交包.poh")
	if _, err := second.MakeHandover(pkg, data.HandoverOptions{}); err != nil {
		t.Fatal(err)
	}
	in, err := data.OpenIncoming(t.TempDir(), pkg, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	if in.Attachments() != 2 {
		t.Errorf("the 移交包 holds %d attachments, want 2", in.Attachments())
	}
	pc := datatest.StoreIn(t, t.TempDir())
	if err := pc.Receive(in); err != nil {
		t.Fatal(err)
	}
	if err := pc.VerifyAttachment(att); err != nil {
		t.Errorf("the new PC opens the received attachment: %v", err)
	}

	// Purged, the sitting's file leaves the server.
	if err := first.DeleteMeeting(m.ID); err != nil {
		t.Fatal(err)
	}
	if err := first.PurgeMeeting(m.ID); err != nil {
		t.Fatal(err)
	}
	if files, _, _ := second.AttachmentStats(); files != 1 {
		t.Errorf("%d files on the server after the purge, want only the task's", files)
	}
}

// A backup restored on a server puts its attachments there: the other PC
// of the branch opens them. Another branch's files stay as they were.
func TestRestoreOnServerUploadsAttachments(t *testing.T) {
	first, second, other := twoBranchUsers(t)
	if err := other.SaveBranch(data.Branch{Name: "二小党支部"}); err != nil {
		t.Fatal(err)
	}
	_, theirs := sittingWithPhoto(t, other, []byte("二小的签到表"))
	pc := datatest.StoreIn(t, t.TempDir())
	if err := pc.SaveBranch(data.Branch{Name: "一小党支部"}); err != nil {
		t.Fatal(err)
	}
	photo := []byte("会议现场照片")
	m, att := sittingWithPhoto(t, pc, photo)
	pack := filepath.Join(t.TempDir(), "备份.zip")
	if err := pc.BackupTo(pack); err != nil {
		t.Fatal(err)
	}
	if err := first.Restore(pack); err != nil {
		t.Fatalf("restore on the server: %v", err)
	}
	// A restore on a server renumbers the records: the sitting of that day.
	sittings, err := second.Meetings(data.MeetingFilter{From: m.Date, To: m.Date})
	if err != nil || len(sittings) != 1 {
		t.Fatalf("the other PC reads %d restored sittings (%v)", len(sittings), err)
	}
	got, err := second.Meeting(sittings[0].ID)
	if err != nil || len(got.Attachments) != 1 {
		t.Fatalf("the other PC reads the restored sitting: %v", err)
	}
	restored := got.Attachments[0]
	if restored.SHA256 != att.SHA256 {
		t.Fatalf("the restored attachment is %+v, want the one added", restored)
	}
	if err := second.VerifyAttachment(restored); err != nil {
		t.Errorf("the other PC opens the restored attachment: %v", err)
	}
	if raw, _ := os.ReadFile(second.AttachmentPath(restored)); !bytes.Equal(raw, photo) {
		t.Errorf("the other PC's copy holds %q", raw)
	}
	os.Remove(other.AttachmentPath(theirs)) // fetched again from the server
	if files, _, err := other.AttachmentStats(); err != nil || files != 1 || other.VerifyAttachment(theirs) != nil {
		t.Errorf("branch two's attachment after branch one's restore: %d files (%v)", files, err)
	}
}
