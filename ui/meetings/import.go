package meetings

import (
	"fmt"

	"partyoffice/data"
	"partyoffice/reports"
	"partyoffice/ui/core"
)

// ShowImportMeetings asks for a meeting history workbook (会议台账) and shows
// the shared import preview, as `partyoffice import meetings`: rows with
// errors left out on confirmation, sittings already recorded skipped.
func ShowImportMeetings(a *core.App) {
	a.ReadForImport("会议台账", func(path string, progress core.Progress) (*core.ImportPreview, error) {
		m, err := reports.ReadMeetings(path, a.Store, progress)
		if err != nil {
			return nil, err
		}
		return meetingPreview(a, path, m), nil
	})
}

func meetingPreview(a *core.App, path string, m *reports.MeetingImport) *core.ImportPreview {
	p := &core.ImportPreview{What: "会议台账", Unit: "次会议", Path: path, Sheet: m.Sheet, HeaderRow: m.HeaderRow,
		Columns: []core.ImportColumn{{Title: "日期", Width: 110}, {Title: "类型", Width: 160},
			{Title: "主题", Width: 220}},
		Ignored:      m.Ignored,
		ExistingNote: "同一天同类型的会议已登记（%s），跳过",
	}
	for _, is := range m.Skipped {
		p.Notices = append(p.Notices, core.IssueLine(is))
	}
	for _, r := range m.Rows {
		row := core.ImportRow{Row: r.Row, Cells: []string{r.Meeting.Date.String(), r.Meeting.TypeNames(), r.Meeting.DisplayTitle()},
			Errors: r.Errors, Warnings: r.Warnings}
		if r.Existing != nil {
			row.Existing = r.Existing.Date.String()
		}
		p.Rows = append(p.Rows, row)
	}
	good, existing := m.Good(), m.ExistingCount()
	p.Commit = func(data.ImportMode) (data.ImportResult, error) {
		if len(good) == 0 {
			return data.ImportResult{Skipped: existing}, nil
		}
		if err := a.Store.ImportMeetings(good); err != nil {
			return data.ImportResult{}, fmt.Errorf("没有导入任何会议记录：%w", err)
		}
		return data.ImportResult{Imported: len(good), Skipped: existing}, nil
	}
	return p
}
