package data_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"partyoffice/data"
	"partyoffice/data/datatest"
	"partyoffice/data/pgtest"
)

// Two branches and a 区管理员 on one server: each branch sees and changes
// only its own rows, even when it asks for the other's by id or by SQL; the
// district reads everything and can change nothing.
func TestBranchesOnOneServerSeeOnlyTheirRows(t *testing.T) {
	dsn := pgtest.Database(t)
	admin := datatest.ServerStoreOn(t, dsn)
	yi, er, qu := pgtest.Login(t, "zhibu_yi"), pgtest.Login(t, "zhibu_er"), pgtest.Login(t, "qu_admin")
	datatest.AddUsers(t, admin,
		data.ServerUser{Login: yi, Password: "pw1", BranchID: 1, Role: data.RoleBranch, Name: "张静"},
		data.ServerUser{Login: er, Password: "pw2", BranchID: 2, Role: data.RoleBranch, Name: "李明"},
		data.ServerUser{Login: qu, Password: "pw3", BranchID: 0, Role: data.RoleDistrict, Name: "区管理员"},
	)
	one := datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, yi, "pw1"))
	two := datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, er, "pw2"))
	district := datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, qu, "pw3"))

	for s, name := range map[*data.Store]string{one: "一小党支部", two: "二小党支部"} {
		if err := s.SaveBranch(data.Branch{Name: name}); err != nil {
			t.Fatalf("save branch %s: %v", name, err)
		}
		if err := s.SetSetting("holidays", name); err != nil {
			t.Fatalf("setting of %s: %v", name, err)
		}
	}
	idsOne := datatest.Create(t, one, datatest.Member("甲", datatest.IDNumber("19800101", 1)))
	datatest.Create(t, two, datatest.Member("乙", datatest.IDNumber("19810101", 3)),
		datatest.Member("丙", datatest.IDNumber("19820101", 5)))

	if two.Actor != "李明" || district.ServerRole() != data.RoleDistrict {
		t.Errorf("signed in as %q, district role %q", two.Actor, district.ServerRole())
	}
	if b, _ := two.Branch(); b.Name != "二小党支部" {
		t.Errorf("branch two reads branch %q", b.Name)
	}
	if people, _ := one.People(); len(people) != 1 || people[0].Name != "甲" {
		t.Errorf("branch one sees %v, want only 甲", names(people))
	}
	if people, _ := two.People(); len(people) != 2 {
		t.Errorf("branch two sees %v, want 乙 and 丙", names(people))
	}
	// Branch two asks for branch one's person by id, by SQL, and tries to change it.
	if _, err := two.Person(idsOne[0]); err == nil {
		t.Error("branch two read branch one's person by id")
	}
	var n int64
	if err := two.DB().Raw("SELECT count(*) FROM people WHERE name = '甲'").Scan(&n).Error; err != nil || n != 0 {
		t.Errorf("branch two's own SQL sees %d of branch one's rows (%v)", n, err)
	}
	stolen := *datatest.Member("甲", "")
	stolen.ID = idsOne[0]
	if err := two.UpdatePerson(&stolen); err == nil {
		t.Error("branch two changed branch one's person")
	}
	// The district reads all branches and writes none.
	if people, _ := district.People(); len(people) != 3 {
		t.Errorf("the district sees %v, want all three", names(people))
	}
	err := district.CreatePerson(datatest.Member("丁", ""))
	if err == nil || !errors.Is(err, data.ErrNoPermission) {
		t.Errorf("the district created a person: %v", err)
	}
	// A package made by branch one holds branch one only.
	if got := packedPeople(t, one); got != 1 {
		t.Errorf("branch one's 移交包 holds %d people, want 1", got)
	}
	// A store reading both branches makes no package of them all (their
	// branch records share id 1) and skips the daily backup; the owner's
	// setting is its own branch's (1), not every branch's.
	for who, s := range map[string]*data.Store{"district": district, "owner": admin} {
		err := s.BackupTo(t.TempDir() + "/全部.zip")
		if err == nil || !strings.Contains(err.Error(), "按支部分别制作") {
			t.Errorf("%s packed several branches: %v", who, err)
		}
		if made, err := s.DailyBackup(time.Now()); made || err != nil {
			t.Errorf("%s daily backup: made %v, %v; want skipped", who, made, err)
		}
	}
	if err := admin.SetSetting("holidays", "所有者"); err != nil {
		t.Fatal(err)
	}
	if got := two.Setting("holidays"); got != "二小党支部" {
		t.Errorf("the owner's setting reached branch two: %q", got)
	}
	if got := admin.Setting("holidays"); got != "所有者" {
		t.Errorf("the owner reads setting %q, want its own (branch 1)", got)
	}
}

func names(people []data.Person) []string {
	var out []string
	for _, p := range people {
		out = append(out, p.Name)
	}
	return out
}

// packedPeople backs s up to a package, restores it on a new PC and counts.
func packedPeople(t *testing.T, s *data.Store) int64 {
	t.Helper()
	pack := t.TempDir() + "/备份.zip"
	if err := s.BackupTo(pack); err != nil {
		t.Fatal(err)
	}
	pc := datatest.StoreIn(t, t.TempDir())
	if err := pc.Restore(pack); err != nil {
		t.Fatal(err)
	}
	n, _ := pc.CountPeople()
	return n
}

// PCs opening an empty server at the same moment: every open succeeds, the
// schema version is recorded once, and every table is scoped once (one
// branch index, one set of policies), under the advisory lock of the
// migration transaction.
func TestServerSetUpOnceWhenPCsOpenAtOnce(t *testing.T) {
	dsn := pgtest.Database(t)
	const pcs = 6
	gate := make(chan struct{})
	errs := make(chan error, pcs)
	for i := 0; i < pcs; i++ {
		dir := t.TempDir()
		go func() {
			<-gate
			s, err := data.OpenServer(dsn, dir)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	close(gate)
	for i := 0; i < pcs; i++ {
		if err := <-errs; err != nil {
			t.Errorf("a PC opening the empty server at the same time failed: %v", err)
		}
	}
	admin := datatest.ServerStoreOn(t, dsn)
	var versions []int
	admin.DB().Raw("SELECT version FROM schema_meta").Scan(&versions)
	if len(versions) != 1 || versions[0] != data.SchemaVersion {
		t.Errorf("schema_meta holds %v, want one row at version %d", versions, data.SchemaVersion)
	}
	var scoped []struct {
		Table            string
		Indexes, Polices int
	}
	admin.DB().Raw(`SELECT c.table_name AS "table",
		(SELECT count(*) FROM pg_indexes i WHERE i.tablename = c.table_name AND i.indexname = c.table_name || '_branch') AS indexes,
		(SELECT count(*) FROM pg_policies p WHERE p.tablename = c.table_name) AS polices
		FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.column_name = 'branch_id' AND c.table_name <> 'app_users'`).Scan(&scoped)
	if len(scoped) < 30 {
		t.Fatalf("only %d tables have the branch column", len(scoped))
	}
	for _, s := range scoped {
		if s.Indexes != 1 || s.Polices != 6 {
			t.Errorf("table %s: %d branch indexes, %d policies; want 1 and 6", s.Table, s.Indexes, s.Polices)
		}
	}
}

// A server set up by an earlier version (an older setup revision, a policy
// it did not have) gets the current functions and policies at the owner's
// next open; a branch user cannot change it and is told to ask the owner.
func TestServerSetUpReachesExistingServers(t *testing.T) {
	dsn := pgtest.Database(t)
	admin := datatest.ServerStoreOn(t, dsn)
	login := pgtest.Login(t, "zhibu")
	if err := admin.AddServerUser(data.ServerUser{Login: login, Password: "pw", BranchID: 1, Role: data.RoleBranch}); err != nil {
		t.Fatal(err)
	}
	older := []string{"DROP POLICY branch_view ON people", "UPDATE po_setup SET revision = 1",
		"CREATE OR REPLACE FUNCTION po_view() RETURNS bigint LANGUAGE sql AS $$ SELECT NULL::bigint $$"}
	pgtest.Exec(t, dsn, older...)
	if _, err := data.OpenServer(pgtest.AsUser(t, dsn, login, "pw"), t.TempDir()); err == nil ||
		!strings.Contains(err.Error(), "数据库所有者") {
		t.Errorf("a branch user opening a server whose setup is older: %v, want the owner asked for", err)
	}
	datatest.ServerStoreOn(t, dsn) // the owner's next open
	var policies, revision int
	var view string
	admin.DB().Raw("SELECT count(*) FROM pg_policies WHERE tablename = 'people' AND policyname = 'branch_view'").Scan(&policies)
	admin.DB().Raw("SELECT revision FROM po_setup").Scan(&revision)
	admin.DB().Raw("SELECT prosrc FROM pg_proc WHERE proname = 'po_view'").Scan(&view)
	if policies != 1 || revision < 2 || !strings.Contains(view, "partyoffice.view") {
		t.Errorf("after the owner's open: branch_view policy ×%d, revision %d, po_view %q", policies, revision, view)
	}
	if _, err := data.OpenServer(pgtest.AsUser(t, dsn, login, "pw"), t.TempDir()); err != nil {
		t.Errorf("the branch user, once the owner has opened the server: %v", err)
	}
}

// The district's list of branches and its view of one branch: the 区管理员
// and the owner see every branch and, through a view, exactly one; a branch
// user sees only their own and may not view another; a view writes nothing.
func TestServerBranchesAndBranchViews(t *testing.T) {
	dsn := pgtest.Database(t)
	admin := datatest.ServerStoreOn(t, dsn)
	yi, er, qu := pgtest.Login(t, "zhibu_yi"), pgtest.Login(t, "zhibu_er"), pgtest.Login(t, "qu_admin")
	datatest.AddUsers(t, admin,
		data.ServerUser{Login: yi, Password: "pw1", BranchID: 1, Role: data.RoleBranch, Name: "张静"},
		data.ServerUser{Login: er, Password: "pw2", BranchID: 2, Role: data.RoleBranch, Name: "李明"},
		data.ServerUser{Login: qu, Password: "pw3", Role: data.RoleDistrict, Name: "区管理员"},
	)
	one := datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, yi, "pw1"))
	two := datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, er, "pw2"))
	district := datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, qu, "pw3"))
	one.SaveBranch(data.Branch{Name: "一小党支部"})
	two.SaveBranch(data.Branch{Name: "二小党支部"})
	datatest.Create(t, one, datatest.Member("甲", ""))
	datatest.Create(t, two, datatest.Member("乙", ""), datatest.Member("丙", ""))

	want := []data.ServerBranch{{ID: 1, Name: "一小党支部", People: 1, Members: 1}, {ID: 2, Name: "二小党支部", People: 2, Members: 2}}
	for who, s := range map[string]*data.Store{"district": district, "owner": admin} {
		got, err := s.ServerBranches()
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("%s lists %+v (%v), want %+v", who, got, err, want)
		}
		view, err := s.BranchView(2)
		if err != nil {
			t.Fatalf("%s views branch 2: %v", who, err)
		}
		people, _ := view.People()
		b, _ := view.Branch()
		if len(people) != 2 || b.Name != "二小党支部" {
			t.Errorf("%s's view of branch 2 shows %v of %q", who, names(people), b.Name)
		}
		if err := view.CreatePerson(datatest.Member("丁", "")); err == nil {
			t.Errorf("%s wrote through a view", who)
		}
		view.Close()
	}
	if got, err := two.ServerBranches(); err != nil || !slices.Equal(got, want[1:]) {
		t.Errorf("branch two lists %+v (%v), want only itself", got, err)
	}
	if _, err := two.BranchView(1); err == nil {
		t.Error("branch two opened a view of branch one")
	}
	if people, _ := admin.People(); len(people) != 3 {
		t.Errorf("the owner's own store sees %d people after the views closed, want 3", len(people))
	}
}

// IT lists, re-keys and removes sign-ins from the owner's connection; a
// branch user may do none of it, and no other role of the server is touched.
func TestServerUsersManagedByTheOwner(t *testing.T) {
	dsn := pgtest.Database(t)
	admin := datatest.ServerStoreOn(t, dsn)
	yi, qu := pgtest.Login(t, "zhibu_yi"), pgtest.Login(t, "qu_admin")
	datatest.AddUsers(t, admin,
		data.ServerUser{Login: yi, Password: "pw1", BranchID: 1, Role: data.RoleBranch, Name: "张静"},
		data.ServerUser{Login: qu, Password: "pw3", BranchID: 0, Role: data.RoleDistrict, Name: "区管理员"},
	)
	users, err := admin.ServerUsers()
	if err != nil || len(users) != 2 {
		t.Fatalf("users %+v, %v", users, err)
	}
	byLogin := map[string]data.ServerUser{users[0].Login: users[0], users[1].Login: users[1]}
	if u := byLogin[yi]; u.Name != "张静" || u.Role != data.RoleBranch || u.BranchID != 1 || u.Password != "" {
		t.Errorf("listed %+v", u)
	}
	if u := byLogin[qu]; u.Role != data.RoleDistrict {
		t.Errorf("listed %+v", u)
	}

	// The test server trusts its socket (no password check): read the hash.
	hash := func(login string) (h string) {
		admin.DB().Raw(`SELECT coalesce(rolpassword, '') FROM pg_authid WHERE rolname = ?`, login).Scan(&h)
		return h
	}
	before := hash(yi)
	if err := admin.SetServerUserPassword(yi, "new'pw"); err != nil {
		t.Fatal(err)
	}
	if after := hash(yi); after == before || after == "" {
		t.Errorf("password hash %q → %q; want a new one", before, after)
	}
	one := datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, yi, "new'pw"))
	for _, try := range []func() error{
		func() error { _, err := one.ServerUsers(); return err },
		func() error { return one.RemoveServerUser(qu) },
		func() error { return one.SetServerUserPassword(qu, "x") },
	} {
		if err := try(); err == nil || !strings.Contains(err.Error(), "服务器管理员") {
			t.Errorf("a branch user managed sign-ins: %v", err)
		}
	}
	one.Close()

	if err := admin.RemoveServerUser("postgres"); err == nil {
		t.Error("removed a role that is not a sign-in of the program")
	}
	if err := admin.RemoveServerUser(qu); err != nil {
		t.Fatal(err)
	}
	var roles int64
	admin.DB().Raw(`SELECT count(*) FROM pg_roles WHERE rolname = ?`, qu).Scan(&roles)
	if roles != 0 {
		t.Error("the removed user's login role is still on the server")
	}
	if users, _ := admin.ServerUsers(); len(users) != 1 || users[0].Login != yi {
		t.Errorf("after removal %+v", users)
	}
}

// A store that reads every branch (the 区管理员; the owner once a second
// branch exists) describes them all: its 党内统计 and registers count every
// branch, so their titles name the branches together, never the first one.
// The owner cannot save that description over the branches' own records.
func TestBranchOfEveryBranchNamesThemAll(t *testing.T) {
	dsn := pgtest.Database(t)
	admin := datatest.ServerStoreOn(t, dsn)
	const parent = "金凤区教育党工委"
	if err := admin.SaveBranch(data.Branch{Name: "一小党支部", Superior: parent, Code: "01"}); err != nil {
		t.Fatalf("the owner of a one-branch server saves its record: %v", err)
	}
	if b, _ := admin.Branch(); b.Name != "一小党支部" || b.Covers != 0 {
		t.Errorf("the owner of one branch reads %q covering %d", b.Name, b.Covers)
	}
	er, qu := pgtest.Login(t, "zhibu_er"), pgtest.Login(t, "qu_admin")
	datatest.AddUsers(t, admin,
		data.ServerUser{Login: er, Password: "pw2", BranchID: 2, Role: data.RoleBranch, Name: "李明"},
		data.ServerUser{Login: qu, Password: "pw3", Role: data.RoleDistrict, Name: "区管理员"},
	)
	two := datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, er, "pw2"))
	district := datatest.ServerStoreOn(t, pgtest.AsUser(t, dsn, qu, "pw3"))
	if err := two.SaveBranch(data.Branch{Name: "二小党支部", Superior: parent, Code: "02", RuleVersion: "2019.01"}); err != nil {
		t.Fatal(err)
	}
	for who, s := range map[string]*data.Store{"district": district, "owner": admin} {
		b, err := s.Branch()
		if err != nil || b.Name != parent+"各党支部（2 个）" || b.Superior != parent || b.Covers != 2 ||
			b.Code != "" || b.RuleVersion != data.DefaultRuleVersion {
			t.Errorf("%s reads %+v (%v), want both branches of %s named together", who, b, err, parent)
		}
		if b.FilingUnit() != b.Name {
			t.Errorf("%s's 填报单位 %q repeats the 上级党委", who, b.FilingUnit())
		}
	}
	if b, _ := two.Branch(); b.Name != "二小党支部" || b.Covers != 0 || b.FilingUnit() != parent+" 二小党支部" {
		t.Errorf("branch two reads %+v (填报单位 %q)", b, b.FilingUnit())
	}
	view, err := district.BranchView(1)
	if err != nil {
		t.Fatal(err)
	}
	defer view.Close()
	if b, _ := view.Branch(); b.Name != "一小党支部" || b.Code != "01" {
		t.Errorf("the district's view of branch one reads %+v", b)
	}
	if err := admin.SaveBranch(data.Branch{Name: "改名党支部"}); err == nil {
		t.Error("the owner saved one record over two branches")
	}
	if b, _ := view.Branch(); b.Name != "一小党支部" {
		t.Errorf("branch one's record became %q", b.Name)
	}
	if err := two.SaveBranch(data.Branch{Name: "二小党支部", Superior: "另一党委"}); err != nil {
		t.Fatal(err)
	}
	if b, _ := district.Branch(); b.Name != "全区各党支部（2 个）" || b.Superior != "" {
		t.Errorf("branches of two 上级党委 read as %q under %q", b.Name, b.Superior)
	}
}
