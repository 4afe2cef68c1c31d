package compliance

import (
	"fmt"
	"sort"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// State is where a required period stands on the day of the judgement.
type State string

const (
	Done        State = "已完成"  // the period's requirement is met
	Due         State = "待召开"  // the period is running and not met yet
	Overdue     State = "未完成"  // the period has ended unmet
	Upcoming    State = "未开始"  // the period has not begun
	NotRequired State = "不作要求" // nothing is required (see Status.Reason)
)

// minCommitteeMembers is 支部工作条例第四条: a branch of 7 or more 正式党员
// has a 支委会; below that, only a 书记.
const minCommitteeMembers = 7

// Status is one requirement over one period: a type of meeting in a month,
// a quarter, a semester or a year.
type Status struct {
	Type     data.MeetingType
	Rule     *data.MeetingTypeRule
	Period   data.Period
	State    State
	Required int // sittings required (for 党小组会: per group × groups)
	Held     int // sittings of the type held in the period
	// MeetingIDs are the sittings of the type in the period, oldest first.
	MeetingIDs []uint
	// MissingGroups are the 党小组 that have not held enough 党小组会.
	MissingGroups []string
	Reason        string // why nothing is required, in Chinese
	DaysLeft      int    // days to the end of the period, the last one included
}

// Met reports whether the requirement is met (or there is none).
func (s *Status) Met() bool { return s.State == Done || s.State == NotRequired }

// Compliance judges the meeting record as of a day.
type Compliance struct {
	d      *Data
	today  civil.Date
	byType map[data.MeetingType][]*data.Meeting // oldest first
	groups []data.PartyGroup                    // groups with members in the register
	cache  map[statusKey]Status
	counts map[civil.Date]registerCount // the register by date
	// since is when the record begins: the settings' TrackFrom, else the
	// first day of the month of the first sitting recorded, else of this
	// month. A period that began before it is reminded of while it runs but
	// never called missed: its sittings may be on paper only, and a branch
	// that has just started is not told it missed every meeting of the
	// past year.
	since civil.Date
	first civil.Date // the first sitting recorded (zero when none)
}

type statusKey struct {
	t     data.MeetingType
	start civil.Date
}

// New prepares the judgement of d as of today.
func New(d *Data, today civil.Date) *Compliance {
	if d.NationalOnly {
		judged := *d // the caller's Settings stay as stored
		judged.Settings = d.Settings.NationalOnly()
		d = &judged
	}
	c := &Compliance{d: d, today: today, byType: map[data.MeetingType][]*data.Meeting{},
		cache: map[statusKey]Status{}, counts: map[civil.Date]registerCount{}}
	for i := range d.Meetings {
		m := &d.Meetings[i]
		for _, t := range m.Types {
			c.byType[t] = append(c.byType[t], m)
		}
	}
	for _, list := range c.byType {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Date.Before(list[j].Date) })
	}
	c.groups = groupsWithMembers(d)
	for i := range d.Meetings {
		if day := d.Meetings[i].Date; c.first.IsZero() || day.Before(c.first) {
			c.first = day
		}
	}
	c.since = d.Settings.TrackFrom
	if c.since.IsZero() {
		start := c.first
		if start.IsZero() || today.Before(start) {
			start = today
		}
		c.since = civil.New(start.Year, start.Month, 1)
	}
	return c
}

// Today is the day of the judgement.
func (c *Compliance) Today() civil.Date { return c.today }

// groupsWithMembers are the 党小组 that must meet: those with at least one
// member in the register now (the register keeps each member's current
// group only).
func groupsWithMembers(d *Data) []data.PartyGroup {
	members := map[uint]bool{}
	for i := range d.People {
		if p := &d.People[i]; p.InRegister() && p.GroupID != nil {
			members[*p.GroupID] = true
		}
	}
	var out []data.PartyGroup
	for _, g := range d.Groups {
		if members[g.ID] {
			out = append(out, g)
		}
	}
	return out
}

// Status is the requirement of type t over the period containing on.
func (c *Compliance) Status(t data.MeetingType, on civil.Date) Status {
	rule := c.d.Settings.TypeRule(t)
	every := data.EveryYear
	if rule != nil && rule.Required() {
		every = rule.Every
	}
	p := c.d.Settings.PeriodOf(every, on)
	key := statusKey{t, p.Start}
	if s, ok := c.cache[key]; ok {
		return s
	}
	s := c.judge(t, rule, p)
	c.cache[key] = s
	return s
}

// Periods lists the requirement of t over every period overlapping [from, to].
func (c *Compliance) Periods(t data.MeetingType, from, to civil.Date) []Status {
	var out []Status
	for day := from; !day.After(to); {
		s := c.Status(t, day)
		out = append(out, s)
		day = s.Period.End.AddDays(1)
	}
	return out
}

func (c *Compliance) judge(t data.MeetingType, rule *data.MeetingTypeRule, p data.Period) Status {
	s := Status{Type: t, Rule: rule, Period: p, DaysLeft: p.DaysLeft(c.today)}
	held := c.heldIn(t, p)
	s.Held = len(held)
	for _, m := range held {
		s.MeetingIDs = append(s.MeetingIDs, m.ID)
	}
	if s.Reason = c.notRequiredBecause(t, rule, p); s.Reason != "" {
		s.State = NotRequired
		return s
	}
	s.Required = rule.Times
	met := s.Held >= rule.Times
	if t == data.TypeGroupMeeting {
		s.Required = rule.Times * len(c.groups)
		s.MissingGroups = c.missingGroups(held, rule.Times)
		met = len(s.MissingGroups) == 0
	}
	switch {
	case met:
		s.State = Done
	case c.today.After(p.End):
		s.State = Overdue
	case c.today.Before(p.Start):
		s.State = Upcoming
	default:
		s.State = Due
	}
	return s
}

func (c *Compliance) heldIn(t data.MeetingType, p data.Period) []*data.Meeting {
	list := c.byType[t]
	i := sort.Search(len(list), func(i int) bool { return !list[i].Date.Before(p.Start) })
	var out []*data.Meeting
	for ; i < len(list) && !list[i].Date.After(p.End); i++ {
		out = append(out, list[i])
	}
	return out
}

// notRequiredBecause says why a period requires nothing ("" when it does).
func (c *Compliance) notRequiredBecause(t data.MeetingType, rule *data.MeetingTypeRule, p data.Period) string {
	switch {
	case rule == nil:
		return "设置中没有这个会议类型"
	case !rule.Required():
		return "设置为不作要求"
	case !c.judged(p):
		return beforeRecord(c.since)
	}
	ref := p.End // the register at the end of the period, or today while it runs
	if c.today.Before(ref) {
		ref = c.today
	}
	n := c.registerOn(ref)
	switch {
	case n.members == 0:
		return "党员名册中还没有党员"
	case t == data.TypeCommittee && c.d.Branch.NoCommittee:
		return "支部不设支委会"
	case t == data.TypeCommittee && n.full < minCommitteeMembers:
		return fmt.Sprintf("正式党员不足7人（%d人），不设支委会", n.full)
	case t == data.TypeGroupMeeting && len(c.groups) == 0:
		return "支部未设党小组"
	}
	return ""
}

// registerCount is the size of the register on a day.
type registerCount struct{ members, full int }

func (c *Compliance) registerOn(on civil.Date) registerCount {
	if n, ok := c.counts[on]; ok {
		return n
	}
	var n registerCount
	for _, p := range data.RegisterAsOf(c.d.People, on) {
		n.members++
		if p.Stage == data.StageFull {
			n.full++
		}
	}
	c.counts[on] = n
	return n
}

// missingGroups are the groups with fewer than times 党小组会 among held.
func (c *Compliance) missingGroups(held []*data.Meeting, times int) []string {
	count := map[uint]int{}
	for _, m := range held {
		if m.GroupID != nil {
			count[*m.GroupID]++
		}
	}
	var out []string
	for _, g := range c.groups {
		if count[g.ID] < times {
			out = append(out, g.Name)
		}
	}
	return out
}

// Cell is one month of one type in the year calendar: the state of the
// requirement period the month belongs to, and the sittings held that month.
type Cell struct {
	Month      int
	State      State
	Status     *Status // the period's requirement (shared by its months)
	MeetingIDs []uint  // sittings of the type held in this month
}

// CalendarRow is one type across the twelve months.
type CalendarRow struct {
	Type  data.MeetingType
	Rule  *data.MeetingTypeRule
	Cells [12]Cell
}

// Calendar is the year calendar: months × meeting types.
type Calendar struct {
	Year int
	Rows []CalendarRow
}

// Calendar builds the year's calendar for every type of the settings. A
// month takes the state of the period containing its first day; a quarter
// done turns its three months done, with the sitting in the month it was held.
func (c *Compliance) Calendar(year int) Calendar {
	cal := Calendar{Year: year}
	for _, t := range c.d.Settings.TypeList() {
		row := CalendarRow{Type: t, Rule: c.d.Settings.TypeRule(t)}
		for m := 1; m <= 12; m++ {
			first := civil.New(year, m, 1)
			st := c.Status(t, first)
			month := data.MonthPeriod(first)
			cell := Cell{Month: m, State: st.State, Status: &st}
			for _, mt := range c.heldIn(t, month) {
				cell.MeetingIDs = append(cell.MeetingIDs, mt.ID)
			}
			row.Cells[m-1] = cell
		}
		cal.Rows = append(cal.Rows, row)
	}
	return cal
}

// Current lists the requirement of every type over its period running
// today, in the order of the settings: what the 工作台 shows.
func (c *Compliance) Current() []Status {
	var out []Status
	for _, t := range c.d.Settings.TypeList() {
		out = append(out, c.Status(t, c.today))
	}
	return out
}

// judged reports whether a period is judged: it is still running, or it
// began when the record had begun.
func (c *Compliance) judged(p data.Period) bool {
	return !c.today.After(p.End) || !p.Start.Before(c.since)
}

func beforeRecord(since civil.Date) string {
	return fmt.Sprintf("该期开始于考核起始日期（%s）之前，不作判定", since)
}
