package yearwork

import (
	"partyoffice/data"
	"partyoffice/reports"
	"partyoffice/ui/registers"
)

// The registers of the 台账 screen, each described once: its columns come
// from package reports (the same as the Excel export and import), the rest
// says how a row is loaded, started, carried over and saved.

// ofYear loads a register's rows of one year (registers with a 年度).
func ofYear[T any](order string) func(s *data.Store, year int) ([]T, error) {
	return func(s *data.Store, year int) ([]T, error) { return data.Records[T](s, order, "year = ?", year) }
}

// keepModel carries the stored row's ID (and timestamps) into the edited one.
func keepModel(from, to *data.Model) { *to = *from }

func talkSpec() registers.Spec[data.Talk] {
	return registers.Spec[data.Talk]{
		Title: "谈心谈话记录", Register: reports.TalkRegister(),
		Multi: []string{"主要内容", "后续跟进"},
		People: map[string]func(*data.Talk, *uint){
			"谈话人":  func(t *data.Talk, id *uint) { t.TalkerID = id },
			"谈话对象": func(t *data.Talk, id *uint) { t.SubjectID = id },
		},
		Load: func(s *data.Store, year int) ([]data.Talk, error) {
			all, err := data.Records[data.Talk](s, "date, id", "")
			var out []data.Talk
			for _, t := range all {
				if t.Date.Year == year {
					out = append(out, t)
				}
			}
			return out, err
		},
		New:    func(int) data.Talk { return data.Talk{} },
		Carry:  func(from, to *data.Talk) { keepModel(&from.Model, &to.Model) },
		ID:     func(t *data.Talk) uint { return t.ID },
		Save:   func(s *data.Store, t *data.Talk) error { return data.SaveRecord(s, t) },
		Delete: data.DeleteRecord[data.Talk],
	}
}

func trainingSpec() registers.Spec[reports.TrainingRow] {
	type R = reports.TrainingRow
	return registers.Spec[R]{
		Title: "培训记录", Register: reports.TrainingRegister(),
		People: map[string]func(*R, *uint){"姓名": func(r *R, id *uint) { r.Attendance.PersonID = id }},
		Load: func(s *data.Store, year int) ([]R, error) {
			d, err := loadYearwork(s)
			if err != nil {
				return nil, err
			}
			return reports.TrainingRows(d, year), nil
		},
		New: func(int) R { return R{} },
		Carry: func(from, to *R) {
			keepModel(&from.Course.Model, &to.Course.Model)
			keepModel(&from.Attendance.Model, &to.Attendance.Model)
			to.Attendance.CourseID = from.Attendance.CourseID
		},
		ID:   func(r *R) uint { return r.Attendance.ID },
		Save: saveTraining,
		Delete: func(s *data.Store, id uint) error {
			return data.DeleteRecord[data.TrainingAttendance](s, id)
		},
		Actions: []registers.RowAction[R]{{Label: "证书…", Do: addCertificate}},
	}
}

// saveTraining adds a person to a course (the course found by name and
// start date, or created) or changes a stored course and attendance. A
// changed course changes it for everyone who attended it.
func saveTraining(s *data.Store, r *reports.TrainingRow) error {
	if r.Attendance.ID == 0 {
		return data.SaveTrainingEntries(s, []reports.TrainingRow{*r})
	}
	if err := data.SaveRecord(s, &r.Course); err != nil {
		return err
	}
	return data.SaveRecord(s, &r.Attendance)
}

func taskSpec() registers.Spec[data.DutyTask] {
	return registers.Spec[data.DutyTask]{
		Title: "工作责任清单任务", Register: reports.TaskRegister(),
		Multi:  []string{"任务", "完成情况", "佐证材料"},
		People: map[string]func(*data.DutyTask, *uint){"责任人": func(t *data.DutyTask, id *uint) { t.OwnerID = id }},
		Load:   ofYear[data.DutyTask]("deadline, id"),
		New:    func(y int) data.DutyTask { return data.DutyTask{Year: y} },
		Carry: func(from, to *data.DutyTask) {
			keepModel(&from.Model, &to.Model)
			to.MeetingID = from.MeetingID
		},
		ID:      func(t *data.DutyTask) uint { return t.ID },
		Save:    func(s *data.Store, t *data.DutyTask) error { return data.SaveRecord(s, t) },
		Delete:  data.DeleteRecord[data.DutyTask],
		Actions: []registers.RowAction[data.DutyTask]{{Label: "佐证…", Do: addEvidence}},
	}
}

func reviewSpec() registers.Spec[data.SecretaryReview] {
	return registers.Spec[data.SecretaryReview]{
		Title: "书记述职评议", Register: reports.ReviewRegister(),
		Multi:  []string{"指出的问题", "备注"},
		Load:   ofYear[data.SecretaryReview]("date, id"),
		New:    func(y int) data.SecretaryReview { return data.SecretaryReview{Year: y} },
		Carry:  func(from, to *data.SecretaryReview) { keepModel(&from.Model, &to.Model) },
		ID:     func(r *data.SecretaryReview) uint { return r.ID },
		Save:   func(s *data.Store, r *data.SecretaryReview) error { return data.SaveRecord(s, r) },
		Delete: data.DeleteRecord[data.SecretaryReview],
	}
}

func problemSpec() registers.Spec[data.Problem] {
	return registers.Spec[data.Problem]{
		Title: "问题整改", Register: reports.ProblemRegister(),
		Multi: []string{"问题", "整改措施", "整改结果"},
		People: map[string]func(*data.Problem, *uint){
			"涉及对象": func(p *data.Problem, id *uint) { p.PersonID = id },
			"责任人":  func(p *data.Problem, id *uint) { p.OwnerID = id },
		},
		// The year's problems and the open ones of earlier years: a problem
		// stays on the list until it is verified (验收).
		Load: func(s *data.Store, year int) ([]data.Problem, error) {
			all, err := data.Records[data.Problem](s, "year, deadline, id", "")
			var out []data.Problem
			for _, p := range all {
				if p.Year == year || p.Year < year && p.Open() {
					out = append(out, p)
				}
			}
			return out, err
		},
		New: func(y int) data.Problem { return data.Problem{Year: y} },
		Carry: func(from, to *data.Problem) {
			keepModel(&from.Model, &to.Model)
			to.MeetingID = from.MeetingID
		},
		ID:     func(p *data.Problem) uint { return p.ID },
		Save:   func(s *data.Store, p *data.Problem) error { return data.SaveRecord(s, p) },
		Delete: data.DeleteRecord[data.Problem],
	}
}

func workItemSpec() registers.Spec[data.WorkItem] {
	return registers.Spec[data.WorkItem]{
		Title: "工作事项", Register: reports.WorkItemRegister(),
		Multi:  []string{"进展情况", "备注"},
		People: map[string]func(*data.WorkItem, *uint){"负责人": func(w *data.WorkItem, id *uint) { w.OwnerID = id }},
		Load:   ofYear[data.WorkItem]("due, id"),
		New:    func(y int) data.WorkItem { return data.WorkItem{Year: y} },
		Carry:  func(from, to *data.WorkItem) { keepModel(&from.Model, &to.Model) },
		ID:     func(w *data.WorkItem) uint { return w.ID },
		Save:   func(s *data.Store, w *data.WorkItem) error { return data.SaveRecord(s, w) },
		Delete: data.DeleteRecord[data.WorkItem],
	}
}

func improvementSpec() registers.Spec[data.Improvement] {
	return registers.Spec[data.Improvement]{
		Title: "优化前后对比", Register: reports.ImprovementRegister(),
		Multi:  []string{"优化前", "优化后", "成效"},
		Load:   ofYear[data.Improvement]("date, id"),
		New:    func(y int) data.Improvement { return data.Improvement{Year: y} },
		Carry:  func(from, to *data.Improvement) { keepModel(&from.Model, &to.Model) },
		ID:     func(i *data.Improvement) uint { return i.ID },
		Save:   func(s *data.Store, i *data.Improvement) error { return data.SaveRecord(s, i) },
		Delete: data.DeleteRecord[data.Improvement],
	}
}

func appraisalSpec() registers.Spec[data.AppraisalResult] {
	return registers.Spec[data.AppraisalResult]{
		Title: "民主评议结果", Register: reports.AppraisalRegister(),
		Shown: []string{"姓名", "自评等次", "互评优秀", "互评合格", "互评基本合格", "互评不合格",
			"测评优秀", "测评合格", "测评基本合格", "测评不合格", "评定等次", "评定日期", "处置", "处置日期"},
		Multi: []string{"处置情况"},
		People: map[string]func(*data.AppraisalResult, *uint){"姓名": func(a *data.AppraisalResult, id *uint) {
			a.PersonID = 0
			if id != nil {
				a.PersonID = *id
			}
		}},
		Load:   ofYear[data.AppraisalResult]("id"),
		New:    func(y int) data.AppraisalResult { return data.AppraisalResult{Year: y} },
		Carry:  func(from, to *data.AppraisalResult) { keepModel(&from.Model, &to.Model) },
		ID:     func(a *data.AppraisalResult) uint { return a.ID },
		Save:   func(s *data.Store, a *data.AppraisalResult) error { return data.SaveRecord(s, a) },
		Delete: data.DeleteRecord[data.AppraisalResult],
	}
}

func brandSpec() registers.Spec[data.BrandRecord] {
	return registers.Spec[data.BrandRecord]{
		Title: "党建品牌", Register: reports.BrandRegister(),
		Multi:  []string{"品牌内涵", "主要活动", "阶段目标"},
		Load:   ofYear[data.BrandRecord]("id"),
		New:    func(y int) data.BrandRecord { return data.BrandRecord{Year: y} },
		Carry:  func(from, to *data.BrandRecord) { keepModel(&from.Model, &to.Model) },
		ID:     func(b *data.BrandRecord) uint { return b.ID },
		Save:   func(s *data.Store, b *data.BrandRecord) error { return data.SaveRecord(s, b) },
		Delete: data.DeleteRecord[data.BrandRecord],
	}
}

func vanguardSpec() registers.Spec[data.VanguardPost] {
	return registers.Spec[data.VanguardPost]{
		Title: "党员先锋岗", Register: reports.VanguardRegister(),
		Multi:  []string{"承诺事项"},
		People: map[string]func(*data.VanguardPost, *uint){"姓名": func(v *data.VanguardPost, id *uint) { v.PersonID = id }},
		Load:   ofYear[data.VanguardPost]("id"),
		New:    func(y int) data.VanguardPost { return data.VanguardPost{Year: y} },
		Carry:  func(from, to *data.VanguardPost) { keepModel(&from.Model, &to.Model) },
		ID:     func(v *data.VanguardPost) uint { return v.ID },
		Save:   func(s *data.Store, v *data.VanguardPost) error { return data.SaveRecord(s, v) },
		Delete: data.DeleteRecord[data.VanguardPost],
	}
}

func starSpec() registers.Spec[data.StarRating] {
	return registers.Spec[data.StarRating]{
		Title: "评星定级", Register: reports.StarRegister(),
		Load:   ofYear[data.StarRating]("id"),
		New:    func(y int) data.StarRating { return data.StarRating{Year: y} },
		Carry:  func(from, to *data.StarRating) { keepModel(&from.Model, &to.Model) },
		ID:     func(r *data.StarRating) uint { return r.ID },
		Save:   func(s *data.Store, r *data.StarRating) error { return data.SaveRecord(s, r) },
		Delete: data.DeleteRecord[data.StarRating],
	}
}
