package reports

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// The columns of a meeting history kept in a spreadsheet (会议台账, 三会一课
// 记录表): read into meetingCells, then made into data.Meeting with the
// people found in the register (meeting_import.go).

// meetingCells is one sitting as the sheet gives it.
type meetingCells struct {
	Title, TypeText   string
	Types, TitleTypes []data.MeetingType // from 会议类型; found in 活动名称
	Date              civil.Date
	Start, End        string
	Minutes           int
	Place, Content    string
	Topic, Group      string
	Host, Recorder    string
	Lecturer, Note    string
	Expected, Present int
	HasCounts         bool
	Attendees         []nameEntry
	OnLeave, Absent   []nameEntry
	HasAttendees      bool
}

// nameEntry is a name from a list cell, with the reason in brackets after
// it: 张三（出差）.
type nameEntry struct{ Name, Reason string }

// Headers of the meeting sheet that messages name.
const (
	mhType     = "会议类型"
	mhTitle    = "会议名称"
	mhDate     = "会议日期"
	mhDuration = "时长"
)

// meetingRegister describes the columns; types are the branch's meeting
// types (the built-in ones and those the settings add).
func meetingRegister(types []data.MeetingType) *Register[meetingCells] {
	type mc = meetingCells
	text := func(h string, f func(*mc) *string, aliases ...string) Column[mc] { return TextColumn(h, f, aliases...) }
	date := Column[mc]{Header: mhDate, Required: true, Kind: KindDate,
		Aliases: []string{"日期", "时间", "会议时间", "活动时间", "活动日期", "召开时间", "召开日期", "开展时间", "开会时间", "日期时间"},
		Set:     func(v *mc, s string) error { return v.setWhen(s) }}
	return &Register[mc]{Name: "会议记录", MinHeaderMatches: 2, Columns: []Column[mc]{
		{Header: mhType, Kind: KindText,
			Aliases: []string{"活动类型", "会议类别", "类型", "会议形式", "活动形式", "组织生活形式", "三会一课类型", "活动类别", "类别"},
			Set: func(v *mc, s string) error {
				v.TypeText, v.Types = s, readMeetingTypes(s, types)
				if len(v.Types) == 0 {
					return fmt.Errorf("看不出“%s”是哪一种会议，请填%s", s, quoteList(typeNames(types)))
				}
				return nil
			}},
		{Header: mhTitle, Kind: KindText, Aliases: []string{"活动名称", "名称", "会议名"},
			Set: func(v *mc, s string) error { v.Title, v.TitleTypes = s, readMeetingTypes(s, types); return nil }},
		date,
		{Header: "开始时间", Aliases: []string{"起始时间", "开始"}, Set: func(v *mc, s string) (err error) { v.Start, err = data.ParseClock(s); return }},
		{Header: "结束时间", Aliases: []string{"终止时间", "结束"}, Set: func(v *mc, s string) (err error) { v.End, err = data.ParseClock(s); return }},
		{Header: mhDuration, Aliases: []string{"会议时长", "活动时长", "用时", "时长(分钟)", "时长(小时)"},
			Set: func(v *mc, s string) (err error) { v.Minutes, err = readDuration(s); return }},
		text("地点", func(v *mc) *string { return &v.Place }, "会议地点", "活动地点", "开会地点", "地址", "场所"),
		text("主要内容", func(v *mc) *string { return &v.Content }, "会议内容", "活动内容", "内容", "议题", "会议议题",
			"内容摘要", "议程", "会议议程", "主要议题"),
		text("主题", func(v *mc) *string { return &v.Topic }, "会议主题", "活动主题", "党课题目", "题目", "课题"),
		text("主持人", func(v *mc) *string { return &v.Host }, "主持"),
		text("记录人", func(v *mc) *string { return &v.Recorder }, "记录", "记录员"),
		text("主讲人", func(v *mc) *string { return &v.Lecturer }, "授课人", "讲课人", "党课主讲人"),
		text(data.FieldGroup, func(v *mc) *string { return &v.Group }, "所在党小组", "小组"),
		countColumn("应到人数", func(v *mc) *int { return &v.Expected }, "应到", "应到人员", "应参会人数"),
		countColumn("实到人数", func(v *mc) *int { return &v.Present }, "实到", "参会人数", "到会人数", "出席人数"),
		{Header: "参会人员", Aliases: []string{"出席人员", "参加人员", "到会人员", "出席名单", "参会人员名单", "参会名单", "实到人员", "参加人"},
			Set: func(v *mc, s string) (err error) { v.Attendees, err = splitNames(s); v.HasAttendees = true; return }},
		{Header: "请假人员", Aliases: []string{"请假", "请假人员及原因", "请假名单"},
			Set: func(v *mc, s string) (err error) { v.OnLeave, err = splitNames(s); return }},
		{Header: "缺席人员", Aliases: []string{"缺席", "缺席人员及原因", "缺席名单"},
			Set: func(v *mc, s string) (err error) { v.Absent, err = splitNames(s); return }},
		text(data.FieldRemark, func(v *mc) *string { return &v.Note }),
	}}
}

func countColumn(header string, field func(*meetingCells) *int, aliases ...string) Column[meetingCells] {
	return Column[meetingCells]{Header: header, Aliases: aliases, Kind: KindNumber,
		Set: func(v *meetingCells, s string) error {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(numberAsText(s), "人"), " "))
			if err != nil || n < 0 || n > 10000 {
				return fmt.Errorf("“%s”不是人数，请填一个整数", s)
			}
			*field(v), v.HasCounts = n, true
			return nil
		}}
}

// meetingKeywords find a type in what offices write: 活动名称 such as
// “学习二十大精神专题党课” or 会议类型 such as “支委会、党员大会”.
var meetingKeywords = []struct {
	words []string
	t     data.MeetingType
}{
	{[]string{"支部党员大会", "党员大会", "支部大会"}, data.TypeMembersMeeting},
	{[]string{"支部委员会", "支委会", "支委扩大会", "支委会议"}, data.TypeCommittee},
	{[]string{"党小组会", "党小组学习", "小组会"}, data.TypeGroupMeeting},
	{[]string{"党课"}, data.TypeLecture},
	{[]string{"主题党日", "党日活动"}, data.TypeThemeDay},
	{[]string{"组织生活会"}, data.TypeLifeMeeting},
	{[]string{"民主评议"}, data.TypeAppraisal},
	{[]string{"意识形态"}, data.TypeIdeology},
	{[]string{"集中学习", "专题研讨", "理论学习"}, data.TypeStudy},
}

// readMeetingTypes lists the types a text names, in the branch's order;
// the branch's own types count by their full name.
func readMeetingTypes(s string, types []data.MeetingType) []data.MeetingType {
	found := map[data.MeetingType]bool{}
	for _, k := range meetingKeywords {
		for _, w := range k.words {
			if strings.Contains(s, w) {
				found[k.t] = true
			}
		}
	}
	var out []data.MeetingType
	for _, t := range types {
		if found[t] || strings.Contains(s, string(t)) {
			out = append(out, t)
		}
	}
	return out
}

func typeNames(types []data.MeetingType) []string {
	out := make([]string, len(types))
	for i, t := range types {
		out[i] = string(t)
	}
	return out
}

// clockInText finds the time of day in a date cell: 14:30, 14：30, 下午2点.
var clockInText = regexp.MustCompile(`(上午|下午|晚上|中午)?\s*\d{1,2}\s*(?:[:：]\s*\d{2}|[点时](?:\s*\d{1,2}\s*分?)?)`)

// spanSep separates the start and end of a time span.
var spanSep = regexp.MustCompile(`\s*[-—–~～至到]+\s*`)

// setWhen reads a date cell that may carry the time too: 2025年3月5日 14:30-16:00,
// 2025.3.5下午2:30, an Excel date-time serial.
func (v *meetingCells) setWhen(s string) error {
	s = strings.Map(foldWidth, s)
	if f, err := strconv.ParseFloat(s, 64); err == nil && f > 10000 && f != math.Trunc(f) {
		day := math.Floor(f)
		d, err := civil.FromExcelSerial(day)
		if err != nil {
			return err
		}
		mins := int(math.Round((f - day) * 24 * 60))
		v.Date, v.Start = d, fmt.Sprintf("%02d:%02d", mins/60, mins%60)
		return nil
	}
	datePart, timePart := s, ""
	if loc := clockInText.FindStringIndex(s); loc != nil && loc[0] > 0 {
		datePart, timePart = s[:loc[0]], s[loc[0]:]
	}
	d, err := parseDateCell(strings.TrimSpace(datePart))
	if err != nil && !isWarning(err) {
		return err
	}
	if d.Day == 0 {
		return fmt.Errorf("会议日期“%s”要写到哪一天，例如 2025-03-05", s)
	}
	v.Date = d
	return v.setSpan(timePart)
}

// setSpan reads 14:30, 14:30-16:00 or 下午2点至4点.
func (v *meetingCells) setSpan(s string) error {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	parts := spanSep.Split(s, 2)
	start, err := data.ParseClock(parts[0])
	if err != nil {
		return err
	}
	v.Start = start
	if len(parts) == 2 {
		end := parts[1]
		if p := clockPrefix(parts[0]); p != "" && clockPrefix(end) == "" {
			end = p + end // 下午2点至4点: the end is in the afternoon too
		}
		if v.End, err = data.ParseClock(end); err != nil {
			return err
		}
	}
	return nil
}

func clockPrefix(s string) string {
	for _, p := range []string{"上午", "下午", "晚上", "中午"} {
		if strings.HasPrefix(strings.TrimSpace(s), p) {
			return p
		}
	}
	return ""
}

// durationPattern reads 2小时, 1.5小时, 90分钟, 1小时30分钟, 90.
var durationPattern = regexp.MustCompile(`^(?:(\d+(?:\.\d+)?)\s*(?:个)?(?:小时|h|H|时))?\s*(?:(\d+)\s*(?:分钟|分|min))?$`)

// readDuration returns minutes. A bare number up to 8 is hours, above it
// minutes: no meeting lasts 9 hours, none lasts 8 minutes.
func readDuration(s string) (int, error) {
	s = strings.TrimSpace(strings.Map(foldWidth, s))
	if f, err := strconv.ParseFloat(s, 64); err == nil && f > 0 {
		if f <= 8 {
			return int(math.Round(f * 60)), nil
		}
		return int(math.Round(f)), nil
	}
	m := durationPattern.FindStringSubmatch(s)
	if m == nil || (m[1] == "" && m[2] == "") {
		return 0, fmt.Errorf("时长“%s”看不懂，请写成“90分钟”或“1.5小时”", s)
	}
	total := 0.0
	if m[1] != "" {
		h, _ := strconv.ParseFloat(m[1], 64)
		total = h * 60
	}
	if m[2] != "" {
		mins, _ := strconv.Atoi(m[2])
		total += float64(mins)
	}
	return int(math.Round(total)), nil
}

// nameSplit separates the names of a list cell.
var nameSplit = regexp.MustCompile(`[、，,;；\s\x{3000}]+`)

// reasonInBrackets is 张三（出差） or 张三(病假).
var reasonInBrackets = regexp.MustCompile(`^(.+?)[（(](.*)[）)]$`)

// maxListedNames bounds a name list: far beyond any branch, and it keeps
// a hostile cell from costing a lookup per fragment.
const maxListedNames = 1000

// splitNames reads a list of names; a reason may follow a name in brackets.
func splitNames(s string) ([]nameEntry, error) {
	var out []nameEntry
	for _, part := range nameSplit.Split(s, -1) {
		if part == "" {
			continue
		}
		if len(out) == maxListedNames {
			return nil, fmt.Errorf("名单超过 %d 人，不像是一个党支部的会议，请核对这一格", maxListedNames)
		}
		e := nameEntry{Name: part}
		if m := reasonInBrackets.FindStringSubmatch(part); m != nil {
			e = nameEntry{Name: m[1], Reason: strings.TrimSpace(m[2])}
		}
		out = append(out, e)
	}
	return out, nil
}

// finishMeeting fills what one column leaves to another and checks what a
// sitting needs.
func finishMeeting(v *meetingCells) []data.FieldIssue {
	var out []data.FieldIssue
	if len(v.Types) == 0 {
		v.Types = v.TitleTypes
	}
	if len(v.Types) == 0 && v.TypeText == "" {
		out = append(out, data.FieldIssue{Field: mhType,
			Message: "没有会议类型：请填写会议类型，或在活动名称中写明（如“党课”“主题党日”“支委会”）"})
	}
	if v.Date.IsZero() {
		out = append(out, data.FieldIssue{Field: mhDate, Message: "没有会议日期"})
	}
	if v.Topic == "" && v.Title != "" && slices.Contains(v.Types, data.TypeLecture) {
		v.Topic = v.Title // 活动名称 of a 党课 is its 题目
	}
	if v.Title == strings.Join(typeNames(v.Types), "、") {
		v.Title = "" // the title is only the types: the minutes derive it
	}
	if v.Minutes > 0 {
		if v.Start != "" && v.End == "" {
			v.End = addMinutes(v.Start, v.Minutes)
		} else if v.Start == "" {
			v.Note = joinRemark(v.Note, fmt.Sprintf("时长：%d分钟", v.Minutes))
		}
	}
	return out
}

// addMinutes is "14:30" + 90 = "16:00", kept within the day.
func addMinutes(clock string, minutes int) string {
	var h, m int
	fmt.Sscanf(clock, "%d:%d", &h, &m)
	t := min(h*60+m+minutes, 23*60+59)
	return fmt.Sprintf("%02d:%02d", t/60, t%60)
}
