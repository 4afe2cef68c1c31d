// Package dues works out the 党费 ledger from what the user recorded: the
// rate of each 核定基数 (the bracket table below, as data with its source),
// what each month is due, how each payment is spread over the months it
// covers, 缴至, and who is in arrears. It reads records through package data
// and writes nothing; docs/rules.md «党费 rules» lists the rules.
package dues

import (
	"fmt"

	"partyoffice/data"
)

// Source of the rates and the payment rules.
const Source = "中组部《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）"

// Bracket is one step of a rate table: a base up to UpToFen (included; 0 =
// no upper bound) pays Permille thousandths of the whole base (the rate is
// not progressive).
type Bracket struct {
	UpToFen  int64
	Permille int64
}

// Table is how one group of categories pays: by brackets on the base, or a
// fixed monthly amount.
type Table struct {
	Categories []data.DuesCategory
	Brackets   []Bracket
	FixedFen   int64 // fixed monthly amount; 0 for bracket tables (农民: entered per member)
	Article    string
}

// Tables are the rates of 中组发〔2008〕3号 (in force 2008-04-01, unchanged
// as of 2025).
var Tables = []Table{
	{
		Categories: []data.DuesCategory{data.DuesEmployed, data.DuesAnnualPay, data.DuesNoSalary},
		Brackets:   []Bracket{{300000, 5}, {500000, 10}, {1000000, 15}, {0, 20}},
		Article:    "第一条：每月工资收入（税后）3000元以下（含）0.5%，3000–5000元（含）1%，5000–10000元（含）1.5%，10000元以上2%；年薪制按月实际收入，无固定工资收入的按上季度月平均纯收入",
	},
	{
		Categories: []data.DuesCategory{data.DuesRetired},
		Brackets:   []Bracket{{500000, 5}, {0, 10}},
		Article:    "第二条：离退休费5000元以下（含）0.5%，5000元以上1%",
	},
	{
		Categories: []data.DuesCategory{data.DuesStudent, data.DuesUnemployed, data.DuesRelieved},
		FixedFen:   20,
		Article:    "第三条：学生党员、下岗失业党员、依靠抚恤或救济生活的党员、领取最低生活保障金的党员每月0.2元",
	},
	{
		Categories: []data.DuesCategory{data.DuesFarmer},
		Article:    "第三条：农民党员每月0.2元至1元",
	},
}

// TableFor is the table of a category (nil when the category is unknown).
func TableFor(c data.DuesCategory) *Table {
	for i := range Tables {
		for _, x := range Tables[i].Categories {
			if x == c {
				return &Tables[i]
			}
		}
	}
	return nil
}

// Rate is what one base is due each month.
type Rate struct {
	DueFen   int64
	Permille int64  // 0 for a fixed amount
	Text     string // 比例 as printed: "1.5%" or "定额"
}

// RateOf works out the monthly due of a base. Rounding: the due is the base
// times the rate, rounded half up to the fen (0.5 分 and more up); the
// rounding happens once per month, so a year's due is the sum of twelve
// whole-fen amounts and every total adds up to the fen.
func RateOf(b *data.DuesBase) (Rate, error) {
	t := TableFor(b.Category)
	if t == nil {
		return Rate{}, fmt.Errorf("人员类别“%s”没有对应的党费标准", b.Category)
	}
	if len(t.Brackets) == 0 {
		fixed := t.FixedFen
		if fixed == 0 {
			fixed = b.FixedFen
		}
		return Rate{DueFen: fixed, Text: "定额"}, nil
	}
	for _, br := range t.Brackets {
		if br.UpToFen == 0 || b.BaseFen <= br.UpToFen {
			return Rate{DueFen: (b.BaseFen*br.Permille + 500) / 1000, Permille: br.Permille, Text: permilleText(br.Permille)}, nil
		}
	}
	return Rate{}, fmt.Errorf("人员类别“%s”的党费标准不完整", b.Category)
}

// permilleText writes 15 as "1.5%", 10 as "1%".
func permilleText(p int64) string {
	if p%10 == 0 {
		return fmt.Sprintf("%d%%", p/10)
	}
	return fmt.Sprintf("%d.%d%%", p/10, p%10)
}
