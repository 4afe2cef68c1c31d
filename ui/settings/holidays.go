package settings

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data/holidays"
	"partyoffice/ui/core"
	"partyoffice/ui/widgets"
)

// The 节假日 page: which years the official holiday and 调休 table that ships
// with the program covers, and the user's own table for later years (or a
// correction), in the same format (data/holidays; docs/rules.md, "Working
// days"). Working days count the 公示 of the 2026 细则.

// holidayFormat explains the table's format with an example of a later year.
const holidayFormat = "每行一项，“#”后面是注释：\n" +
	"年份 2027 国务院办公厅关于2027年部分节假日安排的通知　　← 写了“年份”的一年，整年以这里为准\n" +
	"2027-10-01..2027-10-07 休 国庆节　　← 放假：起日..止日（含两端），单独一天只写一个日期\n" +
	"2027-10-09 班 国庆节调休　　← 周末调休上班\n" +
	"日期写成 2027-10-01 的形式；以上日期只是格式示例，请按当年国务院办公厅的通知填写。"

type holidaySection struct {
	app      *core.App
	official *widget.Label
	user     *widget.Label // the years the user's table covers
	text     *widget.Entry
	message  *widget.Label
	shown    string         // the stored table the entry was filled from
	edits    *widgets.Edits // a table typed and not saved is asked about (core.Unsaved)
}

func newHolidaySection(a *core.App) fyne.CanvasObject {
	s := &holidaySection{app: a, official: widgets.WrappedLabel(""), user: widgets.WrappedLabel(""),
		text: widget.NewMultiLineEntry(), message: widgets.HiddenMessage(widget.DangerImportance)}
	s.text.SetMinRowsVisible(8)
	s.text.SetPlaceHolder("在这里按下面的格式填写以后年份的放假和调休安排")
	s.edits = widgets.NewEdits(s.text, nil)
	s.reload()
	a.OnChange(s.reload)
	a.Hold(&core.Unsaved{What: "节假日安排", Dirty: s.edits.Dirty, Save: s.save, Discard: s.showStored, Edits: s.edits})
	save := widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), func() { s.save() })
	save.Importance = widget.HighImportance
	format := widgets.WrappedLabel(holidayFormat)
	return container.NewVScroll(container.NewVBox(
		widget.NewCard("国家公布的节假日安排", "程序自带，依国务院办公厅每年的节假日安排通知", s.official),
		widget.NewCard("补充以后的年份", "新一年的放假通知公布后，在这里补上，程序就按它计算工作日；也可以更正程序自带的某一年。",
			container.NewVBox(s.user, s.text, format, s.message, container.NewHBox(save))),
	))
}

// reload shows the covered years and, unless the user is editing it, the
// stored table.
func (s *holidaySection) reload() {
	official := holidays.Official().Years()
	s.official.SetText(fmt.Sprintf("已收录 %s 年（共 %d 年）。没有收录的年份按周一至周五计算工作日，检查结果中会注明“暂按周一至周五计算”。",
		yearRanges(official), len(official)))
	stored := s.app.Store.UserHolidays()
	if s.text.Text == s.shown {
		s.text.SetText(stored)
		s.shown = stored
		s.edits.Mark()
	}
	s.showUserYears(stored)
	if _, err := s.app.Store.HolidayTable(); err != nil {
		s.say(err.Error(), widget.DangerImportance)
	}
}

// showUserYears says which years the user's table covers.
func (s *holidaySection) showUserYears(text string) {
	t, err := holidays.Parse(text)
	switch {
	case strings.TrimSpace(text) == "":
		s.user.SetText("还没有补充。")
	case err != nil:
		s.user.SetText("补充的安排有误，暂未使用（见下方说明）。")
	case len(t.Years()) == 0:
		s.user.SetText("补充的安排中没有“年份”行：其中的日期会计入，但那一年仍提示“暂按周一至周五计算”。")
	default:
		s.user.SetText("已补充 " + yearRanges(t.Years()) + " 年，以补充的为准。")
	}
}

// showStored puts the stored table back (放弃修改).
func (s *holidaySection) showStored() {
	s.shown = s.app.Store.UserHolidays()
	s.text.SetText(s.shown)
	s.edits.Mark()
}

func (s *holidaySection) save() bool {
	text := strings.TrimSpace(s.text.Text)
	if err := s.app.Store.SetUserHolidays(text); err != nil {
		s.say("没有保存："+err.Error(), widget.DangerImportance)
		return false
	}
	s.text.SetText(text)
	s.shown = text
	s.edits.Mark()
	s.say("已保存（"+time.Now().Format("15:04")+"）", widget.SuccessImportance)
	s.app.NotifyChanged()
	return true
}

func (s *holidaySection) say(msg string, importance widget.Importance) {
	s.message.Importance = importance
	s.message.SetText(msg)
	s.message.Show()
}

// yearRanges writes years as runs: "2014—2026、2028".
func yearRanges(years []int) string {
	var parts []string
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		part := strconv.Itoa(years[i])
		if j > i {
			part += "—" + strconv.Itoa(years[j])
		}
		parts = append(parts, part)
		i = j + 1
	}
	if len(parts) == 0 {
		return "（无）"
	}
	return strings.Join(parts, "、")
}
