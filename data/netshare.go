package data

import (
	"os"
	"path/filepath"
)

// NetworkShare names the kind of network share (SMB, NFS …) the data folder
// dir lives on, "" for a local disk or when it cannot be told. SQLite's
// locking and WAL are unreliable over a network (docs:
// https://sqlite.org/useovernet.html), so the program warns at start; the
// user may still go on.
func NetworkShare(dir string) string {
	return networkFS(existingAncestor(dir))
}

// existingAncestor is dir or its nearest parent that exists: a data folder
// about to be created lies on its parent's disk.
func existingAncestor(dir string) string {
	dir, _ = filepath.Abs(dir)
	for {
		if _, err := os.Stat(dir); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return dir
		}
		dir = parent
	}
}

// NetworkShareWarning is the warning shown (GUI dialog, CLI stderr) for a
// data folder on a network share of the given kind.
func NetworkShareWarning(kind string) string {
	return "数据文件夹在网络共享（" + kind + "）上：多人同时使用或网络中断时，数据可能损坏或丢失修改。" +
		"建议把数据文件夹放在本机硬盘上（用“备份”导出后在本机恢复）"
}
