package reports

import (
	"partyoffice/data"
	"partyoffice/data/civil"
)

// packRun is what a pack asks of each report: the day of its registers and
// the span of its statistics.
type packRun struct {
	asOf           civil.Date
	period         Period
	from, to       civil.Date
	year, quarter  int
	half           int
}

// packWriters: the exports a pack is built from, by command-line name.
func packWriter(key string) func(path string, s *data.Store, r packRun) error {
	switch key {
	case "members":
		return func(path string, s *data.Store, r packRun) error {
			return ExportMembers(path, s, ExportOptions{AsOf: r.asOf})
		}
	case "devplan":
		return func(path string, s *data.Store, r packRun) error {
			return ExportDevPlan(path, s, DevExportOptions{Year: r.year})
		}
	case "meetings-summary", "attendance", "minutes":
		for _, m := range MeetingReports {
			if m.Kind == key {
				return func(path string, s *data.Store, r packRun) error {
					return m.Write(path, s, MeetingReportOptions{Year: r.year, Quarter: r.quarter})
				}
			}
		}
	case "audit":
		return func(path string, s *data.Store, r packRun) error {
			return ExportAudit(path, s, data.AuditQuery{From: r.from, To: r.to}, nil)
		}
	}
	return nil
}
