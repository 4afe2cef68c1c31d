package reports

import "partyoffice/data"

// MeetingReport is one of the 三会一课 workbooks, listed once for the
// window's export dialog and for `partyoffice export`.
type MeetingReport struct {
	Kind  string // the CLI's name for it: partyoffice export <Kind>
	Title string // what it is called: file names, messages
	Note  string // said after the title where the window offers it
	Help  string // what it holds, for the help text
	Write func(path string, s *data.Store, opt MeetingReportOptions) error
}

// MeetingReports are the 三会一课 workbooks, in the order they are offered.
var MeetingReports = []MeetingReport{
	{Kind: "meetings-summary", Title: "三会一课开展情况统计表", Write: ExportMeetingSummary,
		Help: "各类会议逐月召开次数、应开展次数和完成情况"},
	{Kind: "attendance", Title: "党员参加组织生活考勤表", Write: ExportMeetingAttendance,
		Help: "每名党员每次会议的出席情况和出席率"},
	{Kind: "minutes", Title: "会议记录", Note: "每次会议一页，可打印装订", Write: ExportMinutes,
		Help: "每次会议一页（A4纵向），附签字栏，供打印装订"},
}

// Offered is the report's title as a list offers it, with its note.
func (r MeetingReport) Offered() string {
	if r.Note == "" {
		return r.Title
	}
	return r.Title + "（" + r.Note + "）"
}
