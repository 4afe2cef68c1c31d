package main

import (
	"strings"
	"testing"

	"partyoffice/data"
)

// TestBranchSetsOnlyGivenFields: a script sets the code without wiping the
// name the wizard saved.
func TestBranchSetsOnlyGivenFields(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, "--data", dir, "branch", "--name", "第一小学党支部", "--parent", "XX区教育工委")
	mustRun(t, "--data", dir, "branch", "--code", "0107", "--phone", "010-1234")
	out := mustRun(t, "--data", dir, "branch")
	for _, want := range []string{"支部名称：第一小学党支部", "上级党委：XX区教育工委", "党组织代码：0107", "联系电话：010-1234", "书记：（未填）"} {
		if !strings.Contains(out, want) {
			t.Errorf("branch shows\n%s\nwant %q", out, want)
		}
	}
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, _ := s.Branch()
	if b.Code != "0107" || b.Name != "第一小学党支部" {
		t.Errorf("stored branch = %+v", b)
	}
}

func TestBranchRefusesEmptyName(t *testing.T) {
	code, _, errOut := runCLI(t, "--data", t.TempDir(), "branch", "--code", "1")
	if code == exitOK || !strings.Contains(errOut, "支部名称") {
		t.Errorf("code %d, stderr %q: want a refusal asking for the 支部名称", code, errOut)
	}
}
