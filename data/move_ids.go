package data

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// Renumbering a branch on its way onto a server that holds other branches
// (docs/ARCHITECTURE.md#two-backends). Ids are global on the server (one
// sequence per table, shared by all branches), while every data folder
// numbers its records from 1; copied as they are, a second branch's rows
// would clash with the first's. So a move adds one offset to every id of the
// folder's records and to every reference to one: the offset is above every
// id the server has handed out, rounded to a thousand, and the ids the copy
// will use are reserved before it starts. Because the offset is the same for
// every table, a reference stays a reference whatever table it points into
// (an 操作日志 entry's EntityID included). The branch's own record (ID 1 in
// every branch) and settings (keyed by name) keep their keys. The 操作日志's
// before/after texts are left as they were written: they are history.

// notReferences are the uint columns of models that are not ids of a
// record: none today. Every other uint column is taken for a reference and
// shifted with the ids; TestEveryIDFieldIsClassified fails when a model gains
// an id-like column, so whoever adds it decides (and lists it here if it is
// not a reference, or in the test's list of references if it is).
var notReferences = map[string]bool{}

// keptKeys are the auto-increment keys that are not global ids: the branch's
// own record is ID 1 in every branch, the schema version is the server's.
var keptKeys = map[string]bool{"branches.id": true, "schema_meta.id": true}

// idMargin: offsets are multiples of it, at least this far above the highest
// id handed out, so a row another PC adds while the move reads the sequences
// cannot take an id of the copy.
const idMargin = 1000

// idFields are the columns of a table that the renumbering shifts: its
// auto-increment key and every reference.
func idFields(s *schema.Schema) []*schema.Field {
	var out []*schema.Field
	for _, f := range s.Fields {
		key := s.Table + "." + f.DBName
		if f.DBName == "" || f.DataType != schema.Uint || keptKeys[key] || notReferences[key] {
			continue
		}
		if f.PrimaryKey && !f.AutoIncrement {
			continue
		}
		out = append(out, f)
	}
	return out
}

// shiftedIDs is a copy of rows (a slice of a model's structs) with offset
// added to every id and reference; zero and nil (no reference) stay.
func shiftedIDs(s *schema.Schema, rows reflect.Value, offset uint) reflect.Value {
	if offset == 0 {
		return rows
	}
	out := reflect.MakeSlice(rows.Type(), rows.Len(), rows.Len())
	reflect.Copy(out, rows)
	fields := idFields(s)
	for i := 0; i < out.Len(); i++ {
		row := out.Index(i)
		for _, f := range fields {
			if keepsBranchID(s, f, row) {
				continue
			}
			shiftField(f.ReflectValueOf(context.Background(), row), offset)
		}
	}
	return out
}

// shiftField adds offset to a uint or *uint; a pointer is replaced, not
// written through (the copy shares it with the original row).
func shiftField(v reflect.Value, offset uint) {
	switch {
	case v.Kind() == reflect.Pointer && !v.IsNil() && v.Elem().Uint() != 0:
		n := reflect.New(v.Type().Elem())
		n.Elem().SetUint(v.Elem().Uint() + uint64(offset))
		v.Set(n)
	case v.Kind() != reflect.Pointer && v.Uint() != 0:
		v.SetUint(v.Uint() + uint64(offset))
	}
}

// keepsBranchID: an 操作日志 entry about the branch's own record refers to
// it by its key, which a move keeps.
func keepsBranchID(s *schema.Schema, f *schema.Field, row reflect.Value) bool {
	e, ok := row.Addr().Interface().(*AuditEntry)
	return ok && f.DBName == "entity_id" && e.Entity == entityBranch
}

// autoIDTables are the tables of models whose key is a global id.
func autoIDTables(db *gorm.DB) ([]string, error) {
	var out []string
	for _, m := range models {
		stmt := &gorm.Statement{DB: db}
		if err := stmt.Parse(m); err != nil {
			return nil, err
		}
		f := stmt.Schema.PrioritizedPrimaryField
		if f != nil && f.AutoIncrement && !keptKeys[stmt.Schema.Table+"."+f.DBName] {
			out = append(out, stmt.Schema.Table)
		}
	}
	return out, nil
}

// reserveIDs chooses the offset for the records of src arriving on the
// server (tx, holding the move lock) and moves every sequence past the ids
// the copy will use, so that no other PC is handed one meanwhile. The offset
// is 0 on a server that has never handed out an id.
func reserveIDs(tx, src *gorm.DB) (uint, error) {
	tables, err := autoIDTables(tx)
	if err != nil {
		return 0, err
	}
	seq := func(t string) string { return fmt.Sprintf("pg_get_serial_sequence('%s', 'id')::regclass", t) }
	var high uint64
	for _, t := range tables {
		var last uint64
		if err := tx.Raw("SELECT COALESCE(pg_sequence_last_value(" + seq(t) + "), 0)").Scan(&last).Error; err != nil {
			return 0, err
		}
		high = max(high, last)
	}
	var offset uint
	if high > 0 {
		offset = uint((high/idMargin + 2) * idMargin)
	}
	for _, t := range tables {
		var top uint
		if err := src.Raw("SELECT COALESCE(max(id), 0) FROM " + quoteIdent(t)).Scan(&top).Error; err != nil {
			return 0, err
		}
		if top == 0 {
			continue
		}
		q := fmt.Sprintf("SELECT setval(%[1]s, GREATEST(COALESCE(pg_sequence_last_value(%[1]s), 0), ?))", seq(t))
		if err := tx.Exec(q, offset+top).Error; err != nil {
			return 0, err
		}
	}
	return offset, nil
}

// isIDLike says whether a column looks like it holds an id (for the test
// that every such column is classified).
func isIDLike(f *schema.Field) bool {
	return f.DataType == schema.Uint || f.DBName == "id" || strings.HasSuffix(f.DBName, "_id")
}
