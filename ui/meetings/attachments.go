package meetings

import (
	"errors"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// attachmentList is the files kept with the minutes: added once the sitting
// is saved (they hang on its ID), opened after checking their checksum.
type attachmentList struct {
	f       *meetingForm
	rows    *fyne.Container
	Content fyne.CanvasObject
}

func newAttachmentList(f *meetingForm) *attachmentList {
	l := &attachmentList{f: f, rows: container.NewVBox()}
	add := widget.NewButtonWithIcon("添加附件…", theme.FileIcon(), l.add)
	l.Content = container.NewVBox(widgets.SectionHeading("附件（现场照片、签到表、会议材料）", add), l.rows)
	l.rebuild()
	return l
}

func (l *attachmentList) rebuild() {
	l.rows.Objects = nil
	for _, att := range l.f.m.Attachments {
		l.rows.Add(l.Row(att))
	}
	switch {
	case len(l.f.m.Attachments) > 0:
	case l.f.m.ID == 0:
		l.rows.Add(widgets.QuietLabel("会议记录保存后即可添加附件（点“添加附件…”会先保存）。"))
	default:
		l.rows.Add(widgets.QuietLabel("还没有附件。"))
	}
	l.rows.Refresh()
}

func (l *attachmentList) Row(att data.MeetingAttachment) fyne.CanvasObject {
	open := widget.NewButtonWithIcon("打开", theme.FolderOpenIcon(), func() { l.open(att) })
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() { l.delete(att) })
	text := fmt.Sprintf("%s　%s　%s", att.Kind, att.Name, core.FileSize(att.Size))
	return container.NewBorder(nil, nil, nil, container.NewHBox(open, del), widgets.TruncatedLabel(text))
}

// add asks for a file; a new sitting is saved first, with the user's consent.
func (l *attachmentList) add() {
	if l.f.m.ID != 0 {
		l.choose()
		return
	}
	confirmAction(l.f.a, "先保存会议记录", "添加附件前需要先保存会议记录。现在保存吗？", "保存", func() {
		if outcomes, ok := l.f.store(); ok {
			l.choose()
			l.f.showOutcomes(outcomes)
		}
	})
}

func (l *attachmentList) choose() {
	a := l.f.a
	a.ChooseFileToOpen("选择要添加的附件（照片、签到表扫描件、PDF 等）", nil, func(path string) {
		att, err := a.Store.AddMeetingAttachment(l.f.m.ID, path, "", "")
		if err != nil {
			a.ShowError("附件没有添加", err)
			return
		}
		l.f.m.Attachments = append(l.f.m.Attachments, att)
		l.rebuild()
		a.NotifyChanged()
	})
}

// open shows the file with the program the computer uses for it, after
// checking it is the file that was added.
func (l *attachmentList) open(att data.MeetingAttachment) {
	a := l.f.a
	show := func() {
		if err := fyne.CurrentApp().OpenURL(core.FileURL(a.Store.AttachmentPath(att))); err != nil {
			a.ShowError("无法打开附件", fmt.Errorf("请在数据文件夹中手动打开：%s", a.Store.AttachmentPath(att)))
		}
	}
	err := a.Store.VerifyAttachment(att)
	switch {
	case errors.Is(err, data.ErrAttachmentChanged):
		confirmAction(a, "附件已被改动", err.Error()+"\n\n仍要打开吗？", "仍然打开", show)
	case err != nil:
		a.ShowError("无法打开附件", err)
	default:
		show()
	}
}

func (l *attachmentList) delete(att data.MeetingAttachment) {
	a := l.f.a
	confirmAction(a, "删除附件", fmt.Sprintf("将附件“%s”移入回收站？", att.Name), "删除", func() {
		if err := a.Store.DeleteMeetingAttachment(att.ID); err != nil {
			a.ShowError("未能删除附件", err)
			return
		}
		l.f.m.Attachments = slices.DeleteFunc(l.f.m.Attachments, func(x data.MeetingAttachment) bool { return x.ID == att.ID })
		l.rebuild()
		a.NotifyChanged()
	})
}
