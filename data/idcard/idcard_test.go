package idcard

import (
	"fmt"
	"strings"
	"testing"

	"partyoffice/data/civil"
)

// today is the day the tests parse on: the clock is an argument, so the
// results do not depend on the computer's date.
var today = civil.New(2026, 6, 15)

func TestParseValid(t *testing.T) {
	tests := []struct {
		in       string
		number   string
		birth    civil.Date
		male     bool
		province string
	}{
		{"11010519491231002X", "11010519491231002X", civil.New(1949, 12, 31), false, "11"},
		{"440524188001010014", "440524188001010014", civil.New(1880, 1, 1), true, "44"},
		{"120223198902021249", "120223198902021249", civil.New(1989, 2, 2), false, "12"},
		{"11010519491231002x", "11010519491231002X", civil.New(1949, 12, 31), false, "11"},
		{"１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X", civil.New(1949, 12, 31), false, "11"},
		{"１１０１０５１９４９１２３１００２ｘ", "11010519491231002X", civil.New(1949, 12, 31), false, "11"},
		{" 110105 19491231 002X\u3000", "11010519491231002X", civil.New(1949, 12, 31), false, "11"},
		{"130402198207290624", "130402198207290624", civil.New(1982, 7, 29), false, "13"},
		{"200000200002290018", "200000200002290018", civil.New(2000, 2, 29), true, "20"},
		// 15-digit: 1949-12-31, sequence 002 → 18 digits with check digit X.
		{"110105491231002", "11010519491231002X", civil.New(1949, 12, 31), false, "11"},
		{"440524800101001", "440524198001010013", civil.New(1980, 1, 1), true, "44"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in, today)
		want := Info{Number: tt.number, Birth: tt.birth, Male: tt.male, Province: tt.province}
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", tt.in, got, err, want)
		}
	}
}

func TestParseInvalid(t *testing.T) {
	future := today.AddDays(1)
	futureID := fmt.Sprintf("110105%04d%02d%02d001", future.Year, future.Month, future.Day)
	futureID += string(CheckDigit(futureID))

	tests := []struct {
		in   string
		kind Kind
		msg  string // a fragment of the message
	}{
		{"", KindEmpty, "请填写身份证号"},
		{" \u3000", KindEmpty, "请填写身份证号"},
		{"130402198207290622", KindCheckDigit, "身份证号“130402198207290622”校验码不对（最后一位应为 4），请核对后重新输入"},
		{"11010519491231002Y", KindChars, "不该出现的字符“Y”"},
		{"1101051949123100２A", KindChars, "不该出现的字符“A”"},
		{"11010519491231-002X", KindChars, "不该出现的字符“-”"},
		{"身份证11010519491231002X", KindChars, "不该出现的字符“身”"},
		{"1101051949X231002X", KindChars, "X 只能是最后一位"},
		{"11010549123100X", KindChars, "X 只能是最后一位"},
		{"11010519491231002", KindLength, "身份证号应为18位（现在是17位）"},
		{"11010519491231002X1", KindLength, "（现在是19位）"},
		{"1101", KindLength, "（现在是4位）"},
		{"130402198202290626", KindBirth, "身份证号中的出生日期 19820229 不存在"},
		{"130402198202300622", KindBirth, "身份证号中的出生日期 19820230 不存在"},
		{"130402198213010622", KindBirth, "出生日期 19821301 不存在"},
		{"130402198207000622", KindBirth, "出生日期 19820700 不存在"},
		{"130402000007290622", KindBirth, "出生日期 00000729 不存在"},
		{futureID, KindBirth, "还没到"},
		{"130402179907290622", KindBirth, "太早了"},
		{"130402820229062", KindBirth, "出生日期 19820229 不存在"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in, today)
		if err == nil {
			t.Errorf("Parse(%q) = %+v, want an error", tt.in, got)
			continue
		}
		if k := KindOf(err); k != tt.kind {
			t.Errorf("Parse(%q) kind = %v, want %v (%v)", tt.in, k, tt.kind, err)
		}
		if !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("Parse(%q) error = %q, want it to contain %q", tt.in, err, tt.msg)
		}
	}
}

// TestBirthDateOnTheDayGiven: a number is judged on the day it is given
// (the store's clock), not on the computer's date; Read does not judge it.
func TestBirthDateOnTheDayGiven(t *testing.T) {
	born := civil.New(2026, 6, 15)
	id := fmt.Sprintf("110105%04d%02d%02d001", born.Year, born.Month, born.Day)
	id += string(CheckDigit(id))
	if _, err := Parse(id, born); err != nil {
		t.Errorf("born on the day given: %v", err)
	}
	if _, err := Parse(id, born.AddDays(-1)); KindOf(err) != KindBirth {
		t.Errorf("born the day after the day given: %v, want a birth-date error", err)
	}
	if info, err := Read(id); err != nil || info.Birth != born {
		t.Errorf("Read = %+v, %v", info, err)
	}
}

func TestCheckDigit(t *testing.T) {
	tests := map[string]byte{
		"11010519491231002": 'X',
		"44052418800101001": '4',
		"12022319890202124": '9',
		"13040219820729062": '4',
		"1304021982072906":  0,
		"1304021982072906A": 0,
	}
	for in, want := range tests {
		if got := CheckDigit(in); got != want {
			t.Errorf("CheckDigit(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := map[string]string{
		" １１０１０５ １９４９１２３１ ００２ｘ\u3000": "11010519491231002X",
		"11010519491231002x":           "11010519491231002X",
		"11010519491231002Ｘ":           "11010519491231002X",
		"\t110105\u00a019491231002X\n": "11010519491231002X",
		"":                             "",
	}
	for in, want := range tests {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGender(t *testing.T) {
	if g := Gender(Info{Male: true}); g != "男" {
		t.Errorf("Gender(male) = %q", g)
	}
	if g := Gender(Info{}); g != "女" {
		t.Errorf("Gender(female) = %q", g)
	}
}

func TestProvinceKnown(t *testing.T) {
	for _, c := range []string{"11", "15", "23", "37", "46", "50", "54", "65", "71", "81", "82"} {
		if !ProvinceKnown(c) {
			t.Errorf("ProvinceKnown(%q) = false", c)
		}
	}
	for _, c := range []string{"", "1", "10", "16", "20", "24", "38", "47", "55", "66", "72", "83", "110"} {
		if ProvinceKnown(c) {
			t.Errorf("ProvinceKnown(%q) = true", c)
		}
	}
	// An unknown province is accepted by Parse, just not known.
	info, err := Parse("200000200002290018", today)
	if err != nil || ProvinceKnown(info.Province) {
		t.Errorf("Parse with province 20: %+v, %v", info, err)
	}
}

func TestMask(t *testing.T) {
	tests := map[string]string{
		"64010619900101123X": "640106********123X",
		"64010619900101123x": "640106********123X",
		"640106900101123":    "640106*****1123",
		"1234567890":         "**********",
		"":                   "",
	}
	for in, want := range tests {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"11010519491231002X", "440524188001010014", "120223198902021249",
		"130402198207290622", "11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ",
		"110105491231002", "11010519491231002", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		info, err := Parse(s, today)
		if err != nil {
			if KindOf(err) == 0 || err.Error() == "" {
				t.Fatalf("Parse(%q): error without kind or message: %v", s, err)
			}
			return
		}
		n := info.Number
		if len(n) != 18 || !shape18.MatchString(n) {
			t.Fatalf("Parse(%q).Number = %q, not 18 characters", s, n)
		}
		if CheckDigit(n[:17]) != n[17] {
			t.Fatalf("Parse(%q).Number = %q, check digit disagrees", s, n)
		}
		if !info.Birth.Valid() || info.Birth.After(today) {
			t.Fatalf("Parse(%q).Birth = %v", s, info.Birth)
		}
		if again, err := Parse(n, today); err != nil || again != info {
			t.Fatalf("Parse(%q) = %+v, but Parse(%q) = %+v, %v", s, info, n, again, err)
		}
	})
}
