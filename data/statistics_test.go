package data

import (
	"slices"
	"testing"

	"partyoffice/data/civil"
)

func TestAgeBandsAndEducationCountTheRegisterOnly(t *testing.T) {
	on := civil.New(2026, 6, 15)
	member := func(birth civil.Date, edu string) Person {
		return Person{Stage: StageFull, Roll: RollActive, BirthDate: birth, Education: edu}
	}
	people := []Person{
		member(civil.New(2000, 1, 1), "大学本科"),  // 26
		member(civil.New(1986, 6, 15), "研究生"),  // 40 on the day
		member(civil.New(1986, 6, 16), "大学本科"), // 39
		member(civil.Date{}, ""),
		member(civil.New(1950, 1, 1), "私塾"),
		{Stage: StageApplicant, Roll: RollActive, BirthDate: civil.New(2001, 1, 1), Education: "研究生"}, // not a member
		{Stage: StageFull, Roll: RollTransferred, BirthDate: civil.New(2001, 1, 1)},                   // left
	}
	got := AgeBands(people, on)
	want := []Tally{{"30岁及以下", 1}, {"31-40岁", 2}, {"41-50岁", 0}, {"51-60岁", 0}, {"61岁及以上", 1}, {Unrecorded, 1}}
	if !slices.Equal(got, want) {
		t.Errorf("AgeBands = %v, want %v", got, want)
	}
	edu := EducationTally(people)
	wantEdu := []Tally{{"研究生", 1}, {"大学本科", 2}, {"私塾", 1}, {Unrecorded, 1}}
	if !slices.Equal(edu, wantEdu) {
		t.Errorf("EducationTally = %v, want %v", edu, wantEdu)
	}
}
