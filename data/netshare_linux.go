package data

import "golang.org/x/sys/unix"

// networkMagic are statfs(2) f_type values of network file systems.
var networkMagic = map[int64]string{
	0x6969:     "NFS",
	0x517B:     "SMB",
	0xFF534D42: "CIFS/SMB",
	0xFE534D42: "SMB2",
	0x564C:     "NCP",
	0x73757245: "Coda",
	0x5346414F: "AFS",
	0x6B414653: "AFS",
	0x19830326: "FhGFS",
	0x65735546: "FUSE", // sshfs and the like; also some local ones, so only reported
}

func networkFS(dir string) string {
	var st unix.Statfs_t
	if unix.Statfs(dir, &st) != nil {
		return ""
	}
	return networkKind(int64(st.Type))
}

// networkKind names the network file system of a statfs type, "" for a
// local one.
func networkKind(fsType int64) string {
	kind := networkMagic[fsType&0xFFFFFFFF]
	if kind == "FUSE" {
		return "" // ntfs-3g and other local disks use FUSE too
	}
	return kind
}
