package data

import (
	"fmt"

	"gorm.io/gorm"

	"partyoffice/resources/appinfo"
)

// SchemaVersion is the version this build writes: the last step of
// migrations. AutoMigrate only ever adds tables and columns; changing a
// column's type with it rebuilds the table (docs/ARCHITECTURE.md#sqlite).
const SchemaVersion = 1

// AppVersion is shown in the UI, the handover manifest, `version` and the
// file properties of every export; it comes from FyneApp.toml.
var AppVersion = appinfo.Version

// The schema, in one place. Adding a table is one line in models: every open
// AutoMigrates the list, which creates new tables (and adds new columns) in
// existing files. Anything AutoMigrate must not do — change a column's type,
// move or rewrite data, drop a column — is a numbered step in migrations
// instead: append {SchemaVersion+1, "名称", func}, bump SchemaVersion, and
// test it against a file written by the previous version (the file is backed
// up before any step runs). docs/ARCHITECTURE.md#add-a-migration has the
// recipe.

// models is every table, in creation order (a table after the tables its
// foreign keys point to).
var models = []any{
	&Branch{}, &PartyGroup{}, &Person{}, &StatusEvent{}, &AuditEntry{}, &Setting{},
	&DevStep{}, &DevStepPerson{}, &DevPlan{}, // 发展党员
	&Meeting{}, &MeetingAttendance{}, &MeetingSpeech{}, &MeetingDecision{}, // 三会一课
	&MeetingAttachment{}, &ClassLog{},
	&DuesBase{}, &DuesPayment{}, &DuesRelief{}, // 党费
	&TrainingCourse{}, &TrainingAttendance{}, &TrainingRoster{}, // the year's registers
	&Talk{}, &DutyTask{}, &SecretaryReview{},
	&WorkItem{}, &Problem{}, &Improvement{}, &NoticeTemplate{},
	&AppraisalResult{}, &BrandRecord{}, &VanguardPost{}, &StarRating{},
	&RecordAttachment{},
}

// migration moves a database from version to-1 to version to.
type migration struct {
	to   int
	name string
	run  func(tx *gorm.DB) error
}

// migrations are the numbered steps, in order; migrations[i].to == i+1.
var migrations = []migration{
	{1, "初始结构", func(tx *gorm.DB) error {
		return tx.AutoMigrate(&Branch{}, &PartyGroup{}, &Person{}, &StatusEvent{},
			&AuditEntry{}, &Setting{})
	}},
}

func (s *Store) migrate() error {
	if s.server == nil { // on a server, only under the lock (serverSchemaLock)
		if err := s.db.AutoMigrate(&SchemaMeta{}); err != nil {
			return fmt.Errorf("无法初始化数据文件：%w", plainIOError(err))
		}
	}
	meta, err := readSchemaMeta(s.db)
	if err != nil {
		return err
	}
	if meta.Version > 0 && meta.Version < SchemaVersion {
		// Keep the old state before changing its structure. openDB runs
		// with maint held or before anyone else can use the store.
		if _, err := s.backupLocked(fmt.Sprintf("迁移前-v%d", meta.Version)); err != nil {
			return fmt.Errorf("升级数据结构前的备份失败，未做任何改动：%w", err)
		}
	}
	return s.db.Transaction(func(tx *gorm.DB) error {
		if s.server != nil {
			// Two PCs opening an empty or older server at the same moment:
			// the second waits here, then finds the first one's work done.
			if err := serverSchemaLock(tx); err != nil {
				return err
			}
			if err := tx.AutoMigrate(&SchemaMeta{}); err != nil {
				return err
			}
			if meta, err = readSchemaMeta(tx); err != nil {
				return err
			}
		}
		for _, m := range migrations {
			if m.to <= meta.Version {
				continue
			}
			if err := m.run(tx); err != nil {
				return fmt.Errorf("升级数据结构（%s）失败：%w", m.name, err)
			}
		}
		if err := tx.AutoMigrate(models...); err != nil {
			return fmt.Errorf("升级数据结构失败：%w", err)
		}
		if err := s.backend().prepare(tx); err != nil {
			return fmt.Errorf("升级数据结构失败：%w", err)
		}
		if meta.Version == SchemaVersion && meta.App == AppVersion {
			return nil // nothing to record: an everyday open writes nothing
		}
		meta.ID, meta.Version, meta.App = 1, SchemaVersion, AppVersion
		return tx.Save(&meta).Error
	})
}

// readSchemaMeta is the database's schema version (zero before the first
// open), refusing a database written by a newer program.
func readSchemaMeta(db *gorm.DB) (SchemaMeta, error) {
	var meta SchemaMeta
	if db.Migrator().HasTable(&SchemaMeta{}) {
		if err := db.Limit(1).Find(&meta).Error; err != nil {
			return meta, fmt.Errorf("无法读取数据结构版本：%w", plainWriteError(err))
		}
	}
	if meta.Version > SchemaVersion {
		return meta, fmt.Errorf("数据文件来自更新的版本（结构版本 %d，本程序只认识到 %d），请安装新版党支部工作台", meta.Version, SchemaVersion)
	}
	return meta, nil
}
