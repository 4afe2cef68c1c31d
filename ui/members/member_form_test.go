//go:build ci

package members

import (
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

// openForm shows the member form for p (nil: a new member) over the register.
func openForm(t *testing.T, a *core.App, p *data.Person) *memberForm {
	t.Helper()
	f, err := newMemberForm(a, p)
	if err != nil {
		t.Fatal(err)
	}
	f.show()
	return f
}

// entryOf is the text input of a form field.
func entryOf(t *testing.T, f *memberForm, field string) fyne.Focusable {
	t.Helper()
	if field == data.FieldFull {
		return f.full.Entry // under it sits the 预备期满日 suggestion
	}
	switch in := f.fields[field].Input.(type) {
	case *widgets.FormEntry:
		return in
	case *widgets.FormSelectEntry:
		return in
	case *widgets.DateField:
		return in.Entry
	}
	t.Fatalf("field %s has no text input (%T)", field, f.fields[field].Input)
	return nil
}

// fill types each value into its field, in order, as a user tabbing through would.
func fill(t *testing.T, a *core.App, f *memberForm, values [][2]string) {
	t.Helper()
	for _, v := range values {
		uitest.TypeIn(a.Window.Canvas(), entryOf(t, f, v[0]), v[1])
	}
}

func hintOf(f *memberForm, field string) *widget.Label { return f.fields[field].Hint }

func TestFormAddsMember(t *testing.T) {
	a := uitest.NewApp(t)
	g := data.PartyGroup{Name: "第一党小组"}
	if err := a.Store.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	s := openMembers(t, a)
	f := openForm(t, a, nil)
	id := uitest.ValidID("640106", "19850312", "013")

	fill(t, a, f, [][2]string{{data.FieldName, "张 三"}, {data.FieldIDNumber, id}})
	if f.gender.Selected != "男" || f.birth.Text() != "1985-03-12" {
		t.Fatalf("ID number did not fill 性别/出生日期: %q %q", f.gender.Selected, f.birth.Text())
	}
	if h := hintOf(f, data.FieldIDNumber); !h.Visible() || h.Importance != widget.SuccessImportance {
		t.Errorf("ID hint = %q (%v), want a success note", h.Text, h.Importance)
	}
	fill(t, a, f, [][2]string{
		{data.FieldEthnicity, "汉族"}, {data.FieldEducation, "大学本科"}, {data.FieldPost, "语文教师"},
		{data.FieldJoin, "2010.7.1"}, {data.FieldMobile, "139 1234 5678"},
	})
	if f.stage.Selected != string(data.StageFull) {
		t.Errorf("人员类别 of a new member = %q, want 正式党员", f.stage.Selected)
	}
	// The 转正 date is offered as 预备期满日 (D13).
	if !f.suggestFull.Visible() || !strings.Contains(f.suggestFull.Text, "2011-07-01") {
		t.Fatalf("转正 suggestion = %q (visible %v), want 2011-07-01", f.suggestFull.Text, f.suggestFull.Visible())
	}
	test.Tap(f.suggestFull)
	if f.full.Text() != "2011-07-01" || f.suggestFull.Visible() {
		t.Fatalf("after the suggestion 转正 = %q", f.full.Text())
	}
	f.group.SetSelected("第一党小组")
	test.Tap(f.save)

	people, err := a.Store.People()
	if err != nil || len(people) != 1 {
		t.Fatalf("store holds %d people (%v) after 保存; form says %q", len(people), err, f.Message.Text)
	}
	p := people[0]
	want := data.Person{Name: "张三", IDNumber: id, Gender: "男", BirthDate: civil.New(1985, 3, 12), Ethnicity: "汉族",
		Education: "大学本科", Post: "语文教师", Stage: data.StageFull, JoinDate: civil.New(2010, 7, 1),
		FullDate: civil.New(2011, 7, 1), Mobile: "13912345678", Roll: data.RollActive, Standing: data.StandingNormal}
	got := p
	got.Model, got.GroupID = data.Model{}, nil
	if got != want {
		t.Errorf("stored person\n got %+v\nwant %+v", got, want)
	}
	if p.GroupID == nil || *p.GroupID != g.ID {
		t.Errorf("党小组 = %v, want %d", p.GroupID, g.ID)
	}
	audit, err := a.Store.AuditLog(data.AuditFilter{Action: "新增", Entity: "人员", EntityID: p.ID})
	if err != nil || len(audit) != 1 {
		t.Errorf("audit entries for the new member: %v (%v)", audit, err)
	}
	if a.Window.Canvas().Overlays().Top() != nil {
		t.Error("the form is still open after saving")
	}
	if got := shownNames(s); len(got) != 1 || got[0] != "张三" {
		t.Errorf("register shows %v after saving", got)
	}
}

func TestFormBadIDNumberBlocksSaving(t *testing.T) {
	a := uitest.NewApp(t)
	openMembers(t, a)
	f := openForm(t, a, nil)
	good := uitest.ValidID("640106", "19850312", "013")
	bad := good[:17] + map[bool]string{true: "0", false: "1"}[good[17] != '0']

	fill(t, a, f, [][2]string{{data.FieldName, "张三"}, {data.FieldIDNumber, bad}, {data.FieldJoin, "2010-07-01"}})
	h := hintOf(f, data.FieldIDNumber)
	if !h.Visible() || !strings.Contains(h.Text, "校验码不对") || h.Importance != widget.DangerImportance {
		t.Fatalf("while typing, the ID hint is %q (visible %v)", h.Text, h.Visible())
	}
	test.Tap(f.save)
	if n, _ := a.Store.CountPeople(); n != 0 {
		t.Fatalf("%d people saved with a bad ID number", n)
	}
	if !h.Visible() || !strings.Contains(h.Text, "校验码不对") || h.Importance != widget.DangerImportance {
		t.Errorf("after 保存 the ID hint is %q", h.Text)
	}
	if !f.Message.Visible() || !strings.Contains(f.Message.Text, "需要改正") {
		t.Errorf("form message = %q", f.Message.Text)
	}
	if a.Window.Canvas().Overlays().Top() == nil {
		t.Error("the form closed although nothing was saved")
	}
}

func TestFormTypingIDShowsProgress(t *testing.T) {
	a := uitest.NewApp(t)
	f := openForm(t, a, nil)
	uitest.TypeIn(a.Window.Canvas(), f.idNumber, "6401061985")
	if h := hintOf(f, data.FieldIDNumber); h.Text != "已输入 10 位，共 18 位" || h.Importance == widget.DangerImportance {
		t.Errorf("half-typed ID hint = %q (%v)", h.Text, h.Importance)
	}
}

func TestFormErrorsAreShownUnderTheirFields(t *testing.T) {
	a := uitest.NewApp(t)
	f := openForm(t, a, nil)
	fill(t, a, f, [][2]string{
		{data.FieldName, "王五"}, {data.FieldIDNumber, uitest.ValidID("640106", "19850312", "013")},
		{data.FieldMobile, "1391234"}, {data.FieldJoin, "2023-02-30"},
	})
	test.Tap(f.save)
	if n, _ := a.Store.CountPeople(); n != 0 {
		t.Fatal("saved with an impossible date")
	}
	if !f.join.Message.Visible() || !strings.Contains(f.join.Message.Text, "2月只有28天") {
		t.Errorf("加入党组织日期 message = %q", f.join.Message.Text)
	}
	// Fix the date: now the 手机号 is the only error, shown under its field.
	f.join.SetDate(civil.New(2010, 7, 1))
	f.full.SetDate(civil.New(2011, 7, 1))
	test.Tap(f.save)
	if h := hintOf(f, data.FieldMobile); !h.Visible() || !strings.Contains(h.Text, "1开头的11位数字") {
		t.Errorf("手机号 hint = %q", h.Text)
	}
	if n, _ := a.Store.CountPeople(); n != 0 {
		t.Fatal("saved with a bad 手机号")
	}
}

func TestFormWarningsNeedConfirmation(t *testing.T) {
	a := uitest.NewApp(t)
	f := openForm(t, a, nil)
	c := a.Window.Canvas()
	fill(t, a, f, [][2]string{{data.FieldName, "赵六"}, {data.FieldJoin, "2010-07-01"}, {data.FieldFull, "2011-07-01"}})
	test.Tap(f.save) // no ID number: a warning
	if !uitest.TopDialogHasText(c, "未填写公民身份号码") {
		t.Fatal("no confirmation listing the warning")
	}
	if h := hintOf(f, data.FieldIDNumber); h.Importance != widget.WarningImportance || !h.Visible() {
		t.Errorf("ID hint = %q (%v), want a warning", h.Text, h.Importance)
	}
	uitest.TapButton(t, c, "返回修改")
	if n, _ := a.Store.CountPeople(); n != 0 {
		t.Fatal("saved although the user went back")
	}
	test.Tap(f.save)
	uitest.TapButton(t, c, "仍然保存")
	if n, _ := a.Store.CountPeople(); n != 1 {
		t.Fatal("not saved after 仍然保存")
	}
}

func TestFormStoreRefusalStaysOnForm(t *testing.T) {
	a := uitest.NewApp(t)
	people := uitest.ThreeMembers(t, a)
	f := openForm(t, a, nil)
	fill(t, a, f, [][2]string{{data.FieldName, "张三丰"}, {data.FieldIDNumber, people[0].IDNumber},
		{data.FieldJoin, "2010-07-01"}, {data.FieldFull, "2011-07-01"}})
	test.Tap(f.save)
	if !strings.Contains(f.Message.Text, "已属于“张三”") {
		t.Errorf("form message = %q, want the store's duplicate ID message", f.Message.Text)
	}
	if n, _ := a.Store.CountPeople(); n != 3 {
		t.Errorf("%d people, want 3", n)
	}
}

func TestFormEditsAndKeys(t *testing.T) {
	a := uitest.NewApp(t)
	people := uitest.ThreeMembers(t, a)
	c := a.Window.Canvas()

	// Esc in a field with typed work asks; 放弃 closes without saving.
	f := openForm(t, a, &people[0])
	if f.name.Text != "张三" || f.join.Text() != "2010-07-01" || f.stage.Selected != "正式党员" {
		t.Fatalf("form shows %q %q %q", f.name.Text, f.join.Text(), f.stage.Selected)
	}
	uitest.TypeIn(c, f.fields[data.FieldPost].Input.(*widgets.FormEntry), "（已改）")
	f.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	uitest.TapButton(t, c, "放弃")
	if c.Overlays().Top() != nil {
		t.Fatal("Esc did not close the form")
	}
	if p, _ := a.Store.Person(people[0].ID); p.Post != "语文教师" {
		t.Fatalf("Esc saved the change: %q", p.Post)
	}

	// Ctrl+S in a field saves.
	f = openForm(t, a, &people[0])
	post := f.fields[data.FieldPost].Input.(*widgets.FormEntry)
	post.SetText("")
	uitest.TypeIn(c, post, "教研组长")
	post.TypedShortcut(widgets.CtrlShortcut(fyne.KeyS))
	p, err := a.Store.Person(people[0].ID)
	if err != nil || p.Post != "教研组长" {
		t.Fatalf("after Ctrl+S the post is %q (%v); form says %q", p.Post, err, f.Message.Text)
	}
	if audit, _ := a.Store.AuditLog(data.AuditFilter{Action: "修改", EntityID: p.ID}); len(audit) != 1 {
		t.Errorf("%d 修改 audit entries, want 1", len(audit))
	}
}

func TestFormShowsHistoryOfExistingMember(t *testing.T) {
	a := uitest.NewApp(t)
	people := uitest.ThreeMembers(t, a)
	err := a.Store.AddStatusEvent(people[0].ID, data.StatusEvent{Kind: data.EventFloatOut,
		Date: civil.New(2025, 9, 1), Destination: "宁夏银川市"})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := a.Store.Person(people[0].ID)
	openForm(t, a, &p)
	uitest.RequireText(t, a.Window.Canvas(), "2025-09-01　外出流动　外出流向（省/市/县）：宁夏银川市")
}
