package data

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"partyoffice/data/civil"
	"partyoffice/data/idcard"
)

// FieldIssue is one problem with one field of a person, in words the user
// can act on. Warnings may be saved; errors must be fixed first.
type FieldIssue struct {
	Field   string
	Message string
	Warning bool
}

func (i FieldIssue) Error() string { return i.Field + "：" + i.Message }

// HasErrors reports whether any issue is an error (not a warning).
func HasErrors(issues []FieldIssue) bool {
	for _, i := range issues {
		if !i.Warning {
			return true
		}
	}
	return false
}

// CleanText trims ASCII and full-width spaces and folds inner runs of spaces,
// as office spreadsheets are full of both.
func CleanText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\u3000' || r == '\u00a0' || r == '\t' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// CleanLines is CleanText for each line of a multi-line note (备注): the
// user's line breaks are kept, blank lines at either end are dropped.
func CleanLines(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i := range lines {
		lines[i] = CleanText(lines[i])
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// Normalize tidies a person before checking and saving: trimmed text, the ID
// number in its 18-digit upper-case form, and 性别/出生日期 filled from the ID
// number when they were left empty.
func (p *Person) Normalize() {
	for _, f := range []*string{&p.Name, &p.Gender, &p.Ethnicity, &p.Education, &p.BranchName,
		&p.Post, &p.Address, &p.FloatTo, &p.NativePlace, &p.Title, &p.PartyPost,
		&p.Introducers, &p.Destination, &p.StaffNo} {
		*f = CleanText(*f)
	}
	p.Remark = CleanLines(p.Remark)
	p.Name = strings.ReplaceAll(p.Name, " ", "") // "张 三" is how offices align two-character names
	p.Mobile = cleanPhone(p.Mobile)
	p.Phone = cleanPhone(p.Phone)
	p.IDNumber = idcard.Normalize(p.IDNumber)
	if info, err := idcard.Read(p.IDNumber); err == nil {
		p.IDNumber = info.Number
		if p.Gender == "" {
			p.Gender = idcard.Gender(info)
		}
		if p.BirthDate.IsZero() {
			p.BirthDate = info.Birth
		}
	}
	if p.Ethnicity != "" && !strings.HasSuffix(p.Ethnicity, "族") && ethnicityKnown(p.Ethnicity+"族") {
		p.Ethnicity += "族" // "汉" → "汉族"
	}
}

func ethnicityKnown(s string) bool {
	for _, e := range Ethnicities {
		if e == s {
			return true
		}
	}
	return false
}

func cleanPhone(s string) string {
	s = strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		if unicode.IsSpace(r) || r == '\u3000' {
			return -1
		}
		return r
	}, s)
	s = strings.TrimPrefix(s, "+86")
	return s
}

var (
	mobilePattern   = regexp.MustCompile(`^1[3-9]\d{9}$`)
	landlinePattern = regexp.MustCompile(`^(\(?0\d{2,3}\)?-?)?\d{7,8}(-\d{1,5})?$`)
)

// CheckMember checks a person as an entry of the 党员名册, as of today. The
// same checks run in the form (next to each field) and in the import (per row).
func (p *Person) CheckMember(today civil.Date) []FieldIssue {
	var out []FieldIssue
	add := func(field, format string, args ...any) {
		out = append(out, FieldIssue{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	warn := func(field, format string, args ...any) {
		out = append(out, FieldIssue{Field: field, Message: fmt.Sprintf(format, args...), Warning: true})
	}
	if p.Name == "" {
		add(FieldName, "请填写姓名")
	}
	out = append(out, p.LengthIssues()...)
	if p.Gender != "" && p.Gender != "男" && p.Gender != "女" {
		add(FieldGender, "性别应为“男”或“女”，现在是“%s”", p.Gender)
	}
	out = append(out, p.checkIDNumber(today)...)
	if !p.Stage.IsMember() {
		add(FieldStage, "人员类别应为“正式党员”或“预备党员”，现在是“%s”", p.Stage)
	}
	out = append(out, p.checkMemberDates(today)...)
	if p.Mobile != "" && !mobilePattern.MatchString(p.Mobile) {
		add(FieldMobile, "手机号“%s”不对：应为1开头的11位数字", p.Mobile)
	}
	if p.Phone != "" && !landlinePattern.MatchString(p.Phone) && !mobilePattern.MatchString(p.Phone) {
		add(FieldPhone, "固定电话“%s”不对：请写成 0951-1234567 这样的格式", p.Phone)
	}
	if p.Lost && p.LostDate.IsZero() {
		warn(FieldLostDate, "失联党员请填写失去联系日期")
	}
	if p.Floating && p.FloatTo == "" {
		warn(FieldFloatTo, "流动党员请填写外出流向（省/市/县）")
	}
	return out
}

func (p *Person) checkIDNumber(today civil.Date) []FieldIssue {
	if p.IDNumber == "" {
		return []FieldIssue{{Field: FieldIDNumber, Message: "未填写公民身份号码", Warning: true}}
	}
	info, err := idcard.Parse(p.IDNumber, today)
	if err != nil {
		return []FieldIssue{{Field: FieldIDNumber, Message: err.Error()}}
	}
	var out []FieldIssue
	if g := idcard.Gender(info); p.Gender != "" && p.Gender != g {
		out = append(out, FieldIssue{Field: FieldGender,
			Message: fmt.Sprintf("性别“%s”与身份证号不符（身份证号显示为%s）", p.Gender, g)})
	}
	if !p.BirthDate.IsZero() && !sameKnownParts(p.BirthDate, info.Birth) {
		out = append(out, FieldIssue{Field: FieldBirth,
			Message: fmt.Sprintf("出生日期 %s 与身份证号中的 %s 不一致", p.BirthDate, info.Birth)})
	}
	return out
}

// sameKnownParts compares only what the less precise date knows.
func sameKnownParts(d, full civil.Date) bool {
	if d.Year != full.Year {
		return false
	}
	if d.Month != 0 && d.Month != full.Month {
		return false
	}
	return d.Day == 0 || d.Day == full.Day
}

func (p *Person) checkMemberDates(today civil.Date) []FieldIssue {
	var out []FieldIssue
	add := func(field string, warning bool, format string, args ...any) {
		out = append(out, FieldIssue{Field: field, Message: fmt.Sprintf(format, args...), Warning: warning})
	}
	for _, d := range []struct {
		field string
		date  civil.Date
	}{{FieldBirth, p.BirthDate}, {FieldJoin, p.JoinDate}, {FieldFull, p.FullDate},
		{FieldWorkStart, p.WorkStart}, {FieldTransferIn, p.TransferIn}, {FieldLostDate, p.LostDate}} {
		if d.date.First().After(today) {
			add(d.field, false, "%s %s 在今天之后，请核对", d.field, d.date)
		}
	}
	if p.JoinDate.IsZero() {
		add(FieldJoin, false, "请填写加入党组织日期（支部大会通过的日期）")
		return out
	}
	if !p.BirthDate.IsZero() {
		adult := p.BirthDate.Last().AddYears(18)
		if p.JoinDate.Last().Before(p.BirthDate.First().AddYears(18)) {
			add(FieldJoin, false, "入党时未满18周岁：出生于 %s，%s 才满18周岁，入党日期却是 %s",
				p.BirthDate, adult, p.JoinDate)
		}
	}
	switch p.Stage {
	case StageFull:
		if p.FullDate.IsZero() {
			add(FieldFull, true, "正式党员应填写转为正式党员日期")
		} else if !p.FullDate.Last().After(p.JoinDate.First()) {
			add(FieldFull, false, "转正日期 %s 应晚于入党日期 %s", p.FullDate, p.JoinDate)
		} else if expected := p.ProbationEnd(); p.FullDate.Precision() == civil.DayPrecision &&
			p.JoinDate.Precision() == civil.DayPrecision && !p.FullDate.Equal(expected) &&
			!withinExtension(p.JoinDate, p.FullDate) {
			add(FieldFull, true, "按党章，转正日期是预备期满之日（入党一年后，即 %s），现在是 %s，请核对", expected, p.FullDate)
		}
	case StageProbationer:
		if !p.FullDate.IsZero() {
			add(FieldFull, false, "预备党员不应有转正日期；已转正的请把人员类别改为“正式党员”")
		}
	}
	return out
}

// withinExtension reports whether full lies where an extended 预备期 may end:
// six to twelve months after the first year (党章第七条).
func withinExtension(join, full civil.Date) bool {
	return !full.Before(join.AddMonths(18)) && !full.After(join.AddMonths(24))
}
