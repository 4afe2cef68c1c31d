package handover

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// FileKind is what a file turned out to be by its first bytes.
type FileKind int

const (
	KindUnknown   FileKind = iota
	KindPlain              // a package without password (a zip)
	KindEncrypted          // a package with password
	KindDatabase           // a bare SQLite file: a backup from before packages
)

var (
	zipMagic    = []byte("PK\x03\x04")
	sqliteMagic = []byte("SQLite format 3\x00")
)

// Sniff tells what the file at path is, from its first bytes.
func Sniff(path string) (FileKind, error) {
	f, err := os.Open(path)
	if err != nil {
		return KindUnknown, openError(path, err)
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, cryptMagic):
		return KindEncrypted, nil
	case bytes.HasPrefix(head, zipMagic):
		return KindPlain, nil
	case bytes.HasPrefix(head, sqliteMagic):
		return KindDatabase, nil
	}
	return KindUnknown, nil
}

func openError(path string, err error) error {
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("找不到文件“%s”，它可能已被移动或删除", filepath.Base(path))
	}
	return fmt.Errorf("无法读取文件“%s”：%w", filepath.Base(path), err)
}

// OpenOptions tune reading a package.
type OpenOptions struct {
	Password string
	// SharedDir is the shared folder of the backups, for shared files.
	SharedDir string
	// WorkDir receives the decrypted zip of an encrypted package while it
	// is read (deleted afterwards); "" uses the system's temporary folder.
	WorkDir string
	// TrustShared skips the shared files: the writer checked them while
	// copying them a moment ago (Verify right after Write).
	TrustShared bool
	Progress    func(done, total int64)
	// Check looks at the manifest of a package before any of its files is
	// written: the caller's list of expected files, the free disk space.
	Check func(m *Manifest) error
}

// ReadManifest reads and checks only the manifest: cheap, for listing
// backups. It does not check the files.
func ReadManifest(src string, opt OpenOptions) (Manifest, error) {
	var m Manifest
	err := withZip(src, opt, func(zr *zip.Reader, _ func(done, total int64)) error {
		var err error
		m, err = readManifest(zr)
		return err
	})
	return m, err
}

// Verify checks every file of the package against its manifest without
// unpacking anything.
func Verify(src string, opt OpenOptions) (Manifest, error) {
	return walk(src, opt, func(f File, r io.Reader) error {
		h := sha256.New()
		n, err := io.Copy(h, io.LimitReader(r, f.Size+1))
		if err != nil {
			return readFailed(f, err)
		}
		if n != f.Size || hex.EncodeToString(h.Sum(nil)) != f.SHA256 {
			return damaged("文件“" + f.Path + "”的校验值不符")
		}
		return nil
	})
}

// Unpack checks the package and writes every file under dir, each checked
// against its size and SHA-256. On error dir may hold some files; the
// caller removes it.
func Unpack(src, dir string, opt OpenOptions) (Manifest, error) {
	return walk(src, opt, func(f File, r io.Reader) error {
		dest := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := copyVerified(r, dest, f); err != nil {
			if errors.Is(err, ErrDamaged) {
				return err
			}
			return readFailed(f, err)
		}
		return nil
	})
}

// readFailed words an error met while reading a file of the package: the
// zip and flate readers report damage in English.
func readFailed(f File, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) { // the destination, not the package
		return fmt.Errorf("无法写出文件“%s”：%w", f.Path, err)
	}
	return damaged("文件“" + f.Path + "”无法读出")
}

// walk opens the package, checks the manifest against the zip's directory
// and gives each listed file to fn as a reader of its content.
func walk(src string, opt OpenOptions, fn func(File, io.Reader) error) (Manifest, error) {
	var m Manifest
	err := withZip(src, opt, func(zr *zip.Reader, progress func(done, total int64)) error {
		var err error
		if m, err = readManifest(zr); err != nil {
			return err
		}
		entries, err := matchEntries(zr, &m)
		if err != nil {
			return err
		}
		if opt.Check != nil {
			if err := opt.Check(&m); err != nil {
				return err
			}
		}
		done, total := int64(0), m.TotalSize()
		for _, f := range m.Files {
			if f.Shared && opt.TrustShared {
				continue
			}
			if err := visit(f, entries[f.Path], opt.SharedDir, fn); err != nil {
				return err
			}
			done += f.Size
			if progress != nil {
				progress(done, total)
			}
		}
		return nil
	})
	return m, err
}

func visit(f File, entry *zip.File, sharedDir string, fn func(File, io.Reader) error) error {
	if f.Shared {
		if sharedDir == "" {
			return damaged("文件“" + f.Path + "”在原电脑的备份文件夹中，这份备份只能在原数据文件夹中恢复")
		}
		in, err := os.Open(filepath.Join(sharedDir, filepath.FromSlash(SharedPath(f.SHA256))))
		if err != nil {
			return damaged("备份文件夹中缺少附件“" + f.Path + "”")
		}
		defer in.Close()
		return fn(f, in)
	}
	rc, err := entry.Open()
	if err != nil {
		return damaged("文件“" + f.Path + "”无法读出")
	}
	defer rc.Close()
	return fn(f, rc)
}

// checkShared verifies a file of the shared folder.
func checkShared(path string, f File) error {
	in, err := os.Open(path)
	if err != nil {
		return err
	}
	defer in.Close()
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(in, f.Size+1))
	if err != nil {
		return err
	}
	if n != f.Size || hex.EncodeToString(h.Sum(nil)) != f.SHA256 {
		return damaged("附件“" + f.Path + "”的校验值不符")
	}
	return nil
}

// matchEntries pairs every listed file with its zip entry: a missing file,
// a size that differs from the manifest, or a file the manifest does not
// list all mean the package is not what was made.
func matchEntries(zr *zip.Reader, m *Manifest) (map[string]*zip.File, error) {
	entries := make(map[string]*zip.File, len(zr.File))
	for _, e := range zr.File {
		if e.Name == ManifestName {
			continue
		}
		if _, dup := entries[e.Name]; dup {
			return nil, damaged("包中的文件重复：" + e.Name)
		}
		entries[e.Name] = e
	}
	listed := 0
	for _, f := range m.Files {
		if f.Shared {
			continue
		}
		e, ok := entries[f.Path]
		if !ok {
			return nil, damaged("缺少文件“" + f.Path + "”")
		}
		if e.UncompressedSize64 != uint64(f.Size) {
			return nil, damaged("文件“" + f.Path + "”的大小与清单不符")
		}
		if inflatesTooMuch(e) {
			return nil, damaged("文件“" + f.Path + "”的压缩比异常")
		}
		listed++
	}
	if listed != len(entries) {
		return nil, damaged("包中有清单之外的文件")
	}
	return entries, nil
}

func readManifest(zr *zip.Reader) (Manifest, error) {
	var m Manifest
	var entry *zip.File
	for _, e := range zr.File {
		if e.Name == ManifestName {
			if entry != nil {
				return m, damaged("清单重复")
			}
			entry = e
		}
	}
	if entry == nil {
		return m, newProblem(ErrNotPackage, "这个压缩文件里没有移交清单（manifest.json），不是党支部工作台的移交包或备份")
	}
	if entry.UncompressedSize64 > maxManifestBytes {
		return m, damaged("清单过大")
	}
	rc, err := entry.Open()
	if err != nil {
		return m, damaged("清单无法读出")
	}
	defer rc.Close()
	raw, err := io.ReadAll(io.LimitReader(rc, maxManifestBytes+1))
	if err != nil || len(raw) > maxManifestBytes {
		return m, damaged("清单无法读出")
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return m, damaged("清单格式错误")
	}
	return m, m.validate()
}

// withZip opens the package as a zip, decrypting it into a temporary file
// first when it has a password. fn gets the progress callback for its part
// of the work: all of it for a plain package, the second half after the
// decryption for an encrypted one.
func withZip(src string, opt OpenOptions, fn func(zr *zip.Reader, progress func(done, total int64)) error) error {
	kind, err := Sniff(src)
	if err != nil {
		return err
	}
	switch kind {
	case KindPlain:
		return withZipFile(src, func(zr *zip.Reader) error { return fn(zr, opt.Progress) })
	case KindEncrypted:
		if opt.Password == "" {
			return newProblem(ErrNeedPassword, "这个移交包设有密码，请输入制作时设置的密码")
		}
		return withDecrypted(src, opt, fn)
	case KindDatabase:
		return newProblem(ErrNotPackage, "“%s”是单独的数据库备份文件，不是移交包", filepath.Base(src))
	}
	return newProblem(ErrNotPackage, "“%s”不是党支部工作台的移交包或备份，可能选错了文件，或文件已损坏", filepath.Base(src))
}

func withZipFile(path string, fn func(zr *zip.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return openError(path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return openError(path, err)
	}
	if st.Size() > MaxTotalBytes+maxManifestBytes {
		return newProblem(ErrTooLarge, "文件过大（超过 %d GB），不像是党支部的数据，没有打开", MaxTotalBytes>>30)
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		return damaged("压缩包的目录无法读出，文件可能没有复制完整")
	}
	if len(zr.File) > maxFiles+1 {
		return damaged("包中的文件过多")
	}
	return fn(zr)
}

func withDecrypted(src string, opt OpenOptions, fn func(zr *zip.Reader, progress func(done, total int64)) error) error {
	in, err := os.Open(src)
	if err != nil {
		return openError(src, err)
	}
	defer in.Close()
	var r io.Reader = in
	rest := opt.Progress
	if opt.Progress != nil {
		st, err := in.Stat()
		if err != nil {
			return openError(src, err)
		}
		r = &countingReader{r: in, report: func(n int64) { opt.Progress(n, 2*st.Size()) }}
		rest = func(done, total int64) { opt.Progress(total+done, 2*total) }
	}
	tmp, err := os.CreateTemp(opt.WorkDir, "~partyoffice-*.zip")
	if err != nil {
		return fmt.Errorf("无法创建临时文件：%w", err)
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	if err := decryptTo(tmp, r, opt.Password, MaxTotalBytes+maxManifestBytes); err != nil {
		return err
	}
	return withZipFile(tmp.Name(), func(zr *zip.Reader) error { return fn(zr, rest) })
}

// countingReader reports how many bytes were read, every 256 KiB.
type countingReader struct {
	r      io.Reader
	n, at  int64
	report func(n int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n += int64(k)
	if c.n-c.at >= 256<<10 {
		c.at = c.n
		c.report(c.n)
	}
	return k, err
}

// Compression ratios beyond which an entry is taken for a zip bomb (a 2 MB
// entry that expands to 2 GB): photos and documents hardly compress, a
// database snapshot of mostly text several times; a megabyte of slack
// covers small, very regular files.
const (
	maxRatio         = 20
	maxDatabaseRatio = 100
	ratioSlack       = 1 << 20
)

func inflatesTooMuch(e *zip.File) bool {
	if e.Method == zip.Store {
		return false
	}
	ratio := uint64(maxRatio)
	if strings.HasSuffix(strings.ToLower(e.Name), ".db") {
		ratio = maxDatabaseRatio
	}
	return e.UncompressedSize64 > e.CompressedSize64*ratio+ratioSlack
}
