package reports

import (
	"fmt"
	"strings"
	"sync"

	"partyoffice/data"
)

// The 操作日志 exported as a workbook: one row per change, the changed
// fields spelled out (手机号：138… → 139…).

// AuditRow is one audit entry as exported and as the 操作日志 screen lists it.
type AuditRow struct {
	ID                                            uint // the entry's; not a column
	Time, Actor, Action, Entity, Summary, Changes string
}

// AuditTimeFormat is how an entry's time is written, in the workbook and on screen.
const AuditTimeFormat = "2006-01-02 15:04:05"

// AuditRegister is the exported 操作日志.
var AuditRegister = sync.OnceValue(func() *Register[AuditRow] {
	// screen is the least width in pixels on the 操作日志 screen.
	col := func(header string, width float64, screen float32, field func(r *AuditRow) *string) Column[AuditRow] {
		c := TextColumn(header, field)
		c.Width, c.ScreenWidth = width, screen
		return c
	}
	return &Register[AuditRow]{Name: "操作日志", Columns: []Column[AuditRow]{
		col("时间", 17, 175, func(r *AuditRow) *string { return &r.Time }),
		col("操作人", 10, 90, func(r *AuditRow) *string { return &r.Actor }),
		col("操作", 10, 100, func(r *AuditRow) *string { return &r.Action }),
		col("对象", 10, 110, func(r *AuditRow) *string { return &r.Entity }),
		col("记录", 30, 320, func(r *AuditRow) *string { return &r.Summary }),
		col("修改内容", 60, 0, func(r *AuditRow) *string { return &r.Changes }),
	}}
})

// AuditRows turns entries into rows; the store names 党小组 and people in
// the changes.
func AuditRows(store *data.Store, entries []data.AuditEntry) []AuditRow {
	rows := make([]AuditRow, len(entries))
	for i := range entries {
		rows[i] = AuditRowOf(&entries[i])
		var lines []string
		for _, c := range store.AuditChanges(&entries[i]) {
			lines = append(lines, c.String())
		}
		rows[i].Changes = strings.Join(lines, "\n")
	}
	return rows
}

// AuditRowOf is an entry's row without its changes (the screen lists many
// entries and spells out the changes of the selected one only).
func AuditRowOf(e *data.AuditEntry) AuditRow {
	return AuditRow{ID: e.ID, Time: e.At.Local().Format(AuditTimeFormat), Actor: e.Actor,
		Action: e.Action, Entity: e.Entity, Summary: e.Summary}
}

// ExportAudit writes the entries matching q to path (.xlsx), newest first.
func ExportAudit(path string, store *data.Store, q data.AuditQuery, progress func(done, total int)) error {
	branch, err := store.Branch()
	if err != nil {
		return fmt.Errorf("读取支部信息失败：%w", err)
	}
	q.Limit = 0
	entries, _, err := store.SearchAudit(q)
	if err != nil {
		return fmt.Errorf("读取操作日志失败：%w", err)
	}
	asOf := q.To
	if asOf.IsZero() {
		asOf = store.Today()
	}
	doc := Document{Title: branch.Name + "操作日志", Unit: branch.Name + auditRange(q), AsOf: asOf,
		Author: branch.Name, Made: storeNow(store)}
	return WriteRegister(path, AuditRegister(), doc, AuditRows(store, entries), progress)
}

// auditRange says which entries the export holds, after the unit's name.
func auditRange(q data.AuditQuery) string {
	var parts []string
	switch {
	case !q.From.IsZero() && !q.To.IsZero():
		parts = append(parts, q.From.String()+" 至 "+q.To.String())
	case !q.From.IsZero():
		parts = append(parts, q.From.String()+" 起")
	case !q.To.IsZero():
		parts = append(parts, "至 "+q.To.String())
	}
	for _, p := range []string{q.Action, q.Entity, q.Text} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "（" + strings.Join(parts, "，") + "）"
}
