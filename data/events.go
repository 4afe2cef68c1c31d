package data

import (
	"fmt"

	"partyoffice/data/civil"
)

// EventKind is a kind of status change (转入, 转出, 出党 …).
type EventKind string

const (
	EventTransferIn    EventKind = "组织关系转入"
	EventTransferOut   EventKind = "组织关系转出"
	EventFloatOut      EventKind = "外出流动"
	EventFloatBack     EventKind = "流动返回"
	EventLost          EventKind = "失去联系"
	EventFound         EventKind = "恢复联系"
	EventSuspend       EventKind = "停止党籍"
	EventReinstate     EventKind = "恢复党籍"
	EventExit          EventKind = "出党"
	EventDeath         EventKind = "死亡"
	EventConfirm       EventKind = "转为正式党员"
	EventExtend        EventKind = "延长预备期"
	EventCancel        EventKind = "取消预备党员资格"
	EventDiscipline    EventKind = "留党察看"
	EventDisciplineEnd EventKind = "留党察看期满"
)

// EventSpec describes what a kind of event needs and what it does to a person.
// The status dialog asks for exactly the fields a spec names.
type EventSpec struct {
	Kind            EventKind
	NeedDestination string // label of the destination field, "" if none
	NeedEndDate     string // label of the end-date field, "" if none
	NeedExitKind    bool
	// Allowed says whether the event makes sense for the person now; the
	// message says why not.
	Allowed func(p *Person) error
	// Apply changes the person's fields; it has been validated already.
	Apply func(p *Person, e *StatusEvent)
}

func mustBeInRoll(p *Person) error {
	if p.Roll != RollActive {
		return fmt.Errorf("%s目前的在册状态是“%s”，不能再做此项变更", p.Name, p.Roll)
	}
	return nil
}

func mustBeProbationer(p *Person) error {
	if err := mustBeInRoll(p); err != nil {
		return err
	}
	if p.Stage != StageProbationer {
		return fmt.Errorf("%s不是预备党员", p.Name)
	}
	return nil
}

func anyone(*Person) error { return nil }

// EventSpecs lists every status change in the order the dialog shows them.
var EventSpecs = []EventSpec{
	{Kind: EventTransferOut, NeedDestination: "转往党组织", Allowed: mustBeInRoll,
		Apply: func(p *Person, e *StatusEvent) {
			p.Roll, p.RollDate, p.Destination = RollTransferred, e.Date, e.Destination
		}},
	{Kind: EventTransferIn, NeedDestination: "从何处转入", Allowed: anyone,
		Apply: func(p *Person, e *StatusEvent) {
			p.Roll, p.RollDate, p.Destination, p.TransferIn = RollActive, civil.Date{}, "", e.Date
		}},
	{Kind: EventFloatOut, NeedDestination: "外出流向（省/市/县）", Allowed: mustBeInRoll,
		Apply: func(p *Person, e *StatusEvent) { p.Floating, p.FloatTo = true, e.Destination }},
	{Kind: EventFloatBack, Allowed: func(p *Person) error {
		if !p.Floating {
			return fmt.Errorf("%s不是流动党员", p.Name)
		}
		return nil
	}, Apply: func(p *Person, e *StatusEvent) { p.Floating, p.FloatTo = false, "" }},
	{Kind: EventLost, Allowed: mustBeInRoll,
		Apply: func(p *Person, e *StatusEvent) { p.Lost, p.LostDate = true, e.Date }},
	{Kind: EventFound, Allowed: func(p *Person) error {
		if !p.Lost {
			return fmt.Errorf("%s不是失联党员", p.Name)
		}
		return nil
	}, Apply: func(p *Person, e *StatusEvent) { p.Lost, p.LostDate = false, civil.Date{} }},
	{Kind: EventSuspend, Allowed: mustBeInRoll,
		Apply: func(p *Person, e *StatusEvent) { p.Standing = StandingSuspended }},
	{Kind: EventReinstate, Allowed: func(p *Person) error {
		if p.Standing != StandingSuspended {
			return fmt.Errorf("%s的党籍没有停止", p.Name)
		}
		return nil
	}, Apply: func(p *Person, e *StatusEvent) { p.Standing = StandingNormal }},
	{Kind: EventConfirm, Allowed: mustBeProbationer,
		Apply: func(p *Person, e *StatusEvent) { p.Stage, p.FullDate = StageFull, e.Date }},
	{Kind: EventExtend, NeedEndDate: "延长至", Allowed: func(p *Person) error {
		if err := mustBeProbationer(p); err != nil {
			return err
		}
		if !p.ExtendedTo.IsZero() {
			return fmt.Errorf("%s已延长过一次预备期，按党章只能延长一次", p.Name)
		}
		return nil
	}, Apply: func(p *Person, e *StatusEvent) { p.ExtendedTo = e.EndDate }},
	{Kind: EventCancel, Allowed: mustBeProbationer,
		Apply: func(p *Person, e *StatusEvent) { p.Roll, p.RollDate = RollCancelled, e.Date }},
	{Kind: EventDiscipline, NeedEndDate: "察看期至", Allowed: mustBeInRoll,
		Apply: func(p *Person, e *StatusEvent) { p.Disciplined, p.DisciplineEnd = true, e.EndDate }},
	{Kind: EventDisciplineEnd, Allowed: func(p *Person) error {
		if !p.Disciplined {
			return fmt.Errorf("%s不在留党察看期", p.Name)
		}
		return nil
	}, Apply: func(p *Person, e *StatusEvent) { p.Disciplined = false }},
	{Kind: EventExit, NeedExitKind: true, Allowed: mustBeInRoll,
		Apply: func(p *Person, e *StatusEvent) {
			p.Roll, p.RollDate, p.ExitKind = RollExpelled, e.Date, e.ExitKind
		}},
	{Kind: EventDeath, Allowed: func(p *Person) error {
		if p.Roll == RollDeceased {
			return fmt.Errorf("%s已登记为死亡", p.Name)
		}
		return nil
	}, Apply: func(p *Person, e *StatusEvent) { p.Roll, p.RollDate = RollDeceased, e.Date }},
}

// SpecFor returns the spec of a kind, or nil.
func SpecFor(k EventKind) *EventSpec {
	for i := range EventSpecs {
		if EventSpecs[i].Kind == k {
			return &EventSpecs[i]
		}
	}
	return nil
}

// ValidateEvent checks an event against its spec and the person as of today
// (Store.Today), with a message that says what to fill in.
func ValidateEvent(p *Person, e *StatusEvent, today civil.Date) error {
	spec := SpecFor(e.Kind)
	if spec == nil {
		return fmt.Errorf("未知的变更类型“%s”", e.Kind)
	}
	if e.Date.IsZero() {
		return fmt.Errorf("请填写%s的日期", e.Kind)
	}
	if e.Date.After(today) {
		return fmt.Errorf("%s的日期 %s 在今天之后，请核对", e.Kind, e.Date)
	}
	if spec.NeedDestination != "" && e.Kind != EventFloatOut && e.Destination == "" {
		return fmt.Errorf("请填写“%s”", spec.NeedDestination)
	}
	if spec.NeedEndDate != "" {
		if e.EndDate.IsZero() || !e.EndDate.After(e.Date) {
			return fmt.Errorf("请填写“%s”，且应晚于变更日期", spec.NeedEndDate)
		}
	}
	if e.Kind == EventExtend {
		if err := ExtensionProblem(p.JoinDate, e.EndDate); err != nil {
			return err
		}
	}
	if e.Kind == EventDiscipline && e.EndDate.After(e.Date.AddMonths(24)) {
		return fmt.Errorf("留党察看最长两年，察看期至不能晚于 %s", e.Date.AddMonths(24))
	}
	if spec.NeedExitKind && e.ExitKind == "" {
		return fmt.Errorf("请选择出党方式（%v）", ExitKinds)
	}
	return spec.Allowed(p)
}
