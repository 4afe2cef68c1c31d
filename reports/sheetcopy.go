package reports

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// copySheet copies one sheet of a finished workbook into another as it
// prints: values with their types, styles, merges, column widths, row
// heights, frozen panes, drop-downs, page setup, header/footer and print
// titles. The 上报 pack is built from the same writers as the single exports
// this way (docs/ARCHITECTURE.md, "Excel stream order": a streamed sheet
// cannot be written into a second workbook), so a register looks the same
// in the pack as on its own.
func copySheet(src *excelize.File, from string, dst *excelize.File, to string) error {
	if _, err := dst.NewSheet(to); err != nil {
		return err
	}
	c := sheetCopy{src: src, dst: dst, from: from, to: to, styles: map[int]int{}}
	steps := []func() error{c.sheetProps, c.cells, c.columns, c.merges, c.panes, c.validations, c.page, c.names, c.dimension}
	for _, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("复制工作表“%s”：%w", from, err)
		}
	}
	return nil
}

type sheetCopy struct {
	src, dst *excelize.File
	from, to string
	styles   map[int]int // source style ID → destination style ID
	cols     int         // columns in use
	rows     int         // rows in use
}

func (c *sheetCopy) sheetProps() error {
	props, err := c.src.GetSheetProps(c.from)
	if err != nil {
		return err
	}
	return c.dst.SetSheetProps(c.to, &props)
}

// usedRange is the larger of the declared range and the rows really there
// (an older export declared A1 for a full sheet).
func (c *sheetCopy) usedRange() error {
	rows, err := c.src.GetRows(c.from)
	if err != nil {
		return err
	}
	c.rows = len(rows)
	for _, r := range rows {
		c.cols = max(c.cols, len(r))
	}
	if dim, err := c.src.GetSheetDimension(c.from); err == nil {
		if _, last, ok := strings.Cut(dim, ":"); ok {
			if col, row, err := excelize.CellNameToCoordinates(last); err == nil {
				c.cols, c.rows = max(c.cols, col), max(c.rows, row)
			}
		}
	}
	merges, err := c.src.GetMergeCells(c.from, true)
	if err != nil {
		return err
	}
	for _, m := range merges {
		if col, row, err := excelize.CellNameToCoordinates(m.GetEndAxis()); err == nil {
			c.cols, c.rows = max(c.cols, col), max(c.rows, row)
		}
	}
	return nil
}

func (c *sheetCopy) cells() error {
	if err := c.usedRange(); err != nil {
		return err
	}
	for row := 1; row <= c.rows; row++ {
		if h, err := c.src.GetRowHeight(c.from, row); err == nil && h > 0 {
			if err := c.dst.SetRowHeight(c.to, row, h); err != nil {
				return err
			}
		}
		for col := 1; col <= c.cols; col++ {
			if err := c.cell(cellName(col, row)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *sheetCopy) cell(name string) error {
	id, err := c.src.GetCellStyle(c.from, name)
	if err != nil {
		return err
	}
	if id != 0 {
		if id, err = c.style(id); err != nil {
			return err
		}
		if err := c.dst.SetCellStyle(c.to, name, name, id); err != nil {
			return err
		}
	}
	raw, err := c.src.GetCellValue(c.from, name, excelize.Options{RawCellValue: true})
	if err != nil || raw == "" {
		return err
	}
	kind, err := c.src.GetCellType(c.from, name)
	if err != nil {
		return err
	}
	switch kind {
	case excelize.CellTypeNumber, excelize.CellTypeUnset, excelize.CellTypeDate:
		if x, err := strconv.ParseFloat(raw, 64); err == nil {
			return c.dst.SetCellValue(c.to, name, x)
		}
	case excelize.CellTypeBool:
		return c.dst.SetCellBool(c.to, name, raw == "1" || strings.EqualFold(raw, "true"))
	}
	return c.dst.SetCellStr(c.to, name, raw)
}

func (c *sheetCopy) style(id int) (int, error) {
	if out, ok := c.styles[id]; ok {
		return out, nil
	}
	st, err := c.src.GetStyle(id)
	if err != nil {
		return 0, err
	}
	out, err := c.dst.NewStyle(st)
	c.styles[id] = out
	return out, err
}

func (c *sheetCopy) columns() error {
	for col := 1; col <= c.cols; col++ {
		name := colName(col)
		w, err := c.src.GetColWidth(c.from, name)
		if err != nil {
			return err
		}
		if err := c.dst.SetColWidth(c.to, name, name, w); err != nil {
			return err
		}
	}
	return nil
}

func (c *sheetCopy) merges() error {
	merges, err := c.src.GetMergeCells(c.from, true)
	if err != nil {
		return err
	}
	for _, m := range merges {
		if err := c.dst.MergeCell(c.to, m.GetStartAxis(), m.GetEndAxis()); err != nil {
			return err
		}
	}
	return nil
}

func (c *sheetCopy) panes() error {
	p, err := c.src.GetPanes(c.from)
	if err != nil || !p.Freeze {
		return err
	}
	return c.dst.SetPanes(c.to, &p)
}

func (c *sheetCopy) validations() error {
	dvs, err := c.src.GetDataValidations(c.from)
	if err != nil {
		return err
	}
	for _, dv := range dvs {
		if err := c.dst.AddDataValidation(c.to, dv); err != nil {
			return err
		}
	}
	return nil
}

func (c *sheetCopy) page() error {
	layout, err := c.src.GetPageLayout(c.from)
	if err != nil {
		return err
	}
	if err := c.dst.SetPageLayout(c.to, &layout); err != nil {
		return err
	}
	margins, err := c.src.GetPageMargins(c.from)
	if err != nil {
		return err
	}
	if err := c.dst.SetPageMargins(c.to, &margins); err != nil {
		return err
	}
	hf, err := c.src.GetHeaderFooter(c.from)
	if err != nil || hf == nil {
		return err
	}
	return c.dst.SetHeaderFooter(c.to, hf)
}

// names copies the sheet's print titles and print area, pointed at the copy.
func (c *sheetCopy) names() error {
	for _, n := range c.src.GetDefinedName() {
		if n.Scope != c.from {
			continue
		}
		n.Scope = c.to
		n.RefersTo = strings.ReplaceAll(n.RefersTo, quoteSheet(c.from), quoteSheet(c.to))
		if err := c.dst.SetDefinedName(&n); err != nil {
			return err
		}
	}
	return nil
}

func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// dimension declares the used range: excelize leaves a sheet written cell by
// cell at "A1", and readers that trust the declaration see one cell.
func (c *sheetCopy) dimension() error {
	return c.dst.SetSheetDimension(c.to, "A1:"+cellName(max(c.cols, 1), max(c.rows, 1)))
}
