package data

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestAppPassword(t *testing.T) {
	s := openTemp(t)
	if lock, _ := s.AppLock(); lock.HasPassword || lock.IdleMinutes != DefaultIdleMinutes {
		t.Fatalf("fresh store: %+v", lock)
	}
	if ok, _ := s.CheckAppPassword("anything"); !ok {
		t.Fatal("without a password every check should pass")
	}
	if err := s.SetAppPassword("", "短"); err == nil {
		t.Fatal("a too short password was accepted")
	}
	if err := s.SetAppPassword("", "办公室密码1"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := s.CheckAppPassword("办公室密码1"); !ok {
		t.Error("the password does not check")
	}
	if ok, _ := s.CheckAppPassword("办公室密码2"); ok {
		t.Error("a wrong password checks")
	}
	if err := s.SetAppPassword("不对", "新的密码123"); !errors.Is(err, ErrWrongAppPassword) {
		t.Errorf("change without the current password: %v", err)
	}
	if err := s.SetAppPassword("办公室密码1", "新的密码123"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetIdleMinutes(5); err != nil {
		t.Fatal(err)
	}
	if lock, _ := s.AppLock(); !lock.HasPassword || lock.IdleMinutes != 5 {
		t.Errorf("after changes: %+v", lock)
	}
	if err := s.SetAppPassword("办公室密码1", ""); !errors.Is(err, ErrWrongAppPassword) {
		t.Error("removed with an old password")
	}
	if err := s.SetAppPassword("新的密码123", ""); err != nil {
		t.Fatal(err)
	}
	if lock, _ := s.AppLock(); lock.HasPassword || lock.IdleMinutes != 5 {
		t.Errorf("after removal: %+v", lock)
	}
	actions := auditActions(t, s)
	for _, want := range []string{"设置应用密码", "修改应用密码", "取消应用密码"} {
		if !hasAction(actions, want) {
			t.Errorf("%s not audited: %v", want, actions)
		}
	}
}

func TestAppPasswordStaysOnThisPC(t *testing.T) {
	s := filledStore(t, "一")
	if err := s.SetAppPassword("", "本机的密码12"); err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(t.TempDir(), "p.poh")
	m, err := s.MakeHandover(pkg, HandoverOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range m.Files {
		if f.Path == AppLockFile {
			t.Error("the app password travels with the package")
		}
	}
	// A restore of a backup from before the password keeps the password.
	b, _ := s.Backup("")
	if err := s.Restore(b.Path); err != nil {
		t.Fatal(err)
	}
	if lock, _ := s.AppLock(); !lock.HasPassword {
		t.Error("restoring a backup removed the app password")
	}
}

func TestDamagedAppLockFile(t *testing.T) {
	s := openTemp(t)
	os.WriteFile(filepath.Join(s.Dir(), AppLockFile), []byte("{not json"), 0o600)
	if _, err := s.AppLock(); err == nil {
		t.Error("a damaged password file was read as none")
	}
	if ok, _ := s.CheckAppPassword(""); ok {
		t.Error("a damaged password file unlocks")
	}
	// A tampered file asking for absurd memory is refused, not obeyed.
	os.WriteFile(filepath.Join(s.Dir(), AppLockFile),
		[]byte(`{"algorithm":"argon2id","time":1,"memory_kib":4000000000,"threads":1,"salt":"AAAA","hash":"AAAA"}`), 0o600)
	if ok, _ := s.CheckAppPassword("x"); ok {
		t.Error("a tampered file unlocks")
	}
}
