package reports

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// RejectedReasonHeader heads the column that says why a row was refused.
const RejectedReasonHeader = "错误原因"

// rejectedSheet names the one sheet of a rejected-rows workbook.
const rejectedSheet = "有错误的行"

// WriteRejectedRows saves the rows an import refused, to fix and import
// again: the sheet's header row and each refused row exactly as written in
// the source workbook (sheet of src), plus a 错误原因 column with every
// problem of the row. The importer ignores that extra column, so the fixed
// file imports as it is. issues are the rows' errors (RowIssue.Row as Excel
// numbers rows); rows not read again from src (gone since) are skipped.
func WriteRejectedRows(src, sheet string, headerRow int, issues []RowIssue, dst string) error {
	in, err := openWorkbook(src)
	if err != nil {
		return err
	}
	defer in.Close()
	rows, err := in.GetRows(sheet)
	if err != nil {
		return fmt.Errorf("读取工作表“%s”失败：%w", sheet, err)
	}
	reasons := map[int][]string{}
	var order []int
	for _, is := range issues {
		if is.Row <= headerRow || is.Row > len(rows) {
			continue
		}
		if _, seen := reasons[is.Row]; !seen {
			order = append(order, is.Row)
		}
		msg := is.Message
		if is.Column != "" {
			msg = is.Column + "：" + msg
		}
		reasons[is.Row] = append(reasons[is.Row], msg)
	}
	slices.Sort(order)
	if len(order) == 0 {
		return fmt.Errorf("没有有错误的行可以保存")
	}

	var header []string
	if headerRow >= 1 && headerRow <= len(rows) {
		header = rows[headerRow-1]
	}
	width := len(header)
	for _, r := range order {
		width = max(width, len(rows[r-1]))
	}
	out := excelize.NewFile()
	defer out.Close()
	if err := out.SetSheetName("Sheet1", rejectedSheet); err != nil {
		return err
	}
	put := func(rowNum int, cells []string, reason string) error {
		values := make([]any, width+1)
		for i := range width {
			if i < len(cells) {
				values[i] = cells[i]
			} else {
				values[i] = ""
			}
		}
		values[width] = reason
		cell, _ := excelize.CoordinatesToCellName(1, rowNum)
		return out.SetSheetRow(rejectedSheet, cell, &values)
	}
	if err := put(1, header, RejectedReasonHeader); err != nil {
		return err
	}
	for i, r := range order {
		if err := put(i+2, rows[r-1], strings.Join(reasons[r], "；")); err != nil {
			return err
		}
	}
	if err := styleRejected(out, width); err != nil {
		return err
	}
	return saveAtomically(out, dst)
}

// styleRejected: a bold header, text cells (ID numbers keep their digits)
// and a wide 错误原因 column in red.
func styleRejected(f *excelize.File, width int) error {
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	red, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "B71C1C"},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(width + 1)
	if err := f.SetColStyle(rejectedSheet, last, red); err != nil {
		return err
	}
	if err := f.SetColWidth(rejectedSheet, last, last, 60); err != nil {
		return err
	}
	if width > 0 {
		lastData, _ := excelize.ColumnNumberToName(width)
		if err := f.SetColWidth(rejectedSheet, "A", lastData, 14); err != nil {
			return err
		}
	}
	return f.SetRowStyle(rejectedSheet, 1, 1, bold)
}
