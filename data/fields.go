package data

// Field names are the Chinese labels of a person's fields. The member form,
// the register columns and the import's row errors all use them, so a message
// about a field names the same thing wherever it appears.
const (
	FieldName        = "姓名"
	FieldGender      = "性别"
	FieldEthnicity   = "民族"
	FieldIDNumber    = "公民身份号码"
	FieldBirth       = "出生日期"
	FieldEducation   = "学历"
	FieldStage       = "人员类别"
	FieldBranch      = "所在党支部"
	FieldJoin        = "加入党组织日期"
	FieldFull        = "转为正式党员日期"
	FieldPost        = "工作岗位"
	FieldMobile      = "手机号"
	FieldPhone       = "固定电话"
	FieldAddress     = "家庭住址"
	FieldStanding    = "党籍状态"
	FieldLost        = "是否为失联党员"
	FieldLostDate    = "失去联系日期"
	FieldFloating    = "是否为流动党员"
	FieldFloatTo     = "外出流向"
	FieldNative      = "籍贯"
	FieldWorkStart   = "参加工作日期"
	FieldTitle       = "职务/职称"
	FieldPartyPost   = "党内职务"
	FieldIntroducers = "入党介绍人"
	FieldTransferIn  = "组织关系转入日期"
	FieldGroup       = "党小组"
	FieldRemark      = "备注"
)

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
