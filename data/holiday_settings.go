package data

import (
	"fmt"

	"partyoffice/data/holidays"
)

// The user's holiday and 调休 table: later years than the official table
// ships (or a correction of one), kept as a setting in the same text format
// as data/holidays/official.txt. A year it lists replaces the official one
// whole (docs/rules.md, "Working days").
const settingHolidays = "holidays"

// HolidayTable is the official table with the user's years merged in. A
// stored table that no longer parses is reported, not silently dropped.
func (s *Store) HolidayTable() (holidays.Table, error) {
	official := holidays.Official()
	text := s.Setting(settingHolidays)
	if text == "" {
		return official, nil
	}
	user, err := holidays.Parse(text)
	if err != nil {
		return official, fmt.Errorf("设置中的节假日安排有误，已按国家公布的表计算：%w", err)
	}
	return official.Merge(user), nil
}

// UserHolidays is the user's table as entered ("" when none).
func (s *Store) UserHolidays() string { return s.Setting(settingHolidays) }

// SetUserHolidays checks and stores the user's table ("" removes it).
func (s *Store) SetUserHolidays(text string) error {
	if _, err := holidays.Parse(text); err != nil {
		return err
	}
	return s.SetSetting(settingHolidays, text)
}
