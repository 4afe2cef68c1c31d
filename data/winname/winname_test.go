package winname

import "testing"

func TestProblem(t *testing.T) {
	for _, bad := range []string{"CON", "con.txt", "NUL", "Aux.xlsx", "COM1", "lpt9.poh", "名册.", "名册 ", "a:b", "a?b", "", "CON .txt"} {
		if Problem(bad) == "" {
			t.Errorf("%q accepted", bad)
		}
	}
	for _, good := range []string{"党员名册.xlsx", "CONTROL.txt", "COM10", "console", ".hidden", "a.b.c"} {
		if msg := Problem(good); msg != "" {
			t.Errorf("%q refused: %s", good, msg)
		}
	}
	if PathProblem("attachments/meetings/1/NUL.jpg") == "" || PathProblem("attachments/meetings/1/签到表.jpg") != "" {
		t.Error("PathProblem")
	}
}
