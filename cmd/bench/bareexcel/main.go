// Command bareexcel is the baseline of the Excel measures of `make bench`:
// what excelize alone costs for the same cells, with no styles, widths,
// checks or store.
//
//	bareexcel read FILE       open FILE and read every cell of its first sheet with Rows
//	bareexcel write SRC DST   write the cells of SRC's first sheet to DST with a StreamWriter
//
// Each prints the CPU seconds of the measured part only (for write: not the
// reading of SRC), so the ratio to an end-to-end partyoffice command is a
// strict one.
package main

import (
	"fmt"
	"os"
	"syscall"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	var err error
	switch {
	case len(os.Args) == 3 && os.Args[1] == "read":
		err = timed(func() error { _, err := readCells(os.Args[2]); return err })
	case len(os.Args) == 4 && os.Args[1] == "write":
		var rows [][]string
		if rows, err = readCells(os.Args[2]); err == nil {
			err = timed(func() error { return writeCells(os.Args[3], rows) })
		}
	default:
		err = fmt.Errorf("usage: bareexcel read FILE | bareexcel write SRC DST")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// timed prints the CPU seconds (user+system) fn took: see cmd/bench/benchrun
// for why CPU time rather than the wall clock.
func timed(fn func() error) error {
	start := cpuTime()
	if err := fn(); err != nil {
		return err
	}
	fmt.Printf("%.4f\n", (cpuTime() - start).Seconds())
	return nil
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func readCells(path string) ([][]string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := f.Rows(f.GetSheetName(0))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		cols, err := rows.Columns()
		if err != nil {
			return nil, err
		}
		out = append(out, cols)
	}
	return out, rows.Error()
}

func writeCells(path string, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	for r, cols := range rows {
		cells := make([]any, len(cols))
		for i, c := range cols {
			cells[i] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}
