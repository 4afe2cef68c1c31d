package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"partyoffice/data/civil"
)

const entityMeeting = "会议记录"

// MeetingFilter narrows the list of meetings; zero values mean "any".
type MeetingFilter struct {
	From, To civil.Date // both included
	Type     MeetingType
	GroupID  uint
	Text     string // in the title, place, agenda, topic, resolution
}

// withMeetingParts preloads a sitting's attendance, speeches, decisions and
// attachments, each in the order entered.
func withMeetingParts(db *gorm.DB) *gorm.DB {
	ordered := func(q *gorm.DB) *gorm.DB { return q.Order("seq, id") }
	return db.Preload("Attendance", ordered).Preload("Speeches", ordered).Preload("Decisions", ordered).
		Preload("Attachments", func(q *gorm.DB) *gorm.DB { return q.Order("id") })
}

// Meetings lists the sittings that pass the filter, oldest first, with all
// their parts.
func (s *Store) Meetings(f MeetingFilter) ([]Meeting, error) {
	q := withMeetingParts(s.db)
	if !f.From.IsZero() {
		q = q.Where("date >= ?", f.From.String())
	}
	if !f.To.IsZero() {
		q = q.Where("date <= ?", f.To.String())
	}
	if f.Type != "" {
		q = q.Where("types LIKE ?", "%"+jsonString(string(f.Type))+"%")
	}
	if f.GroupID != 0 {
		q = q.Where("group_id = ?", f.GroupID)
	}
	if t := CleanText(f.Text); t != "" {
		q = q.Where(containsText(t, "title", "place", "agenda", "topic", "resolution", "host"))
	}
	var out []Meeting
	err := q.Order("date, start, id").Find(&out).Error
	return out, err
}

// jsonString is s as it appears inside the JSON of the types column.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// Meeting returns one sitting with all its parts.
func (s *Store) Meeting(id uint) (Meeting, error) {
	var m Meeting
	err := withMeetingParts(s.db).First(&m, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return m, ErrNotFound
	}
	return m, err
}

// SaveMeeting creates (ID 0) or updates a sitting with its attendance,
// speeches and decisions, in one audited transaction. Attachments are added
// and removed on their own (AddMeetingAttachment), not here.
//
// The store decides who was expected (应到) and who had 表决权 from the
// register on the meeting date; m.Attendance says how each person took part
// and must cover every expected person (AttendanceBasis.PrepareAttendance
// prepares it). When an update keeps the date, the types and the 党小组, the
// 应到 recorded at the time is kept: later changes to the committee or the
// groups do not rewrite old minutes.
//
// 发展党员 decisions are not applied here; see LinkDecisionStep.
func (s *Store) SaveMeeting(m *Meeting) error {
	return s.writeVersioned(&m.Model, func(tx *Tx) error { return tx.SaveMeeting(m) })
}

// SaveMeetings saves several sittings in one transaction, all or none,
// reading the register once: for imports and the demo data.
func (s *Store) SaveMeetings(ms []*Meeting) error {
	return s.write(func(tx *Tx) error {
		basis, err := loadAttendanceBasis(tx.DB)
		if err != nil {
			return err
		}
		for _, m := range ms {
			if err := tx.saveMeeting(m, &basis); err != nil {
				return fmt.Errorf("%s %s：%w", m.Date, m.TypeNames(), err)
			}
		}
		return nil
	})
}

// SaveMeeting inside a transaction.
func (tx *Tx) SaveMeeting(m *Meeting) error {
	basis, err := loadAttendanceBasis(tx.DB)
	if err != nil {
		return err
	}
	return tx.saveMeeting(m, &basis)
}

func (tx *Tx) saveMeeting(m *Meeting, b *AttendanceBasis) error {
	before, err := tx.storedMeeting(m.ID)
	if err != nil {
		return err
	}
	if err := m.tidy(); err != nil {
		return err
	}
	if err := tx.resolveMeetingPeople(m, b, before); err != nil {
		return err
	}
	if err := m.validateSitting(&b.Settings, tx.today); err != nil {
		return err
	}
	if err := tx.checkGroup(m, &b.Settings); err != nil {
		return err
	}
	if err := tx.settle(m, b, before); err != nil {
		return err
	}
	if err := m.checkRolesPresent(); err != nil {
		return err
	}
	keepLinks(m, before)
	if err := tx.storeMeeting(m, before); err != nil {
		return err
	}
	action := "新增"
	if before != nil {
		action = "修改"
	}
	return tx.Audit(action, entityMeeting, m.ID, meetingSummary(m), before, m)
}

// settle checks the attendance against 应到, unless the sitting comes from
// an old record without names (Meeting.AttendanceUnrecorded) and still has
// none.
func (tx *Tx) settle(m *Meeting, b *AttendanceBasis, before *Meeting) error {
	if m.Source != "" && m.AttendanceUnrecorded && len(m.Attendance) == 0 {
		if m.RecordedPresent > m.RecordedExpected && m.RecordedExpected > 0 {
			return fmt.Errorf("实到 %d 人多于应到 %d 人，请核对", m.RecordedPresent, m.RecordedExpected)
		}
		return nil
	}
	m.AttendanceUnrecorded, m.RecordedExpected, m.RecordedPresent = false, 0, 0
	expected := b.expectations(m)
	if before != nil && SameSitting(before, m) && !before.AttendanceUnrecorded {
		expected = recordedExpectations(before)
	}
	return m.settleAttendance(expected, b)
}

func (tx *Tx) storedMeeting(id uint) (*Meeting, error) {
	if id == 0 {
		return nil, nil
	}
	var old Meeting
	if err := withMeetingParts(tx.DB).First(&old, id).Error; err != nil {
		return nil, errors.New("找不到要修改的会议记录，它可能已被删除")
	}
	return &old, nil
}

func loadAttendanceBasis(db *gorm.DB) (AttendanceBasis, error) {
	var b AttendanceBasis
	if err := db.Limit(1).Find(&b.Branch, 1).Error; err != nil {
		return b, err
	}
	if err := db.Order("id").Find(&b.People).Error; err != nil {
		return b, err
	}
	var err error
	if b.Events, err = allStatusEvents(db); err != nil {
		return b, err
	}
	b.Settings, err = meetingSettingsFrom(db)
	return b, err
}

func meetingSettingsFrom(db *gorm.DB) (MeetingSettings, error) {
	var st Setting
	if err := db.Limit(1).Find(&st, "key = ?", settingMeetings).Error; err != nil {
		return MeetingSettings{}, err
	}
	if st.Value == "" {
		return DefaultMeetingSettings(), nil
	}
	var ms MeetingSettings
	if err := json.Unmarshal([]byte(st.Value), &ms); err != nil {
		return DefaultMeetingSettings(), nil // Store.MeetingSettings reports it; saving minutes need not fail
	}
	ms.complete()
	return ms, nil
}

// resolveMeetingPeople fills the names of the people chosen from the
// register, so the minutes keep them whatever happens to the records later.
// Someone deleted since keeps the name the stored minutes gave them: old
// minutes stay editable.
func (tx *Tx) resolveMeetingPeople(m *Meeting, b *AttendanceBasis, before *Meeting) error {
	names := make(map[uint]string, len(b.People))
	if before != nil {
		for id, n := range before.peopleNames() {
			names[id] = n
		}
	}
	for i := range b.People {
		names[b.People[i].ID] = b.People[i].Name
	}
	name := func(id *uint, field *string, role string) error {
		if id == nil {
			return nil
		}
		n, ok := names[*id]
		if !ok {
			return fmt.Errorf("找不到所选的%s，可能已被删除；请重新选择", role)
		}
		*field = n
		return nil
	}
	for _, r := range []struct {
		id    *uint
		field *string
		role  string
	}{{m.HostID, &m.Host, "主持人"}, {m.RecorderID, &m.Recorder, "记录人"}, {m.LecturerID, &m.Lecturer, "党课主讲人"}} {
		if err := name(r.id, r.field, r.role); err != nil {
			return err
		}
	}
	for i := range m.Speeches {
		if err := name(m.Speeches[i].PersonID, &m.Speeches[i].Speaker, "发言人"); err != nil {
			return err
		}
	}
	for i := range m.Decisions {
		d := &m.Decisions[i]
		if err := name(d.PersonID, &d.PersonName, d.Kind.object()); err != nil {
			return err
		}
		if d.Subject == "" {
			d.Subject = d.defaultSubject()
		}
	}
	for i := range m.Attendance {
		a := &m.Attendance[i]
		id := a.PersonID
		if err := name(&id, &a.Name, "考勤人员“"+a.Name+"”"); err != nil {
			return err
		}
	}
	return nil
}

// peopleNames are the names the stored minutes give the people they name.
func (m *Meeting) peopleNames() map[uint]string {
	out := map[uint]string{}
	put := func(id *uint, name string) {
		if id != nil {
			out[*id] = name
		}
	}
	put(m.HostID, m.Host)
	put(m.RecorderID, m.Recorder)
	put(m.LecturerID, m.Lecturer)
	for _, sp := range m.Speeches {
		put(sp.PersonID, sp.Speaker)
	}
	for _, d := range m.Decisions {
		put(d.PersonID, d.PersonName)
	}
	for _, a := range m.Attendance {
		out[a.PersonID] = a.Name
	}
	return out
}

func (k DecisionKind) object() string {
	if k == DecideConfirmation {
		return "预备党员"
	}
	return "发展对象"
}

func (tx *Tx) checkGroup(m *Meeting, ms *MeetingSettings) error {
	if !ms.NeedsGroup(m.Types) {
		m.GroupID = nil // a group only means something for a group's meeting
		return nil
	}
	if m.GroupID == nil {
		return errors.New("党小组会请选择是哪个党小组")
	}
	var g PartyGroup
	if err := tx.First(&g, *m.GroupID).Error; err != nil {
		return errors.New("所选的党小组不存在或已被删除，请重新选择")
	}
	return nil
}

// expectedPerson is one person counted in 应到, with 表决权 on the date.
type expectedPerson struct {
	id    uint
	name  string
	voter bool
}

// expectations is 应到 from the register, in register order.
func (b *AttendanceBasis) expectations(m *Meeting) []expectedPerson {
	rows := b.PrepareAttendance(&Meeting{Types: m.Types, Date: m.Date, GroupID: m.GroupID})
	out := make([]expectedPerson, len(rows))
	for i, a := range rows {
		out[i] = expectedPerson{a.PersonID, a.Name, a.Voter}
	}
	return out
}

// recordedExpectations is 应到 as saved with the sitting before.
func recordedExpectations(m *Meeting) []expectedPerson {
	var out []expectedPerson
	for _, a := range m.Attendance {
		if a.Expected {
			out = append(out, expectedPerson{a.PersonID, a.Name, a.Voter})
		}
	}
	return out
}

// SameSitting reports whether two records are of one sitting: the same
// date, types and 党小组.
func SameSitting(a, b *Meeting) bool {
	if !a.Date.Equal(b.Date) || len(a.Types) != len(b.Types) || !sameGroup(a.GroupID, b.GroupID) {
		return false
	}
	for _, t := range a.Types {
		if !b.HasType(t) {
			return false
		}
	}
	return true
}

func sameGroup(a, b *uint) bool { return (a == nil && b == nil) || (a != nil && b != nil && *a == *b) }

// settleAttendance checks the attendance against 应到 and orders it: the
// expected people first (each must be there, as 出席, 请假 or 缺席, with a
// reason when not present), then the register people who 列席. Someone not
// expected who came is 列席 whatever was ticked; someone not expected who did
// not come has no place in the minutes.
func (m *Meeting) settleAttendance(expected []expectedPerson, b *AttendanceBasis) error {
	if len(expected) == 0 {
		return noAttendeesError(m, b)
	}
	rows := map[uint]MeetingAttendance{}
	for _, a := range m.Attendance {
		if _, dup := rows[a.PersonID]; dup {
			return fmt.Errorf("考勤中“%s”出现了两次", a.Name)
		}
		if !oneOf(string(a.Status), presenceNames()...) {
			return fmt.Errorf("“%s”的出席情况应为%s", a.Name, strings.Join(presenceNames(), "、"))
		}
		rows[a.PersonID] = a
	}
	out := make([]MeetingAttendance, 0, len(m.Attendance))
	var missing []string
	isExpected := map[uint]bool{}
	for _, e := range expected {
		isExpected[e.id] = true
		a, ok := rows[e.id]
		if !ok {
			missing = append(missing, e.name)
			continue
		}
		if a.Status == Attender {
			return fmt.Errorf("%s是应到人员，请选择出席、请假或缺席（列席指不在应到范围内的人员）", a.Name)
		}
		if a.Status != Present && a.Reason == "" {
			return fmt.Errorf("请填写%s%s的原因（例如“外出培训”“病假”；确无原因可填“无故缺席”）", a.Name, a.Status)
		}
		if a.Status == Present {
			a.Reason = ""
		}
		a.Expected, a.Voter = true, e.voter
		out = append(out, a)
	}
	if len(missing) > 0 {
		return fmt.Errorf("以下应到人员还没有登记出席情况：%s（请刷新考勤名单）", strings.Join(missing, "、"))
	}
	for _, a := range m.Attendance {
		if isExpected[a.PersonID] || !a.Status.Attended() {
			continue
		}
		a.Status, a.Expected, a.Voter = Attender, false, false
		out = append(out, a)
	}
	for i := range out {
		out[i].ID, out[i].MeetingID, out[i].Seq = 0, m.ID, i
	}
	m.Attendance = out
	return nil
}

// checkRolesPresent refuses minutes whose 主持人, 记录人, 主讲人 or a speaker
// is recorded as not there: one of the two is wrong.
func (m *Meeting) checkRolesPresent() error {
	roles := []struct {
		id   *uint
		role string
	}{{m.HostID, "主持人"}, {m.RecorderID, "记录人"}, {m.LecturerID, "党课主讲人"}}
	for _, sp := range m.Speeches {
		roles = append(roles, struct {
			id   *uint
			role string
		}{sp.PersonID, "发言人"})
	}
	for _, r := range roles {
		if r.id == nil {
			continue
		}
		if a := m.AttendanceOf(*r.id); a != nil && !a.Status.Attended() {
			return fmt.Errorf("%s%s在考勤中登记为%s，请核对考勤或%s", r.role, a.Name, a.Status, r.role)
		}
	}
	return nil
}

func presenceNames() []string {
	out := make([]string, len(Presences))
	for i, p := range Presences {
		out[i] = string(p)
	}
	return out
}

// noAttendeesError says why nobody is expected, and what to fill in.
func noAttendeesError(m *Meeting, b *AttendanceBasis) error {
	for _, scope := range b.Settings.Scopes(m.Types) {
		if scope == ScopeCommittee && len(CommitteeNames(&b.Branch)) == 0 {
			return errors.New("还没有设置支部委员，无法确定支委会的应到人员：请先在“设置与数据”的支部信息中填写书记和委员")
		}
		if scope == ScopeGroup {
			return fmt.Errorf("所选党小组在 %s 没有在册党员，请核对党小组或会议日期", m.Date)
		}
	}
	return fmt.Errorf("%s 党员名册中没有在册党员，无法确定应到人员：请先录入党员（含加入党组织日期）", m.Date)
}

// keepLinks keeps a decision's link to the 发展党员 record it filled only
// when the stored sitting had that same link for the same person: a link
// cannot be forged by the caller.
func keepLinks(m *Meeting, before *Meeting) {
	linked := map[uint]uint{} // dev step → person
	if before != nil {
		for _, d := range before.Decisions {
			if d.DevStepID != nil && d.PersonID != nil {
				linked[*d.DevStepID] = *d.PersonID
			}
		}
	}
	for i := range m.Decisions {
		d := &m.Decisions[i]
		if d.DevStepID == nil || d.PersonID == nil || linked[*d.DevStepID] != *d.PersonID || d.Kind.DevStep() == 0 {
			d.DevStepID = nil
		}
	}
}

// storeMeeting writes the sitting and replaces its attendance, speeches and
// decisions.
func (tx *Tx) storeMeeting(m *Meeting, before *Meeting) error {
	if before == nil {
		if err := tx.Omit(clause.Associations).Create(m).Error; err != nil {
			return err
		}
	} else {
		if err := tx.saveVersioned(m, &m.Model, before.Model); err != nil {
			return err
		}
		for _, child := range []any{&MeetingAttendance{}, &MeetingSpeech{}, &MeetingDecision{}} {
			if err := tx.Where("meeting_id = ?", m.ID).Delete(child).Error; err != nil {
				return err
			}
		}
	}
	for i := range m.Attendance {
		m.Attendance[i].ID, m.Attendance[i].MeetingID, m.Attendance[i].Seq = 0, m.ID, i
	}
	for i := range m.Speeches {
		m.Speeches[i].ID, m.Speeches[i].MeetingID, m.Speeches[i].Seq = 0, m.ID, i
	}
	for i := range m.Decisions {
		m.Decisions[i].ID, m.Decisions[i].MeetingID, m.Decisions[i].Seq = 0, m.ID, i
	}
	if err := createRows(tx.DB, m.Attendance); err != nil {
		return err
	}
	if err := createRows(tx.DB, m.Speeches); err != nil {
		return err
	}
	return createRows(tx.DB, m.Decisions)
}

// createRows inserts rows in batches (docs/ARCHITECTURE.md#sqlite: batch × columns under
// SQLite's variable limit); no rows is nothing to do.
func createRows[T any](db *gorm.DB, rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	return db.CreateInBatches(rows, 200).Error
}

// meetingSummary is the audit line: "2026-03-05 支部党员大会、主题党日（应到 30 人，实到 28 人）".
func meetingSummary(m *Meeting) string {
	c := m.Counts()
	line := fmt.Sprintf("%s %s（应到 %d 人，实到 %d 人）", m.Date, m.TypeNames(), c.Expected, c.Present)
	if m.Source != "" {
		line += "，导入自 " + m.Source
	}
	return line
}

// DeleteMeeting moves a sitting to the recycle bin. 发展党员 records it
// filled stay: they are the person's history and are corrected there.
func (s *Store) DeleteMeeting(id uint) error {
	return s.write(func(tx *Tx) error {
		m, err := tx.storedMeeting(id)
		if err != nil {
			return err
		}
		if err := tx.Delete(&Meeting{}, id).Error; err != nil {
			return err
		}
		return tx.Audit("删除", entityMeeting, id, meetingSummary(m)+"（移入回收站）", m, nil)
	})
}

// DeletedMeetings lists the sittings in the recycle bin, most recently
// deleted first.
func (s *Store) DeletedMeetings() ([]Meeting, error) {
	var out []Meeting
	err := s.db.Unscoped().Where("deleted_at IS NOT NULL").Order("deleted_at DESC").Find(&out).Error
	return out, err
}

// RestoreMeeting takes a sitting out of the recycle bin.
func (s *Store) RestoreMeeting(id uint) error {
	return s.write(func(tx *Tx) error {
		var m Meeting
		if err := tx.Unscoped().Where("deleted_at IS NOT NULL").First(&m, id).Error; err != nil {
			return errors.New("回收站里没有这条会议记录")
		}
		if err := tx.Unscoped().Model(&m).Update("deleted_at", nil).Error; err != nil {
			return err
		}
		return tx.Audit("恢复", entityMeeting, id, "从回收站恢复 "+m.Date.String()+" "+m.TypeNames(), nil, m)
	})
}

// PurgeMeeting deletes a sitting in the recycle bin for good, with its
// parts and its attachment records; attachment files no other record uses
// are removed after the transaction. As for a person (PurgePerson), the
// sitting's entries in the audit log and those of its attachments keep who
// did what kind of thing when, but lose their content (who came, who was
// away and why, what was said, file names): 彻底删除 means gone.
func (s *Store) PurgeMeeting(id uint) error {
	var files []string
	err := s.write(func(tx *Tx) error {
		var m Meeting
		if err := withMeetingParts(tx.Unscoped()).Where("deleted_at IS NOT NULL").First(&m, id).Error; err != nil {
			return errors.New("只能彻底删除回收站里的会议记录")
		}
		var atts []MeetingAttachment
		if err := tx.Unscoped().Where("meeting_id = ?", id).Find(&atts).Error; err != nil {
			return err
		}
		for _, child := range []any{&MeetingAttendance{}, &MeetingSpeech{}, &MeetingDecision{}} {
			if err := tx.Where("meeting_id = ?", id).Delete(child).Error; err != nil {
				return err
			}
		}
		if err := tx.Unscoped().Where("meeting_id = ?", id).Delete(&MeetingAttachment{}).Error; err != nil {
			return err
		}
		if err := tx.Unscoped().Delete(&Meeting{}, id).Error; err != nil {
			return err
		}
		for _, a := range atts {
			files = append(files, a.Path)
			if err := tx.redactAudit(entityAttachment, a.ID); err != nil {
				return err
			}
		}
		if err := tx.redactAudit(entityMeeting, id); err != nil {
			return err
		}
		return tx.Audit("彻底删除", entityMeeting, id,
			"彻底删除 "+m.Date.String()+" "+m.TypeNames()+"（其内容已从操作记录中抹去）", nil, nil)
	})
	if err == nil {
		s.removeUnusedFiles(files)
	}
	return err
}

// MeetingsToJudge is every sitting, oldest first, with what the compliance
// judgements read: the attendance and the decisions, not the speeches or the
// attachments (a form opens its sitting with Meeting). Three set-based
// queries; the attendance — 200,000 rows for five years of a big branch —
// is scanned without GORM's per-row reflection, which cost 0.8 s of `check`.
func (s *Store) MeetingsToJudge() ([]Meeting, error) {
	var out []Meeting
	if err := s.db.Order("date, start, id").Find(&out).Error; err != nil {
		return nil, err
	}
	at := make(map[uint]int, len(out)) // meeting ID → index in out
	for i := range out {
		at[out[i].ID] = i
	}
	if err := s.attendanceInto(out, at); err != nil {
		return nil, err
	}
	var decisions []MeetingDecision
	if err := s.db.Order("meeting_id, seq, id").Find(&decisions).Error; err != nil {
		return nil, err
	}
	for _, d := range decisions {
		if i, ok := at[d.MeetingID]; ok {
			out[i].Decisions = append(out[i].Decisions, d)
		}
	}
	return out, nil
}

// attendanceInto appends each attendance row to its sitting, in the order
// withMeetingParts gives.
func (s *Store) attendanceInto(out []Meeting, at map[uint]int) error {
	rows, err := s.db.Model(&MeetingAttendance{}).
		Select("id, meeting_id, person_id, name, status, reason, expected, voter, seq").
		Order("meeting_id, seq, id").Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a MeetingAttendance
		if err := rows.Scan(&a.ID, &a.MeetingID, &a.PersonID, &a.Name, (*string)(&a.Status), &a.Reason,
			&a.Expected, &a.Voter, &a.Seq); err != nil {
			return err
		}
		if i, ok := at[a.MeetingID]; ok {
			out[i].Attendance = append(out[i].Attendance, a)
		}
	}
	return rows.Err()
}
