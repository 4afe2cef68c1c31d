# Convert a CFF-flavoured OpenType font to TrueType outlines (glyf), for PDF
# libraries that embed only TrueType (go-pdf/fpdf).
import sys
from fontTools.ttLib import TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

src, dst = sys.argv[1], sys.argv[2]
font = TTFont(src)
glyph_order = font.getGlyphOrder()
glyph_set = font.getGlyphSet()
glyf = newTable("glyf")
glyf.glyphOrder = glyph_order
glyf.glyphs = {}
for name in glyph_order:
    pen = TTGlyphPen(glyph_set)
    glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
    glyf.glyphs[name] = pen.glyph()
font["loca"] = newTable("loca")
font["glyf"] = glyf
del font["CFF "]
if "VORG" in font:
    del font["VORG"]
maxp = font["maxp"]
maxp.tableVersion = 0x00010000
for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
             "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
    setattr(maxp, attr, 0)
maxp.maxZones = 1
maxp.maxComponentDepth = 0
font["head"].indexToLocFormat = 1
font["head"].glyphDataFormat = 0
font.sfntVersion = "\x00\x01\x00\x00"
post = font["post"]
post.formatType = 2.0
post.extraNames = []
post.mapping = {}
post.glyphOrder = glyph_order
font.save(dst)
