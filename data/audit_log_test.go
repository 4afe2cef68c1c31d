package data

import (
	"encoding/json"
	"strings"
	"testing"

	"partyoffice/data/civil"
)

func TestAuditChangesNameTheFields(t *testing.T) {
	s := openTemp(t)
	p := member("张三", "11010519491231002X")
	p.Mobile = "13800001111"
	s.CreatePerson(p)
	g := &PartyGroup{Name: "第一党小组"}
	s.SaveGroup(g)
	p.Mobile, p.GroupID, p.Lost = "13900002222", &g.ID, true
	p.JoinDate = civil.New(2010, 7, 1)
	if err := s.UpdatePerson(p); err != nil {
		t.Fatal(err)
	}
	log, _ := s.AuditLog(AuditFilter{Entity: entityPerson, Action: "修改"})
	if len(log) != 1 {
		t.Fatalf("log %+v", log)
	}
	var lines []string
	for _, c := range s.AuditChanges(&log[0]) {
		lines = append(lines, c.String())
	}
	got := strings.Join(lines, "\n")
	for _, want := range []string{"手机号：13800001111 → 13900002222", "党小组：第一党小组", "是否为失联党员：否 → 是"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "UpdatedAt") || strings.Contains(got, "更新") || strings.Contains(got, "加入党组织日期") {
		t.Errorf("unchanged or bookkeeping fields listed:\n%s", got)
	}
}

func TestAuditChangesOfAdditionsAndSettings(t *testing.T) {
	add := AuditEntry{After: `{"ID":3,"Name":"李四","Mobile":"","BirthDate":{"Year":1980,"Month":7,"Day":0}}`}
	got := add.Changes()
	if len(got) != 2 || got[0].String() != "姓名：李四" || got[1].String() != "出生日期：1980-07" {
		t.Errorf("addition: %v", got)
	}
	setting := AuditEntry{Before: `"10"`, After: `"5"`}
	if got := setting.Changes(); len(got) != 1 || got[0].String() != "值：10 → 5" {
		t.Errorf("setting: %v", got)
	}
	removal := AuditEntry{Before: `{"Name":"王五","Remark":"调离"}`}
	if got := removal.Changes(); len(got) != 2 || got[1].String() != "备注：调离 → （空）" {
		t.Errorf("removal: %v", got)
	}
	if got := (&AuditEntry{}).Changes(); got != nil {
		t.Errorf("no before/after: %v", got)
	}
	odd := AuditEntry{Before: `not json`, After: `{"Name":"x"}`}
	if got := odd.Changes(); len(got) != 1 {
		t.Errorf("unreadable JSON: %v", got)
	}
}

func TestSearchAudit(t *testing.T) {
	s := openTemp(t)
	s.Actor = "Zhang Jing"
	s.CreatePerson(member("张三", "11010519491231002X"))
	s.CreatePerson(member("李四", "440524188001010014"))
	s.SaveGroup(&PartyGroup{Name: "Group One"})
	all, more, err := s.SearchAudit(AuditQuery{})
	if err != nil || len(all) != 3 || more {
		t.Fatalf("all: %d %v %v", len(all), more, err)
	}
	if got, _, _ := s.SearchAudit(AuditQuery{Text: "李四"}); len(got) != 1 {
		t.Errorf("text: %d", len(got))
	}
	if got, _, _ := s.SearchAudit(AuditQuery{Text: "zhang"}); len(got) != 3 {
		t.Errorf("actor: %d", len(got))
	}
	if got, _, _ := s.SearchAudit(AuditQuery{Text: "%"}); len(got) != 0 {
		t.Errorf("a %% matched everything: %d", len(got))
	}
	if got, _, _ := s.SearchAudit(AuditQuery{Text: "group one"}); len(got) != 1 { // any case, both backends
		t.Errorf("text in another case: %d", len(got))
	}
	if got, _, _ := s.SearchAudit(AuditQuery{Entity: "党小组"}); len(got) != 1 {
		t.Errorf("entity: %d", len(got))
	}
	if got, _, _ := s.SearchAudit(AuditQuery{Action: "新增", Entity: entityPerson}); len(got) != 2 {
		t.Errorf("action: %d", len(got))
	}
	today := civil.Today()
	if got, _, _ := s.SearchAudit(AuditQuery{From: today, To: today}); len(got) != 3 {
		t.Errorf("today: %d", len(got))
	}
	if got, _, _ := s.SearchAudit(AuditQuery{To: today.AddDays(-1)}); len(got) != 0 {
		t.Errorf("before today: %d", len(got))
	}
	if got, more, _ := s.SearchAudit(AuditQuery{Limit: 2}); len(got) != 2 || !more {
		t.Errorf("limit: %d %v", len(got), more)
	}
	actions, _ := s.AuditActions()
	entities, _ := s.AuditEntities()
	if strings.Join(actions, ",") != "新增" || len(entities) != 2 {
		t.Errorf("choices: %v %v", actions, entities)
	}
}

func TestAuditChangesOfNestedRecords(t *testing.T) {
	e := AuditEntry{
		Before: `{"Result":"","Vote":{"Expected":10,"For":7,"Against":0}}`,
		After:  `{"Result":"同意","Vote":{"Expected":10,"For":8,"Against":1}}`,
	}
	var lines []string
	for _, c := range e.Changes() {
		lines = append(lines, c.String())
	}
	got := strings.Join(lines, "\n")
	for _, want := range []string{"结果：同意", "表决·赞成：7 → 8", "表决·反对：0 → 1"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "应到") {
		t.Errorf("an unchanged count listed:\n%s", got)
	}
}

// TestAuditLabelsAreThoseOfTheRecordsRegister: a field is named as its own
// register names it, not with the label another record gave the same Go
// field (Method is 表决方式 in a vote but 缴纳方式 in a 党费 payment).
func TestAuditLabelsAreThoseOfTheRecordsRegister(t *testing.T) {
	for _, c := range []struct {
		record any
		want   map[string]string // field → label
	}{
		{&DuesPayment{Method: "微信", From: d("2026-01-01"), To: d("2026-06-01")},
			map[string]string{"Method": "缴纳方式", "From": "缴纳起月", "To": "缴纳止月"}},
		{&DuesRelief{Reason: "大病", From: d("2026-01-01")}, map[string]string{"Reason": "减免原因", "From": "减免起月"}},
		{&Talk{Kind: "谈心", Subject: "张三", Content: "谈工作", Date: d("2026-03-01")},
			map[string]string{"Kind": "谈话类型", "Subject": "谈话对象", "Content": "主要内容", "Date": "谈话日期"}},
		{&DutyTask{Status: "已完成", Result: "按时完成"}, map[string]string{"Status": "状态", "Result": "完成情况"}},
		{&WorkItem{Item: "换届", Status: "进行中", Owner: "李四"}, map[string]string{"Item": "工作事项", "Status": "状态", "Owner": "负责人"}},
		{&Problem{Source: "组织生活会", Result: "已整改"}, map[string]string{"Source": "来源", "Result": "整改结果"}},
		{&TrainingCourse{Name: "党课", Category: "党性教育"}, map[string]string{"Name": "培训名称", "Category": "培训类别"}},
		{&SecretaryReview{Good: 3, Poor: 1}, map[string]string{"Good": "好", "Poor": "差"}},
		{&AppraisalResult{Peer: Votes{Excellent: 5}, FollowUp: "限期改正"}, map[string]string{"Excellent": "互评·优秀", "FollowUp": "处置"}},
		{&VanguardPost{Post: "教学先锋岗"}, map[string]string{"Post": "先锋岗"}},
		{&BrandRecord{Name: "红烛先锋"}, map[string]string{"Name": "品牌名称"}},
		{&NoticeTemplate{Title: "入党须知"}, map[string]string{"Title": "告知单标题"}},
		{&Person{Name: "张三", Post: "教师"}, map[string]string{"Name": FieldName, "Post": FieldPost}},
	} {
		after, err := json.Marshal(c.record)
		if err != nil {
			t.Fatal(err)
		}
		e := AuditEntry{Entity: entityPerson, After: string(after)}
		if r, ok := c.record.(record); ok {
			e.Entity = r.entity()
		}
		got := map[string]string{}
		for _, ch := range e.Changes() {
			if _, seen := got[ch.Key]; !seen {
				got[ch.Key] = ch.Field
			}
		}
		for field, label := range c.want {
			if got[field] != label {
				t.Errorf("%s.%s is labelled %q, want %q", e.Entity, field, got[field], label)
			}
		}
	}
}

// A 民主评议's vote counts read in Chinese, in the order of the grades,
// every time (the fields of a nested record came in map order).
func TestAuditChangesOfVotesInGradeOrder(t *testing.T) {
	e := AuditEntry{Entity: new(AppraisalResult).entity(), After: toJSON(AppraisalResult{Year: 2025, Peer: Votes{Excellent: 7, Good: 25, Fail: 1}})}
	peer := func() string {
		var lines []string
		for _, c := range e.Changes() {
			if strings.HasPrefix(c.Field, "互评") {
				lines = append(lines, c.String())
			}
		}
		return strings.Join(lines, " | ")
	}
	want := "互评·优秀：7 | 互评·合格：25 | 互评·基本合格：0 | 互评·不合格：1"
	for i := 0; i < 20; i++ { // map order differs from one call to the next
		if got := peer(); got != want {
			t.Fatalf("votes listed as\n%s\nwant\n%s", got, want)
		}
	}
}
