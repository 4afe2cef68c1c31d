package reports

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Sheets from other systems name columns their own way: one widely used
// party-building system's 党籍状态 holds 正式党员/预备党员 (our 人员类别) and
// its 人员类别 holds 教职工/学生. A header is a hint; the values decide.

// judgeSample is how many rows under the header are read before the
// columns are judged by their values.
const judgeSample = 200

// ColumnSuggestion is a sheet column whose values look like another
// column's. The preview shows it ("这一列的值看起来是人员类别，按人员类别
// 导入？") and passes the user's answer back in ReadOptions.ColumnChoices.
type ColumnSuggestion struct {
	Column  string   `json:"column"`  // the sheet's header text
	Named   string   `json:"named"`   // the register column its header names, "" when none
	Looks   string   `json:"looks"`   // the register column its values belong to
	Applied bool     `json:"applied"` // read as Looks (else as Named, or not at all)
	Choices []string `json:"choices"` // register columns the user may pick; "" = 不导入
	Samples []string `json:"samples"` // a few of its values
	Message string   `json:"message"`
}

// applyChoices puts the user's answers (ReadOptions.ColumnChoices) in place.
func (r *sheetReader[T]) applyChoices() {
	for j, text := range r.hm.text {
		choice, ok := r.choices[text]
		if !ok {
			continue
		}
		r.hm.cols[j] = -1
		if choice != "" {
			r.hm.cols[j] = r.reg.columnByHeader(choice)
		}
	}
}

// judgeColumns compares each column's values with where its header put it.
// A named column whose values all belong to another column is moved there
// (with a suggestion saying so) when that column is free; an unnamed
// column gets a suggestion only — its header gave no hint to overrule.
func (r *sheetReader[T]) judgeColumns(rows []pendingRow) {
	samples := r.columnSamples(rows)
	moves := map[int]int{} // sheet column → register column
	for j, vals := range samples {
		if _, chosen := r.choices[r.hm.text[j]]; chosen || len(vals) == 0 {
			continue
		}
		named := r.hm.cols[j]
		if named >= 0 && r.fits(named, vals) {
			continue
		}
		if looks := r.belongsTo(vals, named); looks >= 0 {
			moves[j] = looks
		}
	}
	for j, looks := range moves {
		named := r.hm.cols[j]
		apply := named >= 0 && !r.heldBy(looks, j, moves)
		r.suggestions = append(r.suggestions, r.suggestion(j, named, looks, samples[j], apply))
	}
	for j, looks := range moves {
		if r.hm.cols[j] >= 0 && !r.heldBy(looks, j, moves) {
			r.hm.cols[j] = looks
		}
	}
	r.sortSuggestions()
}

// columnSamples are the distinct values of each sheet column that is
// either read or unnamed, over the rows that will be read.
func (r *sheetReader[T]) columnSamples(rows []pendingRow) map[int][]string {
	out := map[int][]string{}
	seen := map[int]map[string]bool{}
	for _, p := range rows {
		if skip, _ := r.skipRow(p.cells); skip {
			continue
		}
		for j, c := range p.cells {
			if j >= len(r.hm.cols) || r.hm.cols[j] == skipColumn || r.hm.text[j] == "" {
				continue
			}
			v := cleanCell(c)
			if v == "" || seen[j][v] {
				continue
			}
			if seen[j] == nil {
				seen[j] = map[string]bool{}
			}
			seen[j][v] = true
			out[j] = append(out[j], v)
		}
	}
	return out
}

// fits: every value is one the column takes (columns without Looks take
// anything).
func (r *sheetReader[T]) fits(col int, vals []string) bool {
	looks := r.reg.col(col).Looks
	if looks == nil {
		return true
	}
	for _, v := range vals {
		if !looks(v) {
			return false
		}
	}
	return true
}

// belongsTo is the one other column all values belong to, or -1.
func (r *sheetReader[T]) belongsTo(vals []string, except int) int {
	found := -1
	for i := range r.reg.columnCount() {
		if i == except || r.reg.col(i).Looks == nil || !r.fits(i, vals) {
			continue
		}
		if found >= 0 {
			return -1 // two candidates: not ours to pick
		}
		found = i
	}
	return found
}

// heldBy: another sheet column that stays where it is reads col.
func (r *sheetReader[T]) heldBy(col, except int, moves map[int]int) bool {
	for j, idx := range r.hm.cols {
		if j == except || idx != col {
			continue
		}
		if _, moving := moves[j]; !moving {
			return true
		}
	}
	return false
}

func (r *sheetReader[T]) suggestion(j, named, looks int, vals []string, applied bool) ColumnSuggestion {
	s := ColumnSuggestion{Column: r.hm.text[j], Looks: r.reg.col(looks).Header, Applied: applied,
		Samples: vals[:min(len(vals), 3)]}
	s.Choices = []string{s.Looks}
	if named >= 0 {
		s.Named = r.reg.col(named).Header
		s.Choices = append(s.Choices, s.Named)
	}
	s.Choices = append(s.Choices, "")
	shown := "“" + strings.Join(s.Samples, "”“") + "”"
	switch {
	case applied:
		s.Message = fmt.Sprintf("“%s”这一列的值（%s）看起来是%s，不是%s，已按%s导入", s.Column, shown, s.Looks, s.Named, s.Looks)
	case named >= 0:
		s.Message = fmt.Sprintf("“%s”这一列的值（%s）看起来是%s，但表中已有%s列，仍按%s读取，请核对", s.Column, shown, s.Looks, s.Looks, s.Named)
	default:
		s.Message = fmt.Sprintf("“%s”这一列的值（%s）看起来是%s，按%s导入？（现在没有导入这一列）", s.Column, shown, s.Looks, s.Looks)
	}
	return s
}

// sortSuggestions keeps the sheet's column order (maps iterate randomly).
func (r *sheetReader[T]) sortSuggestions() {
	pos := map[string]int{}
	for j, t := range r.hm.text {
		if _, ok := pos[t]; !ok {
			pos[t] = j
		}
	}
	s := r.suggestions
	for i := 1; i < len(s); i++ {
		for k := i; k > 0 && pos[s[k].Column] < pos[s[k-1].Column]; k-- {
			s[k], s[k-1] = s[k-1], s[k]
		}
	}
}

// instructionPrefixes start the 填写说明 blocks templates keep below or
// among the data rows.
var instructionPrefixes = []string{"注意", "注:", "注：", "说明", "填写说明", "填表说明", "填写注意事项",
	"填报说明", "填写要求", "温馨提示", "提示:", "提示："}

// exampleMarks are how templates mark the example rows they ship with.
var exampleMarks = []string{"示例", "样例", "举例", "例:"}

// notDataRow says why a row that has text is no person: a 填写说明 block (a
// merged multi-line cell starting 注意…, or one long text standing alone)
// or a row marked 示例/样例 in its first cells (序号 or 姓名; a 备注 that
// mentions an example is data). "" for an ordinary row.
func notDataRow(cells []string) string {
	first := firstText(cells)
	for _, p := range instructionPrefixes {
		if strings.HasPrefix(first, p) {
			return "这一行是填写说明（“" + clip(first, 12) + "”），没有导入"
		}
	}
	var filled []string
	for _, c := range cells {
		if c = cleanCell(c); c != "" {
			filled = append(filled, c)
		}
	}
	for _, c := range filled[:min(len(filled), 2)] {
		if m := exampleMark(c); m != "" {
			return "这一行标着“" + m + "”，是模板的示例行，没有导入"
		}
	}
	if len(filled) == 1 && (strings.ContainsRune(filled[0], '\n') || utf8.RuneCountInString(filled[0]) > 40) {
		return "这一行只有一段说明文字（“" + clip(first, 12) + "”），没有导入"
	}
	return ""
}

// exampleMark is the mark a cell carries: 示例, 示例：张三, 张三（示例）.
func exampleMark(c string) string {
	c = strings.Map(foldWidth, c)
	for _, m := range exampleMarks {
		if strings.HasPrefix(c, m) || strings.HasSuffix(c, "("+m+")") {
			return m
		}
	}
	return ""
}

// clip shortens s to n characters with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
