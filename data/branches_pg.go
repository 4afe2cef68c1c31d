package data

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Many branches on one server (docs/ARCHITECTURE.md#two-backends). Every
// table of models gets a branch_id column on the server, filled in by the
// database itself (DEFAULT po_branch()), and row-level security policies
// that let a signed-in user see and change only their branch's rows; a
// 区管理员 (role district) reads every branch and changes none. The Go models
// do not know the column: every query of the program is the same on both
// backends and the database does the filtering, so a model added to models
// is covered by the next open with no further code. A SQLite file is one
// branch and has no such column.
//
// Users are PostgreSQL login roles (the server checks their passwords),
// members of the group role partyoffice_user, listed in app_users with their
// branch and role. The owner or a superuser (IT, the migration) is not
// restricted and works as branch 1.

// Server roles of app_users.role.
const (
	RoleBranch   = "branch"   // 支部用户: their branch, read and write
	RoleDistrict = "district" // 区管理员: all branches, read only
)

// ServerRoleName is a role as the window and the CLI call it; "" is the
// owner's connection (IT).
func ServerRoleName(role string) string {
	switch role {
	case RoleBranch:
		return "支部用户"
	case RoleDistrict:
		return "区管理员"
	}
	return "服务器管理员"
}

// serverUserRole is the group role that holds the table privileges.
const serverUserRole = "partyoffice_user"

// serverReaderRole reads every branch and writes none: a branch view
// (BranchView) of the owner or a superuser, whom row-level security does not
// restrict, switches to it so the view's policy applies to them too.
const serverReaderRole = "partyoffice_reader"

// unscopedTables are not branch rows: the schema version and the setup
// revision are the server's.
var unscopedTables = map[string]bool{"schema_meta": true, "po_setup": true}

// serverSetupRevision numbers what serverSetupSQL and tablePolicies set up.
// Raise it with every change to them: the next open by the owner (under the
// schema lock) re-applies the functions and replaces every table's policies,
// so a change reaches servers set up by an earlier version. A branch user
// cannot (no DDL rights) and is asked to let the owner open the server once.
//
//	1  branch columns, policies, app_users (no po_setup table yet)
//	2  po_setup; po_branch() honours partyoffice.branch for the owner (a move
//	   into branch N); the branch view (partyoffice.view, partyoffice_reader)
const serverSetupRevision = 2

// serverSetupSQL creates the users table, the roles and the functions the
// policies and defaults call. SECURITY DEFINER: a user need not read
// app_users. Every statement can run again on a set-up server.
var serverSetupSQL = []string{
	`CREATE TABLE IF NOT EXISTS po_setup (id int PRIMARY KEY CHECK (id = 1), revision int NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS app_users (login text PRIMARY KEY, branch_id bigint NOT NULL,
		role text NOT NULL DEFAULT 'branch' CHECK (role IN ('branch', 'district')), name text NOT NULL DEFAULT '')`,
	`REVOKE ALL ON app_users FROM PUBLIC`,
	// A signed-in user's branch is theirs in app_users; the owner or a
	// superuser works in the branch of the session setting partyoffice.branch
	// (SET LOCAL by a move into branch N), else branch 1.
	`CREATE OR REPLACE FUNCTION po_branch() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
		SET search_path = pg_catalog, public AS
		$$ SELECT COALESCE((SELECT branch_id FROM app_users WHERE login = session_user),
			NULLIF(current_setting('partyoffice.branch', true), '')::bigint, 1) $$`,
	`CREATE OR REPLACE FUNCTION po_district() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
		SET search_path = pg_catalog, public AS
		$$ SELECT COALESCE((SELECT role = 'district' FROM app_users WHERE login = session_user), false) $$`,
	// The branch a view shows (BranchView), NULL outside a view. It only
	// ever narrows what the other policies let a user read.
	`CREATE OR REPLACE FUNCTION po_view() RETURNS bigint LANGUAGE sql STABLE
		SET search_path = pg_catalog AS
		$$ SELECT NULLIF(current_setting('partyoffice.view', true), '')::bigint $$`,
	`CREATE OR REPLACE FUNCTION po_user() RETURNS TABLE (name text, role text) LANGUAGE sql STABLE SECURITY DEFINER
		SET search_path = pg_catalog, public AS
		$$ SELECT name, role FROM app_users WHERE login = session_user $$`,
	createRoleSQL(serverUserRole),
	createRoleSQL(serverReaderRole),
	// The owner may switch to the reader role for a branch view (a
	// superuser may anyway); an owner without the right to grant it gets a
	// plain refusal from BranchView.
	`DO $$ BEGIN EXECUTE 'GRANT ` + serverReaderRole + ` TO ' || quote_ident(current_user);
		EXCEPTION WHEN OTHERS THEN NULL; END $$`,
}

// createRoleSQL creates a group role once per cluster (roles are shared by
// all its databases, which may be set up at the same moment).
func createRoleSQL(role string) string {
	return `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '` + role + `') THEN
		CREATE ROLE ` + role + ` NOLOGIN; END IF;
		EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`
}

// scopeTables gives every table that lacks it the branch column, its index
// and primary key, and re-applies the functions, policies and grants when
// the server's setup revision is older than this program's. It runs inside
// the migration transaction (under the schema lock) and does nothing on a
// server that is up to date, so an everyday open by a branch user needs no
// DDL rights.
func (p *pgServer) scopeTables(tx *gorm.DB) error {
	var missing []string
	err := tx.Raw(`SELECT t.tablename FROM pg_tables t WHERE t.schemaname = current_schema()
		AND NOT EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = t.schemaname
			AND c.table_name = t.tablename AND c.column_name = 'branch_id')`).Scan(&missing).Error
	if err != nil {
		return err
	}
	var scoped, todo []string
	for _, m := range append(models, &StoredFile{}) {
		t := tableName(tx, m)
		if unscopedTables[t] {
			continue
		}
		scoped = append(scoped, t)
		if contains(missing, t) {
			todo = append(todo, t)
		}
	}
	revision, err := setupRevision(tx)
	if err != nil {
		return err
	}
	if len(todo) == 0 && revision >= serverSetupRevision {
		return nil
	}
	if err := p.setUp(tx, scoped, todo, revision); err != nil {
		if isPermissionError(err) {
			return errSetupNeedsOwner
		}
		return err
	}
	return nil
}

// errSetupNeedsOwner: a branch user met a server whose setup is older than
// their program; only the owner may change it.
var errSetupNeedsOwner = errors.New("服务器上的数据结构需要更新，这个账户没有权限更新：请信息中心（管理员）用数据库所有者的账户先用新版本打开一次")

// setUp runs the server setup: the functions, the branch column of the
// tables in todo, the policies, the grants, and the revision. A server set
// up by a newer program keeps its functions and policies; only a table it
// did not know gets the column and this program's policies.
func (p *pgServer) setUp(tx *gorm.DB, scoped, todo []string, revision int) error {
	newer := revision > serverSetupRevision
	if !newer {
		for _, q := range serverSetupSQL {
			if err := tx.Exec(q).Error; err != nil {
				return err
			}
		}
	}
	for _, t := range todo {
		if err := scopeTable(tx, t); err != nil {
			return fmt.Errorf("%s: %w", t, err)
		}
	}
	for _, t := range scoped {
		if newer && !contains(todo, t) {
			continue
		}
		for _, q := range tablePolicies(quoteIdent(t)) {
			if err := tx.Exec(q).Error; err != nil {
				return fmt.Errorf("%s: %w", t, err)
			}
		}
	}
	grants := []string{
		`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ` + serverUserRole,
		`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ` + serverUserRole,
		`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ` + serverReaderRole,
		`REVOKE ALL ON app_users FROM ` + serverUserRole + `, ` + serverReaderRole,
		`REVOKE INSERT, UPDATE, DELETE ON po_setup FROM ` + serverUserRole,
	}
	for _, q := range grants {
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	return tx.Exec(`INSERT INTO po_setup (id, revision) VALUES (1, ?)
		ON CONFLICT (id) DO UPDATE SET revision = GREATEST(po_setup.revision, EXCLUDED.revision)`,
		serverSetupRevision).Error
}

// setupRevision is the server's setup revision: 0 before any setup, 1 for a
// server set up before po_setup existed.
func setupRevision(tx *gorm.DB) (int, error) {
	var exists bool
	if err := tx.Raw(`SELECT to_regclass('po_setup') IS NOT NULL`).Scan(&exists).Error; err != nil {
		return 0, err
	}
	if !exists {
		var scoped bool
		err := tx.Raw(`SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'po_branch')`).Scan(&scoped).Error
		if scoped {
			return 1, err
		}
		return 0, err
	}
	var rev int
	err := tx.Raw(`SELECT COALESCE(max(revision), 0) FROM po_setup`).Scan(&rev).Error
	return rev, err
}

// scopeTable adds the branch column to table t, with its index; the rows
// keyed by something other than a global id (the branch's own record is ID
// 1 in every branch; settings by name) become unique per branch.
func scopeTable(tx *gorm.DB, t string) error {
	q := quoteIdent(t)
	stmts := []string{
		`ALTER TABLE ` + q + ` ADD COLUMN branch_id bigint NOT NULL DEFAULT po_branch()`,
		`CREATE INDEX ` + quoteIdent(t+"_branch") + ` ON ` + q + ` (branch_id)`,
	}
	if pk := map[string]string{"branches": "id", "settings": "key", "stored_files": "path"}[t]; pk != "" {
		stmts = append(stmts, `ALTER TABLE `+q+` DROP CONSTRAINT `+quoteIdent(t+"_pkey")+
			`, ADD PRIMARY KEY (branch_id, `+quoteIdent(pk)+`)`)
	}
	for _, s := range stmts {
		if err := tx.Exec(s).Error; err != nil {
			return err
		}
	}
	return nil
}

// tablePolicies are the row-level security policies of table q (quoted):
// a user reads their branch's rows, the district every branch's, the reader
// role every branch's; a branch view (po_view) narrows any of them to one
// branch (RESTRICTIVE: it is ANDed with the others). Only a branch user
// writes, and only their branch's rows.
func tablePolicies(q string) []string {
	out := []string{`ALTER TABLE ` + q + ` ENABLE ROW LEVEL SECURITY`}
	for _, name := range []string{"branch_read", "branch_view", "reader_read", "branch_insert", "branch_update", "branch_delete"} {
		out = append(out, `DROP POLICY IF EXISTS `+name+` ON `+q)
	}
	const own = `branch_id = (SELECT po_branch()) AND NOT (SELECT po_district())`
	return append(out,
		`CREATE POLICY branch_read ON `+q+` FOR SELECT USING (branch_id = (SELECT po_branch()) OR (SELECT po_district()))`,
		`CREATE POLICY reader_read ON `+q+` FOR SELECT TO `+serverReaderRole+` USING (true)`,
		`CREATE POLICY branch_view ON `+q+` AS RESTRICTIVE FOR SELECT
			USING ((SELECT po_view()) IS NULL OR branch_id = (SELECT po_view()))`,
		`CREATE POLICY branch_insert ON `+q+` FOR INSERT WITH CHECK (`+own+`)`,
		`CREATE POLICY branch_update ON `+q+` FOR UPDATE USING (`+own+`)`,
		`CREATE POLICY branch_delete ON `+q+` FOR DELETE USING (`+own+`)`,
	)
}

// isPermissionError says whether the server refused for lack of a right
// (not the owner of a table or function, no privilege).
func isPermissionError(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "42501"
}

// ServerBranch is a branch on the server, as the signed-in user may see it.
type ServerBranch struct {
	ID      uint
	Name    string // 支部名称 of its branch record ("" before it has one)
	People  int    // people records outside the recycle bin (applicants and leavers too)
	Members int    // 在册党员: 正式 and 预备 on the roll, the 党员名册's count
}

// errSingleBranch: a data folder is one branch; the branch list and views
// are a server's.
var errSingleBranch = errors.New("本机数据文件只有一个支部：查看各支部需要连接数据库服务器")

// ServerBranches lists the branches the signed-in user may see, by number:
// every branch for the 区管理员 and the owner (the owner also sees a branch
// that has a sign-in but no records yet), only their own for a branch user.
// Row-level security decides which rows the query meets.
func (s *Store) ServerBranches() ([]ServerBranch, error) {
	if s.server == nil {
		return nil, errSingleBranch
	}
	// The 在册党员 test is Person.InRegister's.
	q := `SELECT branch_id AS id, COALESCE(max(name), '') AS name, sum(n) AS people, sum(m) AS members FROM (
			SELECT branch_id, name, 0 AS n, 0 AS m FROM branches
			UNION ALL SELECT branch_id, NULL, 1, CASE WHEN roll = @roll AND stage IN @members THEN 1 ELSE 0 END
				FROM people WHERE deleted_at IS NULL`
	switch s.server.role {
	case RoleBranch:
		q += ` UNION ALL SELECT po_branch(), NULL, 0, 0`
	case "":
		q += ` UNION ALL SELECT branch_id, NULL, 0, 0 FROM app_users WHERE role = 'branch'`
	}
	q += `) b GROUP BY branch_id ORDER BY branch_id`
	var out []ServerBranch
	args := map[string]any{"roll": RollActive, "members": MemberStages}
	if err := s.db.Raw(q, args).Scan(&out).Error; err != nil {
		return nil, plainServerError(err)
	}
	return out, nil
}

// BranchView opens a read-only store that shows only branch id: what the
// district reads one branch at a time (a 上报 pack from live data), and what
// a move checks and copies. Every connection of the view sets the session's
// partyoffice.view, which the restrictive branch_view policy reads; the owner
// or a superuser, whom the policies do not restrict, switches to the reader
// role first. A branch user may view only their own branch. Close the view
// when done; the store it came from stays open.
func (s *Store) BranchView(id uint) (*Store, error) {
	if s.server == nil {
		return nil, errSingleBranch
	}
	if s.server.role == RoleBranch {
		own, err := s.ownBranch()
		if err != nil {
			return nil, err
		}
		if own != id {
			return nil, fmt.Errorf("这个账户只能查看本支部（第 %d 号）的数据", own)
		}
	}
	cfg, err := pgx.ParseConfig(s.server.dsn)
	if err != nil {
		return nil, plainServerError(err)
	}
	asReader := s.server.role == ""
	conn := stdlib.OpenDB(*cfg, stdlib.OptionAfterConnect(func(ctx context.Context, c *pgx.Conn) error {
		_, err := c.Exec(ctx, `SELECT set_config('partyoffice.view', $1, false),
			set_config('default_transaction_read_only', 'on', false)`, strconv.FormatUint(uint64(id), 10))
		if err == nil && asReader {
			_, err = c.Exec(ctx, "SET ROLE "+serverReaderRole)
		}
		return err
	}))
	view := &Store{dir: s.dir, Actor: s.Actor, clock: s.clock,
		server: &pgServer{dsn: s.server.dsn, role: s.server.role, view: id}}
	view.server.pool(conn)
	view.db, err = gorm.Open(postgres.New(postgres.Config{Conn: conn}),
		&gorm.Config{Logger: logger.Discard, SkipDefaultTransaction: true})
	if err == nil {
		err = view.db.Exec("SELECT 1").Error
	}
	if err != nil {
		conn.Close()
		if isPermissionError(err) {
			return nil, errors.New("这个账户不能查看单个支部：请信息中心（管理员）用数据库所有者的账户打开一次，或用区管理员账户登录")
		}
		return nil, plainServerError(err)
	}
	return view, nil
}

// ownBranch is the branch the signed-in user writes into.
func (s *Store) ownBranch() (uint, error) {
	var id uint
	if err := s.db.Raw("SELECT po_branch()").Scan(&id).Error; err != nil {
		return 0, plainServerError(err)
	}
	return id, nil
}

// isView says whether the store is a BranchView (it shares the folder of
// the store it came from, and leaves its temporary files alone).
func (s *Store) isView() bool { return s.server != nil && s.server.view != 0 }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ServerUser is a sign-in of the server.
type ServerUser struct {
	Login, Password string
	BranchID        uint   // the branch whose rows they see (district: any number)
	Role            string // RoleBranch or RoleDistrict
	Name            string // shown in the 操作日志 and conflict messages
}

var loginName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,40}$`)

// AddServerUser creates a sign-in (a PostgreSQL login role in the users'
// group) and records its branch and role. It needs the owner's rights (the
// IT administrator's connection).
func (s *Store) AddServerUser(u ServerUser) error {
	if err := s.managesUsers(); err != nil {
		return err
	}
	if !loginName.MatchString(u.Login) {
		return errors.New("登录名只能用小写字母、数字和下划线，以字母开头")
	}
	if u.Role != RoleBranch && u.Role != RoleDistrict {
		return fmt.Errorf("没有“%s”这种角色", u.Role)
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`CREATE ROLE ` + u.Login + ` LOGIN PASSWORD ` + passwordLiteral(u.Password) +
			` IN ROLE ` + serverUserRole).Error; err != nil {
			return err
		}
		return tx.Exec(`INSERT INTO app_users (login, branch_id, role, name) VALUES (?, ?, ?, ?)`,
			u.Login, u.BranchID, u.Role, u.Name).Error
	})
	if err != nil {
		return plainServerError(err)
	}
	return nil
}

// passwordLiteral is a password as an SQL string literal: CREATE/ALTER
// ROLE take no bind parameters. standard_conforming_strings (on since
// PostgreSQL 9.1) makes doubling the quotes enough.
func passwordLiteral(pw string) string {
	return "'" + strings.ReplaceAll(pw, "'", "''") + "'"
}

// managesUsers says why s cannot manage sign-ins: on a SQLite file there
// are none, and only the owner's connection (no role of its own) may.
func (s *Store) managesUsers() error {
	if s.server == nil {
		return errors.New("只有数据库服务器上才有登录用户")
	}
	if s.server.role != "" {
		return errors.New("只有服务器管理员（建库时用的账户）才能管理登录用户")
	}
	return nil
}

// ServerUsers are the sign-ins of the server, by login (no passwords: the
// server keeps only their hashes).
func (s *Store) ServerUsers() ([]ServerUser, error) {
	if err := s.managesUsers(); err != nil {
		return nil, err
	}
	var users []ServerUser
	err := s.db.Raw(`SELECT login, branch_id, role, name FROM app_users ORDER BY login`).Scan(&users).Error
	if err != nil {
		return nil, plainServerError(err)
	}
	return users, nil
}

// knownUser checks login against app_users: removing or re-keying touches
// only the program's own sign-ins, never another role of the server (its
// superuser, IT's accounts).
func (s *Store) knownUser(tx *gorm.DB, login string) error {
	if !loginName.MatchString(login) {
		return fmt.Errorf("没有登录用户“%s”", login)
	}
	var n int64
	if err := tx.Raw(`SELECT count(*) FROM app_users WHERE login = ?`, login).Scan(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("没有登录用户“%s”", login)
	}
	return nil
}

// RemoveServerUser ends a sign-in: the login role and its app_users row.
// The records that user saved stay, with their name in the 操作日志.
func (s *Store) RemoveServerUser(login string) error {
	if err := s.managesUsers(); err != nil {
		return err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := s.knownUser(tx, login); err != nil {
			return err
		}
		if err := tx.Exec(`DELETE FROM app_users WHERE login = ?`, login).Error; err != nil {
			return err
		}
		return tx.Exec(`DROP ROLE IF EXISTS ` + login).Error
	})
	return plainUserError(err)
}

// SetServerUserPassword gives a sign-in a new password (forgotten, or a
// new person in the post).
func (s *Store) SetServerUserPassword(login, password string) error {
	if err := s.managesUsers(); err != nil {
		return err
	}
	if password == "" {
		return errors.New("请填写新密码")
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := s.knownUser(tx, login); err != nil {
			return err
		}
		return tx.Exec(`ALTER ROLE ` + login + ` PASSWORD ` + passwordLiteral(password)).Error
	})
	return plainUserError(err)
}

// plainUserError words the server's refusals; the checks' own messages
// are plain already.
func plainUserError(err error) error {
	if err != nil && isServerError(err) {
		return plainServerError(err)
	}
	return err
}

// signIn records who the server says is signed in: their name goes into
// the 操作日志 and conflict messages, their role decides what the window
// offers. The owner or a superuser is not in app_users and keeps the
// computer's user name.
func (s *Store) signIn() error {
	var u struct{ Name, Role string }
	if err := s.db.Raw("SELECT name, role FROM po_user()").Scan(&u).Error; err != nil {
		return plainServerError(err)
	}
	if u.Name != "" {
		s.Actor = u.Name
	}
	s.server.role = u.Role
	return nil
}

// ServerRole is the signed-in user's role on a server (RoleBranch or
// RoleDistrict), "" for the owner, a superuser or a SQLite file.
func (s *Store) ServerRole() string {
	if s.server == nil {
		return ""
	}
	return s.server.role
}

// inOwnBranch limits a query of rows keyed by name (settings, the branch's
// record) to the signed-in branch. Row-level security does that for branch
// users; the owner (IT) is not restricted by it and would otherwise read or
// overwrite the same key of every branch. A SQLite file is one branch.
func inOwnBranch(db *gorm.DB) *gorm.DB {
	if db.Dialector.Name() != "postgres" {
		return db
	}
	return db.Where("branch_id = po_branch()")
}

// put writes a record keyed by its own primary key (the branch's record, a
// setting): an UPDATE, and an INSERT when there was nothing to update. Not
// GORM's Save, whose fallback INSERT … ON CONFLICT (key) needs the key unique
// on its own; on a server it is unique per branch.
func put(tx *gorm.DB, rec any) error {
	res := inOwnBranch(tx).Model(rec).Select("*").Updates(rec)
	if res.Error != nil || res.RowsAffected > 0 {
		return res.Error
	}
	return tx.Create(rec).Error
}
