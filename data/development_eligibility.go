package data

import (
	"fmt"
	"sort"

	"partyoffice/data/civil"
)

// EligibilityProblem says why p could not serve as 入党介绍人 or 培养联系人 on
// the date, or "" when p could: a 正式党员 of the branch on that day, 党籍 not
// stopped, not under 留党察看 (细则第九、十四条). It is Person.CanVote asked of
// a past date: history (p's status events) dates a 留党察看 or 停止党籍 that has
// ended since, and a member who left after the date still counts.
//
// Dates known only to the month count in the member's favour: the check
// refuses only people certainly not eligible.
func EligibilityProblem(p *Person, history []StatusEvent, on civil.Date) string {
	switch p.Stage {
	case StageFull:
	case StageProbationer:
		return fmt.Sprintf("%s是预备党员，不是正式党员", p.Name)
	default:
		return fmt.Sprintf("%s不是党员（现为%s）", p.Name, p.Stage)
	}
	full := p.FullDate
	if full.IsZero() {
		full = p.ProbationEnd() // 转正日期 not entered: 预备期满 is the best estimate
	}
	if !full.IsZero() && full.First().After(on.Last()) {
		return fmt.Sprintf("%s在 %s 时还是预备党员（%s 才转为正式党员）", p.Name, on, full)
	}
	if p.Roll != RollActive && (p.RollDate.IsZero() || !p.RollDate.Last().After(on)) {
		return fmt.Sprintf("%s的在册状态是“%s”（%s），%s 时已不在本支部", p.Name, p.Roll, p.RollDate, on)
	}
	if from, to, ok := periodCovering(history, EventSuspend, EventReinstate, on); ok {
		return fmt.Sprintf("%s在 %s 时处于停止党籍状态（%s）", p.Name, on, span(from, to))
	}
	if from, to, ok := periodCovering(history, EventDiscipline, EventDisciplineEnd, on); ok {
		return fmt.Sprintf("%s在 %s 时处于留党察看期（%s），没有表决权", p.Name, on, span(from, to))
	}
	if !hasEvent(history, EventSuspend) && p.Standing == StandingSuspended {
		return fmt.Sprintf("%s的党籍已停止", p.Name)
	}
	if !hasEvent(history, EventDiscipline) && p.Disciplined &&
		(p.DisciplineEnd.IsZero() || !p.DisciplineEnd.Last().Before(on)) {
		return fmt.Sprintf("%s处于留党察看期（至 %s），没有表决权", p.Name, p.DisciplineEnd)
	}
	return ""
}

// periodCovering finds a period opened by an event of kind start (ended by
// its EndDate or by the next event of kind end) that certainly covers on.
func periodCovering(history []StatusEvent, start, end EventKind, on civil.Date) (from, to civil.Date, ok bool) {
	events := append([]StatusEvent(nil), history...)
	sort.SliceStable(events, func(i, j int) bool { return events[i].Date.Before(events[j].Date) })
	for i, e := range events {
		if e.Kind != start {
			continue
		}
		from, to = e.Date, e.EndDate
		for _, later := range events[i+1:] {
			if later.Kind == end && (to.IsZero() || later.Date.Before(to)) {
				to = later.Date
				break
			}
		}
		if !from.Last().After(on.First()) && (to.IsZero() || !to.First().Before(on.Last())) {
			return from, to, true
		}
	}
	return civil.Date{}, civil.Date{}, false
}

func hasEvent(history []StatusEvent, k EventKind) bool {
	for _, e := range history {
		if e.Kind == k {
			return true
		}
	}
	return false
}

// span prints a period; an open end reads "至今".
func span(from, to civil.Date) string {
	if to.IsZero() {
		return from.String() + " 起"
	}
	return from.String() + " 至 " + to.String()
}
