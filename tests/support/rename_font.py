#!/usr/bin/env python3
"""Make a stand-in for an office font: a copy of FONT whose family is named
as an office's font is (a Chinese name for zh-CN, an English one otherwise).

    rename_font.py FONT OUT "仿宋_GB2312" "FangSong_GB2312"

Used by tests/fonts.rs: the official fonts cannot ship with the project, so
the test checks `--font-dir` with a renamed bundled font (fontTools).
"""
import sys
from fontTools.ttLib import TTFont

src, out, chinese, english = sys.argv[1:5]
font = TTFont(src)
name = font["name"]
for rec in list(name.names):
    if rec.nameID in (1, 3, 4, 6, 16, 17):
        name.removeNames(nameID=rec.nameID)
for platform, enc, lang in [(3, 1, 0x409), (1, 0, 0)]:
    name.setName(english, 1, platform, enc, lang)
    name.setName("Regular", 2, platform, enc, lang)
    name.setName(english, 4, platform, enc, lang)
    name.setName(english.replace(" ", ""), 6, platform, enc, lang)
name.setName(chinese, 1, 3, 1, 0x804)
name.setName(chinese, 4, 3, 1, 0x804)
font.save(out)
