#!/usr/bin/env bash
# Rebuild the bundled Chinese fonts (NotoSansSC-Regular.otf, NotoSansSC-Bold.otf, and
# NotoSansSC-Regular.ttf for PDF).
#
# Source: Debian/Ubuntu package fonts-noto-cjk (Noto Sans CJK, SIL OFL 1.1). The package ships
# .ttc collections; Fyne panics on a collection, so one face ("Noto Sans CJK SC") is extracted
# and subset to:
#   ASCII, Latin-1, general punctuation, CJK symbols and punctuation, full-width forms,
#   every character of GB2312 (all 6763 hanzi and its symbol rows), a few common symbols,
#   and every non-ASCII character found in the *.go files under ui/ cmd/ data/ reports/.
# Rerun after adding UI text (make font); ui/core/glyphs_test.go (tag ci) fails until you do.
#
# Needs: fonts-noto-cjk, fontconfig (fc-query) and fonttools (python3-fonttools).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
srcdir=${NOTO_CJK_DIR:-/usr/share/fonts/opentype/noto}
family="Noto Sans CJK SC"

if command -v pyftsubset >/dev/null; then
  subset=(pyftsubset)
else
  subset=(python3 -m fontTools.subset)
fi

for f in NotoSansCJK-Regular.ttc NotoSansCJK-Bold.ttc; do
  if [[ ! -f $srcdir/$f ]]; then
    echo "make-font: $srcdir/$f not found (apt-get install fonts-noto-cjk, or set NOTO_CJK_DIR)" >&2
    exit 1
  fi
done

# face_index FILE: index of the face whose family is exactly "Noto Sans CJK SC" (not Mono).
face_index() {
  local idx
  idx=$(fc-query --format='%{index}\t%{family}\n' "$1" |
    awk -F'\t' -v fam="$family" '{ n = split($2, a, ","); for (i = 1; i <= n; i++) if (a[i] == fam) { print $1; exit } }')
  if [[ -z $idx ]]; then
    echo "make-font: no face \"$family\" in $1" >&2
    exit 1
  fi
  echo "$idx"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The code point list, one hex value per line.
python3 - "$root" >"$tmp/unicodes.txt" <<'PY'
import os
import sys

root = sys.argv[1]
cps = set()

def add_range(a, b):
    cps.update(range(a, b + 1))

add_range(0x20, 0x7E)      # ASCII
add_range(0xA0, 0xFF)      # Latin-1 supplement (punctuation, ×, ÷, ·, …)
add_range(0x2010, 0x2027)  # general punctuation: dashes, quotes, …, ‧
add_range(0x2030, 0x203B)  # ‰ ′ ″ ‹ › ※
add_range(0x3000, 0x303F)  # CJK symbols and punctuation
add_range(0xFF00, 0xFFEF)  # full-width forms
# ✗ (U+2717) is not in Noto Sans CJK and stays missing; use × in the UI.
for ch in "①②③④⑤⑥⑦⑧⑨⑩×÷→←↑↓✓✗·—…●○■□▲★☆◆◇△▼√≤≥≠±℃№":
    cps.add(ord(ch))

# Every valid GB2312 two-byte code (rows 0xA1-0xF7, cells 0xA1-0xFE).
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            s = bytes((hi, lo)).decode("gb2312")
        except UnicodeDecodeError:
            continue
        cps.update(ord(c) for c in s)

# Every non-ASCII character used in the Go sources of the app.
for top in ("ui", "cmd", "data", "reports"):
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
        dirnames[:] = [d for d in dirnames if d not in ("testdata", "vendor") and not d.startswith(".")]
        for name in filenames:
            if not name.endswith(".go"):
                continue
            with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                for c in f.read():
                    o = ord(c)
                    if o > 0x7F and o != 0xFFFD and not (0xD800 <= o <= 0xDFFF):
                        cps.add(o)

# Control characters have no glyph to keep.
cps = {c for c in cps if c >= 0x20 and not (0x7F <= c <= 0x9F)}
for c in sorted(cps):
    print("U+%04X" % c)
PY

echo "make-font: $(wc -l <"$tmp/unicodes.txt") code points"

# Size options: no hinting (Fyne's rasteriser ignores CFF hints), no vertical metrics, and only
# the kern feature (locl is dropped on purpose: the SC face's cmap already gives the mainland
# glyph shapes, so a Japanese or Korean OS locale cannot switch them).
opts=(
  --unicodes-file="$tmp/unicodes.txt"
  --layout-features=kern
  --no-hinting
  --notdef-outline
  --name-IDs='*'
  --name-languages='*'
  --drop-tables+=VORG,vhea,vmtx,DSIG
)

pids=()
for style in Regular Bold; do
  src=$srcdir/NotoSansCJK-$style.ttc
  idx=$(face_index "$src")
  out=$here/NotoSansSC-$style.otf
  echo "make-font: $src face $idx ($family $style) -> ${out#"$root"/}"
  "${subset[@]}" "$src" --font-number="$idx" "${opts[@]}" --output-file="$tmp/NotoSansSC-$style.otf" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
for style in Regular Bold; do
  mv "$tmp/NotoSansSC-$style.otf" "$here/NotoSansSC-$style.otf"
done
# The PDF archive (go-pdf/fpdf) embeds TrueType outlines only: the same subset, its cubic CFF
# outlines converted to quadratic glyf ones.
python3 "$here/otf2ttf.py" "$here/NotoSansSC-Regular.otf" "$here/NotoSansSC-Regular.ttf"
ls -l "$here"/NotoSansSC-*.otf "$here"/NotoSansSC-Regular.ttf
