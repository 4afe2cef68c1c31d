package main

import (
	"encoding/json"
	"fmt"

	"partyoffice/data"
)

// branches is `partyoffice --db … branches`: the branches on the server the
// signed-in user may see, with their people, as the window's 各支部 lists
// them. `export … --branch N` then reads one of them, as the window's 查看
// does (withBranch).
func (c *cli) branches(args []string) error {
	fs := newFlagSet("branches")
	asJSON := fs.Bool("json", false, "")
	if _, err := positionals("branches", args, 0, fs); err != nil {
		return err
	}
	if c.server == "" {
		return usageError("各支部列表在数据库服务器上：请用 --db 指定服务器，例如 partyoffice --db postgres://… branches")
	}
	return c.withStoreToRead(func(s *data.Store) error {
		list, err := s.ServerBranches()
		if err != nil {
			return err
		}
		if *asJSON {
			return printBranchesJSON(c, list)
		}
		fmt.Fprintf(c.stdout, "服务器上共 %d 个支部：\n", len(list))
		for _, b := range list {
			fmt.Fprintf(c.stdout, "  第 %d 号  %s  在册党员 %d 人（人员记录 %d 条）\n", b.ID, b.Label(), b.Members, b.People)
		}
		return nil
	})
}

type branchJSON struct {
	ID      uint   `json:"id"`
	Name    string `json:"name"`
	People  int    `json:"people"`
	Members int    `json:"members"`
}

func printBranchesJSON(c *cli, list []data.ServerBranch) error {
	out := make([]branchJSON, 0, len(list))
	for _, b := range list {
		out = append(out, branchJSON{ID: b.ID, Name: b.Name, People: b.People, Members: b.Members})
	}
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// withBranch runs fn on the store, or with --branch N (N > 0) on a
// read-only view of branch N of the server.
func (c *cli) withBranch(branch int, fn func(s *data.Store) error) error {
	if branch == 0 {
		return c.withStoreToRead(fn)
	}
	if c.server == "" {
		return usageError("--branch 只用于数据库服务器（--db postgres://…）：本机数据文件只有一个支部")
	}
	if branch < 0 {
		return usageError("--branch 应为支部编号（见 partyoffice --db … branches）")
	}
	return c.withStoreToRead(func(s *data.Store) error {
		view, err := s.BranchView(uint(branch))
		if err != nil {
			return err
		}
		defer view.Close()
		return fn(view)
	})
}
