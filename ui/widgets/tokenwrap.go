package widgets

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TokenWrap is rich text that wraps Chinese as it is typeset: between any
// two hanzi, but never inside a run of digits and Latin letters (a date
// such as 1990-03-07, a number, 第7步's 7) and never so that a closing mark
// （）。，、 …） starts a line or an opening one ends it. Fyne's own
// wrapping breaks Chinese anywhere ("19|90-03-07", a lone "）" on a line)
// or only at spaces (issue 13). The text is re-broken with line feeds
// whenever the width changes.
type TokenWrap struct {
	widget.BaseWidget
	segments []*widget.TextSegment // as given, without line feeds
	text     *widget.RichText
	width    float32
}

// NewTokenWrap shows segments (plain text segments, Inline) wrapped at the width it gets.
func NewTokenWrap(segments ...*widget.TextSegment) *TokenWrap {
	t := &TokenWrap{segments: segments, text: widget.NewRichText()}
	t.ExtendBaseWidget(t)
	t.rewrap(0)
	return t
}

// String is the text shown, without the inserted line feeds.
func (t *TokenWrap) String() string {
	var b strings.Builder
	for _, s := range t.segments {
		b.WriteString(s.Text)
	}
	return b.String()
}

func (t *TokenWrap) CreateRenderer() fyne.WidgetRenderer { return &tokenWrapRenderer{t: t} }

// rewrap breaks the segments into lines no wider than width (0: one line).
func (t *TokenWrap) rewrap(width float32) {
	t.width = width
	inner := width - 2*theme.InnerPadding()
	var out []widget.RichTextSegment
	lineWidth := float32(0)
	for _, seg := range t.segments {
		size := theme.TextSize()
		if seg.Style.SizeName != "" {
			size = theme.Size(seg.Style.SizeName)
		}
		var b strings.Builder
		for _, unit := range textUnits(seg.Text) {
			w := fyne.MeasureText(unit, size, seg.Style.TextStyle).Width
			if width > 0 && lineWidth > 0 && lineWidth+w > inner {
				b.WriteString("\n")
				lineWidth = 0
				unit = strings.TrimLeft(unit, " ")
				w = fyne.MeasureText(unit, size, seg.Style.TextStyle).Width
			}
			b.WriteString(unit)
			lineWidth += w
		}
		copied := *seg
		copied.Text = b.String()
		out = append(out, &copied)
	}
	t.text.Segments = out
	t.text.Refresh()
}

type tokenWrapRenderer struct{ t *TokenWrap }

func (r *tokenWrapRenderer) Layout(size fyne.Size) {
	if size.Width != r.t.width {
		r.t.rewrap(size.Width)
	}
	r.t.text.Resize(size)
}

// MinSize is the height of the text as wrapped at the current width; the
// width asked for is that of a few hanzi, so the text never widens its box.
func (r *tokenWrapRenderer) MinSize() fyne.Size {
	h := r.t.text.MinSize().Height
	return fyne.NewSize(6*theme.TextSize(), h)
}
func (r *tokenWrapRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.t.text} }
func (r *tokenWrapRenderer) Refresh()                     { r.t.rewrap(r.t.width) }
func (r *tokenWrapRenderer) Destroy()                     {}

// textUnits splits s into the pieces a line may break between: each hanzi
// on its own, runs of digits and Latin letters (with - . : / %) whole,
// closing marks kept with the piece before and opening marks with the piece
// after.
func textUnits(s string) []string {
	var units []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			units = append(units, string(cur))
			cur = nil
		}
	}
	pendingOpen := ""
	for _, r := range s {
		switch {
		case strings.ContainsRune(closingMarks, r):
			if len(cur) == 0 && len(units) > 0 {
				units[len(units)-1] += string(r)
			} else {
				cur = append(cur, r)
			}
		case strings.ContainsRune(openingMarks, r):
			flush()
			pendingOpen += string(r)
		case isTokenRune(r):
			if len(cur) > 0 && !isTokenRune(cur[len(cur)-1]) {
				flush()
			}
			if pendingOpen != "" {
				cur, pendingOpen = append([]rune(pendingOpen), cur...), ""
			}
			cur = append(cur, r)
		default: // a hanzi, a space or another mark: a unit of its own
			flush()
			unit := pendingOpen + string(r)
			pendingOpen = ""
			cur = []rune(unit)
			flush()
		}
	}
	if pendingOpen != "" {
		cur = append(cur, []rune(pendingOpen)...)
	}
	flush()
	return units
}

// closingMarks may not start a line; openingMarks may not end one.
const (
	closingMarks = "）)】」』》〉”’，。、；：！？,.;:!?…%"
	openingMarks = "（(【「『《〈“‘"
)

// isTokenRune is a character of a run that must stay whole: digits, Latin
// letters and the marks inside dates, times and numbers.
func isTokenRune(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-./:_+#", r))
}
