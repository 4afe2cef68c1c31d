package data

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"gorm.io/gorm"
)

// The inventory counts what a store holds, register by register: the 移交清单
// prints it, and every package's manifest carries it so the receiving side
// sees what arrives before anything is replaced. It reads whatever tables the
// database has (an old backup lacks the newer ones), so features may add
// tables without touching it; a table it does not know is still counted,
// under its own name.

// InventoryLine is one count of the inventory.
type InventoryLine struct {
	Group string // 党员名册, 发展党员, 会议记录 …
	Name  string // 正式党员, 2025年 …
	Count int64
}

// Label is the line as one phrase: 党员名册·正式党员.
func (l InventoryLine) Label() string {
	if l.Group == "" {
		return l.Name
	}
	return l.Group + "·" + l.Name
}

// Inventory counts what the store holds now.
func (s *Store) Inventory() ([]InventoryLine, error) { return inventoryOf(s.db) }

// tableCount says how the inventory lists one table.
type tableCount struct {
	table, group, name string
	perYear            string // a date column: one line per year instead of one in all
}

// countedTables are the tables the inventory names, in the order it lists
// them. People are counted by stage and roll (peopleLines).
var countedTables = []tableCount{
	{table: "party_groups", group: "支部", name: "党小组"},
	{table: "status_events", group: "党员名册", name: "组织关系和党籍变动记录"},
	{table: "dev_steps", group: "发展党员", name: "发展党员过程记录"},
	{table: "dev_plans", group: "发展党员", name: "发展党员计划"},
	{table: "meetings", group: "会议记录（三会一课等）", perYear: "date"},
	{table: "meeting_attachments", group: "会议记录（三会一课等）", name: "会议附件"},
	{table: "class_logs", group: "思政课记录", perYear: "date"},
	{table: "audit_entries", group: "其他", name: "操作日志"},
}

// partTables belong to a record counted elsewhere (the people of a step, the
// attendance of a meeting) or hold no records; they are not listed.
var partTables = map[string]bool{
	"people": true, "schema_meta": true, "settings": true, "branches": true,
	"dev_step_people": true, "meeting_attendances": true, "meeting_speeches": true,
	"meeting_decisions": true, "sqlite_sequence": true, "stored_files": true,
}

func inventoryOf(db *gorm.DB) ([]InventoryLine, error) {
	tables, err := tableNames(db)
	if err != nil {
		return nil, err
	}
	var out []InventoryLine
	if tables["people"] {
		if out, err = peopleLines(db); err != nil {
			return nil, err
		}
	}
	for _, t := range countedTables {
		if !tables[t.table] {
			continue
		}
		lines, err := t.lines(db)
		if err != nil {
			return nil, err
		}
		out = append(out, lines...)
	}
	return append(out, unknownTableLines(db, tables)...), nil
}

func tableNames(db *gorm.DB) (map[string]bool, error) {
	names, err := listTables(db)
	if db.Dialector.Name() == "postgres" {
		// On a server the branch's records are in the tables scoped to a
		// branch by row-level security (branches_pg.go); the server's own
		// (app_users, po_setup) are not the branch's to list.
		names = nil
		err = db.Raw(`SELECT relname FROM pg_class WHERE relkind = 'r' AND relrowsecurity
			AND relnamespace = current_schema()::regnamespace`).Scan(&names).Error
	}
	if err != nil {
		return nil, fmt.Errorf("无法读取数据表：%w", err)
	}
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[n] = true
	}
	return out, nil
}

// peopleLines counts people by where they stand: the register, the
// development stages, those who left, and the recycle bin.
func peopleLines(db *gorm.DB) ([]InventoryLine, error) {
	var rows []struct {
		Stage, Roll string
		Deleted     bool
		N           int64
	}
	err := db.Raw(`SELECT stage, roll, deleted_at IS NOT NULL AS deleted, count(*) AS n
		FROM people GROUP BY stage, roll, deleted`).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("无法统计人员：%w", err)
	}
	counts := map[string]int64{}
	left := map[string]int64{}
	var bin int64
	for _, r := range rows {
		switch {
		case r.Deleted:
			bin += r.N
		case r.Roll == string(RollActive) || r.Roll == "":
			counts[r.Stage] += r.N
		default:
			left[r.Roll] += r.N
		}
	}
	var out []InventoryLine
	for _, st := range append(append([]Stage{}, MemberStages...), DevelopmentStages...) {
		group := "发展党员"
		if st.IsMember() {
			group = "党员名册"
		}
		out = append(out, InventoryLine{Group: group, Name: string(st), Count: counts[string(st)]})
	}
	for _, roll := range sortedKeys(left) {
		out = append(out, InventoryLine{Group: "不在册人员", Name: roll, Count: left[roll]})
	}
	if bin > 0 {
		out = append(out, InventoryLine{Group: "其他", Name: "回收站中的人员", Count: bin})
	}
	return out, nil
}

func (t tableCount) lines(db *gorm.DB) ([]InventoryLine, error) {
	live := ""
	if db.Migrator().HasColumn(t.table, "deleted_at") {
		live = " WHERE deleted_at IS NULL"
	}
	if t.perYear != "" && db.Migrator().HasColumn(t.table, t.perYear) {
		return perYearLines(db, t, live)
	}
	var n int64
	if err := db.Raw("SELECT count(*) FROM " + quoteIdent(t.table) + live).Scan(&n).Error; err != nil {
		return nil, fmt.Errorf("无法统计%s：%w", t.group+t.name, err)
	}
	name := t.name
	if name == "" {
		name = "全部"
	}
	return []InventoryLine{{Group: t.group, Name: name, Count: n}}, nil
}

// perYearLines counts by the year of a date column (stored YYYY-MM-DD).
func perYearLines(db *gorm.DB, t tableCount, live string) ([]InventoryLine, error) {
	var rows []struct {
		Year string
		N    int64
	}
	col := quoteIdent(t.perYear)
	err := db.Raw("SELECT substr(" + col + ", 1, 4) AS year, count(*) AS n FROM " + quoteIdent(t.table) +
		live + " GROUP BY year ORDER BY year").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("无法统计%s：%w", t.group, err)
	}
	out := make([]InventoryLine, 0, len(rows))
	for _, r := range rows {
		name := r.Year + "年"
		if strings.TrimSpace(r.Year) == "" {
			name = "未填日期"
		}
		out = append(out, InventoryLine{Group: t.group, Name: name, Count: r.N})
	}
	if len(out) == 0 {
		out = append(out, InventoryLine{Group: t.group, Name: "全部", Count: 0})
	}
	return out, nil
}

// unknownTableLines counts tables a newer feature added that the inventory
// does not name yet, so nothing goes unlisted.
func unknownTableLines(db *gorm.DB, tables map[string]bool) []InventoryLine {
	known := map[string]bool{}
	for _, t := range countedTables {
		known[t.table] = true
	}
	var out []InventoryLine
	for _, name := range sortedKeys(tables) {
		if known[name] || partTables[name] {
			continue
		}
		var n int64
		if db.Raw("SELECT count(*) FROM "+quoteIdent(name)).Scan(&n).Error == nil {
			out = append(out, InventoryLine{Group: "其他", Name: "数据表 " + name, Count: n})
		}
	}
	return out
}

// quoteIdent quotes an SQL identifier taken from the database itself.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// AttachmentStats is the number and total size of the attachment files.
func (s *Store) AttachmentStats() (files int, bytes int64, err error) {
	if s.server != nil {
		return s.serverAttachmentStats()
	}
	root := filepath.Join(s.dir, AttachDir)
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return filepath.SkipDir
			}
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			files++
			bytes += info.Size()
		}
		return nil
	})
	return files, bytes, err
}
