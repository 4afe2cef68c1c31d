package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// The app password also guards the command line: with one set, a command
// that reads or writes personal data needs it (VerifyAppPassword). Wrong
// passwords are counted in a file of the data folder, so the pause after
// too many of them holds across restarts of the program and across CLI
// calls (a script cannot just try again).

// Failed-attempt limits: after MaxWrongPasswords wrong passwords in a row,
// every check is refused for WrongPasswordPause.
const (
	MaxWrongPasswords  = 5
	WrongPasswordPause = 30 * time.Second
	attemptsFile       = "app-lock-attempts.json"
)

// ErrPasswordPaused: too many wrong passwords; wait (the message says how
// long).
var ErrPasswordPaused = errors.New("密码错误次数过多，请稍后再试")

// now is the clock of the pause (tests move it).
var now = time.Now

type attempts struct {
	Wrong       int       `json:"wrong"`
	PausedUntil time.Time `json:"paused_until"`
}

// AppPasswordSetIn reports whether the data folder dir has an app password.
func AppPasswordSetIn(dir string) (bool, error) {
	f, err := readAppLockIn(dir)
	return len(f.Hash) > 0, err
}

// VerifyAppPassword checks pw against the app password of the data folder
// dir: nil when it matches (or none is set), ErrWrongAppPassword, or
// ErrPasswordPaused during the pause after too many wrong ones.
func VerifyAppPassword(dir, pw string) error {
	f, err := readAppLockIn(dir)
	if err != nil || len(f.Hash) == 0 {
		return err
	}
	a := readAttempts(dir)
	if wait := a.PausedUntil.Sub(now()); wait > 0 {
		return fmt.Errorf("%w（还需等待 %d 秒）", ErrPasswordPaused, int(wait.Seconds())+1)
	}
	if f.matches(pw) {
		if a.Wrong > 0 {
			os.Remove(filepath.Join(dir, attemptsFile))
		}
		return nil
	}
	a.Wrong++
	if a.Wrong >= MaxWrongPasswords {
		a = attempts{PausedUntil: now().Add(WrongPasswordPause)}
	}
	if raw, err := json.Marshal(a); err == nil {
		writeFileAtomically(filepath.Join(dir, attemptsFile), raw)
	}
	return ErrWrongAppPassword
}

// PasswordPause is how long checks of the data folder dir's app password
// are still refused after too many wrong ones (0 when they are not): the
// lock screen waits it out before it takes another try.
func PasswordPause(dir string) time.Duration {
	return max(readAttempts(dir).PausedUntil.Sub(now()), 0)
}

func readAttempts(dir string) attempts {
	var a attempts
	raw, err := os.ReadFile(filepath.Join(dir, attemptsFile))
	if err == nil && len(raw) < 4096 {
		json.Unmarshal(raw, &a)
	}
	if a.PausedUntil.After(now().Add(WrongPasswordPause)) { // a clock set back, or a tampered file
		a.PausedUntil = now().Add(WrongPasswordPause)
	}
	return a
}
