//go:build ci

package widgets_test

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partyoffice/data/civil"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
	"partyoffice/ui/widgets"
)

type item struct {
	ID   uint
	Name string
	Day  civil.Date
}

func itemTable(t *testing.T, opened *[]uint) (*core.App, *widgets.Table[item]) {
	t.Helper()
	a := uitest.NewApp(t)
	tb := widgets.NewTable(widgets.TableConfig[item]{
		Columns: []reports.Column[item]{
			reports.TextColumn("名称", func(v *item) *string { return &v.Name }),
			reports.DateColumn("日期", func(v *item) *civil.Date { return &v.Day }),
		},
		Numbered: true,
		ID:       func(v *item) uint { return v.ID },
		OnOpen:   func(v *item) { *opened = append(*opened, v.ID) },
		Prefs:    "test-items",
	})
	uitest.Show(a, tb.Widget())
	tb.SetRows([]item{
		{1, "张三", civil.New(2020, 5, 1)},
		{2, "", civil.New(2019, 1, 1)},
		{3, "李四", civil.Date{}},
		{4, "王五", civil.New(2021, 2, 3)},
	})
	return a, tb
}

func column(tb *widgets.Table[item], col int) []string {
	var out []string
	for i := range tb.Len() {
		out = append(out, tb.Cell(i, col))
	}
	return out
}

func TestTableSortsByPinyinAndDateWithBlanksLast(t *testing.T) {
	_, tb := itemTable(t, new([]uint))
	name, day := tb.ColumnIndex("名称"), tb.ColumnIndex("日期")
	tb.SortBy(name)
	if got := column(tb, name); !slices.Equal(got, []string{"李四", "王五", "张三", ""}) {
		t.Errorf("by 名称: %q", got)
	}
	tb.SortBy(name) // reversed, the blank stays last
	if got := column(tb, name); !slices.Equal(got, []string{"张三", "王五", "李四", ""}) {
		t.Errorf("by 名称 reversed: %q", got)
	}
	tb.SortBy(day)
	if got := column(tb, day); !slices.Equal(got, []string{"2019-01-01", "2020-05-01", "2021-02-03", ""}) {
		t.Errorf("by 日期: %q", got)
	}
	if got := column(tb, 0); !slices.Equal(got, []string{"1", "2", "3", "4"}) {
		t.Errorf("序号 after sorting: %q", got)
	}
}

func TestTableKeepsTheSelectedRecordAndOpensIt(t *testing.T) {
	var opened []uint
	a, tb := itemTable(t, &opened)
	tb.SelectRow(3) // 王五
	tb.SortBy(tb.ColumnIndex("名称"))
	if v, ok := tb.Selected(); !ok || v.ID != 4 {
		t.Fatalf("selection after sorting: %+v %v, want 王五", v, ok)
	}
	tb.SetRows([]item{{1, "张三", civil.Date{}}})
	if _, ok := tb.Selected(); ok {
		t.Error("a record no longer shown is still selected")
	}
	var cell *widgets.SelectableCell
	for _, o := range uitest.VisibleObjects(a.Window.Content()) {
		if c, ok := o.(*widgets.SelectableCell); ok && c.Row() == 0 {
			cell = c
		}
	}
	if cell == nil {
		t.Fatal("no cell of row 1 on screen")
	}
	test.DoubleTap(cell)
	if !slices.Equal(opened, []uint{1}) {
		t.Errorf("double tap opened %v, want [1]", opened)
	}
}

func TestTableRemembersDraggedWidths(t *testing.T) {
	a, tb := itemTable(t, new([]uint))
	tb.Widget().(fyne.Draggable).DragEnd() // as after the user dragged a border
	saved := fyne.CurrentApp().Preferences().StringList("table.test-items.widths")
	if len(saved) != 3 {
		t.Fatalf("remembered %q, want the three columns' widths", saved)
	}
	fyne.CurrentApp().Preferences().SetStringList("table.test-items.widths", []string{"名称=333"})
	again := widgets.NewTable(widgets.TableConfig[item]{
		Columns: []reports.Column[item]{reports.TextColumn("名称", func(v *item) *string { return &v.Name })},
		ID:      func(v *item) uint { return v.ID }, Prefs: "test-items",
	})
	uitest.Show(a, again.Widget())
	if w := again.ColumnWidth(0); w != 333 {
		t.Errorf("width of 名称 = %v, want the remembered 333", w)
	}
}
