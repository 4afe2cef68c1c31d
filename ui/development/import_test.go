//go:build ci

package development

import (
	"path/filepath"
	"testing"

	"partyoffice/data"
	"partyoffice/data/demo"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

// 发展党员 → 导入: a register written by the 积极分子 export is read back
// through the shared preview into an empty store, with the same choices as
// `partyoffice import activists` (rows with errors left out on
// confirmation, people already stored skipped or updated).
func TestImportActivistsThroughThePreview(t *testing.T) {
	from := uitest.NewApp(t)
	if err := demo.Fill(from.Store, from.Today()); err != nil {
		t.Fatal(err)
	}
	e, _ := reports.FindExport("activists")
	path := filepath.Join(t.TempDir(), "积极分子.xlsx")
	if err := e.Write(path, from.Store, reports.ReportOptions{Year: from.Today().Year}); err != nil {
		t.Fatal(err)
	}

	// The new computer has the 党员名册 already (培养联系人 are members).
	a := core.NewApp(uitest.OpenStore(t), from.Window)
	a.Now = from.Now
	register := filepath.Join(t.TempDir(), "名册.xlsx")
	if err := reports.ExportMembers(register, from.Store, reports.ExportOptions{AsOf: from.Today()}); err != nil {
		t.Fatal(err)
	}
	members, err := reports.ReadMembers(register, a.Store, a.Today(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Store.ImportPeople(members.Good(), data.ImportSkipExisting, "名册.xlsx"); err != nil {
		t.Fatal(err)
	}
	uitest.Show(a, NewDevelopmentScreen(a))
	c := a.Window.Canvas()
	uitest.FindButton(t, c, "导入")
	m, err := reports.ReadActivists(path, a.Store, a.Today(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := len(m.Good())
	if want == 0 {
		t.Fatalf("nothing to import from the export; rows %+v", m.Rows)
	}
	v := activistPreview(a, path, m).Show(a)
	uitest.RequireText(t, c, "导入发展党员名册：核对")
	res, err := v.CommitNow()
	if err != nil || res.Imported != want {
		t.Fatalf("import: %+v, %v (want %d new)", res, err, want)
	}
	// Again: everyone is stored; the default skips them, 更新 updates them.
	m, err = reports.ReadActivists(path, a.Store, a.Today(), nil)
	if err != nil {
		t.Fatal(err)
	}
	v.Dialog.Hide()
	v = activistPreview(a, path, m).Show(a)
	uitest.RequireText(t, c, "表中已登记的发展党员名册记录")
	v.Existing.SetSelected("用表中的数据更新")
	if res, err := v.CommitNow(); err != nil || res.Updated != want || res.Imported != 0 {
		t.Errorf("second import: %+v, %v", res, err)
	}
}
