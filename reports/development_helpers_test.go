package reports

import (
	"path/filepath"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// The development fixture: seven members who serve as 谈话人, 培养联系人 and
// 入党介绍人 (two of them namesakes), and four people on the way in, at
// every development stage, with records dated 2021–2024.

// devMembers are the members of the fixture branch.
func devMembers() []data.Person {
	full := func(name, gender, birth string, seq int, join civil.Date) data.Person {
		return data.Person{Name: name, Gender: gender, IDNumber: makeID(birth, seq), Stage: data.StageFull,
			JoinDate: join, FullDate: join.AddMonths(12), Standing: data.StandingNormal}
	}
	probationer := full("王预备", "男", "19900707", 91, date(2024, 6, 1))
	probationer.Stage, probationer.FullDate = data.StageProbationer, civil.Date{}
	return []data.Person{
		full("赵建军", "男", "19700101", 11, date(1995, 7, 1)),
		full("钱学敏", "女", "19720202", 22, date(1998, 6, 1)),
		full("孙晓燕", "女", "19750303", 42, date(2000, 5, 1)),
		full("李国强", "男", "19760404", 31, date(2001, 7, 1)),
		full("张伟", "男", "19800505", 51, date(2005, 7, 1)),
		full("张伟", "男", "19810606", 71, date(2006, 7, 1)),
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
			if p.IDNumber == makeID("19810606", 71) {
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

// step is a record for the fixture: people by fixture name, "~name" for
// someone outside the register.
func step(n int, d civil.Date, people ...string) data.DevStep {
	return data.DevStep{Step: n, Date: d, People: fixturePeople(n, people)}
}

func fixturePeople(n int, names []string) []data.DevStepPerson {
	var out []data.DevStepPerson
	def := data.StepDefFor(n)
	for _, name := range names {
		out = append(out, data.DevStepPerson{Role: def.People[0].Role, Name: name})
	}
	return out
}

func fillPipeline(t testing.TB, s *data.Store, ids map[string]uint) {
	t.Helper()
	with := func(st data.DevStep, f func(*data.DevStep)) data.DevStep { f(&st); return st }
	activist := func(d civil.Date, source, note string) data.DevStep {
		return with(step(data.StepActivist, d), func(st *data.DevStep) { st.Source, st.Note = source, note })
	}
	result := func(st data.DevStep, r string) data.DevStep {
		return with(st, func(st *data.DevStep) { st.Result = r })
	}
	report := func(d civil.Date, kind string) data.DevStep {
		return with(step(data.StepAssessment, d), func(st *data.DevStep) { st.Kind = kind })
	}
	newcomer(t, s, ids, "陈思远", "19990808", 13, date(2024, 3, 1),
		step(data.StepTalk, date(2024, 3, 20), "赵建军"))
	newcomer(t, s, ids, "林雨桐", "19970909", 24, date(2023, 1, 10),
		step(data.StepTalk, date(2023, 2, 1), "赵建军", "~党委组织员马琳"),
		activist(date(2023, 8, 1), data.SourceLeague, leagueNote(date(2023, 7, 15), "")),
		step(data.StepActivistFiled, date(2023, 8, 10)),
		step(data.StepContacts, date(2023, 8, 10), "钱学敏", "张伟#1"),
		report(date(2023, 10, 1), data.KindReport), report(date(2024, 1, 5), data.KindReport),
		report(date(2024, 2, 1), data.KindAssessment))
	newcomer(t, s, ids, "郭子轩", "19950110", 35, date(2021, 3, 1),
		step(data.StepTalk, date(2021, 3, 15), "孙晓燕"),
		activist(date(2021, 10, 1), data.SourceMembers, ""),
		step(data.StepActivistFiled, date(2021, 10, 5)),
		step(data.StepContacts, date(2021, 10, 5), "李国强"),
		with(step(data.StepCandidate, date(2022, 11, 1)), func(st *data.DevStep) {
			st.Start, st.End = date(2022, 10, 20), date(2022, 10, 26)
		}),
		result(step(data.StepCandidateFiled, date(2022, 11, 5)), data.ResultAgree),
		step(data.StepIntroducers, date(2022, 11, 10), "李国强", "张伟#2"),
		result(step(data.StepPoliticalReview, date(2023, 1, 10)), data.ResultPass),
		with(step(data.StepTraining, date(2023, 2, 3)), func(st *data.DevStep) {
			st.Start, st.End, st.Hours, st.Result = date(2023, 2, 1), date(2023, 2, 3), 24, data.ResultCompleted
		}),
		result(step(data.StepCommitteeReview, date(2023, 3, 1)), data.ResultAgree),
		result(step(data.StepPreReview, date(2023, 3, 20)), data.ResultPass),
		with(step(data.StepPledge, date(2023, 3, 25)), func(st *data.DevStep) { st.Number = "2023001234" }),
		step(data.StepBranchMeeting, date(2023, 4, 10)),
		step(data.StepSuperiorTalk, date(2023, 5, 1), "~组织员马琳"))
	newcomer(t, s, ids, "徐嘉怡", "19960220", 46, date(2021, 5, 1),
		activist(date(2022, 1, 10), data.SourceMembers, ""),
		step(data.StepCandidate, date(2023, 2, 1)),
		step(data.StepIntroducers, date(2023, 2, 10), "赵建军", "钱学敏"),
		result(step(data.StepPoliticalReview, date(2023, 3, 1)), data.ResultFail),
		step(data.StepBranchMeeting, date(2023, 6, 1)),
		result(step(data.StepApproval, date(2023, 7, 1)), data.ResultDisagree))
}

// newcomer records an applicant and their records through the store, as
// the development screens do.
func newcomer(t testing.TB, s *data.Store, ids map[string]uint, name, birth string, seq int, applied civil.Date, steps ...data.DevStep) {
	t.Helper()
	p := data.Person{Name: name, IDNumber: makeID(birth, seq), Ethnicity: "汉族", Education: "大学本科", Post: "教师"}
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
