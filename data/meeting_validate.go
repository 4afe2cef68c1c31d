package data

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"partyoffice/data/civil"
)

// clockPattern reads 14:30, 14：30, 14.30, 14点30, 14时30分, 14点, 1430, with
// an optional 上午/下午/晚上 in front.
var clockPattern = regexp.MustCompile(`^(上午|下午|晚上|中午)?\s*(\d{1,2})(?:\s*[:：.点时]\s*(\d{1,2})?\s*分?|(\d{2}))?$`)

// ParseClock reads a time of day as offices write it and returns "14:30"
// ("" for an empty text).
func ParseClock(s string) (string, error) {
	s = strings.TrimSpace(strings.Map(foldDigit, s))
	if s == "" {
		return "", nil
	}
	m := clockPattern.FindStringSubmatch(s)
	if m == nil {
		return "", fmt.Errorf("时间“%s”看不懂，请写成 14:30 这样的格式", s)
	}
	h, _ := strconv.Atoi(m[2])
	minute := 0
	if m[3] != "" {
		minute, _ = strconv.Atoi(m[3])
	} else if m[4] != "" {
		minute, _ = strconv.Atoi(m[4])
	}
	if (m[1] == "下午" || m[1] == "晚上") && h < 12 {
		h += 12
	}
	if h > 23 || minute > 59 {
		return "", fmt.Errorf("时间“%s”不存在，请写成 14:30 这样的格式", s)
	}
	return fmt.Sprintf("%02d:%02d", h, minute), nil
}

func foldDigit(r rune) rune {
	if r >= '０' && r <= '９' {
		return r - '０' + '0'
	}
	return r
}

// cleanLines tidies multi-line text (议题, 发言, 决议): line breaks kept,
// each line trimmed, blank lines at both ends dropped.
func cleanLines(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(strings.TrimLeft(l, " \t\u00a0"), " \t\u3000\u00a0")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// tidy cleans the text fields of a sitting before it is checked.
func (m *Meeting) tidy() error {
	for _, f := range []*string{&m.Title, &m.Place, &m.Host, &m.Recorder, &m.Lecturer, &m.Topic, &m.Guests} {
		*f = CleanText(*f)
	}
	for _, f := range []*string{&m.Agenda, &m.Resolution, &m.Note} {
		*f = cleanLines(*f)
	}
	var err error
	if m.Start, err = ParseClock(m.Start); err != nil {
		return fmt.Errorf("开始时间：%w", err)
	}
	if m.End, err = ParseClock(m.End); err != nil {
		return fmt.Errorf("结束时间：%w", err)
	}
	for i := range m.Speeches {
		sp := &m.Speeches[i]
		sp.Speaker, sp.Content = CleanText(sp.Speaker), cleanLines(sp.Content)
	}
	for i := range m.Attendance {
		m.Attendance[i].Reason = CleanText(m.Attendance[i].Reason)
	}
	for i := range m.Decisions {
		d := &m.Decisions[i]
		d.Subject, d.Method, d.PersonName, d.Note = CleanText(d.Subject), CleanText(d.Method), CleanText(d.PersonName), cleanLines(d.Note)
	}
	return nil
}

// validateSitting checks what does not need the register: the date, the
// types, the times, the people named, the speeches and the decisions.
func (m *Meeting) validateSitting(ms *MeetingSettings, today civil.Date) error {
	for _, check := range []func() error{
		func() error { return m.checkDate(today) },
		func() error { return m.checkTypes(ms) },
		m.checkTimes,
		m.checkRoles,
		m.checkSpeeches,
		m.checkDecisions,
	} {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

func (m *Meeting) checkDate(today civil.Date) error {
	switch {
	case m.Date.IsZero():
		return errors.New("请填写会议日期")
	case m.Date.Precision() != civil.DayPrecision || !m.Date.Valid():
		return fmt.Errorf("会议日期“%s”不完整或不存在，请填写年月日", m.Date)
	case m.Date.After(today):
		return fmt.Errorf("会议日期 %s 在今天之后：会议记录只登记已经召开的会议", m.Date)
	}
	return nil
}

func (m *Meeting) checkTypes(ms *MeetingSettings) error {
	if len(m.Types) == 0 {
		return errors.New("请选择会议类型（可以多选，例如“支部党员大会”和“主题党日”）")
	}
	seen := map[MeetingType]bool{}
	for _, t := range m.Types {
		switch {
		case seen[t]:
			return fmt.Errorf("会议类型“%s”选了两次", t)
		case ms.TypeRule(t) == nil:
			return fmt.Errorf("不认识的会议类型“%s”：请先在三会一课设置中添加这个类型", t)
		}
		seen[t] = true
	}
	if m.HasType(TypeCommittee) && m.HasType(TypeGroupMeeting) {
		return errors.New("一次会议不能既是支部委员会又是党小组会，请分别登记")
	}
	return nil
}

func (m *Meeting) checkTimes() error {
	if m.Start != "" && m.End != "" && m.End <= m.Start {
		return fmt.Errorf("结束时间 %s 应晚于开始时间 %s", m.End, m.Start)
	}
	return nil
}

func (m *Meeting) checkRoles() error {
	if m.Source != "" { // an old ledger's line: the names it gives or none
		return nil
	}
	switch {
	case m.Host == "" && m.HostID == nil:
		return errors.New("请填写主持人")
	case m.Recorder == "" && m.RecorderID == nil:
		return errors.New("请填写记录人")
	case m.HasType(TypeLecture) && m.Lecturer == "" && m.LecturerID == nil:
		return errors.New("党课请填写主讲人")
	case m.HasType(TypeLecture) && m.Topic == "":
		return errors.New("党课请填写题目")
	}
	return nil
}

func (m *Meeting) checkSpeeches() error {
	for i, sp := range m.Speeches {
		switch {
		case sp.Speaker == "" && sp.PersonID == nil:
			return fmt.Errorf("第%d条发言记录请填写发言人", i+1)
		case sp.Content == "":
			return fmt.Errorf("第%d条发言记录（%s）没有内容，请填写或删去这一条", i+1, sp.Speaker)
		}
	}
	return nil
}

func (m *Meeting) checkDecisions() error {
	for i := range m.Decisions {
		if err := m.checkDecision(&m.Decisions[i]); err != nil {
			return fmt.Errorf("第%d项决定事项：%w", i+1, err)
		}
	}
	return nil
}

func (m *Meeting) checkDecision(d *MeetingDecision) error {
	if !oneOf(string(d.Kind), decisionKindNames()...) {
		return fmt.Errorf("事项类别应为%s（现在是“%s”）", strings.Join(decisionKindNames(), "、"), d.Kind)
	}
	if d.Kind.DevStep() != 0 {
		if err := m.checkDevelopmentDecision(d); err != nil {
			return err
		}
	} else if d.PersonID != nil || d.Result != "" || !d.ExtendTo.IsZero() {
		return fmt.Errorf("“%s”不针对某个发展对象或预备党员；讨论接收或转正请选相应的类别", d.Kind)
	}
	if d.Subject == "" {
		return errors.New("请填写事项内容")
	}
	if d.Kind.NeedsVote() && !d.Vote.Recorded() {
		return errors.New("请填写表决情况（应到、实到有表决权人数和赞成、反对、弃权票数）")
	}
	if p := d.Vote.Problem(); d.Vote.Recorded() && p != "" {
		return errors.New("表决情况对不上：" + p)
	}
	if d.Vote.WrittenFor+d.Vote.WrittenAgainst > 0 && d.Kind != DecideAdmission && d.Kind != DecideConfirmation {
		return errors.New("书面意见只在讨论接收预备党员和预备党员转正时计入，其他表决请不要填写")
	}
	return nil
}

func (m *Meeting) checkDevelopmentDecision(d *MeetingDecision) error {
	switch {
	case !m.HasType(TypeMembersMeeting):
		return fmt.Errorf("“%s”须由支部党员大会讨论决定，请在会议类型中选择“支部党员大会”", d.Kind)
	case d.PersonID == nil:
		return fmt.Errorf("请选择%s的对象", d.Kind)
	case d.Kind == DecideAdmission && (d.Result != "" || !d.ExtendTo.IsZero()):
		return errors.New("讨论接收预备党员不需要填写转正决定")
	case d.Kind == DecideConfirmation && !oneOf(d.Result, DecisionConfirm, DecisionExtend, DecisionCancel):
		return fmt.Errorf("请选择支部大会的决定：%s、%s或%s", DecisionConfirm, DecisionExtend, DecisionCancel)
	case d.Result == DecisionExtend && !d.ExtendTo.After(m.Date):
		return fmt.Errorf("决定延长预备期时，请填写“延长预备期至”的日期（应晚于会议日期 %s）", m.Date)
	case d.Result != DecisionExtend && !d.ExtendTo.IsZero():
		return errors.New("只有决定延长预备期时才填写“延长预备期至”")
	}
	return nil
}

func decisionKindNames() []string {
	out := make([]string, len(DecisionKinds))
	for i, k := range DecisionKinds {
		out[i] = string(k)
	}
	return out
}

// defaultSubject words a 发展党员 decision the way minutes do when the user
// left the subject empty.
func (d *MeetingDecision) defaultSubject() string {
	switch d.Kind {
	case DecideAdmission:
		return "讨论接收" + d.PersonName + "为中共预备党员"
	case DecideConfirmation:
		return "讨论" + d.PersonName + "的预备党员转正问题"
	}
	return ""
}
