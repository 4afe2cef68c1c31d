//go:build ci

package dues

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

// showDues is the 党费 screen over 张三, 李四, 王五 with 张三's base of
// 3000 元 from January (在职: 0.5%, 15.00 元 a month).
func showDues(t *testing.T) (*core.App, *Screen, []data.Person) {
	t.Helper()
	a := uitest.NewApp(t)
	people := uitest.ThreeMembers(t, a)
	base := data.DuesBase{PersonID: people[0].ID, From: civil.Date{Year: 2026, Month: 1},
		Category: data.DuesEmployed, BaseFen: 300000}
	if err := data.SaveRecord(a.Store, &base); err != nil {
		t.Fatal(err)
	}
	s := newScreen(a)
	uitest.Show(a, s.object())
	return a, s, people
}

func payments(t *testing.T, a *core.App) []data.DuesPayment {
	t.Helper()
	rows, err := data.Records[data.DuesPayment](a.Store, "id", "")
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func rowOf(t *testing.T, s *Screen, name string) *reports.DuesYearRow {
	t.Helper()
	for i := range s.grid.Len() {
		if r := s.grid.Row(i); r.Name == name {
			return r
		}
	}
	t.Fatalf("no row for %s in the grid", name)
	return nil
}

func TestPaymentIsTypedInYuanAndStoredInFen(t *testing.T) {
	a, s, people := showDues(t)
	c := a.Window.Canvas()
	uitest.TapButton(t, c, "记录缴费…")
	uitest.FillField(t, c, "姓名", "张三")
	uitest.FillField(t, c, "缴纳起月", "2026.01")
	uitest.FillField(t, c, "缴纳止月", "2026.03")
	uitest.FillField(t, c, "金额", "45.10")
	uitest.FillField(t, c, "缴纳日期", "2026.4.1")
	uitest.FillField(t, c, "缴纳方式", "微信")
	uitest.FillField(t, c, "经手人", "王五")
	uitest.TapButton(t, c, "保存")
	got := payments(t, a)
	if len(got) != 1 {
		t.Fatalf("payments = %+v, want one", got)
	}
	p := got[0]
	if p.PersonID != people[0].ID || p.AmountFen != 4510 || p.Method != "微信" || p.Handler != "王五" ||
		p.From != (civil.Date{Year: 2026, Month: 1}) || p.To != (civil.Date{Year: 2026, Month: 3}) {
		t.Errorf("payment = %+v", p)
	}
	// The grid: January to March paid, April and May (ended, unpaid) stand out.
	r := rowOf(t, s, "张三")
	if r.Months[0] == 0 || r.Unpaid != 2 {
		t.Errorf("张三's year: %+v", r)
	}
	if s.highlight(r, "4月") != widget.DangerImportance || s.highlight(r, "2月") != widget.MediumImportance ||
		s.highlight(r, "7月") != widget.MediumImportance {
		t.Errorf("arrears colours: 4月 %v, 2月 %v, 7月 %v", s.highlight(r, "4月"), s.highlight(r, "2月"), s.highlight(r, "7月"))
	}
	if !strings.Contains(s.summary.Text, "实缴 45.10 元") {
		t.Errorf("summary = %q", s.summary.Text)
	}
}

func TestMoreThanSixMonthsAsksForTheBranchConsent(t *testing.T) {
	a, _, _ := showDues(t)
	c := a.Window.Canvas()
	uitest.TapButton(t, c, "记录缴费…")
	uitest.FillField(t, c, "姓名", "张三")
	uitest.FillField(t, c, "缴纳起月", "2026.01")
	uitest.FillField(t, c, "缴纳止月", "2026.08")
	uitest.FillField(t, c, "金额", "120")
	uitest.FillField(t, c, "缴纳日期", "2026.6.1")
	uitest.TapButton(t, c, "保存")
	uitest.RequireText(t, c, "须经支部同意")
	if got := payments(t, a); len(got) != 0 {
		t.Fatalf("8 months saved without consent: %+v", got)
	}
	uitest.FillField(t, c, "支部同意日期", "2026.5.20")
	uitest.TapButton(t, c, "保存")
	if got := payments(t, a); len(got) != 1 || got[0].ConsentOn != civil.New(2026, 5, 20) || got[0].AmountFen != 12000 {
		t.Fatalf("payments = %+v", got)
	}
}

func TestBaseFormStoresTheBaseFromItsMonth(t *testing.T) {
	a, s, people := showDues(t)
	c := a.Window.Canvas()
	uitest.SelectTab(t, c, "核定基数")
	s.bases.Add()
	uitest.FillField(t, c, "姓名", "王五")
	uitest.FillField(t, c, "人员类别", "在职")
	uitest.FillField(t, c, "核定基数", "5,000.50")
	uitest.FillField(t, c, "起始月份", "2026.02")
	uitest.TapButton(t, c, "保存")
	rows, err := data.Records[data.DuesBase](a.Store, "id", "person_id = ?", people[2].ID)
	if err != nil || len(rows) != 1 {
		t.Fatalf("王五's bases = %+v, %v", rows, err)
	}
	if rows[0].BaseFen != 500050 || rows[0].From != (civil.Date{Year: 2026, Month: 2}) || rows[0].Category != data.DuesEmployed {
		t.Errorf("base = %+v", rows[0])
	}
	if r := rowOf(t, s, "王五"); r.BaseFen != 500050 {
		t.Errorf("the grid shows 王五's base as %d fen", r.BaseFen)
	}
}

func TestReliefRemovesTheArrears(t *testing.T) {
	a, s, _ := showDues(t)
	c := a.Window.Canvas()
	if r := rowOf(t, s, "张三"); r.Unpaid != 5 {
		t.Fatalf("张三 unpaid = %d before the relief, want 5", r.Unpaid)
	}
	uitest.SelectTab(t, c, "困难减免")
	s.reliefs.Add()
	uitest.FillField(t, c, "姓名", "张三")
	uitest.FillField(t, c, "减免起月", "2026.01")
	uitest.FillField(t, c, "减免止月", "2026.12")
	uitest.FillField(t, c, "减免后月缴", "0")
	uitest.FillField(t, c, "支部讨论日期", "2026.1.10")
	uitest.FillField(t, c, "上级批准日期", "2026.1.20")
	uitest.FillField(t, c, "批准单位", "学校党委")
	uitest.FillField(t, c, "减免原因", "家庭困难")
	uitest.TapButton(t, c, "保存")
	if r := rowOf(t, s, "张三"); r.Unpaid != 0 || r.DueFen != 0 {
		t.Errorf("after 免交: %+v", r)
	}
}

func TestChoosingAnotherYearShowsThatYear(t *testing.T) {
	a, s, people := showDues(t)
	pay := data.DuesPayment{PersonID: people[0].ID, From: civil.Date{Year: 2026, Month: 1}, AmountFen: 1500,
		PaidOn: civil.New(2026, 1, 10)}
	if err := data.SaveRecord(a.Store, &pay); err != nil {
		t.Fatal(err)
	}
	a.NotifyChanged()
	total := func() int64 { return s.grid.Row(s.grid.Len() - 1).PaidFen }
	if s.Year() != 2026 || total() != 1500 {
		t.Fatalf("opens on %d with %d fen paid", s.Year(), total())
	}
	s.year.SetSelected("2025年")
	if s.Year() != 2025 || total() != 0 || s.payments.Table().Len() != 0 {
		t.Errorf("2025: Year() = %d, %d fen paid, %d payments listed", s.Year(), total(), s.payments.Table().Len())
	}
}
