package civil

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Typed dates outside this range are almost always typos (a two-digit year
// read as "1507", a serial number pasted in the wrong column), so Parse
// refuses them instead of storing a nonsense date.
const (
	minYear = 1900
	maxYear = 2099
)

// maxSerial is Excel's last date, 9999-12-31.
const maxSerial = 2958465

const (
	hintFormat = "请写成 2015-07-01 或 2015.07 这样的格式"
	hintDay    = "请写成 2015-07-01 这样的格式"
)

var (
	// A time of day after the date ("2015-07-01 00:00:00", "…T08:30",
	// "2015/7/1 0:00", "…T08:30:00+08:00"), as Excel and web forms add it;
	// the date as written is all we keep.
	timeSuffix = regexp.MustCompile(`(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$`)
	// An Excel serial exported as text: five digits (10000 = 1927-05-18,
	// 99999 = 2173-10-14), maybe with a time fraction. Shorter numbers are
	// years (2015) or, more likely, typos rather than dates in 1900–1927.
	textSerial = regexp.MustCompile(`^\d{5}(?:\.\d+)?$`)
)

// ParseError says, in words an office worker understands, why a typed date
// was refused and what to type instead.
type ParseError struct {
	Input string // what was typed, trimmed
	Msg   string
}

func (e *ParseError) Error() string { return e.Msg }

func badFormat(in, reason string) error {
	return &ParseError{in, fmt.Sprintf("无法识别的日期“%s”：%s，%s", in, reason, hintFormat)}
}

// Parse reads the date spellings offices type into Excel and forms:
// 2015-07-01, 2015/7/1, 2015.07.01., 2015年7月1日（号）, 20150701, 2015 7 1,
// with or without a time part; 2015.07, 2015年7月, 201507 (month precision);
// 2015, 2015年 (year precision); Excel serials such as 42186. Full-width
// digits and punctuation are accepted. Two-digit years are refused as
// ambiguous. The empty string is the zero Date and no error.
func Parse(s string) (Date, error) {
	in := strings.TrimSpace(s)
	t := strings.TrimSpace(fold(in))
	if t == "" {
		return Date{}, nil
	}
	if textSerial.MatchString(t) {
		return parseSerial(in, t)
	}
	t = timeSuffix.ReplaceAllString(t, "")
	// 年 and 月 separate fields like '-'; 日/号 can only end the date.
	if u, ok := strings.CutSuffix(t, "日"); ok {
		t = u
	} else if u, ok := strings.CutSuffix(t, "号"); ok {
		t = u
	}
	t = strings.NewReplacer("年", "-", "月", "-").Replace(t)
	fields := strings.FieldsFunc(t, isSep)
	for _, f := range fields {
		if i := strings.IndexFunc(f, notDigit); i >= 0 {
			r, _ := utf8.DecodeRuneInString(f[i:])
			return Date{}, badFormat(in, fmt.Sprintf("看不懂其中的“%c”", r))
		}
	}
	if len(fields) == 1 {
		fields = splitDigits(fields[0])
	}
	if len(fields) == 0 || len(fields) > 3 {
		return Date{}, badFormat(in, "看不出年、月、日")
	}
	return build(in, fields)
}

// ParseDay is Parse for fields that need a full date (a meeting, a birth).
func ParseDay(s string) (Date, error) {
	d, err := Parse(s)
	if err != nil || d.IsZero() || d.Precision() == DayPrecision {
		return d, err
	}
	in := strings.TrimSpace(s)
	return Date{}, &ParseError{in, fmt.Sprintf("日期“%s”需要具体到日，%s", in, hintDay)}
}

// FromExcelSerial converts an Excel (1900 date system) serial day number.
// The fraction (time of day) is dropped. Excel counts a 1900-02-29 that never
// existed (serial 60), so serials after it are one day ahead of the calendar.
func FromExcelSerial(f float64) (Date, error) {
	if math.IsNaN(f) || f < 1 || f >= maxSerial+1 {
		return Date{}, fmt.Errorf("日期序号（Excel）%v 超出范围（应为 1 到 %d）", f, maxSerial)
	}
	n := int(f)
	switch {
	case n == 60:
		return Date{}, fmt.Errorf("日期序号（Excel）60 是 Excel 虚构的 1900年2月29日，这一天并不存在")
	case n > 60:
		n--
	}
	return FromTime(time.Date(1899, 12, 31+n, 0, 0, 0, 0, time.UTC)), nil
}

func parseSerial(in, t string) (Date, error) {
	f, err := strconv.ParseFloat(t, 64)
	if err == nil {
		var d Date
		if d, err = FromExcelSerial(f); err == nil && d.Year <= maxYear {
			return d, nil
		}
	}
	return Date{}, badFormat(in, "看起来是 Excel 日期序号，但超出了合理范围")
}

// splitDigits cuts an unseparated run of digits by its length:
// 2015, 201507, 20150701. Any other length cannot be cut unambiguously.
func splitDigits(f string) []string {
	switch len(f) {
	case 4:
		return []string{f}
	case 6:
		return []string{f[:4], f[4:]}
	case 8:
		return []string{f[:4], f[4:6], f[6:]}
	case 2:
		return []string{f} // a two-digit year; build explains why it is refused
	}
	return nil
}

// build checks year, month and day fields (all digits) and makes the Date.
func build(in string, f []string) (Date, error) {
	if reason := yearProblem(f); reason != "" {
		return Date{}, badFormat(in, reason)
	}
	var n [3]int
	for i, p := range f {
		if i > 0 && len(p) > 2 {
			return Date{}, badFormat(in, "月、日应为一到两位数字")
		}
		n[i], _ = strconv.Atoi(p) // at most four digits: cannot fail
	}
	d := Date{n[0], n[1], n[2]}
	switch {
	case d.Year < minYear || d.Year > maxYear:
		return Date{}, badFormat(in, fmt.Sprintf("年份应在%d–%d之间", minYear, maxYear))
	case len(f) > 1 && (d.Month < 1 || d.Month > 12):
		return Date{}, badFormat(in, "月份应为1–12")
	case len(f) > 2 && (d.Day < 1 || d.Day > 31):
		return Date{}, badFormat(in, "日应为1–31")
	case !d.Valid():
		return Date{}, &ParseError{in, fmt.Sprintf("日期“%s”不存在：%d年%d月只有%d天，请核对后重新输入",
			in, d.Year, d.Month, DaysIn(d.Year, d.Month))}
	}
	return d, nil
}

// yearProblem explains a year field that is not four digits.
func yearProblem(f []string) string {
	y := f[0]
	switch {
	case len(y) == 4:
		return ""
	case len(f) > 1 && len(f[len(f)-1]) == 4: // 01.07.2015, 7/1/2015
		return "年份要写在最前面"
	case len(y) == 2:
		return fmt.Sprintf("年份“%s”只写了两位，分不清是19%s年还是20%s年", y, y, y)
	}
	return "年份应为四位数"
}

// fold maps full-width digits and punctuation (０-９ ．／－ ：) to ASCII, the
// Chinese full stop and dashes to '.' and '-', and every kind of space
// (U+3000, the no-break space Excel pastes) to ' '.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == '。':
			return '.'
		case r >= 0x2010 && r <= 0x2015, r == 0x2212:
			return '-'
		case unicode.IsSpace(r):
			return ' '
		}
		return r
	}, s)
}

func isSep(r rune) bool { return r == '-' || r == '/' || r == '.' || r == ' ' }

func notDigit(r rune) bool { return r < '0' || r > '9' }
