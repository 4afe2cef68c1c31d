package data

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"partyoffice/data/handover"
)

// Tests of backups, packages, receiving and restoring through the store.

func init() {
	// Packages made in tests need not resist password guessing.
	handover.DefaultKDF = handover.KDFParams{Time: 1, Memory: 1 << 10, Threads: 1}
	passwordKDF.time, passwordKDF.memory, passwordKDF.threads = 1, 1<<10, 1
}

// filledStore is a store with people, a group and two attachments.
func filledStore(t testing.TB, names ...string) *Store {
	t.Helper()
	s := openTemp(t)
	if err := s.SaveBranch(Branch{Name: "第一小学党支部"}); err != nil {
		t.Fatal(err)
	}
	ids := []string{"11010519491231002X", "440524188001010014", "120223198902021249"}
	for i, n := range names {
		if err := s.CreatePerson(member(n, ids[i%len(ids)])); err != nil {
			t.Fatal(err)
		}
	}
	writeAttachment(t, s, "meetings/1/签到表.jpg", bytes.Repeat([]byte{0xff, 0xd8, 1, 2}, 3000))
	writeAttachment(t, s, "meetings/2/材料.pdf", []byte("%PDF-1.4 会议材料"))
	return s
}

// writeAttachment puts a file under the attachments of s (rel is inside
// attachments/); on a server also into stored_files, where its files live.
func writeAttachment(t testing.TB, s *Store, rel string, body []byte) {
	t.Helper()
	p := filepath.Join(s.Dir(), AttachDir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, body, 0o644); err != nil {
		t.Fatal(err)
	}
	if s.OnServer() {
		sum := sha256.Sum256(body)
		err := s.db.Create(&StoredFile{Path: AttachDir + "/" + rel, SHA256: hex.EncodeToString(sum[:]), Data: body}).Error
		if err != nil {
			t.Fatal(err)
		}
	}
}

// removeAttachment deletes a file writeAttachment put there.
func removeAttachment(t testing.TB, s *Store, rel string) {
	t.Helper()
	if err := os.Remove(filepath.Join(s.Dir(), AttachDir, filepath.FromSlash(rel))); err != nil {
		t.Fatal(err)
	}
	s.forgetOnServer(AttachDir + "/" + rel)
}

// attachmentsOf maps each attachment (relative path) to its content.
func attachmentsOf(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	root := filepath.Join(dir, AttachDir)
	filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			rel, _ := filepath.Rel(root, p)
			b, _ := os.ReadFile(p)
			out[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return out
}

func namesIn(t testing.TB, s *Store) string {
	t.Helper()
	people, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range people {
		out = append(out, p.Name)
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}

func auditActions(t testing.TB, s *Store) []string {
	t.Helper()
	log, err := s.AuditLog(AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range log {
		out = append(out, e.Action)
	}
	return out
}

func hasAction(actions []string, want string) bool {
	for _, a := range actions {
		if a == want {
			return true
		}
	}
	return false
}

func TestHandoverToANewPC(t *testing.T) {
	src := filledStore(t, "张三", "李四")
	pkg := filepath.Join(t.TempDir(), "移交包.poh")
	m, err := src.MakeHandover(pkg, HandoverOptions{Password: "交接密码2026年度"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Branch != "第一小学党支部" || len(m.Files) != 3 || m.Kind != handover.KindHandover {
		t.Errorf("manifest %+v", m)
	}
	if !hasAction(auditActions(t, src), "制作移交包") {
		t.Error("making a package is not in the audit log")
	}

	dest := filepath.Join(t.TempDir(), "新电脑")
	if _, err := OpenIncoming(dest, pkg, "错误的密码", nil); !errors.Is(err, handover.ErrWrongPassword) {
		t.Fatalf("wrong password: %v", err)
	}
	in, err := OpenIncoming(dest, pkg, "交接密码2026年度", nil)
	if err != nil {
		t.Fatal(err)
	}
	if in.Manifest.Branch != "第一小学党支部" || in.Attachments() != 2 || countOf(in.Manifest, "党员名册·正式党员") != 2 {
		t.Errorf("summary %+v", in.Manifest)
	}
	kept, err := ReceiveClosed(dest, in)
	in.Close()
	if err != nil || kept != "" {
		t.Fatalf("receive: %q %v", kept, err)
	}
	got, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer got.Close()
	if namesIn(t, got) != "张三,李四" {
		t.Errorf("people %s", namesIn(t, got))
	}
	if a, b := attachmentsOf(t, src.Dir()), attachmentsOf(t, dest); len(b) != 2 || a["meetings/1/签到表.jpg"] != b["meetings/1/签到表.jpg"] {
		t.Errorf("attachments differ: %d", len(b))
	}
	if !hasAction(auditActions(t, got), "接收移交包") {
		t.Error("receiving is not in the audit log")
	}
	if left, _ := filepath.Glob(filepath.Join(dest, workPrefix+"*")); len(left) != 0 {
		t.Errorf("work folders left: %v", left)
	}
}

func countOf(m handover.Manifest, name string) int64 {
	for _, c := range m.Counts {
		if c.Name == name {
			return c.Count
		}
	}
	return -1
}

func TestReceiveBacksUpAndCanBeUndone(t *testing.T) {
	old := filledStore(t, "旧书记的人")
	writeAttachment(t, old, "only-here.txt", []byte("旧附件"))
	other := filledStore(t, "新一", "新二")
	pkg := filepath.Join(t.TempDir(), "p.poh")
	if _, err := other.MakeHandover(pkg, HandoverOptions{}); err != nil {
		t.Fatal(err)
	}
	in, err := OpenIncoming(old.Dir(), pkg, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := old.Receive(in); err != nil {
		t.Fatal(err)
	}
	in.Close()
	if namesIn(t, old) != "新一,新二" || attachmentsOf(t, old.Dir())["only-here.txt"] != "" {
		t.Fatalf("after receive: %s, %v", namesIn(t, old), attachmentsOf(t, old.Dir()))
	}
	var before BackupInfo
	list, _ := old.Backups()
	for _, b := range list {
		if b.Label == LabelBeforeReceive {
			before = b
		}
	}
	if before.Path == "" {
		t.Fatalf("no %s backup in %+v", LabelBeforeReceive, list)
	}
	if err := old.Restore(before.Path); err != nil {
		t.Fatal(err)
	}
	if namesIn(t, old) != "旧书记的人" || attachmentsOf(t, old.Dir())["only-here.txt"] != "旧附件" {
		t.Errorf("undo: %s, %v", namesIn(t, old), attachmentsOf(t, old.Dir()))
	}
}

// TestDamagedPackagesReplaceNothing: every kind of bad package is refused
// with a clear message while unpacking, before the data is touched.
func TestDamagedPackagesReplaceNothing(t *testing.T) {
	s := filledStore(t, "留下")
	src := filledStore(t, "不该来")
	dir := t.TempDir()
	plain, locked := filepath.Join(dir, "plain.poh"), filepath.Join(dir, "locked.poh")
	src.MakeHandover(plain, HandoverOptions{})
	src.MakeHandover(locked, HandoverOptions{Password: "正确的密码123456"})
	rawPlain, _ := os.ReadFile(plain)
	rawLocked, _ := os.ReadFile(locked)

	flipped := append([]byte{}, rawLocked...)
	flipped[len(flipped)/2] ^= 1
	cases := []struct {
		name, password string
		body           []byte
		want           error
	}{
		{"truncated", "", rawPlain[:len(rawPlain)*2/3], handover.ErrDamaged},
		{"truncated encrypted", "正确的密码123456", rawLocked[:len(rawLocked)-100], handover.ErrDamaged},
		{"flipped byte", "正确的密码123456", flipped, handover.ErrDamaged},
		{"wrong password", "错的", rawLocked, handover.ErrWrongPassword},
		{"no password", "", rawLocked, handover.ErrNeedPassword},
		{"missing file", "", withoutEntry(t, rawPlain, "attachments/meetings/2/材料.pdf"), handover.ErrDamaged},
		{"not a package", "", []byte("一段文字"), handover.ErrNotPackage},
	}
	before, beforeFiles := namesIn(t, s), attachmentsOf(t, s.Dir())
	for _, c := range cases {
		path := filepath.Join(dir, c.name+".poh")
		os.WriteFile(path, c.body, 0o644)
		in, err := OpenIncoming(s.Dir(), path, c.password, nil)
		if err == nil {
			in.Close()
			t.Errorf("%s: accepted", c.name)
			continue
		}
		if !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
		if englishFragment(err.Error()) {
			t.Errorf("%s: message not in plain Chinese: %v", c.name, err)
		}
	}
	if namesIn(t, s) != before || len(attachmentsOf(t, s.Dir())) != len(beforeFiles) {
		t.Error("a refused package changed the data")
	}
	if left, _ := filepath.Glob(filepath.Join(s.Dir(), workPrefix+"*")); len(left) != 0 {
		t.Errorf("work folders left: %v", left)
	}
}

// englishFragment spots a library's English error leaking into a message.
func englishFragment(msg string) bool {
	for _, f := range []string{"zip:", "flate", "EOF", "unexpected", "cipher", "invalid", "no such", "permission denied"} {
		if strings.Contains(msg, f) {
			return true
		}
	}
	return false
}

// withoutEntry is a copy of a plain package without one of its files.
func withoutEntry(t *testing.T, raw []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == name {
			continue
		}
		w, _ := zw.Create(f.Name)
		rc, _ := f.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	zw.Close()
	return buf.Bytes()
}

func TestDamagedDatabaseInsidePackage(t *testing.T) {
	s := filledStore(t, "甲")
	dir := t.TempDir()
	work := filepath.Join(dir, "src")
	garbage := filepath.Join(dir, "db")
	os.WriteFile(garbage, bytes.Repeat([]byte("not sqlite"), 100), 0o644)
	pkg := filepath.Join(dir, "bad.poh")
	os.MkdirAll(work, 0o755)
	_, err := handover.Write(pkg, handover.Manifest{Kind: handover.KindHandover},
		[]handover.Source{{Path: DBFileName, Disk: garbage}}, handover.WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenIncoming(s.Dir(), pkg, "", nil); err == nil || !strings.Contains(err.Error(), "数据文件") {
		t.Errorf("package with a broken database: %v", err)
	}
}

func TestLegacyDatabaseBackupKeepsAttachments(t *testing.T) {
	s := filledStore(t, "一")
	legacy := filepath.Join(t.TempDir(), "old.db")
	if err := s.BackupTo(legacy); err != nil {
		t.Fatal(err)
	}
	if kind, _ := handover.Sniff(legacy); kind != handover.KindDatabase {
		t.Fatalf("a .db backup should be a bare database, got %v", kind)
	}
	s.CreatePerson(member("二", "440524188001010014"))
	if err := s.Restore(legacy); err != nil {
		t.Fatal(err)
	}
	if namesIn(t, s) != "一" || len(attachmentsOf(t, s.Dir())) != 2 {
		t.Errorf("after restoring a bare database: %s, %d attachments", namesIn(t, s), len(attachmentsOf(t, s.Dir())))
	}
}

func TestFullBackupToAnotherPlace(t *testing.T) {
	s := filledStore(t, "一", "二")
	file := filepath.Join(t.TempDir(), "U盘备份.zip")
	if err := s.BackupTo(file); err != nil {
		t.Fatal(err)
	}
	fresh := t.TempDir()
	if _, err := RestoreClosed(fresh, file); err != nil {
		t.Fatal(err)
	}
	got, err := Open(fresh)
	if err != nil {
		t.Fatal(err)
	}
	defer got.Close()
	if namesIn(t, got) != "一,二" || len(attachmentsOf(t, fresh)) != 2 {
		t.Errorf("a full backup restored elsewhere lacks data")
	}
	if !hasAction(auditActions(t, got), "恢复备份") {
		t.Error("RestoreClosed did not audit the restore")
	}
}

func TestRestoreClosedSetsTheDamagedFileAside(t *testing.T) {
	s := filledStore(t, "一")
	b, err := s.Backup("测试")
	if err != nil {
		t.Fatal(err)
	}
	dir := s.Dir()
	s.Close()
	os.WriteFile(filepath.Join(dir, DBFileName), bytes.Repeat([]byte("garbage!"), 1000), 0o644)
	if _, err := Open(dir); !errors.Is(err, ErrDamaged) {
		t.Fatalf("open: %v", err)
	}
	good, err := NewestGoodBackup(dir)
	if err != nil || good.Path != b.Path {
		t.Fatalf("newest good backup: %v %v", good, err)
	}
	kept, err := RestoreClosed(dir, b.Path)
	if err != nil || !strings.Contains(kept, ".damaged-") {
		t.Fatalf("restore: %q %v", kept, err)
	}
	if raw, _ := os.ReadFile(kept); !bytes.HasPrefix(raw, []byte("garbage!")) {
		t.Error("the damaged file was not kept")
	}
	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if namesIn(t, s2) != "一" || !hasAction(auditActions(t, s2), "恢复备份") {
		t.Errorf("after RestoreClosed: %s", namesIn(t, s2))
	}
}

func TestRestoreClosedRespectsTheLock(t *testing.T) {
	fileOnly(t)
	s := filledStore(t, "一")
	b, _ := s.Backup("")
	if _, err := RestoreClosed(s.Dir(), b.Path); !errors.Is(err, ErrLocked) {
		t.Errorf("restore into a folder in use: %v", err)
	}
}

func TestDailyBackup(t *testing.T) {
	s := openTemp(t)
	day := time.Date(2026, 6, 15, 9, 0, 0, 0, time.Local)
	if made, err := s.DailyBackup(day); made || err != nil {
		t.Fatalf("an empty store was backed up: %v %v", made, err)
	}
	s.CreatePerson(member("一", "11010519491231002X"))
	if made, err := s.DailyBackup(day); !made || err != nil {
		t.Fatalf("first backup: %v %v", made, err)
	}
	// The backup is named by the time it was made; pretend it was this morning.
	list, _ := s.Backups()
	renameBackup(t, list[0], day)
	s.CreatePerson(member("二", "440524188001010014"))
	if made, _ := s.DailyBackup(day.Add(3 * time.Hour)); made {
		t.Error("a second automatic backup on the same day")
	}
	next := day.AddDate(0, 0, 1)
	if made, _ := s.DailyBackup(next); !made {
		t.Error("no backup the next day after a change")
	}
	list, _ = s.Backups()
	renameBackup(t, list[0], next)
	if made, _ := s.DailyBackup(next.AddDate(0, 0, 1)); made {
		t.Error("a backup although nothing changed")
	}
}

// renameBackup gives a backup the name it would have had at t.
func renameBackup(t *testing.T, b BackupInfo, at time.Time) {
	t.Helper()
	name := at.Format(backupTimeLayout) + "_" + b.Label + filepath.Ext(b.Path)
	if err := os.Rename(b.Path, filepath.Join(filepath.Dir(b.Path), name)); err != nil {
		t.Fatal(err)
	}
}

func TestExpiredBackups(t *testing.T) {
	now := time.Date(2026, 6, 15, 12, 0, 0, 0, time.Local)
	var list []BackupInfo
	add := func(at time.Time, label string) {
		list = append(list, BackupInfo{Name: at.Format(backupTimeLayout) + "_" + label, Time: at, Label: label, Kind: kindOfLabel(label)})
	}
	// Two automatic backups a day for 100 days, an import every 10 days, a
	// manual backup long ago.
	for i := 0; i < 100; i++ {
		d := now.AddDate(0, 0, -i)
		add(d, LabelAuto)
		add(d.Add(-time.Hour), LabelAuto)
		if i%10 == 0 {
			add(d.Add(-2*time.Hour), LabelBeforeImport)
		}
	}
	add(now.AddDate(-3, 0, 0), LabelManual)
	sort.Slice(list, func(i, j int) bool { return list[i].Time.After(list[j].Time) })

	p := RetentionPolicy{Daily: 30, Monthly: 12, EventDays: 40, EventKeep: 2}
	expired := map[string]bool{}
	for _, b := range expiredBackups(list, now, p) {
		expired[b.Name] = true
	}
	var autos, events, manual int
	for _, b := range list {
		if expired[b.Name] {
			continue
		}
		switch b.Kind {
		case BackupAuto:
			autos++
		case BackupEvent:
			events++
		case BackupManual:
			manual++
		}
	}
	// 30 days + the months reached only beyond them (100 days back: March,
	// February and the rest of April's newest already among the 30).
	if autos < 30 || autos > 30+4 {
		t.Errorf("kept %d automatic backups", autos)
	}
	if events != 4 { // the newest 2 whatever their age, and those within 40 days (days 0,10,20,30)
		t.Errorf("kept %d backups before imports, want 4", events)
	}
	if manual != 1 {
		t.Error("a manual backup was deleted")
	}
	if expired[list[0].Name] {
		t.Error("the newest backup expired")
	}
}

func TestPruneRemovesUnusedSharedAttachments(t *testing.T) {
	s := filledStore(t, "一")
	first, err := s.Backup(LabelAuto)
	if err != nil {
		t.Fatal(err)
	}
	removeAttachment(t, s, "meetings/2/材料.pdf")
	s.CreatePerson(member("二", "440524188001010014"))
	if _, err := s.Backup(LabelAuto); err != nil {
		t.Fatal(err)
	}
	shared := func() int {
		files, _ := filepath.Glob(filepath.Join(s.sharedAttachDir(), "*", "*"))
		return len(files)
	}
	if shared() != 2 {
		t.Fatalf("shared attachments: %d", shared())
	}
	os.Remove(first.Path) // as retention would
	if err := s.PruneBackups(time.Now()); err != nil {
		t.Fatal(err)
	}
	if shared() != 1 {
		t.Errorf("after pruning: %d shared attachments, want 1", shared())
	}
}

func TestBackupNames(t *testing.T) {
	cases := map[string]struct {
		label string
		kind  BackupKind
	}{
		"2026-06-15_083000_自动.zip":   {LabelAuto, BackupAuto},
		"2026-06-15_083000_自动_2.zip": {LabelAuto, BackupAuto},
		"2026-06-15_083000_导入前.db":   {LabelBeforeImport, BackupEvent},
		"2026-06-15_083000.db":       {"", BackupManual},
		"2026-06-15_083000_手动备份.db":  {"手动备份", BackupManual},
		"迁移前-v1-20260615-083000.db":  {"迁移前", BackupEvent},
	}
	for name, want := range cases {
		at, label, ok := parseBackupName(name)
		if !ok || label != want.label || kindOfLabel(label) != want.kind || at.Day() != 15 {
			t.Errorf("%s: %v %q %v", name, at, label, ok)
		}
	}
	if _, _, ok := parseBackupName("照片.zip"); ok {
		t.Error("a stray file parsed as a backup name")
	}
}

func TestOpenRemovesLeftovers(t *testing.T) {
	s := filledStore(t, "一")
	dir := s.Dir()
	s.Close()
	leftovers := []string{
		filepath.Join(dir, workPrefix+"123", "partyoffice.db"),
		filepath.Join(dir, BackupDir, "~partyoffice-1.part"),
		filepath.Join(dir, BackupDir, "x.zip.tmp"),
	}
	for _, p := range leftovers {
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("half"), 0o644)
	}
	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
	for _, p := range leftovers {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s survived", p)
		}
	}
}

func TestEmptyDatabaseWithBackupsIsDamaged(t *testing.T) {
	fileOnly(t)
	s := filledStore(t, "一")
	if _, err := s.Backup(""); err != nil {
		t.Fatal(err)
	}
	dir := s.Dir()
	s.Close()
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(filepath.Join(dir, DBFileName+suffix))
	}
	os.Truncate(filepath.Join(dir, DBFileName), 0)
	if _, err := Open(dir); !errors.Is(err, ErrDamaged) {
		t.Fatalf("a zero-byte database with backups beside it opened: %v", err)
	}
	b, err := NewestGoodBackup(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := RestoreClosed(dir, b.Path); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if namesIn(t, s2) != "一" {
		t.Error("data not back")
	}
}

func TestRestoringAPasswordPackageSaysWhatToDo(t *testing.T) {
	s := filledStore(t, "一")
	pkg := filepath.Join(t.TempDir(), "p.poh")
	if _, err := s.MakeHandover(pkg, HandoverOptions{Password: "交接密码2026年度"}); err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{s.Restore(pkg), func() error { _, err := RestoreClosed(t.TempDir(), pkg); return err }()} {
		if err == nil || !strings.Contains(err.Error(), "接收移交包") {
			t.Errorf("restore of a package with a password: %v", err)
		}
	}
}
