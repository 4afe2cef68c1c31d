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

// attachment is a file kept with a record: a training's certificate, a
// task's evidence (data.AddRecordAttachment, content-addressed in the data
// folder).
type attachment struct {
	what string // 结业证书, 佐证材料
	add  func(s *data.Store, id uint, path, note string) (data.RecordAttachment, error)
	list func(s *data.Store, id uint) ([]data.RecordAttachment, error)
}

// attach asks for a file and keeps it with the record id (named whose).
func (k attachment) attach(a *core.App, id uint, whose string) {
	a.ChooseFileToOpen("选择"+whose+"的"+k.what+"（扫描件、照片或文档）", nil, func(path string) {
		if _, err := k.add(a.Store, id, path, k.what); err != nil {
			a.ShowError(k.what+"未能添加", err)
			return
		}
		files, err := k.list(a.Store, id)
		if err != nil {
			a.ShowError(k.what+"已添加，但无法列出", err)
			return
		}
		names := make([]string, len(files))
		for i, f := range files {
			names[i] = f.Name
		}
		a.ShowInfo(k.what+"已添加", fmt.Sprintf("%s现有 %d 份附件：%s", whose, len(files), strings.Join(names, "、")))
	})
}

var certificate = attachment{"结业证书", data.AddRecordAttachment[data.TrainingAttendance], data.RecordAttachments[data.TrainingAttendance]}

var evidence = attachment{"佐证材料", data.AddRecordAttachment[data.DutyTask], data.RecordAttachments[data.DutyTask]}

func addCertificate(a *core.App, r *reports.TrainingRow) {
	certificate.attach(a, r.Attendance.ID, r.Attendance.Name+"“"+r.Course.Name+"”")
}

func addEvidence(a *core.App, t *data.DutyTask) { evidence.attach(a, t.ID, "“"+t.Task+"”") }
