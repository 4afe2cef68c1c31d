package reports

import (
	"path/filepath"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/datatest"
)

// The development fixture: seven members who serve as 谈话人, 培养联系人 and
// 入党介绍人 (two of them namesakes), and four people on the way in, at
// every development stage, with records dated 2021–2024.

// devMembers are the members of the fixture branch.
func devMembers() []data.Person {
	full := func(name, gender, birth string, seq int, join civil.Date) data.Person {
		return data.Person{Name: name, Gender: gender, IDNumber: datatest.IDNumber(birth, seq), Stage: data.StageFull,
			JoinDate: join, FullDate: join.AddMonths(12), Standing: data.StandingNormal}
	}
	probationer := full("王预备", "男", "19900707", 91, civil.New(2024, 6, 1))
	probationer.Stage, probationer.FullDate = data.StageProbationer, civil.Date{}
	return []data.Person{
		full("赵建军", "男", "19700101", 11, civil.New(1995, 7, 1)),
		full("钱学敏", "女", "19720202", 22, civil.New(1998, 6, 1)),
		full("孙晓燕", "女", "19750303", 42, civil.New(2000, 5, 1)),
		full("李国强", "男", "19760404", 31, civil.New(2001, 7, 1)),
		full("张伟", "男", "19800505", 51, civil.New(2005, 7, 1)),
		full("张伟", "男", "19810606", 71, civil.New(2006, 7, 1)),
		probationer,
	}
}

// devStore is a store with the fixture members and, unless empty, the
// fixture pipeline; ids maps names (张伟#1, 张伟#2 for the namesakes) to IDs.
func devStore(t testing.TB, pipeline bool) (*data.Store, map[string]uint) {
	t.Helper()
	s := storeWith(t, devMembers())
	ids := map[string]uint{}
	people, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		key := p.Name
		if p.Name == "张伟" {
			key = "张伟#1"
			if p.IDNumber == datatest.IDNumber("19810606", 71) {
				key = "张伟#2"
			}
		}
		ids[key] = p.ID
	}
	if pipeline {
		fillPipeline(t, s, ids)
	}
	return s, ids
}

func fillPipeline(t testing.TB, s *data.Store, ids map[string]uint) {
	t.Helper()
	with := func(st data.DevStep, f func(*data.DevStep)) data.DevStep { f(&st); return st }
	activist := func(d civil.Date, source, note string) data.DevStep {
		return with(datatest.Step(data.StepActivist, d), func(st *data.DevStep) { st.Source, st.Note = source, note })
	}
	result := func(st data.DevStep, r string) data.DevStep {
		return with(st, func(st *data.DevStep) { st.Result = r })
	}
	report := func(d civil.Date, kind string) data.DevStep {
		return with(datatest.Step(data.StepAssessment, d), func(st *data.DevStep) { st.Kind = kind })
	}
	newcomer(t, s, ids, "陈思远", "19990808", 13, civil.New(2024, 3, 1),
		datatest.Step(data.StepTalk, civil.New(2024, 3, 20), "赵建军"))
	newcomer(t, s, ids, "林雨桐", "19970909", 24, civil.New(2023, 1, 10),
		datatest.Step(data.StepTalk, civil.New(2023, 2, 1), "赵建军", "~党委组织员马琳"),
		activist(civil.New(2023, 8, 1), data.SourceLeague, leagueNote(civil.New(2023, 7, 15), "")),
		datatest.Step(data.StepActivistFiled, civil.New(2023, 8, 10)),
		datatest.Step(data.StepContacts, civil.New(2023, 8, 10), "钱学敏", "张伟#1"),
		report(civil.New(2023, 10, 1), data.KindReport), report(civil.New(2024, 1, 5), data.KindReport),
		report(civil.New(2024, 2, 1), data.KindAssessment))
	newcomer(t, s, ids, "郭子轩", "19950110", 35, civil.New(2021, 3, 1),
		datatest.Step(data.StepTalk, civil.New(2021, 3, 15), "孙晓燕"),
		activist(civil.New(2021, 10, 1), data.SourceMembers, ""),
		datatest.Step(data.StepActivistFiled, civil.New(2021, 10, 5)),
		datatest.Step(data.StepContacts, civil.New(2021, 10, 5), "李国强"),
		with(datatest.Step(data.StepCandidate, civil.New(2022, 11, 1)), func(st *data.DevStep) {
			st.Start, st.End = civil.New(2022, 10, 20), civil.New(2022, 10, 26)
		}),
		result(datatest.Step(data.StepCandidateFiled, civil.New(2022, 11, 5)), data.ResultAgree),
		datatest.Step(data.StepIntroducers, civil.New(2022, 11, 10), "李国强", "张伟#2"),
		result(datatest.Step(data.StepPoliticalReview, civil.New(2023, 1, 10)), data.ResultPass),
		with(datatest.Step(data.StepTraining, civil.New(2023, 2, 3)), func(st *data.DevStep) {
			st.Start, st.End, st.Hours, st.Result = civil.New(2023, 2, 1), civil.New(2023, 2, 3), 24, data.ResultCompleted
		}),
		result(datatest.Step(data.StepCommitteeReview, civil.New(2023, 3, 1)), data.ResultAgree),
		result(datatest.Step(data.StepPreReview, civil.New(2023, 3, 20)), data.ResultPass),
		with(datatest.Step(data.StepPledge, civil.New(2023, 3, 25)), func(st *data.DevStep) { st.Number = "2023001234" }),
		datatest.Step(data.StepBranchMeeting, civil.New(2023, 4, 10)),
		datatest.Step(data.StepSuperiorTalk, civil.New(2023, 5, 1), "~组织员马琳"))
	newcomer(t, s, ids, "徐嘉怡", "19960220", 46, civil.New(2021, 5, 1),
		activist(civil.New(2022, 1, 10), data.SourceMembers, ""),
		datatest.Step(data.StepCandidate, civil.New(2023, 2, 1)),
		datatest.Step(data.StepIntroducers, civil.New(2023, 2, 10), "赵建军", "钱学敏"),
		result(datatest.Step(data.StepPoliticalReview, civil.New(2023, 3, 1)), data.ResultFail),
		datatest.Step(data.StepBranchMeeting, civil.New(2023, 6, 1)),
		result(datatest.Step(data.StepApproval, civil.New(2023, 7, 1)), data.ResultDisagree))
}

// newcomer records an applicant and their records through the store, as
// the development screens do.
func newcomer(t testing.TB, s *data.Store, ids map[string]uint, name, birth string, seq int, applied civil.Date, steps ...data.DevStep) {
	t.Helper()
	p := data.Person{Name: name, IDNumber: datatest.IDNumber(birth, seq), Ethnicity: "汉族", Education: "大学本科", Post: "教师"}
	if err := s.NewApplicant(&p, applied); err != nil {
		t.Fatal(err)
	}
	ids[name] = p.ID
	for _, st := range steps {
		st.PersonID = p.ID
		for i := range st.People {
			sp := &st.People[i]
			if sp.Name[0] == '~' {
				sp.Name = sp.Name[1:]
				continue
			}
			id := ids[sp.Name]
			if id == 0 {
				t.Fatalf("fixture: no member %s", sp.Name)
			}
			sp.PersonID = &id
		}
		if err := s.SaveDevStep(&st); err != nil {
			t.Fatalf("%s step %d: %v", name, st.Step, err)
		}
	}
}

// exportDev writes a development register of the store to a temp file.
func exportDev(t *testing.T, s *data.Store, e DevExport, opt DevExportOptions) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), e.Title+".xlsx")
	if err := e.Export(path, s, opt); err != nil {
		t.Fatalf("export %s: %v", e.Key, err)
	}
	return path
}

func devExportNamed(t *testing.T, key string) DevExport {
	t.Helper()
	for _, e := range DevExports {
		if e.Key == key {
			return e
		}
	}
	t.Fatalf("no export %s", key)
	return DevExport{}
}

// devTable reads a sheet as exported: the header row (row 3) and the data
// rows under it, as Excel shows them; the signature line is left out.
func devTable(t *testing.T, path, sheet string) (headers []string, rows [][]string) {
	t.Helper()
	f := readBack(t, path)
	all, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < headerRow {
		t.Fatalf("%s: only %d rows", sheet, len(all))
	}
	headers = all[headerRow-1]
	for _, r := range all[headerRow:] {
		if len(r) > 0 && r[0] != "" && r[0] != SignatureLine {
			rows = append(rows, r)
		}
	}
	return headers, rows
}

// devCell is the value of a row under a header ("" when the row is short).
func devCell(headers, row []string, header string) string {
	for i, h := range headers {
		if h == header && i < len(row) {
			return row[i]
		}
	}
	return ""
}

// importDev reads a file and, when it has no errors, imports it.
func importDev(t *testing.T, s *data.Store, path string, mode data.ImportMode) (*ActivistImport, data.ImportResult) {
	t.Helper()
	imp, err := ReadActivists(path, s, civil.Today(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if errs := imp.Errors(); len(errs) > 0 {
		t.Fatalf("%s: rows with errors:\n%s", filepath.Base(path), issuesText(errs))
	}
	res, err := s.ImportDevelopment(imp.Good(), mode, filepath.Base(path))
	if err != nil {
		t.Fatalf("ImportDevelopment: %v", err)
	}
	return imp, res
}
