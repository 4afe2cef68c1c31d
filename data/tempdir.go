package data

import (
	"os"
	"path/filepath"
	"sync"
)

// The spreadsheet library spills large sheets and shared strings into
// temporary files. They hold personal data, so they go into the open data
// folder's work directory (private, and emptied by removeLeftovers on the
// next start after a crash), never into the system's temporary folder.
var (
	tempMu  sync.Mutex
	tempDir string
)

const tempDirName = workPrefix + "tmp"

// TempDir is the folder for temporary files of the open data folder,
// created when first asked for; "" (the system's) while no data folder is
// open or when it cannot be created.
func TempDir() string {
	tempMu.Lock()
	defer tempMu.Unlock()
	if tempDir == "" || os.MkdirAll(tempDir, 0o700) != nil {
		return ""
	}
	return tempDir
}

// setTempDir makes the store's work directory the temporary folder.
func (s *Store) setTempDir() {
	tempMu.Lock()
	tempDir = filepath.Join(s.dir, tempDirName)
	tempMu.Unlock()
}

// clearTempDir forgets and removes the folder when its store closes.
func (s *Store) clearTempDir() {
	dir := filepath.Join(s.dir, tempDirName)
	tempMu.Lock()
	if tempDir == dir {
		tempDir = ""
	}
	tempMu.Unlock()
	os.RemoveAll(dir)
}
