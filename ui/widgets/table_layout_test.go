//go:build ci

package widgets_test

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partyoffice/reports"
	"partyoffice/ui/uitest"
	"partyoffice/ui/widgets"
)

type wide struct {
	ID                  uint
	Name, Phone, Remark string
}

func wideTable() *widgets.Table[wide] {
	return widgets.NewTable(widgets.TableConfig[wide]{
		Columns: []reports.Column[wide]{
			reports.TextColumn("姓名", func(v *wide) *string { return &v.Name }),
			reports.TextColumn("手机号", func(v *wide) *string { return &v.Phone }),
			reports.TextColumn("备注", func(v *wide) *string { return &v.Remark }),
		},
		Numbered: true,
		Sticky:   2,
		ID:       func(v *wide) uint { return v.ID },
		Prefs:    "test-wide",
	})
}

func titles(tb *widgets.Table[wide]) []string {
	var out []string
	for _, c := range tb.Layout() {
		if c.Shown {
			out = append(out, c.Title)
		}
	}
	return out
}

func TestColumnLayoutIsRememberedAndKeepsTheFixedColumn(t *testing.T) {
	a := uitest.NewApp(t)
	tb := wideTable()
	uitest.Show(a, tb.Widget())
	tb.SetRows([]wide{{1, "张三", "13900000001", "甲"}})

	// Hide 手机号, put 备注 before it, and try to hide 姓名 (it stays: it is the sticky column).
	tb.SetLayout([]widgets.ColumnChoice{{"姓名", false}, {"备注", true}, {"手机号", false}})
	if got := titles(tb); !slices.Equal(got, []string{"姓名", "备注"}) {
		t.Fatalf("shown columns = %v, want [姓名 备注]", got)
	}
	if got := tb.Cell(0, tb.ColumnIndex("备注")); got != "甲" {
		t.Errorf("备注 cell = %q after reordering", got)
	}
	if tb.ColumnIndex("手机号") != -1 {
		t.Error("手机号 is still a table column after hiding it")
	}

	again := wideTable() // next start
	if got := titles(again); !slices.Equal(got, []string{"姓名", "备注"}) {
		t.Errorf("after a restart the shown columns are %v, want [姓名 备注]", got)
	}
}

func TestSortColumnIsRemembered(t *testing.T) {
	a := uitest.NewApp(t)
	tb := wideTable()
	uitest.Show(a, tb.Widget())
	tb.SetRows([]wide{{1, "张三", "2", ""}, {2, "李四", "1", ""}})
	tb.SortBy(tb.ColumnIndex("手机号"))
	tb.SortBy(tb.ColumnIndex("手机号")) // descending

	again := wideTable()
	again.SetRows([]wide{{1, "张三", "1", ""}, {2, "李四", "2", ""}})
	if got := again.Cell(0, again.ColumnIndex("手机号")); got != "2" {
		t.Errorf("after a restart the first 手机号 is %q, want 2 (sorted descending as left)", got)
	}
}

func TestCompactRowsAreLessTall(t *testing.T) {
	a := uitest.NewApp(t)
	tb := wideTable()
	uitest.Show(a, tb.Widget())
	tb.SetRows([]wide{{1, "张三", "1", ""}})
	normal := cellHeight(t, a)
	widgets.SetCompactTables(true)
	t.Cleanup(func() { widgets.SetCompactTables(false) })
	compact := cellHeight(t, a)
	if compact >= normal {
		t.Errorf("compact row height %v, normal %v: not less tall", compact, normal)
	}
	if !widgets.CompactTables() {
		t.Error("the compact choice is not remembered")
	}
}

func cellHeight(t *testing.T, a interface{ Canvas() fyne.Canvas }) float32 {
	t.Helper()
	for _, o := range uitest.VisibleOnCanvas(a.Canvas()) {
		if c, ok := o.(*widgets.SelectableCell); ok && c.Label.Text == "张三" {
			return c.Size().Height
		}
	}
	t.Fatal("no cell 张三 on screen")
	return 0
}

func TestSearchEntryClearButton(t *testing.T) {
	a := uitest.NewApp(t)
	var got []string
	s := widgets.NewSearchEntry("搜索…", func(text string) { got = append(got, text) })
	uitest.Show(a, s)
	uitest.TypeIn(a.Canvas(), s, "张")
	if s.ActionItem != s.ClearButton() {
		t.Fatal("no clear (×) button while text is typed")
	}
	test.Tap(s.ClearButton())
	if s.Text != "" || got[len(got)-1] != "" {
		t.Errorf("after × the text is %q and the screen was told %q", s.Text, got[len(got)-1])
	}
	if s.ActionItem == s.ClearButton() {
		t.Error("the × stays on an empty field")
	}
}
