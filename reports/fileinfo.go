package reports

import (
	"time"

	"github.com/xuri/excelize/v2"

	"partyoffice/data"
)

// The file properties a workbook carries (文件 → 属性 in WPS/Excel, and the
// columns a district's file list shows): who made it, what it is, when, and
// with which program — instead of the library's defaults (author "xuri",
// dated 2006).

// fileInfo is what the properties say.
type fileInfo struct {
	Title  string    // the report's name as printed in its title
	Author string    // the branch that made it
	Made   time.Time // created and modified
}

// storeNow is the time a workbook is made: the store's day (Store.Today,
// fixed in tests and demos) at the computer's time of day.
func storeNow(store *data.Store) time.Time {
	now := time.Now()
	d := store.Today()
	return time.Date(d.Year, time.Month(max(d.Month, 1)), max(d.Day, 1), now.Hour(), now.Minute(), now.Second(), 0, time.Local)
}

// AppName is the program's name in the file properties.
const AppName = "党支部工作台"

// setFileInfo writes the properties into the workbook.
func setFileInfo(f *excelize.File, info fileInfo) error {
	made := info.Made
	if made.IsZero() {
		made = time.Now()
	}
	stamp := made.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: info.Title, Subject: info.Title, Creator: info.Author, LastModifiedBy: info.Author,
		Created: stamp, Modified: stamp, Language: "zh-CN",
		Description: "由" + AppName + " " + data.AppVersion + "导出",
	}); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: AppName + " " + data.AppVersion, Company: info.Author})
}
