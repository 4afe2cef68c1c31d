package data

import (
	"fmt"
	"os"
	"path/filepath"
)

// RecordAttachment is a file kept with a row of a yearly register: a
// training certificate, the evidence of a 工作责任清单 task or of a 整改. The
// file is stored like a meeting attachment (copyIn: named by its SHA-256,
// stored once) and is only soft deleted.
type RecordAttachment struct {
	Model
	Entity   string `gorm:"index"` // the register's audit name (培训参加人员 …)
	RecordID uint   `gorm:"index"`
	Name     string // the file name as chosen
	Path     string // relative to the data folder
	SHA256   string
	Size     int64
	Note     string
}

const entityRecordAttachment = "台账附件"

// AddRecordAttachment copies src into the data folder and records it with
// the row id of the register whose record is rec.
func AddRecordAttachment[T any, P recordPtr[T]](s *Store, id uint, src, note string) (RecordAttachment, error) {
	var probe T
	entity := P(&probe).entity()
	a := RecordAttachment{Entity: entity, RecordID: id, Name: filepath.Base(src), Note: CleanText(note)}
	rel, sum, size, created, err := s.copyIn(src)
	if err != nil {
		return a, err
	}
	a.Path, a.SHA256, a.Size = rel, sum, size
	err = s.write(func(tx *Tx) error {
		var row T
		if err := tx.First(&row, id).Error; err != nil {
			return fmt.Errorf("找不到这条%s，它可能已被删除", entity)
		}
		if err := s.storeOnServer(tx, rel, sum); err != nil {
			return err
		}
		if err := tx.Create(&a).Error; err != nil {
			return err
		}
		return tx.Audit("新增", entityRecordAttachment, a.ID, fmt.Sprintf("%s：%s 添加附件“%s”", entity, P(&row).summary(), a.Name), nil, a)
	})
	if err != nil && created {
		os.Remove(filepath.Join(s.dir, filepath.FromSlash(rel)))
	}
	return a, err
}

// RecordAttachments lists the files of one row.
func RecordAttachments[T any, P recordPtr[T]](s *Store, id uint) ([]RecordAttachment, error) {
	var probe T
	return Records[RecordAttachment](s, "id", "entity = ? AND record_id = ?", P(&probe).entity(), id)
}

// RecordAttachmentPath is where the file is on this computer (fetched from
// the server first, as AttachmentPath).
func (s *Store) RecordAttachmentPath(a RecordAttachment) string {
	s.fetchFile(a.Path, a.SHA256, a.Name)
	return filepath.Join(s.dir, filepath.FromSlash(a.Path))
}

func (a *RecordAttachment) recordID() uint  { return a.ID }
func (a *RecordAttachment) entity() string  { return entityRecordAttachment }
func (a *RecordAttachment) summary() string { return a.Entity + "附件“" + a.Name + "”" }
func (a *RecordAttachment) tidy(*Tx) error  { return nil }
