package data

import (
	"errors"
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"partyoffice/data/civil"
	"partyoffice/data/holidays"
)

const entityDevStep = "发展党员记录"

// Status events of development, kept in the same history as 转出, 出党 …
// They are not in EventSpecs: 停止培养 is done through StopDevelopment, not
// the member status dialog.
const (
	EventStopDevelopment   EventKind = "停止培养"
	EventResumeDevelopment EventKind = "恢复培养"
)

// DevData is everything the 发展党员 checks read, loaded in a few queries.
type DevData struct {
	Branch Branch
	People []Person
	Steps  map[uint][]DevStep     // by person ID
	Events map[uint][]StatusEvent // by person ID, oldest first
	// YoungTeacherTarget is the yearly 优秀青年教师 target (R3), 0 = none.
	YoungTeacherTarget int
	// NationalOnly: the branch checks the national rules only, not the
	// local requirements (LocalRequirements; the 优秀青年教师 target).
	NationalOnly bool
	// Holidays is the official holiday and 调休 table with the user's years
	// (HolidayTable), for the working days of the 公示.
	Holidays holidays.Table
}

// LoadDevData loads the branch, the people, every step record and the status
// history, for the rule engine (package rules) over all people.
func (s *Store) LoadDevData() (DevData, error) {
	var d DevData
	var err error
	if d.Branch, err = s.Branch(); err != nil {
		return d, err
	}
	if d.People, err = s.People(); err != nil {
		return d, err
	}
	if d.Steps, err = s.AllDevSteps(); err != nil {
		return d, err
	}
	d.YoungTeacherTarget = s.YoungTeacherTarget()
	d.NationalOnly = !s.LocalRequirements()
	// A stored table that does not parse (only a damaged file can hold one:
	// SetUserHolidays checks) leaves the official table; the settings
	// screen shows HolidayTable's error.
	d.Holidays, _ = s.HolidayTable()
	d.Events, err = allStatusEvents(s.db)
	return d, err
}

func allStatusEvents(db *gorm.DB) (map[uint][]StatusEvent, error) {
	var events []StatusEvent
	if err := db.Order("person_id, date, id").Find(&events).Error; err != nil {
		return nil, err
	}
	out := map[uint][]StatusEvent{}
	for _, e := range events {
		out[e.PersonID] = append(out[e.PersonID], e)
	}
	return out, nil
}

// withPeople preloads each record's people in the order entered.
func withPeople(db *gorm.DB) *gorm.DB {
	return db.Preload("People", func(q *gorm.DB) *gorm.DB { return q.Order("seq, id") })
}

// DevSteps returns a person's records with their people, by step then date.
func (s *Store) DevSteps(personID uint) ([]DevStep, error) {
	return devStepsOf(s.db, personID)
}

func devStepsOf(db *gorm.DB, personID uint) ([]DevStep, error) {
	var out []DevStep
	err := withPeople(db).Where("person_id = ?", personID).Order("step, date, id").Find(&out).Error
	return out, err
}

// AllDevSteps returns every live record by person, in two queries (records,
// then their people) however many people there are.
func (s *Store) AllDevSteps() (map[uint][]DevStep, error) {
	var all []DevStep
	if err := withPeople(s.db).Order("person_id, step, date, id").Find(&all).Error; err != nil {
		return nil, err
	}
	out := map[uint][]DevStep{}
	for _, st := range all {
		out[st.PersonID] = append(out[st.PersonID], st)
	}
	return out, nil
}

// DevTimeline is a person's timeline under the branch's default version.
func (s *Store) DevTimeline(personID uint) (Timeline, error) {
	p, err := s.Person(personID)
	if err != nil {
		return Timeline{}, err
	}
	steps, err := s.DevSteps(personID)
	if err != nil {
		return Timeline{}, err
	}
	b, err := s.Branch()
	if err != nil {
		return Timeline{}, err
	}
	return TimelineAsOf(&p, steps, civil.Date{}, b.RuleVersion), nil
}

// SaveDevStep creates (ID 0) or updates a record, in one audited
// transaction. It refuses what would break the record: a wrong structure
// (ValidateDevStep), a second record of a step that happens once, an
// introducer or 培养联系人 not eligible on the date. Then it moves the
// person along as the records say (development_apply.go): step 1 → 入党申请人,
// 3 → 入党积极分子, 7 → 发展对象, 17 同意 → 预备党员 (入党日期 = step 15),
// 24 同意 → 转正 on 预备期满 / 延长预备期 / 取消预备党员资格.
//
// Late or out-of-order records are accepted (history is what it was); the
// rule engine reports them.
func (s *Store) SaveDevStep(st *DevStep) error {
	return s.writeVersioned(&st.Model, func(tx *Tx) error { return tx.SaveDevStep(st) })
}

// SaveDevSteps saves several records in one transaction, in order: all of
// them or, at the first refusal, none (an import of a whole 全程纪实 history).
// The error names the record refused.
func (s *Store) SaveDevSteps(steps []DevStep) error {
	return s.write(func(tx *Tx) error {
		for i := range steps {
			if err := tx.SaveDevStep(&steps[i]); err != nil {
				return fmt.Errorf("第%d条记录（第%d步，%s）：%w", i+1, steps[i].Step, steps[i].Date, err)
			}
		}
		return nil
	})
}

// SaveDevStep inside a transaction.
func (tx *Tx) SaveDevStep(st *DevStep) error { return tx.saveDevStep(st, typedEntry) }

// stepEntry says how a record came in: typed into the form (people must be
// eligible on the record's date) or imported from an office's sheet, where
// the past is recorded as the sheet states it and the rule engine reports
// an ineligible 介绍人 afterwards instead of the import refusing the row.
type stepEntry struct {
	resolve           func(tx *Tx, st *DevStep, p *Person) error
	created, modified string // audit actions
	validate          func(st *DevStep, version string, today civil.Date) error
}

var (
	typedEntry    = stepEntry{(*Tx).resolvePeople, "新增", "修改", ValidateDevStep}
	importedEntry = stepEntry{(*Tx).namePeople, "导入", "导入更新", ValidateImportedStep}
)

func (tx *Tx) saveDevStep(st *DevStep, entry stepEntry) error {
	p, err := tx.stepPerson(st.PersonID)
	if err != nil {
		return err
	}
	before, err := tx.previousRecord(st, &p)
	if err != nil {
		return err
	}
	branchVersion := tx.ruleVersion()
	version := VersionOf(&p, branchVersion)
	all, err := tx.checkRecord(st, &p, version, entry)
	if err != nil {
		return err
	}
	if err := tx.storeRecord(st, before); err != nil {
		return err
	}
	action, old := entry.created, any(nil) // a nil *DevStep would be audited as "null"
	if before != nil {
		action, old = entry.modified, before
	}
	if err := tx.Audit(action, entityDevStep, st.ID, recordSummary(&p, st, version), old, st); err != nil {
		return err
	}
	all[len(all)-1] = *st // now with its ID and people
	if err := tx.applyDevelopment(&p, all, branchVersion); err != nil {
		return err
	}
	tx.savedStep(&p, st)
	return nil
}

// checkRecord refuses a record that would break the person's history and
// returns all of the person's records with it last.
func (tx *Tx) checkRecord(st *DevStep, p *Person, version string, entry stepEntry) ([]DevStep, error) {
	st.Note = CleanText(st.Note)
	st.Number = CleanText(st.Number)
	if err := entry.validate(st, version, tx.today); err != nil {
		return nil, err
	}
	others, err := tx.stepsOf(p.ID, st.ID)
	if err != nil {
		return nil, err
	}
	if err := checkRecordCount(st, p, version, others); err != nil {
		return nil, err
	}
	if err := entry.resolve(tx, st, p); err != nil {
		return nil, err
	}
	all := append(others, *st)
	return all, checkPrerequisites(st, p, all, version)
}

func (tx *Tx) livePerson(id uint) (Person, error) {
	var p Person
	if err := tx.First(&p, id).Error; err != nil {
		return p, errors.New("找不到这个人，可能已被删除；请先在名册或回收站中核对")
	}
	return p, nil
}

// previousRecord loads the stored version of an update (nil for a new
// record), and refuses new records for people no longer being developed.
func (tx *Tx) previousRecord(st *DevStep, p *Person) (*DevStep, error) {
	if st.ID == 0 {
		if p.Roll != RollActive {
			return nil, fmt.Errorf("%s的在册状态是“%s”，不能再登记发展党员的步骤%s", p.Name, p.Roll, resumeHint(p))
		}
		return nil, nil
	}
	var old DevStep
	if err := withPeople(tx.DB).First(&old, st.ID).Error; err != nil {
		return nil, errors.New("找不到要修改的这条记录，它可能已被删除")
	}
	if old.PersonID != st.PersonID {
		return nil, errors.New("这条记录属于另一个人，不能改到别人名下；请删除后在正确的人名下重新登记")
	}
	return &old, nil
}

func resumeHint(p *Person) string {
	if p.Roll == RollStopped {
		return "；如需继续培养，请先“恢复培养”"
	}
	return ""
}

func (tx *Tx) branchVersion() string {
	var b Branch
	tx.Limit(1).Find(&b, 1)
	return b.RuleVersion
}

func (tx *Tx) otherRecords(personID, exceptID uint) ([]DevStep, error) {
	steps, err := devStepsOf(tx.DB, personID)
	if err != nil {
		return nil, err
	}
	out := steps[:0]
	for _, st := range steps {
		if st.ID != exceptID {
			out = append(out, st)
		}
	}
	return out, nil
}

// checkRecordCount refuses a second record of a step that happens once.
func checkRecordCount(st *DevStep, p *Person, version string, others []DevStep) error {
	def := st.Def()
	var existing []DevStep
	for _, o := range others {
		if o.Step == st.Step {
			existing = append(existing, o)
		}
	}
	switch {
	case def.MaxRecords == 0 || len(existing) < def.MaxRecords:
		return nil
	case def.MaxRecords == 1:
		return fmt.Errorf("%s已有%s的记录（%s），请修改那条记录，不要重复登记",
			p.Name, def.Title(version), existing[0].Date)
	}
	return fmt.Errorf("%s最多登记%d次（延长预备期时一次，最终决定一次），%s已有%d条",
		def.Title(version), def.MaxRecords, p.Name, len(existing))
}

// resolvePeople fills the names of people chosen from the register and
// refuses anyone who may not serve on the record's date.
func (tx *Tx) resolvePeople(st *DevStep, p *Person) error {
	def := st.Def()
	for i := range st.People {
		sp := &st.People[i]
		sp.Name = CleanText(sp.Name)
		if sp.PersonID == nil {
			continue
		}
		var q Person
		if err := tx.First(&q, *sp.PersonID).Error; err != nil {
			return fmt.Errorf("找不到所选的%s“%s”，可能已被删除", sp.Role, sp.Name)
		}
		sp.Name = q.Name
		if q.ID == p.ID {
			return fmt.Errorf("%s不能担任自己的%s", p.Name, sp.Role)
		}
		if need := def.Need(sp.Role); need == nil || !need.Members {
			continue
		}
		var history []StatusEvent
		if err := tx.Where("person_id = ?", q.ID).Order("date, id").Find(&history).Error; err != nil {
			return err
		}
		if problem := EligibilityProblem(&q, history, st.Date); problem != "" {
			return fmt.Errorf("%s“%s”不符合条件：%s。%s应是 %s 时的正式党员，且不在留党察看期内",
				sp.Role, q.Name, problem, sp.Role, st.Date)
		}
	}
	return nil
}

// storeRecord writes the record and replaces its people.
func (tx *Tx) storeRecord(st *DevStep, before *DevStep) error {
	if before == nil {
		if err := tx.Omit(clause.Associations).Create(st).Error; err != nil {
			return err
		}
	} else {
		if err := tx.saveVersioned(st, &st.Model, before.Model); err != nil {
			return err
		}
		if err := tx.Where("step_id = ?", st.ID).Delete(&DevStepPerson{}).Error; err != nil {
			return err
		}
	}
	for i := range st.People {
		st.People[i].ID, st.People[i].StepID, st.People[i].Seq = 0, st.ID, i
	}
	if len(st.People) == 0 {
		return nil
	}
	return tx.Create(&st.People).Error
}

func recordSummary(p *Person, st *DevStep, version string) string {
	s := fmt.Sprintf("%s：%s（%s）", p.Name, st.Def().Title(version), st.Date)
	if st.Result != "" {
		s += " " + st.Result
	}
	return s
}

// DeleteDevStep moves a record to the recycle bin. A person still being
// developed steps back when the record was what put them at their stage
// (deleting a mistaken 确定发展对象 makes them an activist again). Membership
// is never undone here: a 预备党员 or 正式党员 stays one, and a wrong 入党 or
// 转正 is corrected in the member's own record.
func (s *Store) DeleteDevStep(id uint) error {
	return s.write(func(tx *Tx) error {
		var st DevStep
		if err := withPeople(tx.DB).First(&st, id).Error; err != nil {
			return errors.New("找不到这条记录，它可能已被删除")
		}
		p, err := tx.livePerson(st.PersonID)
		if err != nil {
			return err
		}
		branchVersion := tx.branchVersion()
		version := VersionOf(&p, branchVersion)
		if err := tx.Delete(&st).Error; err != nil {
			return err
		}
		if err := tx.Audit("删除", entityDevStep, id, recordSummary(&p, &st, version)+"（移入回收站）", st, nil); err != nil {
			return err
		}
		return tx.stepBack(&p, &st, branchVersion)
	})
}

// NewApplicant records a new 入党申请人 with the date of the 入党申请书 (step 1),
// in one transaction. The rule version is the person's if set, else the
// one in force on that date (RuleVersionFor). Under-age applications are
// recorded and reported by the checks (D1), not refused: the store records
// history as it happened.
func (s *Store) NewApplicant(p *Person, applied civil.Date) error {
	if applied.IsZero() {
		return errors.New("请填写递交入党申请书的日期")
	}
	if p.RuleVersion != "" && RuleVersionByID(p.RuleVersion) == nil {
		return fmt.Errorf("不认识的发展党员工作细则版本“%s”", p.RuleVersion)
	}
	return s.write(func(tx *Tx) error {
		p.Normalize()
		p.Stage, p.Roll = StageApplicant, RollActive
		if p.RuleVersion == "" {
			p.RuleVersion = RuleVersionFor(applied, tx.branchVersion())
		}
		if err := tx.CreatePerson(p); err != nil {
			return err
		}
		if err := tx.SaveDevStep(&DevStep{PersonID: p.ID, Step: StepApply, Date: applied}); err != nil {
			return err
		}
		return tx.First(p, p.ID).Error
	})
}

// StopDevelopment records 停止培养 of an applicant, activist or 发展对象: they
// leave the development registers (Roll 停止培养) with the date and reason kept
// in their history. Members leave through the status events instead.
func (s *Store) StopDevelopment(personID uint, date civil.Date, note string) error {
	return s.changeDevelopment(personID, StatusEvent{Kind: EventStopDevelopment, Date: date, Note: note})
}

// ResumeDevelopment undoes 停止培养: the person is developed again from the
// stage they had reached.
func (s *Store) ResumeDevelopment(personID uint, date civil.Date, note string) error {
	return s.changeDevelopment(personID, StatusEvent{Kind: EventResumeDevelopment, Date: date, Note: note})
}

func (s *Store) changeDevelopment(personID uint, e StatusEvent) error {
	return s.write(func(tx *Tx) error {
		p, err := tx.livePerson(personID)
		if err != nil {
			return err
		}
		if err := developmentChangeProblem(&p, &e, tx.today); err != nil {
			return err
		}
		before := p
		if e.Kind == EventStopDevelopment {
			p.Roll, p.RollDate = RollStopped, e.Date
		} else {
			p.Roll, p.RollDate = RollActive, civil.Date{}
		}
		return tx.recordEvent(&before, &p, &e)
	})
}

func developmentChangeProblem(p *Person, e *StatusEvent, today civil.Date) error {
	e.Note = CleanText(e.Note)
	switch {
	case e.Date.IsZero():
		return fmt.Errorf("请填写%s的日期", e.Kind)
	case e.Date.First().After(today):
		return fmt.Errorf("%s的日期 %s 在今天之后，请核对", e.Kind, e.Date)
	case p.Stage.IsMember():
		return fmt.Errorf("%s是%s，不适用“%s”；党员的变化请在名册中用“状态变更”登记", p.Name, p.Stage, e.Kind)
	case e.Kind == EventStopDevelopment && p.Roll != RollActive:
		return fmt.Errorf("%s目前的在册状态是“%s”，不能再停止培养", p.Name, p.Roll)
	case e.Kind == EventResumeDevelopment && p.Roll != RollStopped:
		return fmt.Errorf("%s没有停止培养，不需要恢复", p.Name)
	case e.Kind == EventStopDevelopment && e.Note == "":
		return errors.New("请写明停止培养的原因，以备日后查考")
	}
	return nil
}

// recordEvent stores a status event with the person's new state and audits
// it, as Store.AddStatusEvent does for the member status changes.
func (tx *Tx) recordEvent(before, p *Person, e *StatusEvent) error {
	e.ID, e.PersonID = 0, p.ID
	if err := tx.Create(e).Error; err != nil {
		return err
	}
	tx.stamp(&p.Model, before.Version)
	if err := tx.Save(p).Error; err != nil {
		return err
	}
	return tx.Audit("状态变更", entityPerson, p.ID, fmt.Sprintf("%s：%s（%s）", p.Name, e.Kind, e.Date), before, p)
}

// EligibleIntroducers lists the people who may be 入党介绍人 on the date:
// 正式党员 of the branch then, not under 留党察看 (EligibilityProblem).
func (s *Store) EligibleIntroducers(on civil.Date) ([]Person, error) { return s.eligibleOn(on) }

// EligibleContacts lists the people who may be 培养联系人 on the date; the
// 细则 (第九条) asks the same of them as of introducers.
func (s *Store) EligibleContacts(on civil.Date) ([]Person, error) { return s.eligibleOn(on) }

func (s *Store) eligibleOn(on civil.Date) ([]Person, error) {
	people, err := s.People()
	if err != nil {
		return nil, err
	}
	events, err := allStatusEvents(s.db)
	if err != nil {
		return nil, err
	}
	var out []Person
	for i := range people {
		if EligibilityProblem(&people[i], events[people[i].ID], on) == "" {
			out = append(out, people[i])
		}
	}
	return out, nil
}
