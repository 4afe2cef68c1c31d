package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Folder names a user may well pick (or Windows may give): every one must
// hold the database, its backups, restores and packages.
var awkwardFolders = []string{"支部 资料#1", "100%完成", "问题?与答案", "a&b=c;d", "file:x"}

func TestAwkwardFolderNames(t *testing.T) {
	long := strings.Repeat("很长的文件夹名称", 8)
	for _, name := range append(awkwardFolders, filepath.Join(long, long)) {
		t.Run(name[:min(len(name), 12)], func(t *testing.T) {
			base := t.TempDir()
			dir := filepath.Join(base, name)
			s, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.CreatePerson(member("张三", "11010519491231002X")); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(dir, DBFileName)); err != nil {
				t.Fatalf("database not in the folder: %v", err)
			}
			if entries, _ := os.ReadDir(base); len(entries) != 1 {
				t.Fatalf("files outside the data folder: %v", entries)
			}
			b, err := s.Backup(LabelManual)
			if err != nil {
				t.Fatalf("backup: %v", err)
			}
			if err := VerifyBackup(dir, b.Path); err != nil {
				t.Fatalf("verify: %v", err)
			}
			pkg := filepath.Join(dir, "移交 包#1.poh")
			if _, err := s.MakeHandover(pkg, HandoverOptions{Password: "交接密码2026年度"}); err != nil {
				t.Fatalf("handover: %v", err)
			}
			if err := s.Restore(b.Path); err != nil {
				t.Fatalf("restore: %v", err)
			}
			in, err := OpenIncoming(dir, pkg, "交接密码2026年度", nil)
			if err != nil {
				t.Fatalf("receive: %v", err)
			}
			defer in.Close()
			if err := s.Receive(in); err != nil {
				t.Fatalf("receive: %v", err)
			}
			if namesIn(t, s) != "张三" {
				t.Errorf("people %s", namesIn(t, s))
			}
		})
	}
}
