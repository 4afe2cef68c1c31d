// Package resources holds the files embedded in the binary: the bundled Chinese fonts
// (subsets of Noto Sans CJK SC, SIL OFL 1.1, see fonts/OFL.txt), the application icon and
// Fyne's own UI strings in Simplified Chinese.
//
// The fonts are rebuilt with fonts/make-font.sh (make font) and the icon with
// icon/gen.go (make icon).
package resources

import (
	_ "embed"

	"fyne.io/fyne/v2"

	"partyoffice/resources/fonts"
)

var (
	//go:embed icon.png
	icon []byte

	// ZhHans is Fyne's translation table in Simplified Chinese (取消, 确定, 保存, 打开, 是, 否,
	// weekday names …), for lang.AddTranslationsForLocale.
	//
	//go:embed zh_Hans.json
	ZhHans []byte
)

var (
	// FontRegular is Noto Sans CJK SC Regular, subset to GB2312 and every UI character.
	FontRegular fyne.Resource = fyne.NewStaticResource("NotoSansSC-Regular.otf", fonts.Regular)
	// FontBold is Noto Sans CJK SC Bold with the same character set as FontRegular.
	FontBold fyne.Resource = fyne.NewStaticResource("NotoSansSC-Bold.otf", fonts.Bold)
	// Icon is the 512×512 application icon (PNG).
	Icon fyne.Resource = fyne.NewStaticResource("icon.png", icon)
)
