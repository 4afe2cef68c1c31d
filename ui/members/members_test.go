//go:build ci

package members

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
	"partyoffice/ui/widgets"
)

// openMembers shows the 党员名册 in the window.
func openMembers(t *testing.T, a *core.App) *membersScreen {
	t.Helper()
	s := newMembersScreen(a)
	uitest.Show(a, s.Content)
	return s
}

// shownNames are the 姓名 cells of the table, top to bottom.
func shownNames(s *membersScreen) []string {
	var out []string
	for i := range s.table.Len() {
		out = append(out, s.table.Cell(i, 1))
	}
	return out
}

func TestSearchNarrowsTable(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	s := openMembers(t, a)
	if got := shownNames(s); !slices.Equal(got, []string{"张三", "李四", "王五"}) {
		t.Fatalf("before searching the table shows %v", got)
	}

	for _, tc := range []struct {
		typed string
		want  []string
	}{
		{"李", []string{"李四"}},
		{"教师", []string{"张三", "李四"}}, // 工作岗位
		{"139123", []string{"张三"}},   // 手机号
		{"640104", []string{"王五"}},   // 身份证号
		{"没有这个人", nil},
		{"", []string{"张三", "李四", "王五"}},
	} {
		s.search.SetText("")
		uitest.TypeIn(a.Window.Canvas(), s.search, tc.typed)
		if got := shownNames(s); !slices.Equal(got, tc.want) {
			t.Errorf("search %q shows %v, want %v", tc.typed, got, tc.want)
		}
		if rows := s.table.Len(); rows != len(tc.want) {
			t.Errorf("search %q: table has %d rows, want %d", tc.typed, rows, len(tc.want))
		}
	}
}

func TestCountLineAndFilters(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	s := openMembers(t, a)
	if got := s.count.Text; got != "共 3 人：正式党员 2，预备党员 1" {
		t.Errorf("count line = %q", got)
	}
	s.stage.SetSelected(string(data.StageProbationer))
	if got := shownNames(s); !slices.Equal(got, []string{"李四"}) {
		t.Errorf("人员类别 预备党员 shows %v", got)
	}
	if got := s.count.Text; got != "共 1 人：预备党员 1（按当前条件筛选）" {
		t.Errorf("filtered count line = %q", got)
	}
	s.stage.SetSelected(choiceAll)

	g := data.PartyGroup{Name: "第一党小组"}
	if err := a.Store.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	wang := *s.table.Row(2)
	wang.GroupID = &g.ID
	if err := a.Store.UpdatePerson(&wang); err != nil {
		t.Fatal(err)
	}
	a.NotifyChanged()
	if !slices.Contains(s.group.Options, "第一党小组") {
		t.Fatalf("党小组 filter offers %v, want the new group", s.group.Options)
	}
	s.group.SetSelected("第一党小组")
	if got := shownNames(s); !slices.Equal(got, []string{"王五"}) {
		t.Errorf("党小组 filter shows %v", got)
	}
	s.group.SetSelected(choiceNoGroup)
	if got := shownNames(s); !slices.Equal(got, []string{"张三", "李四"}) {
		t.Errorf("未分组 shows %v", got)
	}
}

func TestEmptyRegisterSaysWhatToDo(t *testing.T) {
	a := uitest.NewApp(t)
	s := openMembers(t, a)
	if !strings.Contains(s.count.Text, "新增") || !strings.Contains(s.count.Text, "导入") {
		t.Errorf("empty register count line = %q, want a hint to 新增 or 导入", s.count.Text)
	}
}

func TestHeaderTapSorts(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	s := openMembers(t, a)
	c := a.Window.Canvas()

	uitest.TapButton(t, c, data.FieldName)
	if got := shownNames(s); !slices.Equal(got, []string{"李四", "王五", "张三"}) { // pinyin: li, wang, zhang
		t.Errorf("sorted by 姓名: %v", got)
	}
	if s.table.Cell(0, 0) != "1" {
		t.Errorf("序号 of the first row after sorting = %q, want 1", s.table.Cell(0, 0))
	}
	uitest.TapButton(t, c, data.FieldName+" ▲")
	if got := shownNames(s); !slices.Equal(got, []string{"张三", "王五", "李四"}) {
		t.Errorf("sorted by 姓名 reversed: %v", got)
	}
	uitest.FindButton(t, c, data.FieldName+" ▼")

	uitest.TapButton(t, c, "年龄")
	if got := shownNames(s); !slices.Equal(got, []string{"李四", "张三", "王五"}) { // youngest first
		t.Errorf("sorted by 年龄: %v", got)
	}
	// 党小组 is off screen to the right; it sorts by the shown group name, empty last.
	g := data.PartyGroup{Name: "第二党小组"}
	if err := a.Store.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	wang := *s.table.Row(2)
	wang.GroupID = &g.ID
	if err := a.Store.UpdatePerson(&wang); err != nil {
		t.Fatal(err)
	}
	a.NotifyChanged()
	s.table.SortBy(s.table.ColumnIndex(data.FieldGroup))
	if got := shownNames(s); got[0] != "王五" {
		t.Errorf("sorted by 党小组: %v, want 王五 (the only one in a group) first", got)
	}
}

func TestCellsShowComputedColumns(t *testing.T) {
	a := uitest.NewApp(t)
	people := uitest.ThreeMembers(t, a)
	wang := people[2]
	wang.Floating, wang.FloatTo = true, "宁夏银川市"
	wang.Lost = true
	if err := a.Store.UpdatePerson(&wang); err != nil {
		t.Fatal(err)
	}
	s := openMembers(t, a)
	col := func(title string) string {
		i := s.table.ColumnIndex(title)
		if i < 0 {
			t.Fatalf("no column %s", title)
		}
		return s.table.Cell(2, i)
	}
	// 王五: born 1972-08-30, full member since 1999-06-20; today is testToday (2026-06-15).
	for title, want := range map[string]string{
		"年龄": "53", "党龄": "26", data.FieldBirth: "1972-08-30", data.FieldGender: "男",
		"状态标记": "流动（宁夏银川市）、失联", data.FieldIDNumber: people[2].IDNumber,
	} {
		if got := col(title); got != want {
			t.Errorf("%s = %q, want %q", title, got, want)
		}
	}
}

func TestDeleteGoesToRecycleBinAndBack(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	s := openMembers(t, a)
	c := a.Window.Canvas()
	if !uitest.FindButton(t, c, "删除").Disabled() {
		t.Error("删除 is enabled with nothing selected")
	}
	s.table.SelectRow(0)
	uitest.TapButton(t, c, "删除")
	if !uitest.TopDialogHasText(c, "将‘张三’移入回收站？可在回收站中恢复。") {
		t.Fatal("no confirmation naming 张三")
	}
	uitest.TapButton(t, c, "移入回收站")
	if got := shownNames(s); !slices.Equal(got, []string{"李四", "王五"}) {
		t.Fatalf("after deleting 张三 the table shows %v", got)
	}

	s.viewChoice.SetSelected("回收站")
	if s.table.Widget().Visible() || !s.bin.Content.Visible() {
		t.Fatal("回收站 view does not show the bin")
	}
	if len(s.bin.people) != 1 || s.bin.people[0].Name != "张三" {
		t.Fatalf("bin holds %v", s.bin.people)
	}
	uitest.RequireText(t, c, "张三")
	uitest.TapButton(t, c, "恢复")
	if len(s.bin.people) != 0 {
		t.Fatalf("bin still holds %d after 恢复", len(s.bin.people))
	}
	s.viewChoice.SetSelected("在册党员")
	if got := shownNames(s); len(got) != 3 {
		t.Fatalf("after 恢复 the register shows %v", got)
	}

	// Delete again and empty the bin for good.
	s.table.SelectRow(0)
	uitest.TapButton(t, c, "删除")
	uitest.TapButton(t, c, "移入回收站")
	s.viewChoice.SetSelected("回收站")
	uitest.TapButton(t, c, "彻底删除")
	if !uitest.TopDialogHasText(c, "删除后无法恢复") {
		t.Fatal("彻底删除 does not ask first")
	}
	if !uitest.TopDialogHasText(c, "个人信息（姓名、身份证号、电话、住址等）也会从操作日志的记录中抹去") {
		t.Error("the confirmation does not say the audit log loses the person's data too")
	}
	uitest.TapButton(t, c, "彻底删除") // the confirmation's own button, in the topmost dialog
	deleted, err := a.Store.DeletedPeople()
	if err != nil || len(deleted) != 0 {
		t.Fatalf("bin after 彻底删除: %v, %v", deleted, err)
	}
	if n, _ := a.Store.CountPeople(); n != 2 {
		t.Errorf("%d people left, want 2", n)
	}
}

func TestDoubleTapOpensForm(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	openMembers(t, a)
	c := a.Window.Canvas()
	var cell *widgets.SelectableCell
	for _, o := range uitest.VisibleObjects(c.Content()) {
		if mc, ok := o.(*widgets.SelectableCell); ok && mc.Row() == 1 {
			cell = mc
			break
		}
	}
	if cell == nil {
		t.Fatal("no table cell of row 2 on screen")
	}
	test.DoubleTap(cell)
	if !uitest.TopDialogHasText(c, "编辑党员信息：李四") {
		t.Fatal("double tap on 李四's row did not open the form")
	}
}

func TestShortcutsOpenFormAndFocusSearch(t *testing.T) {
	a := uitest.NewApp(t)
	s := openMembers(t, a)
	c := a.Window.Canvas()
	c.(fyne.Shortcutable).TypedShortcut(widgets.CtrlShortcut(fyne.KeyF))
	if c.Focused() != s.search {
		t.Errorf("Ctrl+F focused %T, want the search box", c.Focused())
	}
	// Ctrl+N works while typing in the search box too.
	s.search.TypedShortcut(widgets.CtrlShortcut(fyne.KeyN))
	if !uitest.TopDialogHasText(c, "姓名") || !uitest.HasTextContaining(c, "新增党员") {
		t.Fatal("Ctrl+N did not open the new member form")
	}
	// Behind an open dialog the register's keys do nothing.
	form := c.Overlays().Top()
	c.(fyne.Shortcutable).TypedShortcut(widgets.CtrlShortcut(fyne.KeyN))
	if c.Overlays().Top() != form || len(c.Overlays().List()) != 1 {
		t.Errorf("Ctrl+N behind the form opened %d dialogs", len(c.Overlays().List()))
	}
}

func TestToolbarNewOpensForm(t *testing.T) {
	a := uitest.NewApp(t)
	openMembers(t, a)
	c := a.Window.Canvas()
	uitest.TapButton(t, c, "新增")
	if !uitest.HasTextContaining(c, "新增党员") {
		t.Fatal("新增 did not open the form")
	}
}

// BenchmarkMembersApply measures a keystroke in the search box: filter, sort by name and
// rebuild the cell strings of a large register.
func BenchmarkMembersApply(b *testing.B) {
	a := benchApp(b)
	s := newMembersScreen(a)
	for i := range 2000 {
		p := uitest.FullMember(fmt.Sprintf("党员%04d", i), uitest.ValidID("640106", fmt.Sprintf("19%02d0101", 50+i%50), fmt.Sprintf("%03d", i%1000)),
			civil.New(2000+i%25, 1+i%12, 1))
		p.ID, p.Roll, p.Standing = uint(i+1), data.RollActive, data.StandingNormal
		p.Post = []string{"语文教师", "数学教师", "校长", "后勤"}[i%4]
		s.people = append(s.people, p)
	}
	s.table.SortBy(1)
	s.filter.Text = "教师"
	s.apply()
	if s.table.Len() != 1000 {
		b.Fatalf("%d rows match, want 1000", s.table.Len())
	}
	for b.Loop() {
		s.apply()
	}
}

// benchApp is an App on an empty store for benchmarks (newTestUIApp needs a *testing.T).
func benchApp(b *testing.B) *core.App {
	test.NewTempApp(b)
	store, err := data.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	a := core.NewApp(store, test.NewTempWindow(b, widget.NewLabel("")))
	a.Now = func() civil.Date { return uitest.Today }
	return a
}
