package dues

import (
	"fmt"

	"partyoffice/data"
	"partyoffice/reports"
	"partyoffice/ui/registers"
)

// The 党费 records' lists and forms. Amounts are typed in 元 and read by the
// registers' money columns into fen exactly (no float).

func setPerson(id *uint, to *uint) {
	*to = 0
	if id != nil {
		*to = *id
	}
}

func paymentSpec() registers.Spec[reports.DuesPaymentRow] {
	type R = reports.DuesPaymentRow
	return registers.Spec[R]{
		Title: "党费缴纳记录", Register: reports.DuesPaymentRegister(),
		Shown:  []string{"姓名", "缴纳起月", "缴纳止月", "金额", "缴纳日期", "缴纳方式", "经手人", "支部同意日期", "备注"},
		Form:   []string{"姓名", "缴纳起月", "缴纳止月", "金额", "缴纳日期", "缴纳方式", "经手人", "支部同意日期", "备注"},
		Multi:  []string{"备注"},
		People: map[string]func(*R, *uint){"姓名": func(r *R, id *uint) { setPerson(id, &r.PersonID) }},
		// The payments that cover a month of the year (预交 of next year's
		// months made in December shows in both years).
		Load: func(s *data.Store, year int) ([]R, error) {
			all, err := data.Records[data.DuesPayment](s, "id", "")
			var out []R
			for _, p := range all {
				if p.From.Year <= year && year <= p.To.Year {
					out = append(out, R{DuesPayment: p})
				}
			}
			return out, err
		},
		New:    func(int) R { return R{} },
		Carry:  func(from, to *R) { to.Model = from.Model },
		ID:     func(r *R) uint { return r.ID },
		Check:  checkConsent,
		Save:   func(s *data.Store, r *R) error { return data.SaveRecord(s, &r.DuesPayment) },
		Delete: data.DeleteRecord[data.DuesPayment],
	}
}

// checkConsent asks for the 支部同意 date where a payment covers more than
// six months (中组发〔2008〕3号 第四条), before the store refuses it.
func checkConsent(r *reports.DuesPaymentRow) map[string]string {
	to := r.To
	if to.IsZero() {
		to = r.From
	}
	n := data.MonthsBetween(r.From, to)
	if r.From.IsZero() || n <= data.MaxDuesMonthsWithoutConsent || !r.ConsentOn.IsZero() {
		return nil
	}
	return map[string]string{"支部同意日期": fmt.Sprintf("一次缴纳 %d 个月（补交或预交）超过%d个月，须经支部同意：请填写支部同意的日期",
		n, data.MaxDuesMonthsWithoutConsent)}
}

func baseSpec() registers.Spec[reports.DuesBaseRow] {
	type R = reports.DuesBaseRow
	return registers.Spec[R]{
		Title: "核定基数", Register: reports.DuesBaseRegister(),
		Shown:  []string{"姓名", "人员类别", "核定基数", "定额月缴", "起始月份", "备注"},
		Form:   []string{"姓名", "人员类别", "核定基数", "定额月缴", "起始月份", "备注"},
		People: map[string]func(*R, *uint){"姓名": func(r *R, id *uint) { setPerson(id, &r.PersonID) }},
		// Every base: a base holds from its month until the next one, so
		// older ones still explain this year's months.
		Load: func(s *data.Store, _ int) ([]R, error) {
			all, err := data.Records[data.DuesBase](s, "id", "")
			out := make([]R, len(all))
			for i := range all {
				out[i] = R{DuesBase: all[i]}
			}
			return out, err
		},
		New:    func(int) R { return R{DuesBase: data.DuesBase{Category: data.DuesEmployed}} },
		Carry:  func(from, to *R) { to.Model = from.Model },
		ID:     func(r *R) uint { return r.ID },
		Save:   func(s *data.Store, r *R) error { return data.SaveRecord(s, &r.DuesBase) },
		Delete: data.DeleteRecord[data.DuesBase],
	}
}

func reliefSpec() registers.Spec[data.DuesRelief] {
	type R = data.DuesRelief
	return registers.Spec[R]{
		Title: "困难减免", Register: reports.DuesReliefRegister(),
		Multi:  []string{"减免原因"},
		People: map[string]func(*R, *uint){"姓名": func(r *R, id *uint) { setPerson(id, &r.PersonID) }},
		Load: func(s *data.Store, year int) ([]R, error) {
			all, err := data.Records[R](s, "id", "")
			var out []R
			for _, r := range all {
				if r.From.Year <= year && year <= r.To.Year {
					out = append(out, r)
				}
			}
			return out, err
		},
		New:    func(int) R { return R{} },
		Carry:  func(from, to *R) { to.Model = from.Model },
		ID:     func(r *R) uint { return r.ID },
		Save:   func(s *data.Store, r *R) error { return data.SaveRecord(s, r) },
		Delete: data.DeleteRecord[R],
	}
}
