package data

import (
	"errors"
	"fmt"
	"slices"

	"gorm.io/gorm"
)

// errDryRun rolls back a transaction that only checked.
var errDryRun = errors.New("dry run")

// CheckMeetings runs each sitting through exactly the checks SaveMeetings
// makes, in one transaction that is then rolled back, so an import preview
// reports the errors the import would meet. It returns one error (or nil)
// per sitting; a sitting is checked as if the ones before it without error
// were saved. The sittings are not changed.
func (s *Store) CheckMeetings(ms []*Meeting) ([]error, error) {
	errs := make([]error, len(ms))
	err := s.write(func(tx *Tx) error {
		basis, err := loadAttendanceBasis(tx.DB)
		if err != nil {
			return err
		}
		for i, m := range ms {
			c := m.copyForCheck()
			errs[i] = tx.Transaction(func(g *gorm.DB) error { // a savepoint: a failed sitting leaves nothing
				return (&Tx{DB: g, actor: tx.actor, today: tx.today}).saveMeeting(c, &basis)
			})
		}
		return errDryRun
	})
	if !errors.Is(err, errDryRun) {
		return nil, err
	}
	return errs, nil
}

// copyForCheck copies what saveMeeting changes.
func (m *Meeting) copyForCheck() *Meeting {
	c := *m
	c.Types = slices.Clone(m.Types)
	c.Attendance = slices.Clone(m.Attendance)
	c.Speeches = slices.Clone(m.Speeches)
	c.Decisions = slices.Clone(m.Decisions)
	c.Attachments = nil
	return &c
}

// ImportMeetings saves sittings read from a spreadsheet in one transaction
// (all or none, each audited as SaveMeeting audits), after a backup when the
// store holds data.
func (s *Store) ImportMeetings(ms []*Meeting) error {
	if n, _ := s.CountPeople(); n > 0 {
		if _, err := s.Backup("导入前"); err != nil {
			return fmt.Errorf("导入前的自动备份失败，未导入任何数据：%w", err)
		}
	}
	return s.SaveMeetings(ms)
}

// SittingOn finds the stored sitting that m repeats: the same date, types
// and 党小组 (an import run twice must not record a meeting twice).
func SittingOn(stored []Meeting, m *Meeting) *Meeting {
	for i := range stored {
		if SameSitting(&stored[i], m) {
			return &stored[i]
		}
	}
	return nil
}
