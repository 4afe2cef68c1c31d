package reports

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"partyoffice/data/civil"
	"partyoffice/data/idcard"
)

// foldWidth maps full-width ASCII (Ａ１（) to its half-width form.
func foldWidth(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}

// isSpace covers what Excel cells carry besides ASCII spaces: the
// ideographic space, the no-break space, zero-width spaces and a stray BOM.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u200b' || r == '\ufeff'
}

func mapSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return ' '
		}
		return r
	}, s)
}

// cleanCell trims every kind of space from both ends of a cell's text.
func cleanCell(s string) string { return strings.TrimFunc(s, isSpace) }

// numberPattern is a cell value that Excel stored as a number (possibly in
// scientific notation), as the raw cell value shows it.
var numberPattern = regexp.MustCompile(`^[+-]?\d+(\.\d*)?([eE][+-]?\d+)?$`)

// numberAsText turns a code that Excel stored as a number back into its
// digits (13800138000.0 → 13800138000) and drops the apostrophe people type
// to force text.
func numberAsText(s string) string {
	s = strings.TrimPrefix(s, "'")
	if !numberPattern.MatchString(s) || !strings.ContainsAny(s, ".eE") {
		return s
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) >= 1e15 {
		return s
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// lostDigits reports whether an ID number cell was stored by Excel as a
// number: 18 digits do not fit in Excel's 15 significant digits.
func lostDigits(s string) bool {
	return numberPattern.MatchString(s) && strings.ContainsAny(s, ".eE")
}

const retypeAsText = "请把这一列的单元格格式设为“文本”，再重新输入完整的18位号码"

// parseIDCell reads a 公民身份号码 cell: normalised (full-width digits, x → X),
// refusing a number Excel has already rounded. Excel keeps 15 significant
// digits, so an 18-digit number saved as a number ends in 000 (or shows in
// scientific notation).
func parseIDCell(s string) (string, error) {
	s = strings.TrimPrefix(s, "'")
	if lostDigits(s) {
		return "", fmt.Errorf("“%s”被 Excel 当成了数字保存，身份证号的后几位已经丢失：%s", s, retypeAsText)
	}
	id := idcard.Normalize(s)
	if len(id) == 18 && strings.HasSuffix(id, "000") {
		if _, err := idcard.Read(id); err != nil {
			return "", fmt.Errorf("“%s”不是有效的身份证号，末尾的 000 多半是 Excel 把它当成数字保存时丢掉的后三位：%s", s, retypeAsText)
		}
	}
	return id, nil
}

// ambiguousTenth is 2015.1 — which Excel also shows for the number 2015.10.
var ambiguousTenth = regexp.MustCompile(`^(\d{4})\.1$`)

// parseDateCell reads every date spelling civil.Parse knows, plus the raw
// serial numbers of real date cells that civil.Parse would take for years.
func parseDateCell(s string) (civil.Date, error) {
	d, err := civil.Parse(s)
	if err != nil {
		// Serials 2100–9999 are days in 1905–1927: a real date cell, not a year.
		if n, perr := strconv.Atoi(s); perr == nil && n > 2099 && n < 10000 {
			return civil.FromExcelSerial(float64(n))
		}
		return civil.Date{}, err
	}
	if m := ambiguousTenth.FindStringSubmatch(s); m != nil {
		return d, &CellWarning{fmt.Sprintf("“%s”已按%s年1月导入；如果本来是10月（Excel 会把数字 %s.10 显示成 %s），请把这一列设为文本格式后改成 %s.10",
			s, m[1], m[1], s, m[1])}
	}
	return d, nil
}

func isWarning(err error) bool { return IsWarning(err) }

// IsWarning reports whether a column's Set kept the value with a warning
// (a form shows it and saves; an error keeps the form open).
func IsWarning(err error) bool {
	var w *CellWarning
	return errors.As(err, &w)
}

var boolWords = map[string]bool{
	"是": true, "否": false, "√": true, "✓": true, "✔": true, "×": false, "✗": false, "✘": false, // glyphs:ignore (spellings the importer accepts; never drawn)
	"y": true, "n": false, "yes": true, "no": false, "true": true, "false": false,
	"1": true, "0": false, "有": true, "无": false, "没有": false, "是的": true, "不是": false,
}

// parseBool reads 是/否 and the other ways offices tick a box. An empty cell
// never reaches it: empty means 否.
func parseBool(s string) (bool, error) {
	key := strings.ToLower(strings.Map(foldWidth, strings.TrimRight(s, "。.")))
	if b, ok := boolWords[key]; ok {
		return b, nil
	}
	return false, fmt.Errorf("“%s”看不懂，请填“是”或“否”（空着表示否）", s)
}

// displayWidth counts a wide (Chinese) rune as 2, as column widths do.
func displayWidth(s string) float64 {
	n := 0.0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
			n += 2
		default:
			n++
		}
	}
	return n
}

// MaskPhone keeps the first three and last four characters: 138****5678.
func MaskPhone(s string) string {
	r := []rune(s)
	if len(r) < 8 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-7) + string(r[len(r)-4:])
}

// MaskID is idcard.Mask: 640106********123X.
func MaskID(s string) string { return idcard.Mask(s) }

// maskIDForPrint keeps only the area code (640106************): a printed
// list that also shows the birth month and the sex must not leave the
// sequence and check digit, which with them narrow the number to a handful.
func maskIDForPrint(s string) string {
	r := []rune(idcard.Normalize(s))
	if len(r) <= 6 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:6]) + strings.Repeat("*", len(r)-6)
}

// dateText writes a date that is not day-precise as text, never inventing a
// day: 2008.07 or 2008.
func dateText(d civil.Date) string {
	if d.Month == 0 {
		return fmt.Sprintf("%04d", d.Year)
	}
	if d.Day == 0 {
		return fmt.Sprintf("%04d.%02d", d.Year, d.Month)
	}
	return d.String()
}

// boolText is how a yes/no value is printed.
func boolText(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// cellText is the text of a value as printed, used for column widths.
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case civil.Date:
		return dateText(x)
	case bool:
		return boolText(x)
	}
	return fmt.Sprint(v)
}
