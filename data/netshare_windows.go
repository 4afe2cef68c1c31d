package data

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

func networkFS(dir string) string {
	if strings.HasPrefix(dir, `\\`) {
		return "SMB"
	}
	root, err := windows.UTF16PtrFromString(filepath.VolumeName(dir) + `\`)
	if err != nil {
		return ""
	}
	if windows.GetDriveType(root) == windows.DRIVE_REMOTE {
		return "SMB"
	}
	return ""
}
