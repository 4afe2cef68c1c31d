package main

// The check subcommand lives in its own file. Its init must run after the
// one in cli.go that assigns the commands slice; Go runs the init functions
// of a package in the order of the file names, so this file's name sorts
// after "cli.go".

import (
	"encoding/json"
	"fmt"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/rules"
)

func init() {
	check := command{name: "check", args: "[--json] [--on 日期]",
		summary: "检查发展党员记录和三会一课：违反规定的错误，以及到期、逾期和即将到期的事项（最紧急的在前）",
		options: []string{
			"--json       以 JSON 数组输出：person, id_number, rule, severity (error|reminder), message, due",
			"--on         按哪一天检查，例如 2026-12-01（默认：今天）；该日以后的记录不计",
		},
		run: (*cli).check}
	commands = insertBefore(commands, "version", check)
}

// insertBefore puts c before the named command (at the end when absent), so
// help keeps version and help last.
func insertBefore(list []command, name string, c command) []command {
	for i := range list {
		if list[i].name == name {
			return append(list[:i:i], append([]command{c}, list[i:]...)...)
		}
	}
	return append(list, c)
}

// check prints the findings; finding problems is not a failure, so the exit
// code is 0 whenever the check itself ran.
func (c *cli) check(args []string) error {
	fs := newFlagSet("check")
	asJSON := fs.Bool("json", false, "")
	onText := fs.String("on", "", "")
	if _, err := positionals("check", args, 0, fs); err != nil {
		return err
	}
	on := civil.Today()
	if *onText != "" {
		var err error
		if on, err = civil.ParseDay(*onText); err != nil {
			return usageError("--on：%v", err)
		}
	}
	return c.withStore(false, func(s *data.Store) error {
		d, err := s.LoadDevData()
		if err != nil {
			return err
		}
		findings, err := withMeetingFindings(s, on, rules.CheckAll(d, on, rules.DefaultOptions()))
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
