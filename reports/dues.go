package reports

import (
	"fmt"
	"slices"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/dues"
)

// 党费: the 核定基数 and payment registers (in and out, same columns), and
// three reports computed by package data/dues: the monthly 党费收缴登记表,
// the 年度汇总 and the 公示 list (姓名, 月应缴, 实缴, 缴至 only: no base, no
// ID number).

// DuesBaseRow is a 核定基数 row of a sheet: the base and who it belongs to.
type DuesBaseRow struct {
	data.DuesBase
	IDNumber, StaffNo string
}

// DuesBaseRegister is the 党费核定基数表, the shape a finance office sends.
func DuesBaseRegister() *Register[DuesBaseRow] {
	return &Register[DuesBaseRow]{
		Name: "党费核定基数", Portrait: true, FreezeColumns: 1,
		Columns: []Column[DuesBaseRow]{
			TextColumn("姓名", func(r *DuesBaseRow) *string { return &r.Name }),
			{Header: "身份证号", Aliases: []string{"公民身份号码", "身份证号码"}, Kind: KindCode, Width: 21,
				Get: func(r *DuesBaseRow) any { return r.IDNumber },
				Set: func(r *DuesBaseRow, s string) error {
					n, err := parseIDCell(s)
					r.IDNumber = n
					return err
				}},
			CodeColumn("工号", 10, func(r *DuesBaseRow) *string { return &r.StaffNo }, "职工号", "人员编号", "工资号"),
			ChoiceColumn("人员类别", func(r *DuesBaseRow) *string { return (*string)(&r.Category) }, data.DuesCategoryNames(),
				func(s string) string { return string(data.ParseDuesCategory(s)) }, "党费类别"),
			MoneyColumn("核定基数", func(r *DuesBaseRow) *int64 { return &r.BaseFen },
				"党费基数", "缴费基数", "税后工资", "计算基数", "核定基数(元)", "基数"),
			MoneyColumn("定额月缴", func(r *DuesBaseRow) *int64 { return &r.FixedFen }, "定额"),
			MonthColumn("起始月份", func(r *DuesBaseRow) *civil.Date { return &r.From }, "执行月份", "执行起始月份", "起缴月份"),
			TextColumn("备注", func(r *DuesBaseRow) *string { return &r.Note }),
		},
	}
}

// ExportDuesBases writes every stored 核定基数.
func ExportDuesBases(path string, s *data.Store) error {
	d, err := dues.Load(s)
	if err != nil {
		return err
	}
	byID := map[uint]*data.Person{}
	for i := range d.People {
		byID[d.People[i].ID] = &d.People[i]
	}
	rows := make([]DuesBaseRow, len(d.Bases))
	for i, b := range d.Bases {
		rows[i] = DuesBaseRow{DuesBase: b}
		if p := byID[b.PersonID]; p != nil {
			rows[i].IDNumber, rows[i].StaffNo = p.IDNumber, p.StaffNo
		}
	}
	return WriteRegister(path, DuesBaseRegister(), yearDocument(&d.Branch, "党费核定基数表", 0, s.Today()), rows, nil)
}

func idNumbers(people []data.Person) map[uint]string {
	out := make(map[uint]string, len(people))
	for _, p := range people {
		out[p.ID] = p.IDNumber
	}
	return out
}

// ReadDuesBases reads a 核定基数 sheet. A row for a member and month that
// already has a base updates that base (the finance office sends its list
// again after a correction); without 起始月份 the base starts in
// defaultFrom's month.
func ReadDuesBases(path string, s *data.Store, defaultFrom civil.Date, progress func(done, total int)) (*ImportPreview[DuesBaseRow], error) {
	find, err := newPersonFinder(s)
	if err != nil {
		return nil, err
	}
	stored, err := data.Records[data.DuesBase](s, "id", "")
	if err != nil {
		return nil, err
	}
	existing := map[string]uint{}
	for _, b := range stored {
		existing[fmt.Sprint(b.PersonID, b.From)] = b.ID
	}
	finish := func(r *DuesBaseRow) []data.FieldIssue {
		p, problem := find.find(r.Name, r.IDNumber, r.StaffNo, "党员")
		if p == nil {
			return issue("姓名", problem)
		}
		if !p.Stage.IsMember() {
			return issue("姓名", p.Name+"不是党员，不交纳党费")
		}
		r.PersonID, r.Name = p.ID, p.Name
		if r.From.IsZero() {
			r.From = civil.Date{Year: defaultFrom.Year, Month: defaultFrom.Month}
		}
		if r.Category == "" {
			r.Category = data.DuesEmployed
		}
		r.ID = existing[fmt.Sprint(r.PersonID, r.From)]
		return nil
	}
	return readPreview(path, DuesBaseRegister(), finish, progress)
}

// DuesPaymentRow is a payment row of a sheet.
type DuesPaymentRow struct {
	data.DuesPayment
	IDNumber string
}

// DuesPaymentRegister is the 党费缴纳记录: one payment a row.
func DuesPaymentRegister() *Register[DuesPaymentRow] {
	return &Register[DuesPaymentRow]{
		Name: "党费缴纳记录", FreezeColumns: 1,
		Columns: []Column[DuesPaymentRow]{
			TextColumn("姓名", func(r *DuesPaymentRow) *string { return &r.Name }),
			{Header: "身份证号", Aliases: []string{"公民身份号码"}, Kind: KindCode, Width: 21,
				Get: func(r *DuesPaymentRow) any { return r.IDNumber },
				Set: func(r *DuesPaymentRow, s string) error {
					n, err := parseIDCell(s)
					r.IDNumber = n
					return err
				}},
			MonthColumn("缴纳起月", func(r *DuesPaymentRow) *civil.Date { return &r.From }, "起始月份", "缴纳月份"),
			MonthColumn("缴纳止月", func(r *DuesPaymentRow) *civil.Date { return &r.To }, "截止月份"),
			MoneyColumn("金额", func(r *DuesPaymentRow) *int64 { return &r.AmountFen }, "实缴", "缴纳金额", "实缴金额"),
			DateColumn("缴纳日期", func(r *DuesPaymentRow) *civil.Date { return &r.PaidOn }, "交纳日期"),
			textChoice("缴纳方式", func(r *DuesPaymentRow) *string { return &r.Method }, data.DuesMethods),
			TextColumn("经手人", func(r *DuesPaymentRow) *string { return &r.Handler }, "收款人"),
			DateColumn("支部同意日期", func(r *DuesPaymentRow) *civil.Date { return &r.ConsentOn }),
			TextColumn("备注", func(r *DuesPaymentRow) *string { return &r.Note }),
		},
	}
}

// ExportDuesPayments writes the payments made in the year.
func ExportDuesPayments(path string, s *data.Store, year int) error {
	d, err := dues.Load(s)
	if err != nil {
		return err
	}
	ids := idNumbers(d.People)
	var rows []DuesPaymentRow
	for _, p := range d.Payments {
		if year == 0 || p.PaidOn.Year == year {
			rows = append(rows, DuesPaymentRow{DuesPayment: p, IDNumber: ids[p.PersonID]})
		}
	}
	return WriteRegister(path, DuesPaymentRegister(), yearDocument(&d.Branch, "党费缴纳记录", year, asOfYear(year, s.Today())), rows, nil)
}

// ReadDuesPayments reads a payments sheet; every row is a new payment.
func ReadDuesPayments(path string, s *data.Store, progress func(done, total int)) (*ImportPreview[DuesPaymentRow], error) {
	find, err := newPersonFinder(s)
	if err != nil {
		return nil, err
	}
	finish := func(r *DuesPaymentRow) []data.FieldIssue {
		p, problem := find.find(r.Name, r.IDNumber, "", "党员")
		if p == nil {
			return issue("姓名", problem)
		}
		r.PersonID, r.Name = p.ID, p.Name
		return nil
	}
	return readPreview(path, DuesPaymentRegister(), finish, progress)
}

// DuesMonthRow is one member's line of a month's 党费收缴登记表.
type DuesMonthRow struct {
	Name, Category, Rate     string
	BaseFen, DueFen, PaidFen int64
	Months, PaidOn, Method   string
	Handler, Through, Note   string
}

// DuesMonthRegister is the 党费收缴登记表 of one month (domain.md §4 columns).
func DuesMonthRegister(month int) *Register[DuesMonthRow] {
	text := func(h string, get func(*DuesMonthRow) string) Column[DuesMonthRow] {
		return Column[DuesMonthRow]{Header: h, Get: func(r *DuesMonthRow) any { return get(r) }}
	}
	center := func(c Column[DuesMonthRow]) Column[DuesMonthRow] { c.Center = true; return c }
	return &Register[DuesMonthRow]{
		Name: fmt.Sprintf("%d月", month), FreezeColumns: 1,
		Columns: []Column[DuesMonthRow]{
			text("姓名", func(r *DuesMonthRow) string { return r.Name }),
			center(text("人员类别", func(r *DuesMonthRow) string { return r.Category })),
			memberMoney("核定基数", func(r *DuesMonthRow) int64 { return r.BaseFen }, monthTotal),
			center(text("比例", func(r *DuesMonthRow) string { return r.Rate })),
			moneyGet("月应缴", func(r *DuesMonthRow) int64 { return r.DueFen }),
			moneyGet("实缴", func(r *DuesMonthRow) int64 { return r.PaidFen }),
			center(text("缴纳月份", func(r *DuesMonthRow) string { return r.Months })),
			center(text("缴纳日期", func(r *DuesMonthRow) string { return r.PaidOn })),
			center(text("缴至年月", func(r *DuesMonthRow) string { return r.Through })),
			center(text("缴纳方式", func(r *DuesMonthRow) string { return r.Method })),
			center(text("经手人", func(r *DuesMonthRow) string { return r.Handler })),
			text("备注", func(r *DuesMonthRow) string { return r.Note }),
		},
	}
}

// DuesMonthRows are the lines of one month as they stood on day, the
// sheet's date: every member liable that month, with the payment(s) that
// cover it, and a 合计 line. l is the ledger of the payments made by day
// (dues.Data.PaidBy), so 实缴, the payments and 缴至 all say what the
// sheet's date says. A month whose last day has not come by day is 未到期,
// not 未缴.
func DuesMonthRows(l *dues.Ledger, mo dues.Month, day civil.Date) []DuesMonthRow {
	var out []DuesMonthRow
	var total DuesMonthRow
	for _, m := range l.Members {
		c := m.Cell(mo)
		if !c.Liable && c.PaidFen == 0 {
			continue
		}
		r := DuesMonthRow{Name: m.Person.Name, DueFen: c.DueFen, PaidFen: c.PaidFen, Rate: c.Rate.Text,
			Through: monthText(m.PaidThrough)}
		if c.Base != nil {
			r.Category, r.BaseFen = string(c.Base.Category), c.Base.BaseFen
		}
		var months, dates, methods, handlers, notes []string
		for _, p := range m.Payments {
			if dues.MonthOf(p.From) <= mo && mo <= dues.MonthOf(p.To) {
				months = append(months, spanText(p.From, p.To))
				dates = append(dates, p.PaidOn.String())
				methods = append(methods, p.Method)
				handlers = append(handlers, p.Handler)
				notes = append(notes, p.Note)
			}
		}
		r.Months, r.PaidOn = strings.Join(months, "\n"), strings.Join(dates, "\n")
		r.Method, r.Handler = joinDistinct(methods), joinDistinct(handlers)
		r.Note = joinDistinct(notes)
		switch {
		case c.Relief:
			r.Note = strings.TrimSpace("困难减免 " + r.Note)
		case c.Liable && !c.Paid() && monthDue(mo, day):
			r.Note = strings.TrimSpace("未缴 " + r.Note)
		case c.Liable && !c.Paid():
			r.Note = strings.TrimSpace(notDue + " " + r.Note)
		}
		total.DueFen += r.DueFen
		total.PaidFen += r.PaidFen
		out = append(out, r)
	}
	total.Name = totalName
	return append(out, total)
}

// notDue marks a month whose 党费 is not owed yet: its last day has not
// come. An unpaid month is 未缴 only once it is due.
const notDue = "未到期"

// monthDue reports whether month mo is due on day: its last day has come.
func monthDue(mo dues.Month, day civil.Date) bool {
	return !day.Before(mo.Date().Last())
}

// sheetDay is the date of month mo's sheet: the month's last day, or today
// while that has not come (the sheet says what was paid so far).
func sheetDay(mo dues.Month, today civil.Date) civil.Date {
	if last := mo.Date().Last(); last.Before(today) {
		return last
	}
	return today
}

func spanText(from, to civil.Date) string {
	if from == to {
		return from.String()
	}
	return from.String() + "至" + to.String()
}

func monthText(m dues.Month) string {
	if m == 0 {
		return ""
	}
	return m.Date().String()
}

func joinDistinct(items []string) string {
	var out []string
	for _, s := range items {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return strings.Join(out, "、")
}

// loadDues computes the ledger through the end of the year.
func loadDues(s *data.Store, opt *YearOptions) (*dues.Data, *dues.Ledger, error) {
	d, err := loadDuesData(s, opt)
	if err != nil {
		return nil, nil, err
	}
	_, to := dues.YearMonths(opt.Year)
	return d, dues.Compute(d, to), nil
}

func loadDuesData(s *data.Store, opt *YearOptions) (*dues.Data, error) {
	if err := opt.check(s); err != nil {
		return nil, err
	}
	d, err := dues.Load(s)
	if err != nil {
		return nil, fmt.Errorf("读取党费记录失败：%w", err)
	}
	return d, nil
}

// ExportDuesMonthly writes the 党费收缴登记表: one sheet per month of the
// year, or the one month asked for. Each sheet is dated the month's last
// day (today for a month not over yet) and shows the payments made by then.
func ExportDuesMonthly(path string, s *data.Store, opt YearOptions) error {
	d, err := loadDuesData(s, &opt)
	if err != nil {
		return err
	}
	from, to := dues.YearMonths(opt.Year)
	end := to
	if opt.Month != 0 {
		from = dues.MonthOf(civil.Date{Year: opt.Year, Month: opt.Month})
		to = from
	}
	var sheets []sheetWriter
	var info fileInfo
	for mo := from; mo <= to; mo++ {
		day := sheetDay(mo, opt.Today)
		rows := DuesMonthRows(dues.Compute(d.PaidBy(day), end), mo, day)
		doc := yearDocument(&d.Branch, "党费收缴登记表", 0, day)
		doc.Title = fmt.Sprintf("%s党费收缴登记表（%d年%d月）", d.Branch.Name, opt.Year, mo.Date().Month)
		doc.Signature = "支部书记：　　　　　　　　组织委员：　　　　　　　　经手人：　　　　　　　　日期：　　　　年　　月　　日"
		sheets = append(sheets, registerSheet(DuesMonthRegister(mo.Date().Month), doc, rows, nil))
		info = doc.fileInfo()
	}
	return writeWorkbook(path, info, sheets...)
}

// DuesYearRow is one member's line of the 年度汇总.
type DuesYearRow struct {
	Name, Category, Rate string
	BaseFen, MonthlyFen  int64
	Months               [12]int64 // 实缴 put on each month
	NotDue               [12]bool  // the month is not due yet and nothing is paid on it (未到期)
	DueFen, PaidFen      int64
	Through              string
	Unpaid               int // consecutive unpaid months at the end of the span
	Note                 string
}

// DuesYearRegister is the 党费收缴年度汇总表.
func DuesYearRegister() *Register[DuesYearRow] {
	cols := []Column[DuesYearRow]{
		{Header: "姓名", Get: func(r *DuesYearRow) any { return r.Name }},
		{Header: "人员类别", Center: true, Get: func(r *DuesYearRow) any { return r.Category }},
		memberMoney("核定基数", func(r *DuesYearRow) int64 { return r.BaseFen }, yearTotal),
		{Header: "比例", Center: true, Width: 6, Get: func(r *DuesYearRow) any { return r.Rate }},
		memberMoney("月应缴", func(r *DuesYearRow) int64 { return r.MonthlyFen }, yearTotal),
	}
	for i := range 12 {
		c := moneyGet(fmt.Sprintf("%d月", i+1), func(r *DuesYearRow) int64 { return r.Months[i] })
		c.Width = 8
		paid, paidText := c.Get, c.Text
		c.Get = func(r *DuesYearRow) any {
			if r.NotDue[i] {
				return notDue
			}
			return paid(r)
		}
		c.Text = func(r *DuesYearRow) string {
			if r.NotDue[i] {
				return notDue
			}
			return paidText(r)
		}
		cols = append(cols, c)
	}
	cols = append(cols,
		moneyGet("全年应缴", func(r *DuesYearRow) int64 { return r.DueFen }),
		moneyGet("全年实缴", func(r *DuesYearRow) int64 { return r.PaidFen }),
		Column[DuesYearRow]{Header: "缴至年月", Center: true, Width: 9, Get: func(r *DuesYearRow) any { return r.Through }},
		Column[DuesYearRow]{Header: "连续未缴月数", Kind: KindNumber, Width: 7, Get: func(r *DuesYearRow) any { return r.Unpaid }},
		Column[DuesYearRow]{Header: "备注", Get: func(r *DuesYearRow) any { return r.Note }},
	)
	return &Register[DuesYearRow]{Name: "年度汇总", Columns: cols, FreezeColumns: 1}
}

// memberMoney is a per-member amount, left empty on the 合计 line (a sum
// of bases or of monthly rates means nothing).
func memberMoney[T any](header string, get func(*T) int64, isTotal func(*T) bool) Column[T] {
	c := moneyGet(header, get)
	c.Get = func(r *T) any {
		if isTotal(r) {
			return nil
		}
		return get(r)
	}
	c.Text = func(r *T) string {
		if isTotal(r) {
			return ""
		}
		return data.Yuan(get(r))
	}
	return c
}

func yearTotal(r *DuesYearRow) bool   { return r.Name == totalName && r.Category == "" }
func monthTotal(r *DuesMonthRow) bool { return r.Name == totalName && r.Category == "" }

const totalName = "合计"

// DuesYearRows are the members' lines of the year and a 合计 line. Unpaid
// months count through the last month of the year that has ended by today;
// a month not due by today with nothing paid on it is 未到期 (NotDue), as
// on its 收缴登记表, rather than a 0 that reads as unpaid.
func DuesYearRows(l *dues.Ledger, year int, today civil.Date) []DuesYearRow {
	from, to := dues.YearMonths(year)
	through := min(to, dues.MonthOf(today)-1)
	var out []DuesYearRow
	total := DuesYearRow{Name: totalName}
	for _, m := range l.Members {
		tot := m.Totals(from, to)
		c := m.LatestCell(to)
		if c == nil || !liableIn(m, from, to) && tot.PaidFen == 0 {
			continue // not a member in this year
		}
		r := DuesYearRow{Name: m.Person.Name, DueFen: tot.DueFen, PaidFen: tot.PaidFen,
			Through: monthText(m.PaidThrough), Unpaid: m.UnpaidRun(through)}
		if c != nil {
			r.Rate, r.MonthlyFen = c.Rate.Text, c.DueFen
			if c.Base != nil {
				r.Category, r.BaseFen = string(c.Base.Category), c.Base.BaseFen
			}
			if c.Relief {
				r.Note = "困难减免"
			}
		}
		for i := range 12 {
			mo := from + dues.Month(i)
			c := m.Cell(mo)
			r.Months[i] = c.PaidFen
			r.NotDue[i] = c.Liable && c.PaidFen == 0 && !monthDue(mo, today)
			total.Months[i] += r.Months[i]
		}
		total.DueFen += r.DueFen
		total.PaidFen += r.PaidFen
		out = append(out, r)
	}
	for i := range 12 {
		total.NotDue[i] = total.Months[i] == 0 && !monthDue(from+dues.Month(i), today)
	}
	return append(out, total)
}

// ExportDuesYear writes the 党费收缴年度汇总表.
func ExportDuesYear(path string, s *data.Store, opt YearOptions) error {
	d, l, err := loadDues(s, &opt)
	if err != nil {
		return err
	}
	doc := yearDocument(&d.Branch, "党费收缴汇总表", opt.Year, asOfYear(opt.Year, opt.Today))
	return WriteRegister(path, DuesYearRegister(), doc, DuesYearRows(l, opt.Year, opt.Today), nil)
}

// DuesPublicityRegister is the 公示 list: 姓名, 月应缴, 实缴 and 缴至 only.
// It is a register of its own rather than a mask: a column that is not
// there cannot leak.
func DuesPublicityRegister() *Register[DuesYearRow] {
	return &Register[DuesYearRow]{
		Name: "党费公示", Portrait: true,
		Columns: []Column[DuesYearRow]{
			{Header: "姓名", Width: 14, Get: func(r *DuesYearRow) any { return r.Name }},
			memberMoney("月应缴", func(r *DuesYearRow) int64 { return r.MonthlyFen }, yearTotal),
			moneyGet("实缴", func(r *DuesYearRow) int64 { return r.PaidFen }),
			{Header: "缴至", Center: true, Width: 10, Get: func(r *DuesYearRow) any { return r.Through }},
		},
	}
}

// ExportDuesPublicity writes the 党费收缴情况公示 of the year.
func ExportDuesPublicity(path string, s *data.Store, opt YearOptions) error {
	d, l, err := loadDues(s, &opt)
	if err != nil {
		return err
	}
	rows := DuesYearRows(l, opt.Year, opt.Today)
	rows = rows[:len(rows)-1] // 合计 of the money columns only
	total := DuesYearRow{Name: totalName}
	for _, r := range rows {
		total.PaidFen += r.PaidFen
	}
	rows = append(rows, total)
	doc := yearDocument(&d.Branch, "党费收缴情况公示", opt.Year, asOfYear(opt.Year, opt.Today))
	doc.Signature = "中共" + strings.TrimPrefix(d.Branch.Name, "中共") + "　　　　年　　月　　日"
	return WriteRegister(path, DuesPublicityRegister(), doc, rows, nil)
}

func liableIn(m *dues.Member, from, to dues.Month) bool {
	for mo := from; mo <= to; mo++ {
		if m.Cell(mo).Liable {
			return true
		}
	}
	return false
}

// DuesReliefRegister describes the 困难减免 records (the 党费 screen's list
// and form): who, which months, what is paid instead, and the 支部讨论 and
// 上级批准 that make it valid.
func DuesReliefRegister() *Register[data.DuesRelief] {
	type R = data.DuesRelief
	return &Register[R]{
		Name: "党费困难减免",
		Columns: []Column[R]{
			TextColumn("姓名", func(r *R) *string { return &r.Name }),
			MonthColumn("减免起月", func(r *R) *civil.Date { return &r.From }),
			MonthColumn("减免止月", func(r *R) *civil.Date { return &r.To }),
			MoneyColumn("减免后月缴", func(r *R) *int64 { return &r.MonthlyFen }),
			DateColumn("支部讨论日期", func(r *R) *civil.Date { return &r.DiscussedOn }),
			DateColumn("上级批准日期", func(r *R) *civil.Date { return &r.ApprovedOn }),
			TextColumn("批准单位", func(r *R) *string { return &r.ApprovedBy }),
			TextColumn("减免原因", func(r *R) *string { return &r.Reason }),
		},
	}
}
