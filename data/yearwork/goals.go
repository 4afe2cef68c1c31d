package yearwork

import (
	"fmt"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/dues"
)

// Goal is one line of the 年度目标 card: a seed target, its progress and
// where it is tracked (the screen the card links to).
type Goal struct {
	Seed  string // R1–R15 of the district plan, or "" (national rule)
	Title string
	Text  string // progress in words: "3/5 人达到 24 学时"
	Done  bool
	Where string // the register it is tracked in
}

// Goals works out the card for the year as of on. dues may be nil when the
// 党费 ledger is not loaded. Targets about meetings (R1, R4–R6, R9) and
// development (R3) are on the 三会一课 and 发展党员 cards.
func Goals(d *Data, dd *dues.Data, year int, on civil.Date) []Goal {
	var out []Goal
	for _, p := range TrainingProgress(d, year, on) {
		out = append(out, Goal{Seed: p.Target.Seed, Title: p.Target.Title,
			Text: fmt.Sprintf("%d/%d 人达到", p.Met, len(p.Trainees)), Done: p.Met == len(p.Trainees), Where: "培训台账"})
	}
	tasks, done, unowned := 0, 0, 0
	for _, t := range d.Tasks {
		if t.Year != year || t.Status == "已取消" {
			continue
		}
		tasks++
		if t.Status == data.TaskDone {
			done++
		}
		if t.Division == "" || t.Owner == "" {
			unowned++
		}
	}
	taskText := fmt.Sprintf("%d 项任务，已完成 %d 项", tasks, done)
	if unowned > 0 {
		taskText += fmt.Sprintf("，%d 项缺分工或责任人", unowned)
	}
	out = append(out, Goal{Seed: "R10", Title: "工作责任清单：每项任务有分工、有责任人", Text: taskText,
		Done: tasks > 0 && unowned == 0, Where: "工作责任清单"})
	kept := d.ledgersKept(year)
	out = append(out, Goal{Seed: "R11", Title: "三帐二单一图", Text: fmt.Sprintf("%d/6 项已建立", kept), Done: kept == 6, Where: "三帐二单一图"})
	out = append(out, d.smallGoals(year)...)
	m := Talks(d, year, on)
	out = append(out, Goal{Seed: "R15", Title: "谈心谈话（支委之间、支委与党员每年至少一次）", Text: m.Text(),
		Done: m.Covered == m.Required, Where: "谈心谈话"})
	if dd != nil {
		out = append(out, duesGoal(dd, on))
	}
	return out
}

// ledgersKept counts the 三帐二单一图 the branch keeps for the year: the
// three ledgers and the 问题清单 when they have rows, the 告知单 and the
// 流程图 always (they are printed from templates and step data).
func (d *Data) ledgersKept(year int) int {
	n := 2 // 一次性告知单, 工作流程图
	if countYear(d.WorkItems, func(w *data.WorkItem) int { return w.Year }, year) > 0 {
		n++
	}
	if countYear(d.Improvement, func(i *data.Improvement) int { return i.Year }, year) > 0 {
		n++
	}
	for _, p := range d.Problems {
		if p.Year == year || p.Year < year && p.Open() { // as the rectification export lists them
			n += 2 // 问题清单 and 问题整改台账 are the same records
			break
		}
	}
	return n
}

func countYear[T any](rows []T, year func(*T) int, y int) int {
	n := 0
	for i := range rows {
		if year(&rows[i]) == y {
			n++
		}
	}
	return n
}

func (d *Data) smallGoals(year int) []Goal {
	brands := countYear(d.Brands, func(b *data.BrandRecord) int { return b.Year }, year)
	stars := countYear(d.Stars, func(s *data.StarRating) int { return s.Year }, year)
	posts := countYear(d.Vanguards, func(v *data.VanguardPost) int { return v.Year }, year)
	recorded := func(n int) string {
		if n == 0 {
			return "尚未登记"
		}
		return "已登记"
	}
	return []Goal{
		{Seed: "R12", Title: "党建品牌（一校一品）", Text: recorded(brands), Done: brands > 0, Where: "党建品牌"},
		{Seed: "R13", Title: "评星定级", Text: recorded(stars), Done: stars > 0, Where: "党建品牌"},
		{Seed: "R14", Title: "党员先锋岗", Text: fmt.Sprintf("%d 个先锋岗", posts), Done: posts > 0, Where: "党建品牌"},
	}
}

func duesGoal(dd *dues.Data, on civil.Date) Goal {
	current := dues.MonthOf(on)
	late := 0
	for _, m := range dues.Compute(dd, current).Members {
		if m.Person.Roll == data.RollActive && m.UnpaidRun(current-1) >= dues.ArrearsReminderMonths {
			late++
		}
	}
	return Goal{Title: "党费按月交纳", Text: fmt.Sprintf("%d 人欠缴 3 个月以上", late), Done: late == 0, Where: "党费"}
}
