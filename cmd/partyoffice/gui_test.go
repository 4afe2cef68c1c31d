//go:build ci

package main

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
)

// buttonLabelled finds a button in the window by its text.
func buttonLabelled(t *testing.T, objects []any, text string) *widget.Button {
	t.Helper()
	for _, o := range objects {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

func TestStartupProblemRestoresTheNewestGoodBackup(t *testing.T) {
	dir := demoDir(t)
	want := int64(len(peopleIn(t, dir)))
	mustRun(t, "--data", dir, "backup")
	damage(t, dir)
	_, err := data.Open(dir)
	if !errors.Is(err, data.ErrDamaged) {
		t.Fatalf("open after damage: %v", err)
	}

	a := test.NewTempApp(t)
	w := a.NewWindow("问题")
	var opened *data.Store
	w.SetContent(startupProblem(a, w, dir, err, func(s *data.Store) { opened = s }))
	w.Show()

	var objects []any
	for _, o := range test.LaidOutObjects(w.Content()) {
		objects = append(objects, o)
	}
	test.Tap(buttonLabelled(t, objects, "从备份恢复"))
	if opened == nil {
		t.Fatal("restoring should open the store")
	}
	defer opened.Close()
	if n, _ := opened.CountPeople(); n != want {
		t.Errorf("restored store holds %d people", n)
	}
}

func TestStartupProblemMessages(t *testing.T) {
	if msg := startupMessage(data.ErrLocked); msg != data.ErrLocked.Error() {
		t.Errorf("locked: %q", msg)
	}
	if msg := startupMessage(&data.DamagedError{Detail: "x"}); !strings.Contains(msg, "从备份恢复") {
		t.Errorf("damaged: %q", msg)
	}
	if msg := startupMessage(errors.New("无法写入数据文件夹")); !strings.Contains(msg, "电脑管理员") {
		t.Errorf("other: %q", msg)
	}
}

func TestStartupProblemWithoutBackupsSaysSo(t *testing.T) {
	dir := demoDir(t)
	damage(t, dir)
	_, err := data.Open(dir)

	a := test.NewTempApp(t)
	w := a.NewWindow("问题")
	w.SetContent(startupProblem(a, w, dir, err, func(s *data.Store) { t.Error("nothing to restore from") }))
	var objects []any
	for _, o := range test.LaidOutObjects(w.Content()) {
		objects = append(objects, o)
	}
	restore := buttonLabelled(t, objects, "从备份恢复")
	test.Tap(restore)
	if !restore.Disabled() {
		t.Errorf("the restore button should be disabled after it failed")
	}
	found := false
	for _, o := range objects {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "没有备份") {
			found = true
		}
	}
	if !found {
		t.Errorf("the window should say there is no backup")
	}
}
