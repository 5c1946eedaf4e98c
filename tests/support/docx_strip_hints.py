#!/usr/bin/env python3
"""Copy a DOCX without its w:hint attributes (rFonts elements left with no
attribute are removed), to compare renderings with and without them.

    docx_strip_hints.py IN.docx OUT.docx
"""
import sys, zipfile
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename.startswith("word/") and item.filename.endswith(".xml"):
            root = etree.fromstring(data)
            for f in root.iter(W + "rFonts"):
                f.attrib.pop(W + "hint", None)
                if not f.attrib:
                    rpr = f.getparent()
                    rpr.remove(f)
                    if len(rpr) == 0:
                        rpr.getparent().remove(rpr)
            data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        zout.writestr(item, data)
