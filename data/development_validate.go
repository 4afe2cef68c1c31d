package data

import (
	"errors"
	"fmt"
	"strings"

	"partyoffice/data/civil"
)

// ValidateDevStep checks a record against its step's definition: the date,
// the fields the step has and no others, a result from its list, counts of a
// vote that can be true, and the number of people per role. Whether the
// people chosen from the register were eligible on the date needs the
// register; the store checks that (Store.SaveDevStep).
//
// Dates after today are refused: a record says what happened. A record
// with a period but no date is dated by the end of the period.
func ValidateDevStep(st *DevStep, version string, today civil.Date) error {
	return validateDevStep(st, version, today, false)
}

// ValidateImportedStep is ValidateDevStep for a record of history read from
// a sheet: a decision the sheet leaves blank (政审结论, 预审结果, 审批结果,
// 推荐方式) stays unrecorded instead of refusing the record. A decision is
// recorded, never inferred; the rule engine reports the blank (R-DECISION,
// docs/rules.md).
func ValidateImportedStep(st *DevStep, version string, today civil.Date) error {
	return validateDevStep(st, version, today, true)
}

func validateDevStep(st *DevStep, version string, today civil.Date, blankDecisions bool) error {
	def := st.Def()
	if def == nil {
		return fmt.Errorf("发展党员的步骤应为第1至第%d步，现在是第%d步", StepCount, st.Step)
	}
	title := def.Title(version)
	for _, check := range []func(*DevStep, *StepDef, civil.Date) string{
		checkStepDates, checkStepFields, checkStepResult, checkStepVote, checkStepPeople,
	} {
		msg := check(st, def, today)
		if blankDecisions && msg != "" && BlankDecision(st) != "" {
			msg = checkWithDecisionFilled(check, st, def, today)
		}
		if msg != "" {
			return errors.New(title + "：" + msg)
		}
	}
	return nil
}

// BlankDecision names the decision a record of a step that needs one
// leaves blank ("" when none is missing): the 结果 of 政审, 预审, 审批 …
// or the 推荐方式 of step 3.
func BlankDecision(st *DevStep) string {
	def := st.Def()
	switch {
	case def == nil:
	case def.ResultRequired && st.Result == "":
		return "结果（" + strings.Join(def.Results, "、") + "）"
	case def.HasSource && st.Source == "":
		return "推荐方式（" + SourceMembers + "或" + SourceLeague + "）"
	}
	return ""
}

// checkWithDecisionFilled runs a check as if the blank decision were given,
// so only the blank itself is let through.
func checkWithDecisionFilled(check func(*DevStep, *StepDef, civil.Date) string, st *DevStep, def *StepDef, today civil.Date) string {
	probe := *st
	if def.ResultRequired && probe.Result == "" {
		probe.Result = def.Results[0]
	}
	if def.HasSource && probe.Source == "" {
		probe.Source = SourceMembers
	}
	msg := check(&probe, def, today)
	st.Date = probe.Date // checkStepDates may date a period's record by its end
	return msg
}

func checkStepDates(st *DevStep, def *StepDef, today civil.Date) string {
	if st.Date.IsZero() && !st.End.IsZero() {
		st.Date = st.End // a period's record is dated by its end unless told otherwise
	}
	switch {
	case st.Date.IsZero():
		return "请填写日期"
	case !st.Date.Valid():
		return fmt.Sprintf("日期“%s”不存在，请核对", st.Date)
	}
	for _, d := range []struct {
		label string
		date  civil.Date
	}{{"日期", st.Date}, {def.PeriodLabel + "开始日期", st.Start}, {def.PeriodLabel + "结束日期", st.End}} {
		if d.date.First().After(today) {
			return fmt.Sprintf("%s %s 在今天之后：只能登记已经发生的事，请核对", d.label, d.date)
		}
	}
	if def.PeriodLabel == "" {
		return ""
	}
	switch {
	case st.Start.IsZero() != st.End.IsZero():
		return fmt.Sprintf("请同时填写%s的开始和结束日期", def.PeriodLabel)
	case !st.Start.IsZero() && st.End.Before(st.Start):
		return fmt.Sprintf("%s的结束日期 %s 早于开始日期 %s", def.PeriodLabel, st.End, st.Start)
	}
	return ""
}

// checkStepFields refuses a field the step does not have, so a form or an
// import cannot store what the registers will never show.
func checkStepFields(st *DevStep, def *StepDef, _ civil.Date) string {
	for _, f := range []struct {
		label   string
		present bool
		allowed bool
	}{
		{"起止日期", !st.Start.IsZero(), def.PeriodLabel != ""},
		{"学时", st.Hours != 0, def.HasHours},
		{"志愿书编号", st.Number != "", def.HasNumber},
		{"推荐方式", st.Source != "", def.HasSource},
		{"记录类型", st.Kind != "", len(def.Kinds) > 0},
		{"表决情况", st.Vote.Recorded(), def.HasVote},
		{"结果", st.Result != "", len(def.Results) > 0},
		{"延长预备期至", !st.ExtendTo.IsZero(), def.HasExtendTo},
	} {
		if f.present && !f.allowed {
			return "这一步没有“" + f.label + "”这一项"
		}
	}
	switch {
	case st.Hours < 0 || st.Hours > 2000:
		return fmt.Sprintf("学时 %d 不对，请填写0到2000之间的整数", st.Hours)
	case def.HasSource && !oneOf(st.Source, SourceMembers, SourceLeague):
		return fmt.Sprintf("请选择推荐方式：%s或%s", SourceMembers, SourceLeague)
	case st.Kind != "" && !oneOf(st.Kind, def.Kinds...):
		return "记录类型应为：" + strings.Join(def.Kinds, "、")
	}
	return ""
}

func checkStepResult(st *DevStep, def *StepDef, _ civil.Date) string {
	if st.Result == "" {
		if def.ResultRequired {
			return "请填写结果（" + strings.Join(def.Results, "、") + "）：结果由党组织决定后如实登记"
		}
		return ""
	}
	if !oneOf(st.Result, def.Results...) {
		return fmt.Sprintf("结果应为：%s（现在是“%s”）", strings.Join(def.Results, "、"), st.Result)
	}
	if !def.HasExtendTo {
		return ""
	}
	switch {
	case st.Result == DecisionExtend && st.ExtendTo.IsZero():
		return "决定延长预备期时，请填写“延长预备期至”的日期"
	case st.Result != DecisionExtend && !st.ExtendTo.IsZero():
		return "只有决定延长预备期时才填写“延长预备期至”"
	case !st.ExtendTo.IsZero() && !st.ExtendTo.After(st.Date):
		return fmt.Sprintf("延长预备期至 %s 应晚于支部大会日期 %s", st.ExtendTo, st.Date)
	}
	return ""
}

func checkStepVote(st *DevStep, def *StepDef, _ civil.Date) string {
	if !def.HasVote || !st.Vote.Recorded() {
		return "" // an unrecorded vote is a reminder of the checks, not a refusal
	}
	if p := st.Vote.Problem(); p != "" {
		return "表决情况对不上：" + p
	}
	return ""
}

func checkStepPeople(st *DevStep, def *StepDef, _ civil.Date) string {
	counts := map[Role]int{}
	seen := map[string]bool{}
	for _, sp := range st.People {
		need := def.Need(sp.Role)
		if need == nil {
			return "这一步不需要登记" + string(sp.Role)
		}
		if need.Members && sp.PersonID == nil {
			return fmt.Sprintf("%s应从党员名册中选择（“%s”不在名册中）", sp.Role, sp.Name)
		}
		if sp.PersonID == nil && CleanText(sp.Name) == "" {
			return "请填写" + string(sp.Role) + "的姓名"
		}
		key := string(sp.Role) + "/" + personKey(sp)
		if seen[key] {
			return fmt.Sprintf("%s“%s”重复了", sp.Role, sp.Name)
		}
		seen[key] = true
		counts[sp.Role]++
	}
	for _, need := range def.People {
		n := counts[need.Role]
		switch {
		case need.Min == need.Max && n != need.Min:
			return fmt.Sprintf("%s应为%d人，现在是%d人", need.Role, need.Min, n)
		case n < need.Min || n > need.Max:
			return fmt.Sprintf("%s应为%d至%d人，现在是%d人", need.Role, need.Min, need.Max, n)
		}
	}
	return ""
}

func personKey(sp DevStepPerson) string {
	if sp.PersonID != nil {
		return fmt.Sprint("#", *sp.PersonID)
	}
	return CleanText(sp.Name)
}

func oneOf(s string, options ...string) bool {
	for _, o := range options {
		if s == o {
			return true
		}
	}
	return false
}
