package data

import (
	"testing"

	"partyoffice/data/civil"
)

func TestInventory(t *testing.T) {
	s := openTemp(t)
	s.CreatePerson(member("一", "11010519491231002X"))
	pro := member("二", "440524188001010014")
	pro.Stage, pro.FullDate = StageProbationer, civil.Date{}
	s.CreatePerson(pro)
	s.CreatePerson(&Person{Name: "申请人", Stage: StageApplicant})
	gone := member("三", "120223198902021249")
	s.CreatePerson(gone)
	if err := s.AddStatusEvent(gone.ID, StatusEvent{Kind: EventTransferOut, Date: civil.New(2024, 3, 1), Destination: "区教育局"}); err != nil {
		t.Fatal(err)
	}
	binned := &Person{Name: "回收"}
	s.CreatePerson(binned)
	s.DeletePerson(binned.ID)
	s.SaveGroup(&PartyGroup{Name: "一组"})
	// Meetings by year, written directly: the inventory reads any table.
	if s.db.Migrator().HasTable("meetings") {
		for _, d := range []string{"2025-03-01", "2025-09-01", "2026-01-10"} {
			s.db.Exec("INSERT INTO meetings (date, created_at, updated_at) VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", d)
		}
	}
	s.db.Exec("CREATE TABLE future_things (id INTEGER PRIMARY KEY)")
	s.db.Exec("INSERT INTO future_things (id) VALUES (1)")
	if s.OnServer() { // a newer version scopes its tables to the branch, as this one does
		s.db.Exec("ALTER TABLE future_things ENABLE ROW LEVEL SECURITY")
		s.db.Exec("CREATE TABLE server_things (id INTEGER PRIMARY KEY)") // the server's own: not listed
	}

	lines, err := s.Inventory()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, l := range lines {
		got[l.Label()] = l.Count
	}
	want := map[string]int64{
		"党员名册·正式党员": 1, "党员名册·预备党员": 1, "发展党员·入党申请人": 1, "发展党员·发展对象": 0,
		"不在册人员·已转出": 1, "其他·回收站中的人员": 1, "支部·党小组": 1, "其他·数据表 future_things": 1,
	}
	if s.db.Migrator().HasTable("meetings") {
		want["会议记录（三会一课等）·2025年"] = 2
		want["会议记录（三会一课等）·2026年"] = 1
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %d, want %d (all: %v)", k, got[k], v, got)
		}
	}
	for k := range got {
		if k == "其他·数据表 schema_meta" || k == "其他·数据表 settings" || k == "其他·数据表 server_things" ||
			k == "其他·数据表 app_users" || k == "其他·数据表 po_setup" {
			t.Errorf("internal table listed: %s", k)
		}
	}
}
