package reports

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// The 党员增减及组织关系转接登记表 of a year: every change of the register
// (增加: 发展入党, 组织关系转入; 减少: 转出, 出党, 死亡, 取消预备党员资格 …)
// and every other status event (流动, 失联, 停止党籍, 恢复 …), with date,
// from/to and the 介绍信编号 where recorded; a second sheet gives the
// opening count, the increases and decreases by reason and the closing
// count, which balance by construction: both counts are the register on
// the two dates, and each person in one and not the other is one line.

// ChangeRow is one line of the 登记表.
type ChangeRow struct {
	Date       civil.Date
	Name       string
	Gender     string
	Branch     string
	Direction  string // 增加, 减少, or "" for an event that leaves the count alone
	Event      string // 发展入党, 组织关系转入 …
	FromTo     string // 转入 from / 转出 to / 流动 to
	LetterNo   string // 介绍信编号, from the event's note where recorded
	Note       string
	registered bool
}

// ChangesRegister is the 登记表's columns.
var ChangesRegister = sync.OnceValue(func() *Register[ChangeRow] {
	text := func(h string, width float64, f func(r *ChangeRow) *string) Column[ChangeRow] {
		c := TextColumn(h, f)
		c.Width = width
		return c
	}
	name := text(data.FieldName, 10, func(r *ChangeRow) *string { return &r.Name })
	gender := text(data.FieldGender, 6, func(r *ChangeRow) *string { return &r.Gender })
	gender.Center = true
	dir := text("增减", 6, func(r *ChangeRow) *string { return &r.Direction })
	dir.Center = true
	return &Register[ChangeRow]{Name: "党员增减及组织关系转接登记表", FreezeColumns: 1, Columns: []Column[ChangeRow]{
		name, gender,
		text(data.FieldBranch, 16, func(r *ChangeRow) *string { return &r.Branch }),
		DateColumn("变动日期", func(r *ChangeRow) *civil.Date { return &r.Date }),
		dir,
		text("变动事项", 14, func(r *ChangeRow) *string { return &r.Event }),
		text("转出/转入单位或去向", 24, func(r *ChangeRow) *string { return &r.FromTo }),
		text("介绍信编号", 12, func(r *ChangeRow) *string { return &r.LetterNo }),
		text(data.FieldRemark, 20, func(r *ChangeRow) *string { return &r.Note }),
	}}
})

// ChangeCounts are the balance of the year.
type ChangeCounts struct {
	Opening, Closing int
	Plus, Minus      map[string]int // by 变动事项
}

// onRegister reports whether p was in the register on d: admitted (or
// transferred in) by then and not yet gone.
func onRegister(p *data.Person, d civil.Date) bool {
	switch {
	case !p.Stage.IsMember() || p.JoinDate.IsZero() || p.JoinDate.After(d):
		return false
	case !p.TransferIn.IsZero() && p.TransferIn.After(d):
		return false
	case p.Roll != data.RollActive && !p.RollDate.IsZero() && !p.RollDate.After(d):
		return false
	}
	return true
}

// countEvents are the events that move a person into or out of the register.
var countEvents = map[data.EventKind]bool{
	data.EventTransferIn: true, data.EventTransferOut: true, data.EventExit: true,
	data.EventDeath: true, data.EventCancel: true,
}

// Changes builds the lines and the balance of the year up to asOf.
func Changes(dev *data.DevData, year int, asOf civil.Date) ([]ChangeRow, ChangeCounts) {
	opening := civil.New(year-1, 12, 31)
	c := ChangeCounts{Plus: map[string]int{}, Minus: map[string]int{}}
	in := func(d civil.Date) bool { return !d.IsZero() && d.After(opening) && !d.After(asOf) }
	var rows []ChangeRow
	for i := range dev.People {
		p := &dev.People[i]
		before, after := onRegister(p, opening), onRegister(p, asOf)
		if before {
			c.Opening++
		}
		if after {
			c.Closing++
		}
		base := ChangeRow{Name: p.Name, Gender: p.Gender, Branch: p.BranchName}
		if base.Branch == "" {
			base.Branch = dev.Branch.Name
		}
		counted := false
		for _, e := range dev.Events[p.ID] {
			if !in(e.Date) {
				continue
			}
			r := base
			r.Date, r.Event, r.FromTo, r.Note = e.Date, string(e.Kind), e.Destination, e.Note
			r.LetterNo = letterNumber(e.Note)
			if e.Kind == data.EventExit && e.ExitKind != "" {
				r.Event += "（" + e.ExitKind + "）"
			}
			if countEvents[e.Kind] && before != after && !counted {
				r.Direction, counted = direction(after), true
			}
			rows = append(rows, r)
		}
		if before == after || counted {
			continue
		}
		// A change with no event recorded: admitted in the year, or gone
		// by the person's 在册状态.
		r := base
		r.Direction = direction(after)
		switch {
		case after && in(p.JoinDate) && (p.TransferIn.IsZero() || !in(p.TransferIn)):
			r.Date, r.Event = p.JoinDate, "发展入党"
		case after:
			r.Date, r.Event = p.TransferIn, string(data.EventTransferIn)
		default:
			r.Date, r.Event, r.FromTo = p.RollDate, string(p.Roll), p.Destination
		}
		rows = append(rows, r)
	}
	for _, r := range rows {
		switch r.Direction {
		case "增加":
			c.Plus[r.Event]++
		case "减少":
			c.Minus[r.Event]++
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Date.First().Before(rows[j].Date.First()) })
	return rows, c
}

func direction(added bool) string {
	if added {
		return "增加"
	}
	return "减少"
}

// letterNumber finds a 介绍信编号 written in an event's note ("介绍信编号：
// 2026-015", "介绍信第015号").
func letterNumber(note string) string {
	for _, key := range []string{"介绍信编号：", "介绍信编号:", "介绍信编号"} {
		if _, after, ok := strings.Cut(note, key); ok {
			if f := strings.FieldsFunc(after, func(r rune) bool { return r == '，' || r == '；' || r == ',' || r == ';' }); len(f) > 0 {
				return strings.TrimSpace(f[0])
			}
		}
	}
	return ""
}

// ChangeSummaryRegister is the balance sheet: 项目 and 人数.
var ChangeSummaryRegister = sync.OnceValue(func() *Register[StatRow] {
	item := TextColumn("项目", func(r *StatRow) *string { return &r.Label })
	item.Width = 30
	return &Register[StatRow]{Name: "增减汇总", Portrait: true, Columns: []Column[StatRow]{
		item, {Header: "人数", Kind: KindNumber, Width: 10, Get: func(r *StatRow) any { return r.Count }},
	}}
})

// summaryRows are the balance as lines: 年初, each 增加 and 减少, 年末.
func (c ChangeCounts) summaryRows(year int) []StatRow {
	rows := []StatRow{{Label: fmt.Sprintf("%d年初党员数", year), Count: c.Opening}}
	for _, part := range []struct {
		word   string
		counts map[string]int
	}{{"增加", c.Plus}, {"减少", c.Minus}} {
		total := 0
		var keys []string
		for k, n := range part.counts {
			keys, total = append(keys, k), total+n
		}
		sort.Strings(keys)
		rows = append(rows, StatRow{Label: "本年" + part.word, Count: total})
		for _, k := range keys {
			rows = append(rows, StatRow{Label: "其中：" + k, Count: part.counts[k], Sub: true})
		}
	}
	return append(rows, StatRow{Label: "期末党员数", Count: c.Closing})
}

// ExportChanges writes the 登记表 of the year with its balance sheet.
func ExportChanges(path string, store *data.Store, opt DevExportOptions) error {
	x, err := loadDevExport(store, opt)
	if err != nil {
		return err
	}
	rows, counts := Changes(&x.d, x.year, x.asOf)
	if counts.Opening+sum(counts.Plus)-sum(counts.Minus) != counts.Closing {
		return fmt.Errorf("党员增减不平衡：年初 %d 人，增加 %d 人，减少 %d 人，期末 %d 人，请检查各人的入党、转入和离开日期",
			counts.Opening, sum(counts.Plus), sum(counts.Minus), counts.Closing)
	}
	doc := x.document(ChangesRegister().Name, true)
	sumDoc := x.document(ChangeSummaryRegister().Name, true)
	return writeWorkbook(path, doc.fileInfo(),
		registerSheet(ChangesRegister(), doc, rows, opt.Progress),
		registerSheet(ChangeSummaryRegister(), sumDoc, counts.summaryRows(x.year), nil))
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
