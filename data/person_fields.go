package data

import "partyoffice/data/civil"

// The Person's fields by their field name (Field*), written once: the member
// form binds its inputs through them, the 党员名册 columns (reports) read and
// write cells through them, and search and sort (query.go) read them.

// PersonText are the text fields (人员类别 and 党籍状态 as their text).
var PersonText = map[string]func(*Person) *string{
	FieldAddress:     func(p *Person) *string { return &p.Address },
	FieldBranch:      func(p *Person) *string { return &p.BranchName },
	FieldEducation:   func(p *Person) *string { return &p.Education },
	FieldEthnicity:   func(p *Person) *string { return &p.Ethnicity },
	FieldFloatTo:     func(p *Person) *string { return &p.FloatTo },
	FieldGender:      func(p *Person) *string { return &p.Gender },
	FieldGroup:       func(p *Person) *string { return &p.GroupName },
	FieldIDNumber:    func(p *Person) *string { return &p.IDNumber },
	FieldIntroducers: func(p *Person) *string { return &p.Introducers },
	FieldMobile:      func(p *Person) *string { return &p.Mobile },
	FieldName:        func(p *Person) *string { return &p.Name },
	FieldNative:      func(p *Person) *string { return &p.NativePlace },
	FieldPartyPost:   func(p *Person) *string { return &p.PartyPost },
	FieldPhone:       func(p *Person) *string { return &p.Phone },
	FieldPost:        func(p *Person) *string { return &p.Post },
	FieldRemark:      func(p *Person) *string { return &p.Remark },
	FieldStaffNo:     func(p *Person) *string { return &p.StaffNo },
	FieldStage:       func(p *Person) *string { return (*string)(&p.Stage) },
	FieldStanding:    func(p *Person) *string { return (*string)(&p.Standing) },
	FieldTitle:       func(p *Person) *string { return &p.Title },
}

// PersonDates are the date fields.
var PersonDates = map[string]func(*Person) *civil.Date{
	FieldBirth:      func(p *Person) *civil.Date { return &p.BirthDate },
	FieldFull:       func(p *Person) *civil.Date { return &p.FullDate },
	FieldJoin:       func(p *Person) *civil.Date { return &p.JoinDate },
	FieldLostDate:   func(p *Person) *civil.Date { return &p.LostDate },
	FieldTransferIn: func(p *Person) *civil.Date { return &p.TransferIn },
	FieldWorkStart:  func(p *Person) *civil.Date { return &p.WorkStart },
}

// PersonFlags are the yes/no fields.
var PersonFlags = map[string]func(*Person) *bool{
	FieldFloating: func(p *Person) *bool { return &p.Floating },
	FieldLost:     func(p *Person) *bool { return &p.Lost },
}
