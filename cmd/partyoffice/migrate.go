package main

import (
	"fmt"

	"partyoffice/data"
)

// migrate moves the branch between the data folder and a PostgreSQL server.
func (c *cli) migrate(args []string) error {
	fs := newFlagSet("migrate")
	to := fs.String("to", "", "")
	toFolder := fs.String("to-folder", "", "")
	branch := fs.Uint("branch", 0, "")
	if _, err := positionals("migrate", args, 0, fs); err != nil {
		return err
	}
	var rep data.MoveReport
	var err error
	switch {
	case *to != "" && *toFolder == "":
		if !data.IsServerDSN(*to) {
			return usageError("--to 应为 postgres://用户@服务器:端口/数据库 形式的连接串")
		}
		rep, err = data.MoveFolderToServer(c.dataDir, *to, *branch)
	case *toFolder != "" && *to == "":
		if c.server == "" {
			return usageError("从服务器搬回本机时，请用 --db 指定服务器：partyoffice --db postgres://… migrate --to-folder 文件夹")
		}
		rep, err = data.MoveServerToFolder(c.server, *toFolder, *branch)
	default:
		return usageError("请写 --to postgres://…（搬到服务器）或 --to-folder 文件夹（搬回本机），二者选一")
	}
	if err != nil {
		return err
	}
	rows := 0
	for _, t := range rep.Tables {
		rows += t.Rows
	}
	fmt.Fprintf(c.stdout, "已复制并核对（服务器上的第 %d 号支部）：%d 张表共 %d 行，%d 个附件；行数和校验和与原数据一致\n",
		rep.Branch, len(rep.Tables), rows, rep.Attachments)
	if rep.Offset > 0 {
		fmt.Fprintf(c.stdout, "服务器上已有其他支部的记录，本支部各记录的内部编号统一加了 %d\n", rep.Offset)
	}
	return nil
}
