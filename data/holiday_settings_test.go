package data

import (
	"testing"
)

// The user's table adds a year to the official one and reaches the checks
// through LoadDevData; a table that does not parse is refused.
func TestUserHolidaysReachTheChecks(t *testing.T) {
	s := openTemp(t)
	if err := s.SetUserHolidays("2027-10-01 放假"); err == nil {
		t.Error("a table that does not parse was stored")
	}
	if err := s.SetUserHolidays("年份 2027 用户补充\n2027-10-01..2027-10-07 休 国庆节\n2027-10-09 班 调休"); err != nil {
		t.Fatal(err)
	}
	dd, err := s.LoadDevData()
	if err != nil {
		t.Fatal(err)
	}
	if !dd.Holidays.Covers(2027) || !dd.Holidays.Covers(2014) {
		t.Fatalf("covered years %v, want 2014–2027", dd.Holidays.Years())
	}
	if dd.Holidays.Workday(d("2027-10-04")) || !dd.Holidays.Workday(d("2027-10-09")) {
		t.Error("the user's 2027 holidays are not in the branch's table")
	}
	if err := s.SetUserHolidays(""); err != nil {
		t.Fatal(err)
	}
	if dd, _ := s.LoadDevData(); dd.Holidays.Covers(2027) {
		t.Error("removing the user's table keeps 2027")
	}
}
