package reports

import (
	"github.com/xuri/excelize/v2"

	"partyoffice/data"
)

// A workbook of several registers, one sheet each: the 发展党员计划名册 with its
// 汇总表. WriteRegister writes the common case of a single sheet.

// sheetWriter writes one sheet into a workbook being built.
type sheetWriter func(f *excelize.File) error

// registerSheet is a register written as a sheet of its own, named after
// the register.
func registerSheet[T any](reg *Register[T], doc Document, rows []T, progress func(done, total int)) sheetWriter {
	if doc.Mask {
		reg = reg.public()
	}
	return func(f *excelize.File) error {
		w, err := newDocWriter(f, reg, doc, rows)
		if err != nil {
			return err
		}
		return w.write(rows, progress)
	}
}

// writeWorkbook writes the sheets in order into a new workbook at path
// (.xlsx), atomically: a failed export leaves any earlier file untouched.
func writeWorkbook(path string, info fileInfo, sheets ...sheetWriter) error {
	if err := checkOutputPath(path); err != nil {
		return err
	}
	f := excelize.NewFile(excelize.Options{TmpDir: data.TempDir()})
	defer f.Close()
	for _, write := range sheets {
		if err := write(f); err != nil {
			return exportFailed(err)
		}
	}
	if err := setFileInfo(f, info); err != nil {
		return exportFailed(err)
	}
	return saveAtomically(f, path)
}

// defaultSheet is the sheet excelize.NewFile starts with.
const defaultSheet = "Sheet1"

// useSheet names the new workbook's empty first sheet, or adds a sheet when
// the first one already holds a register.
func useSheet(f *excelize.File, name string) error {
	if first := f.GetSheetName(0); first == defaultSheet && len(f.GetSheetList()) == 1 {
		return f.SetSheetName(first, name)
	}
	_, err := f.NewSheet(name)
	return err
}
