package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// The year's registers (党费, training, 谈心谈话, 工作责任清单, 三帐二单,
// 民主评议): flat rows, each register described once below its type and used
// by the export, the import and (later) the screen's table.

// MoneyColumn is an amount in fen, written as 元 with two decimals and read
// back exactly (ParseYuan; a cell Excel stored as 49.880000000000003 is
// taken as 49.88).
func MoneyColumn[T any](header string, field func(*T) *int64, aliases ...string) Column[T] {
	return Column[T]{
		Header: header, Aliases: aliases, Kind: KindMoney, Width: 11,
		Get:  func(v *T) any { return *field(v) },
		Text: func(v *T) string { return data.Yuan(*field(v)) },
		Set: func(v *T, s string) error {
			fen, err := readYuan(s)
			*field(v) = fen
			return err
		},
	}
}

// moneyGet is a read-only money column (computed values in a report).
func moneyGet[T any](header string, get func(*T) int64) Column[T] {
	return Column[T]{Header: header, Kind: KindMoney, Width: 11, Get: func(v *T) any { return get(v) },
		Text: func(v *T) string { return data.Yuan(get(v)) }}
}

func readYuan(s string) (int64, error) {
	fen, err := data.ParseYuan(s)
	if err == nil {
		return fen, nil
	}
	f, ferr := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if ferr != nil || math.IsNaN(f) || math.Abs(f) > 1e12 {
		return 0, err
	}
	cents := math.Round(f * 100)
	if math.Abs(f*100-cents) > 1e-6 {
		return 0, fmt.Errorf("金额“%s”精确到分即可（两位小数）", s)
	}
	return int64(cents), nil
}

// MonthColumn is a month (2026-03 or 2026年3月); a full date is taken as its month.
func MonthColumn[T any](header string, field func(*T) *civil.Date, aliases ...string) Column[T] {
	c := DateColumn(header, field, aliases...)
	c.Width = 9
	set := c.Set
	c.Set = func(v *T, s string) error {
		err := set(v, s)
		if d := field(v); d.Month != 0 {
			*d = civil.Date{Year: d.Year, Month: d.Month}
		} else if err == nil && !d.IsZero() {
			err = fmt.Errorf("“%s”只有年份，请写到月份，例如 %d.03", s, d.Year)
		}
		if isWarning(err) {
			err = nil // a month is all we want: no warning about a missing day
		}
		return err
	}
	return c
}

// NumberColumn is a number such as 学时 or a count, read with up to one decimal.
func NumberColumn[T any](header string, width float64, field func(*T) *float64, aliases ...string) Column[T] {
	return Column[T]{
		Header: header, Aliases: aliases, Kind: KindNumber, Width: width,
		Get: func(v *T) any { return *field(v) },
		Set: func(v *T, s string) error {
			f, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, "学时")), 64)
			if err != nil || math.IsNaN(f) || f < 0 || f > 1e6 {
				return fmt.Errorf("“%s”不是数字", s)
			}
			*field(v) = math.Round(f*10) / 10
			return nil
		},
	}
}

// CountColumn is a whole number (vote counts).
func CountColumn[T any](header string, field func(*T) *int, aliases ...string) Column[T] {
	return Column[T]{
		Header: header, Aliases: aliases, Kind: KindNumber, Width: 7,
		Get: func(v *T) any { return *field(v) },
		Set: func(v *T, s string) error {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil || n < 0 || n > 100000 {
				return fmt.Errorf("“%s”应为不小于0的整数", s)
			}
			*field(v) = n
			return nil
		},
	}
}

// YearColumn is the 年度 of a record.
func YearColumn[T any](field func(*T) *int) Column[T] {
	c := CountColumn("年度", field, "年份")
	c.Width = 7
	return c
}

// textChoice is a ChoiceColumn over a plain list of strings, accepting the
// values as written.
func textChoice[T any](header string, field func(*T) *string, choices []string, aliases ...string) Column[T] {
	return ChoiceColumn(header, field, choices, func(s string) string {
		for _, c := range choices {
			if c == s {
				return c
			}
		}
		return ""
	}, aliases...)
}

// PersonRef is how a yearly row names its person in a sheet: 姓名, and the
// 身份证号 where the register needs to tell namesakes apart.
type PersonRef struct {
	Name, IDNumber string
}

// personFinder finds the register's person of a row written by 姓名 and
// perhaps 身份证号 or 工号 (a finance office's sheet has one or the other).
type personFinder struct {
	names    nameIndex
	byNumber map[string]*data.Person
	byStaff  map[string][]*data.Person
}

func newPersonFinder(s *data.Store) (*personFinder, error) {
	people, err := s.People()
	if err != nil {
		return nil, err
	}
	f := &personFinder{names: newNameIndex(people), byNumber: map[string]*data.Person{}, byStaff: map[string][]*data.Person{}}
	for i := range people {
		if people[i].IDNumber != "" {
			f.byNumber[people[i].IDNumber] = &people[i]
		}
		if people[i].StaffNo != "" {
			f.byStaff[people[i].StaffNo] = append(f.byStaff[people[i].StaffNo], &people[i])
		}
	}
	return f, nil
}

// find matches by ID number, then by 工号, then by name; the message says
// why nobody matched. An identifier that belongs to someone of another
// name is refused rather than trusted.
func (f *personFinder) find(name, idNumber, staffNo, role string) (*data.Person, string) {
	var p *data.Person
	switch {
	case idNumber != "" && f.byNumber[strings.ToUpper(idNumber)] != nil:
		p = f.byNumber[strings.ToUpper(idNumber)]
	case staffNo != "" && len(f.byStaff[staffNo]) == 1:
		p = f.byStaff[staffNo][0]
	}
	if p != nil {
		if name != "" && nameKey(name) != nameKey(p.Name) {
			return nil, fmt.Sprintf("身份证号或工号在名册中属于“%s”，不是“%s”，请核对", p.Name, name)
		}
		return p, ""
	}
	if name == "" {
		return nil, "请填写姓名"
	}
	return f.names.match(name, role)
}

// ImportPreview is a yearly register read from a workbook: the rows with
// their problems. Nothing is saved until Good() is passed to data.SaveRecords.
type ImportPreview[T any] struct {
	*RegisterImport[T]
}

// Errors are all rows' errors, in row order.
func (m *ImportPreview[T]) Errors() []RowIssue {
	return collectIssues(m.Rows, func(r *ImportedRow[T]) []RowIssue { return r.Errors })
}

// Warnings are all rows' warnings, in row order.
func (m *ImportPreview[T]) Warnings() []RowIssue {
	return collectIssues(m.Rows, func(r *ImportedRow[T]) []RowIssue { return r.Warnings })
}

// GoodRows are the values of the rows without errors.
func (m *ImportPreview[T]) GoodRows() []T {
	var out []T
	for _, r := range m.Rows {
		if len(r.Errors) == 0 {
			out = append(out, r.Value)
		}
	}
	return out
}

// readPreview reads a register; finish resolves and checks each row.
func readPreview[T any](path string, reg *Register[T], finish func(*T) []data.FieldIssue, progress func(done, total int)) (*ImportPreview[T], error) {
	res, err := ReadRegister(path, reg, ReadOptions[T]{Progress: progress, Finish: finish})
	if err != nil {
		return nil, err
	}
	return &ImportPreview[T]{res}, nil
}

// issue is one error of a field, for ReadOptions.Finish.
func issue(field, msg string) []data.FieldIssue {
	return []data.FieldIssue{{Field: field, Message: msg}}
}

// yearDocument is the paper around a yearly register.
func yearDocument(b *data.Branch, title string, year int, asOf civil.Date) Document {
	name := b.Name
	if name == "" {
		name = "党支部"
	}
	t := fmt.Sprintf("%s%s", name, title)
	if year != 0 {
		t = fmt.Sprintf("%s%d年度%s", name, year, title)
	}
	return Document{
		Title:     t,
		Unit:      b.FilingUnit(),
		AsOf:      asOf,
		Signature: SignatureLine,
		Author:    name,
		Made:      time.Now(), // the yearly registers carry no store; the file is made now
	}
}

// asOfYear is the end of the year, or today when that is earlier.
func asOfYear(year int, today civil.Date) civil.Date {
	end := civil.New(year, 12, 31)
	if today.IsZero() {
		today = civil.Today()
	}
	if today.Before(end) {
		return today
	}
	return end
}

// YearOptions choose the year (and for the 党费收缴登记表 the month) of a
// yearly report.
type YearOptions struct {
	Year  int
	Month int        // 收缴登记表 of one month; 0 = every month of the year, a sheet each
	Today civil.Date // zero = today
}

func (o *YearOptions) check(s *data.Store) error {
	if o.Year < 1950 || o.Year > 2100 {
		return fmt.Errorf("年份 %d 不对，请写四位数的年份，例如 2026", o.Year)
	}
	if o.Month < 0 || o.Month > 12 {
		return fmt.Errorf("月份应为 1 到 12，现在是 %d", o.Month)
	}
	if o.Today.IsZero() {
		o.Today = s.Today()
	}
	return nil
}
