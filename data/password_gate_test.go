package data

import (
	"errors"
	"testing"
	"time"
)

func TestWrongPasswordPauseSurvivesARestart(t *testing.T) {
	s := openTemp(t)
	dir := s.Dir()
	if err := s.SetAppPassword("", "正确的密码2026"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if set, _ := AppPasswordSetIn(dir); !set {
		t.Fatal("password not seen as set")
	}
	clock := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	defer func(f func() time.Time) { now = f }(now)
	now = func() time.Time { return clock }
	for i := 1; i < MaxWrongPasswords; i++ {
		if err := VerifyAppPassword(dir, "猜"); !errors.Is(err, ErrWrongAppPassword) {
			t.Fatalf("try %d: %v", i, err)
		}
	}
	VerifyAppPassword(dir, "猜") // the fifth wrong one starts the pause
	// A new process (a restart, the next CLI call) knows only the files.
	if err := VerifyAppPassword(dir, "正确的密码2026"); !errors.Is(err, ErrPasswordPaused) {
		t.Fatalf("during the pause: %v", err)
	}
	clock = clock.Add(WrongPasswordPause + time.Second)
	if err := VerifyAppPassword(dir, "正确的密码2026"); err != nil {
		t.Fatalf("after the pause: %v", err)
	}
}

func TestPasswordPauseTellsTheWait(t *testing.T) {
	s := openTemp(t)
	dir := s.Dir()
	if err := s.SetAppPassword("", "正确的密码2026"); err != nil {
		t.Fatal(err)
	}
	clock := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	defer func(f func() time.Time) { now = f }(now)
	now = func() time.Time { return clock }
	for i := 0; i < MaxWrongPasswords; i++ {
		if got := PasswordPause(dir); got != 0 {
			t.Fatalf("after %d wrong: pause %v, want none", i, got)
		}
		VerifyAppPassword(dir, "猜")
	}
	if got := PasswordPause(dir); got != WrongPasswordPause {
		t.Errorf("pause = %v, want %v", got, WrongPasswordPause)
	}
	clock = clock.Add(WrongPasswordPause - time.Second)
	if got := PasswordPause(dir); got != time.Second {
		t.Errorf("a second before its end: %v", got)
	}
	clock = clock.Add(2 * time.Second)
	if got := PasswordPause(dir); got != 0 {
		t.Errorf("after its end: %v", got)
	}
}
