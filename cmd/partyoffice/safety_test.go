package main

import (
	"strings"
	"testing"
)

func TestNetworkShareIsWarnedAbout(t *testing.T) {
	defer func(f func(string) string) { networkShare = f }(networkShare)
	networkShare = func(string) string { return "SMB" }
	dir := t.TempDir()
	if _, _, errOut := runCLI(t, "--data", dir, "backups"); !strings.Contains(errOut, "网络共享（SMB）") {
		t.Errorf("stderr %q", errOut)
	}
	if _, _, errOut := runCLI(t, "--data", dir, "version"); errOut != "" {
		t.Errorf("version warns: %q", errOut)
	}
}
