//go:build ci

package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/datatest"
)

// problemWindow shows the startup problem for dir and returns what the
// user sees; opened gets the store once the window made it usable.
func problemWindow(t *testing.T, dir string, err error, opened func(*data.Store)) (objects []any, message func() string) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("问题")
	w.SetContent(startupProblem(a, w, dir, err, opened))
	for _, o := range test.LaidOutObjects(w.Content()) {
		objects = append(objects, o)
	}
	return objects, func() string {
		var texts []string
		for _, o := range objects {
			if l, ok := o.(*widget.Label); ok {
				texts = append(texts, l.Text)
			}
		}
		return strings.Join(texts, "\n")
	}
}

func TestVanishedDatabaseIsNotReplacedByAnEmptyOne(t *testing.T) {
	dir := datatest.Folder(t)
	want := len(peopleIn(t, dir))
	mustRun(t, "--data", dir, "backup")
	os.Remove(filepath.Join(dir, data.DBFileName))

	_, err := data.OpenFolder(dir)
	if !errors.Is(err, data.ErrDatabaseMissing) {
		t.Fatalf("open without the database: %v", err)
	}
	var opened *data.Store
	objects, message := problemWindow(t, dir, err, func(s *data.Store) { opened = s })
	if !strings.Contains(message(), "最近一份完好的备份") {
		t.Errorf("the newest good backup is not named:\n%s", message())
	}
	buttonLabelled(t, objects, "从空白开始")
	test.Tap(buttonLabelled(t, objects, "从备份恢复"))
	if opened == nil {
		t.Fatal("restoring should open the store")
	}
	defer opened.Close()
	if n, _ := opened.CountPeople(); int(n) != want {
		t.Errorf("restored %d people, want %d", n, want)
	}
}

func TestStartBlankKeepsTheBackups(t *testing.T) {
	dir := datatest.Folder(t)
	mustRun(t, "--data", dir, "backup")
	os.Remove(filepath.Join(dir, data.DBFileName))
	_, err := data.OpenFolder(dir)
	var opened *data.Store
	objects, _ := problemWindow(t, dir, err, func(s *data.Store) { opened = s })
	test.Tap(buttonLabelled(t, objects, "从空白开始"))
	if opened == nil {
		t.Fatal("starting blank should open a store")
	}
	defer opened.Close()
	if n, _ := opened.CountPeople(); n != 0 {
		t.Errorf("blank store holds %d people", n)
	}
	if list, _ := opened.Backups(); len(list) == 0 {
		t.Error("the backups were lost")
	}
}

func TestRetryAfterTheOtherWindowClosed(t *testing.T) {
	dir := datatest.Folder(t)
	other, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = data.OpenFolder(dir)
	if !errors.Is(err, data.ErrLocked) {
		t.Fatalf("second open: %v", err)
	}
	var opened *data.Store
	objects, _ := problemWindow(t, dir, err, func(s *data.Store) { opened = s })
	retry := buttonLabelled(t, objects, "重试")
	test.Tap(retry)
	if opened != nil {
		t.Fatal("opened while the other window still holds the folder")
	}
	other.Close()
	test.Tap(retry)
	if opened == nil {
		t.Fatal("retry after the other window closed should open the store")
	}
	opened.Close()
}
