package data

import (
	"errors"
	"fmt"

	"partyoffice/data/civil"
)

// 工作责任清单 (seed R10) and the 书记's yearly 抓党建工作述职评议: tasks with
// their 分工 and 责任人, and the review as recorded (the rating is entered,
// never computed).

// Task statuses and divisions offered in the forms.
var (
	TaskStatuses  = []string{TaskOpen, TaskDoing, TaskDone, "已取消"}
	TaskDivisions = []string{"书记", "副书记", "组织委员", "宣传委员", "纪检委员", "党小组组长", "其他"}
	ReviewRatings = []string{"好", "较好", "一般", "差"}
)

// Task statuses the checks read.
const (
	TaskOpen  = "未开始"
	TaskDoing = "进行中"
	TaskDone  = "已完成"
)

// DutyTask is one line of the 工作责任清单.
type DutyTask struct {
	Model
	Year      int `gorm:"index"`
	Task      string
	Division  string // 分工
	OwnerID   *uint
	Owner     string // 责任人
	Deadline  civil.Date
	Status    string
	Result    string // 完成情况
	Evidence  string // 佐证: a meeting, a record, a file name
	MeetingID *uint  // a 会议记录 that shows it done
}

// Open reports whether the task still needs doing.
func (t *DutyTask) Open() bool { return t.Status == TaskOpen || t.Status == TaskDoing }

func (t *DutyTask) recordID() uint { return t.ID }
func (t *DutyTask) entity() string { return "工作责任清单" }
func (t *DutyTask) summary() string {
	return fmt.Sprintf("%d年 %s（%s %s）", t.Year, t.Task, t.Division, t.Owner)
}

func (t *DutyTask) tidy(tx *Tx) error {
	if err := tx.resolveNames(personRef{&t.OwnerID, &t.Owner, "责任人"}); err != nil {
		return err
	}
	t.Task, t.Division = CleanText(t.Task), CleanText(t.Division)
	t.Result, t.Evidence = CleanLines(t.Result), CleanLines(t.Evidence)
	if t.Status == "" {
		t.Status = TaskOpen
	}
	if err := checkYear(t.Year); err != nil {
		return err
	}
	if !oneOf(t.Status, TaskStatuses...) {
		return errors.New("请选择任务状态")
	}
	if t.MeetingID != nil {
		var m Meeting
		if err := tx.First(&m, *t.MeetingID).Error; err != nil {
			return errors.New("所选的会议记录不存在或已被删除")
		}
	}
	if err := requireText("任务", t.Task, 500); err != nil {
		return err
	}
	if err := limitText("完成情况", t.Result, longText); err != nil {
		return err
	}
	return limitText("佐证材料", t.Evidence, longText)
}

// SecretaryReview is the 书记抓党建工作述职评议 of a year.
type SecretaryReview struct {
	Model
	Year      int `gorm:"index"`
	Secretary string
	Date      civil.Date
	Reviewer  string // 评议单位（上级党委）
	Rating    string // ReviewRatings, as decided
	// Votes of the 测评, as counted: 好, 较好, 一般, 差.
	Good, Fair, Average, Poor int
	Problems                  string // 指出的问题
	Note                      string
}

func (r *SecretaryReview) recordID() uint { return r.ID }
func (r *SecretaryReview) entity() string { return "书记述职评议" }
func (r *SecretaryReview) summary() string {
	return fmt.Sprintf("%d年 %s 抓党建工作述职评议：%s", r.Year, r.Secretary, r.Rating)
}

func (r *SecretaryReview) tidy(*Tx) error {
	r.Secretary, r.Reviewer = CleanText(r.Secretary), CleanText(r.Reviewer)
	r.Problems, r.Note = CleanLines(r.Problems), CleanLines(r.Note)
	if err := checkYear(r.Year); err != nil {
		return err
	}
	if r.Rating != "" && !oneOf(r.Rating, ReviewRatings...) {
		return errors.New("评议等次应为好、较好、一般或差")
	}
	for _, n := range []int{r.Good, r.Fair, r.Average, r.Poor} {
		if n < 0 || n > 10000 {
			return errors.New("测评票数不对")
		}
	}
	if err := requireText("书记姓名", r.Secretary, shortText); err != nil {
		return err
	}
	return limitText("指出的问题", r.Problems, longText)
}
