package data

import "sort"

// importMemo lets an import of development registers skip re-reading what
// its own transaction just wrote. Saving one record reads the person, the
// branch's rule version and all of the person's other records; an import of
// 1,000 people with 8 records each did that 8,000 times (15 s, issue 15).
// For a person the import itself created, the records are exactly those the
// import saved, so the memo holds them; people already stored before the
// import are read from the database as usual.
//
// The audit entries of the import are collected and written together at
// the end (flushAudit), in the order they were made: one INSERT per entry
// cost as much as the records themselves. The names of people the records
// name (培养联系人, 谈话人) are read once each.
type importMemo struct {
	branchVersion *string
	created       map[uint]*importedPerson
	names         map[uint]string
	audit         []AuditEntry
}

type importedPerson struct {
	person  Person
	records []DevStep // saved so far, with their IDs and people
}

func newImportMemo() *importMemo {
	return &importMemo{created: map[uint]*importedPerson{}, names: map[uint]string{}}
}

// auditBatch is the entries per INSERT when flushing (see importBatch).
const auditBatch = importBatch

// flushAudit writes the collected audit entries.
func (tx *Tx) flushAudit() error {
	if tx.memo == nil || len(tx.memo.audit) == 0 {
		return nil
	}
	err := tx.CreateInBatches(&tx.memo.audit, auditBatch).Error
	tx.memo.audit = nil
	return err
}

// personName is the register name of a person a record names.
func (tx *Tx) personName(id uint) (string, bool) {
	if tx.memo != nil {
		if n, ok := tx.memo.names[id]; ok {
			return n, true
		}
	}
	var q Person
	if err := tx.Select("id", "name").First(&q, id).Error; err != nil {
		return "", false
	}
	if tx.memo != nil {
		tx.memo.names[id] = q.Name
	}
	return q.Name, true
}

// createdPerson notes a person the import has just created (no records yet).
func (tx *Tx) createdPerson(p *Person) {
	if tx.memo != nil {
		tx.memo.created[p.ID] = &importedPerson{person: *p}
	}
}

// stepPerson is livePerson, from the memo for a person this import created.
func (tx *Tx) stepPerson(id uint) (Person, error) {
	if tx.memo != nil {
		if m := tx.memo.created[id]; m != nil {
			return m.person, nil
		}
	}
	return tx.livePerson(id)
}

// ruleVersion is branchVersion, read once per import.
func (tx *Tx) ruleVersion() string {
	if tx.memo == nil {
		return tx.branchVersion()
	}
	if tx.memo.branchVersion == nil {
		v := tx.branchVersion()
		tx.memo.branchVersion = &v
	}
	return *tx.memo.branchVersion
}

// stepsOf is the person's stored records except exceptID, in the order
// devStepsOf gives (step, date, id).
func (tx *Tx) stepsOf(personID, exceptID uint) ([]DevStep, error) {
	if tx.memo == nil || tx.memo.created[personID] == nil {
		return tx.otherRecords(personID, exceptID)
	}
	var out []DevStep
	for _, st := range tx.memo.created[personID].records {
		if st.ID != exceptID {
			out = append(out, st)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		switch {
		case a.Step != b.Step:
			return a.Step < b.Step
		case !a.Date.Equal(b.Date):
			return a.Date.Before(b.Date)
		}
		return a.ID < b.ID
	})
	return out, nil
}

// savedStep records the outcome of saving st for p: the person as the
// record left them and st among their records.
func (tx *Tx) savedStep(p *Person, st *DevStep) {
	if tx.memo == nil {
		return
	}
	m := tx.memo.created[p.ID]
	if m == nil {
		return
	}
	m.person = *p
	saved := *st
	saved.People = append([]DevStepPerson(nil), st.People...)
	for i := range m.records {
		if m.records[i].ID == st.ID {
			m.records[i] = saved
			return
		}
	}
	m.records = append(m.records, saved)
}
