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
	FieldStaffNo     = "工号"
)
