// Package dashboard is the 工作台: counts, probation ends, 待办 and the meeting
// periods, each linking into its feature.
package dashboard

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/compliance"
	"partyoffice/data/rules"
	"partyoffice/ui/core"
	"partyoffice/ui/members"
	"partyoffice/ui/settings"
	"partyoffice/ui/widgets"
	"partyoffice/ui/yearwork"
)

// probationWarnDays is how far ahead the 工作台 lists 预备期 ends: two months
// leave time to collect the 转正申请 and call the 支部大会.
const probationWarnDays = 60

// recentChangeCount is how many audit entries the 工作台 lists.
const recentChangeCount = 10

// dashboardFacts is everything the 工作台 shows, read in one go.
type dashboardFacts struct {
	today   civil.Date
	branch  data.Branch
	counts  data.RegisterCounts
	groups  []data.PartyGroup
	ending  []data.Person // 预备党员 whose 预备期 ends soon or has ended
	changes []data.AuditEntry

	// The cards below show their own load error; the page stays useful.
	todo        []rules.Finding
	todoErr     error
	meetings    *compliance.Data
	meetingsErr error
}

// loadDashboardFacts is the synchronous half of the 工作台: it reads the
// store and computes; rendering is separate so tests can check either.
func loadDashboardFacts(s *data.Store, today civil.Date) (dashboardFacts, error) {
	f := dashboardFacts{today: today}
	var err error
	if f.branch, err = s.Branch(); err != nil {
		return f, err
	}
	people, err := s.People()
	if err != nil {
		return f, err
	}
	f.counts = data.Count(people)
	f.ending = data.ProbationEndingWithin(people, today, probationWarnDays)
	if f.groups, err = s.Groups(); err != nil {
		return f, err
	}
	if f.changes, err = s.AuditLog(data.AuditFilter{Limit: recentChangeCount}); err != nil {
		return f, err
	}
	f.todo, f.todoErr = loadTodo(s, today)
	f.meetings, f.meetingsErr = compliance.Load(s)
	return f, nil
}

type dashboard struct {
	app        *core.App
	body       *fyne.Container
	generation int    // of the newest reload; read and written on the UI goroutine
	stopBusy   func() // of the indicator shown until the first load
}

// NewDashboard is the 工作台: the register at a glance, what needs doing
// soon, the latest changes and the everyday actions.
func NewDashboard(a *core.App) fyne.CanvasObject {
	busy, stop := core.Busy("正在读取数据……")
	d := &dashboard{app: a, body: container.NewVBox(busy), stopBusy: stop}
	d.reload()
	a.OnChange(d.reload)
	return container.NewVScroll(container.NewPadded(d.body))
}

// reload reads the store off the UI goroutine (the 工作台 is the first
// screen: the window shows before its data is read, docs/ARCHITECTURE.md#start-up-and-recovery)
// and renders on it; the page on screen stays until the new one is ready.
// Only the newest of overlapping reloads is rendered.
func (d *dashboard) reload() {
	d.generation++
	generation, today := d.generation, d.app.Today()
	d.app.Background(func() {
		f, err := loadDashboardFacts(d.app.Store, today)
		fyne.Do(func() {
			if generation == d.generation {
				d.render(f, err)
			}
		})
	})
}

func (d *dashboard) render(f dashboardFacts, err error) {
	d.stopBusy()
	if err != nil {
		d.body.Objects = nil
		d.body.Refresh()
		d.app.ShowError("工作台无法读取数据", err)
		return
	}
	findings, todoErr := f.todo, f.todoErr
	var comp *compliance.Compliance
	var settings *data.MeetingSettings
	if md := f.meetings; md != nil {
		comp, settings = compliance.New(md, f.today), &md.Settings
	} else if f.meetingsErr != nil {
		fyne.LogError("工作台：三会一课", f.meetingsErr)
	}
	d.body.Objects = []fyne.CanvasObject{d.header(f)}
	first := firstSteps(d.app, f)
	if first != nil {
		d.body.Objects = append(d.body.Objects, first)
	}
	items := urgentItems(d.app, f, findings, comp, settings)
	for _, band := range []urgency{overdue, thisMonth} {
		if b := urgentBand(items, band); b != nil {
			d.body.Objects = append(d.body.Objects, b)
		}
	}
	d.body.Objects = append(d.body.Objects,
		statTiles(f.counts),
		chartsRow(d.app, f, comp),
		newTodoCard(d.app, f.today, laterFindings(findings, f.today), todoErr),
		container.NewGridWithColumns(2, probationCard(f), groupsCard(f)),
		meetingsCard(f.today, f.meetings, f.meetingsErr),
	)
	if first == nil { // an empty branch is told its first step, not "0 项任务，已完成 0 项"
		d.body.Objects = append(d.body.Objects, yearwork.GoalsCard(d.app))
	}
	d.body.Objects = append(d.body.Objects, changesCard(f.changes))
	d.body.Refresh()
}

// header names the branch and the day, with the everyday actions beside.
func (d *dashboard) header(f dashboardFacts) fyne.CanvasObject {
	name := f.branch.Name
	if name == "" {
		name = "党支部工作台"
	}
	title := canvas.NewText(name, theme.Color(theme.ColorNameForeground))
	title.TextSize = 28
	title.TextStyle.Bold = true
	day := widget.NewLabel("今天是 " + f.today.Chinese() + weekdayName(f.today))
	a := d.app
	actions := container.NewHBox(
		widget.NewButtonWithIcon("新增党员", theme.ContentAddIcon(), func() { members.ShowMemberForm(a, nil) }),
		widget.NewButtonWithIcon("导入名册", theme.UploadIcon(), func() { members.ShowImportMembers(a) }),
		widget.NewButtonWithIcon("导出名册", theme.DownloadIcon(), func() { members.ShowExportMembers(a) }),
		widget.NewButtonWithIcon("立即备份", theme.DocumentSaveIcon(), func() { settings.StartBackup(a) }),
	)
	// The name has a line of its own: beside the buttons a long school name
	// would make the window wider than a 1024 px screen.
	return container.NewVBox(title, container.NewBorder(nil, nil, day, actions))
}

// weekdayName is "，星期三" for a full date, "" otherwise.
func weekdayName(d civil.Date) string {
	if d.Precision() != civil.DayPrecision {
		return ""
	}
	names := [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}
	return "，" + names[d.Time().Weekday()]
}

// statTiles shows the counts as big numbers: the register always, the
// development stages and the flags only when someone is in them.
func statTiles(c data.RegisterCounts) fyne.CanvasObject {
	tiles := []fyne.CanvasObject{
		statTile(c.Full+c.Probationer, "党员总数"),
		statTile(c.Full, "正式党员"),
		statTile(c.Probationer, "预备党员"),
	}
	for _, s := range []struct {
		n       int
		caption string
	}{
		{c.Applicants, "入党申请人"}, {c.Activists, "入党积极分子"}, {c.Candidates, "发展对象"},
		{c.Floating, "流动党员"}, {c.Lost, "失联党员"}, {c.Suspended, "停止党籍"},
	} {
		if s.n > 0 {
			tiles = append(tiles, statTile(s.n, s.caption))
		}
	}
	return widgets.FitGrid(fyne.NewSize(120, 104), tiles...)
}

// statNumberSize is the text size of a tile's number: readable from across the desk.
const statNumberSize = 34

// statTile is one big number over its caption.
func statTile(n int, caption string) fyne.CanvasObject {
	number := canvas.NewText(strconv.Itoa(n), theme.Color(theme.ColorNamePrimary))
	number.TextSize = statNumberSize
	number.TextStyle.Bold = true
	number.Alignment = fyne.TextAlignCenter
	label := widget.NewLabelWithStyle(caption, fyne.TextAlignCenter, fyne.TextStyle{})
	return widget.NewCard("", "", container.NewVBox(number, label))
}

// probationCard lists the 预备党员 whose 预备期 ends within probationWarnDays,
// overdue ones in red: their 转正 is late.
func probationCard(f dashboardFacts) fyne.CanvasObject {
	title := fmt.Sprintf("预备期将满（%d天内）", probationWarnDays)
	if len(f.ending) == 0 {
		return widget.NewCard(title, "", widgets.QuietLabel(fmt.Sprintf("%d天内没有预备期满的预备党员。", probationWarnDays)))
	}
	rows := container.NewVBox()
	for i := range f.ending {
		p := &f.ending[i]
		end := p.ProbationEnd()
		rows.Add(widgets.Columns([]float32{96, 160},
			widgets.TruncatedLabel(p.Name),
			widget.NewLabel("期满 "+end.String()),
			daysLeftLabel(f.today.DaysUntil(end))))
	}
	return widget.NewCard(title, "", rows)
}

// daysLeftLabel says how long until the 预备期 ends, in red once it is over.
func daysLeftLabel(days int) *widget.Label {
	switch {
	case days > 0:
		return widget.NewLabel(fmt.Sprintf("还有 %d 天", days))
	case days == 0:
		l := widget.NewLabel("今天期满")
		l.Importance = widget.WarningImportance
		return l
	}
	l := widget.NewLabel(fmt.Sprintf("已超期 %d 天", -days))
	l.Importance = widget.DangerImportance
	return l
}

// groupsCard counts the members of each 党小组, the ungrouped last.
func groupsCard(f dashboardFacts) fyne.CanvasObject {
	const title = "各党小组人数"
	rows := container.NewVBox()
	for _, g := range f.groups {
		rows.Add(widgets.CountRow(g.Name, f.counts.ByGroup[g.ID]))
	}
	if n := f.counts.ByGroup[data.NoGroup]; n > 0 {
		rows.Add(widgets.CountRow("未分组", n))
	}
	if len(rows.Objects) == 0 {
		return widget.NewCard(title, "", widgets.QuietLabel("还没有党员，也没有党小组。"))
	}
	return widget.NewCard(title, "", rows)
}

// changesCard lists the latest audited changes, newest first.
func changesCard(changes []data.AuditEntry) fyne.CanvasObject {
	const title = "最近的改动"
	if len(changes) == 0 {
		return widget.NewCard(title, "", widgets.QuietLabel("还没有任何改动记录。"))
	}
	rows := container.NewVBox()
	for _, e := range changes {
		rows.Add(widgets.Columns([]float32{110, 90},
			widget.NewLabel(e.At.Local().Format("01-02 15:04")),
			widget.NewLabel(e.Action),
			widgets.TruncatedLabel(e.Summary)))
	}
	return widget.NewCard(title, "", rows)
}
