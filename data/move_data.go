package data

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"time"

	"gorm.io/gorm"
)

// Moving a branch between the two backends (partyoffice migrate): a data
// folder up to a server, and a server's records down to a folder. Both copy
// every table row for row, IDs kept, and then compare the two sides' counts
// and checksums table by table before saying it worked.

// StoredFile is an attachment kept on the server, by its path under the data
// folder (attachments/…): a server has no data folder that every PC sees.
type StoredFile struct {
	Path   string `gorm:"primaryKey"`
	SHA256 string
	Data   []byte
}

// TableCheck is one table's rows and checksum, the same on both sides.
type TableCheck struct {
	Table string
	Rows  int
	Sum   string
}

// MoveReport is what a move copied and checked.
type MoveReport struct {
	Tables      []TableCheck
	Attachments int
}

// MoveFolderToServer copies the data folder dir (taking its lock, like the
// program) into the empty database dsn, attachments included, and checks
// the copy.
func MoveFolderToServer(dir, dsn string) (MoveReport, error) {
	local, err := OpenFolder(dir)
	if err != nil {
		return MoveReport{}, err
	}
	defer local.Close()
	server, err := OpenServer(dsn, filepath.Join(dir, "server"))
	if err != nil {
		return MoveReport{}, err
	}
	defer server.Close()
	if err := requireEmpty(server.db); err != nil {
		return MoveReport{}, err
	}
	var rep MoveReport
	err = server.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("1 = 1").Delete(&SchemaMeta{}).Error; err != nil {
			return err
		}
		if err := copyRecords(local.db, tx); err != nil {
			return err
		}
		n, err := uploadAttachments(filepath.Join(dir, AttachDir), tx)
		rep.Attachments = n
		return err
	})
	if err != nil {
		return rep, fmt.Errorf("复制到服务器失败，服务器上没有留下任何数据：%w", plainServerError(err))
	}
	rep.Tables, err = compareTables(local.db, server.db)
	return rep, err
}

// MoveServerToFolder writes the records of dsn, with the attachments kept on
// the server, into the new data folder dir and checks the copy.
func MoveServerToFolder(dsn, dir string) (MoveReport, error) {
	if _, err := os.Stat(filepath.Join(dir, DBFileName)); err == nil {
		return MoveReport{}, fmt.Errorf("文件夹 %s 中已有数据，请换一个空文件夹", dir)
	}
	server, err := OpenServer(dsn, filepath.Join(os.TempDir(), "partyoffice-server"))
	if err != nil {
		return MoveReport{}, err
	}
	defer server.Close()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return MoveReport{}, fmt.Errorf("无法创建数据文件夹 %s：%w", dir, plainIOError(err))
	}
	if err := copyToFile(server.db, filepath.Join(dir, DBFileName)); err != nil {
		return MoveReport{}, fmt.Errorf("复制到文件夹失败：%w", err)
	}
	var rep MoveReport
	if rep.Attachments, err = downloadAttachments(server.db, dir); err != nil {
		return rep, err
	}
	local, err := Open(dir)
	if err != nil {
		return rep, err
	}
	defer local.Close()
	rep.Tables, err = compareTables(server.db, local.db)
	return rep, err
}

// requireEmpty refuses a server database that already holds a register: a
// move never merges two branches' records into one.
func requireEmpty(db *gorm.DB) error {
	var n int64
	if err := db.Unscoped().Model(&Person{}).Count(&n).Error; err != nil {
		return plainServerError(err)
	}
	if n > 0 {
		return errors.New("服务器上的这个数据库已经有人员记录：为避免两份数据混在一起，请换一个空的数据库")
	}
	return nil
}

func uploadAttachments(root string, tx *gorm.DB) (int, error) {
	n := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == root {
			return filepath.SkipDir
		}
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(filepath.Dir(root), p)
		sum := sha256.Sum256(raw)
		n++
		return tx.Create(&StoredFile{Path: filepath.ToSlash(rel), SHA256: hex.EncodeToString(sum[:]), Data: raw}).Error
	})
	return n, err
}

func downloadAttachments(db *gorm.DB, dir string) (int, error) {
	if !db.Migrator().HasTable(&StoredFile{}) {
		return 0, nil
	}
	var paths []string
	if err := db.Model(&StoredFile{}).Order("path").Pluck("path", &paths).Error; err != nil {
		return 0, plainServerError(err)
	}
	for _, p := range paths {
		var f StoredFile
		if err := db.First(&f, "path = ?", p).Error; err != nil {
			return 0, plainServerError(err)
		}
		sum := sha256.Sum256(f.Data)
		dest := filepath.Join(dir, filepath.FromSlash(f.Path))
		if hex.EncodeToString(sum[:]) != f.SHA256 || !filepath.IsLocal(filepath.FromSlash(f.Path)) {
			return 0, fmt.Errorf("服务器上的附件 %s 校验未通过，未写入", f.Path)
		}
		if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
			return 0, plainIOError(err)
		}
		if err := os.WriteFile(dest, f.Data, 0o644); err != nil {
			return 0, plainIOError(err)
		}
	}
	return len(paths), nil
}

// compareTables checks that dst holds what src holds, table by table.
func compareTables(src, dst *gorm.DB) ([]TableCheck, error) {
	var out []TableCheck
	for _, m := range tablesToCopy() {
		a, err := tableCheck(src, m)
		if err != nil {
			return out, err
		}
		b, err := tableCheck(dst, m)
		if err != nil {
			return out, err
		}
		if a != b {
			return out, fmt.Errorf("复制后核对不一致：%s 原有 %d 行，复制后 %d 行（校验和不同）", a.Table, a.Rows, b.Rows)
		}
		out = append(out, a)
	}
	return out, nil
}

// tableCheck counts a table's rows and hashes their values in key order.
// Instants are hashed in UTC to the microsecond: pgx drops the nanoseconds.
func tableCheck(db *gorm.DB, m any) (TableCheck, error) {
	rows := reflect.New(reflect.SliceOf(reflect.TypeOf(m).Elem()))
	stmt := &gorm.Statement{DB: db}
	if err := stmt.Parse(m); err != nil {
		return TableCheck{}, err
	}
	q := db.Unscoped().Model(m)
	for _, f := range stmt.Schema.PrimaryFields {
		q = q.Order(f.DBName)
	}
	if err := q.Find(rows.Interface()).Error; err != nil {
		return TableCheck{}, err
	}
	h := sha256.New()
	list := rows.Elem()
	for i := 0; i < list.Len(); i++ {
		for _, f := range stmt.Schema.Fields {
			if f.DBName == "" {
				continue
			}
			v, _ := f.ValueOf(context.Background(), list.Index(i))
			fmt.Fprintf(h, "%s=%v;", f.DBName, normalised(v))
		}
		h.Write([]byte{'\n'})
	}
	return TableCheck{Table: stmt.Schema.Table, Rows: list.Len(), Sum: hex.EncodeToString(h.Sum(nil))}, nil
}

func normalised(v any) any {
	if r := reflect.ValueOf(v); r.Kind() == reflect.Pointer {
		if r.IsNil() {
			return nil
		}
		return normalised(r.Elem().Interface())
	}
	switch x := v.(type) {
	case time.Time:
		return x.UTC().Truncate(time.Microsecond).Format(time.RFC3339Nano)
	case gorm.DeletedAt:
		if !x.Valid {
			return nil
		}
		return x.Time.UTC().Truncate(time.Microsecond).Format(time.RFC3339Nano)
	}
	return v
}
