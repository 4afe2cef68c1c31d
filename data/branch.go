package data

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// entityBranch is the 操作日志's name for the branch's own record (ID 1).
const entityBranch = "支部信息"

// Branch returns the branch information (empty Name before the first-run
// wizard). A store that reads several branches of a server (the 区管理员,
// or the owner of a server holding more than one) gets one record that
// describes them all (coveringBranch): its registers and statistics count
// every branch, so their titles must not name one.
func (s *Store) Branch() (Branch, error) {
	if s.readsEveryBranch() {
		return s.coveringBranch()
	}
	var b Branch
	err := s.db.Limit(1).Find(&b, 1).Error
	return withRuleVersion(b), err
}

func withRuleVersion(b Branch) Branch {
	if b.RuleVersion == "" {
		b.RuleVersion = DefaultRuleVersion
	}
	return b
}

// readsEveryBranch says whether row-level security lets the store read
// every branch: the 区管理员 and the owner (not restricted by the policies),
// outside a branch view.
func (s *Store) readsEveryBranch() bool {
	return s.server != nil && !s.isView() && s.server.role != RoleBranch
}

// severalBranches is how many branches a store reads when it reads more
// than one (0 otherwise). Their records share ids that are 1 in every
// branch (the branch's own record), so they make no one backup or 移交包:
// a branch's package is made by its users or from its view.
func (s *Store) severalBranches() int {
	if !s.readsEveryBranch() {
		return 0
	}
	if branches, err := s.ServerBranches(); err == nil && len(branches) > 1 {
		return len(branches)
	}
	return 0
}

// errSeveralBranches refuses a package of a store reading n branches.
func errSeveralBranches(n int) error {
	return fmt.Errorf("这个账户能看到 %d 个支部的数据，备份和移交包要按支部分别制作："+
		"请用该支部的账户登录后制作，或由信息中心运行 partyoffice migrate --to-folder 文件夹 --branch 编号；"+
		"整个服务器的备份请信息中心用 pg_dump（见说明 README“给信息中心：服务器的备份”）", n)
}

// coveringBranch is the branch record of a store that reads every branch.
// On a server with one branch it is that branch's (a school whose PCs all
// use the owner's account). With several it names them together: the
// 上级党委 they share and how many there are, "金凤区教育党工委各党支部（3 个）",
// else "全区各党支部（3 个）"; what all the records agree on (上级党委, 所在单位,
// 细则版本) is kept, what is one branch's (代码, 书记, 电话) is left empty.
func (s *Store) coveringBranch() (Branch, error) {
	branches, err := s.ServerBranches()
	if err != nil {
		return Branch{}, err
	}
	var records []Branch
	if err := s.db.Order("branch_id").Find(&records, "id = ?", 1).Error; err != nil {
		return Branch{}, plainServerError(err)
	}
	if len(branches) <= 1 {
		var b Branch
		if len(records) > 0 {
			b = records[0]
		}
		return withRuleVersion(b), nil
	}
	b := Branch{ID: 1, Covers: len(branches),
		Superior:    shared(records, func(b Branch) string { return b.Superior }),
		Unit:        shared(records, func(b Branch) string { return b.Unit }),
		RuleVersion: shared(records, func(b Branch) string { return b.RuleVersion }),
	}
	b.Name = fmt.Sprintf("%s各党支部（%d 个）", b.Superior, b.Covers)
	if b.Superior == "" {
		b.Name = fmt.Sprintf("全区各党支部（%d 个）", b.Covers)
	}
	return withRuleVersion(b), nil
}

// shared is the value field has in every record, "" when they differ.
func shared(records []Branch, field func(Branch) string) string {
	if len(records) == 0 {
		return ""
	}
	v := field(records[0])
	for _, r := range records[1:] {
		if field(r) != v {
			return ""
		}
	}
	return v
}

// FilingUnit is the 填报单位 of an export's subtitle: the 上级党委 and the
// branch, once when the name already begins with the 上级党委 (a record
// covering every branch of a server).
func (b Branch) FilingUnit() string {
	if strings.HasPrefix(b.Name, b.Superior) {
		return b.Name
	}
	return strings.TrimSpace(b.Superior + " " + b.Name)
}

// SaveBranch stores the branch information. b.Version is the version the
// form loaded (Branch): a save over a branch someone else has saved since is
// refused with a ConflictError. A Branch the program builds from scratch
// (the first-run wizard, the demo: Version 0) is written over whatever is
// stored; every save counts from 1, so a branch read from the store is
// always checked.
// A store reading several branches has no one record to change (and the
// owner's write would reach every branch's record 1): each branch keeps
// its own.
func (s *Store) SaveBranch(b Branch) error {
	if b.Name == "" {
		return errors.New("请填写支部名称，例如“XX小学党支部”")
	}
	if s.readsEveryBranch() {
		cur, err := s.Branch()
		if err != nil {
			return err
		}
		if cur.Covers > 1 {
			return errors.New("这个账户看到的是服务器上全部支部的数据，不能在这里修改支部信息：请用该支部自己的账户登录后修改")
		}
	}
	return s.write(func(tx *Tx) error {
		var before Branch
		found := tx.Limit(1).Find(&before, 1)
		if found.Error != nil {
			return found.Error
		}
		if err := tx.putBranch(&b, before, found.RowsAffected > 0); err != nil {
			return err
		}
		if err := defaultLocalOff(tx.DB, before); err != nil {
			return err
		}
		return tx.Audit("修改", entityBranch, 1, "保存支部信息："+b.Name, before, b)
	})
}

// putBranch writes b as the next version of before (stored tells whether
// there is one), with the check of saveVersioned: one conditional UPDATE.
func (tx *Tx) putBranch(b *Branch, before Branch, stored bool) error {
	loaded := b.Version
	if loaded == 0 { // built by the program, not loaded by a form
		loaded = before.Version
	}
	if loaded != before.Version {
		return &ConflictError{By: before.UpdatedBy, At: before.UpdatedAt}
	}
	b.ID, b.UpdatedAt, b.Version, b.UpdatedBy = 1, time.Now().UTC(), loaded+1, tx.actor
	if !stored {
		return tx.Create(b).Error
	}
	res := tx.Model(b).Where("COALESCE(version, 0) = ?", loaded).Select("*").Updates(b)
	if res.Error == nil && res.RowsAffected == 0 { // saved by another PC in between
		var now Branch
		tx.Session(&gorm.Session{NewDB: true}).Limit(1).Find(&now, 1)
		return &ConflictError{By: now.UpdatedBy, At: now.UpdatedAt}
	}
	return res.Error
}

// DefaultRuleVersion is the 发展党员工作细则 version for new records.
const DefaultRuleVersion = "2026.05"

// Groups lists the 党小组 by name.
func (s *Store) Groups() ([]PartyGroup, error) {
	var out []PartyGroup
	err := s.db.Order("name").Find(&out).Error
	return out, err
}

// SaveGroup creates or updates a 党小组; names must be unique.
func (s *Store) SaveGroup(g *PartyGroup) error {
	if g.Name == "" {
		return errors.New("请填写党小组名称")
	}
	return s.writeVersioned(&g.Model, func(tx *Tx) error {
		var n int64
		tx.Model(&PartyGroup{}).Where("name = ? AND id <> ?", g.Name, g.ID).Count(&n)
		if n > 0 {
			return fmt.Errorf("已经有名为“%s”的党小组", g.Name)
		}
		var before *PartyGroup
		var err error
		if g.ID == 0 {
			err = tx.Create(g).Error
		} else {
			var old PartyGroup
			if err := tx.First(&old, g.ID).Error; err != nil {
				return ErrNotFound
			}
			before = &old
			err = tx.saveVersioned(g, &g.Model, old.Model)
		}
		if err != nil {
			return err
		}
		action := "新增"
		if before != nil {
			action = "修改"
		}
		return tx.Audit(action, "党小组", g.ID, action+"党小组"+g.Name, before, g)
	})
}

// DeleteGroup removes a 党小组; its members keep their records, ungrouped.
func (s *Store) DeleteGroup(id uint) error {
	return s.write(func(tx *Tx) error {
		var g PartyGroup
		if err := tx.First(&g, id).Error; err != nil {
			return ErrNotFound
		}
		if err := tx.Model(&Person{}).Where("group_id = ?", id).Update("group_id", nil).Error; err != nil {
			return err
		}
		if err := tx.Delete(&g).Error; err != nil {
			return err
		}
		return tx.Audit("删除", "党小组", id, "删除党小组"+g.Name, g, nil)
	})
}

// Setting reads a stored preference ("" when unset).
func (s *Store) Setting(key string) string {
	var st Setting
	inOwnBranch(s.db).Limit(1).Find(&st, "key = ?", key)
	return st.Value
}

// SetSetting stores a preference, audited like any other change.
func (s *Store) SetSetting(key, value string) error {
	return s.write(func(tx *Tx) error {
		old := Setting{Key: key}
		inOwnBranch(tx.DB).Limit(1).Find(&old, "key = ?", key)
		if err := put(tx.DB, &Setting{Key: key, Value: value}); err != nil {
			return err
		}
		return tx.Audit("修改", "设置", 0, "设置 "+settingName(key), old.Value, value)
	})
}

// settingNames are settings as the 操作日志 names them: their keys are
// internal words the user never sees elsewhere.
var settingNames = map[string]string{
	settingLocalRequirements: "区/市本地要求",
	SettingOperator:          "使用人",
	settingHolidays:          "节假日安排",
	settingMeetings:          "三会一课设置",
}

func settingName(key string) string {
	if name, ok := settingNames[key]; ok {
		return name
	}
	return key
}

// AuditFilter narrows the audit log.
type AuditFilter struct {
	From, To time.Time // zero = open
	Action   string
	Entity   string
	EntityID uint
	Limit    int
}

// AuditLog returns matching entries, newest first.
func (s *Store) AuditLog(f AuditFilter) ([]AuditEntry, error) {
	q := s.db.Model(&AuditEntry{})
	if !f.From.IsZero() {
		q = q.Where("at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		q = q.Where("at < ?", f.To.UTC())
	}
	if f.Action != "" {
		q = q.Where("action = ?", f.Action)
	}
	if f.Entity != "" {
		q = q.Where("entity = ?", f.Entity)
	}
	if f.EntityID != 0 {
		q = q.Where("entity_id = ?", f.EntityID)
	}
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	var out []AuditEntry
	err := q.Order("id DESC").Find(&out).Error
	return out, err
}

// Label is the branch's name as lists show it; a branch whose record is
// not filled in yet is named by its number.
func (b ServerBranch) Label() string {
	if b.Name == "" {
		return fmt.Sprintf("第 %d 号支部（尚未填写支部信息）", b.ID)
	}
	return b.Name
}
