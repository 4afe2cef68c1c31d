package demo

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/datatest"
	"partyoffice/data/idcard"
)

// testToday is fixed so the generated data is the same on every run.
var testToday = civil.New(2026, 3, 15)

// openStore is an empty store with the computer's clock: the demo is
// filled as of the day each test names.
func openStore(t *testing.T) *data.Store { return datatest.StoreIn(t, t.TempDir()) }

// filledStore is a store holding the demo branch as of today. Filling runs
// once per date and test binary (it takes seconds under -race: every record
// goes through the audited store); each test gets its own copy of the file.
func filledStore(t *testing.T, today civil.Date) (*data.Store, []data.Person) {
	t.Helper()
	dir := t.TempDir()
	if err := copyFile(filledTemplate(t, today), filepath.Join(dir, data.DBFileName)); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	people, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	return s, people
}

var (
	templatesMu sync.Mutex
	templates   = map[civil.Date]string{} // date → filled database file
	templateDir string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if templateDir != "" {
		os.RemoveAll(templateDir)
	}
	os.Exit(code)
}

// filledTemplate fills a store once for the date and returns its closed
// database file.
func filledTemplate(t *testing.T, today civil.Date) string {
	t.Helper()
	templatesMu.Lock()
	defer templatesMu.Unlock()
	if path, ok := templates[today]; ok {
		return path
	}
	if templateDir == "" {
		dir, err := os.MkdirTemp("", "partyoffice-demo-")
		if err != nil {
			t.Fatal(err)
		}
		templateDir = dir
	}
	dir := filepath.Join(templateDir, today.String())
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := Fill(s, today); err != nil {
		s.Close()
		t.Fatal(err)
	}
	if err := s.Close(); err != nil { // checkpoints the WAL into the file
		t.Fatal(err)
	}
	templates[today] = filepath.Join(dir, data.DBFileName)
	return templates[today]
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

// freshlyFilledStore runs Fill on a new store, for the tests about Fill itself.
func freshlyFilledStore(t *testing.T, today civil.Date) (*data.Store, []data.Person) {
	t.Helper()
	s := openStore(t)
	if err := Fill(s, today); err != nil {
		t.Fatal(err)
	}
	people, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	return s, people
}

func TestFillCounts(t *testing.T) {
	s, people := filledStore(t, testToday)
	if want := len(members) + len(pipeline); len(people) != want {
		t.Errorf("people = %d, want %d", len(people), want)
	}
	c := data.Count(people) // counts only those still in the roll
	want := data.RegisterCounts{Full: 29, Probationer: 4, Lost: 1, Floating: 1}
	if c.Full != want.Full || c.Probationer != want.Probationer || c.Lost != want.Lost ||
		c.Floating != want.Floating || c.Applicants != 3 || c.Activists != 2 || c.Candidates != 2 {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
	if n := len(data.FilterPeople(people, data.PersonFilter{View: data.ViewLeft})); n != 2 {
		t.Errorf("left the register: %d, want the 2 transferred out", n)
	}
	for _, p := range people {
		if p.Roll == data.RollTransferred && p.Destination == "" {
			t.Errorf("%s transferred out without a destination", p.Name)
		}
	}
	groups, err := s.Groups()
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 3 {
		t.Fatalf("groups = %d, want 3", len(groups))
	}
	for _, g := range groups {
		if g.LeaderID == nil {
			t.Errorf("%s has no 组长", g.Name)
		}
		if c.ByGroup[g.ID] < 5 {
			t.Errorf("%s has %d members", g.Name, c.ByGroup[g.ID])
		}
	}
}

func TestFillProbationReminders(t *testing.T) {
	_, people := filledStore(t, testToday)
	due := data.ProbationEndingWithin(people, testToday, 60)
	if len(due) != 2 {
		t.Fatalf("预备期 ending within 60 days or overdue: %d, want 2", len(due))
	}
	if !due[0].ProbationEnd().Before(testToday) {
		t.Errorf("%s: 预备期 ends %s, want one already overdue", due[0].Name, due[0].ProbationEnd())
	}
	if due[1].ProbationEnd().Before(testToday) {
		t.Errorf("%s: 预备期 ends %s, want one still to come", due[1].Name, due[1].ProbationEnd())
	}
}

// membersOf leaves out the people still being developed (pipeline.go).
func membersOf(people []data.Person) []data.Person {
	var out []data.Person
	for _, p := range people {
		if p.Stage.IsMember() {
			out = append(out, p)
		}
	}
	return out
}

func TestFillEveryPersonChecksClean(t *testing.T) {
	_, people := filledStore(t, testToday)
	for _, p := range membersOf(people) {
		if issues := p.CheckMember(testToday); len(issues) > 0 {
			t.Errorf("%s: %v", p.Name, issues)
		}
	}
}

var mobile = regexp.MustCompile(`^1[3-9]\d{9}$`)

func TestFillDetailsArePlausible(t *testing.T) {
	_, people := filledStore(t, testToday)
	names, ids, mobiles := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, p := range people {
		if names[p.Name] || ids[p.IDNumber] || mobiles[p.Mobile] {
			t.Errorf("%s: name, ID number or mobile used twice", p.Name)
		}
		names[p.Name], ids[p.IDNumber], mobiles[p.Mobile] = true, true, true
		info, err := idcard.Read(p.IDNumber)
		if err != nil || idcard.Gender(info) != p.Gender || !info.Birth.Equal(p.BirthDate) {
			t.Errorf("%s: ID number %s does not match (%v)", p.Name, p.IDNumber, err)
		}
		if p.BirthDate.Year < 1965 || p.BirthDate.Year > 2000 {
			t.Errorf("%s: born %s", p.Name, p.BirthDate)
		}
		if !mobile.MatchString(p.Mobile) || !strings.HasPrefix(p.Address, "银川市金凤区") {
			t.Errorf("%s: mobile %q, address %q", p.Name, p.Mobile, p.Address)
		}
		if !p.Stage.IsMember() {
			continue // no 入党日期, 介绍人 or 党小组 yet
		}
		if p.JoinDate.Before(p.BirthDate.AddYears(18)) {
			t.Errorf("%s: joined %s before 18 (born %s)", p.Name, p.JoinDate, p.BirthDate)
		}
		if intro := strings.Split(p.Introducers, "、"); len(intro) != 2 || intro[0] == intro[1] ||
			intro[0] == p.Name || intro[1] == p.Name {
			t.Errorf("%s: 入党介绍人 %q", p.Name, p.Introducers)
		}
		if p.GroupID == nil || p.BranchName != branchName {
			t.Errorf("%s: no 党小组 or wrong 支部 %q", p.Name, p.BranchName)
		}
	}
}

func TestFillBranchNamesCommitteeMembers(t *testing.T) {
	s, people := filledStore(t, testToday)
	b, err := s.Branch()
	if err != nil {
		t.Fatal(err)
	}
	if b.Name != branchName || b.Superior == "" || b.Unit == "" || b.Phone == "" {
		t.Errorf("branch = %+v", b)
	}
	posts := map[string]string{}
	for _, p := range people {
		posts[p.Name] = p.PartyPost
	}
	for post, name := range map[string]string{postSecretary: b.Secretary, postDeputy: b.DeputySecretary,
		postOrganization: b.OrganizationMember, postPropaganda: b.PropagandaMember, postDiscipline: b.DisciplineMember} {
		if posts[name] != post {
			t.Errorf("%s is %q, whose 党内职务 is %q", post, name, posts[name])
		}
	}
}

func TestFillIsAudited(t *testing.T) {
	s, people := filledStore(t, testToday)
	log, err := s.AuditLog(data.AuditFilter{Action: "新增", Entity: "人员"})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != len(people) {
		t.Errorf("audit has %d 新增人员 entries for %d people", len(log), len(people))
	}
}

func TestFillIsDeterministic(t *testing.T) {
	_, a := freshlyFilledStore(t, testToday)
	_, b := freshlyFilledStore(t, testToday)
	for i := range a {
		if a[i].IDNumber != b[i].IDNumber || a[i].Mobile != b[i].Mobile || a[i].Introducers != b[i].Introducers {
			t.Fatalf("run 1 gave %s %s, run 2 %s %s", a[i].Name, a[i].IDNumber, b[i].Name, b[i].IDNumber)
		}
	}
}

func TestFillToday(t *testing.T) {
	today := civil.Today()
	_, people := filledStore(t, today)
	for _, p := range membersOf(people) {
		if issues := p.CheckMember(today); len(issues) > 0 {
			t.Errorf("%s: %v", p.Name, issues)
		}
	}
}

func TestFillRefusesAStoreWithPeople(t *testing.T) {
	s, _ := filledStore(t, testToday)
	err := Fill(s, testToday)
	if !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("second Fill: %v, want ErrNotEmpty", err)
	}
	if n, _ := s.CountPeople(); n != int64(len(members)+len(pipeline)) {
		t.Errorf("second Fill changed the store: %d people", n)
	}
}

func TestFillRefusesATooEarlyDate(t *testing.T) {
	if err := Fill(openStore(t), civil.New(2020, 1, 1)); err == nil {
		t.Fatal("Fill accepted a date before the table's last 转正")
	}
}
