package reports

import (
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"partyoffice/data"
	"partyoffice/data/civil"
	"partyoffice/data/datatest"
)

// decemberStore is samplePeople in a store whose clock stands at
// 2026-12-04, late enough in the year for the payments and talks below.
func decemberStore(t *testing.T) *data.Store {
	t.Helper()
	return decemberStoreWith(t, samplePeople(civil.New(2026, 12, 4)))
}

func decemberStoreWith(t *testing.T, people []data.Person) *data.Store {
	t.Helper()
	s := openStore(t)
	s.SetClock(func() civil.Date { return civil.New(2026, 12, 4) })
	if _, err := s.ImportPeople(people, data.ImportSkipExisting, "测试"); err != nil {
		t.Fatal(err)
	}
	return s
}

// duesStore is samplePeople (ids 1..4 in order) with bases and payments.
func duesStore(t *testing.T) *data.Store {
	t.Helper()
	s := decemberStore(t)
	bases := []data.DuesBase{
		{PersonID: 1, From: civil.New(2026, 1, 0), Category: data.DuesEmployed, BaseFen: 498765},
		{PersonID: 1, From: civil.New(2026, 7, 0), Category: data.DuesEmployed, BaseFen: 512345, Note: "晋升岗位工资"},
		{PersonID: 4, From: civil.New(2025, 9, 0), Category: data.DuesRetired, BaseFen: 612399},
		{PersonID: 3, From: civil.New(2026, 9, 0), Category: data.DuesFarmer, FixedFen: 50},
	}
	if err := data.SaveRecords(s, bases); err != nil {
		t.Fatal(err)
	}
	pays := []data.DuesPayment{
		{PersonID: 1, From: civil.New(2026, 1, 0), To: civil.New(2026, 6, 0), AmountFen: 6 * 4988, PaidOn: civil.New(2026, 1, 8), Method: "微信", Handler: "李四"},
		{PersonID: 1, From: civil.New(2026, 7, 0), To: civil.New(2027, 1, 0), AmountFen: 7 * 7685, PaidOn: civil.New(2026, 7, 8), Method: "现金", Handler: "李四",
			ConsentOn: civil.New(2026, 7, 1), Note: "预交"},
		{PersonID: 4, From: civil.New(2026, 1, 0), To: civil.New(2026, 8, 0), AmountFen: 8 * 6124, PaidOn: civil.New(2026, 9, 1), Method: "银行转账",
			ConsentOn: civil.New(2026, 8, 30)},
	}
	if err := data.SaveRecords(s, pays); err != nil {
		t.Fatal(err)
	}
	return s
}

// withoutModel clears what the store sets itself (ID, timestamps).
func withoutModel[T any](rows []T) []T {
	out := slices.Clone(rows)
	for i := range out {
		reflect.ValueOf(&out[i]).Elem().FieldByName("Model").Set(reflect.Zero(reflect.TypeFor[data.Model]()))
	}
	return out
}

func TestDuesRegistersRoundTrip(t *testing.T) {
	s := duesStore(t)
	dir := t.TempDir()
	bases, payments := filepath.Join(dir, "基数.xlsx"), filepath.Join(dir, "缴纳.xlsx")
	if err := ExportDuesBases(bases, s); err != nil {
		t.Fatal(err)
	}
	if err := ExportDuesPayments(payments, s, 0); err != nil {
		t.Fatal(err)
	}
	empty := decemberStore(t)
	b, err := ReadDuesBases(bases, empty, civil.New(2026, 1, 1), nil)
	if err != nil || len(b.Errors()) > 0 {
		t.Fatal(err, b.Errors())
	}
	var gotBases []data.DuesBase
	for _, r := range b.GoodRows() {
		gotBases = append(gotBases, r.DuesBase)
	}
	if err := data.SaveRecords(empty, gotBases); err != nil {
		t.Fatal(err)
	}
	p, err := ReadDuesPayments(payments, empty, nil)
	if err != nil || len(p.Errors()) > 0 {
		t.Fatal(err, p.Errors())
	}
	var gotPays []data.DuesPayment
	for _, r := range p.GoodRows() {
		gotPays = append(gotPays, r.DuesPayment)
	}
	if err := data.SaveRecords(empty, gotPays); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		want, got any
	}{
		{"bases", mustRecords[data.DuesBase](t, s), mustRecords[data.DuesBase](t, empty)},
		{"payments", mustRecords[data.DuesPayment](t, s), mustRecords[data.DuesPayment](t, empty)},
	} {
		if !reflect.DeepEqual(c.want, c.got) {
			t.Errorf("%s differ after the round trip:\nwant %+v\n got %+v", c.name, c.want, c.got)
		}
	}
	// Importing the same bases again updates them rather than adding copies.
	again, err := ReadDuesBases(bases, empty, civil.New(2026, 1, 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	var rows []data.DuesBase
	for _, r := range again.GoodRows() {
		rows = append(rows, r.DuesBase)
	}
	if err := data.SaveRecords(empty, rows); err != nil {
		t.Fatal(err)
	}
	if n := len(mustRecords[data.DuesBase](t, empty)); n != 4 {
		t.Errorf("re-import left %d bases, want 4", n)
	}
}

// mustRecords lists a register by person and month.
func mustRecords[T any](t *testing.T, s *data.Store) []T {
	t.Helper()
	rows, err := data.Records[T](s, "person_id, \"from\", id", "")
	if err != nil {
		t.Fatal(err)
	}
	return withoutModel(rows)
}

func TestDuesImportFinanceSheet(t *testing.T) {
	s := decemberStore(t)
	path := newSheet(t).
		row(1, "2026年党费基数核定表（财务室）").
		row(2, "序号", "姓 名", "身份证号码", "税后工资", "备注").
		row(3, 1, "张三", datatest.IDNumber("19800315", 11), "4,987.65", "").
		row(4, 2, "欧阳娜娜", "", 5123.45, "退休返聘").
		row(5, 3, "查无此人", "", "3000", "").
		row(6, 4, "王小明", "", "3000.123", "").
		save(t.TempDir(), "财务.xlsx")
	m, err := ReadDuesBases(path, s, civil.New(2026, 3, 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	good := m.GoodRows()
	if len(good) != 2 || good[0].BaseFen != 498765 || good[1].BaseFen != 512345 {
		t.Fatalf("good rows %+v", good)
	}
	if good[0].From != (civil.Date{Year: 2026, Month: 3}) || good[0].Category != data.DuesEmployed {
		t.Errorf("defaults: %+v", good[0])
	}
	errs := m.Errors()
	if len(errs) != 2 || !strings.Contains(errs[0].Message, "名册中没有") || !strings.Contains(errs[1].Message, "两位小数") {
		t.Errorf("errors %v", errs)
	}
}

var longDigits = regexp.MustCompile(`\d{15}`)

func TestDuesReportsAddUpAndPublicityHidesTheBase(t *testing.T) {
	s := duesStore(t)
	dir := t.TempDir()
	opt := YearOptions{Year: 2026, Today: civil.New(2026, 12, 4)}
	year, public, monthly := filepath.Join(dir, "汇总.xlsx"), filepath.Join(dir, "公示.xlsx"), filepath.Join(dir, "登记.xlsx")
	for _, e := range []struct {
		path  string
		write func(string, *data.Store, YearOptions) error
	}{{year, ExportDuesYear}, {public, ExportDuesPublicity}, {monthly, ExportDuesMonthly}} {
		if err := e.write(e.path, s, opt); err != nil {
			t.Fatal(err)
		}
	}
	headers, rows := devTable(t, year, "年度汇总")
	total := rows[len(rows)-1]
	// 张三: 6×49.88 + 6×76.85 = 760.38 due; paid the same (January 2027 is next year's).
	// 欧阳娜娜 (retired 612399 → 61.24): 12 months due 734.88, paid 8 months 489.92.
	// 王小明 (农民 0.50 from September): 4 months due 2.00, paid nothing.
	if got := devCell(headers, total, "全年应缴"); got != "1497.26" {
		t.Errorf("全年应缴 合计 %s", got)
	}
	if got := devCell(headers, total, "全年实缴"); got != "1250.30" {
		t.Errorf("全年实缴 合计 %s", got)
	}
	ph, prows := devTable(t, public, "党费公示")
	if !reflect.DeepEqual(ph, []string{"序号", "姓名", "月应缴", "实缴", "缴至"}) {
		t.Errorf("公示 headers %v", ph)
	}
	for _, r := range prows {
		for _, c := range r {
			if strings.Contains(c, "4987") || strings.Contains(c, "5123") || longDigits.MatchString(c) {
				t.Errorf("公示 shows a base or an ID: %v", r)
			}
		}
	}
	f := readBack(t, monthly)
	if n := len(f.GetSheetList()); n != 12 {
		t.Errorf("收缴登记表 has %d sheets, want one per month", n)
	}
	mh, mrows := devTable(t, monthly, "7月")
	if got := devCell(mh, mrows[0], "月应缴"); got != "76.85" {
		t.Errorf("July due %s", got)
	}
}

func TestDuesImportMatchesByStaffNumber(t *testing.T) {
	people := samplePeople(civil.New(2026, 12, 4))
	people[0].StaffNo, people[3].StaffNo = "T0012", "T0044"
	s := decemberStoreWith(t, people)
	path := newSheet(t).
		row(1, "工资号", "姓名", "核定基数").
		row(2, "T0012", "张三", "5000").
		row(3, "T0044", "张三", "4000"). // 工号 of 欧阳娜娜 with another name: refused
		save(t.TempDir(), "工号.xlsx")
	m, err := ReadDuesBases(path, s, civil.New(2026, 1, 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	if good := m.GoodRows(); len(good) != 1 || good[0].PersonID != 1 {
		t.Errorf("good %+v", good)
	}
	if errs := m.Errors(); len(errs) != 1 || !strings.Contains(errs[0].Message, "欧阳娜娜") {
		t.Errorf("errors %v", errs)
	}
}

// duesLine is the line of name in a table.
func duesLine(t *testing.T, rows [][]string, name string) []string {
	t.Helper()
	for _, r := range rows {
		if len(r) > 1 && r[1] == name {
			return r
		}
	}
	t.Fatalf("no line for %s in %v", name, rows)
	return nil
}

// asOfText is the 截至日期 a sheet prints above its table.
func asOfText(t *testing.T, path, sheet string) string {
	t.Helper()
	all, err := readBack(t, path).GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range all[:headerRow] {
		for _, c := range r {
			if i := strings.Index(c, "截至日期："); i >= 0 {
				return c[i+len("截至日期："):]
			}
		}
	}
	return ""
}

// TestDuesMonthSheetsSayWhatWasPaidByTheirDate: each month's sheet is dated
// the month's last day (today for the month under way) and its 实缴 and 缴至
// come from the payments made by then; a month not yet over is 未到期, on
// its sheet and in the 年度汇总, not 未缴 or a 0.
func TestDuesMonthSheetsSayWhatWasPaidByTheirDate(t *testing.T) {
	s := duesStore(t) // clock 2026-12-04
	dir := t.TempDir()
	monthly, year := filepath.Join(dir, "登记.xlsx"), filepath.Join(dir, "汇总.xlsx")
	if err := ExportDuesMonthly(monthly, s, YearOptions{Year: 2026}); err != nil {
		t.Fatal(err)
	}
	if err := ExportDuesYear(year, s, YearOptions{Year: 2026}); err != nil {
		t.Fatal(err)
	}
	for sheet, want := range map[string]string{"3月": "2026年3月31日", "11月": "2026年11月30日", "12月": "2026年12月4日"} {
		if got := asOfText(t, monthly, sheet); got != want {
			t.Errorf("%s sheet dated %q, want %q", sheet, got, want)
		}
	}
	h, rows := devTable(t, monthly, "3月")
	// 张三 paid Jan–Jun on 2026-01-08, and Jul–Jan 2027 only on 2026-07-08.
	if got := devCell(h, duesLine(t, rows, "张三"), "缴至年月"); got != "2026-06" {
		t.Errorf("March: 张三 缴至 %q, want 2026-06 (paid by 31 March)", got)
	}
	// 欧阳娜娜 paid Jan–Aug only on 2026-09-01: on 31 March nothing was paid.
	r := duesLine(t, rows, "欧阳娜娜")
	if got := devCell(h, r, "缴至年月"); got != "" {
		t.Errorf("March: 欧阳娜娜 缴至 %q, want none (she paid in September)", got)
	}
	if got, note := devCell(h, r, "实缴"), devCell(h, r, "备注"); got != "0.00" && got != "0" || !strings.Contains(note, "未缴") {
		t.Errorf("March: 欧阳娜娜 实缴 %q 备注 %q, want nothing paid, 未缴", got, note)
	}
	h, rows = devTable(t, monthly, "9月")
	if got := devCell(h, duesLine(t, rows, "欧阳娜娜"), "缴至年月"); got != "2026-08" {
		t.Errorf("September: 欧阳娜娜 缴至 %q, want 2026-08", got)
	}
	h, rows = devTable(t, monthly, "12月")
	if note := devCell(h, duesLine(t, rows, "王小明"), "备注"); !strings.Contains(note, "未到期") || strings.Contains(note, "未缴") {
		t.Errorf("December (under way): 王小明 备注 %q, want 未到期", note)
	}
	h, rows = devTable(t, monthly, "11月")
	if note := devCell(h, duesLine(t, rows, "王小明"), "备注"); !strings.Contains(note, "未缴") {
		t.Errorf("November: 王小明 备注 %q, want 未缴", note)
	}
	h, rows = devTable(t, year, "年度汇总")
	for name, want := range map[string]string{"王小明": "未到期", "欧阳娜娜": "未到期", "张三": "76.85"} {
		if got := devCell(h, duesLine(t, rows, name), "12月"); got != want {
			t.Errorf("年度汇总: %s 12月 %q, want %q", name, got, want)
		}
	}
	if got := devCell(h, duesLine(t, rows, "王小明"), "11月"); got == "未到期" || got == "" {
		t.Errorf("年度汇总: 王小明 11月 %q, want an unpaid amount", got)
	}
}
