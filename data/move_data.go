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
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Moving a branch between the two backends (partyoffice migrate): a data
// folder up into a branch of a server, and one branch of a server down to a
// folder. Both copy every table row for row and then compare the two sides'
// counts and checksums table by table before saying it worked. On the way up
// the ids are renumbered past the other branches' (move_ids.go).

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
	Branch      uint // the branch on the server
	Offset      uint // added to the folder's ids on the way up (move_ids.go)
	Tables      []TableCheck
	Attachments int
}

// MoveFolderToServer copies the data folder dir (taking its lock, like the
// program) into a branch of the server dsn, attachments included, and checks
// the copy. A branch user's records go into their branch; the owner's into
// branch (0: branch 1). The branch must hold no people yet; whatever else it
// holds (a branch record, settings) is replaced.
func MoveFolderToServer(dir, dsn string, branch uint) (MoveReport, error) {
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
	rep := MoveReport{}
	if rep.Branch, err = server.moveTarget(branch); err != nil {
		return rep, err
	}
	err = server.db.Transaction(func(tx *gorm.DB) error {
		if err := intoEmptyBranch(tx, rep.Branch); err != nil {
			return err
		}
		var err error
		if rep.Offset, err = reserveIDs(tx, local.db); err != nil {
			return err
		}
		for _, m := range models { // the schema version stays the server's
			if err := copyTable(local.db, tx, m, rep.Offset); err != nil {
				return err
			}
		}
		if err := resetSequences(tx); err != nil {
			return err
		}
		rep.Attachments, err = uploadAttachments(filepath.Join(dir, AttachDir), tx)
		return err
	})
	if err != nil {
		return rep, fmt.Errorf("复制到服务器失败，服务器上没有留下任何数据：%w", plainWriteError(err))
	}
	view, err := server.BranchView(rep.Branch)
	if err != nil {
		return rep, err
	}
	defer view.Close()
	rep.Tables, err = compareTables(local.db, view.db, models, rep.Offset)
	return rep, err
}

// MoveServerToFolder writes the records of one branch of dsn, with the
// attachments kept on the server, into the new data folder dir and checks
// the copy. A branch user moves their branch; the 区管理员 and the owner name
// it (0: the only branch of the server).
func MoveServerToFolder(dsn, dir string, branch uint) (MoveReport, error) {
	if _, err := os.Stat(filepath.Join(dir, DBFileName)); err == nil {
		return MoveReport{}, fmt.Errorf("文件夹 %s 中已有数据，请换一个空文件夹", dir)
	}
	server, err := OpenServer(dsn, filepath.Join(os.TempDir(), "partyoffice-server"))
	if err != nil {
		return MoveReport{}, err
	}
	defer server.Close()
	rep := MoveReport{}
	if rep.Branch, err = server.branchToMoveDown(branch); err != nil {
		return rep, err
	}
	view, err := server.BranchView(rep.Branch)
	if err != nil {
		return rep, err
	}
	defer view.Close()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return rep, fmt.Errorf("无法创建数据文件夹 %s：%w", dir, plainIOError(err))
	}
	if err := copyToFile(view.db, filepath.Join(dir, DBFileName)); err != nil {
		return rep, fmt.Errorf("复制到文件夹失败：%w", err)
	}
	if rep.Attachments, err = downloadAttachments(view.db, dir); err != nil {
		return rep, err
	}
	local, err := Open(dir)
	if err != nil {
		return rep, err
	}
	defer local.Close()
	rep.Tables, err = compareTables(view.db, local.db, tablesToCopy(), 0)
	return rep, err
}

// moveTarget is the branch a folder moved up by the signed-in user goes
// into: a branch user's own, the owner's choice (branch 1 unless chosen).
func (s *Store) moveTarget(branch uint) (uint, error) {
	switch s.server.role {
	case RoleDistrict:
		return 0, errors.New("区管理员账户只能查看，不能把数据搬到服务器上：请用本支部的账户，或由信息中心用数据库所有者的账户加 --branch 指定支部")
	case RoleBranch:
		own, err := s.ownBranch()
		if err == nil && branch != 0 && branch != own {
			err = fmt.Errorf("这个账户属于第 %d 号支部，不能把数据搬进第 %d 号支部", own, branch)
		}
		return own, err
	}
	return max(branch, 1), nil
}

// branchToMoveDown is the branch a move down copies: a branch user's own,
// else the one chosen, or the server's only branch.
func (s *Store) branchToMoveDown(branch uint) (uint, error) {
	if s.server.role == RoleBranch && branch == 0 {
		return s.ownBranch()
	}
	if branch != 0 {
		return branch, nil
	}
	list, err := s.ServerBranches()
	if err != nil {
		return 0, err
	}
	if len(list) != 1 {
		var ids []string
		for _, b := range list {
			ids = append(ids, fmt.Sprintf("%d %s", b.ID, b.Name))
		}
		return 0, fmt.Errorf("服务器上有 %d 个支部（%s），请用 --branch 指定搬哪一个", len(list), strings.Join(ids, "、"))
	}
	return list[0].ID, nil
}

// intoEmptyBranch readies the move transaction tx for rows of branch id:
// one move at a time on the server (reserveIDs reads and moves the
// sequences), the owner's rows land in branch id (po_branch reads
// partyoffice.branch; a branch user's land in theirs anyway), and a branch
// that already has people is refused: two registers are never mixed.
func intoEmptyBranch(tx *gorm.DB, id uint) error {
	if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", moveLockKey).Error; err != nil {
		return err
	}
	if err := tx.Exec("SELECT set_config('partyoffice.branch', ?, true)", strconv.FormatUint(uint64(id), 10)).Error; err != nil {
		return err
	}
	var n int64
	if err := tx.Raw("SELECT count(*) FROM people WHERE branch_id = ?", id).Scan(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		var name string
		tx.Raw("SELECT name FROM branches WHERE branch_id = ? LIMIT 1", id).Scan(&name)
		return fmt.Errorf("服务器上的第 %d 号支部%s已经有 %d 条人员记录：为避免两个支部的数据混在一起，请用 --branch 选一个还没有数据的支部编号",
			id, parenthesised(name), n)
	}
	if err := clearBranchRecords(tx, id); err != nil {
		return err
	}
	return tx.Exec("DELETE FROM stored_files WHERE branch_id = ?", id).Error
}

// clearBranchRecords deletes every record of branch id (row-level security
// limits a branch user to theirs anyway; the owner's are chosen by
// branch_id). DELETE, not TRUNCATE: other branches' rows stay.
func clearBranchRecords(tx *gorm.DB, id uint) error {
	for i := len(models) - 1; i >= 0; i-- {
		if err := tx.Exec("DELETE FROM "+quoteIdent(tableName(tx, models[i]))+" WHERE branch_id = ?", id).Error; err != nil {
			return err
		}
	}
	return nil
}

func parenthesised(s string) string {
	if s == "" {
		return ""
	}
	return "（" + s + "）"
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

// compareTables checks that dst holds what src holds, table by table, with
// src's ids shifted by offset (a move up renumbers them: move_ids.go).
func compareTables(src, dst *gorm.DB, tables []any, offset uint) ([]TableCheck, error) {
	var out []TableCheck
	for _, m := range tables {
		a, err := tableCheck(src, m, offset)
		if err != nil {
			return out, err
		}
		b, err := tableCheck(dst, m, 0)
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

// tableCheck counts a table's rows and hashes their values in key order,
// ids shifted by offset. Instants are hashed in UTC to the microsecond: pgx
// drops the nanoseconds.
func tableCheck(db *gorm.DB, m any, offset uint) (TableCheck, error) {
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
	list := shiftedIDs(stmt.Schema, rows.Elem(), offset)
	for i := 0; i < list.Len(); i++ {
		for _, f := range stmt.Schema.Fields {
			if f.DBName == "" {
				continue
			}
			// The field itself, not ValueOf: a serialized field's ValueOf
			// is the serializer, whose pointers differ on every read.
			v := f.ReflectValueOf(context.Background(), list.Index(i)).Interface()
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
