package data

import (
	"sort"

	"partyoffice/data/civil"
)

// Timeline is a person's way into the party read from their step records:
// the key dates, the computed dates of docs/rules.md (D11 预备期满, D13 转正,
// D15 党费起缴月) and the next action. It is a pure value: the rule engine and
// the screens build it from a Person and the person's records, no database.
//
// For members recorded before this feature (no step records) the key dates
// fall back to the Person's 入党日期 / 转正日期 / 延长预备期, so their 转正
// reminders still work.
type Timeline struct {
	Person  *Person
	Version string // the 细则 version the record follows (RecordVersion)
	// VersionKnown is false when the record has no date to choose the
	// version by: Version is then only the branch's default.
	VersionKnown bool

	records [StepCount + 1][]DevStep // by step number, each by date

	Applied   civil.Date // 1 递交入党申请书
	Talked    civil.Date // 2 谈话
	Activist  civil.Date // 3 确定为入党积极分子
	Candidate civil.Date // 7 确定为发展对象
	// PublicStart–PublicEnd is the 公示 before step 7 (required by 2026.05).
	PublicStart, PublicEnd civil.Date
	PreReview              civil.Date // 13 上级党委预审 (the latest)
	PreReviewPassed        bool
	BranchMeeting          civil.Date // 15 支部大会 = 入党时间
	Approval               civil.Date // 17 上级党委审批
	Approved               bool       // 17 with 同意
	Oath                   civil.Date // 20 入党宣誓

	// Transfers are the 支部大会 decisions on the 预备党员 (step 23), each with
	// the approval answering it (step 24), oldest first: at most an extension
	// and then the final decision.
	Transfers []Transfer
	// TransferMeeting and TransferApproval are those of the last decision.
	TransferMeeting, TransferApproval civil.Date

	ExtendedTo   civil.Date // 延长预备期 to, once approved
	ProbationEnd civil.Date // D11: 支部大会 + 12 months, or the extended end
	FullDate     civil.Date // D13: 转正日期 = 预备期满之日, once 按期转正 is approved
	DuesFrom     civil.Date // D15: 党费 from the month of the 支部大会 (month precision)

	Next NextAction
}

// Transfer is a 支部大会 decision on a 预备党员 and its approval.
type Transfer struct {
	Meeting  *DevStep // step 23; Result is the decision
	Approval *DevStep // step 24, nil until recorded
}

// Decision is 按期转正, 延长预备期 or 取消预备党员资格.
func (t Transfer) Decision() string { return t.Meeting.Result }

// Approved reports whether the 上级党委 agreed with the decision.
func (t Transfer) Approved() bool { return t.Approval != nil && t.Approval.Result == ResultAgree }

// NextAction is what the branch does next for the person, with its dates.
type NextAction struct {
	Step     int // 0 when nothing is pending (done, stopped, blocked)
	Name     string
	Earliest civil.Date // not before (D4 one year, D12 预备期满)
	Due      civil.Date // not after (D2 one month, D10 three months …)
	Text     string     // "下一步：确定发展对象，最早 2027-03-01"
}

// NewTimeline reads all of a person's records under the person's version.
func NewTimeline(p *Person, steps []DevStep) Timeline {
	return TimelineAsOf(p, steps, civil.Date{}, "")
}

// TimelineAsOf reads the records dated on or before on (all when on is
// zero), under the person's version or else branchVersion.
//
// Records in the store's order (step, date, ID) are read in place, not
// copied: the timeline shares them with the caller, who must not change them
// while using it. Checking a thousand people this way allocates almost
// nothing.
func TimelineAsOf(p *Person, steps []DevStep, on civil.Date, branchVersion string) Timeline {
	t := Timeline{Person: p}
	t.Version, t.VersionKnown = RecordVersion(p, steps, branchVersion)
	if !recordsSorted(steps) {
		steps = append([]DevStep(nil), steps...)
		sort.SliceStable(steps, func(i, j int) bool { return recordLess(&steps[i], &steps[j]) })
	}
	for lo := 0; lo < len(steps); {
		n, hi := steps[lo].Step, lo
		for hi < len(steps) && steps[hi].Step == n {
			hi++
		}
		end := hi
		for end > lo && !on.IsZero() && steps[end-1].Date.First().After(on) {
			end-- // dated after on: not yet happened as of on
		}
		if n >= 1 && n <= StepCount {
			t.records[n] = steps[lo:end:end]
		}
		lo = hi
	}
	t.readKeyDates()
	t.readTransfers()
	t.computeDates()
	t.Next = t.nextAction()
	return t
}

func recordsSorted(steps []DevStep) bool {
	for i := 1; i < len(steps); i++ {
		if recordLess(&steps[i], &steps[i-1]) {
			return false
		}
	}
	return true
}

// recordLess is the store's order of records: by step, then date, then ID.
func recordLess(a, b *DevStep) bool {
	if a.Step != b.Step {
		return a.Step < b.Step
	}
	if c := a.Date.Compare(b.Date); c != 0 {
		return c < 0
	}
	return a.ID < b.ID
}

// Records are the records of step n, oldest first.
func (t *Timeline) Records(n int) []DevStep {
	if n < 1 || n > StepCount {
		return nil
	}
	return t.records[n]
}

// Has reports whether step n is recorded.
func (t *Timeline) Has(n int) bool { return len(t.Records(n)) > 0 }

// First is the earliest record of step n, or nil.
func (t *Timeline) First(n int) *DevStep {
	if r := t.Records(n); len(r) > 0 {
		return &r[0]
	}
	return nil
}

// Latest is the latest record of step n (the one that counts when a step
// was redone, e.g. a second 政审), or nil.
func (t *Timeline) Latest(n int) *DevStep {
	if r := t.Records(n); len(r) > 0 {
		return &r[len(r)-1]
	}
	return nil
}

// DateOf is the date of the latest record of step n (zero when none).
func (t *Timeline) DateOf(n int) civil.Date {
	if st := t.Latest(n); st != nil {
		return st.Date
	}
	return civil.Date{}
}

// HighestStep is the highest step number recorded (0 when none).
func (t *Timeline) HighestStep() int {
	for n := StepCount; n >= 1; n-- {
		if t.Has(n) {
			return n
		}
	}
	return 0
}

// Missing lists the steps below the highest recorded one that have no
// record: gaps a register would show as blanks.
func (t *Timeline) Missing() []int {
	var out []int
	for n := 1; n < t.HighestStep(); n++ {
		if !t.Has(n) {
			out = append(out, n)
		}
	}
	return out
}

// Assessments are the half-yearly assessments (step 6 records that are not
// 思想汇报), oldest first.
func (t *Timeline) Assessments() []DevStep {
	var out []DevStep
	for _, st := range t.Records(StepAssessment) {
		if st.Kind != KindReport {
			out = append(out, st)
		}
	}
	return out
}

// LastAssessed is the date of the latest half-yearly assessment, or the
// date the person became an activist when there is none yet: the next
// assessment is due six months later (细则第十一条).
func (t *Timeline) LastAssessed() civil.Date {
	if a := t.Assessments(); len(a) > 0 {
		return a[len(a)-1].Date
	}
	return t.Activist
}

// Contacts are the 培养联系人 of the latest step-5 record.
func (t *Timeline) Contacts() []DevStepPerson {
	if st := t.Latest(StepContacts); st != nil {
		return st.PeopleIn(RoleContact)
	}
	return nil
}

// Introducers are the 入党介绍人 of the latest step-9 record.
func (t *Timeline) Introducers() []DevStepPerson {
	if st := t.Latest(StepIntroducers); st != nil {
		return st.PeopleIn(RoleIntroducer)
	}
	return nil
}

// Extended reports whether an extension of the 预备期 was approved.
func (t *Timeline) Extended() bool { return !t.ExtendedTo.IsZero() }

// FinalTransfer is the last 转正 decision, or nil.
func (t *Timeline) FinalTransfer() *Transfer {
	if len(t.Transfers) == 0 {
		return nil
	}
	return &t.Transfers[len(t.Transfers)-1]
}

func (t *Timeline) readKeyDates() {
	t.Applied = t.dateOfFirst(StepApply)
	t.Talked = t.dateOfFirst(StepTalk)
	t.Activist = t.dateOfFirst(StepActivist)
	if st := t.First(StepCandidate); st != nil {
		t.Candidate, t.PublicStart, t.PublicEnd = st.Date, st.Start, st.End
	}
	if st := t.Latest(StepPreReview); st != nil {
		t.PreReview, t.PreReviewPassed = st.Date, st.Result == ResultPass
	}
	t.BranchMeeting = t.dateOfFirst(StepBranchMeeting)
	if t.BranchMeeting.IsZero() && t.Person.Stage.IsMember() {
		t.BranchMeeting = t.Person.JoinDate
	}
	if st := t.Latest(StepApproval); st != nil {
		t.Approval, t.Approved = st.Date, st.Result == ResultAgree
	}
	t.Oath = t.dateOfFirst(StepOath)
}

func (t *Timeline) dateOfFirst(n int) civil.Date {
	if st := t.First(n); st != nil {
		return st.Date
	}
	return civil.Date{}
}

// readTransfers pairs the k-th 支部大会 on the 预备党员 with the k-th approval.
func (t *Timeline) readTransfers() {
	meetings, approvals := t.Records(StepTransferMeeting), t.Records(StepTransferApproval)
	for i := range meetings {
		tr := Transfer{Meeting: &meetings[i]}
		if i < len(approvals) {
			tr.Approval = &approvals[i]
		}
		t.Transfers = append(t.Transfers, tr)
	}
	if final := t.FinalTransfer(); final != nil {
		t.TransferMeeting = final.Meeting.Date
		if final.Approval != nil {
			t.TransferApproval = final.Approval.Date
		}
	}
}

func (t *Timeline) computeDates() {
	p := t.Person
	for _, tr := range t.Transfers {
		if tr.Decision() == DecisionExtend && tr.Approved() && t.ExtendedTo.IsZero() {
			t.ExtendedTo = tr.Meeting.ExtendTo
		}
	}
	if t.ExtendedTo.IsZero() && len(t.Transfers) == 0 {
		t.ExtendedTo = p.ExtendedTo
	}
	switch {
	case !t.ExtendedTo.IsZero():
		t.ProbationEnd = t.ExtendedTo
	case !t.BranchMeeting.IsZero():
		t.ProbationEnd = t.BranchMeeting.AddMonths(12)
	}
	if final := t.FinalTransfer(); final != nil && final.Decision() == DecisionConfirm && final.Approved() {
		t.FullDate = t.ProbationEnd
	} else if final == nil && p.Stage == StageFull {
		t.FullDate = p.FullDate
	}
	if !t.BranchMeeting.IsZero() && (t.Approved || p.Stage.IsMember()) {
		t.DuesFrom = civil.Date{Year: t.BranchMeeting.Year, Month: t.BranchMeeting.Month}
	}
}

// nextAction is the first step after the highest one recorded, with the
// dates the rules put on it.
func (t *Timeline) nextAction() NextAction {
	if text := t.haltedBecause(); text != "" {
		return NextAction{Text: text}
	}
	n := t.HighestStep() + 1
	if t.HighestStep() == 0 && t.Person.Stage == StageProbationer {
		n = StepTransferMeeting // a member recorded without steps
	}
	if final := t.FinalTransfer(); final != nil {
		switch {
		case final.Approval == nil:
			n = StepTransferApproval
		case final.Decision() == DecisionExtend && final.Approved():
			n = StepTransferApply // a second application after the extension
		}
	}
	if n > StepCount || (t.HighestStep() == 0 && t.Person.Stage == StageFull) {
		return NextAction{}
	}
	def := StepDefFor(n)
	a := NextAction{Step: n, Name: def.NameIn(t.Version)}
	a.Earliest, a.Due = t.datesFor(n)
	a.Text = "下一步：" + a.Name
	if !a.Earliest.IsZero() {
		a.Text += "，最早 " + a.Earliest.String()
	}
	if !a.Due.IsZero() {
		a.Text += "，应在 " + a.Due.String() + " 前"
	}
	return a
}

// haltedBecause says why nothing comes next: the person left the roll or a
// recorded decision stopped the way ("" when the way is open).
func (t *Timeline) haltedBecause() string {
	if t.Person.Roll != "" && t.Person.Roll != RollActive {
		return string(t.Person.Roll)
	}
	if final := t.FinalTransfer(); final != nil && final.Approved() && final.Decision() == DecisionConfirm &&
		t.Has(StepArchive) {
		return "发展程序已完成"
	}
	if h := t.HighestStep(); h > 0 {
		if st := t.Latest(h); IsNegative(st.Result) {
			return StepDefFor(h).Title(t.Version) + "的结果为“" + st.Result + "”，请支部研究后续安排"
		}
	}
	return ""
}

// datesFor gives the earliest and latest dates of step n (zero when free).
func (t *Timeline) datesFor(n int) (earliest, due civil.Date) {
	switch n {
	case StepTalk:
		return civil.Date{}, monthsAfter(t.Applied, 1)
	case StepAssessment:
		return civil.Date{}, monthsAfter(t.LastAssessed(), 6)
	case StepCandidate:
		return monthsFrom(t.Activist, 12), civil.Date{}
	case StepBranchMeeting:
		if t.Version == RuleVersion2026 && t.PreReviewPassed {
			return civil.Date{}, monthsAfter(t.PreReview, 1)
		}
	case StepSuperiorTalk, StepApproval:
		return civil.Date{}, monthsAfter(t.BranchMeeting, 3)
	case StepOath:
		return civil.Date{}, monthsAfter(t.Approval, 1)
	case StepTransferApply:
		return civil.Date{}, t.ProbationEnd
	case StepTransferMeeting:
		return t.ProbationEnd, civil.Date{}
	case StepTransferApproval:
		return civil.Date{}, monthsAfter(t.TransferMeeting, 3)
	}
	return civil.Date{}, civil.Date{}
}

// monthsAfter is the deadline "within n months of d": n months after the
// latest day d can mean (docs/rules.md, "Partial dates"); zero for a zero date.
func monthsAfter(d civil.Date, n int) civil.Date {
	if d.IsZero() {
		return d
	}
	return d.Last().AddMonths(n)
}

// monthsFrom is the earliest day "n months after d" can be: n months after
// the earliest day d can mean; zero for a zero date.
func monthsFrom(d civil.Date, n int) civil.Date {
	if d.IsZero() {
		return d
	}
	return d.First().AddMonths(n)
}
