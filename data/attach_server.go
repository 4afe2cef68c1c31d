package data

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"gorm.io/gorm"

	"partyoffice/data/handover"
)

// Attachments of a store on a server (docs/ARCHITECTURE.md#two-backends):
// the file itself lives in the server's stored_files table, a row per branch
// and path (the table is branch-scoped like every other), so a photo added
// on one PC opens on the next. The attachments/ folder under this PC's
// local folder is only a cache: a file is fetched into it when it is missing
// there or no longer matches its checksum. A store on a SQLite file has no
// such table and none of this runs: its attachments/ folder is the original.

// storeOnServer uploads the cached file rel (just copied in by copyIn) in
// the transaction that records its attachment, so the record and its file
// arrive on the server together or not at all. The same content added twice
// is one row.
func (s *Store) storeOnServer(tx *Tx, rel, sum string) error {
	if s.server == nil {
		return nil
	}
	raw, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(rel)))
	if err != nil {
		return fmt.Errorf("无法读取附件：%w", plainIOError(err))
	}
	return tx.Exec(`INSERT INTO stored_files (path, sha256, data) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
		rel, sum, raw).Error
}

// fetchFile makes sure this PC's cache holds the server's file rel with the
// checksum sum, downloading it when missing or different. name is the
// attachment's name for messages. Nothing to do on a SQLite store.
func (s *Store) fetchFile(rel, sum, name string) error {
	if s.server == nil {
		return nil
	}
	local, ok := s.cachePath(rel)
	if !ok {
		return fmt.Errorf("附件“%s”的存放位置不对（%s），无法取回", name, rel)
	}
	if got, err := fileSum(local); err == nil && got == sum {
		return nil
	}
	// The size first: a row another PC wrote is read into memory only
	// within the cap every attachment was added under.
	var size []int64
	err := s.db.Model(&StoredFile{}).Where("path = ?", rel).Limit(1).Pluck("octet_length(data)", &size).Error
	missing := fmt.Errorf("服务器上没有附件“%s”的文件，请重新添加，或从备份中找回", name)
	switch {
	case err != nil:
		return fmt.Errorf("无法从服务器取回附件“%s”：%w", name, plainServerError(err))
	case len(size) == 0:
		return missing
	case size[0] > maxAttachmentBytes:
		return fmt.Errorf("%w：服务器上的“%s”大于附件的上限，未取回", ErrAttachmentChanged, name)
	}
	var f StoredFile
	if err := s.db.Where("path = ?", rel).Limit(1).Find(&f).Error; err != nil {
		return fmt.Errorf("无法从服务器取回附件“%s”：%w", name, plainServerError(err))
	}
	if f.Path == "" { // deleted in between
		return missing
	}
	if got := sha256.Sum256(f.Data); hex.EncodeToString(got[:]) != sum {
		return fmt.Errorf("%w：服务器上的“%s”与添加时的内容不一致，请从备份中找回原件", ErrAttachmentChanged, name)
	}
	return writeCached(local, f.Data)
}

// cachePath is where rel is cached on this PC; a path from the server that
// would leave the attachments folder is refused (another PC wrote the row).
func (s *Store) cachePath(rel string) (string, bool) {
	if !strings.HasPrefix(rel, AttachDir+"/") || !filepath.IsLocal(filepath.FromSlash(rel)) || path.Clean(rel) != rel {
		return "", false
	}
	return filepath.Join(s.dir, filepath.FromSlash(rel)), true
}

// writeCached writes a fetched file whole or not at all: a half-written
// file would be taken for a damaged attachment.
func writeCached(dest string, raw []byte) error {
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return fmt.Errorf("无法保存附件：%w", plainIOError(err))
	}
	if err := writeFileAtomically(dest, raw); err != nil {
		return fmt.Errorf("无法保存附件：%w", err)
	}
	return nil
}

// fileSum is the SHA-256 of the file at p.
func fileSum(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// forgetOnServer deletes the server's copy of a file no record uses any
// more (removeUnusedFiles has checked).
func (s *Store) forgetOnServer(rel string) {
	if s.server != nil {
		s.db.Where("path = ?", rel).Delete(&StoredFile{})
	}
}

// packageAttachments lists the attachments a backup or 移交包 carries: the
// data folder's on a single PC; on a server, the branch's files there,
// fetched into the cache first (whatever else the cache holds is not the
// branch's any more).
func (s *Store) packageAttachments(shared bool) ([]handover.Source, error) {
	if s.server == nil {
		return attachmentSources(s.dir, shared)
	}
	var files []StoredFile
	if err := s.db.Select("path", "sha256").Order("path").Find(&files).Error; err != nil {
		return nil, fmt.Errorf("无法从服务器取回附件：%w", plainServerError(err))
	}
	out := make([]handover.Source, 0, len(files))
	for _, f := range files {
		if err := s.fetchFile(f.Path, f.SHA256, path.Base(f.Path)); err != nil {
			return nil, err
		}
		local, _ := s.cachePath(f.Path)
		out = append(out, handover.Source{Path: f.Path, Disk: local, Shared: shared})
	}
	return out, nil
}

// serverAttachmentStats is AttachmentStats on a server: the branch's files.
func (s *Store) serverAttachmentStats() (files int, bytes int64, err error) {
	var st struct {
		Files int
		Bytes int64
	}
	err = s.db.Model(&StoredFile{}).Select("count(*) AS files, COALESCE(sum(octet_length(data)), 0) AS bytes").
		Scan(&st).Error
	if err != nil {
		return 0, 0, plainServerError(err)
	}
	return st.Files, st.Bytes, nil
}

// replaceStoredFiles puts the attachments of an incoming package (root is
// its attachments folder) in place of those of the branch on the server,
// inside the transaction that replaces the records (which gives the
// branch: the owner is not limited by row-level security).
func replaceStoredFiles(tx *gorm.DB, branch uint, root string) error {
	if err := tx.Exec("DELETE FROM stored_files WHERE branch_id = ?", branch).Error; err != nil {
		return err
	}
	_, err := uploadAttachments(root, tx)
	return err
}
