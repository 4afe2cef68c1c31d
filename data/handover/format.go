// Package handover is the file format that carries a branch's data from one
// place to another: the 移交包 handed to the next secretary, and the backups.
//
// A package is a zip archive holding manifest.json and the files it lists
// (the database snapshot, the attachments). The manifest names the app and
// schema versions, the branch, counts per register and the SHA-256 and size
// of every file, so the receiving side can prove that nothing was lost or
// changed on the way.
//
// With a password the whole zip is encrypted (see crypt.go): a versioned
// header with the Argon2id parameters, then the zip in AES-256-GCM chunks, so
// neither side ever holds more than one chunk in memory.
//
// A backup kept in the data folder may leave its attachments out of the zip
// and refer to them in a shared folder of the backups by their SHA-256
// (File.Shared): attachments never change once stored, so thirty daily
// backups then cost one copy of each photo rather than thirty.
//
// The package knows nothing about the store; package data builds the
// manifest and puts the files in place.
package handover

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"time"

	"partyoffice/data/winname"
)

// Format identifies the manifest; FormatVersion is the version this build
// writes and the newest it reads.
const (
	Format        = "partyoffice-package"
	FormatVersion = 1
	ManifestName  = "manifest.json"
)

// Kinds of package, as the manifest records them.
const (
	KindHandover = "移交包"
	KindBackup   = "备份"
)

// Limits for reading an untrusted package: nothing larger is believed, and
// nothing of these sizes is held in memory (files stream to disk).
const (
	maxManifestBytes = 16 << 20
	maxFiles         = 200_000
	// MaxTotalBytes caps the files of a package together: far above any
	// branch's data with years of meeting photos, far below a full disk.
	MaxTotalBytes = 32 << 30
)

// Manifest is manifest.json: what the package holds and where it came from.
type Manifest struct {
	Format        string    `json:"format"`
	FormatVersion int       `json:"format_version"`
	Kind          string    `json:"kind"`
	Label         string    `json:"label,omitempty"` // a backup's reason: 自动, 手动, 导入前 …
	AppVersion    string    `json:"app_version"`
	SchemaVersion int       `json:"schema_version"`
	Branch        string    `json:"branch"`
	Created       time.Time `json:"created"`
	CreatedBy     string    `json:"created_by"`
	// LastChange is the ID of the newest audit entry in the snapshot: two
	// snapshots with the same one hold the same data.
	LastChange uint    `json:"last_change"`
	Counts     []Count `json:"counts"`
	Files      []File  `json:"files"`
}

// Count is the number of records of one register, for the summary shown
// before a package replaces anything.
type Count struct {
	Name  string `json:"name"`
	Count int64  `json:"count"`
}

// File is one file of the package with its size and SHA-256 (hex).
type File struct {
	Path   string `json:"path"` // slash-separated, relative
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
	// Shared files are not in the zip but in the shared folder of the
	// backups, named by their SHA-256 (SharedPath).
	Shared bool `json:"shared,omitempty"`
}

// SharedPath is where a shared file lives inside the shared folder: fanned
// out by the first two hex digits so no folder grows huge.
func SharedPath(sha string) string { return path.Join(sha[:2], sha) }

// TotalSize is the size of all files.
func (m *Manifest) TotalSize() int64 {
	var n int64
	for _, f := range m.Files {
		n += f.Size
	}
	return n
}

// File returns the entry for name, if listed.
func (m *Manifest) File(name string) (File, bool) {
	for _, f := range m.Files {
		if f.Path == name {
			return f, true
		}
	}
	return File{}, false
}

// Kinds of problem with a package, for callers that react to them
// (errors.Is); the errors returned carry the full message.
var (
	ErrNotPackage    = errors.New("不是党支部工作台的移交包或备份")
	ErrNeedPassword  = errors.New("移交包设有密码")
	ErrWrongPassword = errors.New("密码不正确")
	ErrDamaged       = errors.New("文件已损坏或不完整")
	ErrTooNew        = errors.New("来自更新版本的党支部工作台")
	ErrTooLarge      = errors.New("文件过大")
)

// problem is a kind of package error with the message for this case.
type problem struct {
	kind error
	msg  string
}

func (e *problem) Error() string { return e.msg }
func (e *problem) Unwrap() error { return e.kind }

func newProblem(kind error, format string, args ...any) error {
	return &problem{kind: kind, msg: fmt.Sprintf(format, args...)}
}

// damaged is the usual message for a file whose content does not check out.
func damaged(detail string) error {
	return newProblem(ErrDamaged, "文件已损坏或不完整（%s），没有替换任何数据。请让对方重新制作一份，或从原电脑重新复制该文件", detail)
}

// validate checks the manifest of an untrusted package: its format, its
// version and every path, before any file is touched.
func (m *Manifest) validate() error {
	if m.Format != Format {
		return newProblem(ErrNotPackage, "这个文件不是党支部工作台的移交包或备份（清单格式不符）")
	}
	if m.FormatVersion < 1 {
		return damaged("清单版本无效")
	}
	if m.FormatVersion > FormatVersion {
		return newProblem(ErrTooNew, "这个文件由更新版本的党支部工作台制作（格式版本 %d），请先安装新版本再打开", m.FormatVersion)
	}
	if len(m.Files) > maxFiles {
		return damaged("清单列出的文件过多")
	}
	seen := make(map[string]bool, len(m.Files))
	var total int64
	for _, f := range m.Files {
		if err := checkPath(f.Path); err != nil {
			return err
		}
		key := strings.ToLower(f.Path) // Windows would merge names differing in case
		if seen[key] {
			return damaged("清单中的文件重复：" + f.Path)
		}
		seen[key] = true
		if f.Size < 0 || !isHexSHA256(f.SHA256) {
			return damaged("清单中的校验信息无效：" + f.Path)
		}
		total += f.Size
		if total > MaxTotalBytes || total < 0 {
			return newProblem(ErrTooLarge, "文件过大：其中的数据超过 %d GB，不像是党支部的数据，没有打开", MaxTotalBytes>>30)
		}
	}
	return nil
}

// checkPath accepts only plain relative paths: a package must never write
// outside the folder it is unpacked into.
func checkPath(p string) error {
	bad := p == "" || p == ManifestName || strings.ContainsAny(p, "\\:\x00") ||
		strings.HasPrefix(p, "/") || path.Clean(p) != p || p == "." ||
		p == ".." || strings.HasPrefix(p, "../") || len(p) > 1024
	if bad {
		return damaged(fmt.Sprintf("清单中有不允许的文件名“%s”", p))
	}
	if msg := winname.PathProblem(p); msg != "" { // it must unpack on Windows too
		return damaged(msg)
	}
	return nil
}

func isHexSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
