package dues

import (
	"partyoffice/data"
	"partyoffice/data/civil"
)

// Month counts months from year 0: Month(y*12 + m - 1). Arithmetic on it is
// plain integer arithmetic.
type Month int

// MonthOf is the month a date falls in (zero date → 0).
func MonthOf(d civil.Date) Month {
	if d.IsZero() || d.Month == 0 {
		return 0
	}
	return Month(d.Year*12 + d.Month - 1)
}

// Date is the month as a month-precision date.
func (m Month) Date() civil.Date { return civil.Date{Year: int(m) / 12, Month: int(m)%12 + 1} }

// Data is what the ledger is computed from.
type Data struct {
	Branch   data.Branch
	People   []data.Person
	Bases    []data.DuesBase
	Payments []data.DuesPayment
	Reliefs  []data.DuesRelief
}

// Load reads the records the ledger needs.
func Load(s *data.Store) (*Data, error) {
	d := &Data{}
	var err error
	if d.Branch, err = s.Branch(); err != nil {
		return nil, err
	}
	if d.People, err = s.People(); err != nil {
		return nil, err
	}
	if d.Bases, err = data.Records[data.DuesBase](s, "person_id, \"from\", id", ""); err != nil {
		return nil, err
	}
	if d.Payments, err = data.Records[data.DuesPayment](s, "paid_on, id", ""); err != nil {
		return nil, err
	}
	if d.Reliefs, err = data.Records[data.DuesRelief](s, "\"from\", id", ""); err != nil {
		return nil, err
	}
	return d, nil
}

// PaidBy is d with only the payments made by day (included): the ledger
// as it stood that day, for a sheet dated then. A payment without a date
// is kept (it was made at some point, and leaving it out would lose it).
func (d *Data) PaidBy(day civil.Date) *Data {
	out := *d
	out.Payments = nil
	for _, p := range d.Payments {
		if p.PaidOn.IsZero() || !p.PaidOn.After(day) {
			out.Payments = append(out.Payments, p)
		}
	}
	return &out
}

// MonthCell is one member's month in the ledger.
type MonthCell struct {
	Liable  bool  // a member of this branch that month
	Based   bool  // a 核定基数 applies (or a fixed category, or a relief)
	DueFen  int64 // 月应缴 (after any relief)
	PaidFen int64 // what the payments covering the month put on it
	Covered bool  // a payment covers the month
	Relief  bool  // a 困难减免 applies
	Base    *data.DuesBase
	Rate    Rate
}

// Paid reports whether the month is settled: nothing due, or covered and
// paid in full.
func (c *MonthCell) Paid() bool {
	if !c.Liable || (c.Based && c.DueFen == 0) {
		return true
	}
	return c.Covered && c.PaidFen >= c.DueFen
}

// Member is one member's 党费 from the first liable month to the last
// computed one.
type Member struct {
	Person   *data.Person
	First    Month // first liable month (0 when never liable)
	Cells    map[Month]*MonthCell
	Payments []*data.DuesPayment
	// PaidThrough is 缴至: the last month any payment covers (0 = none).
	PaidThrough Month
}

// Cell is the member's month (a not-liable cell for months outside).
func (m *Member) Cell(mo Month) *MonthCell {
	if c, ok := m.Cells[mo]; ok {
		return c
	}
	return &MonthCell{}
}

// Ledger is every member's months from their first liable month through
// until (included).
type Ledger struct {
	Members []*Member
	Until   Month
}

// Compute builds the ledger through the month until. People who were never
// members of the branch are left out.
func Compute(d *Data, until Month) *Ledger {
	bases := groupBy(d.Bases, func(b *data.DuesBase) uint { return b.PersonID })
	pays := groupBy(d.Payments, func(p *data.DuesPayment) uint { return p.PersonID })
	reliefs := groupBy(d.Reliefs, func(r *data.DuesRelief) uint { return r.PersonID })
	l := &Ledger{Until: until}
	for i := range d.People {
		p := &d.People[i]
		first, last := liableSpan(p)
		if first == 0 {
			continue
		}
		// Months before the member's first 核定基数 (or 减免) are not kept
		// in this program: the branch starts tracking a member's 党费 with a
		// base, so years of history before it are not arrears. Without any,
		// only the current month is listed (DUES-NOBASE asks for a base).
		first = max(first, trackedFrom(bases[p.ID], reliefs[p.ID], until))
		m := &Member{Person: p, First: first, Cells: map[Month]*MonthCell{}, Payments: pays[p.ID]}
		end := max(until, lastCovered(m.Payments))
		if last != 0 {
			end = min(end, last)
		}
		for mo := first; mo <= end; mo++ {
			m.Cells[mo] = monthCell(mo, bases[p.ID], reliefs[p.ID])
		}
		m.PaidThrough = spread(m)
		l.Members = append(l.Members, m)
	}
	return l
}

// liableSpan is the months a person owes this branch 党费: from the month
// of the 支部大会 that received them (a 预备党员 pays from then) or of the
// transfer in, whichever is later, to the month they left the roll (0 =
// still in it). first is 0 for someone never a member.
func liableSpan(p *data.Person) (first, last Month) {
	if p.JoinDate.IsZero() || !(p.Stage.IsMember() || p.Roll != data.RollActive) {
		return 0, 0
	}
	first = MonthOf(p.JoinDate)
	if t := MonthOf(p.TransferIn); t > first {
		first = t
	}
	if p.Roll != data.RollActive {
		if p.RollDate.IsZero() {
			return 0, 0
		}
		last = MonthOf(p.RollDate)
	}
	if p.Standing == data.StandingSuspended {
		// 停止党籍: no 党费 from the month contact was lost, when known.
		if l := MonthOf(p.LostDate); l != 0 && (last == 0 || l < last) {
			last = l
		}
	}
	return first, last
}

// trackedFrom is the first month of the member's earliest base or relief,
// or until when there is none.
func trackedFrom(bases []*data.DuesBase, reliefs []*data.DuesRelief, until Month) Month {
	from := until
	for _, b := range bases {
		from = min(from, MonthOf(b.From))
	}
	for _, r := range reliefs {
		from = min(from, MonthOf(r.From))
	}
	return from
}

func monthCell(mo Month, bases []*data.DuesBase, reliefs []*data.DuesRelief) *MonthCell {
	c := &MonthCell{Liable: true}
	for _, b := range bases { // ordered by From
		if MonthOf(b.From) <= mo {
			c.Base = b
		}
	}
	if c.Base != nil {
		if r, err := RateOf(c.Base); err == nil {
			c.Rate, c.DueFen, c.Based = r, r.DueFen, true
		}
	}
	for _, r := range reliefs {
		if MonthOf(r.From) <= mo && mo <= MonthOf(r.To) {
			c.Relief, c.DueFen, c.Based = true, r.MonthlyFen, true
		}
	}
	return c
}

// spread puts each payment on the months it covers, in the order paid: each
// month first gets what it is still due, and what is left (a voluntary
// extra) goes to the payment's last month. So every fen of a payment lands
// on exactly one month, and a year's 实缴 is exact. Returns 缴至.
func spread(m *Member) Month {
	var through Month
	for _, p := range m.Payments {
		from, to := MonthOf(p.From), MonthOf(p.To)
		left := p.AmountFen
		for mo := from; mo <= to; mo++ {
			c := m.cellFor(mo)
			c.Covered = true
			if take := min(left, max(c.DueFen-c.PaidFen, 0)); take > 0 {
				c.PaidFen += take
				left -= take
			}
		}
		m.cellFor(to).PaidFen += left
		through = max(through, to)
	}
	return through
}

// cellFor is the month's cell, created (not liable) for a payment that
// covers a month outside the member's span, so its money is not lost.
func (m *Member) cellFor(mo Month) *MonthCell {
	c, ok := m.Cells[mo]
	if !ok {
		c = &MonthCell{}
		m.Cells[mo] = c
	}
	return c
}

func lastCovered(pays []*data.DuesPayment) Month {
	var last Month
	for _, p := range pays {
		last = max(last, MonthOf(p.To))
	}
	return last
}

// UnpaidRun is how many months in a row, ending with the month through,
// are owed and not paid; relieved months with nothing due end no run and
// count as settled.
func (m *Member) UnpaidRun(through Month) int {
	n := 0
	for mo := through; mo >= m.First; mo-- {
		c, ok := m.Cells[mo]
		if !ok || c.Paid() {
			break
		}
		n++
	}
	return n
}

// Totals is what a span of months adds up to.
type Totals struct {
	DueFen, PaidFen int64
}

// Totals adds up the member's months from..to (included).
func (m *Member) Totals(from, to Month) Totals {
	var t Totals
	for mo := from; mo <= to; mo++ {
		if c, ok := m.Cells[mo]; ok {
			t.DueFen += c.DueFen
			t.PaidFen += c.PaidFen
		}
	}
	return t
}

// LatestCell is the member's last liable month up to mo (for the 核定基数 and
// 月应缴 shown in yearly lists), or nil.
func (m *Member) LatestCell(mo Month) *MonthCell {
	for ; mo >= m.First; mo-- {
		if c, ok := m.Cells[mo]; ok && c.Liable {
			return c
		}
	}
	return nil
}

// YearMonths are January..December of a year.
func YearMonths(year int) (from, to Month) {
	return MonthOf(civil.Date{Year: year, Month: 1}), MonthOf(civil.Date{Year: year, Month: 12})
}

func groupBy[T any](rows []T, key func(*T) uint) map[uint][]*T {
	out := map[uint][]*T{}
	for i := range rows {
		k := key(&rows[i])
		out[k] = append(out[k], &rows[i])
	}
	return out
}
