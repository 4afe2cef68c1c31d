package development

import (
	"path/filepath"

	"partyoffice/data"
	"partyoffice/reports"
	"partyoffice/ui/core"
)

// ShowImportActivists asks for an office's 入党申请人、积极分子和发展对象
// spreadsheet and shows the shared import preview (as `partyoffice import
// activists`: rows with errors left out on confirmation, people already
// stored skipped or updated).
func ShowImportActivists(a *core.App) {
	a.ReadForImport("发展党员名册", func(path string, progress core.Progress) (*core.ImportPreview, error) {
		m, err := reports.ReadActivists(path, a.Store, a.Today(), progress)
		if err != nil {
			return nil, err
		}
		return activistPreview(a, path, m), nil
	})
}

func activistPreview(a *core.App, path string, m *reports.ActivistImport) *core.ImportPreview {
	p := &core.ImportPreview{What: "发展党员名册", Unit: "人", Path: path, Sheet: m.Sheet, HeaderRow: m.HeaderRow,
		Columns: []core.ImportColumn{{Title: "姓名", Width: 100}, {Title: "身份证号", Width: 200},
			{Title: "所处阶段", Width: 120}},
		Notices:      m.Notices,
		Ignored:      m.Ignored,
		ExistingNote: "已登记（%s），按上方的选择更新或跳过",
		CanUpdate:    true,
	}
	for _, r := range m.Rows {
		row := core.ImportRow{Row: r.Row, Cells: []string{r.Person.Name, r.Person.IDNumber, string(r.Stage)},
			Errors: r.Errors, Warnings: r.Warnings}
		if r.Existing != nil {
			row.Existing = r.Existing.Name
		}
		p.Rows = append(p.Rows, row)
	}
	good := m.Good()
	p.Commit = func(mode data.ImportMode) (data.ImportResult, error) {
		return a.Store.ImportDevelopment(good, mode, filepath.Base(path))
	}
	return p
}
