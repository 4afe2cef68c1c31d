package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// writeLedger writes a two-line 三会一课 ledger naming people of the branch;
// the second line has no type.
func writeLedger(t *testing.T, people []data.Person) string {
	t.Helper()
	var names []string
	for _, p := range data.RegisterAsOf(people, civil.Date{Year: 2024, Month: 5, Day: 20}) {
		names = append(names, p.Name)
	}
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"活动名称", "日期", "地点", "主持人", "参会人员"},
		{"支部党员大会", "2024年5月20日 下午3点", "会议室", names[0], strings.Join(names, "、")},
		{"迎新春联欢", "2024-01-20"},
	}
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			f.SetCellValue("Sheet1", cell, v)
		}
	}
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportMeetings(t *testing.T) {
	dir := demoDir(t)
	path := writeLedger(t, peopleIn(t, dir))
	before := meetingCount(t, dir)

	code, out, errOut := runCLI(t, "--data", dir, "import", "meetings", path, "--dry-run")
	if code != exitFailed || !strings.Contains(errOut, "第3行") || !strings.Contains(errOut, "没有会议类型") {
		t.Fatalf("a bad row must stop the import: exit %d\n%s\n%s", code, out, errOut)
	}
	var rep struct {
		Imported, Skipped int
		Errors            []map[string]any
	}
	out = mustRun(t, "--data", dir, "import", "meetings", path, "--dry-run", "--skip-bad", "--json")
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Imported != 1 || len(rep.Errors) != 1 {
		t.Fatalf("dry run: %+v %v\n%s", rep, err, out)
	}
	if meetingCount(t, dir) != before {
		t.Fatal("the dry run stored sittings")
	}
	out = mustRun(t, "--data", dir, "import", "meetings", path, "--skip-bad")
	if !strings.Contains(out, "导入 1 次会议") || meetingCount(t, dir) != before+1 {
		t.Fatalf("import: %s (meetings %d → %d)", out, before, meetingCount(t, dir))
	}
	out = mustRun(t, "--data", dir, "import", "meetings", path, "--skip-bad")
	if !strings.Contains(out, "导入 0 次会议，跳过 1 次会议") || meetingCount(t, dir) != before+1 {
		t.Fatalf("second import must skip the stored sitting: %s", out)
	}
	if code, _, _ := runCLI(t, "--data", dir, "import", "meetings", path, "--update"); code != exitUsage {
		t.Errorf("--update: exit %d, want usage error", code)
	}
	if help := mustRun(t, "help"); !strings.Contains(help, "import meetings 文件.xlsx") {
		t.Error("help does not list import meetings")
	}
}

func meetingCount(t *testing.T, dir string) int {
	t.Helper()
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, err := s.Meetings(data.MeetingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(ms)
}
