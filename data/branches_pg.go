package data

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"gorm.io/gorm"
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

// serverUserRole is the group role that holds the table privileges.
const serverUserRole = "partyoffice_user"

// unscopedTables are not branch rows: the schema version is the server's.
var unscopedTables = map[string]bool{"schema_meta": true}

// serverSetupSQL creates the users table and the functions the policies and
// defaults call. SECURITY DEFINER: a user need not read app_users.
var serverSetupSQL = []string{
	`CREATE TABLE IF NOT EXISTS app_users (login text PRIMARY KEY, branch_id bigint NOT NULL,
		role text NOT NULL DEFAULT 'branch' CHECK (role IN ('branch', 'district')), name text NOT NULL DEFAULT '')`,
	`REVOKE ALL ON app_users FROM PUBLIC`,
	`CREATE OR REPLACE FUNCTION po_branch() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
		SET search_path = pg_catalog, public AS
		$$ SELECT COALESCE((SELECT branch_id FROM app_users WHERE login = session_user), 1) $$`,
	`CREATE OR REPLACE FUNCTION po_district() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
		SET search_path = pg_catalog, public AS
		$$ SELECT COALESCE((SELECT role = 'district' FROM app_users WHERE login = session_user), false) $$`,
	`CREATE OR REPLACE FUNCTION po_user() RETURNS TABLE (name text, role text) LANGUAGE sql STABLE SECURITY DEFINER
		SET search_path = pg_catalog, public AS
		$$ SELECT name, role FROM app_users WHERE login = session_user $$`,
	`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '` + serverUserRole + `') THEN
		CREATE ROLE ` + serverUserRole + ` NOLOGIN; END IF; END $$`,
}

// scopeTables gives every table that lacks it the branch column, its index
// and policies, and the users' privileges. It runs inside the migration
// transaction (under the migration lock) and does nothing once all tables
// have the column, so an everyday open by a branch user needs no DDL rights.
func (p *pgServer) scopeTables(tx *gorm.DB) error {
	var missing []string
	err := tx.Raw(`SELECT t.tablename FROM pg_tables t WHERE t.schemaname = current_schema()
		AND NOT EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = t.schemaname
			AND c.table_name = t.tablename AND c.column_name = 'branch_id')`).Scan(&missing).Error
	if err != nil {
		return err
	}
	var todo []string
	for _, m := range append(models, &StoredFile{}) {
		t := tableName(tx, m)
		if !unscopedTables[t] && contains(missing, t) {
			todo = append(todo, t)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	for _, q := range serverSetupSQL {
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	for _, t := range todo {
		if err := scopeTable(tx, t); err != nil {
			return fmt.Errorf("%s: %w", t, err)
		}
	}
	return tx.Exec(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ` + serverUserRole +
		`; GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ` + serverUserRole +
		`; REVOKE ALL ON app_users FROM ` + serverUserRole).Error
}

func scopeTable(tx *gorm.DB, t string) error {
	q := quoteIdent(t)
	stmts := []string{
		`ALTER TABLE ` + q + ` ADD COLUMN branch_id bigint NOT NULL DEFAULT po_branch()`,
		`CREATE INDEX ` + quoteIdent(t+"_branch") + ` ON ` + q + ` (branch_id)`,
		`ALTER TABLE ` + q + ` ENABLE ROW LEVEL SECURITY`,
		`CREATE POLICY branch_read ON ` + q + ` FOR SELECT USING (branch_id = (SELECT po_branch()) OR (SELECT po_district()))`,
		`CREATE POLICY branch_insert ON ` + q + ` FOR INSERT WITH CHECK (branch_id = (SELECT po_branch()) AND NOT (SELECT po_district()))`,
		`CREATE POLICY branch_update ON ` + q + ` FOR UPDATE USING (branch_id = (SELECT po_branch()) AND NOT (SELECT po_district()))`,
		`CREATE POLICY branch_delete ON ` + q + ` FOR DELETE USING (branch_id = (SELECT po_branch()) AND NOT (SELECT po_district()))`,
	}
	// The rows keyed by something other than a global id (the branch's own
	// record is ID 1 in every branch; settings by name) are unique per branch.
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
	if s.server == nil {
		return errors.New("只有数据库服务器上才有登录用户")
	}
	if !loginName.MatchString(u.Login) {
		return errors.New("登录名只能用小写字母、数字和下划线，以字母开头")
	}
	if u.Role != RoleBranch && u.Role != RoleDistrict {
		return fmt.Errorf("没有“%s”这种角色", u.Role)
	}
	password := "'" + strings.ReplaceAll(u.Password, "'", "''") + "'"
	err := s.db.Transaction(func(tx *gorm.DB) error {
		stmts := []string{
			`CREATE ROLE ` + u.Login + ` LOGIN PASSWORD ` + password + ` IN ROLE ` + serverUserRole,
		}
		for _, q := range stmts {
			if err := tx.Exec(q).Error; err != nil {
				return err
			}
		}
		return tx.Exec(`INSERT INTO app_users (login, branch_id, role, name) VALUES (?, ?, ?, ?)`,
			u.Login, u.BranchID, u.Role, u.Name).Error
	})
	if err != nil {
		return plainServerError(err)
	}
	return nil
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

// put writes a record keyed by its own primary key (the branch's record, a
// setting): an UPDATE, and an INSERT when there was nothing to update. Not
// GORM's Save, whose fallback INSERT … ON CONFLICT (key) needs the key unique
// on its own; on a server it is unique per branch.
func put(tx *gorm.DB, rec any) error {
	res := tx.Model(rec).Select("*").Updates(rec)
	if res.Error != nil || res.RowsAffected > 0 {
		return res.Error
	}
	return tx.Create(rec).Error
}
