package reports

import (
	"fmt"

	"partyoffice/data"
	"partyoffice/data/civil"
)

// 民主评议党员: the per-member 登记表 (in and out) and the 情况统计表 (how
// many members the 支部 put in each 等次, and their share), and the year's
// small records (党建品牌, 党员先锋岗, 评星定级) for the year-end pack.

// AppraisalRegister is the 民主评议党员登记表.
func AppraisalRegister() *Register[data.AppraisalResult] {
	type A = data.AppraisalResult
	votes := func(round string, v func(*A) *data.Votes) []Column[A] {
		return []Column[A]{
			CountColumn(round+"优秀", func(a *A) *int { return &v(a).Excellent }),
			CountColumn(round+"合格", func(a *A) *int { return &v(a).Good }),
			CountColumn(round+"基本合格", func(a *A) *int { return &v(a).Basic }),
			CountColumn(round+"不合格", func(a *A) *int { return &v(a).Fail }),
		}
	}
	cols := []Column[A]{
		YearColumn(func(a *A) *int { return &a.Year }),
		TextColumn("姓名", func(a *A) *string { return &a.Name }),
		textChoice("自评等次", func(a *A) *string { return &a.SelfGrade }, data.AppraisalGrades, "个人自评"),
	}
	cols = append(cols, votes("互评", func(a *A) *data.Votes { return &a.Peer })...)
	cols = append(cols, votes("测评", func(a *A) *data.Votes { return &a.Poll })...)
	cols = append(cols,
		textChoice("评定等次", func(a *A) *string { return &a.Grade }, data.AppraisalGrades, "支部评定等次", "等次"),
		DateColumn("评定日期", func(a *A) *civil.Date { return &a.DecidedOn }),
		textChoice("处置", func(a *A) *string { return &a.FollowUp }, data.AppraisalFollowUps, "组织处置"),
		DateColumn("处置日期", func(a *A) *civil.Date { return &a.FollowUpOn }),
		TextColumn("处置情况", func(a *A) *string { return &a.FollowUpNote }),
	)
	return &Register[A]{Name: "民主评议党员登记表", Columns: cols, FreezeColumns: 2}
}

// GradeRow is one line of the 民主评议党员情况统计表.
type GradeRow struct {
	Grade   string
	Count   int
	Percent string
}

// GradeRegister is the 统计表: members per 等次 and their share.
func GradeRegister() *Register[GradeRow] {
	return &Register[GradeRow]{
		Name: "民主评议统计表", Portrait: true,
		Columns: []Column[GradeRow]{
			{Header: "等次", Width: 14, Center: true, Get: func(r *GradeRow) any { return r.Grade }},
			{Header: "人数", Width: 10, Kind: KindNumber, Get: func(r *GradeRow) any { return r.Count }},
			{Header: "占参评人数比例", Width: 16, Center: true, Get: func(r *GradeRow) any { return r.Percent }},
		},
	}
}

// GradeRows count the decided 等次 of the results; shares are of everyone
// with a decided 等次, to one decimal, and the 合计 line is 100%.
func GradeRows(results []data.AppraisalResult) []GradeRow {
	counts := map[string]int{}
	total := 0
	for _, a := range results {
		if a.Grade != "" {
			counts[a.Grade]++
			total++
		}
	}
	var out []GradeRow
	for _, g := range append(append([]string(nil), data.AppraisalGrades...), "合计") {
		n := counts[g]
		if g == "合计" {
			n = total
		}
		r := GradeRow{Grade: g, Count: n}
		if total > 0 {
			r.Percent = fmt.Sprintf("%.1f%%", float64(n)*100/float64(total))
		}
		out = append(out, r)
	}
	return out
}

// ExportAppraisal writes the year's 民主评议党员登记表 and 统计表.
func ExportAppraisal(path string, s *data.Store, opt YearOptions) error {
	d, err := loadYear(s, &opt)
	if err != nil {
		return err
	}
	rows := ofYear(d.Appraisals, func(a *data.AppraisalResult) int { return a.Year }, opt.Year)
	asOf := asOfYear(opt.Year, opt.Today)
	grades := yearDocument(&d.Branch, "民主评议党员情况统计表", opt.Year, asOf)
	return writeWorkbook(path, grades.fileInfo(),
		registerSheet(GradeRegister(), grades, GradeRows(rows), nil),
		registerSheet(AppraisalRegister(), yearDocument(&d.Branch, "民主评议党员登记表", opt.Year, asOf), rows, nil))
}

// ReadAppraisal reads a 民主评议党员登记表; every row must name a member.
func ReadAppraisal(path string, s *data.Store, year int) (*ImportPreview[data.AppraisalResult], error) {
	find, err := newPersonFinder(s)
	if err != nil {
		return nil, err
	}
	return readPreview(path, AppraisalRegister(), func(a *data.AppraisalResult) []data.FieldIssue {
		p, problem := find.find(a.Name, "", "", "党员")
		if p == nil {
			return issue("姓名", problem)
		}
		a.PersonID, a.Name = p.ID, p.Name
		if a.Year == 0 {
			a.Year = year
		}
		return nil
	}, nil)
}

// BrandRegister is the 党建品牌 record.
func BrandRegister() *Register[data.BrandRecord] {
	type B = data.BrandRecord
	return &Register[B]{Name: "党建品牌", Columns: []Column[B]{
		YearColumn(func(b *B) *int { return &b.Year }),
		TextColumn("品牌名称", func(b *B) *string { return &b.Name }),
		TextColumn("品牌内涵", func(b *B) *string { return &b.Meaning }, "内涵"),
		TextColumn("主要活动", func(b *B) *string { return &b.Activities }, "活动"),
		TextColumn("阶段目标", func(b *B) *string { return &b.Milestones }),
	}}
}

// VanguardRegister is the 党员先锋岗 list.
func VanguardRegister() *Register[data.VanguardPost] {
	type V = data.VanguardPost
	return &Register[V]{Name: "党员先锋岗", Columns: []Column[V]{
		YearColumn(func(v *V) *int { return &v.Year }),
		TextColumn("先锋岗", func(v *V) *string { return &v.Post }, "岗位名称"),
		TextColumn("姓名", func(v *V) *string { return &v.Name }),
		TextColumn("承诺事项", func(v *V) *string { return &v.Commitment }, "岗位职责"),
		TextColumn("备注", func(v *V) *string { return &v.Note }),
	}}
}

// StarRegister is the 评星定级 record.
func StarRegister() *Register[data.StarRating] {
	type S = data.StarRating
	return &Register[S]{Name: "评星定级", Columns: []Column[S]{
		YearColumn(func(s *S) *int { return &s.Year }),
		TextColumn("星级", func(s *S) *string { return &s.Level }),
		DateColumn("评定日期", func(s *S) *civil.Date { return &s.RatedOn }),
		TextColumn("评定单位", func(s *S) *string { return &s.RatedBy }),
		TextColumn("佐证材料", func(s *S) *string { return &s.Evidence }),
	}}
}

// ExportBrand writes the year's 党建品牌, 党员先锋岗 and 评星定级.
func ExportBrand(path string, s *data.Store, opt YearOptions) error {
	d, err := loadYear(s, &opt)
	if err != nil {
		return err
	}
	asOf := asOfYear(opt.Year, opt.Today)
	brand := yearDocument(&d.Branch, "党建品牌", opt.Year, asOf)
	return writeWorkbook(path, brand.fileInfo(),
		registerSheet(BrandRegister(), brand,
			ofYear(d.Brands, func(b *data.BrandRecord) int { return b.Year }, opt.Year), nil),
		registerSheet(VanguardRegister(), yearDocument(&d.Branch, "党员先锋岗", opt.Year, asOf),
			ofYear(d.Vanguards, func(v *data.VanguardPost) int { return v.Year }, opt.Year), nil),
		registerSheet(StarRegister(), yearDocument(&d.Branch, "评星定级", opt.Year, asOf),
			ofYear(d.Stars, func(s *data.StarRating) int { return s.Year }, opt.Year), nil))
}
