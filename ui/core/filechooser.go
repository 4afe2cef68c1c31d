package core

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// fileChooser is the app's own open/save dialog, used where the system has
// none we can call (Linux; see filedialog_native*.go). Fyne's own shows
// "Home" and "Computer" in English, titles a save "保存 文件", offers no 桌面,
// 文档, 下载 or U盘 and takes no typed path; this one is Chinese throughout.
type fileChooser struct {
	save    bool
	exts    []string // lower case with the dot; empty: any file
	dir     string
	path    *widget.Entry // the folder shown, or a path typed in
	name    *widget.Entry // save: the file name
	list    *widget.List
	entries []os.DirEntry
	chosen  string // open: the file tapped
	status  *widget.Label
	dlg     *dialog.CustomDialog
	then    func(path string)
	win     fyne.Window
}

// Shortcut is a place the chooser offers on its left.
type Shortcut struct {
	Name string
	Dir  string
}

// Shortcuts are 桌面, 文档, 下载, 个人文件夹 and the removable drives (U盘)
// plugged in now, those that exist.
func Shortcuts() []Shortcut {
	home, _ := os.UserHomeDir()
	var out []Shortcut
	add := func(name, dir string) {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			out = append(out, Shortcut{name, dir})
		}
	}
	if home != "" {
		add("桌面", filepath.Join(home, "Desktop"))
		add("桌面", filepath.Join(home, "桌面"))
		add("文档", filepath.Join(home, "Documents"))
		add("文档", filepath.Join(home, "文档"))
		add("下载", filepath.Join(home, "Downloads"))
		add("下载", filepath.Join(home, "下载"))
		add("个人文件夹", home)
	}
	for _, d := range removableDrives() {
		add("U盘 "+filepath.Base(d), d)
	}
	return out
}

// removableDrives are the mounted removable media: /media/<user>/* and
// /run/media/<user>/* on Linux, /Volumes/* on a Mac, D: to Z: on Windows
// (the native dialog is used there; this is the fallback's fallback).
func removableDrives() []string {
	var out []string
	switch runtime.GOOS {
	case "windows":
		for c := 'D'; c <= 'Z'; c++ {
			d := string(c) + `:\`
			if _, err := os.Stat(d); err == nil {
				out = append(out, d)
			}
		}
	case "darwin":
		out, _ = filepath.Glob("/Volumes/*")
	default:
		user := os.Getenv("USER")
		for _, pattern := range []string{"/media/" + user + "/*", "/run/media/" + user + "/*"} {
			m, _ := filepath.Glob(pattern)
			out = append(out, m...)
		}
	}
	return out
}

// showFileChooser opens the chooser; then gets the chosen path.
func showFileChooser(win fyne.Window, save bool, title, suggested string, exts []string, start string, then func(string)) *fileChooser {
	f := &fileChooser{save: save, then: then, win: win}
	for _, e := range exts {
		f.exts = append(f.exts, strings.ToLower(e))
	}
	f.path = widget.NewEntry()
	f.path.OnSubmitted = f.typedPath
	up := widget.NewButtonWithIcon("上级", theme.MoveUpIcon(), func() { f.open(filepath.Dir(f.dir)) })
	goTo := widget.NewButton("转到", func() { f.typedPath(f.path.Text) })
	top := container.NewBorder(nil, nil, widget.NewLabel("位置"), container.NewHBox(goTo, up), f.path)

	places := container.NewVBox(widget.NewLabelWithStyle("常用位置", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, s := range Shortcuts() {
		dir := s.Dir
		icon := theme.FolderIcon()
		if strings.HasPrefix(s.Name, "U盘") {
			icon = theme.StorageIcon()
		}
		b := widget.NewButtonWithIcon(s.Name, icon, func() { f.open(dir) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		places.Add(b)
	}

	f.list = widget.NewList(func() int { return len(f.entries) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.FolderIcon()), widget.NewLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			e := f.entries[id]
			icon := theme.FileIcon()
			if e.IsDir() {
				icon = theme.FolderIcon()
			}
			row.Objects[0].(*widget.Icon).SetResource(icon)
			row.Objects[1].(*widget.Label).SetText(e.Name())
		})
	f.list.OnSelected = f.picked

	f.status = widget.NewLabel("")
	f.status.Importance = widget.DangerImportance
	bottom := container.NewVBox(f.status)
	if save {
		f.name = widget.NewEntry()
		f.name.SetText(suggested)
		f.name.OnSubmitted = func(string) { f.confirm() }
		bottom.Objects = append([]fyne.CanvasObject{container.NewBorder(nil, nil, widget.NewLabel("文件名"), nil, f.name)}, bottom.Objects...)
	}
	placesScroll := container.NewVScroll(places)
	placesScroll.SetMinSize(fyne.NewSize(170, 0))
	body := container.NewBorder(top, bottom, container.NewHBox(placesScroll, widget.NewSeparator()), nil, f.list)

	if title == "" {
		title = "打开文件"
		if save {
			title = "保存文件"
		}
	}
	f.dlg = dialog.NewCustomWithoutButtons(title, body, win)
	label, icon := "打开", theme.FolderOpenIcon()
	if save {
		label, icon = "保存", theme.DocumentSaveIcon()
	}
	ok := widget.NewButtonWithIcon(label, icon, f.confirm)
	ok.Importance = widget.HighImportance
	f.dlg.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), f.dlg.Hide), ok})
	f.dlg.Resize(fileDialogSize)
	if start == "" {
		if s := Shortcuts(); len(s) > 0 {
			start = s[0].Dir
		}
	}
	f.open(start)
	f.dlg.Show()
	return f
}

var chooserCollator = collate.New(language.SimplifiedChinese)

// open shows folder dir: its folders, then the files of the wanted types
// (and, for an import, the old types it will explain), in pinyin order.
func (f *fileChooser) open(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		f.status.SetText("无法打开这个文件夹：" + dir)
		return
	}
	f.dir, f.chosen = dir, ""
	f.path.SetText(dir)
	f.status.SetText("")
	var dirs, files []os.DirEntry
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		switch {
		case e.IsDir():
			dirs = append(dirs, e)
		case f.wanted(e.Name()):
			files = append(files, e)
		}
	}
	byName := func(a, b os.DirEntry) int { return chooserCollator.CompareString(a.Name(), b.Name()) }
	slices.SortFunc(dirs, byName)
	slices.SortFunc(files, byName)
	f.entries = append(dirs, files...)
	f.list.UnselectAll()
	f.list.Refresh()
	f.list.ScrollToTop()
}

// wanted tells whether a file is listed: one of the types asked for.
func (f *fileChooser) wanted(name string) bool {
	if len(f.exts) == 0 {
		return true
	}
	return slices.Contains(f.exts, strings.ToLower(filepath.Ext(name)))
}

func (f *fileChooser) picked(id widget.ListItemID) {
	if id < 0 || id >= len(f.entries) {
		return
	}
	e := f.entries[id]
	p := filepath.Join(f.dir, e.Name())
	if e.IsDir() {
		f.open(p)
		return
	}
	if f.save {
		f.name.SetText(e.Name())
		return
	}
	f.chosen = p
}

// typedPath goes to a typed folder, or takes a typed file.
func (f *fileChooser) typedPath(p string) {
	p = strings.TrimSpace(p)
	st, err := os.Stat(p)
	switch {
	case err == nil && st.IsDir():
		f.open(p)
	case err == nil && !f.save:
		f.chosen = p
		f.confirm()
	case f.save && p != "":
		if dst, err := os.Stat(filepath.Dir(p)); err == nil && dst.IsDir() {
			f.open(filepath.Dir(p))
			f.name.SetText(filepath.Base(p))
			return
		}
		f.status.SetText("没有这个文件夹：" + filepath.Dir(p))
	default:
		f.status.SetText("没有找到：" + p)
	}
}

// errNoFile is the chooser's own "nothing chosen yet".
var errNoFile = errors.New("no file")

// result is the path chosen, or errNoFile with what to say.
func (f *fileChooser) result() (string, error) {
	if !f.save {
		if f.chosen == "" {
			return "", errNoFile
		}
		return f.chosen, nil
	}
	name := strings.TrimSpace(f.name.Text)
	if name == "" || SafeFileName(name) != name {
		return "", errNoFile
	}
	return filepath.Join(f.dir, name), nil
}

func (f *fileChooser) confirm() {
	p, err := f.result()
	if err != nil {
		if f.save {
			f.status.SetText("请填写文件名（不能含 \\ / : * ? \" < > |）")
		} else {
			f.status.SetText("请先在列表中点选一个文件")
		}
		return
	}
	if f.save {
		if _, err := os.Stat(p); err == nil {
			dialog.ShowCustomConfirm("替换文件", "替换", "取消",
				widget.NewLabel("已有同名文件“"+filepath.Base(p)+"”，要替换它吗？"), func(yes bool) {
					if yes {
						f.done(p)
					}
				}, f.win)
			return
		}
	}
	f.done(p)
}

func (f *fileChooser) done(p string) {
	f.dlg.Hide()
	f.then(p)
}
