package settings

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
)

// StartDailyBackup makes the day's automatic backup in the background when
// the window opens (data.DailyBackup decides whether one is due). Success
// is silent; a failure is shown, since the office must know its backups
// stopped (usually a full disk).
func StartDailyBackup(w fyne.Window, s *data.Store) {
	go func() {
		_, err := s.DailyBackup(time.Now())
		if err == nil {
			return
		}
		fyne.Do(func() {
			msg := widget.NewLabel(core.WrapMessage(err.Error() + "\n\n数据本身没有受影响。请处理后在“设置与数据 → 数据与备份”中点“立即备份”。"))
			dialog.NewCustom("自动备份没有完成", "知道了", msg, w).Show()
		})
	}()
}
