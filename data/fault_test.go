//go:build fault

package data

// Fault tests (make faulttest): a process killed in the middle of an
// import, a second process on the same folder, a read-only and a full data
// folder, damaged database files.
//
// Child processes are this test binary run again with FAULT_CHILD set: the
// test of that name then does the child's part (TestFaultChild) instead of
// being skipped.
//
// A read-only and a full disk are real where the tests run as root: a tmpfs
// is mounted (a tiny one for the full disk) and remounted read-only. Without
// root the read-only folder is made with chmod, and the full-disk test is
// skipped (TestFullDiskIsWordedAndLosesNothing in the ordinary tests covers
// the database half with SQLite's max_page_count).

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const childEnv = "FAULT_CHILD"

// TestFaultChild is the child's side: it does what FAULT_CHILD names in the
// folder FAULT_DIR and says "ready" on stdout before the part that may be
// interrupted.
func TestFaultChild(t *testing.T) {
	role := os.Getenv(childEnv)
	if role == "" {
		t.Skip("run by the fault tests as a child process")
	}
	s, err := Open(os.Getenv("FAULT_DIR"))
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	switch role {
	case "import":
		rows := importRows(10000, "N")
		fmt.Println("ready")
		if _, err := s.ImportPeople(rows, ImportSkipExisting, "fault.xlsx"); err != nil {
			fmt.Println("import:", err)
			os.Exit(4)
		}
		fmt.Println("done")
	case "hold":
		fmt.Println("ready")
		for i := 0; ; i++ { // keep writing until killed
			s.CreatePerson(&Person{Name: fmt.Sprintf("占用%d", i)})
		}
	}
	s.Close()
	os.Exit(0)
}

// child starts this test binary as a child doing role in dir, and returns
// once it said ready.
func child(t *testing.T, role, dir string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestFaultChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+role, "FAULT_DIR="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		if lines.Text() == "ready" {
			go func() { // drain, so the child never blocks on a full pipe
				for lines.Scan() {
				}
			}()
			return cmd
		}
	}
	cmd.Wait()
	t.Fatalf("child %s did not start", role)
	return nil
}

// peopleDigest is a hash of every stored field of the people whose name
// starts with prefix ("" for all), soft-deleted ones included.
func peopleDigest(t *testing.T, s *Store, prefix string) (int, string) {
	t.Helper()
	var people []Person
	if err := s.db.Unscoped().Where("name LIKE ?", prefix+"%").Order("id").Find(&people).Error; err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	enc := json.NewEncoder(h) // not %+v: that prints the pointers of GroupID
	for _, p := range people {
		enc.Encode(p)
	}
	return len(people), hex.EncodeToString(h.Sum(nil))
}

func integrityOK(t *testing.T, s *Store) {
	t.Helper()
	var res []string
	if err := s.db.Raw("PRAGMA integrity_check").Scan(&res).Error; err != nil || len(res) != 1 || res[0] != "ok" {
		t.Fatalf("integrity_check: %v %v", res, err)
	}
}

// baseFolder is a closed store with 200 older people, ready to be copied.
func baseFolder(t *testing.T) (dir string, oldCount int, oldDigest string) {
	t.Helper()
	dir = t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportPeople(importRows(200, "O"), ImportSkipExisting, "old.xlsx"); err != nil {
		t.Fatal(err)
	}
	oldCount, oldDigest = peopleDigest(t, s, "O")
	s.Close()
	return dir, oldCount, oldDigest
}

func copyFolder(t *testing.T, from string) string {
	t.Helper()
	to := t.TempDir()
	if err := copyFile(filepath.Join(from, DBFileName), filepath.Join(to, DBFileName)); err != nil {
		t.Fatal(err)
	}
	return to
}

// TestFaultKilledImport kills a 10,000-row import at random moments: the
// store must pass integrity_check and hold none or all of the new rows,
// with every older row unchanged.
func TestFaultKilledImport(t *testing.T) {
	base, oldCount, oldDigest := baseFolder(t)

	// One undisturbed run tells how long an import takes here (from the
	// child's "ready"); kills fall in the first 120% of that, so some land
	// after the commit.
	c := child(t, "import", copyFolder(t, base))
	start := time.Now()
	if err := c.Wait(); err != nil {
		t.Fatalf("undisturbed import: %v", err)
	}
	took := time.Since(start)
	t.Logf("a 10,000-row import takes %v", took)

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 5))
	outcomes := map[int]int{}
	for round := 0; round < 10; round++ {
		dir := copyFolder(t, base)
		c := child(t, "import", dir)
		delay := time.Duration(rng.Int64N(int64(took) * 6 / 5))
		time.Sleep(delay)
		c.Process.Signal(syscall.SIGKILL)
		c.Wait()

		s, err := Open(dir)
		if err != nil {
			t.Fatalf("round %d (killed after %v): open: %v", round, delay, err)
		}
		integrityOK(t, s)
		n, _ := peopleDigest(t, s, "N")
		if n != 0 && n != 10000 {
			t.Errorf("round %d (killed after %v): %d of the new rows stored", round, delay, n)
		}
		if count, digest := peopleDigest(t, s, "O"); count != oldCount || digest != oldDigest {
			t.Errorf("round %d: older rows changed", round)
		}
		outcomes[n]++
		s.Close()
	}
	t.Logf("new rows after a kill: %v (rows → rounds)", outcomes)
}

// TestFaultSecondInstance: another process holds the folder and writes; we
// get a clear refusal, and after that process is killed the data is sound.
func TestFaultSecondInstance(t *testing.T) {
	dir, oldCount, oldDigest := baseFolder(t)
	c := child(t, "hold", dir)
	_, err := Open(dir)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "另一个") {
		t.Errorf("second open: %v", err)
	}
	if _, err := RestoreClosed(dir, filepath.Join(dir, DBFileName)); !errors.Is(err, ErrLocked) {
		t.Errorf("restore behind the other process's back: %v", err)
	}
	time.Sleep(300 * time.Millisecond) // let it write a while
	c.Process.Signal(syscall.SIGKILL)
	c.Wait()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("open after the other process died: %v", err)
	}
	defer s.Close()
	integrityOK(t, s)
	if count, digest := peopleDigest(t, s, "O"); count != oldCount || digest != oldDigest {
		t.Error("older rows changed")
	}
}

// mountTmpfs mounts a tmpfs of size at a new folder (root only).
func mountTmpfs(t *testing.T, size string) (string, bool) {
	t.Helper()
	dir := t.TempDir()
	if os.Geteuid() != 0 {
		return dir, false
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		t.Logf("cannot mount a tmpfs (%v)", err)
		return dir, false
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir, true
}

// readOnly makes dir read-only (a read-only remount on a tmpfs, chmod
// otherwise) and returns how to undo it.
func readOnly(t *testing.T, dir string, mounted bool) func() {
	t.Helper()
	if mounted {
		if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
			t.Fatal(err)
		}
		return func() { syscall.Mount("", dir, "", syscall.MS_REMOUNT, "") }
	}
	if os.Geteuid() == 0 {
		t.Skip("as root without mount permission a folder cannot be made read-only")
	}
	var chmodded []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			os.Chmod(p, info.Mode()&^0o222)
			chmodded = append(chmodded, p)
		}
		return nil
	})
	return func() {
		for _, p := range chmodded {
			os.Chmod(p, 0o755)
		}
	}
}

// TestFaultReadOnlyFolder: the data folder is read-only when the program
// starts (a write-protected USB stick, an administrator's policy). The
// message says so; the data is there once the folder is writable again.
// (A filesystem in use cannot be remounted read-only, so the program never
// meets it turning read-only under an open store; TestFaultFullDisk covers
// writes failing while running.)
func TestFaultReadOnlyFolder(t *testing.T) {
	dir, mounted := mountTmpfs(t, "64m")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.ImportPeople(importRows(50, "O"), ImportSkipExisting, "old.xlsx")
	count, digest := peopleDigest(t, s, "O")
	s.Close()

	undo := readOnly(t, dir, mounted)
	_, err = Open(dir)
	t.Logf("open on a read-only folder: %v", err)
	if err == nil || englishFragment(err.Error()) || !strings.Contains(err.Error(), "只读") && !strings.Contains(err.Error(), "写入权限") {
		t.Errorf("open on a read-only folder: %v", err)
	}
	if _, err := RestoreClosed(dir, filepath.Join(dir, DBFileName)); err == nil {
		t.Error("a restore into a read-only folder succeeded")
	}
	undo()
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	integrityOK(t, s)
	if c, d := peopleDigest(t, s, "O"); c != count || d != digest {
		t.Error("data lost on a read-only folder")
	}
	if err := s.CreatePerson(&Person{Name: "又能写了"}); err != nil {
		t.Errorf("writing after the folder is writable again: %v", err)
	}
}

func TestFaultFullDisk(t *testing.T) {
	dir, mounted := mountTmpfs(t, "3m")
	if !mounted {
		t.Skip("needs root to mount a small tmpfs")
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.ImportPeople(importRows(50, "O"), ImportSkipExisting, "old.xlsx")
	count, digest := peopleDigest(t, s, "O")

	// Fill the disk with an attachment, leaving a little room.
	filler := filepath.Join(dir, AttachDir, "大文件.bin")
	os.MkdirAll(filepath.Dir(filler), 0o755)
	f, _ := os.Create(filler)
	chunk := make([]byte, 64<<10)
	for {
		if _, err := f.Write(chunk); err != nil {
			break
		}
	}
	f.Close()

	if _, err := s.Backup(""); !isPlainFull(err) {
		t.Errorf("backup on a full disk: %v", err)
	}
	if _, err := s.MakeHandover(filepath.Join(dir, "移交包.poh"), HandoverOptions{}); !isPlainFull(err) {
		t.Errorf("handover on a full disk: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*.poh")); len(left) != 0 {
		t.Errorf("half a package left: %v", left)
	}
	var werr error
	for i := 0; i < 2000 && werr == nil; i++ {
		werr = s.CreatePerson(&Person{Name: "填满", Remark: strings.Repeat("长", 2000)})
	}
	t.Logf("write on a full disk: %v", werr)
	if !errors.Is(werr, ErrDiskFull) {
		t.Errorf("write on a full disk: %v", werr)
	}
	integrityOK(t, s)
	if c, d := peopleDigest(t, s, "O"); c != count || d != digest {
		t.Error("data lost on a full disk")
	}
	os.Remove(filler)
	if err := s.CreatePerson(&Person{Name: "有空间了"}); err != nil {
		t.Errorf("writing after space was freed: %v", err)
	}
	if _, err := s.Backup(""); err != nil {
		t.Errorf("backup after space was freed: %v", err)
	}
}

func isPlainFull(err error) bool {
	return err != nil && strings.Contains(err.Error(), "磁盘空间已满") && !englishFragment(err.Error())
}

// TestFaultDamagedDatabaseFiles damages the database file in many ways:
// opening reports ErrDamaged (or the damage missed everything that
// matters and the file still checks out); never a panic, never an empty
// store in place of the data.
func TestFaultDamagedDatabaseFiles(t *testing.T) {
	base, _, _ := baseFolder(t)
	raw, err := os.ReadFile(filepath.Join(base, DBFileName))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, uint64(time.Now().UnixNano())))
	damages := map[string]func([]byte) []byte{
		"truncated": func(b []byte) []byte { return b[:rng.IntN(len(b)-1)+1] },
		"zeroed page": func(b []byte) []byte {
			page := rng.IntN(len(b) / 4096)
			clear(b[page*4096 : page*4096+4096])
			return b
		},
		"random bytes": func(b []byte) []byte {
			for i := 0; i < 20; i++ {
				b[rng.IntN(len(b))] = byte(rng.IntN(256))
			}
			return b
		},
		"header": func(b []byte) []byte { b[rng.IntN(100)] ^= 0xff; return b },
	}
	for name, damage := range damages {
		for round := 0; round < 8; round++ {
			dir := t.TempDir()
			bad := damage(append([]byte{}, raw...))
			os.WriteFile(filepath.Join(dir, DBFileName), bad, 0o644)
			later := t.TempDir()
			os.WriteFile(filepath.Join(later, DBFileName), bad, 0o644)
			laterErr := openAndCheckLater(later)
			s, err := Open(dir)
			if errors.Is(err, ErrDamaged) != errors.Is(laterErr, ErrDamaged) {
				t.Errorf("%s: opening now says %v, opening and checking after the first frame says %v", name, err, laterErr)
			}
			if err != nil {
				if !errors.Is(err, ErrDamaged) && englishFragment(err.Error()) {
					t.Errorf("%s: unclear message %v", name, err)
				}
				continue
			}
			integrityOK(t, s)
			if n, _ := s.CountPeople(); n == 0 {
				t.Errorf("%s: a damaged file opened as an empty store", name)
			}
			s.Close()
		}
	}
}

// openAndCheckLater is the window's start: OpenFolderCheckLater, then the
// integrity check it runs after its first frame.
func openAndCheckLater(dir string) error {
	s, err := OpenFolderCheckLater(dir)
	if err != nil {
		return err
	}
	defer s.Close()
	return s.CheckIntegrity()
}
