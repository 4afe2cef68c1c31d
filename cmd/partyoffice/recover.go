package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"partyoffice/data"
)

// Recovery of a damaged database. The store refuses to open a damaged file,
// so these work on the data folder directly: list the backups, check one and
// copy it into place. The damaged file is never deleted, only set aside.

// backupsInFolder lists the backups in the data folder, newest first, as
// Store.Backups does for an open store.
func backupsInFolder(dir string) ([]data.BackupInfo, error) {
	folder := filepath.Join(dir, data.BackupDir)
	entries, err := os.ReadDir(folder)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("无法读取备份文件夹 %s：%w", folder, err)
	}
	var out []data.BackupInfo
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".db") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, data.BackupInfo{Path: filepath.Join(folder, e.Name()), Name: e.Name(),
			Time: info.ModTime(), Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

// newestGoodBackup is the newest backup in the data folder that passes the
// integrity check (a backup taken while the damage spread may be bad too).
func newestGoodBackup(dir string) (data.BackupInfo, error) {
	list, err := backupsInFolder(dir)
	if err != nil {
		return data.BackupInfo{}, err
	}
	for _, b := range list {
		if data.CheckDatabaseFile(b.Path) == nil {
			return b, nil
		}
	}
	if len(list) == 0 {
		return data.BackupInfo{}, fmt.Errorf("数据文件夹中没有备份（%s）。如果在别处（U盘、其他电脑）有备份文件，请用 partyoffice restore 备份文件 恢复",
			filepath.Join(dir, data.BackupDir))
	}
	return data.BackupInfo{}, fmt.Errorf("数据文件夹中的 %d 份备份都无法通过校验，请找一份别处保存的备份文件", len(list))
}

// restoreClosed puts the backup src in place of the database of a data folder
// that cannot be opened. The old file (and its -wal/-shm companions) is
// renamed, not deleted; the returned path is where the old database went.
func restoreClosed(dir, src string) (string, error) {
	if err := data.CheckDatabaseFile(src); err != nil {
		return "", err
	}
	db := filepath.Join(dir, data.DBFileName)
	staged := db + ".restore"
	if err := copyFile(src, staged); err != nil {
		os.Remove(staged)
		return "", fmt.Errorf("无法复制备份文件，原数据未改动：%w", err)
	}
	kept := db + ".damaged-" + time.Now().Format("20060102-150405")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		err := os.Rename(db+suffix, kept+suffix)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			os.Remove(staged)
			return "", fmt.Errorf("无法把损坏的数据文件移开（是否有其他程序打开了它？）：%w", err)
		}
	}
	if err := os.Rename(staged, db); err != nil {
		return "", fmt.Errorf("恢复失败：%w；损坏的数据文件在 %s", err, kept)
	}
	return kept, nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
