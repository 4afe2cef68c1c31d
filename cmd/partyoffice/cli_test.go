package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/datatest"
)

// runCLI runs the dispatcher as main does and captures what it prints.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// mustRun fails the test unless the command succeeds.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := runCLI(t, args...)
	if code != exitOK {
		t.Fatalf("partyoffice %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// demoDir is a data folder holding the demo branch.
// demoTemplate is a data folder filled by `demo` once per test binary:
// building the demo branch (people, steps, a year of meetings) through the
// audited store takes seconds under -race, and most tests only need a copy.
var demoTemplate struct {
	once sync.Once
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if demoTemplate.dir != "" {
		os.RemoveAll(demoTemplate.dir)
	}
	os.Exit(code)
}

// demoDir returns a fresh data folder holding the demo branch.
func demoDir(t *testing.T) string {
	t.Helper()
	demoTemplate.once.Do(func() {
		if demoTemplate.dir, demoTemplate.err = os.MkdirTemp("", "partyoffice-demo-"); demoTemplate.err != nil {
			return
		}
		var out, errOut bytes.Buffer
		if code := run([]string{"--data", demoTemplate.dir, "demo"}, &out, &errOut); code != 0 {
			demoTemplate.err = fmt.Errorf("demo exited %d: %s", code, errOut.String())
		}
	})
	if demoTemplate.err != nil {
		t.Fatal(demoTemplate.err)
	}
	dir := t.TempDir()
	if err := copyTree(demoTemplate.dir, dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// copyTree copies a closed data folder (the lock file is left behind).
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(path, ".lock") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

func exportDemo(t *testing.T) (dir, file string) {
	t.Helper()
	dir = demoDir(t)
	file = filepath.Join(t.TempDir(), "党员名册.xlsx")
	mustRun(t, "--data", dir, "export", "members", "--out", file)
	return dir, file
}

// peopleIn opens a data folder and returns its people; the store is closed
// again before returning, so the CLI can use the folder afterwards.
func peopleIn(t *testing.T, dir string) []data.Person {
	t.Helper()
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	people, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	return people
}

// identities are the facts a round trip must keep, sorted for comparison.
func identities(people []data.Person) []string {
	out := make([]string, len(people))
	for i, p := range people {
		out[i] = p.Name + " " + p.IDNumber + " " + p.JoinDate.String()
	}
	sort.Strings(out)
	return out
}

func TestDemoExportImportRoundTrip(t *testing.T) {
	demo, file := exportDemo(t)
	want := identities(data.RegisterAsOf(peopleIn(t, demo), civil.Today()))
	if len(want) < 30 {
		t.Fatalf("demo register has only %d people", len(want))
	}
	fresh := t.TempDir()
	out := mustRun(t, "--data", fresh, "import", "members", file)
	if !strings.Contains(out, "导入 "+strconv.Itoa(len(want))+" 人，更新 0 人，跳过 0 人，错误 0 行") {
		t.Errorf("summary line missing or wrong:\n%s", out)
	}
	got := identities(peopleIn(t, fresh))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("imported people differ from the exported register\ngot  %v\nwant %v", got, want)
	}

	// Importing the same file again skips everyone already there.
	out = mustRun(t, "--data", fresh, "import", "members", file)
	if !strings.Contains(out, "导入 0 人，更新 0 人，跳过 "+strconv.Itoa(len(want))+" 人") {
		t.Errorf("second import should skip everyone:\n%s", out)
	}
	out = mustRun(t, "--data", fresh, "import", "--update", "members", file)
	if !strings.Contains(out, "更新 "+strconv.Itoa(len(want))+" 人") {
		t.Errorf("--update should update everyone:\n%s", out)
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	_, file := exportDemo(t)
	fresh := t.TempDir()
	// The flag after the positional arguments, as people type it.
	out := mustRun(t, "--data", fresh, "import", "members", file, "--dry-run")
	if !strings.Contains(out, "试运行") || strings.Contains(out, "导入 0 人") {
		t.Errorf("dry run should say what it would import:\n%s", out)
	}
	if n := len(peopleIn(t, fresh)); n != 0 {
		t.Errorf("dry run wrote %d people", n)
	}
}

// badCopy copies an exported register and breaks one ID number in it.
func badCopy(t *testing.T, file string, people []data.Person) (string, string) {
	t.Helper()
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	victim := data.RegisterAsOf(people, civil.Today())[0]
	cells, err := f.SearchSheet(sheet, victim.IDNumber)
	if err != nil || len(cells) == 0 {
		t.Fatalf("ID number %s not found in the export (%v)", victim.IDNumber, err)
	}
	if err := f.SetCellStr(sheet, cells[0], victim.IDNumber+"9" /* one digit too many */); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "有错误.xlsx")
	if err := f.SaveAs(bad); err != nil {
		t.Fatal(err)
	}
	return bad, victim.Name
}

func TestImportBadRowWritesNothing(t *testing.T) {
	demo, file := exportDemo(t)
	bad, _ := badCopy(t, file, peopleIn(t, demo))
	fresh := t.TempDir()
	code, out, errOut := runCLI(t, "--data", fresh, "import", "members", bad)
	if code != exitFailed {
		t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, exitFailed, out, errOut)
	}
	if !strings.Contains(errOut, "行 [") || !strings.Contains(errOut, "没有导入任何数据") {
		t.Errorf("stderr should list the bad row and say nothing was imported:\n%s", errOut)
	}
	if n := len(peopleIn(t, fresh)); n != 0 {
		t.Errorf("an import with a bad row wrote %d people", n)
	}
}

func TestImportSkipBadImportsTheRest(t *testing.T) {
	demo, file := exportDemo(t)
	people := peopleIn(t, demo)
	bad, victim := badCopy(t, file, people)
	fresh := t.TempDir()
	code, out, errOut := runCLI(t, "--data", fresh, "import", "members", bad, "--skip-bad")
	if code != exitOK {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if !strings.Contains(errOut, "第") || !strings.Contains(out, "错误 1 行") {
		t.Errorf("the bad row should be reported\nstdout: %s\nstderr: %s", out, errOut)
	}
	got := peopleIn(t, fresh)
	if want := len(data.RegisterAsOf(people, civil.Today())) - 1; len(got) != want {
		t.Errorf("imported %d people, want %d", len(got), want)
	}
	for _, p := range got {
		if p.Name == victim {
			t.Errorf("the person with the bad ID number was imported")
		}
	}
}

func TestImportJSON(t *testing.T) {
	demo, file := exportDemo(t)
	bad, _ := badCopy(t, file, peopleIn(t, demo))
	fresh := t.TempDir()
	code, out, errOut := runCLI(t, "--data", fresh, "import", "members", bad, "--skip-bad", "--json")
	if code != exitOK {
		t.Fatalf("exit %d\nstderr: %s", code, errOut)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, out)
	}
	keys := make([]string, 0, len(got))
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if want := []string{"errors", "imported", "skipped", "updated", "warnings"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("keys = %v, want %v", keys, want)
	}
	var rep struct {
		Imported, Updated, Skipped int
		Errors                     []map[string]any
		Warnings                   []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Imported != len(peopleIn(t, fresh)) || rep.Imported == 0 {
		t.Errorf("imported = %d, store holds %d", rep.Imported, len(peopleIn(t, fresh)))
	}
	if len(rep.Errors) != 1 {
		t.Fatalf("errors = %v, want the one bad row", rep.Errors)
	}
	e := rep.Errors[0]
	if row, _ := e["row"].(float64); row < 2 || e["column"] == "" || e["message"] == "" || len(e) != 3 {
		t.Errorf("error entry = %v, want {row, column, message}", e)
	}
	if rep.Warnings == nil {
		t.Errorf("warnings should be [] rather than null")
	}
}

func TestLockedDataFolder(t *testing.T) {
	dir := demoDir(t)
	datatest.StoreIn(t, dir) // another "running copy" holds the lock
	code, _, errOut := runCLI(t, "--data", dir, "backups")
	if code != exitLocked {
		t.Fatalf("exit %d, want %d; stderr: %s", code, exitLocked, errOut)
	}
	if !strings.Contains(errOut, data.ErrLocked.Error()) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("stderr should be the lock message on one line:\n%s", errOut)
	}
}

func TestUnknownCommandPrintsHelp(t *testing.T) {
	code, out, errOut := runCLI(t, "--data", t.TempDir(), "frobnicate")
	if code != exitUsage {
		t.Fatalf("exit %d, want %d", code, exitUsage)
	}
	if !strings.Contains(errOut, "frobnicate") || !strings.Contains(errOut, "import members") || out != "" {
		t.Errorf("want the error and the help on stderr\nstdout: %s\nstderr: %s", out, errOut)
	}
}

func TestUsageMistakes(t *testing.T) {
	dir := demoDir(t)
	for _, args := range [][]string{
		{"export", "members", "--out", "名册.xls"},
		{"export", "members"},
		{"export", "nonsense", "--out", "a.xlsx"}, // not a register
		{"export", "members", "--out", "a.xlsx", "--as-of", "明天"},
		{"import", "members"},
		{"import", "members", "a.xlsx", "--frobnicate"},
		{"demo", "extra"},
	} {
		code, out, errOut := runCLI(t, append([]string{"--data", dir}, args...)...)
		if code != exitUsage || !strings.HasPrefix(errOut, "错误：") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 with one line", args, code, out, errOut)
		}
	}
}

func TestDemoRefusesAFilledStore(t *testing.T) {
	dir := demoDir(t)
	code, _, errOut := runCLI(t, "--data", dir, "demo")
	if code != exitFailed || !strings.Contains(errOut, "已有人员记录") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestVersionAndHelp(t *testing.T) {
	out := mustRun(t, "version")
	if !strings.Contains(out, data.AppVersion) || !strings.Contains(out, "数据结构版本") {
		t.Errorf("version: %q", out)
	}
	for _, args := range [][]string{{"help"}, {"--help"}} {
		if out := mustRun(t, args...); !strings.Contains(out, "partyoffice") || !strings.Contains(out, "退出码") {
			t.Errorf("%v: %q", args, out)
		}
	}
}

func TestBackupAndRestore(t *testing.T) {
	dir := demoDir(t)
	file := filepath.Join(t.TempDir(), "备份.db")
	mustRun(t, "--data", dir, "backup", "--out", file)
	mustRun(t, "--data", dir, "backup")

	fresh := t.TempDir()
	mustRun(t, "--data", fresh, "restore", file)
	if got, want := identities(peopleIn(t, fresh)), identities(peopleIn(t, dir)); !reflect.DeepEqual(got, want) {
		t.Errorf("restored people differ")
	}
	out := mustRun(t, "--data", dir, "backups")
	if !strings.Contains(out, "手动备份") {
		t.Errorf("backups should list the manual backup:\n%s", out)
	}
}

func TestRestoreOfANonDatabaseFails(t *testing.T) {
	dir := demoDir(t)
	before := identities(peopleIn(t, dir))
	junk := filepath.Join(t.TempDir(), "名册.db")
	if err := os.WriteFile(junk, []byte("这不是数据库文件，只是一段文字。"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "--data", dir, "restore", junk)
	if code != exitFailed || !strings.HasPrefix(errOut, "错误：") || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("exit %d, stderr %q; want exit 1 with one line", code, errOut)
	}
	if after := identities(peopleIn(t, dir)); !reflect.DeepEqual(after, before) {
		t.Errorf("a failed restore changed the data")
	}
}

// damage overwrites a few pages in the middle of the database file.
func damage(t *testing.T, dir string) {
	t.Helper()
	db := filepath.Join(dir, data.DBFileName)
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for i := 8192; i < len(b) && i < 8192+3*4096; i++ {
		b[i] = 0xAB
	}
	if err := os.WriteFile(db, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDamagedDatabase(t *testing.T) {
	dir := demoDir(t)
	mustRun(t, "--data", dir, "backup")
	want := identities(peopleIn(t, dir))
	damage(t, dir)

	code, _, errOut := runCLI(t, "--data", dir, "export", "members", "--out", filepath.Join(t.TempDir(), "a.xlsx"))
	if code != exitDamaged || !strings.Contains(errOut, "restore") {
		t.Fatalf("exit %d, stderr %q; want %d suggesting restore", code, errOut, exitDamaged)
	}
	// backups and restore still work, as they are what the message suggests.
	out := mustRun(t, "--data", dir, "backups")
	if !strings.Contains(out, "共 1 份") {
		t.Fatalf("backups of a damaged folder:\n%s", out)
	}
	list, err := data.BackupsIn(dir)
	if err != nil || len(list) != 1 {
		t.Fatalf("backupsInFolder: %v, %v", list, err)
	}
	mustRun(t, "--data", dir, "restore", list[0].Path)
	if got := identities(peopleIn(t, dir)); !reflect.DeepEqual(got, want) {
		t.Errorf("people after restoring the damaged folder differ")
	}
	kept, _ := filepath.Glob(filepath.Join(dir, data.DBFileName+".damaged-*"))
	if len(kept) == 0 {
		t.Errorf("the damaged file should be kept aside")
	}
}

func TestNewestGoodBackupSkipsBadOnes(t *testing.T) {
	dir := demoDir(t)
	mustRun(t, "--data", dir, "backup")
	list, _ := data.BackupsIn(dir)
	good := list[0]
	bad := filepath.Join(dir, data.BackupDir, "9999-较新但已损坏.db")
	if err := os.WriteFile(bad, []byte("not a database"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := data.NewestGoodBackup(dir)
	if err != nil || got.Path != good.Path {
		t.Errorf("newestGoodBackup = %v, %v; want %s", got.Path, err, good.Path)
	}
	if _, err := data.NewestGoodBackup(t.TempDir()); err == nil {
		t.Errorf("a folder without backups should give an error")
	}
}

func TestParseInterspersed(t *testing.T) {
	fs := newFlagSet("t")
	dry := fs.Bool("dry-run", false, "")
	out := fs.String("out", "", "")
	pos, err := parseInterspersed(fs, []string{"members", "--out", "x.xlsx", "f.xlsx", "--dry-run", "--", "--weird"})
	if err != nil {
		t.Fatal(err)
	}
	if !*dry || *out != "x.xlsx" || !reflect.DeepEqual(pos, []string{"members", "f.xlsx", "--weird"}) {
		t.Errorf("dry=%v out=%q pos=%v", *dry, *out, pos)
	}
}

func TestDataFolderChoice(t *testing.T) {
	t.Setenv(dataEnv, "/从/环境变量")
	if dir, _ := resolveDataDir(""); dir != filepath.Clean("/从/环境变量") {
		t.Errorf("env: %s", dir)
	}
	if dir, _ := resolveDataDir("/从/选项"); dir != filepath.Clean("/从/选项") {
		t.Errorf("--data: %s", dir)
	}
	t.Setenv(dataEnv, "")
	dir, err := resolveDataDir("")
	if err != nil || !strings.HasSuffix(dir, filepath.Join("fyne", appID)) {
		t.Errorf("default: %s, %v", dir, err)
	}
}
