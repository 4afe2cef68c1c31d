package demo

import (
	"fmt"

	"partyoffice/data"
)

// statusChange is a dated status event for a member of the table, dated
// relative to today so the 已转出 / 流动 / 失联 lists always look recent.
type statusChange struct {
	name        string
	kind        data.EventKind
	daysAgo     int
	destination string
	note        string
}

var statusChanges = []statusChange{
	{name: "潘文静", kind: data.EventTransferOut, daysAgo: 420,
		destination: "银川市实验小学党支部", note: "工作调动"},
	{name: "贾志明", kind: data.EventTransferOut, daysAgo: 150,
		destination: "银川市金凤区第十一小学党支部", note: "交流轮岗，调入该校"},
	{name: "田小军", kind: data.EventFloatOut, daysAgo: 240,
		destination: "新疆维吾尔自治区昌吉回族自治州", note: "援疆支教两年，组织关系保留在本支部"},
	{name: "蒋鹏", kind: data.EventLost, daysAgo: 300,
		note: "离职后电话停机、微信无回复，已请家属转告，仍未联系上"},
}

func (f *filler) fillStatusChanges() error {
	for _, c := range statusChanges {
		p, err := f.person(c.name)
		if err != nil {
			return err
		}
		e := data.StatusEvent{Kind: c.kind, Date: f.daysAgo(c.daysAgo), Destination: c.destination, Note: c.note}
		if err := f.store.AddStatusEvent(p.ID, e); err != nil {
			return fmt.Errorf("%s：%w", c.name, err)
		}
		updated, err := f.store.Person(p.ID)
		if err != nil {
			return err
		}
		*p = updated
	}
	return nil
}
