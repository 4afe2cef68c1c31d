package data

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"gorm.io/gorm"

	"partyoffice/data/handover"
)

// freeSpace is diskFree; tests replace it to play a full disk.
var freeSpace = diskFree

// spaceMargin is kept free beyond what an incoming package needs: the
// backup taken before replacing, the database's own growth.
const spaceMargin = 64 << 20

// ErrNoRoom means the disk cannot hold what is about to be written.
var ErrNoRoom = errors.New("磁盘空间不够")

// needSpace refuses to start writing need bytes into dir when the disk
// lacks them, so a large package never fills the disk half way.
func needSpace(dir string, need int64) error {
	free, err := freeSpace(dir)
	if err != nil { // unknown: go on, a full disk is still caught while writing
		return nil
	}
	if free < need+spaceMargin {
		return fmt.Errorf("%w：需要约 %d MB，这个磁盘只剩 %d MB，没有改动任何数据。请清理磁盘（例如清空回收站）后再试", ErrNoRoom,
			(need+spaceMargin)>>20, free>>20)
	}
	return nil
}

// checkIncomingManifest accepts only the files a package of this app holds
// (the database and attachments: no -wal or -journal that SQLite would
// apply to the database, nothing else) and checks the disk has room for
// them, before anything is unpacked.
func checkIncomingManifest(dir string) func(m *handover.Manifest) error {
	return func(m *handover.Manifest) error {
		for _, f := range m.Files {
			if f.Path != DBFileName && !strings.HasPrefix(f.Path, AttachDir+"/") {
				return fmt.Errorf("%w：包中有不应有的文件“%s”，没有替换任何数据", handover.ErrDamaged, f.Path)
			}
		}
		db, _ := m.File(DBFileName)
		return needSpace(dir, m.TotalSize()+db.Size)
	}
}

// checkSchemaObjects insists the database holds only the app's own tables
// and their indexes: a package can carry triggers (one that silently
// deleted every new audit entry) or views, which the program never makes.
func checkSchemaObjects(db *gorm.DB) error {
	var objs []struct{ Type, Name, TblName string }
	if err := db.Raw("SELECT type, name, tbl_name FROM sqlite_master").Scan(&objs).Error; err != nil {
		return err
	}
	known := appTables(db)
	for _, o := range objs {
		internal := strings.HasPrefix(o.TblName, "sqlite_")
		switch {
		case o.Type == "table" && (known[o.Name] || internal):
		case o.Type == "index" && (known[o.TblName] || internal):
		default:
			return fmt.Errorf("数据文件中有不属于党支部工作台的内容（%s），可能被人改动过，没有使用它", objectKind(o.Type))
		}
	}
	return nil
}

func objectKind(t string) string {
	switch t {
	case "trigger":
		return "触发器"
	case "view":
		return "视图"
	}
	return "多余的表"
}

// appTables are the names of the tables the program creates.
func appTables(db *gorm.DB) map[string]bool {
	known := map[string]bool{}
	for _, m := range append([]any{&SchemaMeta{}}, models...) {
		stmt := &gorm.Statement{DB: db}
		if stmt.Parse(m) == nil {
			known[stmt.Schema.Table] = true
		}
	}
	return known
}

// fileSize is the size of path, 0 when unknown.
func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}
