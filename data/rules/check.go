package rules

import (
	"fmt"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/holidays"
)

// Options are the local, user-changeable parts of the checks.
type Options struct {
	// Horizon is how many days ahead a coming deadline is reminded of;
	// overdue items are always reported.
	Horizon int
	// ActivistWaitMonths is the local rule that an application is normally
	// this many months old before the person becomes an activist (D3
	// reminder); 0 turns it off.
	ActivistWaitMonths int
	// Calendar counts the working days of the 公示 (D5); nil means the
	// branch's table (DevData.Holidays: official, with the user's years),
	// else the official one.
	Calendar WorkCalendar
}

// DefaultOptions are 60 days ahead, the 6-month local rule of D3 and the
// branch's holiday table.
func DefaultOptions() Options {
	return Options{Horizon: 60, ActivistWaitMonths: 6}
}

// Checker runs the checks over loaded data; it indexes the people once so
// the 入党介绍人 of anyone can be looked up.
type Checker struct {
	d      data.DevData
	opt    Options
	people map[uint]*data.Person
}

// NewChecker prepares the checks over d.
func NewChecker(d data.DevData, opt Options) *Checker {
	switch {
	case opt.Calendar != nil:
	case len(d.Holidays.Years()) > 0:
		opt.Calendar = d.Holidays
	default:
		opt.Calendar = holidays.Official()
	}
	c := &Checker{d: d, opt: opt, people: make(map[uint]*data.Person, len(d.People))}
	for i := range d.People {
		c.people[d.People[i].ID] = &d.People[i]
	}
	return c
}

// CheckAll checks everyone still in the roll as of on, most urgent first.
func CheckAll(d data.DevData, on civil.Date, opt Options) []Finding {
	return NewChecker(d, opt).All(on)
}

// All checks everyone still in the roll as of on, plus the branch's yearly
// target, most urgent first.
func (c *Checker) All(on civil.Date) []Finding {
	var out []Finding
	for i := range c.d.People {
		out = append(out, c.check(&c.d.People[i], on)...)
	}
	out = append(out, c.youngTeachers(on)...)
	Sort(out)
	return out
}

// Person checks one person as of on, most urgent first.
func (c *Checker) Person(id uint, on civil.Date) []Finding {
	p := c.people[id]
	if p == nil {
		return nil
	}
	out := c.check(p, on)
	Sort(out)
	return out
}

// Timeline is the person's timeline as the checks read it.
func (c *Checker) Timeline(p *data.Person, on civil.Date) data.Timeline {
	return data.TimelineAsOf(p, c.d.Steps[p.ID], on, c.d.Branch.RuleVersion)
}

// check runs every person check. People who left the roll (转出, 停止培养,
// 取消资格 …) are not pursued any more; members recorded without any step
// have nothing to check here (Person.CheckMember checks their fields) except
// a 预备党员's coming 转正.
func (c *Checker) check(p *data.Person, on civil.Date) []Finding {
	if p.Roll != data.RollActive {
		return nil
	}
	if len(c.d.Steps[p.ID]) == 0 && p.Stage != data.StageProbationer {
		return nil
	}
	x := &personCheck{c: c, p: p, on: on, t: c.Timeline(p, on)}
	for _, check := range personChecks {
		check(x)
	}
	return x.out
}

// personChecks run in the order of the steps; Sort orders the result.
var personChecks = []func(x *personCheck){
	checkAge,             // D1
	checkTalk,            // D2, R-TALK
	checkActivist,        // D3
	checkCandidate,       // D4
	checkPublicity,       // D5 (2026.05)
	checkReviewTraining,  // D6
	checkContacts,        // R-CONTACT
	checkIntroducers,     // D7
	checkMissingSteps,    // R-MISSING
	checkPreReviewToVote, // D8, R-MEETING (2026.05)
	checkVotes,           // D9
	checkApproval,        // D10, R-APPROVAL
	checkExtension,       // D11
	checkTransfer,        // D12, R-TRANSFER, R-CONFIRM
	checkRegisterDates,   // R-JOIN, D13, D11
	checkOrder,           // D14
	checkNegativeResults, // R-RESULT
	checkDecisions,       // R-DECISION
	remindAssessment,     // R-ASSESS
	remindCandidate,      // R-CANDIDATE
	remindOath,           // R-OATH
}

// personCheck is one person under check.
type personCheck struct {
	c   *Checker
	p   *data.Person
	t   data.Timeline
	on  civil.Date
	out []Finding
}

func (x *personCheck) version() string { return x.t.Version }

// has reports whether the person's version has the rule.
func (x *personCheck) has(rule string) bool {
	_, ok := RuleFor(x.version(), rule)
	return ok
}

// add records a finding under a rule of the person's version (none when the
// version does not have the rule): "姓名：text（依据：…）".
func (x *personCheck) add(rule string, sev Severity, due civil.Date, format string, args ...any) {
	r, ok := RuleFor(x.version(), rule)
	if !ok {
		return
	}
	text := x.p.Name + "：" + fmt.Sprintf(format, args...) + x.versionNote()
	x.out = append(x.out, Finding{
		PersonID: x.p.ID, Person: x.p.Name, IDNumber: x.p.IDNumber, Rule: rule, Severity: sev, Due: due,
		Message: text + "（依据：" + r.Basis() + "）", Printed: text + "（依据：" + r.PrintedBasis() + "）",
	})
}

// versionNote says that the version was not chosen from the record, which
// has no date to choose it by (docs/rules.md, "Rule versions").
func (x *personCheck) versionNote() string {
	if x.t.VersionKnown {
		return ""
	}
	return "（记录中没有任何日期，无法确定适用哪一版细则，暂按支部默认的" + x.version() + "版检查）"
}

func (x *personCheck) errorf(rule, format string, args ...any) {
	x.add(rule, SeverityError, civil.Date{}, format, args...)
}

func (x *personCheck) remind(rule string, due civil.Date, format string, args ...any) {
	x.add(rule, SeverityReminder, due, format, args...)
}

// step is "第7步“确定发展对象”" in the person's version.
func (x *personCheck) step(n int) string { return data.StepDefFor(n).Title(x.version()) }

// overdue reports that on is past the deadline (its last possible day).
func (x *personCheck) overdue(due civil.Date) bool { return x.on.After(due.Last()) }

// soon reports that a deadline falls within the horizon (or has passed).
func (x *personCheck) soon(due civil.Date) bool {
	return !due.First().After(x.on.AddDays(x.c.opt.Horizon))
}

// pending reports that step n is not recorded and nothing after it in the
// chain is either: the step is still to come, not a gap in old records.
func (x *personCheck) pending(n int) bool { return x.t.HighestStep() < n }

// Comparisons that never accuse wrongly: with a date known only to the month
// (or year) each side takes the value most in the record's favour.

// surelyAfter reports that a is after b whatever days they stand for.
func surelyAfter(a, b civil.Date) bool { return a.First().After(b.Last()) }

// surelyBefore reports that a is before b whatever days they stand for.
func surelyBefore(a, b civil.Date) bool { return a.Last().Before(b.First()) }

// lateBy reports that a came surely more than n months after from (a
// deadline of "within n months" missed): even from's latest day plus n
// months is before a's earliest day.
func lateBy(a, from civil.Date, n int) bool { return surelyAfter(a, deadline(from, n)) }

// earlyBy reports that a came surely less than n months after from (a
// waiting time of "n months or more" not kept): even from's earliest day
// plus n months is after a's latest day.
func earlyBy(a, from civil.Date, n int) bool { return surelyBefore(a, earliest(from, n)) }

// deadline is the last day of "within n months of from": n months after the
// latest day from can mean ("2025-09" + 1 month = 2025-10-30).
func deadline(from civil.Date, n int) civil.Date { return from.Last().AddMonths(n) }

// earliest is the first day of "n months after from": n months after the
// earliest day from can mean ("2024" + 12 months = 2025-01-01).
func earliest(from civil.Date, n int) civil.Date { return from.First().AddMonths(n) }

// notAfter reports that a is surely not after b (a strict order a > b broken).
func notAfter(a, b civil.Date) bool { return !a.Last().After(b.First()) }
