// Package yearwork works out the year's progress from the records of the
// yearly registers: 学时 per person against the training targets, the
// 谈心谈话 coverage matrix, the 工作责任清单 and 问题整改 reminders, and the
// 年度目标 card (seed R1–R15 of the district plan; docs/rules.md). It reads
// through package data and writes nothing.
package yearwork

import (
	"partyoffice/data"
)

// Data is what the computations read.
type Data struct {
	Branch      data.Branch
	People      []data.Person
	Courses     []data.TrainingCourse
	Attendance  []data.TrainingAttendance
	Roster      []data.TrainingRoster
	Talks       []data.Talk
	Tasks       []data.DutyTask
	Problems    []data.Problem
	WorkItems   []data.WorkItem
	Improvement []data.Improvement
	Appraisals  []data.AppraisalResult
	Brands      []data.BrandRecord
	Vanguards   []data.VanguardPost
	Stars       []data.StarRating
	Reviews     []data.SecretaryReview
	Coverage    data.TalkCoverage
}

// Load reads every yearly register.
func Load(s *data.Store) (*Data, error) {
	d := &Data{Coverage: data.DefaultTalkCoverage}
	var err error
	if d.Branch, err = s.Branch(); err != nil {
		return nil, err
	}
	if d.People, err = s.People(); err != nil {
		return nil, err
	}
	loads := []func() error{
		func() (err error) { d.Courses, err = data.Records[data.TrainingCourse](s, "start, id", ""); return },
		func() (err error) { d.Attendance, err = data.Records[data.TrainingAttendance](s, "id", ""); return },
		func() (err error) { d.Roster, err = data.Records[data.TrainingRoster](s, "year, id", ""); return },
		func() (err error) { d.Talks, err = data.Records[data.Talk](s, "date, id", ""); return },
		func() (err error) { d.Tasks, err = data.Records[data.DutyTask](s, "year, deadline, id", ""); return },
		func() (err error) { d.Problems, err = data.Records[data.Problem](s, "year, deadline, id", ""); return },
		func() (err error) { d.WorkItems, err = data.Records[data.WorkItem](s, "year, due, id", ""); return },
		func() (err error) { d.Improvement, err = data.Records[data.Improvement](s, "year, id", ""); return },
		func() (err error) { d.Appraisals, err = data.Records[data.AppraisalResult](s, "year, id", ""); return },
		func() (err error) { d.Brands, err = data.Records[data.BrandRecord](s, "year, id", ""); return },
		func() (err error) { d.Vanguards, err = data.Records[data.VanguardPost](s, "year, id", ""); return },
		func() (err error) { d.Stars, err = data.Records[data.StarRating](s, "year, id", ""); return },
		func() (err error) { d.Reviews, err = data.Records[data.SecretaryReview](s, "year, id", ""); return },
	}
	for _, load := range loads {
		if err := load(); err != nil {
			return nil, err
		}
	}
	return d, nil
}
