package reports

import (
	"fmt"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// 党内统计: the tables a district asks each branch for first, as of a date
// (domain.md §5). Statistics computes them once; the Excel export
// (ExportStatistics) and the window's 统计 view both render these tables,
// so the numbers on screen and on paper are the same.

// StatRow is one line of a table: a label and a count.
type StatRow struct {
	Label string
	Count int
	// Sub marks a 其中 line: a part of the lines above it, not counted in
	// the table's total.
	Sub bool
}

// StatTable is one table.
type StatTable struct {
	Title string
	Rows  []StatRow
	// Base is what the lines share out (the 党员总数) and what 占比 is of;
	// 0 for a table of counts that are not shares (发展党员情况).
	Base int
}

// Total is the sum of the table's lines other than the 其中 lines; for a
// table with a Base it equals the Base.
func (t *StatTable) Total() int {
	n := 0
	for _, r := range t.Rows {
		if !r.Sub {
			n += r.Count
		}
	}
	return n
}

// Share is a count as a fraction of the table's Base (0 without one).
func (t *StatTable) Share(count int) float64 {
	if t.Base == 0 {
		return 0
	}
	return float64(count) / float64(t.Base)
}

// Stats are the 党内统计 of a branch on a date.
type Stats struct {
	Branch data.Branch
	AsOf   civil.Date
	Tables []StatTable
}

// unknown is the line of people whose field is not filled in, so that every
// table adds up to the register.
const unknown = "未填写"

// Statistics computes the 党内统计 as of asOf (zero = the store's today):
// the register on that date, and the 发展党员 and 转正 of asOf's year up to
// that date.
func Statistics(store *data.Store, asOf civil.Date) (*Stats, error) {
	today := store.Today()
	if asOf.IsZero() {
		asOf = today
	}
	dev, err := store.LoadDevData()
	if err != nil {
		return nil, fmt.Errorf("读取党员和发展党员记录失败：%w", err)
	}
	people, err := memberList(store, asOf, today)
	if err != nil {
		return nil, fmt.Errorf("读取党员名单失败：%w", err)
	}
	st := &Stats{Branch: dev.Branch, AsOf: asOf}
	n := len(people)
	st.Tables = []StatTable{
		tally("党员总数（按人员类别）", people, func(p *data.Person) string { return string(p.Stage) },
			string(data.StageFull), string(data.StageProbationer)),
		tally("性别", people, func(p *data.Person) string { return p.Gender }, "男", "女"),
		tally("民族", people, ethnicGroup, "汉族", "少数民族"),
		ageTable(people, asOf),
		tally("学历", people, educationGroup, "研究生", "大学本科", "大学专科", "中专/高中", "初中及以下"),
		tally("党龄", people, func(p *data.Person) string { return partyYears(p, asOf) }, partyYearBands...),
		tally("工作岗位", people, postGroup, postGroups...),
		developmentTable(&dev, asOf),
		confirmationTable(&dev, asOf),
	}
	for i := range st.Tables[:7] {
		st.Tables[i].Base = n
	}
	return st, nil
}

// tally counts people by key into the labels given, in that order, plus
// 未填写 when some have no key.
func tally(title string, people []data.Person, key func(*data.Person) string, labels ...string) StatTable {
	counts := map[string]int{}
	for i := range people {
		k := key(&people[i])
		if k == "" {
			k = unknown
		}
		counts[k]++
	}
	t := StatTable{Title: title}
	for _, l := range labels {
		t.Rows = append(t.Rows, StatRow{Label: l, Count: counts[l]})
		delete(counts, l)
	}
	rest := 0
	for _, c := range counts {
		rest += c
	}
	if rest > 0 {
		t.Rows = append(t.Rows, StatRow{Label: unknown, Count: rest})
	}
	return t
}

func ethnicGroup(p *data.Person) string {
	switch p.Ethnicity {
	case "":
		return ""
	case "汉族", "汉":
		return "汉族"
	}
	return "少数民族"
}

// ageBands are the district's 年龄段, by whole years on the date.
var ageBands = []struct {
	label    string
	from, to int
}{
	{"30岁及以下", 0, 30}, {"31至35岁", 31, 35}, {"36至40岁", 36, 40}, {"41至45岁", 41, 45},
	{"46至50岁", 46, 50}, {"51至55岁", 51, 55}, {"56至60岁", 56, 60}, {"61岁及以上", 61, 1000},
}

func ageTable(people []data.Person, asOf civil.Date) StatTable {
	labels := make([]string, len(ageBands))
	for i, b := range ageBands {
		labels[i] = b.label
	}
	young := 0
	t := tally("年龄", people, func(p *data.Person) string {
		if p.BirthDate.IsZero() {
			return ""
		}
		age := p.BirthDate.YearsSince(asOf)
		if age <= 35 {
			young++
		}
		for _, b := range ageBands {
			if age >= b.from && age <= b.to {
				return b.label
			}
		}
		return ""
	}, labels...)
	t.Rows = append(t.Rows, StatRow{Label: "其中：35岁及以下", Count: young, Sub: true})
	return t
}

func educationGroup(p *data.Person) string {
	switch p.Education {
	case "中等专科", "中专", "高中", "中专/高中":
		return "中专/高中"
	case "初中及以下", "初中", "小学":
		return "初中及以下"
	}
	return p.Education
}

var partyYearBands = []string{"不满5年", "5至9年", "10至19年", "20至29年", "30至39年", "40至49年", "50年及以上"}

// partyYears is the 党龄 band: whole years since 加入党组织日期 (the 预备期
// counts, as 党章 does for 党龄).
func partyYears(p *data.Person, asOf civil.Date) string {
	if p.JoinDate.IsZero() {
		return ""
	}
	y := p.JoinDate.YearsSince(asOf)
	switch {
	case y < 5:
		return partyYearBands[0]
	case y < 10:
		return partyYearBands[1]
	case y >= 50:
		return partyYearBands[6]
	}
	return partyYearBands[y/10+1]
}

// postGroups are a school's kinds of 工作岗位. The register keeps the post
// as free text; postGroup reads it by its words (docs: README 党内统计).
var postGroups = []string{"专任教师", "管理人员", "工勤", "离退休", "其他"}

var postWords = []struct {
	group string
	words []string
}{
	{"离退休", []string{"退休", "离休"}},
	{"工勤", []string{"工勤", "后勤", "保安", "门卫", "司机", "厨", "保洁", "水电", "维修", "宿管"}},
	{"管理人员", []string{"校长", "书记", "主任", "干事", "会计", "出纳", "财务", "行政", "管理", "办公室", "人事"}},
	{"专任教师", []string{"教师", "老师", "班主任", "教研", "任教"}},
}

func postGroup(p *data.Person) string {
	text := p.Post + " " + p.Title
	if strings.TrimSpace(text) == "" {
		return ""
	}
	for _, g := range postWords {
		for _, w := range g.words {
			if strings.Contains(text, w) {
				return g.group
			}
		}
	}
	return "其他"
}

// developmentTable is the year's 发展党员情况 up to asOf: people who reached
// each step in the year, and the new members with the district's 其中.
func developmentTable(dev *data.DevData, asOf civil.Date) StatTable {
	from := civil.New(asOf.Year, 1, 1)
	inYear := func(d civil.Date) bool { return !d.IsZero() && !d.First().Before(from) && !d.First().After(asOf) }
	reached := func(step int) int {
		n := 0
		for id := range dev.Steps {
			if st := data.LatestDevStep(dev.Steps[id], step); st != nil && inYear(st.Date) {
				n++
			}
		}
		return n
	}
	var joined, young, youngTeachers, women int
	for i := range dev.People {
		p := &dev.People[i]
		if !inYear(p.JoinDate) {
			continue
		}
		joined++
		if p.YoungTeacher {
			youngTeachers++
		}
		if !p.BirthDate.IsZero() && p.BirthDate.YearsSince(p.JoinDate) <= 35 {
			young++
		}
		if p.Gender == "女" {
			women++
		}
	}
	return StatTable{Title: fmt.Sprintf("%d年发展党员情况（截至%s）", asOf.Year, asOf.Chinese()), Rows: []StatRow{
		{Label: "递交入党申请书", Count: reached(data.StepApply)},
		{Label: "确定为入党积极分子", Count: reached(data.StepActivist)},
		{Label: "确定为发展对象", Count: reached(data.StepCandidate)},
		{Label: "新发展党员", Count: joined},
		{Label: "其中：优秀青年教师", Count: youngTeachers, Sub: true},
		{Label: "其中：35岁及以下", Count: young, Sub: true},
		{Label: "其中：女性", Count: women, Sub: true},
	}}
}

// confirmationTable is the year's 预备党员转正情况 up to asOf, from the
// status history (转为正式党员, 延长预备期, 取消预备党员资格); a 转正 imported
// without its history counts by its 转为正式党员日期.
func confirmationTable(dev *data.DevData, asOf civil.Date) StatTable {
	from := civil.New(asOf.Year, 1, 1)
	counts := map[string]int{}
	for i := range dev.People {
		p := &dev.People[i]
		if hasEvent(dev.Events[p.ID], data.EventConfirm) || p.FullDate.IsZero() ||
			p.FullDate.First().Before(from) || p.FullDate.First().After(asOf) {
			continue
		}
		if p.ExtendedTo.IsZero() {
			counts["按期转正"]++
		} else {
			counts["延长预备期后转正"]++
		}
	}
	for id := range dev.Events {
		extended := false
		for _, e := range dev.Events[id] {
			in := !e.Date.First().Before(from) && !e.Date.First().After(asOf)
			switch e.Kind {
			case data.EventExtend:
				extended = true
				if in {
					counts["延长预备期"]++
				}
			case data.EventConfirm:
				if in && extended {
					counts["延长预备期后转正"]++
				} else if in {
					counts["按期转正"]++
				}
			case data.EventCancel:
				if in {
					counts["取消预备党员资格"]++
				}
			}
		}
	}
	t := StatTable{Title: fmt.Sprintf("%d年预备党员转正情况（截至%s）", asOf.Year, asOf.Chinese())}
	for _, l := range []string{"按期转正", "延长预备期", "延长预备期后转正", "取消预备党员资格"} {
		t.Rows = append(t.Rows, StatRow{Label: l, Count: counts[l]})
	}
	return t
}

func hasEvent(events []data.StatusEvent, kind data.EventKind) bool {
	for _, e := range events {
		if e.Kind == kind {
			return true
		}
	}
	return false
}
