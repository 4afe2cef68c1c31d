package reports

import "partyoffice/data"

// predictImport counts what the store's import (data.Store.ImportPeople,
// ImportDevelopment) does with the rows without errors, so a dry run and the
// preview say what the real import will report. The store's rule: a row
// whose ID number was listed further up the sheet is skipped (the first row
// wins); a person already stored is updated or skipped as mode says; every
// other row is new. key returns a row's ID number, whether that person is
// stored, and whether the row has errors.
func predictImport[R any](rows []R, mode data.ImportMode, key func(*R) (id string, stored, bad bool)) (imported, updated, skipped int) {
	seen := map[string]bool{}
	for i := range rows {
		id, stored, bad := key(&rows[i])
		switch {
		case bad:
			continue
		case seen[id]:
			skipped++
		case !stored:
			imported++
		case mode == data.ImportUpdateExisting:
			updated++
		default:
			skipped++
		}
		if id != "" {
			seen[id] = true
		}
	}
	return imported, updated, skipped
}

// Predict counts what store.ImportPeople would do with Good() in the mode.
func (m *MemberImport) Predict(mode data.ImportMode) (imported, updated, skipped int) {
	return predictImport(m.Rows, mode, func(r *MemberRow) (string, bool, bool) {
		return r.Person.IDNumber, r.Existing != nil, len(r.Errors) > 0
	})
}

// Predict counts what store.ImportDevelopment would do with Good() in the mode.
func (m *ActivistImport) Predict(mode data.ImportMode) (imported, updated, skipped int) {
	return predictImport(m.Rows, mode, func(r *ActivistRow) (string, bool, bool) {
		return r.Person.IDNumber, r.Existing != nil, len(r.Errors) > 0
	})
}
