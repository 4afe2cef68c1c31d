package rules

import (
	"encoding/json"
	"sort"

	"partyoffice/data/civil"
)

// Severity of a finding.
type Severity string

const (
	// SeverityError is a rule broken by what is recorded (错误): fix the
	// record or explain it.
	SeverityError Severity = "error"
	// SeverityReminder is something coming or overdue, or a limit passed
	// that the rules call a warning (提醒).
	SeverityReminder Severity = "reminder"
)

// Label is the Chinese word the user sees.
func (s Severity) Label() string {
	if s == SeverityError {
		return "错误"
	}
	return "提醒"
}

// Finding is one result of the checks. Message is a whole sentence naming
// the person, the dates involved and the article of the person's version,
// beginning "姓名：" so it reads alone in a list.
type Finding struct {
	PersonID uint
	Person   string // 姓名; "" for the branch as a whole
	IDNumber string
	Rule     string
	Severity Severity
	Message  string
	// Due is the deadline, or with DueIsEarliest the first day something
	// becomes possible (R-CANDIDATE); zero when there is none.
	Due           civil.Date
	DueIsEarliest bool
	// Printed is Message as paper cites it (Rule.PrintedBasis: no article
	// not verified, no 待核对原文); "" when Message already is (ForPrint).
	Printed string
}

// ForPrint is the message for printed documents (docs/rules.md, "Citations").
func (f Finding) ForPrint() string {
	if f.Printed != "" {
		return f.Printed
	}
	return f.Message
}

// findingJSON is the shape of the CLI's --json output.
type findingJSON struct {
	Person   string   `json:"person"`
	IDNumber string   `json:"id_number"`
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Due      *string  `json:"due"`
}

// MarshalJSON writes {"person","id_number","rule","severity","message","due"}
// with due as "YYYY-MM-DD" or null.
func (f Finding) MarshalJSON() ([]byte, error) {
	out := findingJSON{Person: f.Person, IDNumber: f.IDNumber, Rule: f.Rule, Severity: f.Severity, Message: f.Message}
	if !f.Due.IsZero() {
		s := f.Due.Last().String()
		out.Due = &s
	}
	return json.Marshal(out)
}

// Line is the one-line human form: "[错误] D4 张三：…（截止 2026-12-01）".
func (f Finding) Line() string {
	s := "[" + f.Severity.Label() + "] " + f.Rule + " " + f.Message
	switch {
	case f.Due.IsZero():
	case f.DueIsEarliest:
		s += "（最早 " + f.Due.First().String() + "）"
	default:
		s += "（截止 " + f.Due.Last().String() + "）"
	}
	return s
}

// Sort orders findings most urgent first: errors, then by due date (the
// earliest first, undated last), then by person and rule.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Severity != b.Severity {
			return a.Severity == SeverityError
		}
		if a.Due.IsZero() != b.Due.IsZero() {
			return !a.Due.IsZero()
		}
		if c := a.Due.Compare(b.Due); c != 0 {
			return c < 0
		}
		if a.Person != b.Person {
			return a.Person < b.Person
		}
		return a.Rule < b.Rule
	})
}

// Count tallies findings by severity.
func Count(fs []Finding) (errors, reminders int) {
	for _, f := range fs {
		if f.Severity == SeverityError {
			errors++
		} else {
			reminders++
		}
	}
	return errors, reminders
}
