#!/usr/bin/env python3
"""A font file's PANOSE and Unicode/code-page ranges (OS/2), as a
WordprocessingML font table writes them: {"panose": hex, "sig": {...}}.

    font_os2.py FONT
"""
import json, sys
from fontTools.ttLib import TTFont

o = TTFont(sys.argv[1], lazy=True)["OS/2"]
p = o.panose
panose = [p.bFamilyType, p.bSerifStyle, p.bWeight, p.bProportion, p.bContrast,
          p.bStrokeVariation, p.bArmStyle, p.bLetterForm, p.bMidline, p.bXHeight]
h = lambda v: "%08X" % v
json.dump({
    "panose": "".join("%02X" % v for v in panose),
    "sig": {"usb0": h(o.ulUnicodeRange1), "usb1": h(o.ulUnicodeRange2), "usb2": h(o.ulUnicodeRange3),
            "usb3": h(o.ulUnicodeRange4), "csb0": h(o.ulCodePageRange1), "csb1": h(o.ulCodePageRange2)},
}, sys.stdout)
