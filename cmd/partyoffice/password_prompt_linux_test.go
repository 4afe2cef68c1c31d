//go:build linux

package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"partyoffice/data/datatest"
)

// openPTY opens a pseudo-terminal: what the test writes to master arrives
// on tty as typed keys, and what the terminal echoes comes back on master.
func openPTY(t *testing.T) (master, tty *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { master.Close() })
	fd := int(master.Fd())
	unlock := 0
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, unlock); err != nil {
		t.Skipf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetUint32(fd, unix.TIOCGPTN)
	if err != nil {
		t.Skipf("ptsname: %v", err)
	}
	tty, err = os.OpenFile("/dev/pts/"+strconv.FormatUint(uint64(n), 10), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("open the terminal: %v", err)
	}
	t.Cleanup(func() { tty.Close() })
	return master, tty
}

// TestTypedAppPasswordIsNotEchoed: the app password typed at a terminal
// does not appear on it (the terminal's echo is off while it is read).
func TestTypedAppPasswordIsNotEchoed(t *testing.T) {
	dir := copyOf(t, datatest.Folder(t))
	s := datatest.StoreIn(t, dir)
	const secret = "办公室密码2026"
	if err := s.SetAppPassword("", secret); err != nil {
		t.Fatal(err)
	}
	s.Close()
	master, tty := openPTY(t)
	defer func(f func() bool) { stdinIsTerminal = f }(stdinIsTerminal)
	stdinIsTerminal = func() bool { return true }
	stdin = tty
	defer func() { stdin = os.Stdin }()

	// Type the password once the prompt has turned the echo off, as a
	// person does after reading the prompt. The old prompt never turns it
	// off: it would echo (after waiting up to half a minute for the echo
	// to go off), and the check below fails.
	typed := make(chan struct{})
	go func() {
		defer close(typed)
		for range 30000 {
			tio, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
			if err != nil || tio.Lflag&unix.ECHO == 0 {
				break
			}
			unix.Nanosleep(&unix.Timespec{Nsec: 1e6}, nil)
		}
		master.WriteString(secret + "\n")
	}()
	out := filepath.Join(t.TempDir(), "名册.xlsx")
	code, stdout, errOut := runCLI(t, "--data", dir, "export", "members", "--out", out)
	<-typed
	if code != exitOK {
		t.Fatalf("typed password refused: exit %d, %q %q", code, stdout, errOut)
	}
	// Whatever the terminal echoed is on master before this marker.
	tty.WriteString("END\n")
	shown, _ := bufio.NewReader(master).ReadString('D')
	if strings.Contains(shown, "2026") {
		t.Errorf("the terminal showed the password: %q", shown)
	}
}
