package main

import (
	"fmt"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/dues"
	"partyoffice/data/yearwork"
)

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
	return c.withStoreToRead(func(s *data.Store) error {
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
