//go:build ci

package development

import (
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/ui/core"
	"partyoffice/ui/uitest"
)

// A 发展党员 record saved by someone else while its form is open: 对比 lists
// 备注 with both notes, 用已保存的 opens theirs, 保留我的 saves mine over it.
func TestStepFormConflict(t *testing.T) {
	var person uint
	stored := func(t *testing.T, a *core.App) data.DevStep {
		steps, err := a.Store.DevSteps(person)
		if err != nil {
			t.Fatal(err)
		}
		st := data.LatestDevStep(steps, data.StepActivist)
		if st == nil {
			t.Fatalf("no 入党积极分子 record in %+v", steps)
		}
		return *st
	}
	uitest.CheckConflict(t, uitest.ConflictCase{
		Open: func(t *testing.T, a *core.App) func() {
			person = uitest.Applicant(t, a, "孙申", civil.New(2021, 3, 1)).ID
			uitest.SaveStep(t, a, data.DevStep{PersonID: person, Step: data.StepActivist, Date: civil.New(2021, 9, 10),
				Source: data.SourceMembers, Note: "支部推荐"})
			v, err := newDevPersonView(a, person)
			if err != nil {
				t.Fatal(err)
			}
			st := stored(t, a)
			v.openForm(st.Def(), &st)
			return func() { uitest.TapButton(t, a.Window.Canvas(), "保存（Ctrl+S）") }
		},
		Meanwhile: func(t *testing.T, a *core.App) {
			st := stored(t, a)
			st.Note = "党员推荐，支委会研究"
			if err := a.Store.SaveDevStep(&st); err != nil {
				t.Fatal(err)
			}
		},
		Stored: func(t *testing.T, a *core.App) string { return stored(t, a).Note },
		Field:  "备注", Same: "推荐方式", Mine: "群团组织推优", Theirs: "党员推荐，支委会研究",
	})
}

// A plan line changed by someone else while its form is open.
func TestPlanFormConflict(t *testing.T) {
	var id uint
	stored := func(t *testing.T, a *core.App) data.DevPlan {
		p, err := data.Saved[data.DevPlan](a.Store, id)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	uitest.CheckConflict(t, uitest.ConflictCase{
		Open: func(t *testing.T, a *core.App) func() {
			person := uitest.Applicant(t, a, "孙申", civil.New(2021, 3, 1))
			line := data.DevPlan{Year: uitest.Today.Year, PersonID: person.ID, Planned: civil.New(uitest.Today.Year, 9, 0),
				Stage: data.StageProbationer, Note: "暑期培训后"}
			if err := a.Store.SaveDevPlan(&line); err != nil {
				t.Fatal(err)
			}
			id = line.ID
			tab := newDevPlanTab(a)
			tab.showPlanForm(&line)
			return func() { uitest.TapButton(t, a.Window.Canvas(), "保存") }
		},
		Meanwhile: func(t *testing.T, a *core.App) {
			p := stored(t, a)
			p.Note = "待支委会研究"
			if err := a.Store.SaveDevPlan(&p); err != nil {
				t.Fatal(err)
			}
		},
		Stored: func(t *testing.T, a *core.App) string { return stored(t, a).Note },
		Field:  "备注", Same: "计划发展为", Mine: "十月前谈话", Theirs: "待支委会研究",
	})
}
