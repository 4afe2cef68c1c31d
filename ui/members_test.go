//go:build ci

package ui

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
	"partyoffice/data/idcard"
)

// validID makes a correct 18-digit number: area code, birth date YYYYMMDD, a three-digit
// sequence (odd last digit = 男), and the computed check digit.
func validID(area, birth, seq string) string {
	n := area + birth + seq
	return n + string(idcard.CheckDigit(n))
}

// fullMember is a consistent 正式党员: joined on join, full member a year later.
func fullMember(name, id string, join civil.Date) data.Person {
	p := data.Person{Name: name, IDNumber: id, Stage: data.StageFull, JoinDate: join, FullDate: join.AddMonths(12)}
	p.Normalize()
	return p
}

// storeMembers stores the people and returns them with their IDs.
func storeMembers(t *testing.T, a *App, people ...data.Person) []data.Person {
	t.Helper()
	for i := range people {
		if err := a.Store.CreatePerson(&people[i]); err != nil {
			t.Fatalf("create %s: %v", people[i].Name, err)
		}
	}
	return people
}

// threeMembers are 张三 (语文教师), 李四 (数学教师, 预备党员) and 王五 (校长).
func threeMembers(t *testing.T, a *App) []data.Person {
	t.Helper()
	zhang := fullMember("张三", validID("640106", "19850312", "013"), civil.New(2010, 7, 1))
	zhang.Post, zhang.Mobile = "语文教师", "13912345678"
	li := data.Person{Name: "李四", IDNumber: validID("640106", "19900105", "024"), Stage: data.StageProbationer,
		JoinDate: civil.New(2026, 1, 10), Post: "数学教师"}
	li.Normalize()
	wang := fullMember("王五", validID("640104", "19720830", "035"), civil.New(1998, 6, 20))
	wang.Post = "校长"
	return storeMembers(t, a, zhang, li, wang)
}

// openMembers shows the 党员名册 in the window.
func openMembers(t *testing.T, a *App) *membersScreen {
	t.Helper()
	s := newMembersScreen(a)
	showInWindow(a, s.content)
	return s
}

// shownNames are the 姓名 cells of the table, top to bottom.
func shownNames(s *membersScreen) []string {
	var out []string
	for _, r := range s.rows {
		out = append(out, r.cells[1])
	}
	return out
}

// typeIn focuses e through the canvas (so the previous field loses the focus, as with a
// mouse click) and types text.
func typeIn(c fyne.Canvas, e fyne.Focusable, text string) {
	c.Focus(e)
	test.Type(e, text)
}

// topDialogHasText reports whether the topmost dialog shows a text containing part.
func topDialogHasText(c fyne.Canvas, part string) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	for _, o := range visibleObjects(top) {
		var text string
		switch v := o.(type) {
		case *widget.Label:
			text = v.Text
		case *widget.Button:
			text = v.Text
		case *widget.Check:
			text = v.Text
		}
		if strings.Contains(text, part) {
			return true
		}
	}
	return false
}

func TestSearchNarrowsTable(t *testing.T) {
	a := newTestUIApp(t)
	threeMembers(t, a)
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
		typeIn(a.Window.Canvas(), s.search, tc.typed)
		if got := shownNames(s); !slices.Equal(got, tc.want) {
			t.Errorf("search %q shows %v, want %v", tc.typed, got, tc.want)
		}
		if rows, _ := s.table.Length(); rows != len(tc.want) {
			t.Errorf("search %q: table has %d rows, want %d", tc.typed, rows, len(tc.want))
		}
	}
}

func TestCountLineAndFilters(t *testing.T) {
	a := newTestUIApp(t)
	threeMembers(t, a)
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
	wang := s.rows[2].person
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
	a := newTestUIApp(t)
	s := openMembers(t, a)
	if !strings.Contains(s.count.Text, "新增") || !strings.Contains(s.count.Text, "导入") {
		t.Errorf("empty register count line = %q, want a hint to 新增 or 导入", s.count.Text)
	}
}

func TestHeaderTapSorts(t *testing.T) {
	a := newTestUIApp(t)
	threeMembers(t, a)
	s := openMembers(t, a)
	c := a.Window.Canvas()

	tapButton(t, c, data.FieldName)
	if got := shownNames(s); !slices.Equal(got, []string{"李四", "王五", "张三"}) { // pinyin: li, wang, zhang
		t.Errorf("sorted by 姓名: %v", got)
	}
	if s.rows[0].cells[seqColumn] != "1" {
		t.Errorf("序号 of the first row after sorting = %q, want 1", s.rows[0].cells[seqColumn])
	}
	tapButton(t, c, data.FieldName+" ▲")
	if got := shownNames(s); !slices.Equal(got, []string{"张三", "王五", "李四"}) {
		t.Errorf("sorted by 姓名 reversed: %v", got)
	}
	findButton(t, c, data.FieldName+" ▼")

	tapButton(t, c, "年龄")
	if got := shownNames(s); !slices.Equal(got, []string{"李四", "张三", "王五"}) { // youngest first
		t.Errorf("sorted by 年龄: %v", got)
	}
	// 党小组 is off screen to the right; it sorts by the shown group name, empty last.
	g := data.PartyGroup{Name: "第二党小组"}
	if err := a.Store.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	wang := s.rows[2].person
	wang.GroupID = &g.ID
	if err := a.Store.UpdatePerson(&wang); err != nil {
		t.Fatal(err)
	}
	a.NotifyChanged()
	s.sortBy(slices.IndexFunc(memberColumns, func(c memberColumn) bool { return c.title == data.FieldGroup }))
	if got := shownNames(s); got[0] != "王五" {
		t.Errorf("sorted by 党小组: %v, want 王五 (the only one in a group) first", got)
	}
}

func TestCellsShowComputedColumns(t *testing.T) {
	a := newTestUIApp(t)
	people := threeMembers(t, a)
	wang := people[2]
	wang.Floating, wang.FloatTo = true, "宁夏银川市"
	wang.Lost = true
	if err := a.Store.UpdatePerson(&wang); err != nil {
		t.Fatal(err)
	}
	s := openMembers(t, a)
	row := s.rows[2].cells
	col := func(title string) string {
		for i, c := range memberColumns {
			if c.title == title {
				return row[i]
			}
		}
		t.Fatalf("no column %s", title)
		return ""
	}
	// 王五: born 1972-08-30, full member since 1999-06-20; today is testToday (2026-06-15).
	for title, want := range map[string]string{
		"年龄": "53", "党龄": "26", data.FieldBirth: "1972-08-30", data.FieldGender: "男",
		"状态标记": "流动（宁夏银川市）、失联", "身份证号": people[2].IDNumber,
	} {
		if got := col(title); got != want {
			t.Errorf("%s = %q, want %q", title, got, want)
		}
	}
}

func TestDeleteGoesToRecycleBinAndBack(t *testing.T) {
	a := newTestUIApp(t)
	threeMembers(t, a)
	s := openMembers(t, a)
	c := a.Window.Canvas()
	if !findButton(t, c, "删除").Disabled() {
		t.Error("删除 is enabled with nothing selected")
	}
	s.selectRow(0)
	tapButton(t, c, "删除")
	if !topDialogHasText(c, "将‘张三’移入回收站？可在回收站中恢复。") {
		t.Fatal("no confirmation naming 张三")
	}
	tapButton(t, c, "移入回收站")
	if got := shownNames(s); !slices.Equal(got, []string{"李四", "王五"}) {
		t.Fatalf("after deleting 张三 the table shows %v", got)
	}

	s.viewChoice.SetSelected("回收站")
	if s.table.Visible() || !s.bin.content.Visible() {
		t.Fatal("回收站 view does not show the bin")
	}
	if len(s.bin.people) != 1 || s.bin.people[0].Name != "张三" {
		t.Fatalf("bin holds %v", s.bin.people)
	}
	requireText(t, c, "张三")
	tapButton(t, c, "恢复")
	if len(s.bin.people) != 0 {
		t.Fatalf("bin still holds %d after 恢复", len(s.bin.people))
	}
	s.viewChoice.SetSelected("在册党员")
	if got := shownNames(s); len(got) != 3 {
		t.Fatalf("after 恢复 the register shows %v", got)
	}

	// Delete again and empty the bin for good.
	s.selectRow(0)
	tapButton(t, c, "删除")
	tapButton(t, c, "移入回收站")
	s.viewChoice.SetSelected("回收站")
	tapButton(t, c, "彻底删除")
	if !topDialogHasText(c, "删除后无法恢复") {
		t.Fatal("彻底删除 does not ask first")
	}
	tapButton(t, c, "彻底删除") // the confirmation's own button, in the topmost dialog
	deleted, err := a.Store.DeletedPeople()
	if err != nil || len(deleted) != 0 {
		t.Fatalf("bin after 彻底删除: %v, %v", deleted, err)
	}
	if n, _ := a.Store.CountPeople(); n != 2 {
		t.Errorf("%d people left, want 2", n)
	}
}

func TestDoubleTapOpensForm(t *testing.T) {
	a := newTestUIApp(t)
	threeMembers(t, a)
	openMembers(t, a)
	c := a.Window.Canvas()
	var cell *memberCell
	for _, o := range visibleObjects(c.Content()) {
		if mc, ok := o.(*memberCell); ok && mc.id.Row == 1 {
			cell = mc
			break
		}
	}
	if cell == nil {
		t.Fatal("no table cell of row 2 on screen")
	}
	test.DoubleTap(cell)
	if !topDialogHasText(c, "编辑党员信息：李四") {
		t.Fatal("double tap on 李四's row did not open the form")
	}
}

func TestShortcutsOpenFormAndFocusSearch(t *testing.T) {
	a := newTestUIApp(t)
	s := openMembers(t, a)
	c := a.Window.Canvas()
	c.(fyne.Shortcutable).TypedShortcut(ctrlShortcut(fyne.KeyF))
	if c.Focused() != s.search {
		t.Errorf("Ctrl+F focused %T, want the search box", c.Focused())
	}
	// Ctrl+N works while typing in the search box too.
	s.search.TypedShortcut(ctrlShortcut(fyne.KeyN))
	if !topDialogHasText(c, "姓名") || !hasTextContaining(c, "新增党员") {
		t.Fatal("Ctrl+N did not open the new member form")
	}
	// Behind an open dialog the register's keys do nothing.
	form := c.Overlays().Top()
	c.(fyne.Shortcutable).TypedShortcut(ctrlShortcut(fyne.KeyN))
	if c.Overlays().Top() != form || len(c.Overlays().List()) != 1 {
		t.Errorf("Ctrl+N behind the form opened %d dialogs", len(c.Overlays().List()))
	}
}

func TestToolbarNewOpensForm(t *testing.T) {
	a := newTestUIApp(t)
	openMembers(t, a)
	c := a.Window.Canvas()
	tapButton(t, c, "新增")
	if !hasTextContaining(c, "新增党员") {
		t.Fatal("新增 did not open the form")
	}
}

// BenchmarkMembersApply measures a keystroke in the search box: filter, sort by name and
// rebuild the cell strings of a large register.
func BenchmarkMembersApply(b *testing.B) {
	a := benchApp(b)
	s := newMembersScreen(a)
	for i := range 2000 {
		p := fullMember(fmt.Sprintf("党员%04d", i), validID("640106", fmt.Sprintf("19%02d0101", 50+i%50), fmt.Sprintf("%03d", i%1000)),
			civil.New(2000+i%25, 1+i%12, 1))
		p.ID, p.Roll, p.Standing = uint(i+1), data.RollActive, data.StandingNormal
		p.Post = []string{"语文教师", "数学教师", "校长", "后勤"}[i%4]
		s.people = append(s.people, p)
	}
	s.sortCol = 1
	s.filter.Text = "教师"
	s.apply()
	if len(s.rows) != 1000 {
		b.Fatalf("%d rows match, want 1000", len(s.rows))
	}
	for b.Loop() {
		s.apply()
	}
}

// benchApp is an App on an empty store for benchmarks (newTestUIApp needs a *testing.T).
func benchApp(b *testing.B) *App {
	test.NewTempApp(b)
	store, err := data.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	a := NewApp(store, test.NewTempWindow(b, widget.NewLabel("")))
	a.Now = func() civil.Date { return testToday }
	return a
}
