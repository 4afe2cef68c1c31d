//go:build ci

package settings

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/uitest"
)

func findCheck(t *testing.T, c fyne.Canvas, text string) *widget.Check {
	t.Helper()
	for _, o := range uitest.VisibleOnCanvas(c) {
		if ch, ok := o.(*widget.Check); ok && ch.Text == text {
			return ch
		}
	}
	t.Fatalf("no check box %q on screen", text)
	return nil
}

func TestLocalRequirementsSwitchExplainsEachAndSaves(t *testing.T) {
	a := uitest.NewApp(t)
	if err := a.Store.SaveBranch(data.Branch{Name: "实验小学党支部"}); err != nil { // a new branch: national rules only
		t.Fatal(err)
	}
	uitest.Show(a, NewSettingsScreen(a))
	c := a.Window.Canvas()
	uitest.SelectTab(t, c, "本地要求")
	for _, want := range []string{"意识形态工作专题会议：支部委员，每学期1次", "集中学习/专题研讨", "党课：全体党员，每季度1次",
		"每学期听思政课不少于 4 次、讲思政课不少于 4 课时", "优秀青年教师入党不少于 1 名"} {
		uitest.RequireText(t, c, want)
	}
	on := findCheck(t, c, localSwitchText)
	if on.Checked || a.Store.LocalRequirements() {
		t.Fatal("a new branch should start with the local requirements off")
	}
	test.Tap(on)
	if !a.Store.LocalRequirements() {
		t.Fatal("switching on was not stored")
	}
	entries, _, err := a.Store.SearchAudit(data.AuditQuery{Limit: 1})
	if err != nil || len(entries) == 0 {
		t.Fatalf("no audit entry for the switch: %v", err)
	}
	test.Tap(on)
	if a.Store.LocalRequirements() {
		t.Error("switching off was not stored")
	}
}

func TestHolidayPageShowsTheOfficialYearsAndSavesTheUsers(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Show(a, NewSettingsScreen(a))
	c := a.Window.Canvas()
	uitest.SelectTab(t, c, "节假日")
	uitest.RequireText(t, c, "已收录 2014—2026 年")
	uitest.RequireText(t, c, "还没有补充")
	uitest.RequireText(t, c, "2027-10-09 班 国庆节调休") // the format, by example

	entry := findMultiLineEntry(t, c)
	uitest.TypeInto(c, entry, "年份 2027 通知\n2027-13-01 休 国庆节")
	uitest.TapButton(t, c, "保存")
	uitest.RequireText(t, c, "没有保存：节假日表第 2 行：日期“2027-13-01”应写成 2026-10-01 的形式")
	if a.Store.UserHolidays() != "" {
		t.Fatal("a wrong table was stored")
	}

	uitest.TypeInto(c, entry, "年份 2027 国务院办公厅关于2027年部分节假日安排的通知\n2027-10-01..2027-10-07 休 国庆节\n2027-10-09 班 国庆节调休")
	uitest.TapButton(t, c, "保存")
	uitest.RequireText(t, c, "已保存")
	uitest.RequireText(t, c, "已补充 2027 年")
	table, err := a.Store.HolidayTable()
	if err != nil || !table.Covers(2027) || !table.Covers(2026) {
		t.Fatalf("after saving: covers 2027 %v, 2026 %v, err %v", table.Covers(2027), table.Covers(2026), err)
	}
}

func findMultiLineEntry(t *testing.T, c fyne.Canvas) *widget.Entry {
	t.Helper()
	for _, o := range uitest.VisibleOnCanvas(c) {
		if e, ok := o.(*widget.Entry); ok && e.MultiLine {
			return e
		}
	}
	t.Fatal("no multi-line entry on screen")
	return nil
}

func TestYearRanges(t *testing.T) {
	for _, tc := range []struct {
		years []int
		want  string
	}{
		{nil, "（无）"},
		{[]int{2027}, "2027"},
		{[]int{2014, 2015, 2016}, "2014—2016"},
		{[]int{2014, 2015, 2017, 2019, 2020}, "2014—2015、2017、2019—2020"},
	} {
		if got := yearRanges(tc.years); got != tc.want {
			t.Errorf("yearRanges(%v) = %q, want %q", tc.years, got, tc.want)
		}
	}
}

func TestOperatorIsSavedAndNamedInTheAuditLog(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.Show(a, NewSettingsScreen(a))
	c := a.Window.Canvas()
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "使用人"), " 组织委员 张静 ")
	uitest.TapButton(t, c, "保存使用人")
	if got := a.Store.Operator(); got != "组织委员 张静" {
		t.Fatalf("operator = %q", got)
	}
	// Later changes are recorded under that name.
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "支部名称"), "实验小学党支部")
	uitest.TapButton(t, c, "保存")
	entries, _, err := a.Store.SearchAudit(data.AuditQuery{Entity: "支部信息", Limit: 1})
	if err != nil || len(entries) == 0 {
		t.Fatalf("no audit entry for the branch: %v", err)
	}
	if entries[0].Actor != "组织委员 张静" {
		t.Errorf("the branch's change is recorded under %q", entries[0].Actor)
	}

	// Clearing the name is refused in plain words.
	uitest.TypeInto(c, uitest.FindFormEntry(t, c, "使用人"), "")
	uitest.TapButton(t, c, "保存使用人")
	if !uitest.TopDialogHasText(c, "请填写使用人的姓名") {
		t.Error("clearing the user's name gave no message")
	}
	if strings.TrimSpace(a.Store.Operator()) == "" {
		t.Error("the user's name was cleared")
	}
}
