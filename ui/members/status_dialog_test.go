//go:build ci

package members

import (
	"slices"
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

// openStatus shows the status dialog for the stored person with that ID.
func openStatus(t *testing.T, a *core.App, id uint) *statusDialog {
	t.Helper()
	p, err := a.Store.Person(id)
	if err != nil {
		t.Fatal(err)
	}
	d, err := newStatusDialog(a, p)
	if err != nil {
		t.Fatal(err)
	}
	a.ShowForm(d.dlg, d.unsaved, nil)
	return d
}

func TestStatusTransferOutMovesToLeftView(t *testing.T) {
	a := uitest.NewApp(t)
	people := uitest.ThreeMembers(t, a)
	s := openMembers(t, a)
	c := a.Window.Canvas()

	s.table.SelectRow(0)
	uitest.TapButton(t, c, "状态变更")
	if !uitest.TopDialogHasText(c, "状态变更：张三") {
		t.Fatal("状态变更 did not open the dialog for 张三")
	}
	d := openStatus(t, a, people[0].ID)
	if d.destRow.Row.Visible() {
		t.Error("the destination field shows before a kind is chosen")
	}
	d.kind.SetSelected(string(data.EventTransferOut))
	if !d.destRow.Row.Visible() || d.destRow.Label.Text != "转往党组织" || d.endRow.Row.Visible() {
		t.Fatalf("for 转出 the dialog shows destination %v (%q), end date %v",
			d.destRow.Row.Visible(), d.destRow.Label.Text, d.endRow.Row.Visible())
	}
	if d.date.Text() != uitest.Today.String() {
		t.Errorf("date defaults to %q, want today", d.date.Text())
	}

	// Without a destination the dialog says what is missing and records nothing.
	uitest.TapButton(t, c, "确认办理")
	if !d.Message.Visible() || !strings.Contains(d.Message.Text, "转往党组织") {
		t.Fatalf("message = %q", d.Message.Text)
	}
	uitest.TypeIn(c, d.dest, "银川市第二中学党支部")
	d.date.SetDate(civil.New(2026, 5, 20))
	uitest.TapButton(t, c, "确认办理")

	p, _ := a.Store.Person(people[0].ID)
	if p.Roll != data.RollTransferred || p.Destination != "银川市第二中学党支部" || p.RollDate != civil.New(2026, 5, 20) {
		t.Fatalf("after 转出: roll %q, destination %q, date %v", p.Roll, p.Destination, p.RollDate)
	}
	if got := shownNames(s); slices.Contains(got, "张三") {
		t.Errorf("张三 is still in the register: %v", got)
	}
	s.viewChoice.SetSelected("已转出/出党/死亡")
	if got := shownNames(s); !slices.Equal(got, []string{"张三"}) {
		t.Fatalf("已离开 view shows %v", got)
	}
	if marks := s.table.Cell(0, s.table.ColumnIndex("状态标记")); marks != "已转出 2026-05-20（转往银川市第二中学党支部）" {
		t.Errorf("状态标记 = %q", marks)
	}
	if s.count.Text != "共 1 人：已转出 1" {
		t.Errorf("count line = %q", s.count.Text)
	}
	events, _ := a.Store.StatusEvents(p.ID)
	if len(events) != 1 || events[0].Kind != data.EventTransferOut {
		t.Errorf("history = %+v", events)
	}
}

func TestStatusConfirmPrefillsProbationEnd(t *testing.T) {
	a := uitest.NewApp(t)
	people := uitest.ThreeMembers(t, a) // 李四: 预备党员 since 2026-01-10
	li := people[1]
	d := openStatus(t, a, li.ID)
	d.kind.SetSelected(string(data.EventConfirm))
	if d.date.Text() != "2027-01-10" || !strings.Contains(d.explain.Text, "预备期满之日（2027-01-10）") {
		t.Errorf("转正 date %q, explanation %q", d.date.Text(), d.explain.Text)
	}
	if !strings.Contains(d.explain.Text, "尚未期满") {
		t.Errorf("explanation does not say the 预备期 has not ended: %q", d.explain.Text)
	}

	d.kind.SetSelected(string(data.EventExtend))
	if !d.endRow.Row.Visible() || d.end.Text() != "2027-07-10" {
		t.Errorf("延长至 = %q (visible %v), want join + 18 months", d.end.Text(), d.endRow.Row.Visible())
	}
	if !strings.Contains(d.explain.Text, "2027-07-10 到 2028-01-10") {
		t.Errorf("延长 explanation = %q", d.explain.Text)
	}
	d.date.SetDate(civil.New(2026, 6, 1))
	if err := d.submit(); err != nil {
		t.Fatalf("延长预备期: %v", err)
	}
	p, _ := a.Store.Person(li.ID)
	if p.ExtendedTo != civil.New(2027, 7, 10) {
		t.Errorf("ExtendedTo = %v", p.ExtendedTo)
	}
}

func TestStatusOffersOnlyAllowedKinds(t *testing.T) {
	a := uitest.NewApp(t)
	people := uitest.ThreeMembers(t, a) // 张三 is a 正式党员
	d := openStatus(t, a, people[0].ID)
	if slices.Contains(d.kind.Options, string(data.EventConfirm)) {
		t.Error("转为正式党员 offered for a 正式党员")
	}
	if !slices.Contains(d.kind.Options, string(data.EventExit)) {
		t.Error("出党 not offered")
	}
	if uitest.HasTextContaining(a.Window.Canvas(), "张三不是预备党员") {
		t.Error("the reasons are shown before asking")
	}
	d.refused.Open(0)
	uitest.RequireText(t, a.Window.Canvas(), "张三不是预备党员")

	d.kind.SetSelected(string(data.EventExit))
	if !d.exitRow.Row.Visible() {
		t.Fatal("出党 does not ask how")
	}
	if err := d.submit(); err == nil || !strings.Contains(err.Error(), "出党方式") {
		t.Errorf("出党 without a kind: %v", err)
	}
	d.exitKind.SetSelected("退党")
	if err := d.submit(); err != nil {
		t.Fatal(err)
	}
	if p, _ := a.Store.Person(people[0].ID); p.Roll != data.RollExpelled || p.ExitKind != "退党" {
		t.Errorf("after 出党: %q %q", p.Roll, p.ExitKind)
	}
}
