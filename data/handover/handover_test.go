package handover

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cheapKDF keeps the tests fast; the format stores the parameters, so the
// reader needs no change.
var cheapKDF = KDFParams{Time: 1, Memory: 1 << 10, Threads: 1}

// fixture writes a database-like file and two attachments, one larger than
// an encryption chunk so several chunks are exercised.
func fixture(t testing.TB) (dir string, sources []Source) {
	t.Helper()
	dir = t.TempDir()
	files := map[string][]byte{
		"partyoffice.db":         bytes.Repeat([]byte("SQLite format 3\x00 rows "), 5000),
		"attachments/会议/照片.jpg":  randomBytes(t, chunkSize+12345),
		"attachments/签到表 01.pdf": []byte("%PDF-1.4 sign-in sheet"),
	}
	for _, name := range []string{"partyoffice.db", "attachments/会议/照片.jpg", "attachments/签到表 01.pdf"} {
		disk := filepath.Join(dir, "src", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(disk), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(disk, files[name], 0o644); err != nil {
			t.Fatal(err)
		}
		sources = append(sources, Source{Path: name, Disk: disk, Compress: name == "partyoffice.db"})
	}
	return dir, sources
}

func randomBytes(t testing.TB, n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return b
}

func testManifest() Manifest {
	return Manifest{Kind: KindHandover, AppVersion: "0.1.0", SchemaVersion: 1, Branch: "示例小学党支部",
		Counts: []Count{{Name: "正式党员", Count: 30}}}
}

func writePackage(t testing.TB, password string) (dir, pkg string, sources []Source) {
	t.Helper()
	dir, sources = fixture(t)
	pkg = filepath.Join(dir, "移交包.poh")
	if _, err := Write(pkg, testManifest(), sources, WriteOptions{Password: password, KDF: cheapKDF}); err != nil {
		t.Fatal(err)
	}
	return dir, pkg, sources
}

func sameFiles(t *testing.T, sources []Source, unpacked string) {
	t.Helper()
	for _, s := range sources {
		want, _ := os.ReadFile(s.Disk)
		got, err := os.ReadFile(filepath.Join(unpacked, filepath.FromSlash(s.Path)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s differs after unpacking (%v)", s.Path, err)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	for _, password := range []string{"", "正确的密码 2026"} {
		dir, pkg, sources := writePackage(t, password)
		kind, _ := Sniff(pkg)
		if want := map[bool]FileKind{true: KindPlain, false: KindEncrypted}[password == ""]; kind != want {
			t.Errorf("password %q: kind %v, want %v", password, kind, want)
		}
		out := filepath.Join(dir, "out")
		var last, lastTotal int64
		m, err := Unpack(pkg, out, OpenOptions{Password: password, Progress: func(done, total int64) { last, lastTotal = done, total }})
		if err != nil {
			t.Fatalf("password %q: %v", password, err)
		}
		if m.Branch != "示例小学党支部" || len(m.Files) != 3 || m.Counts[0].Count != 30 || m.Created.IsZero() {
			t.Errorf("manifest %+v", m)
		}
		if last != lastTotal || last == 0 {
			t.Errorf("progress ended at %d of %d", last, lastTotal)
		}
		sameFiles(t, sources, out)
		if _, err := Verify(pkg, OpenOptions{Password: password}); err != nil {
			t.Errorf("verify: %v", err)
		}
	}
}

func TestEncryptedPackageHidesTheContent(t *testing.T) {
	_, pkg, _ := writePackage(t, "密码")
	raw, _ := os.ReadFile(pkg)
	if bytes.Contains(raw, []byte("manifest.json")) || bytes.Contains(raw, []byte("示例小学")) {
		t.Error("the encrypted package shows its content")
	}
}

func TestPasswordProblems(t *testing.T) {
	_, pkg, _ := writePackage(t, "对的")
	cases := []struct {
		password string
		want     error
	}{{"", ErrNeedPassword}, {"错的", ErrWrongPassword}, {"对的 ", ErrWrongPassword}}
	for _, c := range cases {
		_, err := Unpack(pkg, t.TempDir(), OpenOptions{Password: c.password})
		if !errors.Is(err, c.want) {
			t.Errorf("password %q: %v, want %v", c.password, err, c.want)
		}
	}
}

// TestTruncatedPackages cuts packages at many places: every cut is refused
// as damaged (or not a package), never accepted or a crash.
func TestTruncatedPackages(t *testing.T) {
	for _, password := range []string{"", "密码"} {
		dir, pkg, _ := writePackage(t, password)
		raw, _ := os.ReadFile(pkg)
		cuts := []int{0, 5, 30, headerSize, headerSize + 100, chunkSize, chunkSize + headerSize + tagSize,
			len(raw) / 2, len(raw) - tagSize, len(raw) - 22, len(raw) - 1}
		for _, cut := range cuts {
			if cut > len(raw) {
				continue
			}
			bad := filepath.Join(dir, "cut.poh")
			os.WriteFile(bad, raw[:cut], 0o644)
			_, err := Unpack(bad, filepath.Join(dir, "out"), OpenOptions{Password: password})
			if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotPackage) {
				t.Errorf("password %q, cut at %d of %d: %v", password, cut, len(raw), err)
			}
		}
	}
}

// TestFlippedBytes changes one byte at many places of the file. An
// encrypted package notices every change; a plain one may ignore bytes no
// reader uses (a local header's copy of a time stamp) but never hands out
// changed content.
func TestFlippedBytes(t *testing.T) {
	for _, password := range []string{"", "密码"} {
		dir, pkg, sources := writePackage(t, password)
		raw, _ := os.ReadFile(pkg)
		step := len(raw) / 97
		for pos := 0; pos < len(raw); pos += step {
			bad := append([]byte{}, raw...)
			bad[pos] ^= 0x40
			path := filepath.Join(dir, "flipped.poh")
			os.WriteFile(path, bad, 0o644)
			out := filepath.Join(dir, fmt.Sprint("out", pos))
			_, err := Unpack(path, out, OpenOptions{Password: password})
			switch {
			case err == nil && password != "":
				t.Errorf("flipped byte at %d of %d went unnoticed", pos, len(raw))
			case err == nil:
				sameFiles(t, sources, out)
			case !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotPackage) && !errors.Is(err, ErrWrongPassword):
				t.Errorf("password %q, flip at %d: unexpected error %v", password, pos, err)
			}
		}
	}
}

// rezip writes a plain package whose manifest and entries a test chose.
func rezip(t *testing.T, path string, m Manifest, entries map[string][]byte) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range entries {
		w, _ := zw.Create(name)
		w.Write(body)
	}
	if m.Format != "" {
		b, _ := json.Marshal(m)
		w, _ := zw.Create(ManifestName)
		w.Write(b)
	}
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestHostileManifests(t *testing.T) {
	_, pkg, _ := writePackage(t, "")
	good, err := ReadManifest(pkg, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	contents := map[string][]byte{}
	zr, _ := zip.OpenReader(pkg)
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		contents[f.Name] = b.Bytes()
	}
	zr.Close()
	delete(contents, ManifestName)

	edit := func(f func(m *Manifest, files map[string][]byte)) (Manifest, map[string][]byte) {
		m := good
		m.Files = append([]File{}, good.Files...)
		files := map[string][]byte{}
		for k, v := range contents {
			files[k] = v
		}
		f(&m, files)
		return m, files
	}
	cases := []struct {
		name string
		want error
		edit func(m *Manifest, files map[string][]byte)
	}{
		{"missing file", ErrDamaged, func(m *Manifest, files map[string][]byte) { delete(files, "attachments/签到表 01.pdf") }},
		{"extra file", ErrDamaged, func(m *Manifest, files map[string][]byte) { files["evil.exe"] = []byte("MZ") }},
		{"changed content", ErrDamaged, func(m *Manifest, files map[string][]byte) {
			files["attachments/签到表 01.pdf"] = []byte("%PDF-1.4 sign-in sheeT")
		}},
		{"wrong size", ErrDamaged, func(m *Manifest, files map[string][]byte) { m.Files[2].Size++ }},
		{"escaping path", ErrDamaged, func(m *Manifest, files map[string][]byte) {
			files["../../evil"] = []byte("x")
			m.Files = append(m.Files, File{Path: "../../evil", Size: 1, SHA256: strings.Repeat("0", 64)})
		}},
		{"absolute path", ErrDamaged, func(m *Manifest, files map[string][]byte) { m.Files[0].Path = "/etc/passwd" }},
		{"windows path", ErrDamaged, func(m *Manifest, files map[string][]byte) { m.Files[0].Path = `C:\x` }},
		{"bad hash", ErrDamaged, func(m *Manifest, files map[string][]byte) { m.Files[0].SHA256 = "xyz" }},
		{"newer format", ErrTooNew, func(m *Manifest, files map[string][]byte) { m.FormatVersion = FormatVersion + 1 }},
		{"other format", ErrNotPackage, func(m *Manifest, files map[string][]byte) { m.Format = "something-else" }},
		{"no manifest", ErrNotPackage, func(m *Manifest, files map[string][]byte) { m.Format = "" }},
		{"huge sizes", ErrTooLarge, func(m *Manifest, files map[string][]byte) { m.Files[1].Size = MaxTotalBytes }},
		{"shared without folder", ErrDamaged, func(m *Manifest, files map[string][]byte) {
			delete(files, m.Files[1].Path)
			m.Files[1].Shared = true
		}},
	}
	for _, c := range cases {
		dir := t.TempDir()
		m, files := edit(c.edit)
		path := filepath.Join(dir, "p.zip")
		rezip(t, path, m, files)
		_, err := Unpack(path, filepath.Join(dir, "out"), OpenOptions{})
		if !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
		if _, err := os.Stat(filepath.Join(dir, "evil")); err == nil {
			t.Errorf("%s: a file was written outside the folder", c.name)
		}
	}
}

func TestNotAPackage(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string][]byte{
		"text.poh":  []byte("只是一段文字"),
		"empty.poh": {},
		"db.poh":    append([]byte("SQLite format 3\x00"), make([]byte, 100)...),
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, body, 0o644)
		if _, err := Unpack(path, filepath.Join(dir, "out"), OpenOptions{}); !errors.Is(err, ErrNotPackage) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := Unpack(filepath.Join(dir, "none.poh"), dir, OpenOptions{}); err == nil ||
		!strings.Contains(err.Error(), "找不到") {
		t.Errorf("missing file: %v", err)
	}
}

func TestHostileHeaders(t *testing.T) {
	_, pkg, _ := writePackage(t, "密码")
	raw, _ := os.ReadFile(pkg)
	cases := map[string]func(b []byte){
		"huge memory":  func(b []byte) { b[16], b[17], b[18], b[19] = 0xff, 0xff, 0xff, 0xff },
		"huge chunks":  func(b []byte) { b[48], b[49], b[50], b[51] = 0x7f, 0xff, 0xff, 0xff },
		"zero threads": func(b []byte) { b[20] = 0 },
		"many passes":  func(b []byte) { b[12] = 1 },
	}
	for name, mutate := range cases {
		bad := append([]byte{}, raw...)
		mutate(bad)
		path := filepath.Join(t.TempDir(), "h.poh")
		os.WriteFile(path, bad, 0o644)
		if _, err := Verify(path, OpenOptions{Password: "密码"}); !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: %v", name, err)
		}
	}
	newer := append([]byte{}, raw...)
	newer[9] = 2
	path := filepath.Join(t.TempDir(), "n.poh")
	os.WriteFile(path, newer, 0o644)
	if _, err := Verify(path, OpenOptions{Password: "密码"}); !errors.Is(err, ErrTooNew) {
		t.Errorf("newer container: %v", err)
	}
}

func TestSharedFiles(t *testing.T) {
	dir, sources := fixture(t)
	shared := filepath.Join(dir, "shared")
	for i := range sources {
		sources[i].Shared = strings.HasPrefix(sources[i].Path, "attachments/")
	}
	var packages []string
	for _, name := range []string{"a.zip", "b.zip"} {
		p := filepath.Join(dir, name)
		if _, err := Write(p, testManifest(), sources, WriteOptions{SharedDir: shared}); err != nil {
			t.Fatal(err)
		}
		packages = append(packages, p)
	}
	blobs, _ := filepath.Glob(filepath.Join(shared, "*", "*"))
	if len(blobs) != 2 {
		t.Fatalf("shared folder holds %d files, want one per attachment: %v", len(blobs), blobs)
	}
	out := filepath.Join(dir, "out")
	if _, err := Unpack(packages[1], out, OpenOptions{SharedDir: shared}); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, sources, out)
	// A damaged shared file is noticed.
	os.WriteFile(blobs[0], []byte("changed"), 0o644)
	if _, err := Verify(packages[0], OpenOptions{SharedDir: shared}); !errors.Is(err, ErrDamaged) {
		t.Errorf("damaged shared file: %v", err)
	}
}

func TestWriteIsAtomic(t *testing.T) {
	dir, sources := fixture(t)
	dest := filepath.Join(dir, "p.zip")
	os.WriteFile(dest, []byte("earlier package"), 0o644)
	sources = append(sources, Source{Path: "missing", Disk: filepath.Join(dir, "no-such-file")})
	if _, err := Write(dest, testManifest(), sources, WriteOptions{}); err == nil {
		t.Fatal("write with a missing source succeeded")
	}
	if b, _ := os.ReadFile(dest); string(b) != "earlier package" {
		t.Error("a failed write changed the destination")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "~partyoffice-*")); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

// FuzzUnpack feeds arbitrary bytes to the reader, as a plain and as an
// encrypted package: it must refuse or accept, never panic, hang or write
// outside its folder.
func FuzzUnpack(f *testing.F) {
	defer func(t, m uint32) { maxKDFTime, maxKDFMemory = t, m }(maxKDFTime, maxKDFMemory)
	maxKDFTime, maxKDFMemory = 2, 1<<10
	for _, password := range []string{"", "p"} {
		_, pkg, _ := writePackage(f, password)
		raw, _ := os.ReadFile(pkg)
		f.Add(raw[:min(len(raw), 4096)])
		f.Add(raw[len(raw)-min(len(raw), 4096):])
	}
	var small bytes.Buffer
	zw := zip.NewWriter(&small)
	b, _ := json.Marshal(testManifest())
	w, _ := zw.Create(ManifestName)
	w.Write(b)
	zw.Close()
	f.Add(small.Bytes())
	f.Fuzz(func(t *testing.T, body []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, "in.poh")
		os.WriteFile(path, body, 0o644)
		out := filepath.Join(dir, "out")
		Unpack(path, out, OpenOptions{Password: "p", WorkDir: dir})
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() != "in.poh" && e.Name() != "out" {
				t.Fatalf("unexpected file %s beside the package", e.Name())
			}
		}
	})
}

func TestProgressOfAnEncryptedPackageGoesUpToTheEnd(t *testing.T) {
	dir, pkg, _ := writePackage(t, "密码")
	var last, prev float64
	_, err := Unpack(pkg, filepath.Join(dir, "out"), OpenOptions{Password: "密码", Progress: func(done, total int64) {
		f := float64(done) / float64(total)
		if f < prev {
			t.Errorf("progress went back from %.2f to %.2f", prev, f)
		}
		prev, last = f, f
	}})
	if err != nil {
		t.Fatal(err)
	}
	if last != 1 {
		t.Errorf("progress ended at %.2f", last)
	}
}
