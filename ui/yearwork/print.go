package yearwork

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// The 一次性告知单 (templates the branch edits, printed as an A4 PNG filled
// from the branch information), the 工作流程图 and the certificates of a
// training.

// noticeColumns are the 告知单 list's columns (the templates are not an
// Excel register).
var noticeColumns = []reports.Column[data.NoticeTemplate]{
	{Header: "告知单", ScreenWidth: 360, Get: func(n *data.NoticeTemplate) any { return n.Title }},
	{Header: "内容", ScreenWidth: 480, Get: func(n *data.NoticeTemplate) any {
		return strings.ReplaceAll(n.Body, "\n", " ")
	}},
}

// notices are the stored templates, or the defaults while none is stored
// (what reports.WriteNotice prints).
func notices(s *data.Store) ([]data.NoticeTemplate, bool, error) {
	stored, err := data.Records[data.NoticeTemplate](s, "id", "")
	if err != nil || len(stored) > 0 {
		return stored, true, err
	}
	return append([]data.NoticeTemplate(nil), data.DefaultNotices...), false, nil
}

func (s *Screen) noticeList() fyne.CanvasObject {
	var rows []data.NoticeTemplate
	index := func(n *data.NoticeTemplate) uint {
		for i := range rows {
			if rows[i].Title == n.Title {
				return uint(i + 1)
			}
		}
		return 0
	}
	t := widgets.NewTable(widgets.TableConfig[data.NoticeTemplate]{Columns: noticeColumns, Numbered: true,
		ID: index, Prefs: "year.notices", OnOpen: func(n *data.NoticeTemplate) { s.editNotice(n) }})
	s.reloads = append(s.reloads, func() {
		var err error
		if rows, _, err = notices(s.app.Store); err != nil {
			s.app.ShowError("告知单无法读取", err)
		}
		t.SetRows(rows)
	})
	selected := func(f func(*data.NoticeTemplate)) func() {
		return func() {
			if n, ok := t.Selected(); ok {
				f(n)
				return
			}
			s.app.ShowInfo("请先选择一张告知单", "请先在表格中点选一张告知单。")
		}
	}
	buttons := container.NewHBox(
		widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), func() { s.editNotice(&data.NoticeTemplate{}) }),
		widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), selected(s.editNotice)),
		widget.NewButtonWithIcon("打印（保存为图片）…", theme.DocumentPrintIcon(), selected(s.printNotice)))
	fields := widgets.WrappedLabel("可用的填空：" + strings.Join(data.NoticeFields, " ") + "（打印时按支部信息填写）")
	return container.NewBorder(container.NewVBox(buttons, fields), nil, nil, nil, t.Widget())
}

// editNotice edits a template. The first change keeps the defaults: they
// are stored first, so editing one does not drop the other.
func (s *Screen) editNotice(n *data.NoticeTemplate) {
	title := widgets.NewFormEntry()
	title.SetText(n.Title)
	body := widgets.NewMultiLineFormEntry()
	body.SetMinRowsVisible(12)
	body.SetText(n.Body)
	titleField, bodyField := widgets.NewFormField("告知单标题", title), widgets.NewFormField("告知内容", body)
	msg := widgets.HiddenMessage(widget.DangerImportance)
	content := container.NewBorder(titleField.Row, msg, nil, nil, bodyField.Row)
	d := dialog.NewCustomWithoutButtons("一次性告知单", content, s.app.Window)
	trySave := func() bool {
		v, err := s.storedNotice(n)
		if err == nil {
			v.Title, v.Body = title.Text, body.Text
			err = data.SaveRecord(s.app.Store, &v)
		}
		if err != nil {
			msg.SetText(core.WrapMessage(err.Error()))
			msg.Show()
			return false
		}
		d.Hide()
		s.app.NotifyChanged()
		return true
	}
	unsaved := core.DialogForm("一次性告知单", d, content, nil, trySave)
	cancel := func() { s.app.AskLeave(unsaved) }
	save := widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), func() { trySave() })
	save.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), cancel), save})
	keys := widgets.FormKeys{Ctrl: map[fyne.KeyName]func(){fyne.KeyS: func() { trySave() }}, Escape: cancel}
	title.SetKeys(keys)
	body.SetKeys(keys)
	d.Resize(fyne.NewSize(720, 560))
	s.app.ShowForm(d, unsaved, nil)
}

// storedNotice is the stored row behind n: for a default template while
// none is stored, the defaults are saved first.
func (s *Screen) storedNotice(n *data.NoticeTemplate) (data.NoticeTemplate, error) {
	if n.ID != 0 || n.Title == "" {
		return *n, nil
	}
	_, stored, err := notices(s.app.Store)
	if err != nil || stored {
		return *n, err
	}
	if err := data.SaveRecords(s.app.Store, append([]data.NoticeTemplate(nil), data.DefaultNotices...)); err != nil {
		return *n, err
	}
	all, err := data.Records[data.NoticeTemplate](s.app.Store, "id", "title = ?", n.Title)
	if err != nil || len(all) == 0 {
		return *n, err
	}
	return all[0], nil
}

func (s *Screen) printNotice(n *data.NoticeTemplate) {
	s.app.ChooseFileToSave(core.SafeFileName(n.Title)+".png", ".png", func(path string) {
		if err := reports.WriteNotice(path, s.app.Store, n.Title); err != nil {
			s.app.ShowError("告知单未能保存", err)
			return
		}
		s.app.ShowSaved("告知单（A4图片，可直接打印）已保存到", path)
	})
}

// flowcharts are the two 工作流程图, drawn from the step data when printed.
func flowcharts(a *core.App) fyne.CanvasObject {
	box := container.NewVBox(widgets.WrappedLabel("流程图按程序里的步骤画出（步骤或细则版本变了，图也随之改变），每张一页A4，保存为图片后可直接打印或张贴。"))
	for _, kind := range []string{"development", "transfer"} {
		chart := reports.Flowcharts[kind]
		box.Add(widget.NewButtonWithIcon("打印"+chart.Title+"…", theme.DocumentPrintIcon(), func() {
			a.ChooseFileToSave(chart.Title+".png", ".png", func(path string) {
				if err := reports.WriteFlowchart(path, a.Store, kind); err != nil {
					a.ShowError("流程图未能保存", err)
					return
				}
				a.ShowSaved(chart.Title+"已保存到", path)
			})
		}))
		box.Add(widgets.QuietLabel(chart.Note))
	}
	return container.NewPadded(box)
}

// addCertificate attaches a certificate (a scan or photo) to a person's
// training.
func addCertificate(a *core.App, r *reports.TrainingRow) {
	a.ChooseFileToOpen("选择"+r.Attendance.Name+"的结业证书（扫描件或照片）", nil, func(path string) {
		if _, err := data.AddRecordAttachment[data.TrainingAttendance](a.Store, r.Attendance.ID, path, "结业证书"); err != nil {
			a.ShowError("证书未能添加", err)
			return
		}
		files, err := data.RecordAttachments[data.TrainingAttendance](a.Store, r.Attendance.ID)
		if err != nil {
			a.ShowError("证书已添加，但无法列出", err)
			return
		}
		a.ShowInfo("证书已添加", fmt.Sprintf("%s“%s”现有 %d 份附件。", r.Attendance.Name, r.Course.Name, len(files)))
	})
}
