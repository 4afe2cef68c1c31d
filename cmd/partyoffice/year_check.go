package main

import (
	"fmt"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/dues"
	"partyoffice/data/rules"
	"partyoffice/data/yearwork"
)

// yearFindingSources are the checks of the year's registers beside 发展党员
// and 三会一课 (rule IDs DUES-… in data/dues, Y-… in data/yearwork).
var yearFindingSources = []func(s *data.Store, on civil.Date) ([]rules.Finding, error){
	dues.Check,
	yearwork.Check,
}

// withYearFindings adds the findings of the year's registers, most urgent first.
func withYearFindings(s *data.Store, on civil.Date, findings []rules.Finding) ([]rules.Finding, error) {
	for _, check := range yearFindingSources {
		more, err := check(s, on)
		if err != nil {
			return nil, err
		}
		findings = append(findings, more...)
	}
	rules.Sort(findings)
	return findings, nil
}

// goals prints the 年度目标 card, one target a line.
func (c *cli) goals(args []string) error {
	fs := newFlagSet("goals")
	yearText := fs.String("year", "", "")
	onText := fs.String("on", "", "")
	if _, err := positionals("goals", args, 0, fs); err != nil {
		return err
	}
	year, err := yearArg(*yearText)
	if err != nil {
		return err
	}
	var on civil.Date
	if *onText != "" {
		if on, err = civil.ParseDay(*onText); err != nil {
			return usageError("--on：%v", err)
		}
	}
	return c.withStore(false, func(s *data.Store) error {
		if on.IsZero() {
			on = s.Today()
		}
		d, err := yearwork.Load(s)
		if err != nil {
			return err
		}
		dd, err := dues.Load(s)
		if err != nil {
			return err
		}
		for _, g := range yearwork.Goals(d, dd, year, on) {
			mark := "○"
			if g.Done {
				mark = "●"
			}
			seed := g.Seed
			if seed == "" {
				seed = "—"
			}
			fmt.Fprintf(c.stdout, "%s %-3s %s：%s（%s）\n", mark, seed, g.Title, g.Text, g.Where)
		}
		return nil
	})
}
