package data_test

import (
	"os"
	"path/filepath"
	"testing"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/pgtest"
)

// A folder moved up to a server and back down again arrives whole: every
// table's rows and checksums, the attachments byte for byte, and a 移交包
// made on the server holds the same register.
func TestMoveFolderToServerAndBack(t *testing.T) {
	dsn := pgtest.Database(t)
	dir := datatest.Folder(t, "甲", "乙", "丙")
	attachment := filepath.Join(dir, data.AttachDir, "meetings", "纪要.txt")
	os.MkdirAll(filepath.Dir(attachment), 0o755)
	if err := os.WriteFile(attachment, []byte("会议纪要"), 0o644); err != nil {
		t.Fatal(err)
	}
	up, err := data.MoveFolderToServer(dir, dsn, 0)
	if err != nil {
		t.Fatal(err)
	}
	if up.Attachments != 1 || rowsOf(up, "people") != 3 {
		t.Fatalf("moved up %d attachments, %d people; want 1 and 3", up.Attachments, rowsOf(up, "people"))
	}
	if _, err := data.MoveFolderToServer(dir, dsn, 0); err == nil {
		t.Fatal("a second move into the same (now full) database was not refused")
	}

	server := datatest.ServerStoreOn(t, dsn)
	people, err := server.People()
	if err != nil || len(people) != 3 {
		t.Fatalf("server holds %d people (%v), want 3", len(people), err)
	}
	pack := filepath.Join(t.TempDir(), "移交.zip")
	if err := server.BackupTo(pack); err != nil {
		t.Fatalf("backup package from the server: %v", err)
	}

	down := filepath.Join(t.TempDir(), "回到本机")
	back, err := data.MoveServerToFolder(dsn, down, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range up.Tables { // the first branch of an empty server keeps its ids
		if b := tableOf(back, tc.Table); b != tc {
			t.Errorf("table %s: up %+v, back %+v", tc.Table, tc, b)
		}
	}
	if raw, err := os.ReadFile(filepath.Join(down, data.AttachDir, "meetings", "纪要.txt")); err != nil || string(raw) != "会议纪要" {
		t.Fatalf("attachment back on the PC: %q, %v", raw, err)
	}
	restored := datatest.StoreIn(t, t.TempDir())
	if err := restored.Restore(pack); err != nil {
		t.Fatalf("restore the server's package on a PC: %v", err)
	}
	if n, _ := restored.CountPeople(); n != 3 {
		t.Fatalf("the server's package holds %d people, want 3", n)
	}
}

func rowsOf(r data.MoveReport, table string) int { return tableOf(r, table).Rows }

func tableOf(r data.MoveReport, table string) data.TableCheck {
	for _, tc := range r.Tables {
		if tc.Table == table {
			return tc
		}
	}
	return data.TableCheck{Rows: -1}
}

// A branch user's folder goes into their own branch, renumbered past the
// branch already there; they may not choose another, and the district may
// move nothing.
func TestMoveFolderIntoTheUsersBranch(t *testing.T) {
	dsn := pgtest.Database(t)
	if _, err := data.MoveFolderToServer(datatest.Folder(t, "甲", "乙"), dsn, 0); err != nil {
		t.Fatal(err)
	}
	admin := datatest.ServerStoreOn(t, dsn)
	er, qu := pgtest.Login(t, "zhibu_er"), pgtest.Login(t, "qu")
	datatest.AddUsers(t, admin, data.ServerUser{Login: er, Password: "pw", BranchID: 2, Role: data.RoleBranch},
		data.ServerUser{Login: qu, Password: "pw", Role: data.RoleDistrict},
	)
	user := pgtest.AsUser(t, dsn, er, "pw")
	if _, err := data.MoveFolderToServer(datatest.Folder(t, "丙"), user, 1); err == nil {
		t.Error("branch 2's user moved a folder into branch 1")
	}
	if _, err := data.MoveFolderToServer(datatest.Folder(t, "丙"), pgtest.AsUser(t, dsn, qu, "pw"), 3); err == nil {
		t.Error("the district moved a folder onto the server")
	}
	rep, err := data.MoveFolderToServer(datatest.Folder(t, "丙", "丁"), user, 0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Branch != 2 || rep.Offset < 1000 || rep.Offset%1000 != 0 {
		t.Errorf("moved into branch %d with offset %d, want branch 2 and a whole thousand", rep.Branch, rep.Offset)
	}
	people, _ := datatest.ServerStoreOn(t, user).People()
	if len(people) != 2 || people[0].ID <= rep.Offset {
		t.Errorf("branch 2 sees %v (first id %d)", names(people), people[0].ID)
	}
	if all, _ := admin.People(); len(all) != 4 {
		t.Errorf("the server holds %d people, want 4", len(all))
	}
}
