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

// TempDir is the folder for temporary files of the open data folder; ""
// (the system's) while no data folder is open.
func TempDir() string {
	tempMu.Lock()
	defer tempMu.Unlock()
	return tempDir
}

// setTempDir makes the store's work directory the temporary folder.
func (s *Store) setTempDir() {
	dir := filepath.Join(s.dir, tempDirName)
	if os.MkdirAll(dir, 0o700) != nil {
		return
	}
	tempMu.Lock()
	tempDir = dir
	tempMu.Unlock()
}

// clearTempDir forgets the folder when its store closes.
func (s *Store) clearTempDir() {
	tempMu.Lock()
	defer tempMu.Unlock()
	if tempDir == filepath.Join(s.dir, tempDirName) {
		tempDir = ""
	}
}
