package main

import (
	"fmt"

	"partyoffice/data"
)

// The operator command names the person the audit log records (组织委员
// 张静), as the first-run screen and the settings do in the window.

func (c *cli) operator(args []string) error {
	if len(args) > 1 {
		return usageError("参数不对，应为：partyoffice operator [姓名]（姓名中有空格时请加引号）")
	}
	return c.withStore(false, func(s *data.Store) error {
		if len(args) == 0 {
			name := s.Operator()
			if name == "" {
				name = "（还没有设置）"
			}
			fmt.Fprintln(c.stdout, "使用人："+name)
			return nil
		}
		if err := s.SetOperator(args[0]); err != nil {
			return err
		}
		fmt.Fprintln(c.stdout, "已设置使用人："+args[0]+"。之后的操作记录以此署名")
		return nil
	})
}
