// Package demo fills an empty store with a realistic school 党支部, for
// trying the application out, for screenshots and for tests that need a
// populated database. The data is the same on every run for a given date: the
// people are a hand-written table and the details that are only noise (ID
// number sequence digits, phone numbers, house numbers, days of the month)
// come from a fixed-seed generator.
//
// Every record is written through the Store's public methods, so the demo
// data is audited like anything a user types in.
package demo

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// ErrNotEmpty is returned by Fill for a store that already holds people.
var ErrNotEmpty = errors.New("数据库中已有人员记录，示例数据只能载入空的数据库")

// earliestToday is the first date the table of people is consistent with:
// its last 正式党员 joined in 2022 and must have completed the 预备期.
var earliestToday = civil.New(2024, 1, 1)

// seed fixes the generator so that two runs on the same date give the same data.
const seed1, seed2 = 20260701, 5

// filler carries what the steps of Fill share.
type filler struct {
	store  *data.Store
	today  civil.Date
	rng    *rand.Rand
	branch data.Branch
	groups map[string]*data.PartyGroup // by name
	people map[string]*data.Person     // by name, as created
}

// Fill loads the demo branch into s as of today. today must not be later
// than the real date: status changes (转出, 流动 …) are dated before it and
// the store refuses changes dated in the future.
func Fill(s *data.Store, today civil.Date) error {
	n, err := s.CountPeople()
	if err != nil {
		return err
	}
	if n > 0 {
		return ErrNotEmpty
	}
	if today.Precision() != civil.DayPrecision || today.Before(earliestToday) {
		return fmt.Errorf("示例数据需要 %s 以后的完整日期，现在是“%s”", earliestToday, today)
	}
	f := &filler{
		store:  s,
		today:  today,
		rng:    rand.New(rand.NewPCG(seed1, seed2)),
		groups: map[string]*data.PartyGroup{},
		people: map[string]*data.Person{},
	}
	// Later additions (发展党员 pipeline, meetings, 党费) go here as further
	// steps, each in its own file, after the members they refer to.
	steps := []func() error{
		f.fillGroups,
		f.fillMembers,
		f.fillGroupLeaders,
		f.fillBranch,
		f.fillStatusChanges,
		f.fillPipeline,
		f.fillMeetings,
		f.fillDues,
		f.fillYearWork,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("载入示例数据失败：%w", err)
		}
	}
	return nil
}

// daysAgo is a date relative to today, for records that must stay recent
// whatever day the demo is loaded.
func (f *filler) daysAgo(n int) civil.Date { return f.today.AddDays(-n) }
