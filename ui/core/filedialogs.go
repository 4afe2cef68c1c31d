package core

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SafeFileName drops the characters Windows does not allow in file names.
func SafeFileName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || r < ' ' {
			return -1
		}
		return r
	}, s)
}

// PrefLastFolder remembers where the user last opened or saved a file, so the
// next file dialog starts there instead of in the program's folder.
const PrefLastFolder = "lastFolder"

// LastFolder is the remembered folder, or nil when there is none (or it has gone).
func LastFolder() fyne.ListableURI {
	dir := fyne.CurrentApp().Preferences().String(PrefLastFolder)
	if dir == "" {
		return nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}

func RememberFolder(file string) {
	fyne.CurrentApp().Preferences().SetString(PrefLastFolder, filepath.Dir(file))
}

// fileDialogSize gives the file chooser room for long Chinese file names.
var fileDialogSize = fyne.NewSize(900, 600)

// fileTypeName names a filter's file types as the system dialog lists them.
func fileTypeName(exts []string) string {
	if len(exts) == 1 && strings.EqualFold(exts[0], ".xlsx") {
		return "Excel 工作簿 (*.xlsx)"
	}
	return "文件 (*" + strings.Join(exts, ";*") + ")"
}

// lastFolderPath is the remembered folder as a path, "" when there is none.
func lastFolderPath() string {
	if l := LastFolder(); l != nil {
		return l.Path()
	}
	return ""
}

// ChooseFileToOpen asks for a file ending in one of exts (".xlsx"),
// starting in the last folder used: the system's dialog on Windows and macOS,
// the app's own Chinese chooser elsewhere. Cancelling does nothing.
func (a *App) ChooseFileToOpen(title string, exts []string, then func(path string)) {
	got := func(path string) {
		RememberFolder(path)
		then(path)
	}
	if nativeFileDialog(a.Window, false, title, "", exts, lastFolderPath(), got) {
		return
	}
	showFileChooser(a.Window, false, title, "", exts, lastFolderPath(), got)
}

// ChooseFileToSave asks where to save, suggesting a file name; the
// extension ext (".xlsx") is added when the user typed a name without it.
func (a *App) ChooseFileToSave(suggested, ext string, then func(path string)) {
	var exts []string
	if ext != "" {
		exts = []string{ext}
	}
	got := func(path string) {
		path = AddMissingExtension(path, ext)
		RememberFolder(path)
		then(path)
	}
	if nativeFileDialog(a.Window, true, "保存文件", suggested, exts, lastFolderPath(), got) {
		return
	}
	showFileChooser(a.Window, true, "保存文件", suggested, exts, lastFolderPath(), got)
}

// AddMissingExtension adds ext to a name typed without it. A save dialog may
// have created the file it was given; an empty one left under the name
// without the extension is removed.
func AddMissingExtension(chosen, ext string) string {
	if ext == "" || strings.EqualFold(filepath.Ext(chosen), ext) {
		return chosen
	}
	if st, err := os.Stat(chosen); err == nil && st.Size() == 0 {
		os.Remove(chosen)
	}
	return chosen + ext
}

// ShowSaved tells where a file went ("党员名册已导出到：…"), with a button
// that opens its folder.
func (a *App) ShowSaved(what, path string) {
	msg := widget.NewLabel(what + "：\n" + WrapMessage(path))
	d := dialog.NewCustomWithoutButtons("完成", msg, a.Window)
	open := widget.NewButtonWithIcon("打开所在文件夹", theme.FolderOpenIcon(), func() {
		d.Hide()
		OpenFolder(a, filepath.Dir(path))
	})
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("关闭", d.Hide), open})
	d.Show()
}

// OpenFolder shows a folder in the system's file manager.
func OpenFolder(a *App, dir string) {
	u, err := url.Parse(storage.NewFileURI(dir).String())
	if err == nil {
		err = fyne.CurrentApp().OpenURL(u)
	}
	if err != nil {
		a.ShowError("无法打开文件夹", fmt.Errorf("请在“此电脑”或文件管理器中打开：%s", dir))
	}
}

// FileURL is the file:// URL of a local path; Windows paths (C:\…) need a
// leading slash to become file:///C:/….
func FileURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return &url.URL{Scheme: "file", Path: p}
}

// FileSize is a file size as the office reads it: KB below a megabyte.
func FileSize(n int64) string {
	const kb, mb = 1024, 1024 * 1024
	if n < mb {
		return fmt.Sprintf("%d KB", (n+kb-1)/kb)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/mb)
}

// OldSpreadsheetAnswer is what an import says to an old Excel (.xls) or WPS
// (.et) file: the app reads only .xlsx, and listing the old files with this
// answer beats hiding them (the user thinks the file is gone).
const OldSpreadsheetAnswer = "请在 Excel/WPS 中另存为 .xlsx 后再导入"

// importExts are the files an import dialog lists: .xlsx, and the old kinds
// it answers with OldSpreadsheetAnswer.
var importExts = []string{".xlsx", ".xls", ".et"}

// IsOldSpreadsheet tells whether path is an .xls or .et file.
func IsOldSpreadsheet(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".xls" || ext == ".et"
}

// ChooseWorkbookToImport asks for the workbook to import; an .xls or .et
// file chosen is answered with OldSpreadsheetAnswer instead of silence.
func (a *App) ChooseWorkbookToImport(title string, then func(path string)) {
	a.ChooseFileToOpen(title, importExts, func(path string) {
		if IsOldSpreadsheet(path) {
			a.ShowInfo("需要 .xlsx 格式", "“"+filepath.Base(path)+"”是旧版 Excel 或 WPS 表格格式。"+OldSpreadsheetAnswer+"。")
			return
		}
		then(path)
	})
}
