//go:build ci

package meetings

import (
	"path/filepath"
	"testing"

	"partyoffice/reports"
	"partyoffice/ui/uitest"
)

// 导入会议台账: the shared preview lists the sittings, leaves out the row
// that is not a meeting, and the import records them once.
func TestImportMeetingLedger(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	uitest.Show(a, NewMeetingsScreen(a))
	c := a.Window.Canvas()
	uitest.FindButton(t, c, "导入会议台账")

	path := filepath.Join("testdata", "ledger.xlsx")
	m, err := reports.ReadMeetings(path, a.Store, nil)
	if err != nil {
		t.Fatal(err)
	}
	v := meetingPreview(a, path, m).Show(a)
	uitest.RequireText(t, c, "导入会议台账：核对")
	good := len(m.Good())
	if good != 2 {
		t.Fatalf("%d sittings to import, want 2; rows %+v", good, v.Rows)
	}
	res, err := v.CommitNow()
	if err != nil || res.Imported != 2 {
		t.Fatalf("import: %+v, %v", res, err)
	}
	// Again: both are recorded already and skipped.
	m, err = reports.ReadMeetings(path, a.Store, nil)
	if err != nil {
		t.Fatal(err)
	}
	v.Dialog.Hide()
	v = meetingPreview(a, path, m).Show(a)
	uitest.RequireText(t, c, "已存在 2 次会议")
	if res, err := v.CommitNow(); err != nil || res.Imported != 0 || res.Skipped != 2 {
		t.Errorf("second import: %+v, %v", res, err)
	}
}
