package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"partyoffice/data"
	"partyoffice/data/demo"
	"partyoffice/reports"
)

// cli is what every subcommand needs: where to write and which data folder.
type cli struct {
	stdout, stderr io.Writer
	dataDir        string
	server         string // --db / PARTYOFFICE_DB: a postgres:// DSN, or "" for the folder
}

// withStore opens the data folder for fn and closes it afterwards. Unless
// create is set, a folder without a database is refused: a mistyped --data
// should not quietly produce an empty register.
func (c *cli) withStore(create bool, fn func(s *data.Store) error) error {
	if c.server != "" {
		s, err := data.OpenServer(c.server, c.dataDir)
		if err != nil {
			return err
		}
		defer s.Close()
		return fn(s)
	}
	if !create {
		if err := c.requireDatabase(); err != nil {
			return err
		}
	}
	s, err := data.Open(c.dataDir)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

// withStoreToRead is withStore for a command that writes nothing: the store
// opens with SQLite's quick check instead of the full one (data.OpenToRead
// says why that is enough).
func (c *cli) withStoreToRead(fn func(s *data.Store) error) error {
	if c.server != "" { // the server checks itself; the folder holds no database
		return c.withStore(false, fn)
	}
	if err := c.requireDatabase(); err != nil {
		return err
	}
	s, err := data.OpenToRead(c.dataDir)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

func (c *cli) requireDatabase() error {
	if _, err := os.Stat(filepath.Join(c.dataDir, data.DBFileName)); err != nil {
		return fmt.Errorf("数据文件夹 %s 中还没有数据，请检查 --data 指定的文件夹是否正确", c.dataDir)
	}
	return nil
}

// positionals parses args with fs and checks the number of positional
// arguments, with the synopsis in the message when it is wrong.
func positionals(name string, args []string, want int, fs *flag.FlagSet) ([]string, error) {
	if fs == nil {
		fs = newFlagSet(name)
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) != want {
		cmd := findCommand(name)
		return nil, usageError("参数不对，应为：partyoffice %s %s", name, cmd.args)
	}
	return pos, nil
}

func (c *cli) demo(args []string) error {
	if _, err := positionals("demo", args, 0, nil); err != nil {
		return err
	}
	return c.withStore(true, func(s *data.Store) error {
		if err := demo.Fill(s, s.Today()); err != nil {
			return err
		}
		n, err := s.CountPeople()
		if err != nil {
			return err
		}
		groups, err := s.Groups()
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "已载入示例数据：%d 人，%d 个党小组（数据文件夹：%s）\n", n, len(groups), c.dataDir)
		return nil
	})
}

// registerArg checks the REPORT argument of import and export: members,
// or one of the kinds other files register (exportKinds, importKinds),
// which are dispatched before this check.
func registerArg(verb, got string) error {
	if got != "members" {
		return usageError("不认识要%s的名册“%s”，可以写：%s", verbWord(verb), got, kindNames(verb))
	}
	return nil
}

func verbWord(verb string) string {
	if verb == "import" {
		return "导入"
	}
	return "导出"
}

// exportMembers runs export: the 党员名册, or the kind args name
// (exportKinds: every export of reports.Exports).
func (c *cli) exportMembers(args []string) error {
	if kind, ok := otherKind(exportKinds(), args); ok {
		return kind.run(c, args)
	}
	var every exportFlags // every option, so that only the report's name is left
	pos, err := parseInterspersed(every.flagSet(&reports.Export{Options: optionOrder}), args)
	if len(pos) > 0 && err == nil {
		if err := registerArg("export", pos[0]); err != nil {
			return err
		}
	}
	members, _ := reports.FindExport("members")
	return c.runExport(members, args)
}

func (c *cli) backup(args []string) error {
	fs := newFlagSet("backup")
	out := fs.String("out", "", "")
	if _, err := positionals("backup", args, 0, fs); err != nil {
		return err
	}
	return c.withStore(false, func(s *data.Store) error {
		path := *out
		if path == "" {
			info, err := s.Backup("手动备份")
			if err != nil {
				return err
			}
			path = info.Path
		} else if err := s.BackupTo(path); err != nil {
			return err
		}
		size := int64(0)
		if st, err := os.Stat(path); err == nil {
			size = st.Size()
		}
		fmt.Fprintf(c.stdout, "已备份到 %s（%s）\n", path, humanSize(size))
		return nil
	})
}

// restore works on a damaged database too: that is when it is needed most,
// and the store cannot be opened then.
func (c *cli) restore(args []string) error {
	fs := newFlagSet("restore")
	yes := fs.Bool("yes", false, "")
	pos, err := positionals("restore", args, 1, fs)
	if err != nil {
		return err
	}
	src, err := filepath.Abs(pos[0])
	if err != nil {
		return err
	}
	// A person at a terminal is asked; a script (stdin not a terminal)
	// goes on as before.
	if !*yes && stdinIsTerminal() && !c.confirm("将用备份 "+filepath.Base(src)+" 替换数据文件夹 "+c.dataDir+" 中的现有数据（替换前会自动备份现有数据）。") {
		return errors.New("没有确认，未做任何改动（在脚本中可加 --yes 跳过询问）")
	}
	s, err := data.Open(c.dataDir)
	if errors.Is(err, data.ErrDamaged) {
		kept, err := data.RestoreClosed(c.dataDir, src)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "已从 %s 恢复数据；损坏的数据文件另存为 %s\n", src, kept)
		return nil
	}
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Restore(src); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "已从 %s 恢复数据；恢复前的数据已自动备份到 %s\n", src,
		filepath.Join(c.dataDir, data.BackupDir))
	return nil
}

func (c *cli) listBackups(args []string) error {
	if _, err := positionals("backups", args, 0, nil); err != nil {
		return err
	}
	if err := c.requireDatabase(); err != nil {
		return err
	}
	list, err := c.backupList()
	if err != nil {
		return err
	}
	folder := filepath.Join(c.dataDir, data.BackupDir)
	if len(list) == 0 {
		fmt.Fprintf(c.stdout, "还没有备份（备份文件夹：%s）\n", folder)
		return nil
	}
	fmt.Fprintf(c.stdout, "备份文件夹：%s（共 %d 份，最新的在前）\n", folder, len(list))
	for _, b := range list {
		fmt.Fprintf(c.stdout, "%s  %9s  %s\n", b.Time.Format("2006-01-02 15:04:05"), humanSize(b.Size), b.Path)
	}
	return nil
}

// backupList asks the store, or reads the folder itself when the database is
// damaged, so that the backups can be found exactly when they are needed.
func (c *cli) backupList() ([]data.BackupInfo, error) {
	s, err := data.Open(c.dataDir)
	if errors.Is(err, data.ErrDamaged) {
		return data.BackupsIn(c.dataDir)
	}
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.Backups()
}

func (c *cli) version(args []string) error {
	if _, err := positionals("version", args, 0, nil); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "党支部工作台 %s（数据结构版本 %d）\n", data.AppVersion, data.SchemaVersion)
	return nil
}

func (c *cli) help(args []string) error {
	printHelp(c.stdout)
	return nil
}

// humanSize is a file size as people read it: 812 KB, 3.4 MB.
func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}
