package main

import (
	"flag"
	"fmt"

	"partyoffice/data"
)

// branchFlags are the 支部信息 fields `partyoffice branch` shows and sets, in
// the order it prints them.
var branchFlags = []struct {
	flag, label string
	field       func(b *data.Branch) *string
}{
	{"name", "支部名称", func(b *data.Branch) *string { return &b.Name }},
	{"parent", "上级党委", func(b *data.Branch) *string { return &b.Superior }},
	{"unit", "所在单位", func(b *data.Branch) *string { return &b.Unit }},
	{"code", "党组织代码", func(b *data.Branch) *string { return &b.Code }},
	{"secretary", "书记", func(b *data.Branch) *string { return &b.Secretary }},
	{"phone", "联系电话", func(b *data.Branch) *string { return &b.Phone }},
}

// branchHelp is one help line per option of `branch`.
func branchHelp() []string {
	out := make([]string, 0, len(branchFlags))
	for _, f := range branchFlags {
		out = append(out, fmt.Sprintf("--%-10s %s", f.flag, f.label))
	}
	return out
}

// branch shows the 支部信息, or sets the fields given: a district scripts
// its test branches and batch jobs with it. Fields not given keep their value.
func (c *cli) branch(args []string) error {
	fs := newFlagSet("branch")
	values := make([]*string, len(branchFlags))
	for i, f := range branchFlags {
		values[i] = fs.String(f.flag, "", "")
	}
	if _, err := positionals("branch", args, 0, fs); err != nil {
		return err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	return c.withStore(len(given) > 0, func(s *data.Store) error {
		b, err := s.Branch()
		if err != nil {
			return err
		}
		if len(given) > 0 {
			for i, f := range branchFlags {
				if given[f.flag] {
					*f.field(&b) = *values[i]
				}
			}
			if err := s.SaveBranch(b); err != nil {
				return err
			}
			fmt.Fprintln(c.stdout, "已保存支部信息：")
		}
		for _, f := range branchFlags {
			v := *f.field(&b)
			if v == "" {
				v = "（未填）"
			}
			fmt.Fprintf(c.stdout, "%s：%s\n", f.label, v)
		}
		return nil
	})
}
