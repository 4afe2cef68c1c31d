package holidays

import (
	"strings"
	"testing"

	"partyoffice/data/civil"
)

func day(s string) civil.Date {
	d, err := civil.ParseISO(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestOfficialTable(t *testing.T) {
	tab := Official()
	years := tab.Years()
	if len(years) != 13 || years[0] != 2014 || years[len(years)-1] != 2026 {
		t.Fatalf("covered years %v, want 2014–2026", years)
	}
	if tab.Covers(2027) || tab.Covers(2013) {
		t.Error("2027 and 2013 are not in the official table")
	}
	for date, want := range map[string]bool{
		"2026-10-01": false, // 国庆 Thursday
		"2026-10-07": false, // 国庆 Wednesday
		"2026-10-08": true,  // Thursday after
		"2026-10-10": true,  // Saturday 调休
		"2026-10-11": false, // Sunday
		"2026-09-20": true,  // Sunday 调休
		"2026-02-14": true,  // Saturday 调休 before 春节
		"2026-02-23": false, // Monday, 春节
		"2025-10-08": false, // 国庆中秋 eight days
		"2025-10-11": true,
		"2020-01-31": false, // 春节 extended to 2 February
		"2020-02-01": false, // the 调休 Saturday cancelled by the extension
		"2020-02-03": true,
		"2018-12-29": true, // 调休 for 元旦 2019
		"2015-09-03": false,
		"2015-09-06": true,
		"2027-01-01": true, // Friday, no table: Monday to Friday
	} {
		if got := tab.Workday(day(date)); got != want {
			t.Errorf("%s: workday %v, want %v", date, got, want)
		}
	}
}

func TestParseRefusesWhatItCannotRead(t *testing.T) {
	for _, text := range []string{
		"2027-10-01 放假",
		"2027-10-01..2027-09-30 休",
		"2027-10-01..2027-12-30 休",
		"2027-10 休",
		"年份 abc",
		"年份",
		strings.Repeat("\n", maxLines+1),
		"# " + strings.Repeat("长", maxBytes),
	} {
		if _, err := Parse(text); err == nil {
			t.Errorf("%q: want an error", text)
		}
	}
	if _, err := Parse("# 注释\n\n年份 2027 通知\n2027-01-01 休 元旦 # 说明"); err != nil {
		t.Errorf("a valid table was refused: %v", err)
	}
}

// A user's table adds 2027 and replaces a year whole (its holidays and
// working days), keeping the other years official.
func TestMergeReplacesTheUsersYears(t *testing.T) {
	user, err := Parse("年份 2027 用户补充\n2027-02-05..2027-02-11 休 春节\n2027-02-13 班 调休\n" +
		"年份 2026 更正\n2026-10-01..2026-10-02 休 国庆")
	if err != nil {
		t.Fatal(err)
	}
	tab := Official().Merge(user)
	for date, want := range map[string]bool{
		"2027-02-05": false, "2027-02-13": true, "2027-02-12": true,
		"2026-10-05": true,  // the user's 2026 has no 5 October holiday
		"2026-10-10": false, // nor the 调休 Saturday
		"2026-10-01": false,
		"2025-10-08": false, // other years stay official
	} {
		if got := tab.Workday(day(date)); got != want {
			t.Errorf("%s: workday %v, want %v", date, got, want)
		}
	}
	if !tab.Covers(2027) || tab.Source(2026) != "更正" {
		t.Errorf("covered %v, 2026 source %q", tab.Years(), tab.Source(2026))
	}
}
