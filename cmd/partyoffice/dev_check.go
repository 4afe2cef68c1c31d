package main

import (
	"encoding/json"
	"fmt"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
	"partyoffice/reports"
)

// check prints the findings; finding problems is not a failure, so the exit
// code is 0 whenever the check itself ran.
func (c *cli) check(args []string) error {
	fs := newFlagSet("check")
	asJSON := fs.Bool("json", false, "")
	onText := fs.String("on", "", "")
	if _, err := positionals("check", args, 0, fs); err != nil {
		return err
	}
	var on civil.Date // zero: the store's today
	if *onText != "" {
		var err error
		if on, err = civil.ParseDay(*onText); err != nil {
			return usageError("--on：%v", err)
		}
	}
	return c.withStoreToRead(func(s *data.Store) error {
		if on.IsZero() {
			on = s.Today()
		}
		findings, err := reports.CheckFindings(s, on)
		if err != nil {
			return err
		}
		if *asJSON {
			return printFindingsJSON(c, findings)
		}
		printFindings(c, findings, on)
		return nil
	})
}

func printFindingsJSON(c *cli, findings []rules.Finding) error {
	if findings == nil {
		findings = []rules.Finding{} // [] rather than null
	}
	enc := json.NewEncoder(c.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(findings)
}

func printFindings(c *cli, findings []rules.Finding, on civil.Date) {
	for _, f := range findings {
		fmt.Fprintln(c.stdout, f.Line())
	}
	if len(findings) == 0 {
		fmt.Fprintf(c.stdout, "截至 %s，发展党员和三会一课记录没有发现问题，也没有即将到期的事项\n", on)
		return
	}
	errs, reminders := rules.Count(findings)
	fmt.Fprintf(c.stdout, "截至 %s：错误 %d 项，提醒 %d 项\n", on, errs, reminders)
}
