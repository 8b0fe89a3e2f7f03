#!/usr/bin/python3
"""
Regenerates renderer/styles/fonts/yd-punct-*.woff2: the Chinese punctuation of Noto Serif/Sans
CJK SC, one file per style and weight, keeping the `halt`/`chws` features that Chromium's
text-spacing-trim needs (see renderer/styles/punct-fonts.css).

Not part of the build (the outputs are committed). Needs Debian's fonts-noto-cjk,
python3-fonttools and python3-brotli. Outlines are converted from CFF to TrueType: Chromium
embeds CFF fonts in printed PDFs in a way that makes PDF readers (poppler) extract the
punctuation out of reading order, which breaks copying text from a saved PDF.
"""
import os
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

SRC = '/usr/share/fonts/opentype/noto'
OUT = os.path.join(os.path.dirname(__file__), '..', 'renderer', 'styles', 'fonts')
RANGE = 'U+3000-303F,U+FF01-FF0F,U+FF1A-FF1F,U+FF3B-FF3D,U+FF5B-FF5E,U+2018-2019,U+201C-201D,U+2026'
FEATURES = ['chws', 'halt', 'locl', 'kern', 'vert', 'vrt2', 'vchw', 'vhal', 'palt']


def to_truetype(font: TTFont) -> None:
    glyph_set = font.getGlyphSet()
    order = font.getGlyphOrder()
    glyf = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font['glyf'] = glyf
    font['loca'] = newTable('loca')
    maxp = font['maxp'] = newTable('maxp')
    maxp.tableVersion = 0x00010000
    for attr in ('maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
                 'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    post = font['post']
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    for tag in ('CFF ', 'VORG'):
        if tag in font:
            del font[tag]
    font['head'].glyphDataFormat = 0
    font.sfntVersion = '\x00\x01\x00\x00'
    font.recalcBBoxes = True  # glyph bounds and maxp limits of the new outlines


for style in ('Serif', 'Sans'):
    for weight, number in (('Regular', 400), ('Bold', 700)):
        options = subset.Options()
        options.layout_features = FEATURES
        options.name_IDs = ['*']
        options.name_languages = ['*']
        options.font_number = 2  # the SC (Simplified Chinese) face of the collection
        font = subset.load_font(f'{SRC}/Noto{style}CJK-{weight}.ttc', options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=subset.parse_unicodes(RANGE))
        subsetter.subset(font)
        to_truetype(font)
        font.flavor = 'woff2'
        font.save(os.path.join(OUT, f'yd-punct-{style.lower()}-{number}.woff2'))
