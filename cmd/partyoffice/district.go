package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"partyoffice/data"
	"partyoffice/reports"
)

// district is `partyoffice district merge`: the district office's side of
// the 上报 pack. From packs it needs no data folder: it reads only the packs.
// With --from-server it builds every branch's pack from the live records of
// the server named by --db and merges those (reports.DistrictFromServer).
func (c *cli) district(args []string) error {
	if len(args) == 0 || args[0] != "merge" {
		return usageError("请写 district merge 上报材料.xlsx… --out 汇总.xlsx，或 --db postgres://… district merge --from-server --out 汇总.xlsx")
	}
	fs := newFlagSet("district")
	dir := fs.String("dir", "", "")
	out := fs.String("out", "", "")
	name := fs.String("name", "", "")
	asJSON := fs.Bool("json", false, "")
	fromServer := fs.Bool("from-server", false, "")
	pf := periodFlags{year: fs.Int("year", 0, ""), half: fs.Int("half", 0, ""), quarter: fs.Int("quarter", 0, ""),
		asOf: fs.String("as-of", "", "")}
	files, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return err
	}
	if *out == "" {
		return usageError("请用 --out 指定汇总表保存到哪个文件，例如 --out 汇总.xlsx")
	}
	write := func(m *reports.Merge) error { return c.writeMerge(m, *out, strings.TrimSpace(*name), *asJSON) }
	if *fromServer {
		if len(files) > 0 || *dir != "" {
			return usageError("--from-server 直接读服务器上各支部的数据，不再读上报材料文件")
		}
		if c.server == "" {
			return usageError("从服务器汇总时，请用 --db 指定服务器：partyoffice --db postgres://… district merge --from-server --out 汇总.xlsx")
		}
		return c.withStore(false, func(s *data.Store) error {
			period, err := pf.period(s.Today())
			if err != nil {
				return err
			}
			m, err := reports.DistrictFromServer(s, reports.PackOptions{Period: period}, nil)
			if err != nil {
				return err
			}
			return write(m)
		})
	}
	if *pf.year != 0 || *pf.half != 0 || *pf.quarter != 0 || *pf.asOf != "" {
		return usageError("--year、--half、--quarter、--as-of 只用于 --from-server；汇总上报材料时，期间以材料为准")
	}
	if *dir != "" {
		more, err := reports.PacksIn(*dir)
		if err != nil {
			return err
		}
		files = append(files, more...)
	}
	if len(files) == 0 {
		return usageError("请写出要汇总的上报材料文件，或用 --dir 指定它们所在的文件夹")
	}
	m, err := reports.ReadPacks(files, nil)
	if err != nil {
		return err
	}
	return write(m)
}

// writeMerge writes the 汇总 workbook and says what went into it.
func (c *cli) writeMerge(m *reports.Merge, out, title string, asJSON bool) error {
	if err := reports.WriteMerge(m, out, title); err != nil {
		return err
	}
	if asJSON {
		return printMergeJSON(c, m, out)
	}
	fmt.Fprintf(c.stdout, "已汇总 %d 个支部（%s），共读取 %d 个文件：%s\n", m.MergedCount(), m.Period, len(m.Files), out)
	for _, pf := range m.Files {
		fmt.Fprintf(c.stdout, "  %s：%s\n", filepath.Base(pf.Path), pf.Status)
	}
	if len(m.Problems) > 0 {
		fmt.Fprintf(c.stdout, "发现 %d 个问题，见汇总表的“问题”工作表\n", len(m.Problems))
	}
	return nil
}

type mergeJSON struct {
	Out      string            `json:"out"`
	Period   string            `json:"period"`
	Merged   int               `json:"merged"`
	Files    []mergeFileJSON   `json:"files"`
	Problems []reports.Problem `json:"problems"`
	Totals   []mergeTotalJSON  `json:"totals"`
}

type mergeFileJSON struct {
	File   string `json:"file"`
	Branch string `json:"branch"`
	Merged bool   `json:"merged"`
	Status string `json:"status"`
}

type mergeTotalJSON struct {
	Table string `json:"table"`
	Item  string `json:"item"`
	Count int    `json:"count"`
}

func printMergeJSON(c *cli, m *reports.Merge, out string) error {
	res := mergeJSON{Out: out, Period: m.Period, Merged: m.MergedCount(), Problems: m.Problems}
	for _, pf := range m.Files {
		res.Files = append(res.Files, mergeFileJSON{File: pf.Path, Branch: pf.Branch, Merged: pf.Merged, Status: pf.Status})
	}
	for _, k := range m.Items {
		res.Totals = append(res.Totals, mergeTotalJSON{Table: k.Table, Item: k.Label, Count: m.Totals[k]})
	}
	if res.Problems == nil {
		res.Problems = []reports.Problem{}
	}
	enc := json.NewEncoder(c.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}
