package meetings

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// showMeetingBin lists the deleted sittings with 恢复 and 彻底删除.
func showMeetingBin(a *core.App) {
	list := container.NewVBox()
	d := dialog.NewCustom("会议记录回收站", "关闭", container.NewVScroll(list), a.Window)
	var fill func()
	fill = func() {
		gone, err := a.Store.DeletedMeetings()
		if err != nil {
			a.ShowError("无法读取回收站", err)
			return
		}
		list.Objects = nil
		if len(gone) == 0 {
			list.Add(widgets.QuietLabel("回收站是空的。"))
		}
		for _, m := range gone {
			list.Add(meetingBinRow(a, m, fill))
		}
		list.Refresh()
	}
	fill()
	d.Resize(fyne.NewSize(720, 460))
	d.Show()
}

func meetingBinRow(a *core.App, m data.Meeting, changed func()) fyne.CanvasObject {
	restore := widget.NewButton("恢复", func() {
		if err := a.Store.RestoreMeeting(m.ID); err != nil {
			a.ShowError("未能恢复", err)
			return
		}
		a.NotifyChanged()
		changed()
	})
	purge := widget.NewButton("彻底删除", func() {
		confirmAction(a, "彻底删除", fmt.Sprintf("彻底删除“%s”及其考勤、发言、表决和附件？\n"+
			"操作日志中这次会议的内容（出席和请假的人员、事由、发言、附件名称等）也会抹去，只保留何时、何人做了哪类操作；"+
			"以后的备份和移交包中也不再有。\n删除后无法恢复。", m.DisplayTitle()), "彻底删除",
			func() {
				if err := a.Store.PurgeMeeting(m.ID); err != nil {
					a.ShowError("未能彻底删除", err)
					return
				}
				a.NotifyChanged()
				changed()
			})
	})
	purge.Importance = widget.DangerImportance
	return container.NewBorder(nil, nil, nil, container.NewHBox(restore, purge), widgets.TruncatedLabel(m.DisplayTitle()))
}
