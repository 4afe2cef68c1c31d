package data

import (
	"errors"
	"fmt"
	"testing"
)

// TestFullDiskIsWordedAndLosesNothing limits the database's size the way a
// full disk would (SQLite's max_page_count gives the same SQLITE_FULL): the
// write fails with a plain message, the earlier data is intact, and once
// there is room again writing works.
func TestFullDiskIsWordedAndLosesNothing(t *testing.T) {
	fileOnly(t)
	s := openTemp(t)
	s.CreatePerson(member("之前", "11010519491231002X"))
	var pages int64
	s.db.Raw("PRAGMA page_count").Scan(&pages)
	if err := s.db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages)).Error; err != nil {
		t.Fatal(err)
	}
	var err error
	for i := 0; i < 200 && err == nil; i++ {
		p := &Person{Name: "很长的备注", Remark: string(make([]byte, 2000))}
		err = s.CreatePerson(p)
	}
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("writing into a full database: %v", err)
	}
	if n := s.CheckIntegrity(); n != nil {
		t.Fatalf("database damaged: %v", n)
	}
	s.db.Exec("PRAGMA max_page_count = 1073741823")
	if err := s.CreatePerson(member("之后", "440524188001010014")); err != nil {
		t.Fatalf("after freeing space: %v", err)
	}
	if _, found, _ := s.PersonByIDNumber("11010519491231002X"); !found {
		t.Error("earlier data lost")
	}
}

func TestPlainWriteErrors(t *testing.T) {
	cases := map[string]error{
		"database or disk is full (13)":               ErrDiskFull,
		"attempt to write a readonly database (8)":    ErrReadOnly,
		"database is locked (5) (SQLITE_BUSY)":        ErrBusy,
		"disk I/O error (10)":                         ErrDiskIO,
		"write /x/partyoffice.db: no space left on d": ErrDiskFull,
	}
	for msg, want := range cases {
		if got := plainWriteError(errors.New(msg)); !errors.Is(got, want) {
			t.Errorf("%q → %v", msg, got)
		}
	}
	own := errors.New("姓名不能为空")
	if plainWriteError(own) != own {
		t.Error("the store's own message was replaced")
	}
}
