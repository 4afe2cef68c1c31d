// Package registers is what the screens of the yearly registers (党费, 台账)
// share: a register's list with 新增/修改/删除, a form built from the same
// column description as the list, the Excel export and the import (so a
// field reads and checks a value exactly as an imported cell), and the
// import preview and export menu over the lists in package reports.
package registers

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// Spec describes one register's list and form.
type Spec[T any] struct {
	Title    string // what one row is called: 谈心谈话记录 …
	Register *reports.Register[T]
	// Shown are the headers of the table (every column when nil); Form
	// those of the form (every column with Set when nil).
	Shown, Form []string
	// Multi are headers typed in several lines (主要内容, 整改措施 …).
	Multi []string
	// People are person columns: the name is offered from the register and
	// its ID kept; a name not in the register is kept as written.
	People map[string]func(v *T, id *uint)
	Load   func(s *data.Store, year int) ([]T, error)
	// New is an empty row of the year (年度 filled in).
	New func(year int) T
	// Carry copies what the form does not show (the ID, links to meetings)
	// from the stored row into the edited one.
	Carry  func(from, to *T)
	ID     func(*T) uint
	Save   func(s *data.Store, v *T) error
	Delete func(s *data.Store, id uint) error
	// Check, when set, looks at the row read from the form before it is
	// saved: problems by field header, shown under those fields (the 支部同意
	// date a payment of more than six months needs).
	Check func(v *T) map[string]string
	// Actions are more buttons that act on the selected row (证书 …).
	Actions []RowAction[T]
}

type RowAction[T any] struct {
	Label string
	Do    func(a *core.App, v *T)
}

// List is a register's table with 新增, 修改 and 删除.
type List[T any] struct {
	app   *core.App
	spec  Spec[T]
	year  func() int
	table *widgets.Table[T]
	rows  []T
}

func NewList[T any](a *core.App, spec Spec[T], year func() int) *List[T] {
	l := &List[T]{app: a, spec: spec, year: year}
	cols := append([]reports.Column[T](nil), spec.Register.Columns...)
	if spec.Shown != nil {
		cols = reports.Pick(spec.Register, spec.Shown...)
	}
	for i := range cols {
		cols[i].ScreenWidth = screenWidth(&cols[i], spec.People[cols[i].Header] != nil)
	}
	l.table = widgets.NewTable(widgets.TableConfig[T]{Columns: cols, Numbered: true, ID: spec.ID,
		OnOpen: func(v *T) { l.edit(v) }, Prefs: "year." + spec.Register.Name})
	return l
}

// Free text and names get room on screen: the registers size their columns
// for paper (Width 0 fits the content there), where a header as short as
// 任务 would leave two characters of the task visible.
const (
	textWidth   = 220
	personWidth = 90
)

func screenWidth[T any](c *reports.Column[T], person bool) float32 {
	switch {
	case c.ScreenWidth != 0 || c.Width != 0 || c.Kind != reports.KindText:
		return c.ScreenWidth
	case person:
		return personWidth
	case len(c.Choices) > 0:
		return 0
	}
	return textWidth
}

// Table is the list's table (the screen's tests select rows in it).
func (l *List[T]) Table() *widgets.Table[T] { return l.table }

// Add opens the form for a new row.
func (l *List[T]) Add() { l.edit(nil) }

// Reload reads the rows of the year again.
func (l *List[T]) Reload() {
	rows, err := l.spec.Load(l.app.Store, l.year())
	if err != nil {
		l.app.ShowError(l.spec.Title+"无法读取", err)
		return
	}
	l.rows = rows
	l.table.SetRows(rows)
}

// Object is the buttons above the table.
func (l *List[T]) Object() fyne.CanvasObject {
	buttons := []fyne.CanvasObject{widgets.BoldLabel(l.spec.Title),
		widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), func() { l.edit(nil) }),
		widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() { l.withSelected(l.edit) }),
		widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() { l.withSelected(l.confirmDelete) }),
	}
	for _, act := range l.spec.Actions {
		buttons = append(buttons, widget.NewButton(act.Label, func() {
			l.withSelected(func(v *T) { act.Do(l.app, v) })
		}))
	}
	return container.NewBorder(container.NewHBox(buttons...), nil, nil, nil, l.table.Widget())
}

func (l *List[T]) withSelected(f func(*T)) {
	v, ok := l.table.Selected()
	if !ok {
		l.app.ShowInfo("请先选择一行", "请先在表格中点选一条"+l.spec.Title+"。")
		return
	}
	f(v)
}

func (l *List[T]) confirmDelete(v *T) {
	id := l.spec.ID(v)
	dialog.ShowConfirm("删除"+l.spec.Title, "把这条"+l.spec.Title+"移入回收站？", func(ok bool) {
		if !ok {
			return
		}
		if err := l.spec.Delete(l.app.Store, id); err != nil {
			l.app.ShowError("未能删除", err)
			return
		}
		l.app.NotifyChanged()
	}, l.app.Window)
}

// formColumns are the columns the form edits.
func (l *List[T]) formColumns() []reports.Column[T] {
	if l.spec.Form != nil {
		return reports.Pick(l.spec.Register, l.spec.Form...)
	}
	var out []reports.Column[T]
	for _, c := range l.spec.Register.Columns {
		if c.Set != nil {
			out = append(out, c)
		}
	}
	return out
}

// edit opens the form for v (nil: a new row of the year).
func (l *List[T]) edit(v *T) {
	orig := l.spec.New(l.year())
	title := "新增" + l.spec.Title
	if v != nil {
		orig, title = *v, "修改"+l.spec.Title
	}
	people, err := l.app.Store.People()
	if err != nil {
		l.app.ShowError("无法读取党员名册", err)
		return
	}
	f := newRecordForm(l.app, l.formColumns(), l.spec, people, &orig)
	body := container.NewBorder(nil, f.message, nil, nil, widgets.FormScroll(f.fields))
	d := dialog.NewCustomWithoutButtons(title, body, l.app.Window)
	trySave := func() bool {
		if !f.save(l.spec.New(l.year())) {
			return false
		}
		d.Hide()
		return true
	}
	unsaved := core.DialogForm(l.spec.Title, d, f.fields, nil, trySave)
	f.refused = func(err error) { l.askAboutConflict(err, f, d, people, unsaved) }
	cancel := func() { l.app.AskLeave(unsaved) }
	save := widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), func() { trySave() })
	save.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), cancel), save})
	f.keys(widgets.FormKeys{Ctrl: map[fyne.KeyName]func(){fyne.KeyS: func() { trySave() }}, Escape: cancel})
	d.Resize(fyne.NewSize(640, 600))
	l.app.ShowForm(d, unsaved, nil)
}

// recordForm is a form over a register's columns: each field's text goes
// through the column's Set, as an imported cell's would.
type recordForm[T any] struct {
	app     *core.App
	spec    Spec[T]
	cols    []reports.Column[T]
	orig    *T
	inputs  []fyne.CanvasObject
	rows    []*widgets.FormField
	ids     map[string]uint // person label → ID
	fields  *fyne.Container
	message *widget.Label
	refused func(error) // asks about a conflict (conflict.go)
}

func newRecordForm[T any](a *core.App, cols []reports.Column[T], spec Spec[T], people []data.Person, orig *T) *recordForm[T] {
	f := &recordForm[T]{app: a, spec: spec, cols: cols, orig: orig, fields: container.NewVBox(),
		message: widgets.HiddenMessage(widget.DangerImportance)}
	var names []string
	names, f.ids = widgets.PersonChoices(people)
	for _, c := range cols {
		in := f.input(&c, names)
		f.inputs = append(f.inputs, in)
		row := widgets.NewFormField(c.Header, in)
		f.rows = append(f.rows, row)
		f.fields.Add(row.Row)
	}
	return f
}

// input is the field for column c, showing orig's value.
func (f *recordForm[T]) input(c *reports.Column[T], people []string) fyne.CanvasObject {
	text := c.ShownText(f.orig)
	if (c.Kind == reports.KindNumber || c.Kind == reports.KindMoney) && (text == "0" || text == "0.00") {
		text = "" // an empty field invites typing; saved empty it stays 0
	}
	switch {
	case c.Kind == reports.KindDate:
		d := widgets.NewDateField(f.app)
		d.Entry.SetText(text)
		return d
	case f.spec.People[c.Header] != nil:
		e := widgets.NewFormSelectEntry(people)
		e.SetText(text)
		return e
	case len(c.Choices) > 0:
		e := widgets.NewFormSelectEntry(c.Choices)
		e.SetText(text)
		return e
	case slices.Contains(f.spec.Multi, c.Header):
		e := widgets.NewMultiLineFormEntry()
		e.SetMinRowsVisible(3)
		e.SetText(text)
		return e
	}
	e := widgets.NewFormEntry()
	e.SetText(text)
	return e
}

func (f *recordForm[T]) keys(k widgets.FormKeys) {
	for _, in := range f.inputs {
		if kk, ok := in.(widgets.Keyed); ok {
			kk.SetKeys(k)
		}
	}
}

func inputText(o fyne.CanvasObject) string {
	switch in := o.(type) {
	case *widgets.DateField:
		return in.Text()
	case *widgets.FormSelectEntry:
		return in.Text
	case *widgets.FormEntry:
		return in.Text
	}
	return ""
}

// save reads the fields into a fresh row and saves it; false keeps the
// form open with the problems shown.
func (f *recordForm[T]) save(v T) bool {
	f.spec.Carry(f.orig, &v)
	ok := true
	for i, c := range f.cols {
		f.rows[i].Clear()
		text := data.CleanLines(inputText(f.inputs[i]))
		if text == "" {
			continue
		}
		if err := c.Set(&v, text); err != nil && !reports.IsWarning(err) {
			f.rows[i].Say(err.Error(), widget.DangerImportance)
			ok = false
		}
		if id := f.spec.People[c.Header]; id != nil {
			f.person(&v, id, text)
		}
	}
	if ok && f.spec.Check != nil {
		problems := f.spec.Check(&v)
		for i, c := range f.cols {
			if msg := problems[c.Header]; msg != "" {
				f.rows[i].Say(msg, widget.DangerImportance)
				ok = false
			}
		}
	}
	if !ok {
		return false
	}
	if err := f.spec.Save(f.app.Store, &v); err != nil {
		f.say("未保存：" + err.Error())
		if f.refused != nil {
			f.refused(err)
		}
		return false
	}
	f.app.NotifyChanged()
	return true
}

// say shows msg above the buttons.
func (f *recordForm[T]) say(msg string) {
	f.message.SetText(core.WrapMessage(msg))
	widgets.SetVisible(f.message, msg != "")
}

// person keeps the register's ID of a name chosen from the list (the store
// fills the name from it); a name not in the list is kept as written.
func (f *recordForm[T]) person(v *T, set func(*T, *uint), text string) {
	id, ok := f.ids[text]
	if !ok {
		set(v, nil)
		return
	}
	set(v, &id)
}
