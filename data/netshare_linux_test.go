package data

import (
	"path/filepath"
	"testing"
)

func TestNetworkShareKinds(t *testing.T) {
	for fsType, want := range map[int64]string{0x6969: "NFS", 0xFF534D42: "CIFS/SMB", 0xFE534D42: "SMB2",
		0x517B: "SMB", 0xEF53: "", 0x01021994: "", 0x65735546: ""} {
		if got := networkKind(fsType); got != want {
			t.Errorf("%#x: %q, want %q", fsType, got, want)
		}
	}
	if got := NetworkShare(filepath.Join(t.TempDir(), "还没有", "数据")); got != "" {
		t.Errorf("a local folder taken for %q", got)
	}
}
