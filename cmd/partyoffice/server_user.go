package main

import (
	"fmt"

	"partyoffice/data"
)

// serverUserHelp are the help lines of `server-user`.
var serverUserHelp = []string{
	"list                        列出登录用户：登录名、姓名、角色和支部编号",
	"add --login 登录名 --branch 支部编号 --role branch|district --name 姓名 [--password-file 文件]",
	"                            新增登录用户（branch：支部用户，只看、只改本支部；district：区管理员，只读查看全部支部）",
	"remove 登录名               删除登录用户（他保存过的记录和操作日志都保留）",
	"password 登录名 [--password-file 文件]",
	"                            重设登录用户的密码",
	"--password-file 文件        从这个文件的第一行读取密码；在终端中不写则会询问",
}

// serverUser manages the sign-ins of a server (IT, with the owner's --db).
func (c *cli) serverUser(args []string) error {
	if len(args) == 0 {
		return usageError("请写 server-user list | add | remove | password，详见 partyoffice help")
	}
	if c.server == "" {
		return usageError("登录用户在数据库服务器上：请用 --db 指定服务器（用建库时的管理员账户），例如 partyoffice --db postgres://… server-user list")
	}
	switch args[0] {
	case "list":
		return c.listServerUsers(args[1:])
	case "add":
		return c.addServerUser(args[1:])
	case "remove":
		return c.removeServerUser(args[1:])
	case "password":
		return c.resetServerUserPassword(args[1:])
	}
	return usageError("server-user 没有“%s”这一项：请写 list、add、remove 或 password", args[0])
}

func (c *cli) listServerUsers(args []string) error {
	if _, err := positionals("server-user", args, 0, newFlagSet("server-user list")); err != nil {
		return err
	}
	return c.withStore(false, func(s *data.Store) error {
		users, err := s.ServerUsers()
		if err != nil {
			return err
		}
		if len(users) == 0 {
			fmt.Fprintln(c.stdout, "还没有登录用户：用 server-user add 新增")
		}
		for _, u := range users {
			branch := fmt.Sprintf("支部 %d", u.BranchID)
			if u.Role == data.RoleDistrict {
				branch = "全部支部（只读）"
			}
			fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s\n", u.Login, u.Name, data.ServerRoleName(u.Role), branch)
		}
		return nil
	})
}

func (c *cli) addServerUser(args []string) error {
	fs := newFlagSet("server-user add")
	login := fs.String("login", "", "")
	branch := fs.Uint("branch", 0, "")
	role := fs.String("role", data.RoleBranch, "")
	name := fs.String("name", "", "")
	passwordFile := fs.String("password-file", "", "")
	if _, err := positionals("server-user", args, 0, fs); err != nil {
		return err
	}
	if *login == "" || *name == "" {
		return usageError("请写 --login 登录名 和 --name 姓名")
	}
	if *role == data.RoleBranch && *branch == 0 {
		return usageError("支部用户请用 --branch 写支部编号（第一个支部是 1）")
	}
	password, err := c.newServerPassword(*passwordFile, *login)
	if err != nil {
		return err
	}
	return c.withStore(false, func(s *data.Store) error {
		u := data.ServerUser{Login: *login, Password: password, BranchID: *branch, Role: *role, Name: *name}
		if err := s.AddServerUser(u); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "已新增登录用户 %s（%s，%s）\n", u.Login, u.Name, data.ServerRoleName(u.Role))
		return nil
	})
}

func (c *cli) removeServerUser(args []string) error {
	pos, err := positionals("server-user", args, 1, newFlagSet("server-user remove"))
	if err != nil {
		return err
	}
	return c.withStore(false, func(s *data.Store) error {
		if err := s.RemoveServerUser(pos[0]); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "已删除登录用户 %s\n", pos[0])
		return nil
	})
}

func (c *cli) resetServerUserPassword(args []string) error {
	fs := newFlagSet("server-user password")
	passwordFile := fs.String("password-file", "", "")
	pos, err := positionals("server-user", args, 1, fs)
	if err != nil {
		return err
	}
	password, err := c.newServerPassword(*passwordFile, pos[0])
	if err != nil {
		return err
	}
	return c.withStore(false, func(s *data.Store) error {
		if err := s.SetServerUserPassword(pos[0], password); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "已重设 %s 的密码\n", pos[0])
		return nil
	})
}

// newServerPassword is a sign-in's new password: from --password-file,
// else typed on a terminal without echo (cli.secret).
func (c *cli) newServerPassword(passwordFile, login string) (string, error) {
	return c.secret(passwordFile, "请输入 "+login+" 的新密码并回车",
		"请把密码写在一个文件的第一行，用 --password-file 文件 指定")
}
