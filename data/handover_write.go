package data

import (
	"crypto/rand"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"partyoffice/data/handover"
)

// HandoverOptions tune MakeHandover.
type HandoverOptions struct {
	Password string // "" for none; otherwise AES-256-GCM with an Argon2id key
	// Progress gets bytes done and total; it is called off the caller's
	// goroutine only if the caller runs MakeHandover there.
	Progress func(done, total int64)
}

// MinPasswordLength is the shortest password a package or the app accepts.
const MinPasswordLength = 6

// CheckNewPassword says what is wrong with a password being set.
func CheckNewPassword(pw string) error {
	if len([]rune(pw)) < MinPasswordLength {
		return fmt.Errorf("密码至少要 %d 个字符", MinPasswordLength)
	}
	if strings.TrimSpace(pw) != pw {
		return fmt.Errorf("密码的开头和结尾不能是空格，以免输入时看不出来")
	}
	return nil
}

// MinHandoverPasswordLength is the shortest password of a 移交包: the
// package travels on USB sticks and by mail and can be attacked offline
// for as long as anyone likes, so it needs more than the app password.
const MinHandoverPasswordLength = 10

// CheckHandoverPassword says what is wrong with a 移交包's password.
// GeneratePassphrase makes one that passes.
func CheckHandoverPassword(pw string) error {
	if len([]rune(pw)) < MinHandoverPasswordLength {
		return fmt.Errorf("移交包的密码至少要 %d 个字符（可以用程序生成的一串数字密码）", MinHandoverPasswordLength)
	}
	return CheckNewPassword(pw)
}

// GeneratePassphrase makes a 移交包 password of four groups of four
// digits (53 bits from crypto/rand): easy to write down and to type on any
// keyboard, without an input method. The UI shows it once.
func GeneratePassphrase() string {
	groups := make([]string, 4)
	for i := range groups {
		n, err := rand.Int(rand.Reader, big.NewInt(10000))
		if err != nil {
			panic("系统随机数不可用：" + err.Error()) // crypto/rand never fails on supported systems
		}
		groups[i] = fmt.Sprintf("%04d", n.Int64())
	}
	return strings.Join(groups, "-")
}

// MakeHandover writes the 移交包 to dest: the database snapshot, every
// attachment and the manifest, checked once more after writing. Making one
// is recorded in the audit log, as it carries all personal data away.
func (s *Store) MakeHandover(dest string, opt HandoverOptions) (handover.Manifest, error) {
	if opt.Password != "" {
		if err := CheckHandoverPassword(opt.Password); err != nil {
			return handover.Manifest{}, err
		}
	}
	s.maint.Lock()
	m, err := s.writePackage(dest, packageSpec{kind: handover.KindHandover,
		password: opt.Password, progress: opt.Progress})
	s.maint.Unlock()
	if err != nil {
		return m, err
	}
	summary := fmt.Sprintf("制作移交包 %s（%d 个文件，%s）", filepath.Base(dest), len(m.Files),
		map[bool]string{true: "设有密码", false: "未设密码"}[opt.Password != ""])
	return m, s.write(func(tx *Tx) error {
		return tx.Audit("制作移交包", "数据", 0, summary, nil, nil)
	})
}

// packageSpec says what kind of package writePackage makes.
type packageSpec struct {
	kind, label, password string
	shared                bool // attachments by reference in backups/attachments
	progress              func(done, total int64)
}

// writePackage snapshots the database, describes it, and writes it with the
// attachments to dest, then verifies what was written. The caller holds
// maint.
func (s *Store) writePackage(dest string, spec packageSpec) (handover.Manifest, error) {
	if n := s.severalBranches(); n > 0 {
		return handover.Manifest{}, errSeveralBranches(n)
	}
	work, err := s.workDir()
	if err != nil {
		return handover.Manifest{}, err
	}
	defer os.RemoveAll(work)
	db := filepath.Join(work, DBFileName)
	if err := s.snapshotTo(db); err != nil {
		return handover.Manifest{}, err
	}
	facts, err := inspectDatabase(db)
	if err != nil {
		return handover.Manifest{}, fmt.Errorf("数据快照校验未通过：%w", err)
	}
	m := facts.manifest()
	m.Kind, m.Label, m.CreatedBy = spec.kind, spec.label, s.Actor
	sources := []handover.Source{{Path: DBFileName, Disk: db, Compress: true}}
	attachments, err := s.packageAttachments(spec.shared)
	if err != nil {
		return m, err
	}
	opt := handover.WriteOptions{Password: spec.password, Progress: spec.progress}
	if spec.shared {
		opt.SharedDir = s.sharedAttachDir()
	}
	if m, err = handover.Write(dest, m, append(sources, attachments...), opt); err != nil {
		return m, fmt.Errorf("写入 %s 失败：%w", filepath.Base(dest), plainIOError(err))
	}
	// Read it back: a package is handed over as one verified file. The
	// shared attachments were hashed while they were copied just now.
	check := handover.OpenOptions{Password: spec.password, WorkDir: work, TrustShared: spec.shared}
	if _, err := handover.Verify(dest, check); err != nil {
		os.Remove(dest)
		return m, fmt.Errorf("写入的文件校验未通过，已删除（%w）。请换一个保存位置再试", err)
	}
	return m, nil
}

// manifest is the part of a package's manifest the database itself says.
func (f dbFacts) manifest() handover.Manifest {
	m := handover.Manifest{AppVersion: AppVersion, SchemaVersion: f.schema, Branch: f.branch,
		LastChange: f.lastChange}
	for _, line := range f.inventory {
		m.Counts = append(m.Counts, handover.Count{Name: line.Label(), Count: line.Count})
	}
	return m
}

// attachmentSources lists every file under the attachments folder, in a
// stable order; symbolic links and other non-regular files are left out.
func attachmentSources(dir string, shared bool) ([]handover.Source, error) {
	root := filepath.Join(dir, AttachDir)
	var out []handover.Source
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && path == root {
				return filepath.SkipDir
			}
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		out = append(out, handover.Source{Path: filepath.ToSlash(rel), Disk: path, Shared: shared})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("无法读取附件文件夹：%w", plainIOError(err))
	}
	return out, nil
}

// workDir is a fresh folder inside the data folder for snapshots and
// unpacked packages: on the same disk, so finished files move into place by
// renaming. Open removes any a crash left behind.
func (s *Store) workDir() (string, error) { return newWorkDir(s.dir) }

func newWorkDir(dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("无法写入数据文件夹：%w", plainIOError(err))
	}
	w, err := os.MkdirTemp(dir, workPrefix+"*")
	if err != nil {
		return "", fmt.Errorf("无法写入数据文件夹：%w", plainIOError(err))
	}
	return w, nil
}

const workPrefix = ".work-"

func (s *Store) sharedAttachDir() string { return sharedAttachDirOf(s.dir) }

func sharedAttachDirOf(dir string) string { return filepath.Join(dir, BackupDir, SharedAttachDir) }

// removeLeftovers deletes what an interrupted backup, restore or package
// left in the data folder: work folders and half-written files. It runs
// with the folder's lock held, so nothing of a running copy is touched.
func removeLeftovers(dir string) {
	for _, pattern := range []string{
		filepath.Join(dir, workPrefix+"*"),
		filepath.Join(dir, DBFileName+".restore"),
		filepath.Join(dir, BackupDir, "*.tmp"),
		filepath.Join(dir, BackupDir, "~partyoffice-*"),
		filepath.Join(dir, BackupDir, SharedAttachDir, "*", "~partyoffice-*"),
		filepath.Join(dir, "~partyoffice-*"),
	} {
		matches, _ := filepath.Glob(pattern)
		for _, m := range matches {
			os.RemoveAll(m)
		}
	}
}
