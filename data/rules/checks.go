package rules

import (
	"slices"
	"strconv"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/idcard"
)

// The date, age, people and vote checks of docs/rules.md on what is
// recorded. Each names its rule; the texts and articles are in rulebook.

// checkAge is D1: 年满18周岁 on the day of the application.
func checkAge(x *personCheck) {
	applied, birth := x.t.Applied, birthDate(x.p)
	if applied.IsZero() || birth.IsZero() {
		return
	}
	if applied.Last().Before(earliest(birth, 12*18)) {
		x.errorf("D1", "%s 递交入党申请书时未满18周岁（出生于 %s，%s 才满18周岁）",
			applied, birth, earliest(birth, 12*18))
	}
}

// birthDate is the recorded birth date, else the one in the ID number.
func birthDate(p *data.Person) civil.Date {
	if !p.BirthDate.IsZero() {
		return p.BirthDate
	}
	if info, err := idcard.Read(p.IDNumber); err == nil {
		return info.Birth
	}
	return civil.Date{}
}

// checkTalk is D2 (the talk came more than a month after the application,
// or has not come in a month) and R-TALK (the talk is due soon).
func checkTalk(x *personCheck) {
	applied := x.t.Applied
	if applied.IsZero() {
		return
	}
	due := deadline(applied, 1)
	if talk := x.t.Talked; !talk.IsZero() {
		if lateBy(talk, applied, 1) {
			x.remind("D2", due, "%s 递交入党申请书，%s 才派人谈话，超过了一个月", applied, talk)
		}
		return
	}
	if !x.pending(data.StepActivist) {
		return // an old record without the talk: a gap, not something coming
	}
	switch {
	case x.overdue(due):
		x.remind("D2", due, "%s 递交入党申请书，已超过一个月，还没有登记党组织派人谈话", applied)
	case x.soon(due):
		x.remind(RuleTalkDue, due, "%s 递交入党申请书，应在 %s 前派人谈话", applied, due.Last())
	}
}

// checkActivist is D3: the activist is chosen after the application (error)
// and, by local rule, normally some months after it (reminder).
func checkActivist(x *personCheck) {
	applied, activist := x.t.Applied, x.t.Activist
	if applied.IsZero() || activist.IsZero() {
		return
	}
	if notAfter(activist, applied) {
		x.errorf("D3", "确定为入党积极分子的日期 %s 不晚于递交入党申请书的日期 %s", activist, applied)
		return
	}
	if n := x.c.opt.ActivistWaitMonths; n > 0 && earlyBy(activist, applied, n) {
		x.remind("D3", civil.Date{}, "%s 递交入党申请书，%s 就确定为入党积极分子，不满%d个月（本地要求一般申请满%d个月，即 %s 以后）",
			applied, activist, n, n, earliest(applied, n))
	}
}

// checkCandidate is D4: 发展对象 only after a year as an activist.
func checkCandidate(x *personCheck) {
	activist, candidate := x.t.Activist, x.t.Candidate
	if activist.IsZero() || candidate.IsZero() {
		return
	}
	if earlyBy(candidate, activist, 12) {
		x.errorf("D4", "%s 确定为发展对象时，确定为入党积极分子（%s）还不满一年，最早应为 %s",
			candidate, activist, earliest(activist, 12))
	}
}

// checkPublicity is D5 (2026.05 only): a 公示 of at least five working days
// ending by the decision, and the 上级党委's consent recorded.
func checkPublicity(x *personCheck) {
	if !x.has("D5") || !x.t.Has(data.StepCandidate) {
		return
	}
	c, start, end := x.t.Candidate, x.t.PublicStart, x.t.PublicEnd
	if start.IsZero() {
		x.errorf("D5", "%s 确定为发展对象，没有登记公示期；确定发展对象前应公示不少于5个工作日", c)
	} else {
		if n, uncovered := WorkingDays(x.c.opt.Calendar, start, end); n < 5 {
			x.errorf("D5", "公示期 %s 至 %s 只有 %d 个工作日%s，少于5个工作日", start, end, n, workdayNote(uncovered))
		}
		if surelyAfter(end, c) {
			x.errorf("D5", "公示期到 %s 才结束，晚于确定为发展对象的日期 %s；应公示期满后再确定", end, c)
		}
	}
	rec := x.t.Latest(data.StepCandidateFiled)
	if rec != nil && rec.Result == data.ResultAgree {
		return
	}
	what := "还没有登记上级党委同意"
	if rec != nil && rec.Result != "" {
		what = "上级党委的意见为“" + rec.Result + "”"
	}
	if x.t.HighestStep() > data.StepCandidateFiled {
		x.errorf("D5", "%s 确定为发展对象，%s，却已登记了后续步骤", c, what)
	} else {
		x.remind("D5", civil.Date{}, "%s 确定为发展对象，%s；确定发展对象须报上级党委同意", c, what)
	}
}

// workdayNote labels a count made without the holiday table of a year.
func workdayNote(uncovered []int) string {
	if len(uncovered) == 0 {
		return ""
	}
	years := make([]string, len(uncovered))
	for i, y := range uncovered {
		years[i] = strconv.Itoa(y) + "年"
	}
	return "（" + strings.Join(years, "、") + "的节假日安排未收录，暂按周一至周五计算）"
}

// checkReviewTraining is D6: 政审 passed and 集中培训 (3 days or 24 学时)
// completed, both before the 支部大会.
func checkReviewTraining(x *personCheck) {
	meeting := x.t.First(data.StepBranchMeeting)
	if meeting == nil {
		return
	}
	m := meeting.Date
	switch rev := x.t.Latest(data.StepPoliticalReview); {
	case rev == nil:
		x.errorf("D6", "%s 召开支部大会讨论接收预备党员，但没有登记政治审查；未经政治审查的不能发展入党", m)
	case rev.Result == data.ResultFail:
		x.errorf("D6", "政治审查（%s）结论为“不合格”，不能发展入党，却于 %s 召开了支部大会", rev.Date, m)
	case surelyAfter(rev.Date, m):
		x.errorf("D6", "政治审查（%s）在支部大会（%s）之后；政治审查应在支部大会前完成", rev.Date, m)
	}
	checkTraining(x, m)
}

func checkTraining(x *personCheck, meeting civil.Date) {
	tr := x.t.Latest(data.StepTraining)
	if tr == nil {
		x.errorf("D6", "%s 召开支部大会，但没有登记集中培训；未经培训的，除个别特殊情况外不能发展入党", meeting)
		return
	}
	end := tr.End
	if end.IsZero() {
		end = tr.Date
	}
	if tr.Result == data.ResultNotCompleted {
		x.errorf("D6", "集中培训（%s）登记为“未结业”，却于 %s 召开了支部大会", end, meeting)
	}
	if surelyAfter(end, meeting) {
		x.errorf("D6", "集中培训到 %s 才结束，在支部大会（%s）之后；培训应在支部大会前完成", end, meeting)
	}
	days := 0
	if !tr.Start.IsZero() {
		days = tr.Start.First().DaysUntil(tr.End.Last()) + 1
	}
	switch {
	case days >= 3 || tr.Hours >= 24:
	case days == 0 && tr.Hours == 0:
		x.remind("D6", civil.Date{}, "集中培训（%s）没有登记起止日期和学时，无法核对是否达到3天或24学时", end)
	default:
		x.errorf("D6", "集中培训只有%s，不足3天或24学时", trainingLength(days, tr.Hours))
	}
}

func trainingLength(days, hours int) string {
	var parts []string
	if days > 0 {
		parts = append(parts, strconv.Itoa(days)+"天")
	}
	if hours > 0 {
		parts = append(parts, strconv.Itoa(hours)+"学时")
	}
	return strings.Join(parts, "、")
}

// checkIntroducers is D7: two 入党介绍人, each a 正式党员 not under 留党察看 on
// the day they were chosen and on the day of the 支部大会.
func checkIntroducers(x *personCheck) {
	meeting := x.t.First(data.StepBranchMeeting)
	rec := x.t.Latest(data.StepIntroducers)
	if rec == nil {
		if meeting != nil && !joinedElsewhere(x.p, meeting.Date) {
			x.errorf("D7", "%s 召开支部大会，但没有登记入党介绍人；发展对象应有两名正式党员作入党介绍人", meeting.Date)
		}
		return
	}
	intro := rec.PeopleIn(data.RoleIntroducer)
	if len(intro) != 2 {
		x.errorf("D7", "入党介绍人登记了%d人（%s），应为两名正式党员", len(intro), rec.Names(data.RoleIntroducer))
	}
	dates := []civil.Date{rec.Date}
	if meeting != nil {
		dates = append(dates, meeting.Date)
	}
	for _, sp := range intro {
		q := x.c.lookup(sp.PersonID)
		if q == nil {
			continue // someone outside the register (or since purged): nothing to check against
		}
		for _, on := range dates {
			if problem := data.EligibilityProblem(q, x.c.d.Events[q.ID], on); problem != "" {
				x.errorf("D7", "入党介绍人%s不符合条件：%s", q.Name, problem)
				break
			}
		}
	}
}

// checkContacts is R-CONTACT: each 培养联系人 a 正式党员 not under 留党察看 on
// the day assigned (细则第九条), as the 入党介绍人 are (D7). Imported records
// store the people the sheet names, eligible or not; this check is what
// reports them.
func checkContacts(x *personCheck) {
	for _, rec := range x.t.Records(data.StepContacts) {
		for _, sp := range rec.PeopleIn(data.RoleContact) {
			q := x.c.lookup(sp.PersonID)
			if q == nil {
				continue // named only (outside the register): nothing to check against
			}
			if problem := data.EligibilityProblem(q, x.c.d.Events[q.ID], rec.Date); problem != "" {
				x.errorf(RuleContact, "%s 指定的培养联系人%s不符合条件：%s", rec.Date, q.Name, problem)
			}
		}
	}
}

func (c *Checker) lookup(id *uint) *data.Person {
	if id == nil {
		return nil
	}
	return c.people[*id]
}

// joinedElsewhere reports that the person's 组织关系 came to the branch after
// the date: what happened before was recorded by another branch.
func joinedElsewhere(p *data.Person, d civil.Date) bool {
	return !p.TransferIn.IsZero() && !p.TransferIn.Before(d)
}

// checkMissingSteps is R-MISSING: a 支部大会 on a person whose record lacks a
// step the 细则 requires before it, and an approval (审批 recorded) without
// the 谈话, the 培养联系人, the 备案/同意 of the 发展对象 or the 上级党委谈话.
// One finding names every missing step.
func checkMissingSteps(x *personCheck) {
	meeting := x.t.First(data.StepBranchMeeting)
	approval := x.t.First(data.StepApproval)
	var required []int
	if meeting != nil && !joinedElsewhere(x.p, meeting.Date) {
		required = append(required, data.StepActivist, data.StepCandidate, data.StepCommitteeReview,
			data.StepPreReview, data.StepPledge)
	}
	if approval != nil && !joinedElsewhere(x.p, approval.Date) {
		required = append(required, data.StepTalk, data.StepContacts, data.StepCandidateFiled, data.StepSuperiorTalk)
	}
	slices.Sort(required)
	var missing []string
	for _, n := range required {
		if !x.t.Has(n) {
			missing = append(missing, x.step(n))
		}
	}
	switch {
	case len(missing) == 0:
	case approval != nil:
		x.errorf(RuleMissingStep, "%s 上级党委审批，但没有登记%s", approval.Date, strings.Join(missing, "、"))
	default:
		x.errorf(RuleMissingStep, "%s 召开支部大会讨论接收预备党员，但没有登记%s", meeting.Date, strings.Join(missing, "、"))
	}
}

// checkPreReviewToVote is D8 and R-MEETING (2026.05 only): the 支部大会
// within a month of passing the 预审.
func checkPreReviewToVote(x *personCheck) {
	if !x.has("D8") || !x.t.PreReviewPassed {
		return
	}
	pr := x.t.PreReview
	due := deadline(pr, 1)
	if meeting := x.t.First(data.StepBranchMeeting); meeting != nil {
		if lateBy(meeting.Date, pr, 1) {
			x.remind("D8", due, "上级党委预审合格（%s）后，%s 才召开支部大会，超过了一个月", pr, meeting.Date)
		}
		return
	}
	if !x.pending(data.StepBranchMeeting) {
		return
	}
	switch {
	case x.overdue(due):
		x.remind("D8", due, "上级党委预审合格（%s）已超过一个月，还没有召开支部大会讨论", pr)
	case x.soon(due):
		x.remind(RuleMeetingDue, due, "上级党委预审合格（%s），应在 %s 前召开支部大会讨论", pr, due.Last())
	}
}

// checkVotes is D9 on each 支部大会: quorum and majority (§2.3, strict ">").
// Meetings recorded without counts (typical of imported history) give one
// reminder per person naming them all, not one per meeting.
func checkVotes(x *personCheck) {
	var unrecorded []string
	check := func(st *data.DevStep, what string) {
		if !st.Vote.Recorded() {
			unrecorded = append(unrecorded, st.Date.String()+"（"+what+"）")
		} else if !VotePassed(VoteAdmission, st.Vote) {
			x.errorf("D9", "%s 的支部大会（%s）：%s", st.Date, what, EvaluateVote(VoteAdmission, st.Vote).Reason)
		}
	}
	if m := x.t.First(data.StepBranchMeeting); m != nil {
		check(m, "讨论接收预备党员")
	}
	for _, tr := range x.t.Transfers {
		check(tr.Meeting, "讨论"+tr.Decision())
	}
	if len(unrecorded) > 0 {
		x.remind("D9", civil.Date{}, "%s的支部大会没有登记表决情况（应到、实到、赞成等人数），无法核对是否有效",
			strings.Join(unrecorded, "、"))
	}
}

// votePassedOrUnknown reports that a meeting may lead to an approval.
func votePassedOrUnknown(st *data.DevStep) bool {
	return !st.Vote.Recorded() || VotePassed(VoteAdmission, st.Vote)
}

// checkApproval is D10 and R-APPROVAL: the 上级党委 approves within three
// months of the 支部大会, six at most.
func checkApproval(x *personCheck) {
	meeting := x.t.First(data.StepBranchMeeting)
	if meeting == nil {
		return
	}
	m := meeting.Date
	due, limit := deadline(m, 3), deadline(m, 6)
	if appr := x.t.Latest(data.StepApproval); appr != nil {
		switch {
		case lateBy(appr.Date, m, 6):
			x.errorf("D10", "支部大会（%s）后 %s 才审批，超过了六个月的最长期限（%s）", m, appr.Date, limit.Last())
		case lateBy(appr.Date, m, 3):
			x.remind("D10", due, "支部大会（%s）后 %s 才审批，超过了三个月（特殊情况最长六个月）", m, appr.Date)
		}
		return
	}
	if !x.pending(data.StepApproval) || !votePassedOrUnknown(meeting) {
		return
	}
	switch {
	case x.overdue(limit):
		x.add("D10", SeverityError, limit, "支部大会（%s）已超过六个月，上级党委仍未审批（最长期限 %s）", m, limit.Last())
	case x.overdue(due):
		x.remind("D10", due, "支部大会（%s）已超过三个月，上级党委还没有审批；特殊情况最长不超过六个月（%s）", m, limit.Last())
	case x.soon(due):
		x.remind(RuleApprovalDue, due, "支部大会（%s）已讨论接收为预备党员，上级党委应在 %s 前审批", m, due.Last())
	}
}

// checkExtension is D11 on an extension: once only, six to twelve months.
func checkExtension(x *personCheck) {
	extensions := 0
	for _, tr := range x.t.Transfers {
		if tr.Decision() != data.DecisionExtend {
			continue
		}
		if extensions++; extensions > 1 {
			x.errorf("D11", "%s 的支部大会再次决定延长预备期；预备期只能延长一次", tr.Meeting.Date)
		}
		if x.t.BranchMeeting.IsZero() {
			continue
		}
		m, to := x.t.BranchMeeting, tr.Meeting.ExtendTo
		lo, hi := earliest(m, 18), deadline(m, 24) // 预备期 12 months + 6 to 12
		if surelyBefore(to, lo) || surelyAfter(to, hi) {
			x.errorf("D11", "延长预备期至 %s，不在半年到一年之间（原预备期 %s 期满，应延长至 %s 到 %s 之间）",
				to, m.AddMonths(12), lo, hi)
		}
	}
}

// checkTransfer is D12 (the 转正 meeting not before the 预备期满, its
// approval within three months), R-TRANSFER and R-CONFIRM.
func checkTransfer(x *personCheck) {
	if x.t.ProbationEnd.IsZero() {
		return
	}
	end := x.t.ProbationEnd
	if !x.t.BranchMeeting.IsZero() {
		end = x.t.BranchMeeting.AddMonths(12) // the first decision is due at the original end
	}
	for _, tr := range x.t.Transfers {
		m := tr.Meeting.Date
		if tr.Decision() != data.DecisionCancel && surelyBefore(m, end) {
			x.errorf("D12", "讨论%s的支部大会（%s）早于预备期满之日（%s）；应在预备期满后讨论", tr.Decision(), m, end)
		}
		if tr.Approval != nil && lateBy(tr.Approval.Date, m, 3) {
			x.remind("D12", deadline(m, 3), "讨论%s的支部大会（%s）后 %s 才审批，超过了三个月", tr.Decision(), m, tr.Approval.Date)
		}
		if tr.Decision() == data.DecisionExtend && tr.Approved() {
			end = tr.Meeting.ExtendTo
		}
	}
	if x.p.Stage == data.StageProbationer {
		remindTransfer(x)
	}
}

func remindTransfer(x *personCheck) {
	final := x.t.FinalTransfer()
	switch {
	case final == nil || final.Decision() == data.DecisionExtend && final.Approved():
		due := x.t.ProbationEnd
		switch {
		case x.overdue(due):
			x.remind(RuleTransferDue, due, "预备期已于 %s 期满，还没有召开支部大会讨论转正", due)
		case x.soon(due):
			x.remind(RuleTransferDue, due, "预备期 %s 期满，应及时召开支部大会讨论能否转正（转正日期为预备期满之日）", due)
		}
	case final.Approval == nil:
		m := final.Meeting.Date
		due := deadline(m, 3)
		switch {
		case x.overdue(due):
			x.remind("D12", due, "讨论%s的支部大会（%s）已超过三个月，上级党委还没有审批", final.Decision(), m)
		case x.soon(due):
			x.remind(RuleConfirmDue, due, "支部大会（%s）已讨论%s，上级党委应在 %s 前审批", m, final.Decision(), due.Last())
		}
	}
}

// checkRegisterDates compares the register (what the 党员名册 prints) with
// the records: 入党日期 = 支部大会 (R-JOIN), 转正日期 = 预备期满 (D13), the
// extended end (D11).
func checkRegisterDates(x *personCheck) {
	p, t := x.p, &x.t
	if m := t.First(data.StepBranchMeeting); m != nil && t.Approved && p.Stage.IsMember() && differ(p.JoinDate, m.Date) {
		x.errorf(RuleJoinDate, "名册中的加入党组织日期是 %s，但支部大会是 %s 召开的；入党时间以支部大会通过之日为准", p.JoinDate, m.Date)
	}
	if final := t.FinalTransfer(); final != nil && final.Approved() && final.Decision() == data.DecisionConfirm &&
		p.Stage == data.StageFull && differ(p.FullDate, t.FullDate) {
		x.errorf("D13", "名册中的转为正式党员日期是 %s，应为预备期满之日 %s（不是支部大会或审批的日期）", p.FullDate, t.FullDate)
	}
	if t.Extended() && !p.ExtendedTo.IsZero() && differ(p.ExtendedTo, t.ExtendedTo) {
		x.errorf("D11", "名册中的延长预备期至 %s，与支部大会决定的 %s 不一致", p.ExtendedTo, t.ExtendedTo)
	}
}

// differ reports that two dates surely name different days (a blank never differs).
func differ(a, b civil.Date) bool {
	return !a.IsZero() && !b.IsZero() && (surelyBefore(a, b) || surelyAfter(a, b))
}

// checkOrder is D14 over the whole chain (docs/rules.md, D14): the spine of
// the procedure in order, and the steps that hang off it not before the
// step they follow. Each pair out of order is one finding naming both
// steps. 申请→积极分子 and 积极分子→发展对象 are D3's and D4's.
func checkOrder(x *personCheck) {
	var prev *orderPoint
	for _, cur := range x.spine() {
		if cur.date.IsZero() {
			continue
		}
		if prev != nil && !judgedElsewhere(prev.step, cur.step) {
			x.checkPair(*prev, cur, cur.sameDay)
		}
		prev = &cur
	}
	for _, pr := range afterPairs {
		from, to := x.point(pr.from, false), x.point(pr.to, false)
		if !from.date.IsZero() && !to.date.IsZero() {
			x.checkPair(from, to, true)
		}
	}
}

// orderPoint is a step's date in the chain; sameDay says the step may fall
// on the day of the one before it.
type orderPoint struct {
	step    int
	date    civil.Date
	sameDay bool
}

// spine is the chain in order: 申请 ≤ 谈话 ≤ 积极分子 < 发展对象 ≤ 支委会审查 <
// 预审 < 志愿书 < 支部大会 < 上级党委谈话 < 审批 < 宣誓, then per 转正 decision
// 转正申请 < 转正讨论 < 转正审批.
func (x *personCheck) spine() []orderPoint {
	chain := []orderPoint{x.point(data.StepApply, false), x.point(data.StepTalk, true), x.point(data.StepActivist, true),
		x.point(data.StepCandidate, false), x.point(data.StepCommitteeReview, true),
		{step: data.StepPreReview, date: x.t.PreReview}, x.point(data.StepPledge, false),
		x.point(data.StepBranchMeeting, false), x.point(data.StepSuperiorTalk, false), {step: data.StepApproval, date: x.t.Approval},
		x.point(data.StepOath, false), x.point(data.StepTransferApply, false)}
	for _, tr := range x.t.Transfers {
		chain = append(chain, orderPoint{step: data.StepTransferMeeting, date: tr.Meeting.Date})
		if tr.Approval != nil {
			chain = append(chain, orderPoint{step: data.StepTransferApproval, date: tr.Approval.Date})
		}
	}
	return chain
}

// afterPairs are steps that must not come before another one, off the
// spine: the 政审 and the training after the 发展对象 is chosen, the
// 预备期 steps after the approval.
var afterPairs = []struct{ from, to int }{
	{data.StepCandidate, data.StepPoliticalReview}, {data.StepCandidate, data.StepTraining},
	{data.StepApproval, data.StepApprovalFiled}, {data.StepApproval, data.StepGrouped},
	{data.StepApproval, data.StepProbation},
}

// point is the first record's date of step n (a training by its start).
func (x *personCheck) point(n int, sameDay bool) orderPoint {
	pt := orderPoint{step: n, sameDay: sameDay}
	if st := x.t.First(n); st != nil {
		pt.date = st.Date
		if n == data.StepTraining && !st.Start.IsZero() {
			pt.date = st.Start
		}
	}
	return pt
}

// checkPair reports b before a (or on the same day, unless allowed).
func (x *personCheck) checkPair(a, b orderPoint, sameDay bool) {
	switch {
	case sameDay && surelyBefore(b.date, a.date):
		x.errorf("D14", "%s（%s）早于%s（%s），先后顺序不对", x.step(b.step), b.date, x.step(a.step), a.date)
	case !sameDay && notAfter(b.date, a.date):
		x.errorf("D14", "%s（%s）不晚于%s（%s），先后顺序不对", x.step(b.step), b.date, x.step(a.step), a.date)
	}
}

func judgedElsewhere(from, to int) bool {
	return from == data.StepApply && to == data.StepActivist || // D3
		from == data.StepActivist && to == data.StepCandidate // D4
}

// checkDecisions is R-DECISION: a decision left blank (imported history:
// 政审结论, 预审结果, 审批结果, 推荐方式) stays unrecorded, never inferred;
// one finding names every blank.
func checkDecisions(x *personCheck) {
	var blanks []string
	for n := 1; n <= data.StepCount; n++ {
		recs := x.t.Records(n)
		for i := range recs {
			if what := data.BlankDecision(&recs[i]); what != "" {
				blanks = append(blanks, x.step(n)+"（"+recs[i].Date.String()+"）的"+what)
			}
		}
	}
	if len(blanks) > 0 {
		x.errorf(RuleDecision, "没有登记%s；结论由党组织决定后如实补登", strings.Join(blanks, "，"))
	}
}

// checkNegativeResults is R-RESULT: a 不合格 or 不同意 followed by later steps.
// The 政审 and the training are D6's, the 2026 上级党委同意 D5's.
func checkNegativeResults(x *personCheck) {
	steps := []int{data.StepCommitteeReview, data.StepPreReview, data.StepApproval, data.StepTransferApproval}
	if !x.has("D5") {
		steps = append([]int{data.StepCandidateFiled}, steps...)
	}
	for _, n := range steps {
		rec := x.t.Latest(n)
		if rec == nil || !data.IsNegative(rec.Result) {
			continue
		}
		for later := n + 1; later <= data.StepCount; later++ {
			if x.t.Has(later) {
				x.errorf(RuleNegative, "%s（%s）的结果为“%s”，之后却登记了%s", x.step(n), rec.Date, rec.Result, x.step(later))
				break
			}
		}
	}
}
