package yearwork

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/yearwork"
	"partyoffice/reports"
	"partyoffice/ui/widgets"
)

// The tables worked out from the records (学时 against the targets, the
// 谈心谈话 coverage, the 民主评议 counts): the export's report registers,
// read-only on screen.

// noRowID: computed rows are not records, so none is ever selected.
func noRowID[T any](*T) uint { return 0 }

// hoursTable is each training target's people with their 学时; those
// short of the target stand out.
func (s *Screen) hoursTable() fyne.CanvasObject {
	t := widgets.NewTable(widgets.TableConfig[reports.HoursRow]{Columns: reports.HoursRegister().Columns,
		ID: noRowID[reports.HoursRow], Prefs: "year.hours",
		Highlight: func(r *reports.HoursRow, h string) widget.Importance {
			if h == "是否达到" && r.Met != "达到" {
				return widget.DangerImportance
			}
			return widget.MediumImportance
		}})
	title := widgets.WrappedLabel("")
	s.reloads = append(s.reloads, func() {
		d, err := yearwork.Load(s.app.Store)
		if err != nil {
			s.app.ShowError("学时统计无法读取", err)
			return
		}
		var parts []string
		for _, p := range yearwork.TrainingProgress(d, s.Year(), s.app.Today()) {
			parts = append(parts, p.Text())
		}
		title.SetText("学时统计：" + joinOr(parts, "；", "今年没有需要统计学时的人员"))
		t.SetRows(reports.HoursRows(d, s.Year(), s.app.Today()))
	})
	return container.NewBorder(title, nil, nil, nil, t.Widget())
}

// coverageTable is the 谈心谈话 matrix: 支委 down, everyone across, 未谈
// where a required pair has not talked yet. Its columns are the people, so
// the table is rebuilt on every reload.
func (s *Screen) coverageTable() fyne.CanvasObject {
	title := widgets.WrappedLabel("")
	holder := container.NewStack()
	s.reloads = append(s.reloads, func() {
		d, err := yearwork.Load(s.app.Store)
		if err != nil {
			s.app.ShowError("谈话覆盖情况无法读取", err)
			return
		}
		m := yearwork.Talks(d, s.Year(), s.app.Today())
		title.SetText("覆盖情况：" + m.Text())
		reg := reports.CoverageRegister(m)
		t := widgets.NewTable(widgets.TableConfig[reports.CoverageRow]{Columns: reg.Columns, Sticky: 1,
			ID: noRowID[reports.CoverageRow],
			Highlight: func(r *reports.CoverageRow, h string) widget.Importance {
				for i, name := range m.Columns {
					if name == h && r.Cells[i] == "未谈" {
						return widget.DangerImportance
					}
				}
				return widget.MediumImportance
			}})
		t.SetRows(reports.CoverageRows(m, d.Coverage))
		holder.Objects = []fyne.CanvasObject{t.Widget()}
		holder.Refresh()
	})
	return container.NewBorder(title, nil, nil, nil, holder)
}

// gradeTable is the 民主评议 统计表 of the year.
func (s *Screen) gradeTable() fyne.CanvasObject {
	t := widgets.NewTable(widgets.TableConfig[reports.GradeRow]{Columns: reports.GradeRegister().Columns,
		ID: noRowID[reports.GradeRow], Prefs: "year.grades"})
	s.reloads = append(s.reloads, func() {
		rows, err := data.Records[data.AppraisalResult](s.app.Store, "id", "year = ?", s.Year())
		if err != nil {
			s.app.ShowError("民主评议统计无法读取", err)
			return
		}
		t.SetRows(reports.GradeRows(rows))
	})
	return container.NewBorder(widgets.BoldLabel("民主评议党员情况统计"), nil, nil, nil, t.Widget())
}

func joinOr(parts []string, sep, none string) string {
	if len(parts) == 0 {
		return none
	}
	out := parts[0]
	for _, p := range parts[1:] {
		out += sep + p
	}
	return out
}
