package dues

import (
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
)

func day(s string) civil.Date {
	d, err := civil.ParseISO(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestRateBrackets(t *testing.T) {
	cases := []struct {
		cat      data.DuesCategory
		base     int64
		due      int64
		rateText string
	}{
		{data.DuesEmployed, 300000, 1500, "0.5%"}, // upper bound included
		{data.DuesEmployed, 300001, 3000, "1%"},   // whole base, not progressive
		{data.DuesEmployed, 500000, 5000, "1%"},
		{data.DuesEmployed, 500001, 7500, "1.5%"}, // 75.00001 元 rounds to 75.00
		{data.DuesEmployed, 1000000, 15000, "1.5%"},
		{data.DuesEmployed, 1000001, 20000, "2%"},
		{data.DuesEmployed, 456789, 4568, "1%"},  // 45.6789 → 45.68 (half up)
		{data.DuesEmployed, 123450, 617, "0.5%"}, // 6.1725 → 6.17
		{data.DuesEmployed, 123470, 617, "0.5%"}, // 6.1735 → 6.17 (0.35 分 < 0.5)
		{data.DuesEmployed, 123500, 618, "0.5%"}, // 6.175 → 6.18 (exactly half: up)
		{data.DuesAnnualPay, 800000, 12000, "1.5%"},
		{data.DuesRetired, 500000, 2500, "0.5%"},
		{data.DuesRetired, 500100, 5001, "1%"},
		{data.DuesStudent, 0, 20, "定额"},
		{data.DuesRelieved, 0, 20, "定额"},
	}
	for _, c := range cases {
		r, err := RateOf(&data.DuesBase{Category: c.cat, BaseFen: c.base})
		if err != nil {
			t.Fatal(err)
		}
		if r.DueFen != c.due || r.Text != c.rateText {
			t.Errorf("%s %s: got %s %s, want %s %s", c.cat, data.Yuan(c.base), data.Yuan(r.DueFen), r.Text, data.Yuan(c.due), c.rateText)
		}
	}
	farmer, _ := RateOf(&data.DuesBase{Category: data.DuesFarmer, FixedFen: 50})
	if farmer.DueFen != 50 {
		t.Errorf("农民 fixed amount: got %d", farmer.DueFen)
	}
}

func TestEveryCategoryHasATable(t *testing.T) {
	for _, c := range data.DuesCategories {
		if TableFor(c) == nil {
			t.Errorf("%s has no rate table", c)
		}
	}
}

func member(id uint, name, join string) data.Person {
	return data.Person{Model: data.Model{ID: id}, Name: name, Stage: data.StageFull, Roll: data.RollActive,
		Standing: data.StandingNormal, JoinDate: day(join), FullDate: day(join).AddYears(1)}
}

func base(person uint, from string, cat data.DuesCategory, fen int64) data.DuesBase {
	return data.DuesBase{PersonID: person, From: day(from), Category: cat, BaseFen: fen}
}

func pay(person uint, from, to string, fen int64, on string) data.DuesPayment {
	return data.DuesPayment{PersonID: person, From: day(from), To: day(to), AmountFen: fen, PaidOn: day(on)}
}

// A year with a raise in July that crosses a bracket, a 预备党员 received in
// March, a retiree, a student, back pay and an advance: the year's due is
// the sum of the months, and every fen paid lands on exactly one month.
func TestYearTotalsExactWithMidYearBracketChange(t *testing.T) {
	d := &Data{People: []data.Person{member(1, "甲", "2010-07-01"), member(2, "乙", "2026-03-18"),
		member(3, "丙", "1990-07-01"), member(4, "丁", "2025-06-01")}}
	d.People[1].Stage, d.People[1].FullDate = data.StageProbationer, civil.Date{}
	d.Bases = []data.DuesBase{
		base(1, "2020-01", data.DuesEmployed, 498765), // 1% → 49.88 (49.8765)
		base(1, "2026-07", data.DuesEmployed, 512345), // raise first paid in July: 1.5% → 76.85 (76.85175)
		base(2, "2026-03", data.DuesEmployed, 287654), // 0.5% → 14.38 (14.3827)
		base(3, "2015-01", data.DuesRetired, 612399),  // 1% → 61.24 (61.2399)
		base(4, "2025-06", data.DuesStudent, 0),       // 0.20
	}
	d.Payments = []data.DuesPayment{
		pay(1, "2026-01", "2026-06", 6*4988, "2026-01-10"),
		pay(1, "2026-07", "2026-12", 6*7685+1000, "2026-07-09"), // 10 元 extra goes to December
		pay(2, "2026-03", "2026-05", 3*1438, "2026-06-02"),      // 补交
		pay(2, "2026-06", "2026-12", 7*1438, "2026-06-02"),
		pay(3, "2025-12", "2026-05", 6*6124, "2025-12-01"),   // crosses the year
		pay(3, "2026-06", "2026-11", 6*6124-1, "2026-06-01"), // one fen short
		pay(4, "2026-01", "2026-12", 240, "2026-01-05"),
	}
	d.Payments[3].ConsentOn = day("2026-06-01") // seven months at once
	from, to := YearMonths(2026)
	l := Compute(d, to)
	wantDue := map[string]int64{"甲": 6*4988 + 6*7685, "乙": 10 * 1438, "丙": 12 * 6124, "丁": 12 * 20}
	wantPaid := map[string]int64{"甲": 6*4988 + 6*7685 + 1000, "乙": 10 * 1438, "丙": 5*6124 + 6*6124 - 1, "丁": 240}
	var due, paid int64
	for _, m := range l.Members {
		tot := m.Totals(from, to)
		if tot.DueFen != wantDue[m.Person.Name] || tot.PaidFen != wantPaid[m.Person.Name] {
			t.Errorf("%s: due %s paid %s, want %s %s", m.Person.Name, data.Yuan(tot.DueFen), data.Yuan(tot.PaidFen),
				data.Yuan(wantDue[m.Person.Name]), data.Yuan(wantPaid[m.Person.Name]))
		}
		due += tot.DueFen
		paid += tot.PaidFen
	}
	var inYear int64 // what the payments put on 2026: all but 丙's December 2025
	for _, p := range d.Payments {
		inYear += p.AmountFen
	}
	inYear -= 6124
	if paid != inYear {
		t.Errorf("paid %s in the year's months, payments bring %s", data.Yuan(paid), data.Yuan(inYear))
	}
	if due != 6*4988+6*7685+10*1438+12*6124+240 {
		t.Errorf("year due %s", data.Yuan(due))
	}
	jia := l.Members[0]
	if jia.Cell(MonthOf(day("2026-06"))).DueFen != 4988 || jia.Cell(MonthOf(day("2026-07"))).DueFen != 7685 {
		t.Error("the new base applies from the month it is first paid")
	}
	if c := l.Members[1].Cell(MonthOf(day("2026-02"))); c.Liable {
		t.Error("a 预备党员 pays from the month of the 支部大会, not before")
	}
	if c := l.Members[2].Cell(MonthOf(day("2026-11"))); c.Paid() {
		t.Error("a month one fen short is not paid")
	}
	if l.Members[0].PaidThrough != MonthOf(day("2026-12")) {
		t.Errorf("缴至 %s", l.Members[0].PaidThrough.Date())
	}
}

func TestArrearsAndRelief(t *testing.T) {
	d := &Data{People: []data.Person{member(1, "甲", "2010-07-01"), member(2, "乙", "2010-07-01"), member(3, "丙", "2010-07-01")}}
	for id := uint(1); id <= 3; id++ {
		d.Bases = append(d.Bases, base(id, "2020-01", data.DuesEmployed, 400000))
	}
	d.Payments = []data.DuesPayment{
		pay(1, "2026-01", "2026-07", 7*4000, "2026-01-05"), // 缴至 July: on Dec 4, Aug–Nov unpaid (4)
		pay(2, "2026-01", "2026-05", 5*4000, "2026-01-05"), // June–Nov unpaid (6)
		pay(3, "2026-01", "2026-05", 5*4000, "2026-01-05"), // same, but relieved June–December
	}
	d.Payments[0].ConsentOn = day("2026-01-05")
	d.Reliefs = []data.DuesRelief{{PersonID: 3, From: day("2026-06"), To: day("2026-12"), MonthlyFen: 0,
		DiscussedOn: day("2026-05-20"), ApprovedOn: day("2026-06-01")}}
	got := map[string]rules.Finding{}
	for _, f := range Findings(d, day("2026-12-04")) {
		got[f.Person+f.Rule] = f
	}
	if f, ok := got["甲"+RuleArrears]; !ok || f.Severity != rules.SeverityReminder {
		t.Errorf("4 months unpaid should be a reminder: %+v", got)
	}
	if f, ok := got["乙"+RuleLapse]; !ok || f.Severity != rules.SeverityError {
		t.Errorf("6 months unpaid should be an error: %+v", got)
	}
	for k := range got {
		if k[:len("丙")] == "丙" {
			t.Errorf("relieved months are no arrears: %v", got[k])
		}
	}
	if len(got) != 2 {
		t.Errorf("findings: %v", got)
	}
}

func TestUnpaidRunStopsAtThreeBelowThreshold(t *testing.T) {
	d := &Data{People: []data.Person{member(1, "甲", "2010-07-01")},
		Bases:    []data.DuesBase{base(1, "2020-01", data.DuesEmployed, 400000)},
		Payments: []data.DuesPayment{pay(1, "2026-01", "2026-06", 6*4000, "2026-01-05")}}
	// On 2026-09-15 July and August are unpaid: two months, no finding yet.
	if f := Findings(d, day("2026-09-15")); len(f) != 0 {
		t.Errorf("2 months is not yet arrears: %v", f)
	}
	if f := Findings(d, day("2026-10-01")); len(f) != 1 || f[0].Rule != RuleArrears {
		t.Errorf("3 months is a reminder: %v", f)
	}
}

func TestMemberWithoutBase(t *testing.T) {
	d := &Data{People: []data.Person{member(1, "甲", "2010-07-01")}}
	f := Findings(d, day("2026-03-10"))
	var noBase bool
	for _, x := range f {
		noBase = noBase || x.Rule == RuleNoBase
	}
	if !noBase {
		t.Errorf("want %s: %v", RuleNoBase, f)
	}
}

// A branch that starts keeping 党费 in this program in 2026 has no arrears
// from the years before its members' first base.
func TestTrackingStartsWithTheFirstBase(t *testing.T) {
	d := &Data{People: []data.Person{member(1, "甲", "1995-07-01"), member(2, "乙", "1995-07-01")},
		Bases:    []data.DuesBase{base(1, "2026-01", data.DuesEmployed, 400000)},
		Payments: []data.DuesPayment{pay(1, "2026-01", "2026-05", 5*4000, "2026-01-05")}}
	d.Payments[0].ConsentOn = day("2026-01-05")
	var got []string
	for _, f := range Findings(d, day("2026-09-15")) {
		got = append(got, f.Person+" "+f.Rule+" "+f.Message)
	}
	// 甲: June, July, August unpaid — three months, not thirty years.
	if len(got) != 2 || !strings.Contains(got[0], "甲 "+RuleArrears+" 甲：自 2026-06 起已连续 3 个月") || !strings.HasPrefix(got[1], "乙 "+RuleNoBase) {
		t.Errorf("findings %q", got)
	}
}
