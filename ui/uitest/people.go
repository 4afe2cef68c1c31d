//go:build ci

package uitest

import (
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/compliance"
	"partyoffice/data/idcard"
	"partyoffice/ui/core"
)

// ValidID makes a correct 18-digit number: area code, birth date YYYYMMDD, a three-digit
// sequence (odd last digit = 男), and the computed check digit.
func ValidID(area, birth, seq string) string {
	n := area + birth + seq
	return n + string(idcard.CheckDigit(n))
}

// FullMember is a consistent 正式党员: joined on join, full member a year later.
func FullMember(name, id string, join civil.Date) data.Person {
	p := data.Person{Name: name, IDNumber: id, Stage: data.StageFull, JoinDate: join, FullDate: join.AddMonths(12)}
	p.Normalize()
	return p
}

// StoreMembers stores the people and returns them with their IDs.
func StoreMembers(t *testing.T, a *core.App, people ...data.Person) []data.Person {
	t.Helper()
	for i := range people {
		if err := a.Store.CreatePerson(&people[i]); err != nil {
			t.Fatalf("create %s: %v", people[i].Name, err)
		}
	}
	return people
}

// ThreeMembers are 张三 (语文教师), 李四 (数学教师, 预备党员) and 王五 (校长).
func ThreeMembers(t *testing.T, a *core.App) []data.Person {
	t.Helper()
	zhang := FullMember("张三", ValidID("640106", "19850312", "013"), civil.New(2010, 7, 1))
	zhang.Post, zhang.Mobile = "语文教师", "13912345678"
	li := data.Person{Name: "李四", IDNumber: ValidID("640106", "19900105", "024"), Stage: data.StageProbationer,
		JoinDate: civil.New(2026, 1, 10), Post: "数学教师"}
	li.Normalize()
	wang := FullMember("王五", ValidID("640104", "19720830", "035"), civil.New(1998, 6, 20))
	wang.Post = "校长"
	return StoreMembers(t, a, zhang, li, wang)
}

// Applicant stores a new 入党申请人 through the store.
func Applicant(t *testing.T, a *core.App, name string, applied civil.Date) data.Person {
	t.Helper()
	p := data.Person{Name: name, Gender: "女", BirthDate: civil.New(1996, 5, 4)}
	if err := a.Store.NewApplicant(&p, applied); err != nil {
		t.Fatalf("new applicant %s: %v", name, err)
	}
	return p
}

// SaveStep stores a record directly (for setting a scene, not for what is tested).
func SaveStep(t *testing.T, a *core.App, st data.DevStep) {
	t.Helper()
	if err := a.Store.SaveDevStep(&st); err != nil {
		t.Fatalf("save step %d: %v", st.Step, err)
	}
}

// Mentors are two 正式党员 since 2006, eligible as 培养联系人 and 入党介绍人.
func Mentors(t *testing.T, a *core.App) {
	t.Helper()
	StoreMembers(t, a,
		FullMember("李红", ValidID("640106", "19780312", "024"), civil.New(2005, 7, 1)),
		FullMember("张明", ValidID("640106", "19800105", "013"), civil.New(2005, 7, 1)))
}

func PersonNamed(t *testing.T, a *core.App, name string) data.Person {
	t.Helper()
	people, err := a.Store.People()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no person %s in the store", name)
	return data.Person{}
}

// AddPeople stores people and fails the test on error.
func AddPeople(t *testing.T, s *data.Store, people ...data.Person) {
	t.Helper()
	for i := range people {
		if err := s.CreatePerson(&people[i]); err != nil {
			t.Fatalf("create %s: %v", people[i].Name, err)
		}
	}
}

// MeetingDay is the day the tests' sittings are held, before testToday.
var MeetingDay = civil.New(2026, 6, 10)

// HoldMeeting stores a sitting with everyone expected present.
func HoldMeeting(t *testing.T, a *core.App, date civil.Date, types ...data.MeetingType) data.Meeting {
	t.Helper()
	basis, err := a.Store.AttendanceBasis()
	if err != nil {
		t.Fatal(err)
	}
	m := basis.NewMeeting(types, date, nil)
	m.Host, m.Recorder = "王五", "张三"
	if _, err := compliance.Save(a.Store, &m); err != nil {
		t.Fatalf("save sitting: %v", err)
	}
	return m
}
