package demo

import (
	"slices"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/dues"
)

// The demo 党费: a 核定基数 for every member from January of last year (the
// retired teacher on her pension), a pay rise first paid in July for a few,
// monthly payments by 微信 on the 10th received by the 组织委员, and the
// realistic gaps the reminders are for: one teacher four months behind, one
// member with a 困难减免.

const (
	duesLate    = "彭磊"  // stopped paying four months ago
	duesRelief  = "曹静怡" // relieved for six months after a family illness
	duesRetired = "苏凤英"
)

// duesRaised got a new wage level first paid in July of this year.
var duesRaised = []string{"刘洋", "吴婷", "宋佳", "许志强"}

func (f *filler) fillDues() error {
	people, err := f.store.People()
	if err != nil {
		return err
	}
	handler := f.branch.OrganizationMember
	startYear := f.today.Year - 1
	current := civil.Date{Year: f.today.Year, Month: f.today.Month}
	var bases []data.DuesBase
	var pays []data.DuesPayment
	for i := range people {
		p := &people[i]
		first := civil.Date{Year: startYear, Month: 1}
		if !paysDues(p, first) {
			continue
		}
		if j := (civil.Date{Year: p.JoinDate.Year, Month: p.JoinDate.Month}); j.After(first) {
			first = j // a 预备党员 pays from the month of the 支部大会
		}
		b := data.DuesBase{PersonID: p.ID, From: first, Category: data.DuesEmployed,
			BaseFen: int64(380000 + f.rng.IntN(520000))}
		if p.Name == duesRetired {
			b.Category, b.BaseFen = data.DuesRetired, 526800
		}
		bases = append(bases, b)
		raise := slices.Contains(duesRaised, p.Name) && first.Before(civil.Date{Year: f.today.Year, Month: 7})
		if raise {
			r := b
			r.From, r.BaseFen, r.Note = civil.Date{Year: f.today.Year, Month: 7}, b.BaseFen+int64(40000+f.rng.IntN(30000)), "岗位工资晋级"
			bases = append(bases, r)
		}
		last := current.AddMonths(-1) // this month's is paid on the 10th
		if f.today.Day > 10 {
			last = current
		}
		if p.Roll != data.RollActive {
			last = civil.Date{Year: p.RollDate.Year, Month: p.RollDate.Month} // paid here up to the transfer
		}
		if p.Name == duesLate {
			last = current.AddMonths(-5) // through five months ago: four whole months unpaid
		}
		for m := first; !m.After(last); m = m.AddMonths(1) {
			if p.Name == duesRelief && inReliefSpan(m, current) {
				continue
			}
			due := b.BaseFen
			if raise && !m.Before(civil.Date{Year: f.today.Year, Month: 7}) {
				due = bases[len(bases)-1].BaseFen
			}
			pays = append(pays, data.DuesPayment{PersonID: p.ID, From: m, To: m, AmountFen: monthlyDue(b.Category, due),
				PaidOn: civil.New(m.Year, m.Month, 10), Method: "微信", Handler: handler})
		}
	}
	if err := data.SaveRecords(f.store, bases); err != nil {
		return err
	}
	if err := data.SaveRecords(f.store, pays); err != nil {
		return err
	}
	return f.fillDuesRelief(current)
}

// paysDues: members of the register, and those who left it (转出) after from.
func paysDues(p *data.Person, from civil.Date) bool {
	if !p.Stage.IsMember() {
		return false
	}
	return p.Roll == data.RollActive || p.Roll == data.RollTransferred && !p.RollDate.Before(from)
}

// inReliefSpan: the relief covers the six months ending last month.
func inReliefSpan(m, current civil.Date) bool {
	return !m.Before(current.AddMonths(-6)) && m.Before(current)
}

func (f *filler) fillDuesRelief(current civil.Date) error {
	p, err := f.person(duesRelief)
	if err != nil {
		return err
	}
	start := current.AddMonths(-6)
	r := data.DuesRelief{PersonID: p.ID, From: start, To: current.AddMonths(-1),
		DiscussedOn: civil.New(start.Year, start.Month, 1).AddDays(-6), ApprovedOn: civil.New(start.Year, start.Month, 1).AddDays(-2),
		ApprovedBy: superior, Reason: "家人重病，经济困难，本人申请，支委会讨论同意免交六个月"}
	return data.SaveRecord(f.store, &r)
}

// monthlyDue is what the rate table (data/dues) asks of a base.
func monthlyDue(c data.DuesCategory, base int64) int64 {
	r, _ := dues.RateOf(&data.DuesBase{Category: c, BaseFen: base})
	return r.DueFen
}
