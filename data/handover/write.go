package handover

import (
	"archive/zip"
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Source is one file to put in a package.
type Source struct {
	Path     string // name in the package (slash-separated)
	Disk     string // the file on disk
	Shared   bool   // refer to it in the shared folder instead of storing it (backups)
	Compress bool   // deflate it (the database); photos and PDFs are stored as they are
}

// WriteOptions tune Write.
type WriteOptions struct {
	Password string    // "" writes a plain zip
	KDF      KDFParams // zero: DefaultKDF
	// SharedDir receives the Shared sources, named by SHA-256 (backups only).
	SharedDir string
	// Progress gets the bytes done and the total; it may be nil.
	Progress func(done, total int64)
}

// Write makes the package dest from the sources and the manifest m (whose
// Files it fills in), atomically: dest appears complete or not at all.
func Write(dest string, m Manifest, sources []Source, opt WriteOptions) (Manifest, error) {
	m.Format, m.FormatVersion = Format, FormatVersion
	if m.Created.IsZero() {
		m.Created = time.Now().UTC()
	}
	m.Files = nil
	tmp, err := os.CreateTemp(filepath.Dir(dest), "~partyoffice-*.part")
	if err != nil {
		return m, err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	m, err = writeTo(tmp, m, sources, opt)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return m, err
	}
	return m, os.Rename(tmp.Name(), dest)
}

func writeTo(f *os.File, m Manifest, sources []Source, opt WriteOptions) (Manifest, error) {
	out := bufio.NewWriterSize(f, 256<<10)
	var sink io.Writer = out
	var enc *encryptWriter
	if opt.Password != "" {
		kdf := opt.KDF
		if kdf == (KDFParams{}) {
			kdf = DefaultKDF
		}
		var err error
		if enc, err = newEncryptWriter(out, opt.Password, kdf); err != nil {
			return m, err
		}
		sink = enc
	}
	zw := zip.NewWriter(sink)
	p := newProgress(sources, opt.Progress)
	for _, s := range sources {
		file, err := addSource(zw, s, opt.SharedDir, p)
		if err != nil {
			return m, err
		}
		m.Files = append(m.Files, file)
	}
	if err := writeManifest(zw, &m); err != nil {
		return m, err
	}
	if err := zw.Close(); err != nil {
		return m, err
	}
	if enc != nil {
		if err := enc.Close(); err != nil {
			return m, err
		}
	}
	return m, out.Flush()
}

func writeManifest(zw *zip.Writer, m *Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: ManifestName, Method: zip.Deflate, Modified: m.Created})
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// addSource stores one file in the zip (or the shared folder), hashing it
// as it goes; the size and hash are of the bytes actually written.
func addSource(zw *zip.Writer, s Source, sharedDir string, p *progress) (File, error) {
	if err := checkPath(s.Path); err != nil {
		return File{}, fmt.Errorf("内部错误：文件名 %q 不能放进移交包", s.Path)
	}
	in, err := os.Open(s.Disk)
	if err != nil {
		return File{}, err
	}
	defer in.Close()
	if s.Shared {
		return addShared(in, s.Path, sharedDir, p)
	}
	st, err := in.Stat()
	if err != nil {
		return File{}, err
	}
	method := zip.Store
	if s.Compress {
		method = zip.Deflate
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: s.Path, Method: method, Modified: st.ModTime()})
	if err != nil {
		return File{}, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h, p), in)
	if err != nil {
		return File{}, err
	}
	return File{Path: s.Path, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// addShared puts a file into the shared folder under its SHA-256 unless a
// good copy is there already.
func addShared(in *os.File, name, sharedDir string, p *progress) (File, error) {
	if sharedDir == "" {
		return File{}, fmt.Errorf("内部错误：没有指定共享附件文件夹")
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(h, p), in)
	if err != nil {
		return File{}, err
	}
	file := File{Path: name, Size: n, SHA256: hex.EncodeToString(h.Sum(nil)), Shared: true}
	dest := filepath.Join(sharedDir, filepath.FromSlash(SharedPath(file.SHA256)))
	if checkShared(dest, file) == nil {
		return file, nil
	}
	if _, err := in.Seek(0, io.SeekStart); err != nil {
		return File{}, err
	}
	return file, copyVerified(in, dest, file)
}

// copyVerified writes r to dest through a temporary file, checking size and
// hash before the rename.
func copyVerified(r io.Reader, dest string, want File) error {
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(dest), "~partyoffice-*.part")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(r, want.Size+1))
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if n != want.Size || hex.EncodeToString(h.Sum(nil)) != want.SHA256 {
		return damaged("文件“" + want.Path + "”的校验值不符")
	}
	return os.Rename(tmp.Name(), dest)
}

// progress counts bytes for the Progress callback, reporting at most every
// 256 KiB so a UI is not flooded.
type progress struct {
	report      func(done, total int64)
	done, total int64
	last        int64
}

func newProgress(sources []Source, report func(done, total int64)) *progress {
	p := &progress{report: report}
	for _, s := range sources {
		if st, err := os.Stat(s.Disk); err == nil {
			p.total += st.Size()
		}
	}
	return p
}

func (p *progress) Write(b []byte) (int, error) {
	p.done += int64(len(b))
	if p.report != nil && (p.done-p.last >= 256<<10 || p.done >= p.total) {
		p.last = p.done
		p.report(min(p.done, p.total), p.total)
	}
	return len(b), nil
}
