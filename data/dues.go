package data

import (
	"errors"
	"fmt"
	"strings"

	"partyoffice/data/civil"
)

// 党费 (中组发〔2008〕3号; docs/rules.md «党费 rules»). Three records, all entered by
// the user, never derived: a member's 核定基数 from a month on (DuesBase), a
// payment covering some months (DuesPayment) and a 困难减免 decision
// (DuesRelief). What each month is due, what was paid for it and who is in
// arrears is computed in package data/dues from these and the register.

// DuesCategory is a member's 人员类别 for 党费: it picks the rate table.
type DuesCategory string

const (
	DuesEmployed   DuesCategory = "在职"
	DuesRetired    DuesCategory = "离退休"
	DuesAnnualPay  DuesCategory = "年薪制"     // the month's actual pay, 在职 brackets
	DuesNoSalary   DuesCategory = "无固定工资收入" // previous quarter's average monthly 纯收入, 在职 brackets
	DuesStudent    DuesCategory = "学生"
	DuesUnemployed DuesCategory = "下岗失业"
	DuesRelieved   DuesCategory = "领取抚恤金/救济金/低保"
	DuesFarmer     DuesCategory = "农民"
)

// DuesCategories are offered in the forms and the imported sheets, in this order.
var DuesCategories = []DuesCategory{DuesEmployed, DuesRetired, DuesAnnualPay, DuesNoSalary,
	DuesStudent, DuesUnemployed, DuesRelieved, DuesFarmer}

// DuesCategoryNames are DuesCategories as text.
func DuesCategoryNames() []string {
	out := make([]string, len(DuesCategories))
	for i, c := range DuesCategories {
		out[i] = string(c)
	}
	return out
}

// DuesBase is one member's 核定基数 (after tax, in fen) from a month on,
// until the next base of the same member. A new wage level applies from the
// month it is first paid, so From is that month. For the fixed-amount
// categories the base is not used; FixedFen is the monthly amount where the
// rules leave a range (农民: 0.2–1 元).
type DuesBase struct {
	Model
	PersonID uint `gorm:"index"`
	Name     string
	From     civil.Date // month precision: the first month this base applies to
	Category DuesCategory
	BaseFen  int64 // 核定基数, 分
	FixedFen int64 // 月应缴 for 农民 (20–100 分); 0 elsewhere
	Note     string
}

// DuesPayment is one payment: the months it covers (From..To, month
// precision), the amount, when, how and who received it. Covering more
// than six months at once (补交 or 预交) needs the 支部's recorded consent.
type DuesPayment struct {
	Model
	PersonID  uint `gorm:"index"`
	Name      string
	From, To  civil.Date // months covered, both included
	AmountFen int64
	PaidOn    civil.Date
	Method    string     // DuesMethods
	Handler   string     // 经手人
	ConsentOn civil.Date // 支部同意 date when more than six months are covered
	Note      string
}

// DuesMethods are the usual ways of paying.
var DuesMethods = []string{"现金", "微信", "支付宝", "银行转账", "党费小程序", "其他"}

// MaxDuesMonthsWithoutConsent: 补交 or 预交 normally up to six months
// (中组发〔2008〕3号 第四条).
const MaxDuesMonthsWithoutConsent = 6

// DuesRelief is a 困难减免: after the 支部 discussed it and the higher 党委
// approved, the member pays MonthlyFen (0 = 免交) for the months From..To.
type DuesRelief struct {
	Model
	PersonID    uint `gorm:"index"`
	Name        string
	From, To    civil.Date // months, both included
	MonthlyFen  int64
	DiscussedOn civil.Date // 支部讨论
	ApprovedOn  civil.Date // 上级党委批准
	ApprovedBy  string     // 批准单位
	Reason      string
}

// IsFixed reports whether the category pays a fixed amount whatever its base.
func (c DuesCategory) IsFixed() bool {
	switch c {
	case DuesStudent, DuesUnemployed, DuesRelieved, DuesFarmer:
		return true
	}
	return false
}

// ParseDuesCategory maps the spellings offices use to a category ("" when unknown).
func ParseDuesCategory(s string) DuesCategory {
	s = CleanText(s)
	for _, c := range DuesCategories {
		if s == string(c) {
			return c
		}
	}
	switch s {
	case "在岗", "在编", "在职党员", "在职职工", "教职工":
		return DuesEmployed
	case "退休", "离休", "离退休党员", "退休党员":
		return DuesRetired
	case "学生党员":
		return DuesStudent
	case "失业", "下岗":
		return DuesUnemployed
	case "低保", "抚恤", "救济":
		return DuesRelieved
	case "农民党员":
		return DuesFarmer
	}
	return ""
}

const (
	entityDuesBase    = "党费核定基数"
	entityDuesPayment = "党费缴纳记录"
	entityDuesRelief  = "党费困难减免"
	maxBaseFen        = 10_000_000 // 10 万元 a month: beyond any school payroll; a typo otherwise
	maxPaymentFen     = 100_000_000
)

func (b *DuesBase) recordID() uint { return b.ID }
func (b *DuesBase) entity() string { return entityDuesBase }
func (b *DuesBase) summary() string {
	return fmt.Sprintf("%s %s起 %s 核定基数 %s", b.Name, b.From, b.Category, Yuan(b.BaseFen))
}

func (b *DuesBase) tidy(tx *Tx) error {
	if err := tx.memberRef(&b.PersonID, &b.Name); err != nil {
		return err
	}
	b.Note = CleanLines(b.Note)
	b.From = monthOf(b.From)
	switch {
	case b.From.IsZero():
		return errors.New("请填写从哪个月起执行这个基数（首次按新工资标准发放的月份）")
	case b.Category == "":
		return errors.New("请选择人员类别")
	case !oneOf(string(b.Category), DuesCategoryNames()...):
		return fmt.Errorf("人员类别“%s”不是可选的值", b.Category)
	case b.BaseFen < 0 || b.BaseFen > maxBaseFen:
		return fmt.Errorf("核定基数 %s 不对，请核对", Yuan(b.BaseFen))
	case !b.Category.IsFixed() && b.BaseFen == 0:
		return fmt.Errorf("%s党员请填写核定基数（税后工资收入）", b.Category)
	case b.Category == DuesFarmer && (b.FixedFen < 20 || b.FixedFen > 100):
		return errors.New("农民党员每月缴纳0.2元到1元，请填写月缴金额")
	case b.Category != DuesFarmer:
		b.FixedFen = 0
	}
	return limitText("备注", b.Note, longText)
}

func (p *DuesPayment) recordID() uint { return p.ID }
func (p *DuesPayment) entity() string { return entityDuesPayment }
func (p *DuesPayment) summary() string {
	return fmt.Sprintf("%s %s 缴纳 %s 至 %s 党费 %s", p.Name, p.PaidOn, p.From, p.To, Yuan(p.AmountFen))
}

func (p *DuesPayment) tidy(tx *Tx) error {
	if err := tx.memberRef(&p.PersonID, &p.Name); err != nil {
		return err
	}
	p.From, p.To = monthOf(p.From), monthOf(p.To)
	p.Method, p.Handler, p.Note = CleanText(p.Method), CleanText(p.Handler), CleanLines(p.Note)
	if p.To.IsZero() {
		p.To = p.From
	}
	switch {
	case p.From.IsZero():
		return errors.New("请填写缴纳的是哪个月（或从哪个月到哪个月）的党费")
	case p.To.Before(p.From):
		return fmt.Errorf("缴纳月份的止月 %s 早于起月 %s", p.To, p.From)
	case p.PaidOn.IsZero() || p.PaidOn.Precision() != civil.DayPrecision:
		return errors.New("请填写缴纳日期（年月日）")
	case p.PaidOn.After(tx.today):
		return fmt.Errorf("缴纳日期 %s 在今天之后，请核对", p.PaidOn)
	case p.AmountFen <= 0 || p.AmountFen > maxPaymentFen:
		return fmt.Errorf("缴纳金额 %s 不对，请核对", Yuan(p.AmountFen))
	}
	if n := MonthsBetween(p.From, p.To); n > MaxDuesMonthsWithoutConsent && p.ConsentOn.IsZero() {
		return fmt.Errorf("一次缴纳 %d 个月的党费（补交或预交）超过6个月，需经支部同意：请填写支部同意的日期", n)
	}
	return limitText("备注", p.Note, longText)
}

func (r *DuesRelief) recordID() uint { return r.ID }
func (r *DuesRelief) entity() string { return entityDuesRelief }
func (r *DuesRelief) summary() string {
	return fmt.Sprintf("%s %s 至 %s 困难减免，每月缴 %s", r.Name, r.From, r.To, Yuan(r.MonthlyFen))
}

func (r *DuesRelief) tidy(tx *Tx) error {
	if err := tx.memberRef(&r.PersonID, &r.Name); err != nil {
		return err
	}
	r.From, r.To = monthOf(r.From), monthOf(r.To)
	r.ApprovedBy, r.Reason = CleanText(r.ApprovedBy), CleanLines(r.Reason)
	switch {
	case r.From.IsZero() || r.To.IsZero():
		return errors.New("请填写减免的起止月份")
	case r.To.Before(r.From):
		return fmt.Errorf("减免止月 %s 早于起月 %s", r.To, r.From)
	case r.MonthlyFen < 0:
		return errors.New("减免后每月缴纳金额不能为负数")
	case r.DiscussedOn.IsZero():
		return errors.New("困难减免须经支部讨论：请填写支部讨论的日期")
	case r.ApprovedOn.IsZero():
		return errors.New("困难减免须报上级党委批准：请填写批准日期")
	case r.ApprovedOn.Before(r.DiscussedOn):
		return fmt.Errorf("上级批准日期 %s 早于支部讨论日期 %s", r.ApprovedOn, r.DiscussedOn)
	}
	return limitText("减免原因", r.Reason, longText)
}

// memberRef requires a person of the register (党费 is paid by members only)
// and fills the name.
func (tx *Tx) memberRef(id *uint, name *string) error {
	if *id == 0 {
		return errors.New("请从党员名册中选择党员")
	}
	ptr := id
	return tx.resolveNames(personRef{id: &ptr, name: name, role: "党员"})
}

// monthOf is the month a date falls in, month precision ("" stays zero).
func monthOf(d civil.Date) civil.Date {
	if d.IsZero() || d.Month == 0 {
		return civil.Date{}
	}
	return civil.Date{Year: d.Year, Month: d.Month}
}

// MonthsBetween counts the months from..to, both included (0 when to is earlier).
func MonthsBetween(from, to civil.Date) int {
	n := (to.Year-from.Year)*12 + to.Month - from.Month + 1
	return max(n, 0)
}

// Yuan writes fen as 元 with two decimals: 12345 → "123.45".
func Yuan(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	return fmt.Sprintf("%s%d.%02d", sign, fen/100, fen%100)
}

// ParseYuan reads an amount in 元 as offices type it ("3,456.7", "3456.70元",
// "￥3456") into fen, exactly: no float is involved, and a third decimal is
// refused rather than rounded.
func ParseYuan(s string) (int64, error) {
	t := CleanText(s)
	for _, cut := range []string{"元", "¥", "￥", ",", "，", " "} {
		t = strings.ReplaceAll(t, cut, "")
	}
	bad := fmt.Errorf("金额“%s”不对，请写成 3456.78 这样的数", s)
	if t == "" {
		return 0, bad
	}
	neg := false
	if t[0] == '-' {
		neg, t = true, t[1:]
	}
	whole, frac, dot := strings.Cut(t, ".")
	if whole == "" || len(frac) > 2 || (dot && frac == "" && whole == "") || len(whole) > 12 {
		return 0, bad
	}
	var fen int64
	for _, r := range whole + (frac + "00")[:2] {
		if r < '0' || r > '9' {
			return 0, bad
		}
		fen = fen*10 + int64(r-'0')
	}
	if neg {
		fen = -fen
	}
	return fen, nil
}
