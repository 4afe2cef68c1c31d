package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"partyoffice/data"
	"partyoffice/reports"
)

// template is `partyoffice template fill`: the 党员名册 written into a
// district's own template.
func (c *cli) template(args []string) error {
	if len(args) == 0 || args[0] != "fill" {
		return usageError("请写 template fill 模板.xlsx --out 文件.xlsx")
	}
	fs := newFlagSet("template")
	mapFile := fs.String("map", "", "")
	out := fs.String("out", "", "")
	asJSON := fs.Bool("json", false, "")
	pos, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("请写一个模板文件：template fill 模板.xlsx --out 文件.xlsx")
	}
	if *out == "" {
		return usageError("请用 --out 指定填好的表保存到哪个文件")
	}
	return c.withStore(false, func(s *data.Store) error {
		t, err := reports.OpenTemplate(pos[0], s)
		if err != nil {
			return err
		}
		if *mapFile != "" {
			raw, err := os.ReadFile(*mapFile)
			if err != nil {
				return fmt.Errorf("无法读取对应关系文件“%s”：%w", *mapFile, err)
			}
			if err := t.ApplyMapping(raw); err != nil {
				return err
			}
			if err := t.SaveMapping(s); err != nil {
				return err
			}
		}
		n, err := t.Fill(s, *out)
		if err != nil {
			return err
		}
		if *asJSON {
			return printTemplateJSON(c, t, *out, n)
		}
		fmt.Fprintf(c.stdout, "已按模板填好 %d 名党员：%s\n", n, *out)
		for _, col := range t.Columns {
			field := col.Field
			if field == "" {
				field = "（不填）"
			}
			fmt.Fprintf(c.stdout, "  %s ← %s\n", col.Header, field)
		}
		if u := t.Unmapped(); len(u) > 0 {
			fmt.Fprintf(c.stdout, "没有对应字段、留空的列：%s\n", strings.Join(u, "、"))
		}
		return nil
	})
}

type templateJSON struct {
	Out      string            `json:"out"`
	Rows     int               `json:"rows"`
	Sheet    string            `json:"sheet"`
	Header   int               `json:"header_row"`
	Saved    bool              `json:"saved_mapping"`
	Mapping  map[string]string `json:"mapping"`
	Unmapped []string          `json:"unmapped"`
}

func printTemplateJSON(c *cli, t *reports.Template, out string, n int) error {
	res := templateJSON{Out: out, Rows: n, Sheet: t.Sheet, Header: t.HeaderRow, Saved: t.Saved,
		Mapping: t.Mapping(), Unmapped: t.Unmapped()}
	if res.Unmapped == nil {
		res.Unmapped = []string{}
	}
	enc := json.NewEncoder(c.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}
