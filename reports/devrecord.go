package reports

import (
	"fmt"
	"strings"

	"partyoffice/data"
	"partyoffice/data/rules"
)

// The 发展党员全程纪实台账: one row per person in the pipeline on the year's
// register date or admitted in the year, with every one of the 25 steps
// (data.StepDefs) — its date, and its people where the step has them — the
// 细则 version the record follows and the problems the rules still find.
// It is written from the same step definitions as the step form, so a step
// added there is a column here.

// DevRecordRow is a person's row: the register row and the open findings.
type DevRecordRow struct {
	DevRow
	Findings []string
}

const (
	hRuleVersion = "细则版本"
	hFindings    = "待处理问题"
)

// DevRecordRegister is the 台账's columns: the person, then per step its
// date (a period as 起—止) and its people, then the version and findings.
func DevRecordRegister() *Register[DevRecordRow] {
	person := func(r *DevRecordRow) *DevRow { return &r.DevRow }
	var cols []Column[DevRecordRow]
	for _, h := range personHeaders(data.FieldBranch, hStage) {
		cols = append(cols, liftColumn(devColumns()[h], person))
	}
	for i := range data.StepDefs {
		def := &data.StepDefs[i]
		width := 11.0
		if def.PeriodLabel != "" {
			width = 22 // 起—止
		}
		cols = append(cols, Column[DevRecordRow]{
			Header: fmt.Sprintf("%d.%s", def.Number, def.Name), Kind: KindDate, Width: width, Center: true,
			Get: func(r *DevRecordRow) any { return stepWhen(r.latest(def.Number)) },
		})
		if len(def.People) > 0 {
			cols = append(cols, Column[DevRecordRow]{
				Header: fmt.Sprintf("%d.%s人员", def.Number, def.Name), Kind: KindText, Width: 12,
				Get: func(r *DevRecordRow) any { return stepPeopleText(r.latest(def.Number), def) },
			})
		}
	}
	cols = append(cols,
		Column[DevRecordRow]{Header: hRuleVersion, Kind: KindText, Width: 10, Center: true,
			Get: func(r *DevRecordRow) any { return r.Person.RuleVersion }},
		Column[DevRecordRow]{Header: hFindings, Kind: KindText, Width: 30,
			Get: func(r *DevRecordRow) any { return strings.Join(r.Findings, "\n") }},
	)
	return &Register[DevRecordRow]{Name: "发展党员全程纪实台账", Columns: cols, FreezeColumns: 1}
}

// stepWhen is a step's date, or its period as text (2026.05.20—2026.05.26).
func stepWhen(st *data.DevStep) any {
	switch {
	case st == nil:
		return nil
	case !st.Start.IsZero() && !st.Date.IsZero():
		return dateText(st.Start) + "—" + dateText(st.Date)
	}
	return st.Date
}

// stepPeopleText is the people of every role of the step, each role named
// when the step has more than one.
func stepPeopleText(st *data.DevStep, def *data.StepDef) string {
	if st == nil {
		return ""
	}
	var parts []string
	for _, need := range def.People {
		names := st.Names(need.Role)
		if names == "" {
			continue
		}
		if len(def.People) > 1 {
			names = string(need.Role) + "：" + names
		}
		parts = append(parts, names)
	}
	return strings.Join(parts, "\n")
}

// ExportDevRecord writes the 台账 of the year: everyone in the pipeline on
// the register's date (申请人 to 预备党员) and everyone admitted in the year.
func ExportDevRecord(path string, store *data.Store, opt DevExportOptions) error {
	x, err := loadDevExport(store, opt)
	if err != nil {
		return err
	}
	open := map[uint][]string{}
	for _, f := range rules.CheckAll(x.d, x.asOf, rules.DefaultOptions()) {
		if f.PersonID != 0 {
			open[f.PersonID] = append(open[f.PersonID], f.ForPrint()) // paper never cites an unverified article (docs/rules.md, "Citations")
		}
	}
	var rows []DevRecordRow
	for i := range x.d.People {
		p := &x.d.People[i]
		r := x.row(p)
		joined := !p.JoinDate.IsZero() && p.JoinDate.Year == x.year && !p.JoinDate.First().After(x.asOf)
		if joined || (inRoll(p, x.asOf) && inPipeline(r.Stage)) {
			rows = append(rows, DevRecordRow{DevRow: r, Findings: open[p.ID]})
		}
	}
	reg := DevRecordRegister()
	return WriteRegister(path, reg, x.document(reg.Name, true), rows, opt.Progress)
}

func inPipeline(s data.Stage) bool {
	switch s {
	case data.StageApplicant, data.StageActivist, data.StageCandidate, data.StageProbationer:
		return true
	}
	return false
}

// Headers of the later steps the 发展对象名册 and 预备党员名册 show (their
// stage's steps; domain.md §3.4), export only.
const (
	hApprovalFiled    = "再上一级党委组织部门备案时间"
	hOath             = "入党宣誓时间"
	hTransferApply    = "提出转正申请时间"
	hTransferMeeting  = "支部大会讨论转正时间"
	hTransferApproval = "上级党委审批转正时间"
	hArchived         = "材料归档时间"
)

// laterStepColumns are the dates of steps 18–25, shown by the exports only
// (the import of applicants, activists and 发展对象 does not reach them).
func laterStepColumns() []Column[DevRow] {
	var out []Column[DevRow]
	for _, c := range []struct {
		header string
		step   int
	}{{hApprovalFiled, data.StepApprovalFiled}, {hOath, data.StepOath}, {hTransferApply, data.StepTransferApply},
		{hTransferMeeting, data.StepTransferMeeting}, {hTransferApproval, data.StepTransferApproval}, {hArchived, data.StepArchive}} {
		col := stepDate(c.header, c.step)
		col.Set = nil
		out = append(out, col)
	}
	return out
}
