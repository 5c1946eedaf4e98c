#!/usr/bin/env python3
"""Rebuild the bundled font subsets in fonts/ from Debian's font packages.

Not run by CI: the subsets are committed. Run it when a source font or the
character sets change:

    apt-get download texlive-lang-chinese fonts-noto-cjk fonts-noto-cjk-extra \
        fonts-lxgw-wenkai fonts-liberation2
    for f in *.deb; do dpkg -x "$f" x; done
    python3 -m venv venv && venv/bin/pip install fonttools==4.*
    venv/bin/python fonts/make-subsets.py x fonts

Character sets (all computed here from Python's codecs, no external lists):
  * ROLE set: every character of GB 2312 (7,445, incl. its 6,763 hanzi and
    its punctuation/symbols), the punctuation GB/T 15834 uses, ASCII, and
    the full-width ASCII forms.  Used for the title, 黑体 and 楷体 roles.
  * FALLBACK set: the ROLE set plus every hanzi of GBK's URO block
    (U+4E00..U+9FA5, 20,902 characters) and a few symbols offices type
    (①..⑳, ℃, ★, ※, №, ‰, Roman numerals).  Used for Noto Serif CJK SC
    Regular, which is the fallback for every role and the 宋体 of page
    numbers.
FandolFang (the 仿宋 body font) is subset to the ROLE set as well; what it
lacks falls back to Noto Serif CJK SC.
"""
import subprocess, sys, os
from fontTools import subset
from fontTools.ttLib import TTFont

src, out = sys.argv[1], sys.argv[2]
only = set(sys.argv[3:])

def gb2312():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars

PUNCT = "，。、；：？！“”‘’（）〔〕［］《》〈〉【】「」『』—…·～－／＋＝％﹝﹞⸺―・\u3000"
EXTRA = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳℃★☆※№‰ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ〇×÷±≤≥≠∶"
ASCII = {chr(c) for c in range(0x20, 0x7F)}
FULLWIDTH = {chr(c) for c in range(0xFF01, 0xFF5F)}
ROLE = gb2312() | set(PUNCT) | ASCII | FULLWIDTH | set("\u2014\u2013\u00b7")
FALLBACK = ROLE | {chr(c) for c in range(0x4E00, 0x9FA6)} | set(EXTRA)

# Horizontal text only (no vert/vrt2). `locl` is kept for the Simplified
# Chinese language system only: it gives the 1-em U+2014 of the 一字线.
FEATURES = ["kern", "fwid", "hwid", "halt", "palt", "locl"]
SCRIPTS = ["DFLT.dflt", "hani.dflt", "hani.ZHS", "latn.dflt", "latn.ZHS"]

def make(path, number, charset, dest, rename=None):
    if only and dest not in only:
        return
    opts = subset.Options()
    opts.font_number = number
    opts.layout_features = FEATURES
    opts.hinting = False
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.notdef_outline = True
    opts.recalc_bounds = True
    opts.layout_scripts = SCRIPTS
    font = subset.load_font(path, opts)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[ord(c) for c in charset])
    sub.subset(font)
    if rename:
        family, ps = rename
        name = font["name"]
        style = name.getDebugName(2) or "Regular"
        for rec in list(name.names):
            if rec.nameID in (1, 16):
                name.setName(family, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
            elif rec.nameID == 4:
                name.setName(family + " " + style, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
            elif rec.nameID == 6:
                name.setName(ps, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
            elif rec.nameID == 3:
                name.setName(ps + "-subset", rec.nameID, rec.platformID, rec.platEncID, rec.langID)
    subset.save_font(font, os.path.join(out, dest), opts)
    print(dest, os.path.getsize(os.path.join(out, dest)))

noto = os.path.join(src, "usr/share/fonts/opentype/noto")

def mapped(path, number):
    """Every character the face maps."""
    from fontTools.ttLib import TTCollection
    return {chr(c) for c in TTCollection(path).fonts[number].getBestCmap()}

make(os.path.join(src, "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf"),
     0, ROLE, "FandolFang-Regular.subset.otf")
# Face 2 of the Noto CJK collections is the SC (Simplified Chinese) face.
make(os.path.join(noto, "NotoSerifCJK-Bold.ttc"), 2, ROLE, "NotoSerifCJKsc-Bold.subset.otf")
make(os.path.join(noto, "NotoSansCJK-Medium.ttc"), 2, ROLE, "NotoSansCJKsc-Medium.subset.otf")
make(os.path.join(noto, "NotoSerifCJK-Regular.ttc"), 2, FALLBACK, "NotoSerifCJKsc-Regular.subset.otf")
# LXGW WenKai: "LXGW" and "霞鹜" are Reserved Font Names under its OFL, so a
# modified (subset) version must be renamed.
make(os.path.join(src, "usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"),
     0, ROLE, "GongwenKai-Regular.ttf", rename=("Gongwen Kai", "GongwenKai-Regular"))
# The extension fonts: everything else Noto Serif CJK SC maps, renamed (the
# family must differ from the subsets above, see the header).
regular = os.path.join(noto, "NotoSerifCJK-Regular.ttc")
bold = os.path.join(noto, "NotoSerifCJK-Bold.ttc")
make(regular, 2, mapped(regular, 2) - FALLBACK, "NotoSerifCJKsc-Regular.ext.otf",
     rename=("Noto Serif CJK SC Ext", "NotoSerifCJKscExt-Regular"))
make(bold, 2, mapped(bold, 2) - ROLE, "NotoSerifCJKsc-Bold.ext.otf",
     rename=("Noto Serif CJK SC Ext", "NotoSerifCJKscExt-Bold"))
