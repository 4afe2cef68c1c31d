package data_test

import (
	"errors"
	"strings"
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
