package data

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"partyoffice/data/handover"
)

// Incoming is a package (or a bare .db backup of older versions) unpacked
// into the data folder and checked: every file against its SHA-256, the
// database with integrity_check. It waits there for the user's yes; nothing
// of the current data has been touched yet. Close it when done.
type Incoming struct {
	Source string
	// Manifest as the package wrote it, except that Branch, Counts and
	// SchemaVersion are read from the unpacked database itself, so the
	// summary shown is what will really arrive.
	Manifest handover.Manifest
	// Legacy is a bare database: it replaces the database only and leaves
	// the attachments as they are.
	Legacy bool

	work        string
	db          string
	attachments string
}

// Close removes the unpacked files.
func (in *Incoming) Close() error {
	if in == nil || in.work == "" {
		return nil
	}
	err := os.RemoveAll(in.work)
	in.work = ""
	return err
}

// Attachments is the number of attachment files that arrive with it.
func (in *Incoming) Attachments() int {
	n := 0
	for _, f := range in.Manifest.Files {
		if f.Path != DBFileName {
			n++
		}
	}
	return n
}

// OpenIncoming unpacks and checks src for the data folder dir. password is
// needed for a package made with one (handover.ErrNeedPassword otherwise).
// progress (may be nil) gets bytes done and total.
func OpenIncoming(dir, src, password string, progress func(done, total int64)) (*Incoming, error) {
	kind, err := handover.Sniff(src)
	if err != nil {
		return nil, err
	}
	if kind == handover.KindUnknown {
		return nil, fmt.Errorf("%w：“%s”不是党支部工作台的移交包或备份，可能选错了文件，或文件已损坏",
			handover.ErrNotPackage, filepath.Base(src))
	}
	// Unpacking writes the package's size again (and an encrypted one is
	// first decrypted to a file of the same size).
	if err := needSpace(dir, 2*fileSize(src)); err != nil {
		return nil, err
	}
	work, err := newWorkDir(dir)
	if err != nil {
		return nil, err
	}
	in := &Incoming{Source: src, work: work}
	if err := in.unpack(kind, password, sharedAttachDirOf(dir), progress); err != nil {
		in.Close()
		return nil, err
	}
	return in, nil
}

func (in *Incoming) unpack(kind handover.FileKind, password, shared string, progress func(done, total int64)) error {
	if kind == handover.KindDatabase {
		in.Legacy = true
		in.db = filepath.Join(in.work, DBFileName)
		if err := copyFile(in.Source, in.db); err != nil {
			return fmt.Errorf("无法复制备份文件：%w", plainIOError(err))
		}
		st, _ := os.Stat(in.Source)
		in.Manifest = handover.Manifest{Kind: handover.KindBackup, Created: st.ModTime(),
			Files: []handover.File{{Path: DBFileName, Size: st.Size()}}}
	} else {
		unpacked := filepath.Join(in.work, "unpacked")
		m, err := handover.Unpack(in.Source, unpacked, handover.OpenOptions{Password: password,
			SharedDir: shared, WorkDir: in.work, Progress: progress, Check: checkIncomingManifest(filepath.Dir(in.work))})
		if err != nil {
			return plainIOError(err)
		}
		if _, ok := m.File(DBFileName); !ok {
			return fmt.Errorf("%w：包中没有数据文件", handover.ErrDamaged)
		}
		in.Manifest = m
		in.db = filepath.Join(unpacked, DBFileName)
		in.attachments = filepath.Join(unpacked, AttachDir)
	}
	facts, err := inspectDatabase(in.db)
	if err != nil {
		return fmt.Errorf("其中的数据文件无法使用：%w", err)
	}
	m := facts.manifest()
	in.Manifest.Branch, in.Manifest.Counts, in.Manifest.SchemaVersion = m.Branch, m.Counts, m.SchemaVersion
	return nil
}

// replaceReason is why the data is replaced: it names the backup taken
// first and the audit entry written after.
type replaceReason struct {
	label, action string
}

var (
	reasonRestore = replaceReason{LabelBeforeRestore, "恢复备份"}
	reasonReceive = replaceReason{LabelBeforeReceive, "接收移交包"}
)

func (r replaceReason) summary(in *Incoming) string {
	if r == reasonReceive {
		return fmt.Sprintf("接收移交包 %s：%s，%s 由 %s 制作（党支部工作台 %s）", filepath.Base(in.Source),
			in.Manifest.Branch, in.Manifest.Created.Local().Format("2006-01-02 15:04"),
			in.Manifest.CreatedBy, in.Manifest.AppVersion)
	}
	return "从备份恢复：" + filepath.Base(in.Source)
}

// Restore replaces the current data with the backup at src (a backup zip or
// an older bare .db). The backup is checked first and the current state is
// backed up, so a restore can always be undone.
func (s *Store) Restore(src string) error {
	in, err := openBackup(s.dir, src)
	if err != nil {
		return err
	}
	defer in.Close()
	return s.replace(in, reasonRestore)
}

// openBackup opens a backup for restoring; a package with a password is
// received instead, where the password is asked for.
func openBackup(dir, src string) (*Incoming, error) {
	in, err := OpenIncoming(dir, src, "", nil)
	if errors.Is(err, handover.ErrNeedPassword) {
		return nil, fmt.Errorf("“%s”是设有密码的移交包，不是备份：请用“接收移交包”（命令行：partyoffice receive）打开它并输入密码", filepath.Base(src))
	}
	if err == nil && in.Manifest.Kind == handover.KindHandover {
		in.Close()
		return nil, fmt.Errorf("“%s”是移交包，不是备份：请用“接收移交包”（命令行：partyoffice receive）打开它，会先显示其中的内容再替换", filepath.Base(src))
	}
	return in, err
}

// Receive replaces the current data with a checked package, after backing
// the current data up (接收移交前).
func (s *Store) Receive(in *Incoming) error { return s.replace(in, reasonReceive) }

// replace swaps the incoming database and attachments in. On any failure the
// previous files are moved back and reopened: nothing is lost.
func (s *Store) replace(in *Incoming, why replaceReason) error {
	s.maint.Lock()
	defer s.maint.Unlock()
	if _, err := s.backupLocked(why.label); err != nil {
		return fmt.Errorf("替换前的备份失败，未做任何改动：%w", err)
	}
	if s.server != nil {
		return s.replaceOnServer(in, why)
	}
	s.closeDB()
	previous := filepath.Join(in.work, "previous")
	undo, err := swapIn(s.dir, in, func(name string) string { return filepath.Join(previous, name) })
	if err == nil {
		if err = s.openDB(); err != nil {
			s.closeDB()
			err = fmt.Errorf("新数据无法打开：%w", err)
		}
	}
	if err != nil {
		if uerr := undo(); uerr != nil {
			return fmt.Errorf("替换失败（%v），且无法放回原数据（%v）：请用“从备份恢复”恢复名称含“%s”的备份", err, uerr, why.label)
		}
		if oerr := s.openDB(); oerr != nil {
			return fmt.Errorf("替换失败（%v），且无法重新打开原数据：%w", err, oerr)
		}
		return fmt.Errorf("替换失败，原数据未改动：%w", plainIOError(err))
	}
	return s.write(func(tx *Tx) error {
		return tx.Audit(why.action, "数据", 0, why.summary(in), nil, nil)
	})
}

// closeDB closes the database connection (not the lock).
func (s *Store) closeDB() {
	if s.db != nil {
		if sqlDB, err := s.db.DB(); err == nil {
			sqlDB.Close()
		}
	}
}

// RestoreClosed restores the backup src into the data folder dir whose
// database cannot be opened (damaged, or missing). The old database is
// renamed *.damaged-<time>, never deleted. Once the restored database opens,
// the restore is written to its audit log. It returns where the old
// database went ("" when there was none).
func RestoreClosed(dir, src string) (string, error) {
	in, err := openBackup(dir, src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	return replaceClosed(dir, in, reasonRestore)
}

// ReceiveClosed is Receive for a data folder without a usable store: a new
// PC, or a damaged database (set aside as *.damaged-<time>).
func ReceiveClosed(dir string, in *Incoming) (string, error) {
	return replaceClosed(dir, in, reasonReceive)
}

func replaceClosed(dir string, in *Incoming, why replaceReason) (string, error) {
	lf, err := lockFolder(dir)
	if err != nil {
		return "", err
	}
	stamp := time.Now().Format("20060102-150405")
	aside := func(name string) string {
		if name == AttachDir {
			return filepath.Join(dir, AttachDir+".replaced-"+stamp)
		}
		return filepath.Join(dir, DBFileName+".damaged-"+stamp+name[len(DBFileName):])
	}
	kept := ""
	if _, err := os.Stat(filepath.Join(dir, DBFileName)); err == nil {
		kept = aside(DBFileName)
	}
	undo, err := swapIn(dir, in, aside)
	if err != nil {
		unlockFile(lf)
		lf.Close()
		return "", err
	}
	s, err := openLocked(dir, lf, fullCheck)
	if err != nil {
		undo()
		return "", fmt.Errorf("恢复的数据无法打开，已放回原文件：%w", err)
	}
	defer s.Close()
	return kept, s.write(func(tx *Tx) error {
		return tx.Audit(why.action, "数据", 0, why.summary(in), nil, nil)
	})
}

// swapIn moves the current database files (and attachments, unless in is a
// bare database) to aside(name) and the incoming ones into place. undo moves
// everything back.
func swapIn(dir string, in *Incoming, aside func(name string) string) (undo func() error, err error) {
	var m mover
	defer func() {
		if err != nil {
			m.undo()
			err = fmt.Errorf("无法替换数据文件（是否有其他程序打开了它们？）：%w", plainIOError(err))
		}
	}()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		name := DBFileName + suffix
		if err = m.moveIfExists(filepath.Join(dir, name), aside(name)); err != nil {
			return m.undo, err
		}
	}
	if !in.Legacy {
		if err = m.moveIfExists(filepath.Join(dir, AttachDir), aside(AttachDir)); err != nil {
			return m.undo, err
		}
		if err = m.moveIfExists(in.attachments, filepath.Join(dir, AttachDir)); err != nil {
			return m.undo, err
		}
	}
	if err = m.move(in.db, filepath.Join(dir, DBFileName)); err != nil {
		return m.undo, err
	}
	return m.undo, nil
}

// mover renames files and remembers how to rename them back.
type mover struct{ done [][2]string }

func (m *mover) move(from, to string) error {
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		return err
	}
	if err := os.Rename(from, to); err != nil {
		return err
	}
	m.done = append(m.done, [2]string{from, to})
	return nil
}

func (m *mover) moveIfExists(from, to string) error {
	if _, err := os.Lstat(from); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return m.move(from, to)
}

// undo renames back in reverse order; it reports the first failure but
// tries every step.
func (m *mover) undo() error {
	var first error
	for i := len(m.done) - 1; i >= 0; i-- {
		if err := os.Rename(m.done[i][1], m.done[i][0]); err != nil && first == nil {
			first = err
		}
	}
	m.done = nil
	return first
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(dst)
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
