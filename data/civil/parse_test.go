package civil

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	day := Date{2015, 7, 1}
	month := Date{2015, 7, 0}
	year := Date{2015, 0, 0}
	tests := []struct {
		in   string
		want Date
	}{
		{"", Date{}},
		{"  \u3000 ", Date{}},
		{"2015-07-01", day},
		{"2015/7/1", day},
		{"2015.7.1", day},
		{"2015.07.01", day},
		{"2015年7月1日", day},
		{"2015年07月01日", day},
		{"2015年7月1号", day},
		{"2015 年 7 月 1 日", day},
		{"20150701", day},
		{"2015-7-1", day},
		{"2015 7 1", day},
		{"2015.07.01.", day},
		{"2015-07-01 00:00:00", day},
		{"2015-07-01T00:00:00", day},
		{"2015-07-01T08:30:00+08:00", day},
		{"2015/7/1 0:00", day},
		{"2015年7月1日 8:30", day},
		{" 2015-07-01\t", day},
		{"\u30002015-07-01\u3000", day},
		{"２０１５．０７．０１", day},
		{"２０１５／７／１", day},
		{"２０１５－０７－０１", day},
		{"２０１５年７月１日", day},
		{"2015。7。1", day},
		{"2015—07—01", day},
		{"2015.07", month},
		{"2015.7", month},
		{"2015-07", month},
		{"2015/07", month},
		{"2015年7月", month},
		{"201507", month},
		{"2015.07.", month},
		{"２０１５．７", month},
		{"2015", year},
		{"2015年", year},
		{"２０１５", year},
		{"42186", day},
		{"42186.0", day},
		{"42186.5", day},
		{"４２１８６", day},
		{"2024-02-29", Date{2024, 2, 29}},
		{"2000.2.29", Date{2000, 2, 29}},
		{"1900-01-01", Date{1900, 1, 1}},
		{"2099.12.31", Date{2099, 12, 31}},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in, wantMsg string // wantMsg is a fragment of the message
	}{
		{"2015.13.1", "无法识别的日期“2015.13.1”：月份应为1–12，请写成 2015-07-01 或 2015.07 这样的格式"},
		{"2015-00", "月份应为1–12"},
		{"2023-02-29", "日期“2023-02-29”不存在：2023年2月只有28天"},
		{"1900-02-29", "1900年2月只有28天"},
		{"2015-04-31", "2015年4月只有30天"},
		{"2015-07-32", "日应为1–31"},
		{"2015-07-00", "日应为1–31"},
		{"15.7.1", "年份“15”只写了两位"},
		{"15-07-01", "分不清是1915年还是2015年"},
		{"15年7月1日", "只写了两位"},
		{"15", "只写了两位"},
		{"01.07.2015", "年份要写在最前面"},
		{"7/1/2015", "年份要写在最前面"},
		{"215.7.1", "年份应为四位数"},
		{"150701", "年份应在1900–2099之间"},
		{"1899-12-31", "年份应在1900–2099之间"},
		{"0000", "年份应在1900–2099之间"},
		{"2015.007.01", "月、日应为一到两位数字"},
		{"2015.7.1.1", "看不出年、月、日"},
		{"2015071", "看不出年、月、日"},
		{"201507011", "看不出年、月、日"},
		{"123", "看不出年、月、日"},
		{"abc", "看不懂其中的“a”"},
		{"2015年7月1日星期三", "看不懂其中的“日”"},
		{"二〇一五年七月", "看不懂其中的“二”"},
		{"2015-07-01 25", "看不出年、月、日"},
		{"2015-07-01 8点", "看不懂其中的“点”"},
		{"-", "看不出年、月、日"},
		{"99999", "超出了合理范围"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %v, want an error", tt.in, got)
			continue
		}
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Input != strings.TrimSpace(tt.in) {
			t.Errorf("Parse(%q) error %#v is not a *ParseError for the input", tt.in, err)
		}
		if !strings.Contains(err.Error(), tt.wantMsg) {
			t.Errorf("Parse(%q) error = %q, want it to contain %q", tt.in, err, tt.wantMsg)
		}
	}
}

func TestParseDay(t *testing.T) {
	if d, err := ParseDay("2015年7月1日"); err != nil || d != (Date{2015, 7, 1}) {
		t.Errorf("ParseDay(2015年7月1日) = %v, %v", d, err)
	}
	if d, err := ParseDay(""); err != nil || !d.IsZero() {
		t.Errorf("ParseDay(\"\") = %v, %v; want zero, nil", d, err)
	}
	for _, in := range []string{"2015.07", "2015年", "201507"} {
		_, err := ParseDay(in)
		if err == nil || !strings.Contains(err.Error(), "需要具体到日") {
			t.Errorf("ParseDay(%q) error = %v, want 需要具体到日", in, err)
		}
	}
	if _, err := ParseDay("2015.13"); err == nil || !strings.Contains(err.Error(), "月份应为1–12") {
		t.Errorf("ParseDay(2015.13) error = %v, want the month error", err)
	}
}

func TestFromExcelSerial(t *testing.T) {
	tests := []struct {
		in   float64
		want Date
	}{
		{1, Date{1900, 1, 1}},
		{1.99, Date{1900, 1, 1}},
		{59, Date{1900, 2, 28}},
		{61, Date{1900, 3, 1}},
		{42186, Date{2015, 7, 1}},
		{42186.75, Date{2015, 7, 1}},
		{45351, Date{2024, 2, 29}},
		{2958465, Date{9999, 12, 31}},
	}
	for _, tt := range tests {
		if got, err := FromExcelSerial(tt.in); err != nil || got != tt.want {
			t.Errorf("FromExcelSerial(%v) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []float64{0, 0.5, -1, 60, 60.5, 2958466} {
		if got, err := FromExcelSerial(bad); err == nil {
			t.Errorf("FromExcelSerial(%v) = %v, want an error", bad, got)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"2015-07-01", "2015年7月1号", "20150701", "2015.07.01.", "2015/7/1 0:00",
		"2015.7", "201507", "2015年", "42186.5", "15.7.1", "２０１５．０７", "2023-02-29",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("Parse(%q): empty error message", s)
			}
			return
		}
		if d.IsZero() {
			if strings.TrimSpace(fold(s)) != "" {
				t.Fatalf("Parse(%q) = zero date without error", s)
			}
			return
		}
		if !d.Valid() {
			t.Fatalf("Parse(%q) = %#v, not Valid", s, d)
		}
		back, err := ParseISO(d.String())
		if err != nil || back != d {
			t.Fatalf("Parse(%q) = %v; ParseISO(%q) = %v, %v", s, d, d.String(), back, err)
		}
		if again, err := Parse(d.String()); err != nil || again != d {
			t.Fatalf("Parse(%q) = %v; Parse of its String = %v, %v", s, d, again, err)
		}
	})
}
