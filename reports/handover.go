package reports

import (
	"fmt"
	"sync"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/compliance"
	"partyoffice/data/rules"
)

// The 移交清单: the printed list the outgoing and incoming secretaries sign
// when the branch's records change hands. It says what is handed over
// (counts per register, meetings per year, attachments, the package file)
// and what is open (reminders and record problems), with signature lines for
// 移交人, 接收人 and 监交人.

// HandoverItem is one line of the 移交清单.
type HandoverItem struct {
	Category string // 移交内容, 待办提醒, 记录问题
	Item     string
	Count    any        // a number, or nil
	Due      civil.Date // for reminders
	Note     string
}

// Categories of the 移交清单's lines.
const (
	HandoverContent  = "移交内容"
	HandoverReminder = "待办提醒"
	HandoverProblem  = "记录问题"
)

// HandoverSignature is the line under the 移交清单.
const HandoverSignature = "移交人：　　　　　　　接收人：　　　　　　　监交人：　　　　　　　日期：　　　　年　　月　　日"

// HandoverRegister is the 移交清单's table.
var HandoverRegister = sync.OnceValue(func() *Register[HandoverItem] {
	category := TextColumn("类别", func(h *HandoverItem) *string { return &h.Category })
	category.Width, category.Center = 10, true
	item := TextColumn("项目", func(h *HandoverItem) *string { return &h.Item })
	item.Width = 28
	note := TextColumn("说明", func(h *HandoverItem) *string { return &h.Note })
	note.Width = 60
	return &Register[HandoverItem]{Name: "移交清单", Portrait: true, Columns: []Column[HandoverItem]{
		category, item,
		{Header: "数量", Kind: KindNumber, Width: 8, Get: func(h *HandoverItem) any { return h.Count }},
		DateColumn("期限", func(h *HandoverItem) *civil.Date { return &h.Due }),
		note,
	}}
})

// PackageRef names the 移交包 file the list goes with.
type PackageRef struct {
	Name  string
	Size  int64
	Files int
}

// HandoverListOptions tune ExportHandoverList.
type HandoverListOptions struct {
	Today    civil.Date  // zero = today
	Package  *PackageRef // the package handed over with it, if any
	Progress func(done, total int)
}

// ExportHandoverList writes the printable 移交清单 to path (.xlsx).
func ExportHandoverList(path string, store *data.Store, opt HandoverListOptions) error {
	if opt.Today.IsZero() {
		opt.Today = store.Today()
	}
	branch, err := store.Branch()
	if err != nil {
		return fmt.Errorf("读取支部信息失败：%w", err)
	}
	items, err := HandoverItems(store, opt.Today, opt.Package)
	if err != nil {
		return err
	}
	doc := Document{
		Title: branch.Name + "工作移交清单",
		Unit:  branch.Name, AsOf: opt.Today,
		Signature: HandoverSignature,
		Author:    branch.Name, Made: storeNow(store),
	}
	return WriteRegister(path, HandoverRegister(), doc, items, opt.Progress)
}

// HandoverItems are the lines of the 移交清单 as of today.
func HandoverItems(store *data.Store, today civil.Date, pkg *PackageRef) ([]HandoverItem, error) {
	inventory, err := store.Inventory()
	if err != nil {
		return nil, fmt.Errorf("统计数据失败：%w", err)
	}
	var items []HandoverItem
	for _, line := range inventory {
		items = append(items, HandoverItem{Category: HandoverContent, Item: line.Label(), Count: line.Count})
	}
	files, size, err := store.AttachmentStats()
	if err != nil {
		return nil, fmt.Errorf("统计附件失败：%w", err)
	}
	items = append(items, HandoverItem{Category: HandoverContent, Item: "附件文件（照片、签到表、材料）",
		Count: files, Note: "共 " + byteSize(size)})
	if pkg != nil {
		items = append(items, HandoverItem{Category: HandoverContent, Item: "移交包文件", Count: 1,
			Note: fmt.Sprintf("%s，%s，内含 %d 个文件，每个文件附 SHA-256 校验值，接收时逐一核对", pkg.Name, byteSize(pkg.Size), pkg.Files)})
	}
	open, err := openFindings(store, today)
	if err != nil {
		return nil, err
	}
	for _, f := range open {
		category := HandoverReminder
		if f.Severity == rules.SeverityError {
			category = HandoverProblem
		}
		who := f.Person
		if who == "" {
			who = "全支部"
		}
		items = append(items, HandoverItem{Category: category, Item: who, Due: f.Due, Note: f.ForPrint()})
	}
	if len(open) == 0 {
		items = append(items, HandoverItem{Category: HandoverReminder, Item: "无", Note: "移交时没有到期或临近的提醒事项"})
	}
	return items, nil
}

// openFindings are the checks of 发展党员 and of the meetings as of today:
// what the successor must see to at once.
func openFindings(store *data.Store, today civil.Date) ([]rules.Finding, error) {
	d, err := store.LoadDevData()
	if err != nil {
		return nil, fmt.Errorf("读取发展党员记录失败：%w", err)
	}
	out := rules.CheckAll(d, today, rules.DefaultOptions())
	m, err := compliance.Check(store, today)
	if err != nil {
		return nil, fmt.Errorf("检查会议记录失败：%w", err)
	}
	out = append(out, m...)
	rules.Sort(out)
	return out, nil
}

// byteSize is a size as people read it: 812 KB, 3.4 MB, 1.2 GB.
func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}
