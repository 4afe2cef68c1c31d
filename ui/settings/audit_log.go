package settings

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// auditShowLimit caps the list: a busy year of imports writes tens of
// thousands of entries, and nobody reads past a few thousand; the export
// has them all.
const auditShowLimit = 2000

// anyChoice is the filter choice that filters nothing.
const anyChoice = "全部"

type auditScreen struct {
	app            *core.App
	from, to       *widgets.DateField
	action, entity *widget.Select
	Text           *widget.Entry
	count          *widget.Label
	table          *widgets.Table[reports.AuditRow]
	detail         *widget.Label
	entries        map[uint]*data.AuditEntry // the listed ones by ID
	exportQuery    data.AuditQuery           // the filters when the export dialog opened
}

// NewAuditLogScreen is the 操作日志 screen.
func NewAuditLogScreen(a *core.App) fyne.CanvasObject { return newAuditScreen(a).layout() }

func newAuditScreen(a *core.App) *auditScreen {
	s := &auditScreen{app: a, count: widget.NewLabel(""), detail: widgets.WrappedLabel("")}
	s.from, s.to = widgets.NewDateField(a), widgets.NewDateField(a)
	s.from.SetPlaceHolder("开始日期")
	s.to.SetPlaceHolder("结束日期")
	s.from.OnChanged = func(civil.Date) { s.reload() }
	s.to.OnChanged = func(civil.Date) { s.reload() }
	s.action = widget.NewSelect(nil, func(string) { s.reload() })
	s.entity = widget.NewSelect(nil, func(string) { s.reload() })
	s.Text = widget.NewEntry()
	s.Text.SetPlaceHolder("姓名、文件名或操作人")
	s.Text.OnChanged = func(string) { s.reload() }
	s.table = widgets.NewTable(widgets.TableConfig[reports.AuditRow]{
		// The 操作日志 workbook's columns; 修改内容 shows beside the table.
		Columns:  reports.Pick(reports.AuditRegister(), "时间", "操作人", "操作", "对象", "记录"),
		ID:       func(r *reports.AuditRow) uint { return r.ID },
		OnSelect: s.showDetail,
		Prefs:    "audit",
	})
	s.detail.SetText(auditDetailHint)
	s.reload()
	a.OnChange(s.reload)
	return s
}

const auditDetailHint = "在左侧选中一条记录，这里显示修改了哪些内容。"

func (s *auditScreen) layout() fyne.CanvasObject {
	export := core.NewExportButton(s.app, reports.ScreenAudit, &core.ExportHooks{
		Defaults: func() reports.ReportOptions {
			s.exportQuery = s.query() // read here, on the UI goroutine
			return reports.ReportOptions{From: s.exportQuery.From, To: s.exportQuery.To}
		},
		Write: map[string]core.WriteFunc{"audit": s.exportFiltered},
	})
	clear := widget.NewButtonWithIcon("清除条件", theme.ContentClearIcon(), s.clearFilters)
	dates := container.NewGridWithColumns(2, s.from, s.to)
	filters := widget.NewForm(
		widget.NewFormItem("日期", dates),
		widget.NewFormItem("操作", container.NewGridWithColumns(2, s.action,
			container.NewBorder(nil, nil, widget.NewLabel("对象"), nil, s.entity))),
		widget.NewFormItem("记录", s.Text),
	)
	top := container.NewVBox(filters, container.NewBorder(nil, nil, nil,
		container.NewHBox(clear, export), s.count))
	left := s.table.Widget()
	right := widget.NewCard("修改内容", "", container.NewVScroll(s.detail))
	split := container.NewHSplit(left, right)
	split.Offset = 0.62
	return container.NewBorder(top, nil, nil, nil, split)
}

// query is the filter as typed; a date not yet complete filters nothing.
func (s *auditScreen) query() data.AuditQuery {
	q := data.AuditQuery{Text: s.Text.Text, Limit: auditShowLimit}
	if d, err := s.from.Date(); err == nil {
		q.From = d
	}
	if d, err := s.to.Date(); err == nil {
		q.To = d
	}
	if v := s.action.Selected; v != anyChoice {
		q.Action = v
	}
	if v := s.entity.Selected; v != anyChoice {
		q.Entity = v
	}
	return q
}

// reload reads the matching entries and refreshes the filter choices.
func (s *auditScreen) reload() {
	if s.table == nil {
		return // a callback during construction
	}
	s.refreshChoices()
	entries, more, err := s.app.Store.SearchAudit(s.query())
	if err != nil {
		s.app.ShowError("无法读取操作日志", err)
		return
	}
	s.entries = make(map[uint]*data.AuditEntry, len(entries))
	rows := make([]reports.AuditRow, len(entries))
	for i := range entries {
		s.entries[entries[i].ID] = &entries[i]
		rows[i] = reports.AuditRowOf(&entries[i])
	}
	switch {
	case more:
		s.count.SetText(fmt.Sprintf("只列出最新的 %d 条，请缩小日期范围或加条件；导出到Excel包含全部符合条件的记录", auditShowLimit))
	case len(entries) == 0:
		s.count.SetText("没有符合条件的记录")
	default:
		s.count.SetText(fmt.Sprintf("共 %d 条", len(entries)))
	}
	s.table.Select(0)
	s.table.SetRows(rows)
	s.detail.SetText(auditDetailHint)
}

// refreshChoices offers the actions and kinds of record present, keeping
// the current choice.
func (s *auditScreen) refreshChoices() {
	set := func(sel *widget.Select, values []string, err error) {
		if err != nil {
			return
		}
		options := append([]string{anyChoice}, values...)
		if strings.Join(options, "\x00") == strings.Join(sel.Options, "\x00") {
			return
		}
		current := sel.Selected
		sel.Options = options
		sel.Refresh()
		if current == "" || !slices.Contains(options, current) {
			current = anyChoice
		}
		if sel.Selected != current {
			sel.Selected = current // not SetSelected: that would reload again
			sel.Refresh()
		}
	}
	actions, err := s.app.Store.AuditActions()
	set(s.action, actions, err)
	entities, err := s.app.Store.AuditEntities()
	set(s.entity, entities, err)
}

func (s *auditScreen) clearFilters() {
	s.from.SetDate(civil.Date{})
	s.to.SetDate(civil.Date{})
	s.action.Selected, s.entity.Selected = anyChoice, anyChoice
	s.action.Refresh()
	s.entity.Refresh()
	s.Text.SetText("")
	s.reload()
}

// showDetail shows the selected entry with its changed fields.
func (s *auditScreen) showDetail() {
	r, ok := s.table.Selected()
	if !ok {
		s.detail.SetText(auditDetailHint)
		return
	}
	s.detail.SetText(auditDetail(s.app.Store, s.entries[r.ID]))
}

// auditDetail is the text of the detail panel.
func auditDetail(store *data.Store, e *data.AuditEntry) string {
	var b strings.Builder
	r := reports.AuditRowOf(e)
	fmt.Fprintf(&b, "时间：%s\n操作人：%s\n操作：%s（%s）\n记录：%s\n", r.Time, r.Actor, r.Action, r.Entity, r.Summary)
	changes := store.AuditChanges(e)
	if len(changes) == 0 {
		return b.String()
	}
	b.WriteString("\n修改内容：\n")
	for _, c := range changes {
		b.WriteString(c.String() + "\n")
	}
	return b.String()
}

// exportFiltered writes every entry matching the screen's other filters
// (not only the listed ones) between the dialog's dates.
func (s *auditScreen) exportFiltered(path string, store *data.Store, opt reports.ReportOptions) error {
	q := s.exportQuery
	q.Limit, q.From, q.To = 0, opt.From, opt.To
	return reports.ExportAudit(path, store, q, opt.Progress)
}
