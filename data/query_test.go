package data

import (
	"fmt"
	"testing"

	"partyoffice/data/idcard"
)

func samplePeople() []Person {
	g := uint(7)
	return []Person{
		{Model: Model{ID: 1}, Name: "张伟", Stage: StageFull, Roll: RollActive, Post: "语文教师", JoinDate: d("2001-07-01"), GroupID: &g},
		{Model: Model{ID: 2}, Name: "阿丽", Stage: StageProbationer, Roll: RollActive, Post: "数学教师", JoinDate: d("2026-01-10")},
		{Model: Model{ID: 3}, Name: "王芳", Stage: StageFull, Roll: RollTransferred, Post: "英语教师"},
		{Model: Model{ID: 4}, Name: "陈静", Stage: StageActivist, Roll: RollActive},
		{Model: Model{ID: 5}, Name: "李强", Stage: StageFull, Roll: RollActive, Standing: StandingSuspended, JoinDate: d("1999-07-01")},
	}
}

func names(ps []Person) string {
	s := ""
	for _, p := range ps {
		s += p.Name + " "
	}
	return s
}

func TestFilterPeople(t *testing.T) {
	ps := samplePeople()
	cases := []struct {
		f    PersonFilter
		want string
	}{
		{PersonFilter{}, "张伟 阿丽 李强 "},
		{PersonFilter{View: ViewLeft}, "王芳 "},
		{PersonFilter{View: ViewDevelopment}, "陈静 "},
		{PersonFilter{Text: "数学"}, "阿丽 "},
		{PersonFilter{Text: " 张 "}, "张伟 "},
		{PersonFilter{Stage: StageProbationer}, "阿丽 "},
		{PersonFilter{Standing: StandingSuspended}, "李强 "},
		{PersonFilter{GroupID: 7}, "张伟 "},
		{PersonFilter{GroupID: NoGroup}, "阿丽 李强 "},
		{PersonFilter{View: ViewAll}, "张伟 阿丽 王芳 陈静 李强 "},
	}
	for _, c := range cases {
		if got := names(FilterPeople(ps, c.f)); got != c.want {
			t.Errorf("%+v: got %q want %q", c.f, got, c.want)
		}
	}
}

func TestSortPeopleByPinyinAndDate(t *testing.T) {
	ps := samplePeople()
	SortPeople(ps, FieldName, false)
	if got := names(ps); got != "阿丽 陈静 李强 王芳 张伟 " {
		t.Fatalf("pinyin order: %q", got)
	}
	SortPeople(ps, FieldJoin, false)
	if got := names(ps); got != "李强 张伟 阿丽 陈静 王芳 " && got != "李强 张伟 阿丽 王芳 陈静 " {
		t.Fatalf("join order (empty last): %q", got)
	}
	SortPeople(ps, FieldJoin, true)
	if ps[0].Name == "李强" {
		t.Fatalf("descending not applied: %q", names(ps))
	}
}

func TestCountAndProbationEnding(t *testing.T) {
	ps := samplePeople()
	c := Count(ps)
	if c.Full != 2 || c.Probationer != 1 || c.Activists != 1 || c.Suspended != 1 || c.ByGroup[7] != 1 || c.ByGroup[NoGroup] != 2 {
		t.Fatalf("counts %+v", c)
	}
	soon := ProbationEndingWithin(ps, d("2026-11-28"), 60)
	if len(soon) != 1 || soon[0].Name != "阿丽" {
		t.Fatalf("ending within 60 days: %v", names(soon))
	}
	if soon := ProbationEndingWithin(ps, d("2026-10-01"), 60); len(soon) != 0 {
		t.Fatalf("too early: %v", names(soon))
	}
}

// manyPeople builds n plausible people for benchmarks.
func manyPeople(n int) []Person {
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
	given := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚")
	out := make([]Person, n)
	for i := range out {
		id17 := fmt.Sprintf("640106%04d%02d%02d%03d", 1960+i%40, 1+i%12, 1+i%28, i%1000)
		out[i] = Person{
			Model:    Model{ID: uint(i + 1)},
			Name:     string(surnames[i%len(surnames)]) + string(given[(i/7)%len(given)]) + string(given[i%len(given)]),
			IDNumber: id17 + string(idcard.CheckDigit(id17)), Stage: StageFull, Roll: RollActive,
			Post:     []string{"语文教师", "数学教师", "英语教师", "班主任"}[i%4],
			JoinDate: d(fmt.Sprintf("%04d-07-01", 1985+i%35)),
		}
	}
	return out
}

func BenchmarkFilter10000(b *testing.B) {
	ps := manyPeople(10000)
	f := PersonFilter{Text: "数学", Stage: StageFull}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		FilterPeople(ps, f)
	}
}

func BenchmarkSortByName10000(b *testing.B) {
	ps := manyPeople(10000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		SortPeople(ps, FieldName, i%2 == 0)
	}
}
