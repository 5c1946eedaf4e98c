#!/usr/bin/env python3
"""Inspect a DOCX as a third party would, and print JSON.

    docx_check.py FILE.docx

Opens the package with python-docx and parses every XML part with the
standard library's parser. Output:
  {"xml_errors": [...], "style_ids": [...], "duplicate_style_ids": [...],
   "styles": {name: {"id":..., "type":..., "east_asia":..., "ascii":..., "size_pt":...}},
   "paragraphs": [{"style": name, "text": ...}], "core": {"title":..., "author":...},
   "sections": [{"top_mm":..., "left_mm":..., "right_mm":..., "bottom_mm":..., "width_mm":..., "height_mm":...}],
   "even_and_odd_headers": bool, "footers": {"odd": text, "even": text},
   "style_xml": {name: {"next": name, "based_on": name, "outline": int, "first_line": twips,
                        "right": twips, "jc": ..., "line": twips, "line_rule": ..., "qformat": bool}},
   "latent": {"defaults": {attr: value}, "exceptions": {name: {attr: value}}},
   "settings": {"default_tab_stop": twips, "compat": [flag, ...]},
   "fonts": {name: {"alt_names": [...], "panose": hex, "charset": ..., "sig": {attr: hex}}},
   "grid": {"type": ..., "line_pitch": twips}, "margins_twips": {attr: twips},
   "paragraph_props": [{"style": name, "text": ..., "outline": int|None, "ind": {attr: twips}, "tabs": [[kind, pos]]}],
   "shared_unhinted": [chars in the document and footers that Word sets in the hAnsi font
                       without an eastAsia hint, in runs that lack it],
   "hinted_without_need": [characters in hinted runs that need no hint]}

The set of characters Word sets in hAnsi unless hinted is written here from
[MS-OI29500] 2.1.88 (Latin-1 exceptions) and ONLYOFFICE's table of Word's
classification (U+2000-U+27BF), independently of gongwen's code.
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

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
def val(el, tag, attr="val"):
    if el is None:
        return None
    c = el.find(W + tag)
    return None if c is None else c.get(W + attr)

def ival(v):
    return None if v is None else int(v)

names = {s.style_id: s.name for s in d.styles}
style_xml = {}
for s in d.styles:
    el = s.element
    ppr = el.find(W + "pPr")
    ind = ppr.find(W + "ind") if ppr is not None else None
    sp = ppr.find(W + "spacing") if ppr is not None else None
    style_xml[s.name] = {
        "next": names.get(val(el, "next")),
        "based_on": names.get(val(el, "basedOn")),
        "outline": ival(val(ppr, "outlineLvl")),
        "first_line": ival(ind.get(W + "firstLine")) if ind is not None else None,
        "right": ival(ind.get(W + "right")) if ind is not None else None,
        "jc": val(ppr, "jc"),
        "line": ival(sp.get(W + "line")) if sp is not None else None,
        "line_rule": sp.get(W + "lineRule") if sp is not None else None,
        "qformat": el.find(W + "qFormat") is not None,
    }
out["style_xml"] = style_xml
rpr_default = d.styles.element.find(W + "docDefaults/" + W + "rPrDefault/" + W + "rPr")
out["defaults"] = {
    "east_asia": val(rpr_default, "rFonts", "eastAsia"),
    "ascii": val(rpr_default, "rFonts", "ascii"),
    "size_pt": ival(val(rpr_default, "sz")) / 2,
}

styles_root = d.styles.element
lat = styles_root.find(W + "latentStyles")
out["latent"] = {
    "defaults": {} if lat is None else {k.replace(W, ""): v for k, v in lat.attrib.items()},
    "exceptions": {} if lat is None else {
        e.get(W + "name"): {k.replace(W, ""): v for k, v in e.attrib.items() if k != W + "name"}
        for e in lat.findall(W + "lsdException")
    },
}

from lxml import etree
with zipfile.ZipFile(path) as z:
    settings = etree.fromstring(z.read("word/settings.xml"))
    fonts = etree.fromstring(z.read("word/fontTable.xml"))
    footers = [etree.fromstring(z.read(n)) for n in z.namelist() if n.startswith("word/footer")]
compat = settings.find(W + "compat")
out["settings"] = {
    "default_tab_stop": ival(val(settings, "defaultTabStop")),
    "compat": [] if compat is None else [c.tag.replace(W, "") for c in compat if c.tag != W + "compatSetting"],
}
out["fonts"] = {
    f.get(W + "name"): {
        "alt_names": (val(f, "altName") or "").split(",") if val(f, "altName") else [],
        "panose": val(f, "panose1"),
        "charset": val(f, "charset"),
        "sig": None if f.find(W + "sig") is None else {k.replace(W, ""): v for k, v in f.find(W + "sig").attrib.items()},
    }
    for f in fonts.findall(W + "font")
}
body = d.element.body
sect = body.find(W + "sectPr")
grid = sect.find(W + "docGrid")
out["grid"] = {"type": grid.get(W + "type"), "line_pitch": ival(grid.get(W + "linePitch"))}
out["margins_twips"] = {k.replace(W, ""): int(v) for k, v in sect.find(W + "pgMar").attrib.items()}
pprops = []
for p in d.paragraphs:
    ppr = p._p.find(W + "pPr")
    ind = ppr.find(W + "ind") if ppr is not None else None
    tabs = ppr.find(W + "tabs") if ppr is not None else None
    pprops.append({
        "style": p.style.name,
        "text": p.text,
        "outline": ival(val(ppr, "outlineLvl")),
        "ind": {} if ind is None else {k.replace(W, ""): int(v) for k, v in ind.attrib.items()},
        "tabs": [] if tabs is None else [[t.get(W + "val"), int(t.get(W + "pos"))] for t in tabs],
    })
out["paragraph_props"] = pprops

LATIN1_HINTED = {0xA1, 0xA4, 0xA7, 0xA8, 0xAA, 0xAD, 0xAF, 0xB0, 0xB1, 0xB2, 0xB3, 0xB4,
                 0xB6, 0xB7, 0xB8, 0xB9, 0xBA, 0xBC, 0xBD, 0xBE, 0xBF, 0xD7, 0xF7}
def shared(ch):
    o = ord(ch)
    return o in LATIN1_HINTED or 0x2000 <= o <= 0x27BF

unhinted, needless = [], []
for root in [d.element] + footers:
    for r in root.iter(W + "r"):
        rpr = r.find(W + "rPr")
        fonts_el = rpr.find(W + "rFonts") if rpr is not None else None
        hinted = fonts_el is not None and fonts_el.get(W + "hint") == "eastAsia"
        for t in r.findall(W + "t"):
            for ch in t.text or "":
                if shared(ch) and not hinted:
                    unhinted.append(ch)
                if hinted and not shared(ch):
                    needless.append(ch)
out["shared_unhinted"] = unhinted
out["hinted_without_need"] = needless

json.dump(out, sys.stdout, ensure_ascii=False)
