package meetings

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/ui/widgets"
)

// speechList is the 发言记录: one row per speaker, in order.
type speechList struct {
	f       *meetingForm
	rows    *fyne.Container
	Content fyne.CanvasObject
}

func newSpeechList(f *meetingForm) *speechList {
	l := &speechList{f: f, rows: container.NewVBox()}
	add := widget.NewButtonWithIcon("添加发言", theme.ContentAddIcon(), l.add)
	l.Content = container.NewVBox(widgets.SectionHeading("发言记录", add), l.rows)
	l.rebuild()
	return l
}

func (l *speechList) rebuild() {
	l.rows.Objects = nil
	for i := range l.f.m.Speeches {
		l.rows.Add(l.Row(i))
	}
	if len(l.f.m.Speeches) == 0 {
		l.rows.Add(widgets.QuietLabel("点“添加发言”逐人记录发言要点。"))
	}
	l.rows.Refresh()
}

func (l *speechList) Row(i int) fyne.CanvasObject {
	sp := &l.f.m.Speeches[i]
	speaker := l.f.person(&sp.Speaker, l.speakerNames())
	speaker.SetPlaceHolder("发言人")
	content := l.f.multiLine(&sp.Content, "发言内容")
	l.f.limit(content, data.FieldSpeech)
	content.SetMinRowsVisible(2)
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		l.f.m.Speeches = slices.Delete(l.f.m.Speeches, i, i+1)
		l.rebuild()
	})
	del.Importance = widget.LowImportance
	left := container.NewVBox(widgets.Sized(widgets.LabelWidth, widget.NewLabel(fmt.Sprintf("第%d位发言", i+1))), widgets.Sized(widgets.LabelWidth, speaker))
	return container.NewBorder(nil, nil, left, del, content)
}

// speakerNames offers those in the room first, then the rest of the register.
func (l *speechList) speakerNames() []string {
	var names []string
	for _, a := range l.f.m.Attendance {
		if a.Status.Attended() {
			names = append(names, a.Name)
		}
	}
	for _, n := range l.f.registerNames() {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return names
}

func (l *speechList) add() {
	l.f.m.Speeches = append(l.f.m.Speeches, data.MeetingSpeech{})
	l.rebuild()
}
