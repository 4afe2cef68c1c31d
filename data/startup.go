package data

import (
	"errors"
	"os"
	"path/filepath"
)

// The start-up policy for a data folder, shared by whatever front end opens
// it (today the window; cmd only composes). The rule: never open an empty
// store in place of lost data. A damaged or vanished database is replaced
// from the newest good backup, or — only when it vanished — set aside for a
// blank start, on the user's word; a folder in use or not writable is tried
// again. docs/ARCHITECTURE.md#start-up-and-recovery.

// ErrDatabaseMissing means the data folder has backups but no database: the
// file was deleted or moved. Opening would quietly start an empty register.
var ErrDatabaseMissing = errors.New("数据文件不见了（可能被误删、移走，或上次没有保存完整），但数据文件夹中有备份")

// OpenFolder opens the store at start-up, refusing to create a new empty one
// where backups show that data existed (ErrDatabaseMissing).
func OpenFolder(dir string) (*Store, error) { return openFolder(dir, fullCheck) }

// OpenFolderCheckLater is OpenFolder without the full integrity check, which
// reads the whole file (0.1–1 s on a big register): the window opens first and
// runs Store.CheckIntegrity after its first frame, in the background, before
// the daily backup; damage found then is offered the same remedies
// (RemediesFor), once the caller has closed the store. A file too damaged to
// open or migrate still fails here. docs/ARCHITECTURE.md#start-up-and-recovery.
func OpenFolderCheckLater(dir string) (*Store, error) { return openFolder(dir, checkLater) }

func openFolder(dir string, check integrityCheck) (*Store, error) {
	if _, err := os.Stat(filepath.Join(dir, DBFileName)); errors.Is(err, os.ErrNotExist) {
		if list, _ := BackupsIn(dir); len(list) > 0 {
			return nil, ErrDatabaseMissing
		}
	}
	return open(dir, check)
}

// Remedies are the ways out of an OpenFolder error that may be offered.
type Remedies struct {
	Restore    bool // replace the damaged or vanished database by the newest good backup
	StartBlank bool // start an empty database beside the backups (only when it vanished)
	Retry      bool // the cause is outside the file: another window, a USB stick, permissions
}

// RemediesFor says which remedies fit an error of OpenFolder.
func RemediesFor(err error) Remedies {
	switch {
	case errors.Is(err, ErrDatabaseMissing):
		return Remedies{Restore: true, StartBlank: true}
	case errors.Is(err, ErrDamaged):
		return Remedies{Restore: true}
	}
	return Remedies{Retry: true}
}

// RecoverFrom restores the backup b into a data folder whose store cannot be
// opened, and opens it. The damaged file is kept, renamed (RestoreClosed).
func RecoverFrom(dir string, b BackupInfo) (*Store, error) {
	if _, err := RestoreClosed(dir, b.Path); err != nil {
		return nil, err
	}
	return Open(dir)
}

// StartBlank sets a leftover empty database aside (as partyoffice.db.empty)
// and opens a new one; the backups stay where they are.
func StartBlank(dir string) (*Store, error) {
	db := filepath.Join(dir, DBFileName)
	if _, err := os.Stat(db); err == nil {
		if err := os.Rename(db, db+".empty"); err != nil {
			return nil, errors.New("无法新建数据文件：" + plainIOError(err).Error())
		}
	}
	return Open(dir)
}
