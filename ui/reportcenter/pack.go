package reportcenter

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data/civil"
	"partyoffice/reports"
	"partyoffice/ui/core"
	"partyoffice/ui/development"
	"partyoffice/ui/widgets"
)

// Period choices of the pack.
const (
	spanYear  = "全年"
	spanAsOf  = "截至日期"
	outBook   = "一个工作簿（每份材料一个工作表，封面在前）"
	outFolder = "一个文件夹（每份材料一个文件）"
)

var spans = []string{spanYear, "上半年", "下半年", "第一季度", "第二季度", "第三季度", "第四季度", spanAsOf}

// packView chooses the period and the reports, shows what the pack will
// hold and the period's open errors, then writes it.
type packView struct {
	a *core.App
	*periodChoice
	checks   []*widget.Check
	out      *widget.RadioGroup
	preparer *widget.Entry
	result   *fyne.Container
	write    *widget.Button
	pack     *reports.Pack
}

func newPackView(a *core.App) (*packView, fyne.CanvasObject) {
	v := &packView{a: a, result: container.NewVBox()}
	v.periodChoice = newPeriodChoice(a, func() { v.forget() })
	var boxes []fyne.CanvasObject
	for _, r := range reports.PackReports {
		exp, _ := reports.FindExport(r.Verb)
		c := widget.NewCheck(exp.Name, func(bool) { v.forget() })
		c.SetChecked(r.Default)
		v.checks = append(v.checks, c)
		boxes = append(boxes, c)
	}
	v.out = widget.NewRadioGroup([]string{outBook, outFolder}, nil)
	v.out.Required = true
	v.out.SetSelected(outBook)
	v.preparer = widget.NewEntry()
	v.preparer.SetPlaceHolder("封面上的填报人，可不填")
	check := widget.NewButtonWithIcon("检查并预览", theme.SearchIcon(), v.prepare)
	check.Importance = widget.HighImportance
	v.write = widget.NewButtonWithIcon("生成上报材料…", theme.DocumentSaveIcon(), v.save)
	v.write.Disable()
	archive := widget.NewButtonWithIcon("年度归档 PDF…", theme.FileIcon(), v.archive)
	form := widget.NewForm(append(v.items(),
		widget.NewFormItem("材料", container.NewGridWithColumns(3, boxes...)),
		widget.NewFormItem("保存为", v.out),
		widget.NewFormItem("填报人", v.preparer),
	)...)
	return v, container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle("向上级报送的材料一次生成：封面（盖章、签字）、汇总图表、各名册和统计表", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		form,
		container.NewHBox(check, v.write, widget.NewSeparator(), archive),
		widget.NewSeparator(),
		v.result,
	))
}

// periodChoice is the period of a 上报 pack: a year and 全年, a half, a
// quarter or 截至日期 (the pack and the district's 汇总 from the server).
type periodChoice struct {
	year  *widget.Entry
	span  *widget.Select
	asOf  *widgets.DateField
	asOfX fyne.CanvasObject // asOf at its width, shown for 截至日期 only
}

// newPeriodChoice starts on this year's 全年; changed hears every change of
// the span.
func newPeriodChoice(a *core.App, changed func()) *periodChoice {
	v := &periodChoice{year: widget.NewEntry(), asOf: widgets.NewDateField(a)}
	v.asOfX = widgets.Sized(180, v.asOf)
	v.year.SetText(strconv.Itoa(a.Today().Year))
	v.span = widget.NewSelect(spans, func(s string) {
		if s == spanAsOf {
			v.asOfX.Show()
		} else {
			v.asOfX.Hide()
		}
		changed()
	})
	v.span.SetSelected(spanYear)
	return v
}

// items are the form's lines 年份 and 期间.
func (v *periodChoice) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem("年份", widgets.Sized(90, v.year)),
		widget.NewFormItem("期间", container.NewHBox(v.span, v.asOfX)),
	}
}

// period reads the choices.
func (v *periodChoice) period() (reports.Period, error) {
	year, err := strconv.Atoi(strings.TrimSpace(v.year.Text))
	if err != nil {
		return reports.Period{}, fmt.Errorf("年份“%s”不对，请写四位数的年份，例如 2026", v.year.Text)
	}
	p := reports.Period{Year: year}
	switch i := indexOf(spans, v.span.Selected); {
	case i == 1 || i == 2:
		p.Half = i
	case i >= 3 && i <= 6:
		p.Quarter = i - 2
	case v.span.Selected == spanAsOf:
		d, err := v.asOf.Date()
		if err != nil || d.IsZero() || d.Precision() != civil.DayPrecision {
			return p, fmt.Errorf("请填写截至日期，例如 %d-06-30", year)
		}
		p.AsOf = d
	}
	return p, p.Check()
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func (v *packView) chosen() []string {
	var out []string
	for i, c := range v.checks {
		if c.Checked {
			out = append(out, reports.PackReports[i].Verb)
		}
	}
	return out
}

// forget drops a prepared pack when a choice changes.
func (v *packView) forget() {
	if v.pack != nil {
		v.pack.Close()
		v.pack = nil
	}
	if v.write != nil {
		v.write.Disable()
		v.result.RemoveAll()
	}
}

// prepare writes the reports into a work folder and shows their counts and
// the open errors, before anything goes where the user keeps files.
func (v *packView) prepare() {
	period, err := v.period()
	if err != nil {
		v.a.ShowError("期间不对", err)
		return
	}
	v.forget()
	opt := reports.PackOptions{Period: period, Only: v.chosen(), Preparer: strings.TrimSpace(v.preparer.Text)}
	if len(opt.Only) == 0 {
		v.a.ShowError("没有选择材料", fmt.Errorf("请至少勾选一份上报材料"))
		return
	}
	var pack *reports.Pack
	v.a.RunWithProgress("正在准备上报材料", func(progress core.Progress) error {
		opt.Progress = progress
		var err error
		pack, err = reports.PreparePack(v.a.Store, opt)
		return err
	}, func(err error) {
		if err != nil {
			v.a.ShowError("无法准备上报材料", err)
			return
		}
		v.pack = pack
		v.showPreview()
	})
}

// showPreview lists the reports with their counts and the open errors.
func (v *packView) showPreview() {
	p := v.pack
	v.result.RemoveAll()
	v.result.Add(widget.NewLabelWithStyle(fmt.Sprintf("%s上报材料（截至 %s）", p.Period.Label(), p.AsOf.Chinese()),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	areas := p.ErrorsByArea()
	for _, area := range areas { // first: what to decide before writing
		warn := widget.NewLabelWithStyle(area.Warning(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		warn.Importance = widget.DangerImportance
		area := area
		fix := widget.NewButtonWithIcon("去处理", theme.NavigateNextIcon(), func() { v.showFindings(area.Area) })
		v.result.Add(container.NewHBox(widget.NewIcon(theme.WarningIcon()), warn, fix))
	}
	items := container.NewGridWithColumns(2)
	for i, it := range p.Items {
		line := fmt.Sprintf("%d. %s：%d %s", i+1, it.Name, it.Count, it.Unit)
		if it.Missing != "" {
			line = fmt.Sprintf("%d. %s：不附（%s）", i+1, it.Name, it.Missing)
		}
		label := widget.NewLabel(line)
		label.Truncation = fyne.TextTruncateEllipsis
		items.Add(label)
	}
	v.result.Add(items)
	v.write.SetText("生成上报材料…")
	if len(areas) > 0 {
		v.write.SetText("仍然生成…")
	}
	v.write.Enable()
}

// showFindings lists the open errors of one area, each with a way to its record.
func (v *packView) showFindings(area string) {
	list := container.NewVBox()
	var d dialog.Dialog
	for _, f := range v.pack.Findings {
		if reports.FindingArea(f) != area {
			continue
		}
		label := widget.NewLabel(core.WrapMessage(f.Message))
		label.Wrapping = fyne.TextWrapWord
		if f.PersonID == 0 {
			list.Add(label)
			continue
		}
		id := f.PersonID
		open := widget.NewButton("打开记录", func() {
			d.Hide()
			development.ShowDevelopmentPerson(v.a, id)
		})
		list.Add(container.NewBorder(nil, nil, nil, open, label))
	}
	if area == "三会一课" {
		list.Add(widget.NewLabel("请到“三会一课”中补登会议记录，或在设置中核对应开次数。"))
	}
	d = dialog.NewCustom(area+"：尚未处理的错误", "关闭", container.NewVScroll(list), v.a.Window)
	d.Resize(fyne.NewSize(760, 480))
	d.Show()
}

// save asks where, then writes the prepared pack.
func (v *packView) save() {
	p := v.pack
	if p == nil {
		return
	}
	if v.out.Selected == outFolder {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil || dir == nil {
				return
			}
			var written string
			v.a.RunWithProgress("正在生成上报材料", func(core.Progress) error {
				var err error
				written, err = p.WriteFolder(dir.Path())
				return err
			}, func(err error) {
				if err != nil {
					v.a.ShowError("上报材料未生成", err)
					return
				}
				core.RememberFolder(filepath.Join(written, "x"))
				v.a.ShowSaved("上报材料已生成到文件夹", filepath.Join(written, "00_封面及汇总.xlsx"))
			})
		}, v.a.Window)
		if dir := core.LastFolder(); dir != nil {
			d.SetLocation(dir)
		}
		d.Resize(fyne.NewSize(900, 600))
		d.Show()
		return
	}
	v.a.ChooseFileToSave(p.FolderName()+".xlsx", ".xlsx", func(path string) {
		v.a.RunWithProgress("正在生成上报材料", func(core.Progress) error {
			return p.WriteWorkbook(path)
		}, func(err error) {
			if err != nil {
				v.a.ShowError("上报材料未生成", err)
				return
			}
			v.a.ShowSaved("上报材料已生成", path)
		})
	})
}

// archive writes the year-end PDF of the chosen year.
func (v *packView) archive() {
	year, err := strconv.Atoi(strings.TrimSpace(v.year.Text))
	if err != nil {
		v.a.ShowError("年份不对", fmt.Errorf("年份“%s”不对，请写四位数的年份，例如 2026", v.year.Text))
		return
	}
	branch, _ := v.a.Store.Branch()
	v.a.ChooseFileToSave(core.SafeFileName(fmt.Sprintf("%s%d年度档案", branch.Name, year))+".pdf", ".pdf", func(path string) {
		v.a.RunWithProgress("正在生成年度归档", func(core.Progress) error {
			_, err := reports.WriteArchive(path, v.a.Store, year)
			return err
		}, func(err error) {
			if err != nil {
				v.a.ShowError("年度归档未生成", err)
				return
			}
			v.a.ShowSaved("年度归档 PDF 已生成", path)
		})
	})
}
