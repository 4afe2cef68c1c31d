package data

import (
	"bytes"
	"encoding/json"
	"math"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"partyoffice/data/civil"
)

// The 操作日志: searching the audit entries and reading their before/after
// JSON as a list of changed fields with Chinese names.

// AuditQuery narrows the 操作日志 screen and its export.
type AuditQuery struct {
	From, To civil.Date // whole local days, both included; zero = open
	Action   string     // "" = any
	Entity   string     // "" = any
	Text     string     // part of the summary (a name, a file) or the actor
	Limit    int        // 0 = no limit
}

// SearchAudit returns the matching entries, newest first. more reports that
// Limit cut the list short.
func (s *Store) SearchAudit(q AuditQuery) (entries []AuditEntry, more bool, err error) {
	db := s.db.Model(&AuditEntry{})
	if !q.From.IsZero() {
		db = db.Where("at >= ?", dayStart(q.From.First()).UTC())
	}
	if !q.To.IsZero() {
		db = db.Where("at < ?", dayStart(q.To.Last().AddDays(1)).UTC())
	}
	if q.Action != "" {
		db = db.Where("action = ?", q.Action)
	}
	if q.Entity != "" {
		db = db.Where("entity = ?", q.Entity)
	}
	if t := strings.TrimSpace(q.Text); t != "" {
		db = db.Where(containsText(t, "summary", "actor"))
	}
	if q.Limit > 0 {
		db = db.Limit(q.Limit + 1)
	}
	err = db.Order("id DESC").Find(&entries).Error
	if q.Limit > 0 && len(entries) > q.Limit {
		entries, more = entries[:q.Limit], true
	}
	return entries, more, err
}

func dayStart(d civil.Date) time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.Local)
}

// AuditActions and AuditEntities are the values present, for the filters.
func (s *Store) AuditActions() ([]string, error)  { return s.auditDistinct("action") }
func (s *Store) AuditEntities() ([]string, error) { return s.auditDistinct("entity") }

func (s *Store) auditDistinct(column string) ([]string, error) {
	var out []string
	err := s.db.Model(&AuditEntry{}).Distinct(column).Where(column+" <> ''").Order(column).Pluck(column, &out).Error
	return out, err
}

// AuditChange is one field an audited change touched, in display form.
type AuditChange struct {
	Key           string // the stored field name (Mobile)
	Field         string // its Chinese name (手机号)
	Before, After string // "" for none
}

// String is "手机号：13800001111 → 13900002222".
func (c AuditChange) String() string {
	switch {
	case c.Before == "":
		return c.Field + "：" + c.After
	case c.After == "":
		return c.Field + "：" + c.Before + " → （空）"
	}
	return c.Field + "：" + c.Before + " → " + c.After
}

// Changes lists what the entry changed: for an edit the fields that differ,
// for an addition the fields filled in, for a deletion the fields the record
// had. Bookkeeping fields (IDs, time stamps) are left out.
func (e *AuditEntry) Changes() []AuditChange {
	before, beforeObj := decodeAudit(e.Before)
	after, afterObj := decodeAudit(e.After)
	if !beforeObj || !afterObj {
		if e.Before == "" && e.After == "" {
			return nil
		}
		// A plain value (a setting) on either side.
		b, a := displayJSON(e.Before), displayJSON(e.After)
		if b == a {
			return nil
		}
		return []AuditChange{{Field: "值", Before: b, After: a}}
	}
	return objectChanges(e.Entity, "", before, after)
}

// objectChanges compares two records field by field; a field that is itself
// a record (the counts of a vote) is compared field by field too, named
// 表决·赞成.
func objectChanges(entity, prefix string, before, after map[string]json.RawMessage) []AuditChange {
	var out []AuditChange
	for _, key := range unionKeys(before, after) {
		if auditBookkeeping[key] {
			continue
		}
		label := prefix + FieldLabel(entity, key)
		nb, okb := nestedRecord(before[key])
		na, oka := nestedRecord(after[key])
		if okb && oka {
			out = append(out, objectChanges(entity, label+"·", nb, na)...)
			continue
		}
		b, a := displayValue(before[key]), displayValue(after[key])
		if b == a {
			continue
		}
		out = append(out, AuditChange{Key: key, Field: label, Before: b, After: a})
	}
	return out
}

// nestedRecord reads a field holding a record (not a date, not a list);
// a missing side counts as an empty record.
func nestedRecord(raw json.RawMessage) (map[string]json.RawMessage, bool) {
	if len(raw) == 0 || string(raw) == "null" {
		return map[string]json.RawMessage{}, true
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return nil, false
	}
	if _, isDate := m["Year"]; isDate && len(m) == 3 {
		return nil, false
	}
	return m, true
}

// decodeAudit reads a before/after JSON; ok reports an object (an empty
// side counts as an empty object).
func decodeAudit(s string) (map[string]json.RawMessage, bool) {
	if s == "" || s == "null" {
		return map[string]json.RawMessage{}, true
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, false
	}
	return m, true
}

func unionKeys(a, b map[string]json.RawMessage) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range []map[string]json.RawMessage{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	// Fields without a label (a new one not yet named) by name: map order
	// is random, and the log must read the same every time.
	sort.Slice(out, func(i, j int) bool {
		oi, oj := fieldOrder(out[i]), fieldOrder(out[j])
		return oi < oj || oi == oj && out[i] < out[j]
	})
	return out
}

// auditBookkeeping are fields every record has that say nothing to a reader.
var auditBookkeeping = map[string]bool{
	"ID": true, "CreatedAt": true, "UpdatedAt": true, "DeletedAt": true,
	"Version": true, "UpdatedBy": true,
	"PersonID": true, "MeetingID": true,
	"GroupName": true, // carried through an import only; GroupID says the same
}

// AuditChanges is e.Changes with references made readable: a 党小组 or a
// person by name rather than by number (records in the recycle bin too).
func (s *Store) AuditChanges(e *AuditEntry) []AuditChange {
	changes := e.Changes()
	for i := range changes {
		c := &changes[i]
		switch c.Key {
		case "GroupID":
			c.Before, c.After = s.nameOf(&PartyGroup{}, c.Before), s.nameOf(&PartyGroup{}, c.After)
		case "LeaderID", "HostID", "RecorderID", "LecturerID":
			c.Before, c.After = s.nameOf(&Person{}, c.Before), s.nameOf(&Person{}, c.After)
		}
	}
	return changes
}

// nameOf is the name of the record of model with the ID id (as text), or
// the ID itself when there is none.
func (s *Store) nameOf(model any, id string) string {
	if id == "" {
		return ""
	}
	var name string
	s.db.Unscoped().Model(model).Where("id = ?", id).Limit(1).Pluck("name", &name)
	if name == "" {
		return "编号 " + id
	}
	return name
}

// displayJSON is a whole before/after value that is not an object.
func displayJSON(s string) string {
	if s == "" {
		return ""
	}
	return displayValue(json.RawMessage(s))
}

// displayValue writes one JSON value as the log shows it.
func displayValue(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if dec.Decode(&v) != nil {
		return string(raw)
	}
	switch x := v.(type) {
	case nil:
		return ""
	case bool:
		if x {
			return "是"
		}
		return "否"
	case string:
		return displayText(x)
	case json.Number:
		return x.String()
	case map[string]any:
		if d, ok := civilDateOf(x); ok {
			return d
		}
	}
	return shorten(compactJSON(raw), 200)
}

// displayText shows time stamps in local time; other text as it is.
func displayText(s string) string {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		if t.IsZero() {
			return ""
		}
		return t.Local().Format("2006-01-02 15:04")
	}
	return s
}

// civilDateOf recognises a civil.Date as encoding/json writes it.
func civilDateOf(m map[string]any) (string, bool) {
	if len(m) != 3 {
		return "", false
	}
	var parts [3]int
	for i, k := range []string{"Year", "Month", "Day"} {
		n, ok := m[k].(json.Number)
		if !ok {
			return "", false
		}
		v, err := n.Int64()
		if err != nil || v < 0 || v > math.MaxInt32 {
			return "", false
		}
		parts[i] = int(v)
	}
	return civil.Date{Year: parts[0], Month: parts[1], Day: parts[2]}.String(), true
}

func compactJSON(raw json.RawMessage) string {
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return string(raw)
	}
	return b.String()
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// FieldLabel is the Chinese name of a field of a record of entity (the
// audit entry's Entity) as the audit log stores it (the Go field name): the
// record's own label first (a 谈心谈话's Kind is 谈话类型, a 缴纳记录's
// Method is 缴纳方式), then the label shared by every record; unknown
// fields keep their own name.
func FieldLabel(entity, key string) string {
	if l, ok := entityFieldLabels[entity][key]; ok {
		return l
	}
	if l, ok := fieldLabels[key]; ok {
		return l.label
	}
	return key
}

func fieldOrder(key string) int {
	if l, ok := fieldLabels[key]; ok {
		return l.order
	}
	return math.MaxInt32
}

type fieldLabel struct {
	label string
	order int
}

// fieldLabels names the fields of every record for the audit log, in the
// order the log lists them. A new record's fields get their labels here.
var fieldLabels = labelTable(
	"Name", FieldName, "Gender", FieldGender, "Ethnicity", FieldEthnicity,
	"IDNumber", FieldIDNumber, "BirthDate", FieldBirth, "Education", FieldEducation,
	"Stage", FieldStage, "BranchName", FieldBranch, "JoinDate", FieldJoin, "FullDate", FieldFull,
	"Post", FieldPost, "Mobile", FieldMobile, "Phone", FieldPhone, "Address", FieldAddress,
	"Standing", FieldStanding, "Lost", FieldLost, "LostDate", FieldLostDate,
	"Floating", FieldFloating, "FloatTo", FieldFloatTo, "NativePlace", FieldNative,
	"WorkStart", FieldWorkStart, "Title", FieldTitle, "PartyPost", FieldPartyPost,
	"Introducers", FieldIntroducers, "TransferIn", FieldTransferIn,
	"Remark", FieldRemark, "Roll", "在册状态", "RollDate", "离开日期", "ExitKind", "出党方式",
	"Destination", "转往单位", "ExtendedTo", "延长预备期至", "Disciplined", "留党察看",
	"DisciplineEnd", "留党察看期满", "RuleVersion", "细则版本", "YoungTeacher", "优秀青年教师", "StaffNo", FieldStaffNo,
	// 支部信息 and 党小组
	"Superior", "上级党委", "Unit", "所在单位", "Code", "党组织代码", "Secretary", "书记", "DeputySecretary", "副书记",
	"OrganizationMember", "组织委员", "PropagandaMember", "宣传委员", "DisciplineMember", "纪检委员",
	"NoCommittee", "不设支委会", "GroupID", FieldGroup, "LeaderID", "组长", "Note", "备注",
	// status events, steps, meetings: the common ones
	"Kind", "类别", "Date", "日期", "EndDate", "截止日期", "Step", "步骤", "Result", "结果",
	"Place", "地点", "Start", "开始时间", "End", "结束时间", "Host", "主持人", "Recorder", "记录人",
	"Agenda", "议题", "Resolution", "决议", "Lecturer", "主讲人", "Topic", "题目", "Guests", "列席人员",
	"Types", "会议类型", "Path", "文件", "Size", "大小", "SHA256", "校验值",
	"Hours", "学时/课时", "Number", "编号", "Source", "推荐方式", "ExtendTo", "延长至",
	"Vote", "表决", "People", "有关人员", "Role", "身份", "Year", "年度", "Planned", "拟发展时间",
	"Status", "出席情况", "Reason", "原因", "Expected", "应到", "Voter", "有表决权",
	"Speaker", "发言人", "Content", "内容", "Subject", "事项", "PersonName", "姓名",
	"Method", "表决方式", "Who", "人员", "Class", "班级", "Teacher", "授课教师",
	"Attendance", "出席", "Speeches", "发言", "Decisions", "决定事项", "Attachments", "附件",
	// the counts of a vote
	"Present", "实到", "For", "赞成", "Against", "反对", "Abstain", "弃权",
	"WrittenFor", "书面赞成", "WrittenAgainst", "书面反对",
	// 党费 and the year's registers (fields not named above)
	"PersonID", "党员", "From", "起始月份", "To", "截止月份", "Category", "人员类别",
	"BaseFen", "核定基数（分）", "FixedFen", "定额月缴（分）", "AmountFen", "金额（分）", "PaidOn", "缴纳日期",
	"Handler", "经手人", "ConsentOn", "支部同意日期", "MonthlyFen", "减免后月缴（分）",
	"DiscussedOn", "支部讨论日期", "ApprovedOn", "上级批准日期", "ApprovedBy", "批准单位",
	"Organizer", "组织单位", "CourseID", "培训", "Passed", "结业",
	"TalkerID", "谈话人", "Talker", "谈话人", "SubjectID", "谈话对象", "FollowUp", "后续跟进",
	"Task", "任务", "Division", "分工", "OwnerID", "责任人", "Owner", "责任人", "Deadline", "时限",
	"Evidence", "佐证材料", "MeetingID", "会议记录", "Reviewer", "评议单位", "Rating", "评议等次",
	"Problems", "指出的问题", "Item", "事项", "Due", "完成时限", "Progress", "进展情况",
	"Problem", "问题", "Person", "涉及对象", "Measures", "整改措施", "VerifiedOn", "验收日期", "VerifiedBy", "验收人",
	"Before", "优化前", "After", "优化后", "Effect", "成效", "Body", "告知内容",
	"SelfGrade", "自评等次", "Peer", "互评", "Poll", "测评", "Grade", "评定等次", "DecidedOn", "评定日期",
	"Excellent", GradeExcellent, "Good", GradeGood, "Basic", GradeBasic, "Fail", GradeFail, // Votes, in grade order
	"FollowUpOn", "处置日期", "FollowUpNote", "处置情况", "Meaning", "品牌内涵", "Activities", "主要活动",
	"Milestones", "阶段目标", "Post", "先锋岗", "Commitment", "承诺事项", "Level", "星级", "RatedOn", "评定日期",
	"RatedBy", "评定单位", "Entity", "所属台账", "RecordID", "记录",
)

// entityFieldLabels are the labels a record gives a field that other
// records label otherwise, as the record's register heads the column
// (reports: DuesPaymentRegister, TalkRegister …), so the log and the sheet
// use one word. Keyed by the audit entity, then the field.
var entityFieldLabels = map[string]map[string]string{
	entityDuesPayment: {"From": "缴纳起月", "To": "缴纳止月", "Method": "缴纳方式"},
	entityDuesRelief:  {"From": "减免起月", "To": "减免止月", "MonthlyFen": "减免后月缴（分）", "Reason": "减免原因"},
	new(TrainingCourse).entity(): {"Name": "培训名称", "Organizer": "组织单位", "Category": "培训类别", "Start": "开始日期",
		"End": "结束日期", "Hours": "课程学时"},
	new(TrainingAttendance).entity(): {"Hours": "本人学时"},
	new(Talk).entity():               {"Date": "谈话日期", "Kind": "谈话类型", "Subject": "谈话对象", "Content": "主要内容"},
	new(DutyTask).entity():           {"Status": "状态", "Result": "完成情况"},
	new(SecretaryReview).entity():    {"Date": "述职日期", "Good": "好", "Fair": "较好", "Average": "一般", "Poor": "差"},
	new(WorkItem).entity(): {"Item": "工作事项", "Owner": "负责人", "Start": "开始日期", "Due": "完成时限",
		"Status": "状态", "Progress": "进展情况"},
	new(Problem).entity():        {"Source": "来源", "Deadline": "整改时限", "Result": "整改结果"},
	new(Improvement).entity():    {"Item": "优化事项", "Date": "优化日期", "Owner": "负责人"},
	new(NoticeTemplate).entity(): {"Title": "告知单标题"},
	new(AppraisalResult).entity(): {"Peer": "互评", "Poll": "测评", "Excellent": "优秀", "Good": "合格", "Basic": "基本合格",
		"Fail": "不合格", "FollowUp": "处置"},
	new(BrandRecord).entity():  {"Name": "品牌名称"},
	new(VanguardPost).entity(): {"Post": "先锋岗"},
}

// labelTable reads "Field", "标签" pairs; the first label of a field wins.
func labelTable(pairs ...string) map[string]fieldLabel {
	labels := map[string]fieldLabel{}
	for i := 0; i+1 < len(pairs); i += 2 {
		if _, dup := labels[pairs[i]]; !dup {
			labels[pairs[i]] = fieldLabel{label: pairs[i+1], order: len(labels)}
		}
	}
	return labels
}

// containsText is the condition of a search for the text t anywhere in any
// of the columns: % and _ in t are themselves, and the case of Latin
// letters does not matter on either backend (SQLite's LIKE ignores it,
// PostgreSQL's does not; both lower-case alike).
func containsText(t string, columns ...string) clause.Expr {
	like := "%" + strings.ToLower(strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(t)) + "%"
	conds := make([]string, len(columns))
	args := make([]any, len(columns))
	for i, c := range columns {
		conds[i], args[i] = "LOWER("+c+`) LIKE ? ESCAPE '\'`, like
	}
	return gorm.Expr(strings.Join(conds, " OR "), args...)
}
