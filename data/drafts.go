package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// DraftsDir is the folder of the data folder where forms keep typed work
// that is not saved yet (issue 12: a crash or a power cut must not lose a
// long minutes form). It holds at most one draft per kind of form.
const DraftsDir = "drafts"

// MaxDraftSize bounds a draft file, written and read: a form holds text a
// person typed, far below this; a larger file is not a draft of ours.
const MaxDraftSize = 4 << 20

// Draft is a form's typed work kept while it is not saved.
type Draft struct {
	Kind    string    // what form it is from, e.g. "meeting"
	Saved   time.Time // when it was written
	Content []byte    // the form's own encoding (JSON)
}

var errDraftKind = errors.New("草稿类型无效")

// draftPath is the file of kind's draft; kinds are plain words of the
// program, never user input, but are checked so no path can be built.
func (s *Store) draftPath(kind string) (string, error) {
	if kind == "" || len(kind) > 32 {
		return "", errDraftKind
	}
	for _, r := range kind {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return "", errDraftKind
		}
	}
	return filepath.Join(s.dir, DraftsDir, kind+".json"), nil
}

// SaveDraft keeps content as kind's draft, replacing the previous one. The
// file is written through a temporary file and a rename (a crash leaves the
// old draft or the new one) and readable by the user only (0600): it holds
// personal data like the database does.
func (s *Store) SaveDraft(kind string, content []byte) error {
	path, err := s.draftPath(kind)
	if err != nil {
		return err
	}
	raw, err := json.Marshal(Draft{Kind: kind, Saved: time.Now(), Content: content})
	if err != nil {
		return err
	}
	if len(raw) > MaxDraftSize {
		return fmt.Errorf("草稿太大（超过 %d MB），没有保存", MaxDraftSize>>20)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("无法保存草稿：%w", plainIOError(err))
	}
	if err := writeFileAtomically(path, raw); err != nil {
		return fmt.Errorf("无法保存草稿：%w", err)
	}
	return nil
}

// Draft is kind's draft; ok is false when there is none. A damaged draft
// (cut short by a power cut mid-rename cannot happen, but a disk error can)
// is reported as an error, not as "none", so the user is told.
func (s *Store) Draft(kind string) (d Draft, ok bool, err error) {
	path, err := s.draftPath(kind)
	if err != nil {
		return d, false, err
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return d, false, nil
	}
	if err != nil {
		return d, false, fmt.Errorf("无法读取草稿：%w", plainIOError(err))
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, MaxDraftSize+1))
	if err != nil {
		return d, false, fmt.Errorf("无法读取草稿：%w", plainIOError(err))
	}
	if len(raw) > MaxDraftSize || json.Unmarshal(raw, &d) != nil || d.Kind != kind {
		return Draft{}, false, errors.New("草稿文件已损坏，无法恢复")
	}
	return d, true, nil
}

// DropDraft deletes kind's draft (saved, discarded or declined); none is fine.
func (s *Store) DropDraft(kind string) error {
	path, err := s.draftPath(kind)
	if err != nil {
		return err
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("无法删除草稿：%w", plainIOError(err))
	}
	return nil
}
