package settings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/widgets"
)

// networkShare tells the kind of network share a data folder is on ("" for
// a local disk); inBackground runs the check off the UI goroutine. Tests
// replace both.
var (
	networkShare = data.NetworkShare
	inBackground = func(f func()) { go f() }
)

// WarnNetworkShare checks, once the window is up, whether the data folder
// dir lies on a network share (SMB, NFS …), where SQLite's locking and WAL
// are unreliable (data.NetworkShare), and then warns in a dialog over w:
// 仍然继续 goes on, 退出 calls quit. The check asks the file system, which a
// share that has gone away can keep waiting, so it runs off the UI goroutine.
func WarnNetworkShare(w fyne.Window, dir string, quit func()) {
	inBackground(func() {
		if kind := networkShare(dir); kind != "" {
			fyne.Do(func() { showNetworkShareWarning(w, kind, quit) })
		}
	})
}

// showNetworkShareWarning is the dialog of WarnNetworkShare.
func showNetworkShareWarning(w fyne.Window, kind string, quit func()) {
	text := widgets.WrappedLabel(data.NetworkShareWarning(kind) + "。\n\n仍然继续使用也可以，但请勿在两台电脑上同时打开这个数据文件夹，并经常备份。")
	d := dialog.NewCustomWithoutButtons("数据文件夹在网络共享上", text, w)
	exit := widget.NewButtonWithIcon("退出", theme.LogoutIcon(), quit)
	goOn := widget.NewButtonWithIcon("仍然继续", theme.ConfirmIcon(), d.Hide)
	goOn.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{exit, goOn})
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}
