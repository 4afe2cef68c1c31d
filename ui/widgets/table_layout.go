package widgets

import (
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/reports"
)

// What the user makes of a table is kept between sessions under its
// TableConfig.Prefs key: which columns are shown and in what order
// (".columns": the titles in order, a hidden one after "-"), the sort column
// (".sort": the title, "-" first when descending) and, for all tables at once,
// the compact row height. Columns are named by title, so a column added in a
// later version simply shows up at the end.

const (
	prefCompactTables = "tables.compact"
	hiddenMark        = "-"
)

// CompactTables tells whether tables use the compact row height.
func CompactTables() bool {
	if fyne.CurrentApp() == nil {
		return false
	}
	return fyne.CurrentApp().Preferences().Bool(prefCompactTables)
}

var (
	compactMu        sync.Mutex
	compactListeners []func(bool)
)

// SetCompactTables switches every table to (or from) the compact row height
// and remembers the choice.
func SetCompactTables(on bool) {
	if fyne.CurrentApp() != nil {
		fyne.CurrentApp().Preferences().SetBool(prefCompactTables, on)
	}
	compactMu.Lock()
	ls := slices.Clone(compactListeners)
	compactMu.Unlock()
	for _, f := range ls {
		f(on)
	}
}

func onCompactChanged(f func(bool)) {
	compactMu.Lock()
	defer compactMu.Unlock()
	compactListeners = append(compactListeners, f)
}

// headerButton is a column header: a flat button (tap to sort) that is less
// tall in a compact table.
type headerButton struct {
	widget.Button
	compact *bool
}

func newHeaderButton(compact *bool) *headerButton {
	b := &headerButton{compact: compact}
	b.Alignment = widget.ButtonAlignLeading
	b.Importance = widget.LowImportance
	b.ExtendBaseWidget(b)
	return b
}

func (b *headerButton) MinSize() fyne.Size {
	s := b.Button.MinSize()
	if b.compact != nil && *b.compact {
		s.Height -= compactSaving()
	}
	return s
}

// fixedColumns is how many data columns stay first and shown: the ones the
// table keeps in view when scrolling sideways (姓名 in the 党员名册).
func (t *Table[T]) fixedColumns() int {
	n := t.cfg.Sticky
	if t.cfg.Numbered {
		n--
	}
	return min(max(n, 0), len(t.cfg.Columns))
}

// ColumnChoice is one column in the chooser: its title and whether it is shown.
type ColumnChoice struct {
	Title string
	Shown bool
}

// Layout is every column in its order, shown or not.
func (t *Table[T]) Layout() []ColumnChoice {
	shown := map[string]bool{}
	var out []ColumnChoice
	for _, c := range t.cols {
		shown[c.Header] = true
		out = append(out, ColumnChoice{c.Header, true})
	}
	for _, c := range t.cfg.Columns {
		if !shown[c.Header] {
			out = append(out, ColumnChoice{c.Header, false})
		}
	}
	return out
}

// SetLayout shows the columns in this order, hiding those not Shown, and
// remembers it. The fixed first columns stay first and shown; columns not
// named keep being shown at the end.
func (t *Table[T]) SetLayout(layout []ColumnChoice) {
	var sortTitle string
	if t.sortCol >= 0 {
		sortTitle = t.title(t.sortCol)
	}
	values := make([]T, len(t.rows))
	for i := range t.rows {
		values[i] = t.rows[i].value
	}
	t.cols = t.layoutColumns(layout)
	t.sortCol = -1
	if sortTitle != "" {
		t.sortCol = t.ColumnIndex(sortTitle)
	}
	t.rows = nil
	t.headers = map[int]fyne.CanvasObject{}
	t.applyWidths()
	t.SetRows(values)
	t.saveLayout()
}

// layoutColumns picks the data columns for a layout.
func (t *Table[T]) layoutColumns(layout []ColumnChoice) []reports.Column[T] {
	byTitle := map[string]reports.Column[T]{}
	for _, c := range t.cfg.Columns {
		byTitle[c.Header] = c
	}
	fixed := t.fixedColumns()
	cols := slices.Clone(t.cfg.Columns[:fixed])
	placed := map[string]bool{}
	for _, c := range cols {
		placed[c.Header] = true
	}
	for _, ch := range layout {
		c, ok := byTitle[ch.Title]
		if ok && !placed[ch.Title] {
			placed[ch.Title] = true
			if ch.Shown {
				cols = append(cols, c)
			}
		}
	}
	for _, c := range t.cfg.Columns {
		if !placed[c.Header] {
			cols = append(cols, c)
		}
	}
	return cols
}

func (t *Table[T]) layoutKey() string   { return "table." + t.cfg.Prefs + ".columns" }
func (t *Table[T]) sortKeyPref() string { return "table." + t.cfg.Prefs + ".sort" }

func (t *Table[T]) savedLayout() []ColumnChoice {
	if t.cfg.Prefs == "" || fyne.CurrentApp() == nil {
		return nil
	}
	var out []ColumnChoice
	for _, item := range fyne.CurrentApp().Preferences().StringList(t.layoutKey()) {
		title, hidden := strings.CutPrefix(item, hiddenMark)
		out = append(out, ColumnChoice{title, !hidden})
	}
	return out
}

func (t *Table[T]) saveLayout() {
	if t.cfg.Prefs == "" || fyne.CurrentApp() == nil {
		return
	}
	var items []string
	for _, c := range t.Layout() {
		if c.Shown {
			items = append(items, c.Title)
		} else {
			items = append(items, hiddenMark+c.Title)
		}
	}
	fyne.CurrentApp().Preferences().SetStringList(t.layoutKey(), items)
}

// rememberSort keeps the column the user sorted by.
func (t *Table[T]) rememberSort() {
	if t.cfg.Prefs == "" || fyne.CurrentApp() == nil {
		return
	}
	v := ""
	if t.sortCol >= 0 {
		v = t.title(t.sortCol)
		if t.sortDesc {
			v = hiddenMark + v
		}
	}
	fyne.CurrentApp().Preferences().SetString(t.sortKeyPref(), v)
}

// restoreSort sorts by the remembered column, if it is still shown.
func (t *Table[T]) restoreSort() {
	if t.cfg.Prefs == "" || fyne.CurrentApp() == nil {
		return
	}
	title, desc := strings.CutPrefix(fyne.CurrentApp().Preferences().String(t.sortKeyPref()), hiddenMark)
	if col := t.ColumnIndex(title); title != "" && col >= 0 {
		t.sortCol, t.sortDesc = col, desc
	}
}

// ColumnsButton opens the column chooser: show or hide each column, move it
// up or down, and the compact row height for all tables.
func (t *Table[T]) ColumnsButton() *widget.Button {
	return widget.NewButtonWithIcon("列", theme.ListIcon(), t.ShowColumnChooser)
}

// ShowColumnChooser opens the chooser over the table's window.
func (t *Table[T]) ShowColumnChooser() {
	w := windowOf(t.table)
	if w == nil {
		return
	}
	layout := t.Layout()
	fixed := t.fixedColumns()
	rows := container.NewVBox()
	compact := widget.NewCheck("紧凑行高（一屏显示更多行，所有表格）", nil)
	compact.Checked = t.compact
	var rebuild func()
	move := func(i, by int) {
		j := i + by
		if j < fixed || j >= len(layout) {
			return
		}
		layout[i], layout[j] = layout[j], layout[i]
		rebuild()
	}
	rebuild = func() {
		rows.Objects = nil
		for i := range layout {
			check := widget.NewCheck(layout[i].Title, func(on bool) { layout[i].Shown = on })
			check.Checked = layout[i].Shown
			up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { move(i, -1) })
			down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { move(i, 1) })
			if i < fixed {
				check.Disable() // stays in view when scrolling sideways
				up.Disable()
				down.Disable()
			}
			if i == fixed {
				up.Disable()
			}
			if i == len(layout)-1 {
				down.Disable()
			}
			rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(up, down), check))
		}
		rows.Refresh()
	}
	rebuild()
	reset := widget.NewButton("恢复默认", func() {
		layout = nil
		for _, c := range t.cfg.Columns {
			layout = append(layout, ColumnChoice{c.Header, true})
		}
		rebuild()
	})
	scroll := container.NewVScroll(rows)
	scroll.SetMinSize(fyne.NewSize(360, 380))
	body := container.NewBorder(WrappedLabel("勾选要显示的列，用箭头调整先后；设置会记住。"),
		container.NewVBox(widget.NewSeparator(), compact, container.NewHBox(reset)), nil, nil, scroll)
	d := dialog.NewCustomConfirm("显示哪些列", "确定", "取消", body, func(ok bool) {
		if !ok {
			return
		}
		t.SetLayout(layout)
		if compact.Checked != t.compact {
			SetCompactTables(compact.Checked)
		}
	}, w)
	d.Show()
}

// windowOf is the window showing o.
func windowOf(o fyne.CanvasObject) fyne.Window {
	if fyne.CurrentApp() == nil {
		return nil
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w.Canvas() == c {
			return w
		}
	}
	return nil
}

// ButtonLike is a widget that is a button underneath (a column header), so
// tests can find and tap it by its text.
type ButtonLike interface{ AsButton() *widget.Button }

// AsButton is the header's button.
func (b *headerButton) AsButton() *widget.Button { return &b.Button }
