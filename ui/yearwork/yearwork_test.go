//go:build ci

package yearwork

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/registers"
	"partyoffice/ui/uitest"
)

func showScreen(t *testing.T, a *core.App) *Screen {
	t.Helper()
	s := newScreen(a)
	uitest.Show(a, s.object())
	return s
}

func talks(t *testing.T, a *core.App) []data.Talk {
	t.Helper()
	rows, err := data.Records[data.Talk](a.Store, "id", "")
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestTalkFormSavesPeopleFromTheRegister(t *testing.T) {
	a := uitest.NewApp(t)
	people := uitest.ThreeMembers(t, a)
	showScreen(t, a)
	c := a.Window.Canvas()
	uitest.SelectTab(t, c, "谈心谈话")
	uitest.TapButton(t, c, "新增")
	uitest.FillField(t, c, "谈话人", "王五")
	uitest.FillField(t, c, "谈话对象", "张三")
	uitest.FillField(t, c, "谈话类型", data.TalkToMember)
	uitest.FillField(t, c, "主要内容", "教学与思想情况")
	uitest.TapButton(t, c, "保存")
	uitest.RequireText(t, c, "请填写") // no date yet: the store refuses, the form stays
	if got := talks(t, a); len(got) != 0 {
		t.Fatalf("saved without a date: %+v", got)
	}
	uitest.FillField(t, c, "谈话日期", "2026.3.5")
	uitest.TapButton(t, c, "保存")
	got := talks(t, a)
	if len(got) != 1 {
		t.Fatalf("talks = %+v, want one", got)
	}
	g := got[0]
	if g.TalkerID == nil || *g.TalkerID != people[2].ID || g.SubjectID == nil || *g.SubjectID != people[0].ID {
		t.Errorf("people not taken from the register: %+v", g)
	}
	if g.Date != civil.New(2026, 3, 5) || g.Content != "教学与思想情况" || g.Kind != data.TalkToMember {
		t.Errorf("talk = %+v", g)
	}
	uitest.RequireText(t, c, "张三") // the list shows it
}

func TestEditingKeepsTheRowAndFreeTextNames(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	talk := data.Talk{Date: civil.New(2026, 4, 1), Talker: "王五", Subject: "张三", Kind: data.TalkToMember}
	if err := data.SaveRecord(a.Store, &talk); err != nil {
		t.Fatal(err)
	}
	l := registers.NewList(a, talkSpec(), func() int { return 2026 })
	uitest.Show(a, l.Object())
	l.Reload()
	l.Table().SelectRow(0)
	c := a.Window.Canvas()
	uitest.TapButton(t, c, "修改")
	uitest.FillField(t, c, "谈话对象", "赵老师") // a teacher outside the register
	uitest.TapButton(t, c, "保存")
	got := talks(t, a)
	if len(got) != 1 || got[0].ID != talk.ID || got[0].Subject != "赵老师" || got[0].SubjectID != nil {
		t.Fatalf("after editing: %+v", got)
	}
	if got[0].Date != talk.Date || got[0].Talker != "王五" {
		t.Errorf("fields not in the edit changed: %+v", got[0])
	}
}

func TestFormBoundsFieldsByTheirMaximum(t *testing.T) {
	a := uitest.NewApp(t)
	l := registers.NewList(a, vanguardSpec(), func() int { return 2026 })
	uitest.Show(a, l.Object())
	c := a.Window.Canvas()
	uitest.TapButton(t, c, "新增")
	uitest.FillField(t, c, "先锋岗", "教学先锋岗")
	limit := data.FieldMaxLen[data.FieldName]
	uitest.FillField(t, c, "姓名", strings.Repeat("名", limit+5))
	uitest.RequireText(t, c, "最多")
	uitest.TapButton(t, c, "保存")
	rows, _ := data.Records[data.VanguardPost](a.Store, "id", "")
	if len(rows) != 1 || utf8.RuneCountInString(rows[0].Name) != limit {
		t.Fatalf("saved %+v, want one post with a %d-character name", rows, limit)
	}
}

func TestCancelAsksBeforeLosingTypedWork(t *testing.T) {
	a := uitest.NewApp(t)
	l := registers.NewList(a, brandSpec(), func() int { return 2026 })
	uitest.Show(a, l.Object())
	c := a.Window.Canvas()
	uitest.TapButton(t, c, "新增")
	uitest.FillField(t, c, "品牌名称", "红烛先锋")
	uitest.TapButton(t, c, "取消")
	uitest.RequireText(t, c, "放弃")
	uitest.TapButton(t, c, "保存")
	rows, _ := data.Records[data.BrandRecord](a.Store, "id", "")
	if len(rows) != 1 || rows[0].Name != "红烛先锋" || rows[0].Year != 2026 {
		t.Fatalf("brands = %+v", rows)
	}
}

func TestProblemStaysListedUntilVerified(t *testing.T) {
	a := uitest.NewApp(t)
	open := data.Problem{Year: 2025, Problem: "理论学习不够深入", Source: data.ProblemSources[0]}
	done := data.Problem{Year: 2025, Problem: "会议记录不规范", Source: data.ProblemSources[0],
		Result: "已规范", VerifiedOn: civil.New(2025, 12, 1), VerifiedBy: "王五"}
	for _, p := range []*data.Problem{&open, &done} {
		if err := data.SaveRecord(a.Store, p); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := problemSpec().Load(a.Store, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].ID != open.ID {
		t.Fatalf("2026 lists %+v, want only last year's open problem", rows)
	}
}

func TestGoalLineOpensTheTabWhereItIsTracked(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	m := core.NewMainContent(a, []core.Screen{
		{Title: "工作台", Build: GoalsCard},
		{Title: ledgerTitle, Build: NewLedgerScreen},
	})
	uitest.Show(a, m.Object())
	c := a.Window.Canvas()
	uitest.RequireText(t, c, "年度目标")
	uitest.TapButtonNear(t, c, "谈心谈话（支委之间、支委与党员每年至少一次）", "查看")
	v, ok := m.Content.Objects[0].(*view)
	if !ok || m.Content.Objects[0] != m.Screens[1] {
		t.Fatalf("the goal did not open the 台账 screen: %T", m.Content.Objects[0])
	}
	if got := v.screen.Tabs.Selected().Text; got != "谈心谈话" {
		t.Errorf("the 台账 opened on %q, want 谈心谈话", got)
	}
	m.Nav.Select(0)
	uitest.TapButtonNear(t, c, "党建品牌（一校一品）", "查看")
	if got := v.screen.Tabs.Selected().Text; got != "党建品牌" {
		t.Errorf("the 台账 opened on %q, want 党建品牌", got)
	}
}

func TestImportPreviewSavesTheGoodRowsWhenConfirmed(t *testing.T) {
	a := uitest.NewApp(t)
	uitest.ThreeMembers(t, a)
	for _, talk := range []data.Talk{
		{Date: civil.New(2026, 3, 1), Talker: "王五", Subject: "张三", Kind: data.TalkToMember, Content: "谈工作"},
		{Date: civil.New(2026, 3, 2), Talker: "王五", Subject: "李四", Kind: data.TalkToMember, Content: "谈学习"},
	} {
		if err := data.SaveRecord(a.Store, &talk); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "谈话.xlsx")
	if err := reports.ExportTalks(path, a.Store, reports.YearOptions{Year: 2026}); err != nil {
		t.Fatal(err)
	}
	b := uitest.NewApp(t)
	uitest.ThreeMembers(t, b)
	var talksImport reports.YearImport
	for _, im := range reports.YearImports {
		if im.Kind == "talks" {
			talksImport = im
		}
	}
	p, err := talksImport.Read(path, b.Store)
	if err != nil {
		t.Fatal(err)
	}
	uitest.Show(b, widget.NewLabel(""))
	registers.ShowImportPreview(b, talksImport.Title, p)
	c := b.Window.Canvas()
	uitest.RequireText(t, c, "可以导入 2 行")
	if got := talks(t, b); len(got) != 0 {
		t.Fatalf("saved before confirming: %+v", got)
	}
	uitest.TapButton(t, c, "导入 2 行")
	got := talks(t, b)
	if len(got) != 2 || got[0].SubjectID == nil || got[1].Content != "谈学习" {
		t.Fatalf("imported %+v", got)
	}
}
