// Package fonts holds the bundled Chinese font files as bytes, without Fyne:
// package resources wraps them for the UI, and package reports draws the
// printable flowcharts and 告知单 and the year-end archive PDF with them.
package fonts

import _ "embed"

var (
	// Regular is Noto Sans CJK SC Regular, subset to GB2312 and every UI character.
	//
	//go:embed NotoSansSC-Regular.otf
	Regular []byte
	// Bold is Noto Sans CJK SC Bold with the same character set.
	//
	//go:embed NotoSansSC-Bold.otf
	Bold []byte
	// PDFRegular is Regular with TrueType (glyf) outlines: go-pdf/fpdf embeds
	// only TrueType and refuses the CFF outlines of the .otf (make-font.sh
	// converts it with otf2ttf.py).
	//
	//go:embed NotoSansSC-Regular.ttf
	PDFRegular []byte
)
