package demo

import (
	"fmt"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// member is one row of the demo 党员名册 as an office would describe the
// person; fillMembers adds the details (ID number, exact dates, phone,
// address, 入党介绍人) that only need to be plausible.
type member struct {
	name, gender, ethnicity string
	born                    int    // birth year
	origin                  string // 籍贯, also gives the ID number's 地址码
	education               string
	joined                  int // year of the 支部大会 that admitted a 正式党员
	// joinedDaysAgo dates a 预备党员's 支部大会 relative to today, so the
	// 预备期 reminders look the same whatever day the demo is loaded.
	joinedDaysAgo int
	post, title   string
	group         string
	partyPost     string
	youngTeacher  bool // 优秀青年教师 counted for the district target
	remark        string
}

// fullMembers are the 正式党员. The status changes in status.go turn some of
// them into transferred, floating or out-of-contact members.
var fullMembers = []member{
	// 支委会
	{name: "王志刚", gender: "男", ethnicity: "汉族", born: 1971, origin: "宁夏银川", education: "研究生", joined: 1994,
		post: "校长", title: "高级教师", group: groupOther, partyPost: postSecretary},
	{name: "李慧敏", gender: "女", ethnicity: "汉族", born: 1976, origin: "宁夏吴忠", education: "大学本科", joined: 1999,
		post: "副校长", title: "高级教师", group: groupChinese, partyPost: postDeputy},
	{name: "张静", gender: "女", ethnicity: "汉族", born: 1982, origin: "宁夏银川", education: "大学本科", joined: 2005,
		post: "教务主任", title: "高级教师", group: groupMaths, partyPost: postOrganization},
	{name: "刘洋", gender: "男", ethnicity: "汉族", born: 1987, origin: "甘肃天水", education: "大学本科", joined: 2010,
		post: "语文教师", title: "一级教师", group: groupChinese, partyPost: postPropaganda},
	{name: "马宏伟", gender: "男", ethnicity: "回族", born: 1979, origin: "宁夏固原", education: "大学本科", joined: 2003,
		post: "德育主任", title: "一级教师", group: groupOther, partyPost: postDiscipline},

	// 党小组组长
	{name: "孙晓燕", gender: "女", ethnicity: "汉族", born: 1980, origin: "宁夏石嘴山", education: "大学本科", joined: 2004,
		post: "语文教师", title: "高级教师", group: groupChinese, partyPost: "党小组组长"},
	{name: "赵建军", gender: "男", ethnicity: "汉族", born: 1974, origin: "陕西榆林", education: "大学本科", joined: 1998,
		post: "数学教师", title: "高级教师", group: groupMaths, partyPost: "党小组组长"},
	{name: "高国庆", gender: "男", ethnicity: "汉族", born: 1969, origin: "宁夏中卫", education: "大学专科", joined: 1993,
		post: "后勤主任", title: "一级教师", group: groupOther, partyPost: "党小组组长"},

	// 语文组
	{name: "冯秀兰", gender: "女", ethnicity: "汉族", born: 1970, origin: "宁夏银川", education: "大学专科", joined: 1995,
		post: "语文教师", title: "高级教师", group: groupChinese},
	{name: "吴婷", gender: "女", ethnicity: "汉族", born: 1988, origin: "宁夏银川", education: "大学本科", joined: 2011,
		post: "英语教师", title: "一级教师", group: groupChinese},
	{name: "宋佳", gender: "女", ethnicity: "汉族", born: 1991, origin: "宁夏永宁", education: "研究生", joined: 2014,
		post: "道德与法治教师", title: "一级教师", group: groupChinese},
	{name: "韩梅", gender: "女", ethnicity: "回族", born: 1978, origin: "宁夏银川", education: "大学本科", joined: 2002,
		post: "班主任", title: "高级教师", group: groupChinese},
	{name: "曹静怡", gender: "女", ethnicity: "汉族", born: 1993, origin: "宁夏贺兰", education: "大学本科", joined: 2016,
		post: "英语教师", title: "二级教师", group: groupChinese},
	{name: "董丽", gender: "女", ethnicity: "汉族", born: 1984, origin: "宁夏银川", education: "大学本科", joined: 2010,
		post: "班主任", title: "一级教师", group: groupChinese},
	{name: "苏凤英", gender: "女", ethnicity: "汉族", born: 1966, origin: "宁夏银川", education: "大学专科", joined: 1990,
		post: "退休教师", title: "高级教师", group: groupChinese, remark: "2021年退休，原语文教师，组织关系留在本支部"},
	{name: "潘文静", gender: "女", ethnicity: "汉族", born: 1985, origin: "甘肃平凉", education: "大学本科", joined: 2008,
		post: "英语教师", title: "一级教师", group: groupChinese},

	// 数理组
	{name: "周文博", gender: "男", ethnicity: "汉族", born: 1985, origin: "宁夏银川", education: "研究生", joined: 2009,
		post: "信息技术教师", title: "一级教师", group: groupMaths},
	{name: "郑海燕", gender: "女", ethnicity: "回族", born: 1983, origin: "宁夏吴忠", education: "大学本科", joined: 2006,
		post: "数学教师", title: "一级教师", group: groupMaths},
	{name: "梁晓东", gender: "男", ethnicity: "汉族", born: 1984, origin: "内蒙古包头", education: "大学本科", joined: 2007,
		post: "科学教师", title: "一级教师", group: groupMaths},
	{name: "唐振华", gender: "男", ethnicity: "汉族", born: 1973, origin: "陕西西安", education: "大学本科", joined: 1997,
		post: "数学教师", title: "高级教师", group: groupMaths},
	{name: "许志强", gender: "男", ethnicity: "汉族", born: 1989, origin: "宁夏石嘴山", education: "大学本科", joined: 2012,
		post: "数学教师", title: "一级教师", group: groupMaths},
	{name: "袁晨曦", gender: "女", ethnicity: "汉族", born: 1994, origin: "宁夏银川", education: "研究生", joined: 2019,
		post: "科学教师", title: "二级教师", group: groupMaths},
	{name: "田小军", gender: "男", ethnicity: "回族", born: 1988, origin: "宁夏同心", education: "大学本科", joined: 2012,
		post: "数学教师", title: "一级教师", group: groupMaths},
	{name: "贾志明", gender: "男", ethnicity: "汉族", born: 1980, origin: "山西大同", education: "大学本科", joined: 2004,
		post: "信息技术教师", title: "一级教师", group: groupMaths},

	// 综合组
	{name: "杨帆", gender: "男", ethnicity: "汉族", born: 1990, origin: "宁夏银川", education: "大学本科", joined: 2013,
		post: "体育教师", title: "一级教师", group: groupOther},
	{name: "黄欣怡", gender: "女", ethnicity: "汉族", born: 1992, origin: "宁夏银川", education: "大学本科", joined: 2015,
		post: "音乐教师", title: "二级教师", group: groupOther},
	{name: "何雅琴", gender: "女", ethnicity: "汉族", born: 1986, origin: "甘肃平凉", education: "大学本科", joined: 2009,
		post: "美术教师", title: "一级教师", group: groupOther},
	{name: "罗敏", gender: "女", ethnicity: "汉族", born: 1981, origin: "宁夏银川", education: "大学本科", joined: 2007,
		post: "会计", title: "会计师", group: groupOther},
	{name: "彭磊", gender: "男", ethnicity: "汉族", born: 1986, origin: "甘肃武威", education: "大学本科", joined: 2008,
		post: "体育教师", title: "一级教师", group: groupOther},
	{name: "蒋鹏", gender: "男", ethnicity: "汉族", born: 1990, origin: "宁夏固原", education: "大学专科", joined: 2015,
		post: "体育教师", title: "二级教师", group: groupOther, remark: "已离职，组织关系未转出"},
	{name: "邓晓峰", gender: "男", ethnicity: "汉族", born: 1977, origin: "宁夏中卫", education: "大学本科", joined: 2001,
		post: "副校长", title: "高级教师", group: groupOther},
}

// probationers are the 预备党员, one of each situation the 工作台 reminds of:
// 预备期 over without 转正, ending within 60 days, and two further off.
var probationers = []member{
	{name: "白浩然", gender: "男", ethnicity: "回族", born: 1996, origin: "宁夏吴忠", education: "研究生", joinedDaysAgo: 400,
		post: "数学教师", title: "二级教师", group: groupMaths, remark: "预备期已满，待召开支部大会讨论转正"},
	{name: "丁雨萱", gender: "女", ethnicity: "汉族", born: 1998, origin: "宁夏银川", education: "大学本科", joinedDaysAgo: 330,
		post: "英语教师", title: "二级教师", group: groupChinese, youngTeacher: true},
	{name: "范思琪", gender: "女", ethnicity: "汉族", born: 1999, origin: "宁夏贺兰", education: "大学本科", joinedDaysAgo: 270,
		post: "语文教师", title: "二级教师", group: groupChinese, youngTeacher: true},
	{name: "薛子涵", gender: "男", ethnicity: "汉族", born: 2000, origin: "宁夏银川", education: "大学本科", joinedDaysAgo: 150,
		post: "体育教师", title: "二级教师", group: groupOther},
}

// members is every row, 正式党员 first.
var members = append(append([]member{}, fullMembers...), probationers...)

// fillMembers turns the table into people and stores them.
func (f *filler) fillMembers() error {
	people := make([]*data.Person, len(members))
	d := newDetails(f.rng)
	for i, m := range members {
		p, err := f.personFrom(m, d)
		if err != nil {
			return err
		}
		people[i] = p
	}
	assignIntroducers(people, d)
	for _, p := range people {
		if err := f.store.CreatePerson(p); err != nil {
			return fmt.Errorf("%s：%w", p.Name, err)
		}
		f.people[p.Name] = p
	}
	return nil
}

func (f *filler) personFrom(m member, d *details) (*data.Person, error) {
	code, ok := areaCodes[m.origin]
	if !ok {
		return nil, fmt.Errorf("示例数据中的籍贯“%s”没有对应的地址码", m.origin)
	}
	birth := d.dayIn(m.born)
	id, err := d.idNumber(code, birth, m.gender == "男")
	if err != nil {
		return nil, fmt.Errorf("%s：%w", m.name, err)
	}
	p := &data.Person{
		Name: m.name, Gender: m.gender, Ethnicity: m.ethnicity, IDNumber: id, BirthDate: birth,
		Education: m.education, Stage: data.StageFull, BranchName: branchName,
		Post: m.post, Title: m.title, PartyPost: m.partyPost, NativePlace: m.origin,
		Mobile: d.mobile(), Address: d.address(), Remark: m.remark, YoungTeacher: m.youngTeacher,
		WorkStart: workStart(m), RuleVersion: data.DefaultRuleVersion,
	}
	if g := f.groups[m.group]; g != nil {
		p.GroupID = &g.ID
	}
	if m.joinedDaysAgo > 0 {
		p.Stage = data.StageProbationer
		p.JoinDate = f.daysAgo(m.joinedDaysAgo)
	} else {
		p.JoinDate = d.dayIn(m.joined)
		p.FullDate = p.ProbationEnd()
	}
	if p.JoinDate.Before(p.WorkStart) {
		// Joined at university: the 组织关系 came with the new teacher.
		p.TransferIn = p.WorkStart
	}
	return p, nil
}

// workStart is 1 September after the usual years of study for the 学历.
func workStart(m member) civil.Date {
	age := 22
	switch m.education {
	case "研究生":
		age = 25
	case "大学专科":
		age = 21
	}
	return civil.New(m.born+age, 9, 1)
}

// assignIntroducers gives each person two 入党介绍人: for someone admitted at
// the school, two colleagues who were 正式党员 there by then (from the same
// 党小组 when possible); for someone admitted at university, two people from
// there, who are not in this branch.
func assignIntroducers(people []*data.Person, d *details) {
	for _, p := range people {
		names := colleaguesWhoCouldIntroduce(people, p)
		if len(names) < 2 {
			names = d.outsiders(2)
		} else {
			d.rng.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
			names = names[:2]
		}
		p.Introducers = names[0] + "、" + names[1]
	}
}

// colleaguesWhoCouldIntroduce lists the people at the school who were 正式党员
// on p's 支部大会 date, same 党小组 first.
func colleaguesWhoCouldIntroduce(people []*data.Person, p *data.Person) []string {
	if p.JoinDate.Before(p.WorkStart) {
		return nil
	}
	var same, other []string
	for _, q := range people {
		if q == p || q.Stage != data.StageFull || q.FullDate.After(p.JoinDate) || q.WorkStart.After(p.JoinDate) {
			continue
		}
		if sameGroup(p, q) {
			same = append(same, q.Name)
		} else {
			other = append(other, q.Name)
		}
	}
	if len(same) >= 2 {
		return same
	}
	return append(same, other...)
}

func sameGroup(a, b *data.Person) bool {
	return a.GroupID != nil && b.GroupID != nil && *a.GroupID == *b.GroupID
}
