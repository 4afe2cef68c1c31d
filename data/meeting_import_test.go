package data

import (
	"strings"
	"testing"
)

// A ledger line imported from an old spreadsheet may lack names and keeps the
// numbers it gives; minutes entered here may not.
func TestImportedLedgerLineWithoutNames(t *testing.T) {
	b := newMeetingBranch(t)
	line := Meeting{Types: []MeetingType{TypeMembersMeeting}, Date: d("2026-03-10"), Source: "台账.xlsx",
		AttendanceUnrecorded: true, RecordedExpected: 9, RecordedPresent: 8}
	entered := line
	entered.Source = ""
	errs, err := b.s.CheckMeetings([]*Meeting{&line, &entered})
	if err != nil || errs[0] != nil || errs[1] == nil || !strings.Contains(errs[1].Error(), "主持人") {
		t.Fatalf("check: %v %v", errs, err)
	}
	if stored, _ := b.s.Meetings(MeetingFilter{}); len(stored) != 0 || line.ID != 0 {
		t.Fatalf("CheckMeetings stored %d sittings or changed its argument (ID %d)", len(stored), line.ID)
	}
	if err := b.s.ImportMeetings([]*Meeting{&line}); err != nil {
		t.Fatal(err)
	}
	got, err := b.s.Meeting(line.ID)
	if c := got.Counts(); err != nil || c.Expected != 9 || c.Present != 8 || len(got.Attendance) != 0 {
		t.Fatalf("stored line: counts %+v attendance %d, %v", c, len(got.Attendance), err)
	}
	if again := SittingOn([]Meeting{got}, &entered); again == nil {
		t.Error("the same date and types are not recognised as the same sitting")
	}
	// Recording the attendance later turns it into ordinary minutes.
	basis := b.basis(t)
	got.Attendance = basis.PrepareAttendance(&got)
	if err := b.s.SaveMeeting(&got); err != nil {
		t.Fatal(err)
	}
	if got.AttendanceUnrecorded || got.Counts().Expected == 9 {
		t.Errorf("attendance recorded, yet still %+v", got.Counts())
	}
	bad := Meeting{Types: []MeetingType{TypeMembersMeeting}, Date: d("2026-03-11"), Source: "台账.xlsx",
		AttendanceUnrecorded: true, RecordedExpected: 3, RecordedPresent: 5}
	if err := b.s.ImportMeetings([]*Meeting{&bad}); err == nil {
		t.Error("实到 more than 应到 was accepted")
	}
}
