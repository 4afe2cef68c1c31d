package reports

import (
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/datatest"
)

func TestHeaderSpellings(t *testing.T) {
	reg := MemberRegister()
	tests := map[string]string{
		"姓名": data.FieldName, "姓 名": data.FieldName, "姓　名": data.FieldName, "姓\n名": data.FieldName,
		"姓名*": data.FieldName, "*姓名": data.FieldName, "姓名（必填）": data.FieldName, "姓名(必填)": data.FieldName,
		"公民身份号码": data.FieldIDNumber, "身份证号": data.FieldIDNumber, "身份证号码（18位）": data.FieldIDNumber,
		"公民身份证号": data.FieldIDNumber, "身份证": data.FieldIDNumber,
		"入党时间": data.FieldJoin, "入党日期": data.FieldJoin, "加入党组织日期": data.FieldJoin, "入党时间（年月）": data.FieldJoin,
		"转正时间": data.FieldFull, "转正日期": data.FieldFull, "出生年月": data.FieldBirth, "文化程度": data.FieldEducation,
		"联系电话": data.FieldMobile, "手机": data.FieldMobile, "联系电话（手机）": data.FieldMobile, "联系方式": data.FieldMobile,
		"联系电话（固定电话）": data.FieldPhone, "座机": data.FieldPhone,
		"人员类别": data.FieldStage, "党员类别": data.FieldStage, "类别": data.FieldStage, "党籍状态": data.FieldStanding,
		"所在支部": data.FieldBranch, "支部": data.FieldBranch, "任教学科": data.FieldPost, "职务岗位": data.FieldPost,
		"住址": data.FieldAddress, "家庭地址": data.FieldAddress, "籍贯": data.FieldNative, "参加工作时间": data.FieldWorkStart,
		"职务/职称": data.FieldTitle, "职务、职称": data.FieldTitle, "职称": data.FieldTitle, "职务": data.FieldTitle,
		"现任党内职务": data.FieldPartyPost, "介绍人": data.FieldIntroducers, "转入时间": data.FieldTransferIn,
		"所在党小组": data.FieldGroup, "备注（选填）": data.FieldRemark, "【备注】": data.FieldRemark,
		"是否流动党员": data.FieldFloating, "流向": data.FieldFloatTo, "失联": data.FieldLost, "失联日期": data.FieldLostDate,
		"民族": data.FieldEthnicity, "性 别": data.FieldGender, "ＩＤ": "",
		"QQ号": "", "": "", "照片": "",
	}
	for in, want := range tests {
		got := ""
		if i := reg.column(in); i >= 0 {
			got = reg.Columns[i].Header
		}
		if got != want {
			t.Errorf("header %q → %q, want %q", in, got, want)
		}
	}
	for _, h := range []string{"序号", "序 号", "编号"} {
		if reg.column(h) != skipColumn {
			t.Errorf("%q is not recognised as 序号", h)
		}
	}
}

func TestParseBool(t *testing.T) {
	for in, want := range map[string]bool{
		"是": true, "否": false, "√": true, "×": false, "Y": true, "n": false, "Ｙ": true, "有": true, "无": false,
		"TRUE": true, "0": false, "1": true, "是。": true, "没有": false,
	} {
		got, err := parseBool(in)
		if err != nil || got != want {
			t.Errorf("parseBool(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"也许", "2", "待定"} {
		if _, err := parseBool(in); err == nil || !strings.Contains(err.Error(), in) {
			t.Errorf("parseBool(%q) error = %v", in, err)
		}
	}
}

func TestParseIDCell(t *testing.T) {
	valid := datatest.IDNumber("19800101", 11)
	tests := []struct {
		in, want string
		errHas   string
	}{
		{valid, valid, ""},
		{"11010519491231002x", "11010519491231002X", ""},
		{"１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X", ""},
		{"1101 0519 4912 3100 2X", "11010519491231002X", ""},
		{"'" + valid, valid, ""},
		{"110105491231002", "110105491231002", ""}, // converted to 18 digits by Person.Normalize
		{"1.10105194912310E+17", "", "文本"},
		{"1.1010519491231E+17", "", "文本"},
		{"110105194912310000", "", "000"},
	}
	for _, tt := range tests {
		got, err := parseIDCell(tt.in)
		switch {
		case tt.errHas != "" && (err == nil || !strings.Contains(err.Error(), tt.errHas)):
			t.Errorf("parseIDCell(%q) error = %v, want one mentioning %q", tt.in, err, tt.errHas)
		case tt.errHas == "" && (err != nil || got != tt.want):
			t.Errorf("parseIDCell(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestNumberAsText(t *testing.T) {
	for in, want := range map[string]string{
		"13800138000": "13800138000", "13800138000.0": "13800138000", "1.3800138E+10": "13800138000",
		"0951-5012345": "0951-5012345", "'0951123": "0951123", "5012345": "5012345", "1.5": "1.5",
	} {
		if got := numberAsText(in); got != want {
			t.Errorf("numberAsText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMasks(t *testing.T) {
	for in, want := range map[string]string{"13812345678": "138****5678", "0951-5012345": "095*****2345", "12345": "*****"} {
		if got := MaskPhone(in); got != want {
			t.Errorf("MaskPhone(%q) = %q, want %q", in, got, want)
		}
	}
	if got := MaskID("11010519491231002X"); got != "110105********002X" {
		t.Errorf("MaskID = %q", got)
	}
}

func TestDisplayWidth(t *testing.T) {
	for in, want := range map[string]float64{"abc": 3, "党员": 4, "2015年7月": 9, "（）": 4, "“”": 4} {
		if got := displayWidth(in); got != want {
			t.Errorf("displayWidth(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestRegisterRefusesAmbiguousAliases(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("two columns sharing a header did not panic")
		}
	}()
	reg := &Register[data.Person]{Name: "测试", Columns: []Column[data.Person]{
		TextColumn("甲", func(p *data.Person) *string { return &p.Name }, "同名"),
		TextColumn("乙", func(p *data.Person) *string { return &p.Post }, "同 名"),
	}}
	reg.column("甲")
}
