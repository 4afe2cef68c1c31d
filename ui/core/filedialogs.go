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

// fileDialogSize gives Fyne's file dialogs room for long Chinese file names.
var fileDialogSize = fyne.NewSize(900, 600)

// ChooseFileToOpen shows Fyne's open dialog for files ending in one of exts
// (".xlsx"), starting in the last folder used; then gets the chosen path.
// Cancelling does nothing.
func (a *App) ChooseFileToOpen(title string, exts []string, then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			a.ShowError("无法打开文件", err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		RememberFolder(path)
		then(path)
	}, a.Window)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	if dir := LastFolder(); dir != nil {
		d.SetLocation(dir)
	}
	d.SetTitleText(title)
	d.Resize(fileDialogSize)
	d.Show()
}

// ChooseFileToSave shows Fyne's save dialog with a suggested file name; the
// extension ext (".xlsx") is added when the user typed a name without it.
func (a *App) ChooseFileToSave(suggested, ext string, then func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			a.ShowError("无法保存文件", err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		path = AddMissingExtension(path, ext)
		RememberFolder(path)
		then(path)
	}, a.Window)
	d.SetFileName(suggested)
	if ext != "" {
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	}
	if dir := LastFolder(); dir != nil {
		d.SetLocation(dir)
	}
	d.Resize(fileDialogSize)
	d.Show()
}

// AddMissingExtension adds ext to a name typed without it. Fyne's save dialog has
// already created the file it was given; an empty one left under the name
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
