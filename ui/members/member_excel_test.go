//go:build ci

package members

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

// exportThree stores three good members and one with a wrong check digit (the store takes
// it; the import must refuse it), exports the register and returns the file.
func exportThree(t *testing.T, a *core.App) string {
	t.Helper()
	if err := a.Store.SaveBranch(data.Branch{Name: "银川市第一小学党支部"}); err != nil {
		t.Fatal(err)
	}
	people := uitest.ThreeMembers(t, a)
	bad := uitest.FullMember("赵六", people[0].IDNumber[:17]+"0", people[0].JoinDate)
	if bad.IDNumber == people[0].IDNumber {
		bad.IDNumber = people[0].IDNumber[:17] + "1"
	}
	uitest.StoreMembers(t, a, bad)

	path := filepath.Join(t.TempDir(), membersFileName(a))
	if err := exportMembersTo(a, path, reports.ExportOptions{AsOf: uitest.Today}, nil); err != nil {
		t.Fatalf("export: %v", err)
	}
	return path
}

// membersFileName is the name the export dialog suggests for today's register.
func membersFileName(a *core.App) string {
	e, _ := reports.FindExport("members")
	return core.ExportFileName(a, e, reports.ReportOptions{AsOf: uitest.Today})
}

func TestExportWritesTheRegister(t *testing.T) {
	a := uitest.NewApp(t)
	path := exportThree(t, a)
	if filepath.Base(path) != "银川市第一小学党支部党员名册_2026-06-15.xlsx" {
		t.Errorf("suggested file name %q", filepath.Base(path))
	}
	st, err := os.Stat(path)
	if err != nil || st.Size() == 0 {
		t.Fatalf("exported file: %v, %v", st, err)
	}

	// Read it back: everyone is there and, except the bad ID number, matches the store.
	m, err := reports.ReadMembers(path, a.Store, uitest.Today, nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range m.Rows {
		names = append(names, r.Person.Name)
		if r.Person.Name == "赵六" {
			continue
		}
		if len(r.Errors) > 0 || r.Existing == nil {
			t.Errorf("%s: errors %v, existing %v", r.Person.Name, r.Errors, r.Existing)
			continue
		}
		stored := *r.Existing
		if r.Person.IDNumber != stored.IDNumber || r.Person.JoinDate != stored.JoinDate ||
			r.Person.FullDate != stored.FullDate || r.Person.Stage != stored.Stage || r.Person.Post != stored.Post {
			t.Errorf("%s read back as %+v, stored %+v", r.Person.Name, r.Person, stored)
		}
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"张三", "李四", "王五", "赵六"}) {
		t.Errorf("exported names %v", names)
	}
	if m.BadRows() != 1 || m.ExistingCount() != 3 {
		t.Errorf("bad rows %d, existing %d", m.BadRows(), m.ExistingCount())
	}
}

func TestExportMaskedHidesNumbers(t *testing.T) {
	a := uitest.NewApp(t)
	people := uitest.ThreeMembers(t, a)
	path := filepath.Join(t.TempDir(), "公示.xlsx")
	if err := exportMembersTo(a, path, reports.ExportOptions{AsOf: uitest.Today, MaskPrivate: true}, nil); err != nil {
		t.Fatal(err)
	}
	m, err := reports.ReadMembers(path, nil, uitest.Today, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range m.Rows {
		for _, p := range people {
			if r.Person.IDNumber == p.IDNumber {
				t.Errorf("masked export shows %s's ID number", p.Name)
			}
		}
	}
}

func TestExportDialog(t *testing.T) {
	a := uitest.NewApp(t)
	openMembers(t, a)
	c := a.Window.Canvas()
	uitest.TapButton(t, c, "导出党员名册…")
	if !uitest.TopDialogHasText(c, "隐藏身份证号、电话和住址") {
		t.Fatal("导出 does not ask for the options")
	}
	uitest.RequireText(t, c, uitest.Today.String())
	uitest.TapButton(t, c, "选择保存位置…")
	if uitest.TopDialogHasText(c, "隐藏身份证号") || c.Overlays().Top() == nil {
		t.Error("the save dialog did not replace the options")
	}
}

func TestSavePathAddsExtension(t *testing.T) {
	dir := t.TempDir()
	chosen := filepath.Join(dir, "名册")
	if err := os.WriteFile(chosen, nil, 0o644); err != nil { // what Fyne's save dialog leaves
		t.Fatal(err)
	}
	if got := core.AddMissingExtension(chosen, ".xlsx"); got != chosen+".xlsx" {
		t.Errorf("addMissingExtension = %q", got)
	}
	if _, err := os.Stat(chosen); !os.IsNotExist(err) {
		t.Error("the empty file without extension was left behind")
	}
	if got := core.AddMissingExtension(filepath.Join(dir, "a.xlsx"), ".xlsx"); got != filepath.Join(dir, "a.xlsx") {
		t.Errorf("addMissingExtension changed a name with extension: %q", got)
	}
	if got := core.SafeFileName(`一/二:三*"四"`); got != "一二三四" {
		t.Errorf("safeFileName = %q", got)
	}
}

func TestLastFolderIsRemembered(t *testing.T) {
	uitest.NewApp(t)
	if core.LastFolder() != nil {
		t.Fatal("a fresh app remembers a folder")
	}
	dir := t.TempDir()
	core.RememberFolder(filepath.Join(dir, "名册.xlsx"))
	got := core.LastFolder()
	if got == nil || filepath.Clean(got.Path()) != filepath.Clean(dir) {
		t.Fatalf("lastFolder = %v, want %s", got, dir)
	}
	if v := fyneApp().Preferences().String(core.PrefLastFolder); v != dir {
		t.Errorf("preference %q = %q", core.PrefLastFolder, v)
	}
	os.RemoveAll(dir)
	if core.LastFolder() != nil {
		t.Error("a deleted folder is still offered")
	}
}

func fyneApp() fyne.App { return fyne.CurrentApp() }

func TestImportPreviewAndCommit(t *testing.T) {
	a := uitest.NewApp(t)
	path := exportThree(t, a)

	// Import into an empty store, through the same window.
	b := core.NewApp(uitest.OpenStore(t), a.Window)
	b.Now = a.Now
	s := openMembers(t, b)
	c := b.Window.Canvas()
	m, err := reports.ReadMembers(path, b.Store, b.Today(), nil)
	if err != nil {
		t.Fatal(err)
	}
	v := memberPreview(b, path, m, nil).Show(b)
	uitest.RequireText(t, c, "可导入 3 行、有错误 1 行、已存在 0 人")
	if uitest.HasTextContaining(c, "表中已登记的党员名册记录") {
		t.Error("the update/skip choice shows although nobody exists yet")
	}
	if v.CommitB.Text != "导入其余 3 行" || v.CommitB.Disabled() {
		t.Errorf("import button %q (disabled %v)", v.CommitB.Text, v.CommitB.Disabled())
	}
	i := slices.IndexFunc(v.Rows, func(r core.PreviewRow) bool { return r.Bad })
	if i < 0 {
		t.Fatal("no row marked as bad")
	}
	bad := v.Rows[i]
	if bad.Cells[1] != "错误" || bad.Cells[2] != "赵六" || !strings.HasPrefix(bad.Notes, "第"+bad.Cells[0]+"行 [") ||
		!strings.Contains(bad.Notes, "校验码不对") {
		t.Errorf("bad row shown as %q, notes %q", bad.Cells, bad.Notes)
	}
	for _, r := range v.Rows {
		if !r.Bad && r.Cells[1] != "✓ 新增" {
			t.Errorf("good row status %q", r.Cells[1])
		}
	}

	uitest.TapButton(t, c, "导入其余 3 行")
	if !uitest.TopDialogHasText(c, "有 1 行有错误，不会导入") {
		t.Fatal("no confirmation explaining the rows left out")
	}
	uitest.TapButton(t, c, "返回")
	if n, _ := b.Store.CountPeople(); n != 0 {
		t.Fatal("imported before the confirmation")
	}

	res, err := v.CommitNow()
	if err != nil || res.Imported != 3 {
		t.Fatalf("commit: %+v, %v", res, err)
	}
	b.NotifyChanged()
	if got := shownNames(s); len(got) != 3 {
		t.Errorf("register after import shows %v", got)
	}
	if audit, _ := b.Store.AuditLog(data.AuditFilter{Action: "导入"}); len(audit) != 3 ||
		!strings.Contains(audit[0].Summary, filepath.Base(path)) {
		t.Errorf("import audit: %+v", audit)
	}
	if txt := v.ResultText(res); !strings.Contains(txt, "新增 3 人") || !strings.Contains(txt, "有错误的 1 行没有导入") {
		t.Errorf("result text %q", txt)
	}
	// The result offers the refused row as a workbook: the row as written plus 错误原因.
	v.Dialog.Hide()
	v.ShowResult(res)
	uitest.FindButton(t, c, "保存有错误的行…")
	rejected := filepath.Join(t.TempDir(), core.RejectedFileName(path))
	if err := v.WriteRejected(rejected); err != nil {
		t.Fatalf("saving the rejected rows: %v", err)
	}
	again, err := reports.ReadMembers(rejected, b.Store, b.Today(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Rows) != 1 || again.Rows[0].Person.Name != "赵六" || !slices.Contains(again.Ignored, reports.RejectedReasonHeader) {
		t.Errorf("rejected workbook holds %d rows (%v), ignored %v", len(again.Rows), again.Rows, again.Ignored)
	}

	// Again: now all three exist; the user chooses to update them.
	m, err = reports.ReadMembers(path, b.Store, b.Today(), nil)
	if err != nil {
		t.Fatal(err)
	}
	v.Dialog.Hide()
	v = memberPreview(b, path, m, nil).Show(b)
	uitest.RequireText(t, c, "已存在 3 人")
	if v.Mode != data.ImportSkipExisting {
		t.Error("existing people are not skipped by default")
	}
	v.Existing.SetSelected("用表中的数据更新")
	res, err = v.CommitNow()
	if err != nil || res.Updated != 3 || res.Imported != 0 {
		t.Errorf("second import: %+v, %v", res, err)
	}
}

func TestImportPreviewWithNothingToImport(t *testing.T) {
	a := uitest.NewApp(t)
	v := memberPreview(a, "空.xlsx", &reports.MemberImport{Sheet: "Sheet1", HeaderRow: 1,
		Ignored: []string{"爱好"}, Notices: []string{"表格中没有“公民身份号码”列"},
		Rows: []reports.MemberRow{
			{Row: 2, Person: data.Person{Name: "甲"}, Errors: []reports.RowIssue{{Row: 2, Column: "姓名", Message: "示例错误"}}},
		}}, nil).Show(a)
	c := a.Window.Canvas()
	for _, want := range []string{"可导入 0 行、有错误 1 行、已存在 0 人", "表格中没有“公民身份号码”列",
		"以下列不认识，不会导入：爱好", "第2行 [姓名] 示例错误"} {
		uitest.RequireText(t, c, want)
	}
	if !v.CommitB.Disabled() {
		t.Error("import is possible with no good row")
	}
	if v.Rows[0].Notes != "第2行 [姓名] 示例错误" {
		t.Errorf("notes %q", v.Rows[0].Notes)
	}
}

// A column whose values belong to another column (another system's 党籍状态
// holding 正式党员/预备党员, our 人员类别) is offered as a choice; the
// answer re-reads the file.
func TestImportPreviewAsksAboutAColumnJudgedByItsValues(t *testing.T) {
	a := uitest.NewApp(t)
	c := a.Window.Canvas()
	p, err := readMembers(a, filepath.Join("testdata", "other_system.xlsx"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Suggestions) == 0 {
		t.Fatal("no column judged by its values")
	}
	previews := uitest.CatchPreviews(t)
	v := p.Show(a)
	<-previews
	uitest.RequireText(t, c, "看起来是人员类别")
	stage := func(v *core.ImportDialog) string { return v.Rows[0].Cells[4] }
	if stage(v) != "正式党员" {
		t.Fatalf("人员类别 read as %q before any answer", stage(v))
	}
	// The user answers: do not import that column.
	for _, o := range uitest.VisibleOnCanvas(c) {
		if sel, ok := o.(*widget.Select); ok && sel.Selected == "人员类别" {
			sel.SetSelected("不导入")
		}
	}
	uitest.TapButton(t, c, "按以上选择重新读取")
	// ReadAndPreview reads off the UI goroutine; wait for the new preview.
	again := uitest.WaitForPreview(t, previews)
	// 陈晓明's 人员类别 now comes from his dates alone, with a word saying so.
	if notes := again.Rows[2].Notes; !strings.Contains(notes, "没有填写人员类别") {
		t.Errorf("人员类别 still read from the column the user left out: %q", notes)
	}
	if strings.Contains(v.Rows[2].Notes, "没有填写人员类别") {
		t.Errorf("before the answer the column was not read: %q", v.Rows[2].Notes)
	}
}

func TestExportOffersTheCurrentFilter(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	s := openMembers(t, a)
	c := a.Window.Canvas()

	if e := s.export(); e.which != nil {
		t.Error("unfiltered register: the dialog offers a choice it has no use for")
	}
	uitest.TypeIn(c, s.search, "教师") // 张三 and 李四
	e := s.export()
	if e.which == nil || e.which.Selected != "导出当前筛选的 2 人" {
		t.Fatalf("filtered register: choice %v, want 导出当前筛选的 2 人 selected", e.which)
	}
	uitest.RequireText(t, c, "全部在册党员")

	names := func(opt reports.ExportOptions) []string {
		path := filepath.Join(t.TempDir(), "名册.xlsx")
		if err := exportMembersTo(a, path, opt, nil); err != nil {
			t.Fatal(err)
		}
		m, err := reports.ReadMembers(path, a.Store, uitest.Today, nil)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range m.Rows {
			out = append(out, r.Person.Name)
		}
		slices.Sort(out)
		return out
	}
	opt, err := e.options()
	if err != nil {
		t.Fatal(err)
	}
	if got := names(opt); !slices.Equal(got, []string{"张三", "李四"}) {
		t.Errorf("导出当前筛选的 2 人 wrote %v", got)
	}
	e.which.SetSelected("全部在册党员")
	if opt, _ = e.options(); opt.Filter != nil {
		t.Error("全部 still carries the filter")
	}
	if got := names(opt); len(got) != 3 {
		t.Errorf("全部 wrote %v", got)
	}
}
