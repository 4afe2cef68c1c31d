package data

import (
	"errors"
	"fmt"
	"sort"

	"partyoffice/data/civil"
)

// Importing a branch's existing 发展党员 pipeline from its own spreadsheet
// (入党积极分子名册 and the like): people with their step records, in one
// transaction. An import records history as the sheet states it. The
// records are checked for what would break them (ValidateDevStep: a missing
// date, a field the step does not have, a date after today), but a person
// named in a record who was not eligible on its date is stored anyway: a
// 介绍人 who was still a 预备党员 is what happened, and the rule engine
// (data/rules, D7) reports it. Store.SaveDevStep, used by the forms,
// refuses such a record instead.

// DevEntry is one person of an import with the step records the sheet gives.
// Records are saved in step order; their PersonID is filled in.
type DevEntry struct {
	Person Person
	Steps  []DevStep
}

// ImportDevelopment creates the people of entries as 入党申请人 and records
// their steps, which move them to the stage the latest step gives (入党积极分子,
// 发展对象 …), all in one audited transaction: everything lands or nothing.
// A person whose ID number is already stored is skipped, or with
// ImportUpdateExisting gets the sheet's details and steps: a step already
// recorded is updated in its latest record (the one the registers show),
// others are added. A backup is taken first when the store holds data.
func (s *Store) ImportDevelopment(entries []DevEntry, mode ImportMode, source string) (ImportResult, error) {
	var res ImportResult
	if err := s.backupBeforeImport(); err != nil {
		return res, err
	}
	err := s.write(func(tx *Tx) error {
		res = ImportResult{}
		tx.memo = newImportMemo()
		existing, err := tx.idNumberIndex()
		if err != nil {
			return err
		}
		for i := range entries {
			e := entries[i] // a copy: a failed transaction leaves the caller's entries as they were
			old, found := existing[e.Person.IDNumber]
			switch {
			case found && (mode == ImportSkipExisting || old.ID == 0):
				res.Skipped++ // old.ID 0: listed earlier in the same sheet
				continue
			case found:
				err = tx.updateDevEntry(&old, &e, source)
				res.Updated++
				existing[e.Person.IDNumber] = Person{} // listed again further down: the first row wins
			default:
				err = tx.createDevEntry(&e, source)
				res.Imported++
				if e.Person.IDNumber != "" {
					existing[e.Person.IDNumber] = Person{}
				}
			}
			if err != nil {
				return fmt.Errorf("导入“%s”时出错，未导入任何数据：%w", e.Person.Name, err)
			}
		}
		return tx.flushAudit()
	})
	return res, err
}

// createDevEntry stores a new person as an applicant, then the records.
func (tx *Tx) createDevEntry(e *DevEntry, source string) error {
	p := &e.Person
	if p.Name == "" {
		return errors.New("姓名不能为空")
	}
	p.ID, p.Stage, p.Roll = 0, StageApplicant, RollActive
	normalizeNew(p)
	if err := tx.checkUniqueID(p); err != nil {
		return err
	}
	if err := tx.Create(p).Error; err != nil {
		return err
	}
	if err := tx.Audit("导入", entityPerson, p.ID, "从 "+source+" 导入"+p.Name, nil, p); err != nil {
		return err
	}
	tx.createdPerson(p)
	return tx.importSteps(p.ID, e.Steps, nil)
}

// updateDevEntry fills the stored person's details from the sheet (cells
// left empty there keep what is stored) and brings in the records.
func (tx *Tx) updateDevEntry(old *Person, e *DevEntry, source string) error {
	p := *old
	fillFrom(&p, &e.Person)
	if p != *old {
		if err := tx.checkUniqueID(&p); err != nil {
			return err
		}
		tx.stamp(&p.Model, old.Version)
		if err := tx.Save(&p).Error; err != nil {
			return err
		}
		if err := tx.Audit("导入更新", entityPerson, p.ID, "从 "+source+" 导入时更新"+p.Name, old, p); err != nil {
			return err
		}
	}
	stored, err := devStepsOf(tx.DB, p.ID)
	if err != nil {
		return err
	}
	return tx.importSteps(p.ID, e.Steps, stored)
}

// fillFrom copies the personal details a development register carries,
// where the sheet has them.
func fillFrom(p, sheet *Person) {
	for _, f := range []struct{ to, from *string }{
		{&p.Name, &sheet.Name}, {&p.Gender, &sheet.Gender}, {&p.Ethnicity, &sheet.Ethnicity},
		{&p.Education, &sheet.Education}, {&p.NativePlace, &sheet.NativePlace}, {&p.Post, &sheet.Post},
		{&p.BranchName, &sheet.BranchName}, {&p.Title, &sheet.Title}, {&p.Mobile, &sheet.Mobile},
		{&p.Remark, &sheet.Remark},
	} {
		if *f.from != "" {
			*f.to = *f.from
		}
	}
	if !sheet.BirthDate.IsZero() {
		p.BirthDate = sheet.BirthDate
	}
}

// importSteps saves the sheet's records of a person in step order. With
// stored records, a step already recorded is updated in its latest record.
func (tx *Tx) importSteps(personID uint, steps []DevStep, stored []DevStep) error {
	steps = append([]DevStep(nil), steps...)
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].Step < steps[j].Step })
	for i := range steps {
		st := &steps[i]
		st.PersonID, st.ID = personID, 0
		if old := RecordToUpdate(stored, st); old != nil {
			MergeDevStep(st, old)
		}
		if err := tx.saveHistoricalStep(st); err != nil {
			return err
		}
	}
	return nil
}

// LatestDevStep is the latest of the records of step n, or nil: the one a
// register shows and an import updates.
func LatestDevStep(steps []DevStep, n int) *DevStep {
	var out *DevStep
	for i := range steps {
		if steps[i].Step == n && (out == nil || !steps[i].Date.Before(out.Date)) {
			out = &steps[i]
		}
	}
	return out
}

// RecordToUpdate is the stored record an imported record st updates, or
// nil when st is a new record: the latest of its step, or for the repeating
// records of a kind (半年考察, 思想汇报) the one of that kind on that date.
func RecordToUpdate(stored []DevStep, st *DevStep) *DevStep {
	if st.Kind == "" {
		return LatestDevStep(stored, st.Step)
	}
	for i := range stored {
		if stored[i].Step == st.Step && stored[i].Kind == st.Kind && stored[i].Date.Equal(st.Date) {
			return &stored[i]
		}
	}
	return nil
}

// MergeDevStep makes st, read from a sheet, the update of the stored record
// old: what the sheet leaves empty keeps its stored value.
func MergeDevStep(st *DevStep, old *DevStep) {
	st.ID, st.CreatedAt = old.ID, old.CreatedAt
	if st.Start.IsZero() && st.End.IsZero() {
		st.Start, st.End = old.Start, old.End
	}
	if st.Hours == 0 {
		st.Hours = old.Hours
	}
	for _, f := range []struct{ to, from *string }{
		{&st.Result, &old.Result}, {&st.Kind, &old.Kind}, {&st.Number, &old.Number},
		{&st.Source, &old.Source}, {&st.Note, &old.Note},
	} {
		if *f.to == "" {
			*f.to = *f.from
		}
	}
	if st.ExtendTo.IsZero() {
		st.ExtendTo = old.ExtendTo
	}
	if !st.Vote.Recorded() {
		st.Vote = old.Vote
	}
	if len(st.People) == 0 {
		st.People = append([]DevStepPerson(nil), old.People...)
	}
}

// saveHistoricalStep saves one imported record: the same checks and effects
// as SaveDevStep, audited as 导入, with the people taken as the sheet names
// them (see stepEntry).
func (tx *Tx) saveHistoricalStep(st *DevStep) error { return tx.saveDevStep(st, importedEntry) }

// namePeople fills the register names of the people chosen from the
// register; unlike resolvePeople it does not ask whether they were
// eligible on the record's date.
func (tx *Tx) namePeople(st *DevStep, p *Person) error {
	for i := range st.People {
		sp := &st.People[i]
		sp.Name = CleanText(sp.Name)
		if sp.PersonID == nil {
			continue
		}
		name, ok := tx.personName(*sp.PersonID)
		if !ok {
			return fmt.Errorf("找不到%s“%s”，可能已被删除", sp.Role, sp.Name)
		}
		if *sp.PersonID == p.ID {
			return fmt.Errorf("%s不能担任自己的%s", p.Name, sp.Role)
		}
		sp.Name = name
	}
	return nil
}

// ImpliedStage is the stage the records alone put a person at, up to
// 预备党员: what an imported person becomes, and what a past register
// (as of an earlier date) lists them as.
func (t *Timeline) ImpliedStage() Stage { return t.impliedStage() }

// CheckApplicant checks a person as an entry of the development registers
// (入党申请人, 积极分子, 发展对象) as of today: the name, 性别, and the ID number
// with the 性别 and 出生日期 it encodes. Dates of the steps are the rule
// engine's business.
func (p *Person) CheckApplicant(today civil.Date) []FieldIssue {
	var out []FieldIssue
	if p.Name == "" {
		out = append(out, FieldIssue{Field: FieldName, Message: "请填写姓名"})
	}
	out = append(out, p.LengthIssues()...)
	if p.Gender != "" && p.Gender != "男" && p.Gender != "女" {
		out = append(out, FieldIssue{Field: FieldGender, Message: fmt.Sprintf("性别应为“男”或“女”，现在是“%s”", p.Gender)})
	}
	out = append(out, p.checkIDNumber(today)...)
	if p.BirthDate.First().After(today) {
		out = append(out, FieldIssue{Field: FieldBirth, Message: fmt.Sprintf("出生日期 %s 在今天之后，请核对", p.BirthDate)})
	}
	return out
}
