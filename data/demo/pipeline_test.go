package demo

import (
	"sort"
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
)

func byName(t *testing.T, people []data.Person, name string) data.Person {
	t.Helper()
	for _, p := range people {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no %s in the demo", name)
	return data.Person{}
}

func TestFillPipelineStages(t *testing.T) {
	s, people := filledStore(t, testToday)
	want := map[string]data.Stage{"陈思远": data.StageApplicant, "林雨桐": data.StageApplicant, "徐嘉怡": data.StageApplicant,
		"郭子轩": data.StageActivist, "朱婉清": data.StageActivist, "谢文韬": data.StageCandidate, "叶楚涵": data.StageCandidate}
	for name, stage := range want {
		if p := byName(t, people, name); p.Stage != stage || p.Roll != data.RollActive || p.RuleVersion == "" {
			t.Errorf("%s: %s %s version %q, want %s", name, p.Stage, p.Roll, p.RuleVersion, stage)
		}
	}
	ye := byName(t, people, "叶楚涵")
	tl, err := s.DevTimeline(ye.ID)
	if err != nil {
		t.Fatal(err)
	}
	meeting := tl.First(data.StepBranchMeeting)
	if meeting == nil || meeting.Vote.WrittenFor == 0 || !rules.EvaluateVote(rules.VoteAdmission, meeting.Vote).Passed {
		t.Fatalf("叶楚涵's 支部大会 should carry a passing vote with a written opinion: %+v", meeting)
	}
	if got := tl.Next.Step; got != data.StepApproval {
		t.Errorf("叶楚涵 next: %s", tl.Next.Text)
	}
	if ye.Introducers == "" || ye.Introducers != tl.Latest(data.StepIntroducers).Names(data.RoleIntroducer) {
		t.Errorf("叶楚涵's 入党介绍人 %q should come from step 9", ye.Introducers)
	}
	plans, err := s.DevPlans(testToday.Year)
	if err != nil || len(plans) != 2 {
		t.Errorf("发展党员计划: %d lines (%v), want 2", len(plans), err)
	}
}

// The 预备党员 of the member table get their whole record, consistent with
// the 入党日期 they already had.
func TestFillProbationersHaveRecords(t *testing.T) {
	s, people := filledStore(t, testToday)
	for _, m := range probationers {
		p := byName(t, people, m.name)
		tl, err := s.DevTimeline(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !tl.Has(data.StepOath) || !tl.Approved || !tl.BranchMeeting.Equal(p.JoinDate) || p.Stage != data.StageProbationer {
			t.Errorf("%s: records up to step %d, 支部大会 %s, 入党日期 %s", m.name, tl.HighestStep(), tl.BranchMeeting, p.JoinDate)
		}
		if len(tl.Introducers()) != 2 || p.Introducers != tl.Latest(data.StepIntroducers).Names(data.RoleIntroducer) {
			t.Errorf("%s: 入党介绍人 %q vs records %+v", m.name, p.Introducers, tl.Introducers())
		}
	}
}

// findingKeys are "姓名 规则" of the findings, sorted.
func findingKeys(fs []rules.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Person+" "+f.Rule)
	}
	sort.Strings(out)
	return out
}

func demoFindings(t *testing.T, today civil.Date) []rules.Finding {
	t.Helper()
	s, _ := filledStore(t, today)
	d, err := s.LoadDevData()
	if err != nil {
		t.Fatal(err)
	}
	return rules.CheckAll(d, today, rules.DefaultOptions())
}

func TestFillPipelineFindings(t *testing.T) {
	got := findingKeys(demoFindings(t, testToday))
	want := []string{
		" R-YOUNG", // none admitted yet in 2026 by 15 March
		"丁雨萱 R-TRANSFER", "叶楚涵 R-APPROVAL", "林雨桐 D2", "朱婉清 R-ASSESS", "白浩然 R-TRANSFER",
		"谢文韬 D4", "郭子轩 R-ASSESS", "郭子轩 R-CANDIDATE", "陈思远 R-TALK",
	}
	sort.Strings(want)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("demo findings\n got %v\nwant %v", got, want)
	}
}

// Whatever day the demo is loaded, the same people have something to show,
// and the only error is the 发展对象 determined too early.
func TestFillPipelineFindingsToday(t *testing.T) {
	fs := demoFindings(t, civil.Today())
	keys := strings.Join(findingKeys(fs), "|")
	for _, k := range []string{"林雨桐 D2", "陈思远 R-TALK", "谢文韬 D4", "叶楚涵 R-APPROVAL", "白浩然 R-TRANSFER",
		"丁雨萱 R-TRANSFER", "郭子轩 R-CANDIDATE"} {
		if !strings.Contains(keys, k) {
			t.Errorf("missing %s in %s", k, keys)
		}
	}
	if errs, _ := rules.Count(fs); errs != 1 || fs[0].Rule != "D4" {
		t.Errorf("want the one D4 error first, got %d errors: %s", errs, fs[0].Line())
	}
}
