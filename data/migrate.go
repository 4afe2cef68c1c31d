package data

import (
	"fmt"

	"gorm.io/gorm"
)

// SchemaVersion is the version this build writes. Each step below moves a
// database from version i to i+1; AutoMigrate is used only to add tables and
// columns (stack-notes: never to change column types).
const SchemaVersion = 1

// AppVersion is shown in the UI, the handover manifest and `version`.
var AppVersion = "0.1.0"

type migration struct {
	to   int
	name string
	run  func(tx *gorm.DB) error
}

var migrations = []migration{
	{1, "初始结构", func(tx *gorm.DB) error {
		return tx.AutoMigrate(&Branch{}, &PartyGroup{}, &Person{}, &StatusEvent{},
			&AuditEntry{}, &Setting{})
	}},
}

// extraModels are tables added by later features through AutoMigrate on
// every open (adding tables/columns only), so feature work need not bump the
// schema version for a new table.
var extraModels []any

// RegisterModels lets a feature file add its tables (call from init).
func RegisterModels(models ...any) { extraModels = append(extraModels, models...) }

func (s *Store) migrate() error {
	if err := s.db.AutoMigrate(&SchemaMeta{}); err != nil {
		return fmt.Errorf("无法初始化数据文件：%w", plainIOError(err))
	}
	var meta SchemaMeta
	s.db.Limit(1).Find(&meta)
	if meta.Version > SchemaVersion {
		return fmt.Errorf("数据文件来自更新的版本（结构版本 %d，本程序只认识到 %d），请安装新版党支部工作台", meta.Version, SchemaVersion)
	}
	if meta.Version > 0 && meta.Version < SchemaVersion {
		// Keep the old state before changing its structure. openDB runs
		// with maint held or before anyone else can use the store.
		if _, err := s.backupLocked(fmt.Sprintf("迁移前-v%d", meta.Version)); err != nil {
			return fmt.Errorf("升级数据结构前的备份失败，未做任何改动：%w", err)
		}
	}
	return s.db.Transaction(func(tx *gorm.DB) error {
		for _, m := range migrations {
			if m.to <= meta.Version {
				continue
			}
			if err := m.run(tx); err != nil {
				return fmt.Errorf("升级数据结构（%s）失败：%w", m.name, err)
			}
		}
		if len(extraModels) > 0 {
			if err := tx.AutoMigrate(extraModels...); err != nil {
				return fmt.Errorf("升级数据结构失败：%w", err)
			}
		}
		meta.ID, meta.Version, meta.App = 1, SchemaVersion, AppVersion
		return tx.Save(&meta).Error
	})
}
