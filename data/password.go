package data

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/crypto/argon2"
)

// The app password guards the data on a shared office PC: it is asked when
// the program starts and after it was left idle. It is kept as an Argon2id
// hash in its own file of the data folder (AppLockFile), not in the
// database, so that it stays with this PC: a 移交包 or a backup restored
// from before the password was set does not carry it.
//
// It keeps the window closed to passers-by; it does not encrypt the data
// folder. Someone who forgets it asks the computer administrator to delete
// AppLockFile from the data folder (the settings screen says so).

// AppLockFile is the file holding the app password hash and the idle time.
const AppLockFile = "app-lock.json"

// DefaultIdleMinutes locks the window after ten idle minutes.
const DefaultIdleMinutes = 10

// ErrWrongAppPassword is returned when the current password does not match.
var ErrWrongAppPassword = errors.New("当前密码不正确")

// AppLock is the stored lock setting.
type AppLock struct {
	HasPassword bool
	IdleMinutes int // 0: never lock when idle
}

// appLockFile is the JSON of AppLockFile.
type appLockFile struct {
	Version     int    `json:"version"`
	Algorithm   string `json:"algorithm"`
	Time        uint32 `json:"time"`
	MemoryKiB   uint32 `json:"memory_kib"`
	Threads     uint8  `json:"threads"`
	Salt        []byte `json:"salt"`
	Hash        []byte `json:"hash"`
	IdleMinutes int    `json:"idle_minutes"`
}

// passwordKDF hashes app passwords: the same cost as a package's key.
var passwordKDF = struct {
	time, memory uint32
	threads      uint8
}{3, 64 << 10, 4}

func (s *Store) appLockPath() string { return filepath.Join(s.dir, AppLockFile) }

func (s *Store) readAppLock() (appLockFile, error) { return readAppLockIn(s.dir) }

// readAppLockIn reads the lock setting of the data folder dir.
func readAppLockIn(dir string) (appLockFile, error) {
	path := filepath.Join(dir, AppLockFile)
	var f appLockFile
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return appLockFile{IdleMinutes: DefaultIdleMinutes}, nil
	}
	if err != nil {
		return f, fmt.Errorf("无法读取密码设置：%w", plainIOError(err))
	}
	if len(raw) > 64<<10 || json.Unmarshal(raw, &f) != nil {
		return f, fmt.Errorf("密码设置文件 %s 已损坏：请联系电脑管理员删除它，然后重新设置密码", path)
	}
	return f, nil
}

// AppLock reads the lock setting.
func (s *Store) AppLock() (AppLock, error) {
	f, err := s.readAppLock()
	return AppLock{HasPassword: len(f.Hash) > 0, IdleMinutes: f.IdleMinutes}, err
}

// CheckAppPassword reports whether pw is the app password (true when none
// is set).
func (s *Store) CheckAppPassword(pw string) (bool, error) {
	f, err := s.readAppLock()
	if err != nil {
		return false, err
	}
	return f.matches(pw), nil
}

func (f *appLockFile) matches(pw string) bool {
	if len(f.Hash) == 0 {
		return true
	}
	// A tampered file must not make us allocate gigabytes.
	if f.Algorithm != "argon2id" || f.Time < 1 || f.Time > 16 || f.MemoryKiB > 1<<20 || f.Threads < 1 {
		return false
	}
	got := argon2.IDKey([]byte(pw), f.Salt, f.Time, f.MemoryKiB, f.Threads, uint32(len(f.Hash)))
	return subtle.ConstantTimeCompare(got, f.Hash) == 1
}

// SetAppPassword sets, changes (new != "") or removes (new == "") the app
// password. When one is set, current must match it. The change is audited
// (without any password in it).
func (s *Store) SetAppPassword(current, new string) error {
	f, err := s.readAppLock()
	if err != nil {
		return err
	}
	if !f.matches(current) {
		return ErrWrongAppPassword
	}
	action := "设置应用密码"
	switch {
	case new == "" && len(f.Hash) == 0:
		return nil
	case new == "":
		action = "取消应用密码"
		f.Salt, f.Hash = nil, nil
	default:
		if err := CheckNewPassword(new); err != nil {
			return err
		}
		if len(f.Hash) > 0 {
			action = "修改应用密码"
		}
		if err := f.setPassword(new); err != nil {
			return err
		}
	}
	return s.saveAppLock(f, action, action)
}

func (f *appLockFile) setPassword(pw string) error {
	f.Version, f.Algorithm = 1, "argon2id"
	f.Time, f.MemoryKiB, f.Threads = passwordKDF.time, passwordKDF.memory, passwordKDF.threads
	f.Salt = make([]byte, 16)
	if _, err := rand.Read(f.Salt); err != nil {
		return err
	}
	f.Hash = argon2.IDKey([]byte(pw), f.Salt, f.Time, f.MemoryKiB, f.Threads, 32)
	return nil
}

// SetIdleMinutes sets after how many idle minutes the window locks (0:
// never). It matters only while a password is set.
func (s *Store) SetIdleMinutes(minutes int) error {
	if minutes < 0 || minutes > 24*60 {
		return errors.New("锁定时间应在 0 到 1440 分钟之间（0 表示不自动锁定）")
	}
	f, err := s.readAppLock()
	if err != nil {
		return err
	}
	if f.IdleMinutes == minutes {
		return nil
	}
	f.IdleMinutes = minutes
	return s.saveAppLock(f, "修改", fmt.Sprintf("空闲 %d 分钟后锁定", minutes))
}

// saveAppLock writes the file inside an audited transaction: when the file
// cannot be written, no audit entry claims it was.
func (s *Store) saveAppLock(f appLockFile, action, summary string) error {
	raw, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return s.write(func(tx *Tx) error {
		if err := tx.Audit(action, "应用密码", 0, summary, nil, nil); err != nil {
			return err
		}
		if err := writeFileAtomically(s.appLockPath(), raw); err != nil {
			return fmt.Errorf("无法保存设置：%w", err)
		}
		return nil
	})
}

// incomingPrefix begins the name of a file being written, before its
// rename to the real name.
const incomingPrefix = ".incoming-"

// writeFileAtomically writes through a temporary file and a rename, so a
// crash leaves the old file or the new one, never half of one. The file is
// the user's only (0600: os.CreateTemp's mode). The temporary name is unique,
// so two writers of one path (a fetched attachment wanted by two screens)
// never write into each other's half. Callers say what was being saved.
func writeFileAtomically(path string, raw []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), incomingPrefix+"*")
	if err != nil {
		return plainIOError(err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	_, err = tmp.Write(raw)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return plainIOError(err)
	}
	return nil
}
