package data

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestDraftIsKeptReplacedAndDropped(t *testing.T) {
	s := openTemp(t)
	if _, ok, err := s.Draft("meeting"); ok || err != nil {
		t.Fatalf("a new store has a draft (%v)", err)
	}
	if err := s.SaveDraft("meeting", []byte(`{"Agenda":"一"}`)); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft("meeting", []byte(`{"Agenda":"一、二"}`)); err != nil {
		t.Fatal(err)
	}
	d, ok, err := s.Draft("meeting")
	if !ok || err != nil || !bytes.Equal(d.Content, []byte(`{"Agenda":"一、二"}`)) || d.Saved.IsZero() {
		t.Fatalf("draft = %+v, %v, %v; want the second one", d, ok, err)
	}
	path := filepath.Join(s.Dir(), DraftsDir, "meeting.json")
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("draft file mode %v, want 0600 (it holds personal data)", info.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(s.Dir(), DraftsDir, incomingPrefix+"*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if err := s.DropDraft("meeting"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Draft("meeting"); ok {
		t.Error("the dropped draft is still offered")
	}
	if err := s.DropDraft("meeting"); err != nil {
		t.Errorf("dropping no draft: %v", err)
	}
}

func TestDraftRefusesBadKindsAndDamagedOrHugeFiles(t *testing.T) {
	s := openTemp(t)
	for _, kind := range []string{"", "../x", "会议", "a/b"} {
		if err := s.SaveDraft(kind, nil); err == nil {
			t.Errorf("kind %q accepted", kind)
		}
	}
	if err := s.SaveDraft("meeting", bytes.Repeat([]byte("x"), MaxDraftSize)); err == nil {
		t.Error("a draft over the limit was written")
	}
	path := filepath.Join(s.Dir(), DraftsDir, "meeting.json")
	os.MkdirAll(filepath.Dir(path), 0o700)
	for name, raw := range map[string][]byte{
		"damaged": []byte(`{"Kind":"meet`),
		"huge":    append([]byte(`{"Kind":"meeting","Content":"`), bytes.Repeat([]byte("A"), MaxDraftSize+10)...),
	} {
		if err := os.WriteFile(path, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := s.Draft("meeting"); ok || err == nil {
			t.Errorf("%s draft file: ok=%v err=%v, want an error", name, ok, err)
		}
	}
}
