package demo

import (
	"fmt"

	"partyoffice/data"
)

// The branch of the demo: a primary school in 银川市金凤区.
const (
	branchName  = "银川市金凤区第五小学党支部"
	superior    = "金凤区教育党工委"
	unitName    = "银川市金凤区第五小学"
	branchPhone = "0951-5096215"
)

// Party posts (现任党内职务) of the 支委会; fillBranch takes the committee's
// names from the members who hold them.
const (
	postSecretary    = "党支部书记"
	postDeputy       = "党支部副书记"
	postOrganization = "组织委员"
	postPropaganda   = "宣传委员"
	postDiscipline   = "纪检委员"
)

// The three 党小组, by teaching subject as schools usually divide them.
const (
	groupChinese = "语文组党小组"
	groupMaths   = "数理组党小组"
	groupOther   = "综合组党小组"
)

// groupLeaders names each group's 组长 (a member of the table).
var groupLeaders = []struct{ group, leader string }{
	{groupChinese, "孙晓燕"},
	{groupMaths, "赵建军"},
	{groupOther, "高国庆"},
}

func (f *filler) fillGroups() error {
	for _, gl := range groupLeaders {
		g := &data.PartyGroup{Name: gl.group}
		if err := f.store.SaveGroup(g); err != nil {
			return err
		}
		f.groups[g.Name] = g
	}
	return nil
}

// fillGroupLeaders runs after the members exist, since a 组长 is one of them.
func (f *filler) fillGroupLeaders() error {
	for _, gl := range groupLeaders {
		leader, err := f.person(gl.leader)
		if err != nil {
			return err
		}
		g := f.groups[gl.group]
		g.LeaderID = &leader.ID
		g.Note = "组长：" + leader.Name
		if err := f.store.SaveGroup(g); err != nil {
			return err
		}
	}
	return nil
}

func (f *filler) fillBranch() error {
	b := data.Branch{
		Name:        branchName,
		Superior:    superior,
		Unit:        unitName,
		Phone:       branchPhone,
		RuleVersion: data.DefaultRuleVersion,
	}
	for _, c := range []struct {
		post  string
		field *string
	}{
		{postSecretary, &b.Secretary},
		{postDeputy, &b.DeputySecretary},
		{postOrganization, &b.OrganizationMember},
		{postPropaganda, &b.PropagandaMember},
		{postDiscipline, &b.DisciplineMember},
	} {
		name, err := f.holderOf(c.post)
		if err != nil {
			return err
		}
		*c.field = name
	}
	f.branch = b
	if err := f.store.SaveBranch(b); err != nil {
		return err
	}
	return f.store.SetLocalRequirements(true) // the demo shows the local requirements too
}

// holderOf finds the member of the table holding a party post.
func (f *filler) holderOf(post string) (string, error) {
	for _, m := range members {
		if m.partyPost == post {
			return m.name, nil
		}
	}
	return "", fmt.Errorf("示例数据中没有%s", post)
}

// person is a created member by name.
func (f *filler) person(name string) (*data.Person, error) {
	p, ok := f.people[name]
	if !ok {
		return nil, fmt.Errorf("示例数据中没有“%s”", name)
	}
	return p, nil
}
