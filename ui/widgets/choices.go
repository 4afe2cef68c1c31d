package widgets

import (
	"strconv"

	"partyoffice/data"
)

// GroupName is the name of the 党小组 id, or none when there is no (known) group.
func GroupName(groups []data.PartyGroup, id *uint, none string) string {
	if id == nil {
		return none
	}
	for _, g := range groups {
		if g.ID == *id {
			return g.Name
		}
	}
	return none
}

// PersonChoices labels people by name, adding the post (or the end of the
// ID number) where two share a name.
func PersonChoices(people []data.Person) ([]string, map[string]uint) {
	count := map[string]int{}
	for _, p := range people {
		count[p.Name]++
	}
	var labels []string
	ids := map[string]uint{}
	for _, p := range people {
		label := p.Name
		if count[p.Name] > 1 {
			switch {
			case p.Post != "":
				label += "（" + p.Post + "）"
			case len(p.IDNumber) >= 4:
				label += "（身份证尾号" + p.IDNumber[len(p.IDNumber)-4:] + "）"
			default:
				label += "（编号" + strconv.Itoa(int(p.ID)) + "）"
			}
		}
		if _, taken := ids[label]; taken {
			label += "（编号" + strconv.Itoa(int(p.ID)) + "）"
		}
		labels = append(labels, label)
		ids[label] = p.ID
	}
	return labels, ids
}
