package data_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/pgtest"
)

// Two PCs on one server load the same person; the second save is refused
// with who saved it and when, and nothing of the first is lost.
func TestSecondSaveOfTheSameRecordIsRefused(t *testing.T) {
	dsn := pgtest.Database(t)
	first := datatest.ServerStoreOn(t, dsn)
	second := datatest.ServerStoreOn(t, dsn)
	first.Actor, second.Actor = "张静", "李明"
	secondSaveIsRefused(t, first, second)
}

// The same guard holds for two windows on one PC (one SQLite store).
func TestStaleFormIsRefusedOnOnePC(t *testing.T) {
	s := datatest.Store(t)
	s.Actor = "张静"
	secondSaveIsRefused(t, s, s)
}

func secondSaveIsRefused(t *testing.T, first, second *data.Store) {
	t.Helper()
	ids := datatest.Create(t, first, datatest.Member("王芳", datatest.IDNumber("19800101", 2)))
	a, err := first.Person(ids[0])
	if err != nil {
		t.Fatal(err)
	}
	b, err := second.Person(ids[0])
	if err != nil {
		t.Fatal(err)
	}
	a.Phone = "13800000001"
	if err := first.UpdatePerson(&a); err != nil {
		t.Fatalf("first save: %v", err)
	}
	b.Phone = "13900000002"
	err = second.UpdatePerson(&b)
	var conflict *data.ConflictError
	if !errors.As(err, &conflict) || !errors.Is(err, data.ErrConflict) {
		t.Fatalf("second save of a stale copy: %v, want a ConflictError", err)
	}
	want := "已被 张静 在 " + a.UpdatedAt.Local().Format("15:04") + " 修改"
	if conflict.By != "张静" || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("conflict says %q (by %q), want it to start %q", err, conflict.By, want)
	}
	got, _ := second.Person(ids[0])
	if got.Phone != "13800000001" || got.Version != a.Version {
		t.Fatalf("stored phone %q version %d, want the first save's (%d)", got.Phone, got.Version, a.Version)
	}
	// Reloaded, the second user's change goes through.
	got.Phone = "13900000002"
	if err := second.UpdatePerson(&got); err != nil {
		t.Fatalf("save after reload: %v", err)
	}
}

// editor is one kind of record a form edits: load reads it on a store (as
// a form opens it) and returns a save of the loaded copy with one field set
// to v; stored reads that field back.
type editor struct {
	name   string
	load   func(t *testing.T, s *data.Store) func(v string) error
	stored func(t *testing.T, s *data.Store) string
}

// editors are the records of the forms, each created once on s.
func editors(t *testing.T, s *data.Store) []editor {
	t.Helper()
	if err := s.SaveBranch(data.Branch{Name: "一小党支部"}); err != nil {
		t.Fatal(err)
	}
	member := datatest.Create(t, s, datatest.Member("王芳", datatest.IDNumber("19800101", 2)))[0]
	m := datatest.Meeting(t, s, datatest.Day("2026-03-05"), nil, data.TypeMembersMeeting)
	if err := s.SaveMeeting(&m); err != nil {
		t.Fatal(err)
	}
	applicant := &data.Person{Name: "赵申请"}
	if err := s.NewApplicant(applicant, datatest.Day("2026-01-05")); err != nil {
		t.Fatal(err)
	}
	base := data.DuesBase{PersonID: member, From: datatest.Day("2026-01"), Category: data.DuesEmployed, BaseFen: 500000}
	if err := data.SaveRecord(s, &base); err != nil {
		t.Fatal(err)
	}
	group := data.PartyGroup{Name: "第一党小组"}
	if err := s.SaveGroup(&group); err != nil {
		t.Fatal(err)
	}
	must := func(t *testing.T, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	return []editor{
		{"人员", func(t *testing.T, s *data.Store) func(string) error {
			p, err := s.Person(member)
			must(t, err)
			return func(v string) error { p.Phone = v; return s.UpdatePerson(&p) }
		}, func(t *testing.T, s *data.Store) string { p, _ := s.Person(member); return p.Phone }},
		{"会议记录", func(t *testing.T, s *data.Store) func(string) error {
			got, err := s.Meeting(m.ID)
			must(t, err)
			return func(v string) error { got.Place = v; return s.SaveMeeting(&got) }
		}, func(t *testing.T, s *data.Store) string { got, _ := s.Meeting(m.ID); return got.Place }},
		{"发展党员记录", func(t *testing.T, s *data.Store) func(string) error {
			steps, err := s.DevSteps(applicant.ID)
			must(t, err)
			st := steps[0]
			return func(v string) error { st.Note = v; return s.SaveDevStep(&st) }
		}, func(t *testing.T, s *data.Store) string { steps, _ := s.DevSteps(applicant.ID); return steps[0].Note }},
		{"党费基数", func(t *testing.T, s *data.Store) func(string) error {
			rows, err := data.Records[data.DuesBase](s, "id", "id = ?", base.ID)
			must(t, err)
			return func(v string) error { rows[0].Note = v; return data.SaveRecord(s, &rows[0]) }
		}, func(t *testing.T, s *data.Store) string {
			rows, _ := data.Records[data.DuesBase](s, "id", "id = ?", base.ID)
			return rows[0].Note
		}},
		{"党小组", func(t *testing.T, s *data.Store) func(string) error {
			groups, err := s.Groups()
			must(t, err)
			g := groups[0]
			return func(v string) error { g.Note = v; return s.SaveGroup(&g) }
		}, func(t *testing.T, s *data.Store) string { groups, _ := s.Groups(); return groups[0].Note }},
		{"支部信息", func(t *testing.T, s *data.Store) func(string) error {
			b, err := s.Branch()
			must(t, err)
			return func(v string) error { b.Phone = v; return s.SaveBranch(b) }
		}, func(t *testing.T, s *data.Store) string { b, _ := s.Branch(); return b.Phone }},
	}
}

// Two clients of one branch on a server open the same records; for each,
// the second save is refused naming the first user, the first user's
// change stays, and the 操作日志 names who saved. Reloaded, the second goes
// through.
func TestTwoClientsEditingTheSameRecords(t *testing.T) {
	first, second, _ := twoBranchUsers(t)
	for _, e := range editors(t, first) {
		t.Run(e.name, func(t *testing.T) {
			staleCopyIsRefused(t, e, first, second)
		})
	}
	entries, _, err := first.SearchAudit(data.AuditQuery{Action: "修改", Text: "李明"})
	if err != nil || len(entries) == 0 {
		t.Fatalf("the 操作日志 has no change by 李明 (%v)", err)
	}
	for _, e := range entries {
		if e.Actor != "李明" {
			t.Errorf("an entry found by 李明 names %q: %s", e.Actor, e.Summary)
		}
	}
}

// Two windows of the program on one PC are two clients of one store.
func TestTwoWindowsEditingTheSameRecords(t *testing.T) {
	s := datatest.StoreIn(t, t.TempDir())
	s.Actor = "张静"
	for _, e := range editors(t, s) {
		t.Run(e.name, func(t *testing.T) { staleCopyIsRefused(t, e, s, s) })
	}
}

func staleCopyIsRefused(t *testing.T, e editor, first, second *data.Store) {
	t.Helper()
	a, b := e.load(t, first), e.load(t, second)
	if err := a("第一次"); err != nil {
		t.Fatalf("first save: %v", err)
	}
	err := b("第二次")
	var conflict *data.ConflictError
	if !errors.As(err, &conflict) || conflict.By != first.Actor {
		t.Fatalf("second save of a stale copy: %v, want a ConflictError naming %s", err, first.Actor)
	}
	if got := e.stored(t, second); got != "第一次" {
		t.Fatalf("stored %q after the refused save, want the first save's", got)
	}
	if err := b("第二次"); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("the refused copy saved on a second try: %v", err)
	}
	if err := e.load(t, second)("第二次"); err != nil {
		t.Fatalf("save after reloading: %v", err)
	}
	if got := e.stored(t, first); got != "第二次" {
		t.Fatalf("stored %q after the reloaded save", got)
	}
}

// Many PCs (goroutines, each with its own connection on a server) save the
// same loaded version of a sitting and a person at the same moment: exactly
// one save wins, every other is a conflict.
func TestSimultaneousSavesOneWins(t *testing.T) {
	const clients = 6
	t.Run("sqlite", func(t *testing.T) {
		s := datatest.StoreIn(t, t.TempDir())
		oneSaveWins(t, []*data.Store{s, s, s, s, s, s})
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := pgtest.Database(t)
		stores := make([]*data.Store, clients)
		for i := range stores {
			stores[i] = datatest.ServerStoreOn(t, dsn)
		}
		oneSaveWins(t, stores)
	})
}

// oneSaveWins has each store save its own loaded copy at once.
func oneSaveWins(t *testing.T, stores []*data.Store) {
	clients := len(stores)
	{
		for _, e := range editors(t, stores[0])[:2] { // 人员, 会议记录
			saves := make([]func(string) error, clients)
			for i := range saves {
				saves[i] = e.load(t, stores[i])
			}
			start := make(chan struct{})
			errs := make(chan error, clients)
			var wg sync.WaitGroup
			for i := range saves {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					<-start
					errs <- saves[i](fmt.Sprint("第", i, "台"))
				}(i)
			}
			close(start)
			wg.Wait()
			close(errs)
			won := 0
			for err := range errs {
				switch {
				case err == nil:
					won++
				case !errors.Is(err, data.ErrConflict):
					t.Errorf("%s: a save failed otherwise: %v", e.name, err)
				}
			}
			if won != 1 {
				t.Errorf("%s: %d of %d simultaneous saves won, want exactly 1", e.name, won, clients)
			}
		}
	}
}

// A record written before the version column existed has NULL there; it
// is version 0, not a conflict for ever.
func TestRowsFromBeforeVersioningCanBeSaved(t *testing.T) {
	s := datatest.Store(t)
	for _, e := range editors(t, s) {
		t.Run(e.name, func(t *testing.T) {
			for _, table := range []string{"people", "meetings", "dev_steps", "dues_bases", "party_groups", "branches"} {
				if err := s.DB().Exec("UPDATE " + table + " SET version = NULL, updated_by = NULL").Error; err != nil {
					t.Fatal(err)
				}
			}
			if err := e.load(t, s)("旧数据"); err != nil {
				t.Fatalf("save of a record from before versioning: %v", err)
			}
		})
	}
}

// An import updating a row (its ID found by the sheet's keys) replaces it
// whatever version the row is at: the sheet decides, no form was stale.
func TestImportSavesOverEditedRows(t *testing.T) {
	s := datatest.Store(t)
	member := datatest.Create(t, s, datatest.Member("王芳", datatest.IDNumber("19800101", 2)))[0]
	base := data.DuesBase{PersonID: member, From: datatest.Day("2026-01"), Category: data.DuesEmployed, BaseFen: 500000}
	if err := data.SaveRecord(s, &base); err != nil {
		t.Fatal(err)
	}
	base.Note = "表单改过"
	if err := data.SaveRecord(s, &base); err != nil {
		t.Fatal(err)
	}
	imported := data.DuesBase{PersonID: member, From: base.From, Category: data.DuesEmployed, BaseFen: 600000}
	imported.ID = base.ID
	if err := data.SaveRecords(s, []data.DuesBase{imported}); err != nil {
		t.Fatalf("import over an edited row: %v", err)
	}
	rows, _ := data.Records[data.DuesBase](s, "id", "")
	if len(rows) != 1 || rows[0].BaseFen != 600000 || rows[0].Version != base.Version+1 {
		t.Fatalf("after the import: %+v", rows)
	}
}
