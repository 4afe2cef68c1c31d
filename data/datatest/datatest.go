// Package datatest holds the test helpers shared by the packages built on
// data (data's external tests, reports, cmd, ui, demo): a store in a
// temporary folder on a fixed day, and builders for people, 发展党员 records
// and meetings with sensible defaults. Only tests import it.
//
// The package's own tests (package data, internal) cannot import it: that
// would be an import cycle. Write new store tests as package data_test where
// they need no internals.
package datatest

import (
	"fmt"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/idcard"
	"partyoffice/data/pgtest"
)

// Today is the day a Store from this package lives on, so rules and "not
// after today" checks give the same results whatever the computer's date.
var Today = civil.New(2026, 6, 15)

// BranchName is the branch that Folder sets up.
const BranchName = "测试小学党支部"

// Store is an empty store in a temporary folder whose clock stands at Today;
// it is closed when the test ends. When make test runs the suite on
// PostgreSQL (pgtest.OnServer) its records live in a fresh database there.
func Store(t testing.TB) *data.Store {
	t.Helper()
	var s *data.Store
	if pgtest.OnServer() {
		s = ServerStore(t)
	} else {
		s = StoreIn(t, t.TempDir())
	}
	s.SetClock(func() civil.Date { return Today })
	return s
}

// ServerStore is an empty store in a fresh database of the test server
// (skipped, saying so, when there is none), closed when the test ends.
func ServerStore(t testing.TB) *data.Store {
	t.Helper()
	return ServerStoreOn(t, pgtest.Database(t))
}

// ServerStoreOn opens a store on the database dsn (a second client of the
// same database, for tests of two PCs at once), closed when the test ends.
func ServerStoreOn(t testing.TB, dsn string) *data.Store {
	t.Helper()
	s, err := data.OpenServer(dsn, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.SetClock(func() civil.Date { return Today })
	return s
}

// EachBackend runs fn once on a SQLite store and once on a PostgreSQL one
// (a subtest each; the server's skips without a test server).
func EachBackend(t *testing.T, fn func(t *testing.T, s *data.Store)) {
	t.Run("sqlite", func(t *testing.T) {
		s := StoreIn(t, t.TempDir())
		s.SetClock(func() civil.Date { return Today })
		fn(t, s)
	})
	t.Run("postgres", func(t *testing.T) { fn(t, ServerStore(t)) })
}

// StoreIn opens the store of dir (creating it), closed when the test ends.
// Its clock is the computer's: the folder may come from the CLI, which has
// no other.
func StoreIn(t testing.TB, dir string) *data.Store {
	t.Helper()
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Folder is a closed data folder holding BranchName and one 正式党员 per
// name (甲, 乙, 丙 when none are given): enough for most command tests, and
// far quicker than the demo.
func Folder(t testing.TB, names ...string) string {
	t.Helper()
	if len(names) == 0 {
		names = []string{"甲", "乙", "丙"}
	}
	dir := t.TempDir()
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SaveBranch(data.Branch{Name: BranchName}); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if err := s.CreatePerson(&data.Person{Name: name, Stage: data.StageFull}); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Day reads a date literal of a test: 2026-06-15, 2008-07 or 2008. A
// malformed literal is a mistake in the test and panics.
func Day(s string) civil.Date {
	d, err := civil.ParseISO(s)
	if err != nil {
		panic(fmt.Sprintf("datatest.Day(%q): %v", s, err))
	}
	return d
}

// IDNumber is a valid 18-digit 公民身份号码: area 640106, the birth date
// (yyyymmdd), a three-digit sequence (odd = male) and the check digit.
func IDNumber(birth string, seq int) string {
	first17 := fmt.Sprintf("640106%s%03d", birth, seq%1000)
	return first17 + string(idcard.CheckDigit(first17))
}

// Member is a 正式党员 who joined on 2010-07-01 and became full a year later.
func Member(name, id string) *data.Person {
	return &data.Person{Name: name, IDNumber: id, Stage: data.StageFull,
		JoinDate: Day("2010-07-01"), FullDate: Day("2011-07-01")}
}

// Create stores the people one by one (through the audited path the forms
// use) and returns their IDs in order.
func Create(t testing.TB, s *data.Store, people ...*data.Person) []uint {
	t.Helper()
	ids := make([]uint, len(people))
	for i, p := range people {
		if err := s.CreatePerson(p); err != nil {
			t.Fatalf("create %s: %v", p.Name, err)
		}
		ids[i] = p.ID
	}
	return ids
}

// Step is a 发展党员 record of step n on date, with the step's first role
// for each named person (names need not be in the register).
func Step(n int, date civil.Date, names ...string) data.DevStep {
	st := data.DevStep{Step: n, Date: date}
	role := data.StepDefFor(n).People
	for _, name := range names {
		st.People = append(st.People, data.DevStepPerson{Role: role[0].Role, Name: name})
	}
	return st
}

// Meeting is a sitting of the given types on date (of the 党小组 group, or
// nil) with the store's register as attendance, everyone present, 15:30–17:00
// in 学校会议室. The caller adjusts it and calls SaveMeeting.
func Meeting(t testing.TB, s *data.Store, date civil.Date, group *uint, types ...data.MeetingType) data.Meeting {
	t.Helper()
	basis, err := s.AttendanceBasis()
	if err != nil {
		t.Fatal(err)
	}
	m := basis.NewMeeting(types, date, group)
	m.Place, m.Start, m.End = "学校会议室", "15:30", "17:00"
	m.Host, m.Recorder = "王主持", "李记录"
	return m
}

// AddUsers creates the server sign-ins on the owner's store admin (the
// branch users and 区管理员 of the tests of row-level security).
func AddUsers(t testing.TB, admin *data.Store, users ...data.ServerUser) {
	t.Helper()
	for _, u := range users {
		if err := admin.AddServerUser(u); err != nil {
			t.Fatalf("add %s: %v", u.Login, err)
		}
	}
}
