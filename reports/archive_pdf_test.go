package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/datatest"
)

// TestArchiveHasAPagePerMeeting: every sitting of the year starts its own
// page, in date order, and the Chinese font is embedded (not referenced).
func TestArchiveHasAPagePerMeeting(t *testing.T) {
	s := branchStore(t, "", true)
	year := datatest.Today.Year
	meetings, err := s.Meetings(data.MeetingFilter{From: civil.New(year, 1, 1), To: civil.New(year, 12, 31)})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "归档.pdf")
	a, err := WriteArchive(path, s, year)
	if err != nil {
		t.Fatal(err)
	}
	if len(meetings) == 0 || len(a.MeetingPages) != len(meetings) {
		t.Fatalf("%d meeting pages for %d meetings", len(a.MeetingPages), len(meetings))
	}
	for i := 1; i < len(a.MeetingPages); i++ {
		if a.MeetingPages[i] <= a.MeetingPages[i-1] {
			t.Errorf("meeting %d starts on page %d, after page %d: not a page of its own", i+1, a.MeetingPages[i], a.MeetingPages[i-1])
		}
	}
	if len(a.Sections) != 4 || a.Sections[0].Page != a.MeetingPages[0] || a.Sections[3].Page > a.Pages {
		t.Errorf("sections %+v of %d pages", a.Sections, a.Pages)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/FontFile2", "/CIDFontType2", "/MediaBox [0 0 595.28 841.89]"} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("the PDF has no %s (embedded TrueType font, A4)", want)
		}
	}
	if n := bytes.Count(raw, []byte("/Type /Page\n")); n != a.Pages {
		t.Errorf("%d page objects, archive says %d", n, a.Pages)
	}
}
