#!/usr/bin/env python3
"""Inspect a DOCX as a third party would, and print JSON.

    docx_check.py FILE.docx

Opens the package with python-docx and parses every XML part with the
standard library's parser. Output:
  {"xml_errors": [...], "style_ids": [...], "duplicate_style_ids": [...],
   "styles": {name: {"id":..., "type":..., "east_asia":..., "ascii":..., "size_pt":...}},
   "paragraphs": [{"style": name, "text": ...}], "core": {"title":..., "author":...},
   "sections": [{"top_mm":..., "left_mm":..., "right_mm":..., "bottom_mm":..., "width_mm":..., "height_mm":...}],
   "even_and_odd_headers": bool, "footers": {"odd": text, "even": text}}
"""
import json, sys, zipfile
import xml.dom.minidom
import docx
from docx.oxml.ns import qn

path = sys.argv[1]
out = {"xml_errors": []}
with zipfile.ZipFile(path) as z:
    for name in z.namelist():
        if name.endswith(".xml") or name.endswith(".rels"):
            try:
                xml.dom.minidom.parseString(z.read(name))
            except Exception as e:  # noqa: BLE001
                out["xml_errors"].append(f"{name}: {e}")

d = docx.Document(path)
ids = [s.style_id for s in d.styles]
out["style_ids"] = ids
out["duplicate_style_ids"] = sorted({i for i in ids if ids.count(i) > 1})
styles = {}
for s in d.styles:
    rpr = s.element.find(qn("w:rPr"))
    east = ascii_ = None
    if rpr is not None and rpr.find(qn("w:rFonts")) is not None:
        f = rpr.find(qn("w:rFonts"))
        east, ascii_ = f.get(qn("w:eastAsia")), f.get(qn("w:ascii"))
    size = s.font.size.pt if getattr(s, "font", None) is not None and s.font.size else None
    styles[s.name] = {"id": s.style_id, "type": str(s.type), "east_asia": east, "ascii": ascii_, "size_pt": size}
out["styles"] = styles
out["paragraphs"] = [{"style": p.style.name, "text": p.text} for p in d.paragraphs]
cp = d.core_properties
out["core"] = {"title": cp.title, "author": cp.author, "created": cp.created.isoformat() if cp.created else None}
mm = lambda v: v / 36000.0 if v is not None else None  # EMU -> mm
out["sections"] = [
    {
        "top_mm": mm(s.top_margin), "bottom_mm": mm(s.bottom_margin), "left_mm": mm(s.left_margin),
        "right_mm": mm(s.right_margin), "width_mm": mm(s.page_width), "height_mm": mm(s.page_height),
    }
    for s in d.sections
]
out["even_and_odd_headers"] = d.settings.odd_and_even_pages_header_footer
sec = d.sections[0]
out["footers"] = {
    "odd": "".join(p.text for p in sec.footer.paragraphs),
    "even": "".join(p.text for p in sec.even_page_footer.paragraphs),
}
json.dump(out, sys.stdout, ensure_ascii=False)
