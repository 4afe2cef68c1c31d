package data

// Choice lists, declared once: the member form offers them, the register
// table shows them, the Excel export puts them into drop-downs and the import
// reads them (reports.ChoiceColumn).

// Genders are the values of 性别.
var Genders = []string{"男", "女"}

// MemberStageChoices are MemberStages as the 人员类别 choice offers them.
var MemberStageChoices = stageNames(MemberStages)

func stageNames(stages []Stage) []string {
	out := make([]string, len(stages))
	for i, s := range stages {
		out[i] = string(s)
	}
	return out
}

// Standings are the values of 党籍状态.
var Standings = []string{string(StandingNormal), string(StandingSuspended)}

// LeftRolls are how a person left the register, in the order the 已转出 view
// counts them.
var LeftRolls = []string{string(RollTransferred), string(RollExpelled), string(RollDeceased), string(RollCancelled)}

// Educations are the usual 学历 values (the form offers them; others are kept).
var Educations = []string{"研究生", "大学本科", "大学专科", "中等专科", "高中", "初中及以下"}

// Ethnicities lists the 56 民族 for the form's choice.
var Ethnicities = []string{"汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族",
	"布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族",
	"黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族",
	"柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族",
	"锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族",
	"德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族",
	"珞巴族", "基诺族"}
