package members

import (
	"path/filepath"

	"partyoffice/data"
	"partyoffice/reports"
	"partyoffice/ui/core"
)

// ShowImportMembers asks for a workbook, reads it off the UI goroutine and
// shows what would be imported (core.ImportPreview). Nothing is written
// until the user confirms in the preview.
func ShowImportMembers(a *core.App) {
	a.ReadForImport("党员名册", func(path string, progress core.Progress) (*core.ImportPreview, error) {
		return readMembers(a, path, nil, progress)
	})
}

// readMembers reads path with the user's answers about columns judged by
// their values (nil on the first reading).
func readMembers(a *core.App, path string, choices map[string]string, progress core.Progress) (*core.ImportPreview, error) {
	m, err := reports.ReadMembersWith(path, a.Store, a.Today(),
		reports.MemberReadOptions{Progress: progress, ColumnChoices: choices})
	if err != nil {
		return nil, err
	}
	return memberPreview(a, path, m, choices), nil
}

// memberPreview is the preview of a 党员名册 read from path.
func memberPreview(a *core.App, path string, m *reports.MemberImport, choices map[string]string) *core.ImportPreview {
	p := &core.ImportPreview{What: "党员名册", Unit: "人", Path: path, Sheet: m.Sheet, HeaderRow: m.HeaderRow,
		Columns:      []core.ImportColumn{{Title: "姓名", Width: 100}, {Title: "身份证号", Width: 200}, {Title: "人员类别", Width: 100}},
		Notices:      m.Notices,
		Ignored:      m.Ignored,
		Suggestions:  m.Suggestions,
		ExistingNote: "已登记（%s），按上方的选择更新或跳过",
		CanUpdate:    true,
	}
	for _, r := range m.Rows {
		row := core.ImportRow{Row: r.Row, Cells: []string{r.Person.Name, r.Person.IDNumber, string(r.Person.Stage)},
			Errors: r.Errors, Warnings: r.Warnings}
		if r.Existing != nil {
			row.Existing = r.Existing.Name
		}
		p.Rows = append(p.Rows, row)
	}
	p.Reread = func(answers map[string]string) {
		all := map[string]string{}
		for k, v := range choices {
			all[k] = v
		}
		for k, v := range answers {
			all[k] = v
		}
		a.ReadAndPreview(path, func(path string, progress core.Progress) (*core.ImportPreview, error) {
			return readMembers(a, path, all, progress)
		})
	}
	good := m.Good()
	p.Commit = func(mode data.ImportMode) (data.ImportResult, error) {
		return a.Store.ImportPeople(good, mode, filepath.Base(path))
	}
	return p
}
