// Package idcard checks 公民身份号码 (GB 11643-1999): shape, birth date and the
// ISO 7064 MOD 11-2 check digit, and converts legacy 15-digit numbers.
package idcard

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"partyoffice/data/civil"
)

// minBirthYear is deliberately before 1900: the standard's own example,
// 440524188001010014, was born in 1880, and no living holder is older.
const minBirthYear = 1800

var (
	shape18 = regexp.MustCompile(`^\d{17}[\dX]$`)
	shape15 = regexp.MustCompile(`^\d{15}$`)
)

// weights[i] = 2^(17-i) mod 11, the MOD 11-2 weight of digit i+1.
var weights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const checkChars = "10X98765432" // indexed by the weighted sum mod 11

// Info is what a valid number tells about its holder.
type Info struct {
	Number   string     // 18 characters, upper-case X
	Birth    civil.Date // digits 7–14
	Male     bool       // the 17th digit is odd
	Province string     // the first two digits (see ProvinceKnown)
}

// Kind classifies why a number was refused, so callers can react to it
// (e.g. offer the right check digit) without parsing the message.
type Kind int

const (
	KindEmpty      Kind = iota + 1 // nothing typed
	KindChars                      // a character other than digits and a final X
	KindLength                     // neither 18 nor 15 characters
	KindBirth                      // birth date missing, in the future or implausibly old
	KindCheckDigit                 // the 18th character does not match
)

// Error is returned by Parse; its message is plain Chinese for the user.
type Error struct {
	Kind   Kind
	Number string // the normalised input
	msg    string
}

func (e *Error) Error() string { return e.msg }

func fail(k Kind, number, format string, args ...any) error {
	return &Error{Kind: k, Number: number, msg: fmt.Sprintf(format, args...)}
}

// KindOf is the Kind of an error from Parse, or 0 for other errors and nil.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

// Normalize folds what people paste from Word, Excel or a phone into the
// stored form: full-width digits and Ｘ/ｘ/x become ASCII 0-9 and X, and every
// space (ASCII, U+3000, no-break) is removed, also between digit groups.
func Normalize(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII block
			r -= 0xFEE0
		}
		switch {
		case r == 'x':
			return 'X'
		case unicode.IsSpace(r):
			return -1
		}
		return r
	}, s)
}

// Parse normalises s and checks it as typed or imported on the day today
// (the store's clock, docs/ARCHITECTURE.md "One clock"): the birth date may
// not be after it. A legacy 15-digit number is converted: "19" is put
// before its YYMMDD and a check digit is added; Info.Number is then the
// 18-digit form. An unknown province code is not an error.
func Parse(s string, today civil.Date) (Info, error) {
	info, err := Read(s)
	if err == nil && info.Birth.After(today) {
		return Info{}, fail(KindBirth, info.Number, "身份证号中的出生日期 %s 还没到，请核对后重新输入", info.Number[6:14])
	}
	return info, err
}

// Read is Parse without the day: shape, a real birth date and the check
// digit. It reads a number already stored (its birth date, its gender);
// accepting a typed one takes Parse.
func Read(s string) (Info, error) {
	n := Normalize(s)
	if err := checkShape(n); err != nil {
		return Info{}, err
	}
	if len(n) == 15 {
		n = n[:6] + "19" + n[6:]
		n += string(CheckDigit(n))
	}
	birth, err := birthDate(n)
	if err != nil {
		return Info{}, err
	}
	if want := CheckDigit(n[:17]); n[17] != want {
		return Info{}, fail(KindCheckDigit, n,
			"身份证号“%s”校验码不对（最后一位应为 %c），请核对后重新输入", n, want)
	}
	return Info{Number: n, Birth: birth, Male: (n[16]-'0')%2 == 1, Province: n[:2]}, nil
}

// checkShape is the regex check, with messages that point at the problem.
func checkShape(n string) error {
	if n == "" {
		return fail(KindEmpty, n, "请填写身份证号")
	}
	if i := strings.IndexFunc(n, func(r rune) bool { return (r < '0' || r > '9') && r != 'X' }); i >= 0 {
		return fail(KindChars, n, "身份证号“%s”中有不该出现的字符“%s”，只能是数字，最后一位可以是 X",
			n, string(first(n[i:])))
	}
	if len(n) != 18 && len(n) != 15 {
		return fail(KindLength, n, "身份证号应为18位（现在是%d位），请核对后重新输入", len(n))
	}
	if !shape18.MatchString(n) && !shape15.MatchString(n) {
		return fail(KindChars, n, "身份证号“%s”中的 X 只能是最后一位", n)
	}
	return nil
}

func first(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// birthDate reads and checks digits 7–14 of an 18-character number.
func birthDate(n string) (civil.Date, error) {
	raw := n[6:14]
	d, err := civil.ParseISO(raw[:4] + "-" + raw[4:6] + "-" + raw[6:])
	switch {
	case err != nil || d.Precision() != civil.DayPrecision:
		return d, fail(KindBirth, n, "身份证号中的出生日期 %s 不存在，请核对后重新输入", raw)
	case d.Year < minBirthYear:
		return d, fail(KindBirth, n, "身份证号中的出生日期 %s 太早了，请核对后重新输入", raw)
	}
	return d, nil
}

// CheckDigit computes the 18th character from the first 17 digits
// (ISO 7064 MOD 11-2). It returns 0 if first17 is not 17 ASCII digits.
func CheckDigit(first17 string) byte {
	if len(first17) != 17 {
		return 0
	}
	sum := 0
	for i := range 17 {
		c := first17[i]
		if c < '0' || c > '9' {
			return 0
		}
		sum += int(c-'0') * weights[i]
	}
	return checkChars[sum%11]
}

// Gender is "男" or "女", from the 17th digit's parity.
func Gender(info Info) string {
	if info.Male {
		return "男"
	}
	return "女"
}

// provinces are the GB/T 2260 province-level codes (first two digits).
var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true,
}

// ProvinceKnown reports whether a two-digit code is a known province. The
// 地址码 is where the number was issued and codes get retired, so an unknown
// code is at most worth a warning, never a rejection.
func ProvinceKnown(code string) bool { return provinces[code] }

// Mask hides the birth date and sequence for display and export, keeping
// the first 6 and last 4 characters: 640106********123X. Anything too short
// to keep both ends is masked entirely.
func Mask(number string) string {
	r := []rune(Normalize(number))
	if len(r) <= 10 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:6]) + strings.Repeat("*", len(r)-10) + string(r[len(r)-4:])
}
