# mpmath (arbitrary precision, its optional gmpy backend probed at import),
# zstandard (C extension with a cffi fallback) and fontTools (builds a font
# in memory, saves and reads it back).
import io

import mpmath
import zstandard
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

mpmath.mp.dps = 30
print(mpmath.pi, mpmath.sqrt(2), mpmath.zeta(3))
print(mpmath.quad(lambda x: mpmath.exp(-x ** 2), [-mpmath.inf, mpmath.inf]))
print(mpmath.libmp.BACKEND in ("python", "gmpy"), mpmath.mpf("1.5") ** 100)

data = b"nuitka " * 1000
compressed = zstandard.ZstdCompressor(level=3).compress(data)
print(len(data), len(compressed) < 100, zstandard.ZstdDecompressor().decompress(compressed) == data)
print(zstandard.backend)

builder = FontBuilder(1000, isTTF=True)
builder.setupGlyphOrder([".notdef", "A"])
builder.setupCharacterMap({ord("A"): "A"})
pen = TTGlyphPen(None)
pen.moveTo((0, 0))
pen.lineTo((500, 700))
pen.lineTo((1000, 0))
pen.closePath()
builder.setupGlyf({".notdef": TTGlyphPen(None).glyph(), "A": pen.glyph()})
builder.setupHorizontalMetrics({".notdef": (500, 0), "A": (1000, 0)})
builder.setupHorizontalHeader(ascent=800, descent=-200)
builder.setupNameTable({"familyName": "Test", "styleName": "Regular"})
builder.setupOS2()
builder.setupPost()
buffer = io.BytesIO()
builder.save(buffer)
buffer.seek(0)
font = TTFont(buffer)
print(sorted(font.keys()), font["name"].getDebugName(1), font.getGlyphOrder())
