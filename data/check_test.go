package data

import (
	"fmt"
	"strings"
	"testing"

	"partyoffice/data/civil"
	"partyoffice/data/idcard"
)

func issuesFor(p Person) []FieldIssue {
	p.Normalize()
	return p.CheckMember(d("2026-11-28"))
}

func hasIssue(issues []FieldIssue, field, fragment string, warning bool) bool {
	for _, i := range issues {
		if i.Field == field && strings.Contains(i.Message, fragment) && i.Warning == warning {
			return true
		}
	}
	return false
}

func TestNormalizeFillsFromIDNumber(t *testing.T) {
	p := Person{Name: " 张　三 ", IDNumber: "１１０１０５１９４９１２３１００２x", Ethnicity: "汉", Mobile: "138 0013 8000",
		Remark: "\n 第一行　\r\n第二行 \n"}
	p.Normalize()
	if p.Name != "张三" || p.Remark != "第一行\n第二行" || p.IDNumber != "11010519491231002X" || p.Gender != "女" ||
		!p.BirthDate.Equal(d("1949-12-31")) || p.Ethnicity != "汉族" || p.Mobile != "13800138000" {
		t.Fatalf("normalized: %+v", p)
	}
}

func TestCheckMember(t *testing.T) {
	base := Person{Name: "张三", IDNumber: "11010519491231002X", Stage: StageFull,
		JoinDate: d("1975-07-01"), FullDate: d("1976-07-01")}
	cases := []struct {
		name    string
		edit    func(p *Person)
		field   string
		frag    string
		warning bool
	}{
		{"clean", func(p *Person) {}, "", "", false},
		{"no name", func(p *Person) { p.Name = "" }, FieldName, "请填写姓名", false},
		{"bad check digit", func(p *Person) { p.IDNumber = "130402198207290622" }, FieldIDNumber, "校验", false},
		{"gender disagrees", func(p *Person) { p.Gender = "男" }, FieldGender, "与身份证号不符", false},
		{"birth disagrees", func(p *Person) { p.BirthDate = d("1949-12-30") }, FieldBirth, "不一致", false},
		{"birth month agrees", func(p *Person) { p.BirthDate = d("1949-12") }, "", "", false},
		{"joined at 17", func(p *Person) { p.JoinDate, p.FullDate = d("1967-12-30"), d("1968-12-30") }, FieldJoin, "未满18周岁", false},
		{"joined on 18th birthday", func(p *Person) { p.JoinDate, p.FullDate = d("1967-12-31"), d("1968-12-31") }, "", "", false},
		{"join month of 18th birthday", func(p *Person) { p.JoinDate, p.FullDate = d("1967-12"), d("1968-12") }, "", "", false},
		{"join month before 18", func(p *Person) { p.JoinDate, p.FullDate = d("1967-11"), d("1968-11") }, FieldJoin, "未满18周岁", false},
		{"no join date", func(p *Person) { p.JoinDate = d("") }, FieldJoin, "请填写加入党组织日期", false},
		{"full before join", func(p *Person) { p.FullDate = d("1975-06-30") }, FieldFull, "应晚于入党日期", false},
		{"full missing", func(p *Person) { p.FullDate = d("") }, FieldFull, "应填写转为正式党员日期", true},
		{"full not probation end", func(p *Person) { p.FullDate = d("1976-09-01") }, FieldFull, "预备期满之日", true},
		{"full after extension", func(p *Person) { p.FullDate = d("1977-01-01") }, "", "", false},
		{"probationer with full date", func(p *Person) { p.Stage = StageProbationer }, FieldFull, "预备党员不应有转正日期", false},
		{"applicant in register", func(p *Person) { p.Stage = StageApplicant }, FieldStage, "正式党员", false},
		{"future join", func(p *Person) { p.JoinDate, p.FullDate = d("2027-01-01"), d("") }, FieldJoin, "在今天之后", false},
		{"bad mobile", func(p *Person) { p.Mobile = "1380013800" }, FieldMobile, "11位", false},
		{"landline ok", func(p *Person) { p.Phone = "0951-5012345" }, "", "", false},
		{"bad landline", func(p *Person) { p.Phone = "电话" }, FieldPhone, "0951", false},
		{"lost without date", func(p *Person) { p.Lost = true }, FieldLostDate, "失去联系日期", true},
		{"floating without place", func(p *Person) { p.Floating = true }, FieldFloatTo, "外出流向", true},
		{"no id number", func(p *Person) { p.IDNumber = "" }, FieldIDNumber, "未填写", true},
	}
	for _, c := range cases {
		p := base
		c.edit(&p)
		got := issuesFor(p)
		if c.field == "" {
			if len(got) != 0 {
				t.Errorf("%s: unexpected issues %v", c.name, got)
			}
			continue
		}
		if !hasIssue(got, c.field, c.frag, c.warning) {
			t.Errorf("%s: want %s issue containing %q (warning=%v), got %v", c.name, c.field, c.frag, c.warning, got)
		}
	}
}

// TestIDBirthDateJudgedOnTheDayGiven: an ID number born after the day the
// check runs on (the store's clock) is refused even when the computer's
// date is later: one clock for every check (docs/ARCHITECTURE.md).
func TestIDBirthDateJudgedOnTheDayGiven(t *testing.T) {
	day := civil.Today().AddYears(-1) // a store clock behind the computer's date
	born := day.AddDays(1)
	first17 := fmt.Sprintf("640106%04d%02d%02d001", born.Year, born.Month, born.Day)
	p := Person{Name: "张三", Stage: StageFull, IDNumber: first17 + string(idcard.CheckDigit(first17))}
	p.Normalize()
	if issues := p.CheckMember(day); !hasIssue(issues, FieldIDNumber, "还没到", false) {
		t.Errorf("born %s, checked on %s: %+v", born, day, issues)
	}
	if issues := p.CheckMember(born); hasIssue(issues, FieldIDNumber, "还没到", false) {
		t.Errorf("born %s, checked that day: %+v", born, issues)
	}
}
