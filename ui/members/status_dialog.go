package members

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// statusDialog records one dated change of a person's status: 转出, 出党, 转正, 延长预备期 …
// It asks for exactly the fields the kind's data.EventSpec names.
type statusDialog struct {
	a       *core.App
	p       data.Person
	allowed []data.EventSpec
	spec    *data.EventSpec
	keys    widgets.FormKeys

	kind     *widget.Select
	date     *widgets.DateField
	dest     *widgets.FormEntry
	end      *widgets.DateField
	exitKind *widget.Select
	note     *widgets.FormEntry
	explain  *widget.Label
	Message  *widget.Label

	destRow, endRow, exitRow *widgets.FormField
	refused                  *widget.Accordion // the kinds not allowed now, with the reasons
	dlg                      *dialog.CustomDialog
	unsaved                  *core.Unsaved
}

// ShowStatusChange opens the status change dialog for p.
func ShowStatusChange(a *core.App, p data.Person) {
	d, err := newStatusDialog(a, p)
	if err != nil {
		a.ShowError("无法办理状态变更", err)
		return
	}
	a.ShowForm(d.dlg, d.unsaved, nil)
}

func newStatusDialog(a *core.App, p data.Person) (*statusDialog, error) {
	d := &statusDialog{a: a, p: p}
	d.keys = widgets.FormKeys{Ctrl: map[fyne.KeyName]func(){fyne.KeyS: d.trySubmit}, Escape: d.cancel}
	var refused []string
	for _, s := range data.EventSpecs {
		if err := s.Allowed(&p); err != nil {
			refused = append(refused, fmt.Sprintf("· %s：%s", s.Kind, err))
			continue
		}
		d.allowed = append(d.allowed, s)
	}
	history, err := statusHistory(a, p.ID)
	if err != nil {
		return nil, err
	}

	var kinds []string
	for _, s := range d.allowed {
		kinds = append(kinds, string(s.Kind))
	}
	d.kind = widget.NewSelect(kinds, d.kindChosen)
	d.kind.PlaceHolder = "（请选择变更类型）"
	d.date = widgets.NewDateField(a)
	d.date.SetKeys(d.keys)
	d.dest = widgets.NewFormEntry()
	d.dest.SetKeys(d.keys)
	d.end = widgets.NewDateField(a)
	d.end.SetKeys(d.keys)
	d.exitKind = widget.NewSelect(data.ExitKinds, nil)
	d.note = widgets.NewFormEntry()
	d.note.SetKeys(d.keys)
	d.note.SetPlaceHolder("如：支部大会决议、上级批复文号")
	d.explain = widget.NewLabel("")
	d.explain.Wrapping = fyne.TextWrapWord
	d.Message = widgets.HiddenMessage(widget.DangerImportance)

	d.destRow = widgets.NewFormField("去向", d.dest)
	d.endRow = widgets.NewFormField("截止日期", d.end)
	d.exitRow = widgets.NewFormField("出党方式", d.exitKind)
	rows := container.NewVBox(
		widgets.NewFormField("变更类型", d.kind).Row,
		widgets.NewFormField("日期", d.date).Row,
		d.destRow.Row, d.endRow.Row, d.exitRow.Row,
		widgets.NewFormField("备注", d.note).Row,
		d.explain,
	)
	d.showRows()
	parts := []fyne.CanvasObject{rows}
	if len(refused) > 0 {
		l := widget.NewLabel(strings.Join(refused, "\n"))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.LowImportance
		d.refused = widget.NewAccordion(
			widget.NewAccordionItem(fmt.Sprintf("其他 %d 种变更目前不能办理（点此看原因）", len(refused)), l))
		parts = append(parts, d.refused)
	}
	parts = append(parts, widgets.Heading("状态变更记录"), history)

	top := widget.NewLabelWithStyle(personSummary(p), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	content := container.NewBorder(top, d.Message, nil, nil, widgets.FormScroll(container.NewVBox(parts...)))
	d.dlg = dialog.NewCustomWithoutButtons("状态变更："+p.Name, content, a.Window)
	ok := widget.NewButtonWithIcon("确认办理", theme.ConfirmIcon(), d.trySubmit)
	ok.Importance = widget.HighImportance
	d.unsaved = core.DialogForm("状态变更", d.dlg, content, nil, func() bool { return d.submit() == nil })
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("取消", theme.CancelIcon(), d.cancel), ok})
	d.dlg.Resize(fyne.NewSize(660, 600))
	return d, nil
}

// personSummary is the one line that says who the dialog is about.
func personSummary(p data.Person) string {
	parts := []string{p.Name, string(p.Stage), string(p.Roll)}
	if p.Standing == data.StandingSuspended {
		parts = append(parts, string(p.Standing))
	}
	if !p.JoinDate.IsZero() {
		parts = append(parts, "入党 "+p.JoinDate.String())
	}
	return strings.Join(parts, "　")
}

// kindChosen shows the fields the kind needs and fills the dates the rules fix.
func (d *statusDialog) kindChosen(kind string) {
	d.spec = data.SpecFor(data.EventKind(kind))
	d.Message.Hide()
	d.showRows()
	if d.spec == nil {
		return
	}
	d.date.SetDate(d.a.Today())
	d.explain.SetText("")
	switch d.spec.Kind {
	case data.EventConfirm:
		d.explain.SetText(d.confirmExplanation())
	case data.EventExtend:
		first := d.p.JoinDate.AddMonths(12)
		d.end.SetDate(d.p.JoinDate.AddMonths(18))
		d.explain.SetText(fmt.Sprintf("预备期只能延长一次，不少于半年、不超过一年：延长至的日期应在 %s 到 %s 之间。"+
			"已按延长半年填好。", first.AddMonths(6), first.AddMonths(12)))
	case data.EventDiscipline:
		d.explain.SetText("留党察看最长两年；察看期间没有表决权、选举权和被选举权。")
	case data.EventTransferOut, data.EventExit, data.EventDeath, data.EventCancel:
		d.explain.SetText("办理后，此人不再列入党员名册，可在“已转出/出党/死亡”中查看，历史记录保留。")
	}
}

// confirmExplanation fills the 转正 date with 预备期满日 (D13) and says why.
func (d *statusDialog) confirmExplanation() string {
	end := d.p.ProbationEnd()
	if end.IsZero() {
		d.date.SetDate(civil.Date{})
		return "此人没有加入党组织日期，算不出预备期满日：请先在党员信息中填写加入党组织日期。"
	}
	d.date.SetDate(end)
	msg := fmt.Sprintf("按党章，转正日期是预备期满之日（%s），不是支部大会或上级批准的日期；党龄从这一天算起。已按此填好日期。", end)
	if end.After(d.a.Today()) {
		msg += "预备期尚未期满，期满后才能办理转正。"
	}
	return msg
}

// showRows shows only the fields the chosen kind needs, labelled as its spec says.
func (d *statusDialog) showRows() {
	show := func(f *widgets.FormField, label string, need bool) {
		if need {
			f.Label.SetText(label)
			f.Row.Show()
		} else {
			f.Row.Hide()
		}
	}
	var spec data.EventSpec
	if d.spec != nil {
		spec = *d.spec
	}
	show(d.destRow, spec.NeedDestination, spec.NeedDestination != "")
	show(d.endRow, spec.NeedEndDate, spec.NeedEndDate != "")
	show(d.exitRow, "出党方式", spec.NeedExitKind)
}

// event reads the dialog into a status event.
func (d *statusDialog) event() (data.StatusEvent, error) {
	if d.spec == nil {
		return data.StatusEvent{}, errors.New("请先选择变更类型")
	}
	e := data.StatusEvent{Kind: d.spec.Kind, Note: data.CleanText(d.note.Text)}
	var err error
	if e.Date, err = d.date.Date(); err != nil {
		return e, err
	}
	if d.spec.NeedDestination != "" {
		e.Destination = data.CleanText(d.dest.Text)
	}
	if d.spec.NeedEndDate != "" {
		if e.EndDate, err = d.end.Date(); err != nil {
			return e, fmt.Errorf("%s：%w", d.spec.NeedEndDate, err)
		}
	}
	if d.spec.NeedExitKind {
		e.ExitKind = d.exitKind.Selected
	}
	return e, nil
}

func (d *statusDialog) trySubmit() { _ = d.submit() }

// cancel is Esc and 取消: typed work is asked about first.
func (d *statusDialog) cancel() { d.a.AskLeave(d.unsaved) }

// submit validates and records the event; a refusal stays in the dialog.
func (d *statusDialog) submit() error {
	e, err := d.event()
	if err == nil {
		err = data.ValidateEvent(&d.p, &e, d.a.Today())
	}
	if err == nil {
		err = d.a.Store.AddStatusEvent(d.p.ID, e)
	}
	if err != nil {
		d.Message.SetText("未办理：" + err.Error())
		d.Message.Show()
		return err
	}
	d.dlg.Hide()
	d.a.NotifyChanged()
	return nil
}

// statusHistory lists a person's status changes, oldest first.
func statusHistory(a *core.App, personID uint) (fyne.CanvasObject, error) {
	events, err := a.Store.StatusEvents(personID)
	if err != nil {
		return nil, err
	}
	if len(events) == 0 {
		l := widget.NewLabel("暂无状态变更记录")
		l.Importance = widget.LowImportance
		return l, nil
	}
	box := container.NewVBox()
	for _, e := range events {
		l := widget.NewLabel(describeEvent(e))
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return box, nil
}

// describeEvent is one line of the history: 2025-07-01　组织关系转出　转往党组织：XX党委 …
func describeEvent(e data.StatusEvent) string {
	parts := []string{e.Date.String(), string(e.Kind)}
	spec := data.SpecFor(e.Kind)
	if e.Destination != "" {
		label := "去向"
		if spec != nil && spec.NeedDestination != "" {
			label = spec.NeedDestination
		}
		parts = append(parts, label+"："+e.Destination)
	}
	if !e.EndDate.IsZero() {
		label := "至"
		if spec != nil && spec.NeedEndDate != "" {
			label = spec.NeedEndDate
		}
		parts = append(parts, label+" "+e.EndDate.String())
	}
	if e.ExitKind != "" {
		parts = append(parts, "（"+e.ExitKind+"）")
	}
	if e.Note != "" {
		parts = append(parts, "备注："+e.Note)
	}
	return strings.Join(parts, "　")
}
