package rules

import (
	"strings"
	"testing"

	"partyoffice/data"
)

// population is n subjects on the full path (every fifth with an early
// 发展对象 to give the checks something to say), plus the register.
func population(n int) data.DevData {
	dd := data.DevData{People: register(), Steps: map[uint][]data.DevStep{}, Events: registerEvents(),
		Branch: data.Branch{RuleVersion: data.DefaultRuleVersion}}
	for i := range n {
		id := uint(1000 + i)
		p := subjectPerson(data.RuleVersion2026)
		p.ID = id
		steps := fullPath()
		if i%5 == 0 {
			steps = setDate(3, "2024-07-21")(steps)
		}
		for j := range steps {
			steps[j].PersonID = id
		}
		dd.People = append(dd.People, p)
		dd.Steps[id] = steps
	}
	return dd
}

func TestCheckAllSortsAndCoversEveryone(t *testing.T) {
	dd := population(10)
	fs := CheckAll(dd, d("2026-11-28"), DefaultOptions())
	if len(findingsOf(fs, "D4")) != 2 {
		t.Fatalf("want D4 for the 2 early 发展对象, got\n%s", describe(fs))
	}
	if fs[0].Severity != SeverityError {
		t.Errorf("errors first:\n%s", describe(fs))
	}
}

func TestYoungTeacherTarget(t *testing.T) {
	dd := data.DevData{People: register(), Steps: map[uint][]data.DevStep{}, YoungTeacherTarget: 1,
		Branch: data.Branch{RuleVersion: data.DefaultRuleVersion}}
	activist := subjectPerson(data.RuleVersion2026)
	activist.Name, activist.YoungTeacher = "朱婉清", true
	stage(data.StageActivist)(&activist)
	dd.People = append(dd.People, activist)
	dd.Steps[activist.ID] = upTo(fullPath(), 5)

	fs := findingsOf(CheckAll(dd, d("2026-11-28"), DefaultOptions()), RuleYoungTeacher)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "朱婉清（入党积极分子）") || fs[0].Due.String() != "2026-12-31" ||
		!strings.HasPrefix(fs[0].Message, "本支部：2026年已发展优秀青年教师 0 人") {
		t.Fatalf("want one R-YOUNG naming the activist, got\n%s", describe(fs))
	}

	admitted := subjectPerson(data.RuleVersion2026)
	admitted.ID, admitted.Name, admitted.YoungTeacher = 2, "丁雨萱", true
	stage(data.StageProbationer)(&admitted)
	admitted.JoinDate = d("2026-03-01")
	dd.People = append(dd.People, admitted)
	if fs := findingsOf(CheckAll(dd, d("2026-11-28"), DefaultOptions()), RuleYoungTeacher); len(fs) != 0 {
		t.Errorf("target met by a 预备党员 admitted in 2026:\n%s", describe(fs))
	}
	dd.People = dd.People[:len(dd.People)-1]
	dd.NationalOnly = true
	if fs := findingsOf(CheckAll(dd, d("2026-11-28"), DefaultOptions()), RuleYoungTeacher); len(fs) != 0 {
		t.Errorf("a branch without the local requirements has no 优秀青年教师 target:\n%s", describe(fs))
	}
	dd.NationalOnly = false
	dd.YoungTeacherTarget = 0
	if fs := findingsOf(CheckAll(dd, d("2026-11-28"), DefaultOptions()), RuleYoungTeacher); len(fs) != 0 {
		t.Errorf("target 0 turns the reminder off:\n%s", describe(fs))
	}
}

// BenchmarkCheckAll1000 checks 1,000 people with all 25 steps recorded.
func BenchmarkCheckAll1000(b *testing.B) {
	dd := population(1000)
	on := d("2026-11-28")
	opt := DefaultOptions()
	b.ResetTimer()
	for b.Loop() {
		CheckAll(dd, on, opt)
	}
}
