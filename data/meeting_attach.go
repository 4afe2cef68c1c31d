package data

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Attachments are copied into the data folder (attachments/meetings/), named
// by their SHA-256 so the same photo attached twice is stored once, and
// checked against it when opened: a file changed or damaged on disk is
// noticed rather than shown as evidence.

const (
	entityAttachment = "会议附件"
	meetingFilesDir  = "meetings"
	// maxAttachmentBytes keeps the data folder (and its backups) a size an
	// office PC and a USB stick can carry; scans and photos are far smaller.
	maxAttachmentBytes = 100 << 20
)

// ErrAttachmentChanged means the stored file no longer matches its checksum.
var ErrAttachmentChanged = errors.New("附件文件已被改动或损坏")

// AddMeetingAttachment copies the file at src into the data folder and
// records it with the sitting. kind is one of AttachmentKinds ("" guesses
// from the file name).
func (s *Store) AddMeetingAttachment(meetingID uint, src, kind, note string) (MeetingAttachment, error) {
	a := MeetingAttachment{MeetingID: meetingID, Name: filepath.Base(src), Kind: kind, Note: CleanText(note)}
	if a.Kind == "" {
		a.Kind = guessAttachmentKind(a.Name)
	}
	if !oneOf(a.Kind, AttachmentKinds...) {
		return a, fmt.Errorf("附件类别应为%s", strings.Join(AttachmentKinds, "、"))
	}
	rel, sum, size, created, err := s.copyIn(src)
	if err != nil {
		return a, err
	}
	a.Path, a.SHA256, a.Size = rel, sum, size
	err = s.write(func(tx *Tx) error {
		var m Meeting
		if err := tx.First(&m, meetingID).Error; err != nil {
			return errors.New("找不到这条会议记录，它可能已被删除")
		}
		var same int64
		if err := tx.Model(&MeetingAttachment{}).Where("meeting_id = ? AND sha256 = ?", meetingID, sum).
			Count(&same).Error; err != nil {
			return err
		}
		if same > 0 {
			return fmt.Errorf("“%s”已经添加到这次会议中了（内容相同的文件）", a.Name)
		}
		if err := s.storeOnServer(tx, rel, sum); err != nil {
			return err
		}
		if err := tx.Create(&a).Error; err != nil {
			return err
		}
		return tx.Audit("新增", entityAttachment, a.ID,
			fmt.Sprintf("%s %s 添加附件“%s”", m.Date, m.TypeNames(), a.Name), nil, a)
	})
	if err != nil && created {
		os.Remove(filepath.Join(s.dir, filepath.FromSlash(rel)))
	}
	return a, err
}

func guessAttachmentKind(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".heic", ".bmp", ".gif", ".webp":
		if strings.Contains(name, "签到") {
			return "签到表"
		}
		return "现场照片"
	case ".pdf", ".doc", ".docx", ".wps", ".xls", ".xlsx", ".ppt", ".pptx", ".txt":
		if strings.Contains(name, "签到") {
			return "签到表"
		}
		return "会议材料"
	}
	return "其他"
}

// copyIn copies src into attachments/meetings/<sha256><ext> and returns the
// relative path, the checksum, the size and whether the file is new there.
func (s *Store) copyIn(src string) (rel, sum string, size int64, created bool, err error) {
	in, err := openAttachmentSource(src)
	if err != nil {
		return "", "", 0, false, err
	}
	defer in.Close()
	dir := filepath.Join(s.dir, AttachDir, meetingFilesDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", "", 0, false, fmt.Errorf("无法创建附件文件夹：%w", plainIOError(err))
	}
	tmp, err := os.CreateTemp(dir, incomingPrefix+"*")
	if err != nil {
		return "", "", 0, false, fmt.Errorf("无法保存附件：%w", plainIOError(err))
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	h := sha256.New()
	size, err = io.Copy(io.MultiWriter(tmp, h), in)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", "", 0, false, fmt.Errorf("复制附件失败：%w", plainIOError(err))
	}
	sum = hex.EncodeToString(h.Sum(nil))
	name := sum + strings.ToLower(filepath.Ext(src))
	rel = path.Join(AttachDir, meetingFilesDir, name)
	target := filepath.Join(dir, name)
	if s.alreadyCached(target, sum) {
		return rel, sum, size, false, nil // the same content is stored already
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return "", "", 0, false, fmt.Errorf("保存附件失败：%w", plainIOError(err))
	}
	return rel, sum, size, true, nil
}

func openAttachmentSource(src string) (*os.File, error) {
	st, err := os.Stat(src)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("找不到文件“%s”，它可能已被移动或删除", filepath.Base(src))
	case err != nil:
		return nil, fmt.Errorf("无法读取文件“%s”：%w", filepath.Base(src), plainIOError(err))
	case st.IsDir():
		return nil, fmt.Errorf("“%s”是文件夹，请选择一个文件", filepath.Base(src))
	case st.Size() == 0:
		return nil, fmt.Errorf("文件“%s”是空的（0 字节），请确认选对了文件", filepath.Base(src))
	case st.Size() > maxAttachmentBytes:
		return nil, fmt.Errorf("文件“%s”有 %.0f MB，超过了 %d MB 的上限：照片请先压缩，扫描件请用较低的分辨率",
			filepath.Base(src), float64(st.Size())/(1<<20), maxAttachmentBytes>>20)
	}
	f, err := os.Open(src)
	if err != nil {
		return nil, fmt.Errorf("无法打开文件“%s”：%w", filepath.Base(src), plainIOError(err))
	}
	return f, nil
}

// AttachmentPath is where the attachment's file is on this computer. On a
// server it is fetched into this PC's cache first when missing or changed
// there; when that fails the path names a missing or stale file, and
// VerifyAttachment (which the window calls before opening) says why.
func (s *Store) AttachmentPath(a MeetingAttachment) string {
	s.fetchFile(a.Path, a.SHA256, a.Name)
	return filepath.Join(s.dir, filepath.FromSlash(a.Path))
}

// VerifyAttachment checks that the stored file is there and unchanged (on a
// server: that this PC can fetch it, and then its cached copy).
func (s *Store) VerifyAttachment(a MeetingAttachment) error {
	if s.server != nil {
		// fetchFile hashes the cached copy, and fetches a verified one
		// when it does not match: nothing is left to check.
		return s.fetchFile(a.Path, a.SHA256, a.Name)
	}
	got, err := fileSum(filepath.Join(s.dir, filepath.FromSlash(a.Path)))
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("附件“%s”的文件不见了（应在 %s），请从备份中找回或重新添加", a.Name, a.Path)
	}
	if err != nil {
		return fmt.Errorf("无法读取附件“%s”：%w", a.Name, plainIOError(err))
	}
	if got != a.SHA256 {
		return fmt.Errorf("%w：“%s”与添加时的内容不一致，请从备份中找回原件", ErrAttachmentChanged, a.Name)
	}
	return nil
}

// DeleteMeetingAttachment moves an attachment to the recycle bin; its file
// stays until the sitting is purged.
func (s *Store) DeleteMeetingAttachment(id uint) error {
	return s.write(func(tx *Tx) error {
		var a MeetingAttachment
		if err := tx.First(&a, id).Error; err != nil {
			return ErrNotFound
		}
		if err := tx.Delete(&a).Error; err != nil {
			return err
		}
		return tx.Audit("删除", entityAttachment, id, "删除附件“"+a.Name+"”（移入回收站）", a, nil)
	})
}

// removeUnusedFiles deletes attachment files no record (live or in the
// bin) refers to any more. Failures are ignored: a file left over wastes
// space but loses nothing.
func (s *Store) removeUnusedFiles(paths []string) {
	for _, p := range paths {
		var n, m int64
		if s.db.Unscoped().Model(&MeetingAttachment{}).Where("path = ?", p).Count(&n).Error != nil || n > 0 {
			continue
		}
		// The yearly registers' attachments share the folder (record_attach.go).
		if s.db.Unscoped().Model(&RecordAttachment{}).Where("path = ?", p).Count(&m).Error != nil || m > 0 {
			continue
		}
		s.forgetOnServer(p)
		os.Remove(filepath.Join(s.dir, filepath.FromSlash(p)))
	}
}

// alreadyCached says whether target holds the content sum already. On a
// single PC the name says it (content-addressed); a server store's cache is
// checked, since its file is what gets uploaded.
func (s *Store) alreadyCached(target, sum string) bool {
	if _, err := os.Stat(target); err != nil {
		return false
	}
	if s.server == nil {
		return true
	}
	got, err := fileSum(target)
	return err == nil && got == sum
}
