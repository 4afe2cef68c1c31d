// Package compliance judges the branch's meeting record (三会一课, 主题党日,
// 组织生活会, 民主评议, 意识形态专题会议, 专题研讨) against its settings: which
// required meetings of each month, quarter, semester and year are done, due
// or missed; the 支部书记's 思政课; who has not taken part in 组织生活 for six
// months; the statistics of the 开展情况统计表; and the verdict of each vote
// (through data/rules.EvaluateVote). Like package data/rules, everything
// here is a pure function of loaded values and a date: no database, no clock.
//
// The records themselves, their settings and the 应到 of each sitting live in
// package data (meeting*.go).
package compliance

import (
	"partyoffice/data"
	"partyoffice/data/civil"
)

// Data is everything the judgements read, loaded in a few queries.
type Data struct {
	Branch    data.Branch
	People    []data.Person
	Groups    []data.PartyGroup
	Meetings  []data.Meeting // oldest first, with attendance and decisions only (Store.MeetingsToJudge)
	ClassLogs []data.ClassLog
	Settings  data.MeetingSettings // as stored (the settings screen edits them)
	// NationalOnly: the local requirements are off; the judgement uses
	// Settings.NationalOnly() (docs/rules.md, "Local requirements").
	NationalOnly bool
}

// Load reads the whole meeting record and what judging it needs.
func Load(s *data.Store) (*Data, error) {
	d := &Data{}
	var err error
	if d.Branch, err = s.Branch(); err != nil {
		return nil, err
	}
	if d.People, err = s.People(); err != nil {
		return nil, err
	}
	if d.Groups, err = s.Groups(); err != nil {
		return nil, err
	}
	if d.Meetings, err = s.MeetingsToJudge(); err != nil {
		return nil, err
	}
	if d.ClassLogs, err = s.ClassLogs(civil.Date{}, civil.Date{}); err != nil {
		return nil, err
	}
	d.Settings, err = s.MeetingSettings()
	d.NationalOnly = !s.LocalRequirements()
	return d, err
}

// MeetingByID finds a loaded sitting, or nil.
func (d *Data) MeetingByID(id uint) *data.Meeting {
	for i := range d.Meetings {
		if d.Meetings[i].ID == id {
			return &d.Meetings[i]
		}
	}
	return nil
}
