package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partyoffice/data/civil"
	"partyoffice/data/pgtest"
)

// openTemp is an empty store for a test: a SQLite file in a temporary
// folder, or a fresh database on the test server when make test runs the
// suite on PostgreSQL (pgtest.OnServer).
func openTemp(t testing.TB) *Store {
	t.Helper()
	var s *Store
	var err error
	if pgtest.OnServer() {
		s, err = OpenServer(pgtest.Database(t), t.TempDir())
	} else {
		s, err = Open(t.TempDir())
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func d(s string) civil.Date {
	v, err := civil.ParseISO(s)
	if err != nil {
		panic(err)
	}
	return v
}

func member(name, id string) *Person {
	return &Person{Name: name, IDNumber: id, Stage: StageFull,
		JoinDate: d("2010-07-01"), FullDate: d("2011-07-01")}
}

// reopen closes s and opens the same store again (folder or server).
func reopen(t testing.TB, s *Store) *Store {
	t.Helper()
	dir, server := s.Dir(), s.server
	s.Close()
	var r *Store
	var err error
	if server != nil {
		r, err = OpenServer(server.dsn, dir)
	} else {
		r, err = Open(dir)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// fileOnly skips a test about the SQLite file itself (locks, damage, the
// folder) when the suite runs on the server.
func fileOnly(t testing.TB) {
	t.Helper()
	if pgtest.OnServer() {
		t.Skip("about the data folder's SQLite file; not run on the server backend")
	}
}

func TestSecondOpenIsRefused(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir); !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: got %v, want ErrLocked", err)
	}
	s.Close()
	s2, err := Open(dir)
	if err != nil {
		t.Fatalf("open after close: %v", err)
	}
	s2.Close()
}

func TestCreateUpdateDeleteAreAudited(t *testing.T) {
	s := openTemp(t)
	p := member("张三", "11010519491231002X")
	if err := s.CreatePerson(p); err != nil {
		t.Fatal(err)
	}
	if p.Roll != RollActive || p.Standing != StandingNormal {
		t.Fatalf("defaults not filled: %+v", p)
	}
	p.Post = "语文教师"
	if err := s.UpdatePerson(p); err != nil {
		t.Fatal(err)
	}
	got, err := s.Person(p.ID)
	if err != nil || got.Post != "语文教师" || !got.JoinDate.Equal(d("2010-07-01")) {
		t.Fatalf("read back: %+v %v", got, err)
	}
	if err := s.DeletePerson(p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Person(p.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted person still found: %v", err)
	}
	log, _ := s.AuditLog(AuditFilter{Entity: entityPerson, EntityID: p.ID})
	var actions []string
	for _, e := range log {
		actions = append(actions, e.Action)
	}
	want := []string{"删除", "修改", "新增"}
	if len(actions) != 3 || actions[0] != want[0] || actions[1] != want[1] || actions[2] != want[2] {
		t.Fatalf("audit actions %v, want %v", actions, want)
	}
	if log[1].Before == "" || log[1].After == "" {
		t.Fatal("update audit lacks before/after")
	}
}

func TestRecycleBin(t *testing.T) {
	s := openTemp(t)
	p := member("李四", "440524188001010014")
	s.CreatePerson(p)
	s.DeletePerson(p.ID)
	bin, _ := s.DeletedPeople()
	if len(bin) != 1 || bin[0].Name != "李四" {
		t.Fatalf("bin = %+v", bin)
	}
	// A new person may not take the deleted one's ID number back silently…
	if err := s.PurgePerson(999); err == nil {
		t.Fatal("purging a missing record should fail")
	}
	if err := s.RestorePerson(p.ID); err != nil {
		t.Fatal(err)
	}
	if people, _ := s.People(); len(people) != 1 {
		t.Fatalf("after restore: %d people", len(people))
	}
	if err := s.PurgePerson(p.ID); err == nil {
		t.Fatal("purging a live record should fail")
	}
	s.DeletePerson(p.ID)
	if err := s.PurgePerson(p.ID); err != nil {
		t.Fatal(err)
	}
	if bin, _ := s.DeletedPeople(); len(bin) != 0 {
		t.Fatal("bin not emptied")
	}
}

func TestDuplicateIDNumberRefused(t *testing.T) {
	s := openTemp(t)
	if err := s.CreatePerson(member("甲", "120223198902021249")); err != nil {
		t.Fatal(err)
	}
	err := s.CreatePerson(member("乙", "120223198902021249"))
	if err == nil {
		t.Fatal("duplicate ID number accepted")
	}
	if n, _ := s.CountPeople(); n != 1 {
		t.Fatalf("count %d after refused insert", n)
	}
}

func TestStatusEventsChangePersonAndKeepHistory(t *testing.T) {
	s := openTemp(t)
	p := &Person{Name: "王五", Stage: StageProbationer, JoinDate: d("2025-06-01")}
	s.CreatePerson(p)
	ext := StatusEvent{Kind: EventExtend, Date: d("2026-06-01"), EndDate: d("2026-12-01")}
	if err := s.AddStatusEvent(p.ID, ext); err != nil {
		t.Fatal(err)
	}
	if err := s.AddStatusEvent(p.ID, StatusEvent{Kind: EventExtend, Date: d("2026-07-01"), EndDate: d("2027-01-01")}); err == nil {
		t.Fatal("a second extension must be refused (党章: once only)")
	}
	out := StatusEvent{Kind: EventTransferOut, Date: d("2026-08-01"), Destination: "某中学党支部"}
	if err := s.AddStatusEvent(p.ID, out); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Person(p.ID)
	if got.Roll != RollTransferred || got.Destination != "某中学党支部" || !got.ExtendedTo.Equal(d("2026-12-01")) {
		t.Fatalf("person after events: %+v", got)
	}
	hist, _ := s.StatusEvents(p.ID)
	if len(hist) != 2 || hist[0].Kind != EventExtend || hist[1].Kind != EventTransferOut {
		t.Fatalf("history %+v", hist)
	}
	if err := s.AddStatusEvent(p.ID, StatusEvent{Kind: EventLost, Date: d("2026-09-01")}); err == nil {
		t.Fatal("a transferred-out person cannot become 失联 here")
	}
}

func TestEventValidation(t *testing.T) {
	p := &Person{Name: "赵六", Stage: StageProbationer, Roll: RollActive, JoinDate: d("2025-06-01")}
	cases := []struct {
		name string
		e    StatusEvent
		ok   bool
	}{
		{"no date", StatusEvent{Kind: EventConfirm}, false},
		{"confirm", StatusEvent{Kind: EventConfirm, Date: d("2026-06-01")}, true},
		{"extend too short", StatusEvent{Kind: EventExtend, Date: d("2026-06-01"), EndDate: d("2026-11-30")}, false},
		{"extend six months", StatusEvent{Kind: EventExtend, Date: d("2026-06-01"), EndDate: d("2026-12-01")}, true},
		{"extend one year", StatusEvent{Kind: EventExtend, Date: d("2026-06-01"), EndDate: d("2027-06-01")}, true},
		{"extend too long", StatusEvent{Kind: EventExtend, Date: d("2026-06-01"), EndDate: d("2027-06-02")}, false},
		{"transfer without destination", StatusEvent{Kind: EventTransferOut, Date: d("2026-06-01")}, false},
		{"exit without kind", StatusEvent{Kind: EventExit, Date: d("2026-06-01")}, false},
		{"future", StatusEvent{Kind: EventDeath, Date: d("2026-12-02")}, false},
		{"unknown kind", StatusEvent{Kind: "飞升", Date: d("2026-06-01")}, false},
	}
	for _, c := range cases {
		err := ValidateEvent(p, &c.e, d("2026-12-01"))
		if (err == nil) != c.ok {
			t.Errorf("%s: err=%v, want ok=%v", c.name, err, c.ok)
		}
	}
}

func TestRegisterAsOf(t *testing.T) {
	people := []Person{
		{Name: "早", Stage: StageFull, Roll: RollActive, JoinDate: d("2000-01-01"), FullDate: d("2001-01-01")},
		{Name: "新", Stage: StageFull, Roll: RollActive, JoinDate: d("2024-03-01"), FullDate: d("2025-03-01")},
		{Name: "走", Stage: StageFull, Roll: RollTransferred, RollDate: d("2023-05-01"), JoinDate: d("2000-01-01"), FullDate: d("2001-01-01")},
		{Name: "申", Stage: StageApplicant, Roll: RollActive},
	}
	got := RegisterAsOf(people, d("2024-06-30"))
	if len(got) != 2 || got[0].Name != "早" || got[1].Name != "新" || got[1].Stage != StageProbationer {
		t.Fatalf("as of 2024-06-30: %+v", got)
	}
	got = RegisterAsOf(people, d("2023-04-30"))
	if len(got) != 2 || got[1].Name != "走" {
		t.Fatalf("as of 2023-04-30: %+v", got)
	}
}

func TestBackupAndRestore(t *testing.T) {
	s := openTemp(t)
	s.CreatePerson(member("一", "11010519491231002X"))
	b, err := s.Backup("测试")
	if err != nil {
		t.Fatal(err)
	}
	s.CreatePerson(member("二", "440524188001010014"))
	if err := s.Restore(b.Path); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountPeople(); n != 1 {
		t.Fatalf("after restore %d people, want 1", n)
	}
	list, _ := s.Backups()
	if len(list) < 2 { // the one we made + the automatic 恢复前 backup
		t.Fatalf("backups %+v", list)
	}
	// The pre-restore backup holds the two people: the restore can be undone.
	var pre BackupInfo
	for _, x := range list {
		if x.Label == LabelBeforeRestore {
			pre = x
		}
	}
	if err := s.Restore(pre.Path); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountPeople(); n != 2 {
		t.Fatalf("after undoing restore %d people, want 2", n)
	}
}

func TestRestoreRefusesForeignAndDamagedFiles(t *testing.T) {
	s := openTemp(t)
	s.CreatePerson(member("一", "11010519491231002X"))
	dir := t.TempDir()
	text := filepath.Join(dir, "note.db")
	os.WriteFile(text, []byte("这不是数据库"), 0o644)
	if err := s.Restore(text); err == nil {
		t.Fatal("restore of a text file succeeded")
	}
	b, _ := s.Backup("")
	raw, _ := os.ReadFile(b.Path)
	damaged := filepath.Join(dir, "damaged.db")
	os.WriteFile(damaged, raw[:len(raw)/2], 0o644)
	if err := s.Restore(damaged); err == nil {
		t.Fatal("restore of a truncated file succeeded")
	}
	if n, _ := s.CountPeople(); n != 1 {
		t.Fatalf("store changed by refused restores: %d people", n)
	}
}

func TestOpenDetectsDamagedFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, DBFileName), []byte("garbage that is not sqlite at all, repeated…………"), 0o644)
	_, err := Open(dir)
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("got %v, want ErrDamaged", err)
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir)
	s.db.Model(&SchemaMeta{}).Where("id = 1").Update("version", SchemaVersion+1)
	s.Close()
	if _, err := Open(dir); err == nil {
		t.Fatal("a database from a newer version was opened")
	}
}

func TestImportPeopleIsAllOrNothing(t *testing.T) {
	s := openTemp(t)
	s.CreatePerson(member("旧", "11010519491231002X"))
	rows := []Person{
		*member("新一", "440524188001010014"),
		{Name: "", IDNumber: "120223198902021249"}, // refused by the database layer? no: accepted, name checked by caller
	}
	rows[0].GroupName = "一组"
	res, err := s.ImportPeople(rows[:1], ImportSkipExisting, "t.xlsx")
	if err != nil || res.Imported != 1 {
		t.Fatalf("import: %+v %v", res, err)
	}
	groups, _ := s.Groups()
	if len(groups) != 1 || groups[0].Name != "一组" {
		t.Fatalf("group not created: %+v", groups)
	}
	upd := *member("旧改", "11010519491231002X")
	res, err = s.ImportPeople([]Person{upd}, ImportSkipExisting, "t.xlsx")
	if err != nil || res.Skipped != 1 {
		t.Fatalf("skip: %+v %v", res, err)
	}
	res, err = s.ImportPeople([]Person{upd}, ImportUpdateExisting, "t.xlsx")
	if err != nil || res.Updated != 1 {
		t.Fatalf("update: %+v %v", res, err)
	}
	p, _, _ := s.PersonByIDNumber("11010519491231002X")
	if p.Name != "旧改" {
		t.Fatalf("not updated: %+v", p)
	}
	if list, _ := s.Backups(); len(list) == 0 {
		t.Fatal("no backup taken before import into a non-empty store")
	}
}

// A person given twice (stored or new) is written once: the first entry wins
// and the repeat counts as skipped, as reports' dry run predicts.
func TestImportPeopleRepeatedEntryFirstWins(t *testing.T) {
	s := openTemp(t)
	s.CreatePerson(member("旧", "11010519491231002X"))
	rows := []Person{
		*member("旧一", "11010519491231002X"), *member("新一", "440524188001010014"),
		*member("旧二", "11010519491231002X"), *member("新二", "440524188001010014"),
	}
	res, err := s.ImportPeople(rows, ImportUpdateExisting, "t.xlsx")
	if err != nil || res != (ImportResult{Imported: 1, Updated: 1, Skipped: 2}) {
		t.Fatalf("import: %+v %v", res, err)
	}
	if p, _, _ := s.PersonByIDNumber("11010519491231002X"); p.Name != "旧一" {
		t.Errorf("the first row should win, stored %q", p.Name)
	}
	if p, _, _ := s.PersonByIDNumber("440524188001010014"); p.Name != "新一" {
		t.Errorf("the first row should win, stored %q", p.Name)
	}
}

// The store's clock decides what "after today" means for every write.
func TestStoreClockDrivesTheChecks(t *testing.T) {
	s := openTemp(t)
	p := member("甲", "11010519491231002X")
	if err := s.CreatePerson(p); err != nil {
		t.Fatal(err)
	}
	s.SetClock(func() civil.Date { return d("2020-01-01") })
	if s.Today() != d("2020-01-01") {
		t.Fatalf("Today = %s", s.Today())
	}
	death := StatusEvent{Kind: EventDeath, Date: d("2020-06-01")}
	if err := s.AddStatusEvent(p.ID, death); err == nil || !strings.Contains(err.Error(), "在今天之后") {
		t.Errorf("an event after the store's today was accepted: %v", err)
	}
	s.SetClock(nil)
	if err := s.AddStatusEvent(p.ID, death); err != nil {
		t.Errorf("with the computer's date: %v", err)
	}
}
